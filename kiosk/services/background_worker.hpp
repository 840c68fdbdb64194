#pragma once

// A thread that runs blocking jobs (HTTP requests, writes to a printer) one at a time in
// submission order, so the drawing thread never waits on them. A finished job's
// completion is queued and runs on the drawing thread in run_completions().

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace antrean::kiosk {

// Wakes a loop that sleeps between frames when a background result arrives.
class Wakeup {
  public:
    void notify();
    // Sleeps until notify() or the timeout; returns true when notified. Clears the flag.
    bool wait_for(std::chrono::milliseconds timeout);

  private:
    std::mutex mutex_;
    std::condition_variable condition_;
    bool notified_ = false;
};

class BackgroundWorker {
  public:
    // The job runs on the worker thread and returns the completion, which runs on the
    // thread that calls run_completions().
    using Job = std::function<std::function<void()>()>;

    explicit BackgroundWorker(Wakeup& wakeup);
    ~BackgroundWorker();
    BackgroundWorker(const BackgroundWorker&) = delete;
    BackgroundWorker& operator=(const BackgroundWorker&) = delete;

    void submit(Job job);
    // Runs the completions of finished jobs; returns how many ran.
    int run_completions();
    // Whether a job is queued or running.
    bool busy() const;

  private:
    void run();

    Wakeup& wakeup_;
    mutable std::mutex mutex_;
    std::condition_variable condition_;
    std::deque<Job> jobs_;
    std::deque<std::function<void()>> completions_;
    bool running_job_ = false;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace antrean::kiosk
