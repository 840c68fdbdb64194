#include "client/api_client.hpp"

#include <fmt/format.h>
#include <httplib.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <stdexcept>

namespace antrean {
namespace {

constexpr std::array kTicketActions{"recall",  "start",    "complete", "no-show",
                                    "requeue", "transfer", "cancel"};

tl::unexpected<Error> reject_server_url(std::string_view base_url, std::string reason) {
    return fail(ErrorCode::InvalidInput, "", "error.invalid_server_url",
                {{"url", std::string(base_url)}, {"reason", std::move(reason)}});
}

bool is_host_name_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '.' || c == '_';
}

bool is_ipv6_char(char c) {
    return std::isxdigit(static_cast<unsigned char>(c)) != 0 || c == ':' || c == '.';
}

// Parses a decimal TCP port. Returns std::nullopt for anything but 1-65535 in digits.
std::optional<int> parse_port(std::string_view text) {
    if (text.empty() || text.size() > 5) {
        return std::nullopt;
    }
    int port = 0;
    for (char c : text) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        port = port * 10 + (c - '0');
    }
    if (port < 1 || port > 65535) {
        return std::nullopt;
    }
    return port;
}

// Picks the error code for an error response whose body is not in the contract's form,
// for example a proxy's HTML page.
ErrorCode error_code_for_status(int status) {
    switch (status) {
        case 400:
        case 422:
            return ErrorCode::InvalidInput;
        case 401:
            return ErrorCode::Unauthorized;
        case 403:
            return ErrorCode::Forbidden;
        case 404:
            return ErrorCode::NotFound;
        case 409:
            return ErrorCode::Conflict;
        case 413:
            return ErrorCode::PayloadTooLarge;
        case 429:
            return ErrorCode::RateLimited;
        case 502:
        case 503:
        case 504:
            return ErrorCode::Unavailable;
        default:
            return ErrorCode::Internal;
    }
}

std::string string_member(const nlohmann::json& object, const char* name) {
    const auto member = object.find(name);
    if (member == object.end() || !member->is_string()) {
        return {};
    }
    return member->get<std::string>();
}

tl::unexpected<Error> invalid_response(int status) {
    return fail(ErrorCode::Internal, "", "error.invalid_response",
                {{"status", std::to_string(status)}});
}

}  // namespace

std::string ServerAddress::to_url() const {
    if (host.find(':') != std::string::npos) {
        return fmt::format("{}://[{}]:{}", scheme, host, port);
    }
    return fmt::format("{}://{}:{}", scheme, host, port);
}

