#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "client/api_client.hpp"

namespace httplib {
class Client;
}

namespace antrean {

// One server-sent event, as dispatched by a blank line.
struct SseEvent {
    std::string id;    // the last `id:` seen on the stream so far, not only in this event
    std::string name;  // the `event:` field, "message" when the event has none
    std::string data;  // the `data:` lines joined with "\n"

    bool operator==(const SseEvent&) const = default;
};

// Parses a text/event-stream body as the WHATWG HTML standard ("Server-sent events",
// "Event stream interpretation") defines it. Chunks may be split anywhere, including inside a
// line or between "\r" and "\n". Lines end with "\n", "\r\n" or "\r". A leading UTF-8 byte
// order mark is skipped. An event without any `data:` line is not dispatched, and an
// unfinished event is dropped when the stream ends (the parser is simply discarded).
// NOTE: a line is buffered whole with no size limit, so the server is trusted to keep lines
// short.
class SseParser {
public:
    // Parses the next chunk and returns the events that it completes, in stream order.
    std::vector<SseEvent> feed(std::string_view chunk);

    // The last event ID buffer, which is the value of the last `id:` line without a NUL.
    const std::string& last_event_id() const { return last_event_id_; }
    // The number of comment lines (starting with ':') so far. The server sends them as heartbeats.
    std::uint64_t heartbeat_count() const { return heartbeat_count_; }
    // The reconnection time of the last `retry:` line made of ASCII digits only.
    std::optional<std::chrono::milliseconds> retry_delay() const { return retry_delay_; }

private:
    void parse_bytes(std::string_view bytes, std::vector<SseEvent>& events);
    void process_line(std::string_view line, std::vector<SseEvent>& events);
    void dispatch(std::vector<SseEvent>& events);

    std::string pending_bom_;  // bytes of a possible byte order mark at the stream start
    bool bom_checked_ = false;
    bool after_cr_ = false;  // the previous byte was "\r", so a "\n" now ends no new line
    std::string line_;

    std::string data_;
    std::string event_name_;
    std::string last_event_id_;
    std::uint64_t heartbeat_count_ = 0;
    std::optional<std::chrono::milliseconds> retry_delay_;
};

// Exponential back-off between reconnection attempts.
struct BackoffPolicy {
    std::chrono::milliseconds initial_delay{250};
    std::chrono::milliseconds max_delay{5000};
};

// Returns the wait before the next attempt after `failed_attempts` consecutive failures:
// zero for none, then initial_delay doubled per further failure up to max_delay.
std::chrono::milliseconds backoff_delay(int failed_attempts, const BackoffPolicy& policy);

// Counts consecutive failed attempts and returns the wait before each retry.
class ReconnectBackoff {
public:
    explicit ReconnectBackoff(BackoffPolicy policy = {}) : policy_(policy) {}

    // Records one more failed attempt and returns the wait before the next one.
    std::chrono::milliseconds record_failure();
    // Starts the schedule again after a connection succeeded.
    void reset() { failed_attempts_ = 0; }
    int failed_attempts() const { return failed_attempts_; }

private:
    BackoffPolicy policy_;
    int failed_attempts_ = 0;
};

enum class ConnectionState { Connected, Disconnected, kCount };

// The cause of a lost or failed event stream connection.
enum class DisconnectReason {
    ConnectFailed,       // no TCP connection, for example the server is not running
    UnexpectedResponse,  // an HTTP status other than 200 or a body other than text/event-stream
    StreamEnded,         // the server ended the response
    ConnectionLost,      // a read failed, or no byte arrived within the read timeout
    kCount,
};
inline constexpr std::array disconnect_reason_names{"connect_failed", "unexpected_response",
                                                    "stream_ended", "connection_lost"};
static_assert(disconnect_reason_names.size() == static_cast<size_t>(DisconnectReason::kCount));
inline const char* to_string(DisconnectReason reason) {
    return disconnect_reason_names.at(static_cast<size_t>(reason));
}

// The argument of the status callback, sent on each connect and on each disconnect or failed
// attempt.
struct ConnectionStatus {
    ConnectionState state = ConnectionState::Disconnected;
    DisconnectReason reason = DisconnectReason::ConnectFailed;  // meaningful when disconnected
    std::string detail;       // an English sentence for logs, empty when connected
    int failed_attempts = 0;  // consecutive failures, a dropped connection counting as one
    std::chrono::milliseconds retry_in{0};  // wait before the next attempt
};

struct EventSubscriberOptions {
    std::string path = "/api/v1/events";
    // Sent as Last-Event-ID on the first connection. An empty id sends no header.
    std::string last_event_id;
    // Connecting on a LAN takes milliseconds. The limit is short because stop() cannot cut
    // a TCP connect short and waits for it to end.
    std::chrono::milliseconds connect_timeout{1000};
    // Longer than the server's heartbeat interval (a comment line at most 4 s after the last
    // line), so only a dead connection stays silent this long.
    std::chrono::milliseconds read_timeout{10000};
    BackoffPolicy backoff;
};

// Follows the server's event stream (GET /api/v1/events) on a background thread and
// reconnects by itself with exponential back-off, sending Last-Event-ID so that the server
// can replay missed events or send a fresh `board` snapshot.
//
// Both callbacks run on the background thread, one at a time, and must not destroy the
// subscriber. An exception escaping the event callback is logged and the event skipped.
// The stream's `retry:` field is ignored because the back-off policy decides the waits.
class EventSubscriber {
public:
    using EventCallback = std::function<void(const SseEvent&)>;
    using StatusCallback = std::function<void(const ConnectionStatus&)>;

    EventSubscriber(ServerAddress address, EventCallback on_event, StatusCallback on_status,
                    EventSubscriberOptions options = {});
    // Calls stop().
    ~EventSubscriber();

    EventSubscriber(const EventSubscriber&) = delete;
    EventSubscriber& operator=(const EventSubscriber&) = delete;

    // Starts the background thread, or does nothing while it runs. Callable again after stop().
    void start();
    // Ends the background thread and waits for it, whether it is connecting, connected or
    // waiting to retry. Reports no status. Called from a callback, it only sets the stop
    // request, and the destructor waits for the thread.
    void stop();

    bool is_connected() const { return connected_.load(); }
    // The id of the last event delivered to the event callback, or the configured
    // last_event_id before any event.
    std::string last_event_id() const;

private:
    struct StreamOutcome {
        bool was_connected = false;
        DisconnectReason reason = DisconnectReason::ConnectFailed;
        std::string detail;
    };

    void run();
    // Opens one connection and reads it until it ends or stop() cuts it, then returns
    // why it ended. `failed_attempts` only goes into the log line of a successful connect.
    StreamOutcome follow_stream(int failed_attempts);
    void deliver(const SseEvent& event);
    void report(const ConnectionStatus& status);

    const ServerAddress address_;
    const EventCallback on_event_;
    const StatusCallback on_status_;
    const EventSubscriberOptions options_;

    // Guards stop_requested_ writes, the back-off wait and active_connection_.
    std::mutex mutex_;
    std::condition_variable stop_signal_;
    std::atomic<bool> stop_requested_{false};
    httplib::Client* active_connection_ = nullptr;
    std::thread worker_;

    std::atomic<bool> connected_{false};
    mutable std::mutex last_event_id_mutex_;
    std::string last_event_id_;
};

}  // namespace antrean
