#include "services/background_worker.hpp"

namespace antrean::kiosk {

void Wakeup::notify() {
    {
        const std::lock_guard lock(mutex_);
        notified_ = true;
    }
    condition_.notify_all();
}

bool Wakeup::wait_for(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    const bool notified = condition_.wait_for(lock, timeout, [this] { return notified_; });
    notified_ = false;
    return notified;
}

BackgroundWorker::BackgroundWorker(Wakeup& wakeup) : wakeup_(wakeup), thread_([this] { run(); }) {}

BackgroundWorker::~BackgroundWorker() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
        jobs_.clear();
    }
    condition_.notify_all();
    thread_.join();
}

void BackgroundWorker::submit(Job job) {
    {
        const std::lock_guard lock(mutex_);
        jobs_.push_back(std::move(job));
    }
    condition_.notify_all();
}

bool BackgroundWorker::busy() const {
    const std::lock_guard lock(mutex_);
    return running_job_ || !jobs_.empty();
}

int BackgroundWorker::run_completions() {
    std::deque<std::function<void()>> ready;
    {
        const std::lock_guard lock(mutex_);
        ready.swap(completions_);
    }
    for (auto& completion : ready) {
        if (completion) {
            completion();
        }
    }
    return static_cast<int>(ready.size());
}

void BackgroundWorker::run() {
    while (true) {
        Job job;
        {
            std::unique_lock lock(mutex_);
            condition_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
            if (stopping_) {
                return;
            }
            job = std::move(jobs_.front());
            jobs_.pop_front();
            running_job_ = true;
        }
        std::function<void()> completion = job();
        {
            const std::lock_guard lock(mutex_);
            completions_.push_back(std::move(completion));
            running_job_ = false;
        }
        wakeup_.notify();
    }
}

}  // namespace antrean::kiosk
