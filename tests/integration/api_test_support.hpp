#pragma once

// Helpers shared by the integration tests that speak HTTP to a real antrean-server:
// a client that returns every status, header and body unchanged (ApiClient turns non-2xx
// responses into an Error and drops the status), request builders and staff log-in.

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "client/event_stream.hpp"
#include "server_process.hpp"

namespace antrean::testing {

using Json = nlohmann::json;

// The password of every staff account the tests create; long enough for the server's minimum.
inline constexpr const char* kStaffPassword = "uji-rahasia-2026";

// One HTTP exchange as the server sent it.
struct HttpReply {
    int status = 0;  // 0 when no response arrived (refused, reset, timed out)
    std::string body;
    httplib::Headers headers;

    // The body parsed as JSON, or a discarded value when it is not JSON.
    Json json() const;
    // error.code, error.field and error.message of an error body, or "" when absent or null.
    std::string error_code() const;
    std::string error_field() const;
    std::string error_message() const;
    std::string header(const std::string& name) const;
};

// Sends requests to 127.0.0.1:port, one connection per request, with the headers the
// caller chooses: a bearer token when set, Accept-Language when set, nothing else unless
// passed in `extra_headers`.
class RawHttpClient {
public:
    explicit RawHttpClient(int port, std::chrono::milliseconds read_timeout = std::chrono::seconds(10));

    // An empty token sends no Authorization header.
    void set_token(std::string token) { token_ = std::move(token); }
    // "id", "en" or any header value; an empty value sends no Accept-Language header.
    void set_language(std::string language) { language_ = std::move(language); }

    HttpReply get(const std::string& path, const httplib::Headers& extra_headers = {}) const;
    // Posts `body` as application/json without checking that it is JSON.
    HttpReply post_text(const std::string& path, const std::string& body,
                        const httplib::Headers& extra_headers = {}) const;
    HttpReply post(const std::string& path, const Json& body = Json::object(),
                   const httplib::Headers& extra_headers = {}) const;
    HttpReply patch(const std::string& path, const Json& body, const httplib::Headers& extra_headers = {}) const;

private:
    httplib::Headers headers_with(const httplib::Headers& extra_headers) const;
    static HttpReply to_reply(const httplib::Result& result);

    int port_;
    std::chrono::milliseconds read_timeout_;
    std::string token_;
    std::string language_;
};

// Reads an event stream with a plain cpp-httplib GET on a thread of its own, for what
// EventSubscriber hides: the raw text, comment lines and when each chunk arrived.
class RawEventStream {
public:
    using Clock = std::chrono::steady_clock;

    // Starts reading `path` (which may carry a query string) from 127.0.0.1:port at once.
    explicit RawEventStream(int port, const std::string& path = "/api/v1/events");
    ~RawEventStream();
    RawEventStream(const RawEventStream&) = delete;
    RawEventStream& operator=(const RawEventStream&) = delete;

    // Ends the stream and waits for the reading thread. Safe to call more than once.
    void stop();

    // Each wait returns false when `timeout` passes first.
    bool wait_for_events(size_t count, std::chrono::milliseconds timeout);
    bool wait_for_heartbeats(std::uint64_t count, std::chrono::milliseconds timeout);
    bool wait_for_text(const std::string& text, std::chrono::milliseconds timeout);

    // Copies taken under the lock, so they may be read while the stream runs.
    std::vector<SseEvent> events() const;
    std::uint64_t heartbeat_count() const;
    std::vector<Clock::time_point> chunk_times() const;
    std::string text() const;

private:
    bool wait_until(const std::function<bool()>& done, std::chrono::milliseconds timeout);

    httplib::Client client_;
    std::atomic<bool> stop_requested_{false};
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    SseParser parser_;
    std::vector<SseEvent> events_;
    std::vector<Clock::time_point> chunk_times_;
    std::string text_;
    std::thread reader_;
};

// A walk-in check-in body (POST /api/v1/tickets) with consent, purpose "complaint" and no
// optional visitor fields; callers add nik, email or priority to the returned object.
Json walk_in_request(const std::string& name, const std::string& phone, const std::string& area = "pbk");

struct StaffLogin {
    std::string token;
    std::int64_t officer_id = 0;  // the account id, for appointments and transfers
};

// Logs `username` in with kStaffPassword, at `desk` unless it is empty. Throws
// std::runtime_error with the response when the login fails, because every test
// that calls it needs the token to go on.
StaffLogin log_in(int port, const std::string& username, const std::string& desk = "");

// The current time in the shipped configuration's zone (Asia/Jakarta) as the server
// formats it, RFC 3339 with offset, so tests can book appointments for "now".
std::string office_now();

struct NewStaff {
    std::string username;
    std::string role;   // officer, receptionist or admin
    std::string areas;  // comma separated; officers need at least one
};

// Creates the accounts with kStaffPassword through ServerProcess::add_user. The first one
// runs alone because it creates the database schema, and the rest run four at a time,
// because each hashes its password with Argon2id in 64 MiB of memory.
void add_staff(ServerProcess& server, const std::vector<NewStaff>& staff);

// Copies the SQLite database of `source`, which must not be running, into `target` before
// `target` starts, so that several tests share the accounts created once in `source`.
void copy_database(const ServerProcess& source, ServerProcess& target);

}  // namespace antrean::testing
