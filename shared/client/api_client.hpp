#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "domain/error.hpp"
#include "domain/types.hpp"

namespace httplib {
class Client;
}

namespace antrean {

// The queue server's scheme, host and port, parsed from a base URL such as
// "http://127.0.0.1:8080".
struct ServerAddress {
    std::string scheme;  // "http" or "https"
    std::string host;    // a host name or an IP address; IPv6 without the brackets
    int port = 0;

    // Formats the address back as a base URL, for example "http://[::1]:8080".
    std::string to_url() const;
};

// Parses "SCHEME://HOST[:PORT][/]" with the scheme http (default port 80) or https (443).
// A path, query, fragment or user name in the URL is rejected rather than ignored, because
// the client always adds the /api/v1 paths itself. Fails with ErrorCode::InvalidInput and
// message_key "error.invalid_server_url" (params: url, reason).
Result<ServerAddress> parse_server_address(std::string_view base_url);

// Percent-encodes one path segment (a desk id, a booking code) so that "/", "?", "#" and
// non-ASCII bytes inside it cannot change the route.
std::string encode_path_segment(std::string_view segment);

// A successful (2xx) response of the queue server.
struct ApiResponse {
    int status = 0;
    nlohmann::json body;  // null for 204 No Content and for an empty body
};

// Builds the Error for a response with a status outside 2xx. A body in the contract's form
// {"error":{"code","message","field"}} gives the parsed code and field, message_key
// "server.message" and params {"message": server text}. Any other body gives a code chosen
// from the status and message_key "error.unexpected_status" (params: status).
Error error_from_response(int status, std::string_view body);

// A blocking client for the queue server's JSON API, shared by the kiosk, the staff consoles
// and the wall display. Every call is safe from several threads, because the calls share one
// keep-alive connection and run one at a time. A call blocks until the server replies or a
// timeout passes, and longer while another thread's call holds the connection, so screens
// call it off their drawing thread.
class ApiClient {
public:
    explicit ApiClient(ServerAddress address);
    // Parses the base URL with parse_server_address. Throws std::invalid_argument naming the
    // URL and the expected form when it is invalid, so use this only at start-up.
    explicit ApiClient(std::string_view base_url);
    ~ApiClient();

    ApiClient(const ApiClient&) = delete;
    ApiClient& operator=(const ApiClient&) = delete;

    const ServerAddress& address() const { return address_; }

    // Sets the bearer token sent as "Authorization: Bearer ...". An empty token sends no
    // Authorization header.
    void set_token(std::string token);
    bool has_token() const;
    // Sets the Accept-Language header ("id" or "en"), which picks the language of the server's
    // error messages. The default is Indonesian.
    void set_language(Language language);
    // Defaults: 3 s to connect and 5 s to read, which is the cpp-httplib 0.11.4 read default.
    void set_connect_timeout(std::chrono::milliseconds timeout);
    void set_read_timeout(std::chrono::milliseconds timeout);

    // Sends one request to `path` (for example "/api/v1/board") and parses the JSON reply.
    // A status outside 2xx fails with error_from_response. A transport failure (refused,
    // timed out, reset) fails with ErrorCode::Unavailable and message_key
    // "error.server_unreachable" (params: url). A 2xx body that is not JSON fails with
    // ErrorCode::Internal and message_key "error.invalid_response" (params: status).
    Result<ApiResponse> get(const std::string& path);
    Result<ApiResponse> post(const std::string& path,
                             const nlohmann::json& body = nlohmann::json::object());
    Result<ApiResponse> patch(const std::string& path, const nlohmann::json& body);

    // Thin wrappers for the routes the screens use. Each returns the server's reply unchanged.
    Result<ApiResponse> health();
    Result<ApiResponse> config();
    Result<ApiResponse> board();
    // Logs a staff member in and, on success, stores the returned token for later calls.
    Result<ApiResponse> login(const std::string& username, const std::string& password,
                              const std::optional<DeskId>& desk = std::nullopt);
    // Ends the token on the server. The stored token is cleared even when the call fails,
    // because a console that logs out must not keep acting as that officer.
    Result<ApiResponse> logout();
    // Returns 200 with the called ticket, or 204 (null body) when no matching ticket waits.
    Result<ApiResponse> call_next(const DeskId& desk_id);
    // Posts to /api/v1/tickets/{id}/{action}. `action` is one of recall, start, complete,
    // no-show, requeue, transfer, cancel; any other fails with ErrorCode::InvalidInput and
    // message_key "error.unknown_ticket_action" (params: action) without a request.
    Result<ApiResponse> ticket_action(TicketId ticket_id, std::string_view action,
                                      const nlohmann::json& body = nlohmann::json::object());
    // Registers a walk-in visitor. `request` is the body of POST /api/v1/tickets.
    Result<ApiResponse> check_in(const nlohmann::json& request);
    // With a request id, a repeat after a lost reply returns the same ticket.
    Result<ApiResponse> check_in_booking(std::string_view booking_code, const std::string& request_id = {});

private:
    enum class Method { Get, Post, Patch };

    Result<ApiResponse> send(Method method, const std::string& path, const nlohmann::json* body);

    const ServerAddress address_;

    // Settings are kept apart from the connection so that set_token() does not wait for a
    // request in flight.
    mutable std::mutex settings_mutex_;
    std::string token_;
    Language language_ = Language::Indonesian;
    std::chrono::milliseconds connect_timeout_{3000};
    std::chrono::milliseconds read_timeout_{5000};

    std::mutex connection_mutex_;
    std::unique_ptr<httplib::Client> connection_;
};

}  // namespace antrean
