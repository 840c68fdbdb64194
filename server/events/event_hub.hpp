#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace antrean::server {

struct StreamEvent {
    std::int64_t id = 0;
    std::string name;  // "ticket.called", "ticket.recalled", "ticket.updated", ...
    std::string data;  // JSON text, public data only
};

// Fans committed events out to the open event streams. The events table is the record;
// the hub keeps the newest ones in memory so a subscriber that is a little behind is
// served without touching SQLite.
class EventHub {
public:
    explicit EventHub(size_t capacity = 4096) : capacity_(capacity) {}

    // Called after the transaction that stored the event has committed, in id order.
    void publish(StreamEvent event);

    enum class WaitStatus { Events, Timeout, Gap, Closed };
    struct WaitResult {
        WaitStatus status = WaitStatus::Timeout;
        std::vector<StreamEvent> events;
    };
    // Waits up to `timeout_ms` for events with an id above `after_id`. Returns Gap when the
    // memory no longer holds every event after `after_id`, so the caller reads the table.
    WaitResult wait_after(std::int64_t after_id, int timeout_ms);

    // Wakes every waiter and makes later waits return Closed (server shutdown).
    void close();
    std::int64_t last_id() const;
    void set_last_id(std::int64_t id);

private:
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<StreamEvent> recent_;
    size_t capacity_;
    std::int64_t last_id_ = 0;
    bool closed_ = false;
};

}  // namespace antrean::server
