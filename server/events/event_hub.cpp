#include "events/event_hub.hpp"

#include <chrono>

namespace antrean::server {

void EventHub::publish(StreamEvent event) {
    {
        std::lock_guard lock(mutex_);
        last_id_ = event.id;
        recent_.push_back(std::move(event));
        while (recent_.size() > capacity_) {
            recent_.pop_front();
        }
    }
    changed_.notify_all();
}

EventHub::WaitResult EventHub::wait_after(std::int64_t after_id, int timeout_ms) {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, std::chrono::milliseconds(timeout_ms),
                      [&] { return closed_ || last_id_ > after_id; });
    WaitResult result;
    if (closed_) {
        result.status = WaitStatus::Closed;
        return result;
    }
    if (last_id_ <= after_id) {
        result.status = WaitStatus::Timeout;
        return result;
    }
    // Ids are consecutive only within one process lifetime; a gap also means the memory
    // started after `after_id`, so the table must fill in.
    if (recent_.empty() || recent_.front().id > after_id + 1) {
        result.status = WaitStatus::Gap;
        return result;
    }
    result.status = WaitStatus::Events;
    for (const StreamEvent& event : recent_) {
        if (event.id > after_id) {
            result.events.push_back(event);
        }
    }
    return result;
}

void EventHub::close() {
    {
        std::lock_guard lock(mutex_);
        closed_ = true;
    }
    changed_.notify_all();
}

std::int64_t EventHub::last_id() const {
    std::lock_guard lock(mutex_);
    return last_id_;
}

void EventHub::set_last_id(std::int64_t id) {
    std::lock_guard lock(mutex_);
    last_id_ = id;
}

}  // namespace antrean::server
