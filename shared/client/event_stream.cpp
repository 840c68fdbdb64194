#include "client/event_stream.hpp"

#include <fmt/format.h>
#include <httplib.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <charconv>
#include <exception>
#include <limits>

namespace antrean {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
// Enough of an error response's body to name the error code in the log.
constexpr size_t kMaxErrorBodySize = 4096;

bool is_ascii_digits(std::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_connect_error(httplib::Error error) {
    return error == httplib::Error::Connection || error == httplib::Error::ConnectionTimeout ||
           error == httplib::Error::SSLConnection;
}

}  // namespace

std::vector<SseEvent> SseParser::feed(std::string_view chunk) {
    std::vector<SseEvent> events;

    // Hold back the first bytes while they could still be a byte order mark, because a chunk
    // may end inside it.
    if (!bom_checked_) {
        size_t matched = 0;
        while (matched < chunk.size() && pending_bom_.size() < kByteOrderMark.size() &&
               chunk[matched] == kByteOrderMark[pending_bom_.size()]) {
            pending_bom_ += chunk[matched];
            ++matched;
        }
        chunk.remove_prefix(matched);

        if (pending_bom_.size() == kByteOrderMark.size()) {
            bom_checked_ = true;
            pending_bom_.clear();
        } else if (chunk.empty()) {
            return events;
        } else {
            // A different byte followed, so the held bytes were text after all.
            bom_checked_ = true;
            const std::string bom_prefix = std::move(pending_bom_);
            pending_bom_.clear();
            parse_bytes(bom_prefix, events);
        }
    }

    parse_bytes(chunk, events);
    return events;
}

void SseParser::parse_bytes(std::string_view bytes, std::vector<SseEvent>& events) {
    while (!bytes.empty()) {
        // A "\n" right after "\r" completes a "\r\n" whose line already ended at the "\r".
        if (after_cr_ && bytes.front() == '\n') {
            bytes.remove_prefix(1);
        }
        after_cr_ = false;
        if (bytes.empty()) {
            return;
        }

        const size_t line_end = bytes.find_first_of("\r\n");
        if (line_end == std::string_view::npos) {
            line_.append(bytes);
            return;
        }
        line_.append(bytes.substr(0, line_end));
        after_cr_ = bytes[line_end] == '\r';
        bytes.remove_prefix(line_end + 1);

        process_line(line_, events);
        line_.clear();
    }
}

void SseParser::process_line(std::string_view line, std::vector<SseEvent>& events) {
    if (line.empty()) {
        dispatch(events);
        return;
    }
    if (line.front() == ':') {
        ++heartbeat_count_;
        return;
    }

    // A line without a colon is a field name with an empty value.
    const size_t colon = line.find(':');
    const std::string_view field = line.substr(0, colon);
    std::string_view value =
        colon == std::string_view::npos ? std::string_view{} : line.substr(colon + 1);
    if (!value.empty() && value.front() == ' ') {
        value.remove_prefix(1);
    }

    if (field == "event") {
        event_name_ = value;
    } else if (field == "data") {
        data_.append(value);
        data_ += '\n';
    } else if (field == "id") {
        if (value.find('\0') == std::string_view::npos) {
            last_event_id_ = value;
        }
    } else if (field == "retry" && is_ascii_digits(value)) {
        std::int64_t milliseconds = 0;
        const auto [end, error] =
            std::from_chars(value.data(), value.data() + value.size(), milliseconds);
        if (error == std::errc{}) {
            retry_delay_ = std::chrono::milliseconds(milliseconds);
        }
    }
    // Other field names are ignored, as the standard requires.
}

void SseParser::dispatch(std::vector<SseEvent>& events) {
    if (data_.empty()) {
        event_name_.clear();
        return;
    }

    data_.pop_back();  // the "\n" appended after the last data line
    events.push_back(
        SseEvent{last_event_id_, event_name_.empty() ? "message" : event_name_, std::move(data_)});
    data_.clear();
    event_name_.clear();
}

std::chrono::milliseconds backoff_delay(int failed_attempts, const BackoffPolicy& policy) {
    if (failed_attempts <= 0) {
        return std::chrono::milliseconds{0};
    }

    // Stop doubling once the cap is reached, so a long outage cannot overflow the delay.
    std::chrono::milliseconds delay = policy.initial_delay;
    for (int attempt = 1; attempt < failed_attempts && delay < policy.max_delay; ++attempt) {
        delay *= 2;
    }
    return std::min(delay, policy.max_delay);
}

std::chrono::milliseconds ReconnectBackoff::record_failure() {
    if (failed_attempts_ < std::numeric_limits<int>::max()) {
        ++failed_attempts_;
    }
    return backoff_delay(failed_attempts_, policy_);
}

EventSubscriber::EventSubscriber(ServerAddress address, EventCallback on_event,
                                 StatusCallback on_status, EventSubscriberOptions options)
    : address_(std::move(address)),
      on_event_(std::move(on_event)),
      on_status_(std::move(on_status)),
      options_(std::move(options)),
      last_event_id_(options_.last_event_id) {}

EventSubscriber::~EventSubscriber() {
    stop();
}

void EventSubscriber::start() {
    if (worker_.joinable()) {
        if (!stop_requested_ || worker_.get_id() == std::this_thread::get_id()) {
            return;
        }
        // stop() was called from a callback, so the thread may still be ending.
        worker_.join();
    }

    stop_requested_ = false;
    worker_ = std::thread(&EventSubscriber::run, this);
}

void EventSubscriber::stop() {
    {
        const std::lock_guard lock(mutex_);
        stop_requested_ = true;
        // Shutting the socket down ends a blocking read at once, even on a silent connection.
        if (active_connection_ != nullptr) {
            active_connection_->stop();
        }
    }
    stop_signal_.notify_all();

    if (worker_.joinable() && worker_.get_id() != std::this_thread::get_id()) {
        worker_.join();
    }
}

std::string EventSubscriber::last_event_id() const {
    const std::lock_guard lock(last_event_id_mutex_);
    return last_event_id_;
}

void EventSubscriber::run() {
    const std::string url = address_.to_url();
    ReconnectBackoff backoff(options_.backoff);

    while (!stop_requested_) {
        const StreamOutcome outcome = follow_stream(backoff.failed_attempts());
        connected_ = false;
        if (stop_requested_) {
            break;
        }
        if (outcome.was_connected) {
            backoff.reset();
        }

        ConnectionStatus status;
        status.state = ConnectionState::Disconnected;
        status.reason = outcome.reason;
        status.detail = outcome.detail;
        status.retry_in = backoff.record_failure();
        status.failed_attempts = backoff.failed_attempts();

        // Warn once per outage. The retries after it go to the debug level, and the next
        // successful connect logs its retry number.
        if (outcome.was_connected) {
            spdlog::warn("Event stream from {} disconnected: {}. Reconnecting in {} ms", url,
                         status.detail, status.retry_in.count());
        } else if (status.failed_attempts == 1) {
            spdlog::warn("Event stream connection to {} failed: {}. Retrying in {} ms", url,
                         status.detail, status.retry_in.count());
        } else {
            spdlog::debug(
                "Event stream connection to {} failed (attempt {}): {}. Retrying in {} ms", url,
                status.failed_attempts, status.detail, status.retry_in.count());
        }
        report(status);

        std::unique_lock lock(mutex_);
        stop_signal_.wait_for(lock, status.retry_in, [this] { return stop_requested_.load(); });
    }
    spdlog::debug("Event stream subscriber for {} stopped", url);
}

EventSubscriber::StreamOutcome EventSubscriber::follow_stream(int failed_attempts) {
    httplib::Client connection(address_.to_url());
    connection.set_connection_timeout(options_.connect_timeout);
    connection.set_read_timeout(options_.read_timeout);
    {
        const std::lock_guard lock(mutex_);
        if (stop_requested_) {
            return {};
        }
        active_connection_ = &connection;
    }

    // "identity" keeps a proxy or server from compressing the stream, which would hold
    // events back in the compressor's buffer.
    httplib::Headers headers{{"Accept", "text/event-stream"},
                             {"Cache-Control", "no-cache"},
                             {"Accept-Encoding", "identity"}};
    const std::string resume_from = last_event_id();
    if (!resume_from.empty()) {
        headers.emplace("Last-Event-ID", resume_from);
    }

    SseParser parser;
    int status = 0;
    std::string content_type;
    bool is_event_stream = false;
    std::string error_body;

    const auto on_response = [&](const httplib::Response& response) {
        if (stop_requested_) {
            return false;
        }
        status = response.status;
        content_type = response.get_header_value("Content-Type");
        is_event_stream = status == 200 && content_type.rfind("text/event-stream", 0) == 0;
        if (!is_event_stream) {
            return true;  // read the body too, because it names the error
        }

        connected_ = true;
        if (failed_attempts > 0) {
            spdlog::info("Event stream connected to {} on retry {} (Last-Event-ID {})",
                         address_.to_url(), failed_attempts,
                         resume_from.empty() ? "none" : resume_from);
        } else {
            spdlog::info("Event stream connected to {} (Last-Event-ID {})", address_.to_url(),
                         resume_from.empty() ? "none" : resume_from);
        }
        ConnectionStatus connected_status;
        connected_status.state = ConnectionState::Connected;
        report(connected_status);
        return !stop_requested_;
    };

    const auto on_content = [&](const char* data, size_t length) {
        if (stop_requested_) {
            return false;
        }
        if (!is_event_stream) {
            error_body.append(data, std::min(length, kMaxErrorBodySize - error_body.size()));
            return error_body.size() < kMaxErrorBodySize;
        }
        for (const SseEvent& event : parser.feed(std::string_view(data, length))) {
            if (stop_requested_) {
                return false;
            }
            deliver(event);
        }
        return !stop_requested_;
    };

    const httplib::Result result = connection.Get(options_.path, headers, on_response, on_content);
    {
        const std::lock_guard lock(mutex_);
        active_connection_ = nullptr;
    }

    // Name why the connection ended, in the terms of the layer that failed.
    StreamOutcome outcome;
    outcome.was_connected = is_event_stream;
    if (status != 0 && !is_event_stream) {
        outcome.reason = DisconnectReason::UnexpectedResponse;
        if (status == 200) {
            outcome.detail = fmt::format(
                "the server answered with Content-Type \"{}\" instead of text/event-stream",
                content_type);
        } else {
            const Error error = error_from_response(status, error_body);
            outcome.detail = fmt::format("the server answered HTTP {} ({})", status,
                                         error_code_name(error.code));
        }
    } else if (result) {
        outcome.reason = DisconnectReason::StreamEnded;
        outcome.detail = "the server ended the stream";
    } else if (result.error() == httplib::Error::ConnectionTimeout) {
        outcome.reason = DisconnectReason::ConnectFailed;
        outcome.detail =
            fmt::format("connecting timed out after {} ms", options_.connect_timeout.count());
    } else if (is_connect_error(result.error())) {
        outcome.reason = DisconnectReason::ConnectFailed;
        outcome.detail =
            fmt::format("the connection was refused or the host is unreachable (httplib error {})",
                        httplib::to_string(result.error()));
    } else {
        outcome.reason = DisconnectReason::ConnectionLost;
        outcome.detail = fmt::format(
            "the connection was closed, or no data arrived within {} ms (httplib error {})",
            options_.read_timeout.count(), httplib::to_string(result.error()));
    }
    return outcome;
}

void EventSubscriber::deliver(const SseEvent& event) {
    {
        const std::lock_guard lock(last_event_id_mutex_);
        last_event_id_ = event.id;
    }
    if (!on_event_) {
        return;
    }
    try {
        on_event_(event);
    } catch (const std::exception& error) {
        spdlog::error("Event callback failed on event \"{}\" with id \"{}\": {}", event.name,
                      event.id, error.what());
    }
}

void EventSubscriber::report(const ConnectionStatus& status) {
    if (!on_status_) {
        return;
    }
    try {
        on_status_(status);
    } catch (const std::exception& error) {
        spdlog::error("Event stream status callback failed: {}", error.what());
    }
}

}  // namespace antrean