Result<ServerAddress> parse_server_address(std::string_view base_url) {
    const size_t scheme_end = base_url.find("://");
    if (scheme_end == std::string_view::npos) {
        return reject_server_url(base_url, "missing scheme");
    }

    ServerAddress address;
    address.scheme = std::string(base_url.substr(0, scheme_end));
    std::transform(address.scheme.begin(), address.scheme.end(), address.scheme.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (address.scheme != "http" && address.scheme != "https") {
        return reject_server_url(base_url,
                                 fmt::format("unsupported scheme \"{}\"", address.scheme));
    }
    address.port = address.scheme == "http" ? 80 : 443;

    std::string_view authority = base_url.substr(scheme_end + 3);
    if (!authority.empty() && authority.back() == '/') {
        authority.remove_suffix(1);
    }
    if (authority.find_first_of("/?#") != std::string_view::npos) {
        return reject_server_url(base_url, "a path, query or fragment is not allowed");
    }
    if (authority.find('@') != std::string_view::npos) {
        return reject_server_url(base_url, "a user name is not allowed");
    }

    // Split the authority into the host and what follows it, which is empty or ":PORT".
    std::string_view host;
    std::string_view after_host;
    if (!authority.empty() && authority.front() == '[') {
        const size_t close = authority.find(']');
        if (close == std::string_view::npos) {
            return reject_server_url(base_url, "missing ']' after the IPv6 address");
        }
        host = authority.substr(1, close - 1);
        after_host = authority.substr(close + 1);
        if (!std::all_of(host.begin(), host.end(), is_ipv6_char)) {
            return reject_server_url(base_url, fmt::format("invalid IPv6 address \"{}\"", host));
        }
    } else {
        const size_t colon = authority.find(':');
        host = authority.substr(0, colon);
        after_host = colon == std::string_view::npos ? std::string_view{} : authority.substr(colon);
        if (!std::all_of(host.begin(), host.end(), is_host_name_char)) {
            return reject_server_url(base_url, fmt::format("invalid host \"{}\"", host));
        }
    }
    if (host.empty()) {
        return reject_server_url(base_url, "missing host");
    }
    address.host = std::string(host);

    if (after_host.empty()) {
        return address;
    }
    if (after_host.front() != ':') {
        return reject_server_url(base_url, "unexpected text after the host");
    }
    const std::string_view port_text = after_host.substr(1);
    const std::optional<int> port = parse_port(port_text);
    if (!port) {
        return reject_server_url(
            base_url, fmt::format("invalid port \"{}\", expected 1 to 65535", port_text));
    }
    address.port = *port;
    return address;
}

std::string encode_path_segment(std::string_view segment) {
    // "." and ".." are unreserved but would move up the path, so a segment of dots only is
    // encoded whole.
    const bool dots_only = !segment.empty() && segment.find_first_not_of('.') == std::string::npos;

    std::string encoded;
    encoded.reserve(segment.size());
    for (char c : segment) {
        const auto byte = static_cast<unsigned char>(c);
        const bool unreserved =
            std::isalnum(byte) != 0 || c == '-' || c == '_' || c == '~' || (c == '.' && !dots_only);
        if (unreserved) {
            encoded += c;
        } else {
            encoded += fmt::format("%{:02X}", byte);
        }
    }
    return encoded;
}

Error error_from_response(int status, std::string_view body) {
    const nlohmann::json parsed = nlohmann::json::parse(body, nullptr, false);
    if (parsed.is_object()) {
        const auto error = parsed.find("error");
        if (error != parsed.end() && error->is_object() && error->contains("code") &&
            (*error)["code"].is_string()) {
            return Error(parse_error_code((*error)["code"].get<std::string>()),
                         string_member(*error, "field"), "server.message",
                         {{"message", string_member(*error, "message")}});
        }
    }
    return Error(error_code_for_status(status), "", "error.unexpected_status",
                 {{"status", std::to_string(status)}});
}

ApiClient::ApiClient(ServerAddress address)
    : address_(std::move(address)),
      connection_(std::make_unique<httplib::Client>(address_.to_url())) {
    connection_->set_keep_alive(true);
    // Without TCP_NODELAY, Nagle's algorithm and the server's delayed ACK hold each request
    // on a kept-alive connection for about 40 ms.
    connection_->set_tcp_nodelay(true);
}

ApiClient::ApiClient(std::string_view base_url)
    : ApiClient([&] {
          Result<ServerAddress> address = parse_server_address(base_url);
          if (!address) {
              throw std::invalid_argument(
                  fmt::format("Invalid server URL \"{}\": {}. Use http://HOST[:PORT] or "
                              "https://HOST[:PORT], for example http://127.0.0.1:8080",
                              base_url, address.error().params.at("reason")));
          }
          return *std::move(address);
      }()) {}

ApiClient::~ApiClient() = default;

void ApiClient::set_token(std::string token) {
    const std::lock_guard lock(settings_mutex_);
    token_ = std::move(token);
}

bool ApiClient::has_token() const {
    const std::lock_guard lock(settings_mutex_);
    return !token_.empty();
}

void ApiClient::set_language(Language language) {
    const std::lock_guard lock(settings_mutex_);
    language_ = language;
}

void ApiClient::set_connect_timeout(std::chrono::milliseconds timeout) {
    const std::lock_guard lock(settings_mutex_);
    connect_timeout_ = timeout;
}

void ApiClient::set_read_timeout(std::chrono::milliseconds timeout) {
    const std::lock_guard lock(settings_mutex_);
    read_timeout_ = timeout;
}

Result<ApiResponse> ApiClient::get(const std::string& path) {
    return send(Method::Get, path, nullptr);
}

Result<ApiResponse> ApiClient::post(const std::string& path, const nlohmann::json& body) {
    return send(Method::Post, path, &body);
}

Result<ApiResponse> ApiClient::patch(const std::string& path, const nlohmann::json& body) {
    return send(Method::Patch, path, &body);
}

Result<ApiResponse> ApiClient::send(Method method, const std::string& path,
                                    const nlohmann::json* body) {
    httplib::Headers headers{{"Accept", "application/json"}};
    std::chrono::milliseconds connect_timeout;
    std::chrono::milliseconds read_timeout;
    {
        const std::lock_guard lock(settings_mutex_);
        headers.emplace("Accept-Language", to_string(language_));
        if (!token_.empty()) {
            headers.emplace("Authorization", "Bearer " + token_);
        }
        connect_timeout = connect_timeout_;
        read_timeout = read_timeout_;
    }

    std::string payload;
    if (body != nullptr) {
        try {
            payload = body->dump();
        } catch (const nlohmann::json::type_error&) {
            // dump() throws only on a string that is not valid UTF-8.
            return fail(ErrorCode::InvalidText, "", "error.invalid_utf8");
        }
    }

    const std::lock_guard lock(connection_mutex_);
    connection_->set_connection_timeout(connect_timeout);
    connection_->set_read_timeout(read_timeout);
    httplib::Result result = [&] {
        switch (method) {
            case Method::Post:
                return connection_->Post(path, headers, payload, "application/json");
            case Method::Patch:
                return connection_->Patch(path, headers, payload, "application/json");
            case Method::Get:
                break;
        }
        return connection_->Get(path, headers);
    }();

    if (!result) {
        spdlog::debug("Request to {} failed (httplib error {})", address_.to_url(),
                      httplib::to_string(result.error()));
        return fail(ErrorCode::Unavailable, "", "error.server_unreachable",
                    {{"url", address_.to_url()}});
    }
    const int status = result->status;
    if (status < 200 || status >= 300) {
        return tl::unexpected(error_from_response(status, result->body));
    }

    ApiResponse response{status, nullptr};
    if (status != 204 && !result->body.empty()) {
        response.body = nlohmann::json::parse(result->body, nullptr, false);
        if (response.body.is_discarded()) {
            return invalid_response(status);
        }
    }
    return response;
}

Result<ApiResponse> ApiClient::health() {
    return get("/api/v1/health");
}

Result<ApiResponse> ApiClient::config() {
    return get("/api/v1/config");
}

Result<ApiResponse> ApiClient::board() {
    return get("/api/v1/board");
}

Result<ApiResponse> ApiClient::login(const std::string& username, const std::string& password,
                                     const std::optional<DeskId>& desk) {
    nlohmann::json request{{"username", username}, {"password", password}};
    if (desk) {
        request["desk"] = *desk;
    }
    Result<ApiResponse> response = post("/api/v1/auth/login", request);
    if (!response) {
        return response;
    }

    const std::string token =
        response->body.is_object() ? string_member(response->body, "token") : std::string{};
    if (token.empty()) {
        return invalid_response(response->status);
    }
    set_token(token);
    return response;
}

Result<ApiResponse> ApiClient::logout() {
    Result<ApiResponse> response = post("/api/v1/auth/logout");
    set_token({});
    return response;
}

Result<ApiResponse> ApiClient::call_next(const DeskId& desk_id) {
    return post(fmt::format("/api/v1/desks/{}/call-next", encode_path_segment(desk_id)));
}

Result<ApiResponse> ApiClient::ticket_action(TicketId ticket_id, std::string_view action,
                                             const nlohmann::json& body) {
    if (std::find(kTicketActions.begin(), kTicketActions.end(), action) == kTicketActions.end()) {
        return fail(ErrorCode::InvalidInput, "", "error.unknown_ticket_action",
                    {{"action", std::string(action)}});
    }
    return post(fmt::format("/api/v1/tickets/{}/{}", ticket_id, action), body);
}

Result<ApiResponse> ApiClient::check_in(const nlohmann::json& request) {
    return post("/api/v1/tickets", request);
}

Result<ApiResponse> ApiClient::check_in_booking(std::string_view booking_code, const std::string& request_id) {
    nlohmann::json body = nlohmann::json::object();
    if (!request_id.empty()) {
        body["request_id"] = request_id;
    }
    return post(fmt::format("/api/v1/appointments/{}/check-in", encode_path_segment(booking_code)), body);
}

}  // namespace antrean
