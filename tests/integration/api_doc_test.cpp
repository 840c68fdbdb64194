// Keeps docs/API.md true: every route in its route table must exist on a real server, and
// the document must name every route of the HTTP contract and every error code.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "api_test_support.hpp"
#include "domain/error.hpp"

using antrean::testing::HttpReply;
using antrean::testing::Json;
using antrean::testing::RawHttpClient;
using antrean::testing::ServerProcess;

namespace {

struct DocumentedRoute {
    std::string method;
    std::string path;  // with {name} placeholders

    std::string text() const { return method + " " + path; }
    bool operator<(const DocumentedRoute& other) const { return text() < other.text(); }
};

std::string read_api_doc() {
    // ANTREAN_ASSETS_DIR is <repository>/assets, so the repository root is its parent.
    const std::filesystem::path path = std::filesystem::path(ANTREAN_ASSETS_DIR).parent_path() / "docs" / "API.md";
    std::ifstream file(path);
    REQUIRE_MESSAGE(file.good(), "cannot open ", path.string());
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

// Reads the table rows whose first cell is "`METHOD /path`".
std::set<DocumentedRoute> parse_route_table(const std::string& markdown) {
    static const std::regex row(R"(^\|\s*`(GET|POST|PATCH|PUT|DELETE) (/[^`\s]*)`\s*\|)");
    std::set<DocumentedRoute> routes;
    std::istringstream lines(markdown);
    std::string line;
    while (std::getline(lines, line)) {
        std::smatch match;
        if (std::regex_search(line, match, row)) routes.insert(DocumentedRoute{match[1], match[2]});
    }
    return routes;
}

// Replaces each {name} in `path` with its value. A name without a value is added to
// `unknown_names` and left in place.
std::string fill_path(const std::string& path, const std::map<std::string, std::string>& values,
                      std::vector<std::string>& unknown_names) {
    static const std::regex placeholder(R"(\{([a-z_]+)\})");
    std::string filled;
    auto begin = std::sregex_iterator(path.begin(), path.end(), placeholder);
    size_t copied = 0;
    for (auto it = begin; it != std::sregex_iterator(); ++it) {
        filled += path.substr(copied, static_cast<size_t>(it->position()) - copied);
        const auto value = values.find((*it)[1]);
        if (value == values.end()) {
            unknown_names.push_back((*it)[1]);
            filled += it->str();
        } else {
            filled += value->second;
        }
        copied = static_cast<size_t>(it->position() + it->length());
    }
    return filled + path.substr(copied);
}

// Sends one request and returns the status and body. An event stream is cut off after
// its headers, because it never ends by itself.
HttpReply call_route(int port, const std::string& method, const std::string& path, const std::string& token) {
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(std::chrono::seconds(10));
    httplib::Request request;
    request.method = method;
    request.path = path;
    request.headers.emplace("Accept-Language", "en");
    if (!token.empty()) request.headers.emplace("Authorization", "Bearer " + token);
    if (method != "GET") {
        request.body = "{}";
        request.headers.emplace("Content-Type", "application/json");
    }
    HttpReply reply;
    request.response_handler = [&reply](const httplib::Response& response) {
        reply.status = response.status;
        reply.headers = response.headers;
        return response.get_header_value("Content-Type").rfind("text/event-stream", 0) != 0;
    };
    // cpp-httplib 0.11 skips the response handler for a 204, so a complete result is read too.
    const httplib::Result result = client.send(request);
    if (result) {
        reply.status = result->status;
        reply.headers = result->headers;
        reply.body = result->body;
    }
    return reply;
}

}  // namespace

TEST_CASE("api doc names contract routes") {
    const std::set<DocumentedRoute> routes = parse_route_table(read_api_doc());

    const std::vector<DocumentedRoute> contract{
        {"GET", "/api/v1/health"},
        {"GET", "/api/v1/config"},
        {"POST", "/api/v1/tickets"},
        {"POST", "/api/v1/appointments/{booking_code}/check-in"},
        {"GET", "/api/v1/tickets/{ticket_id}/status"},
        {"GET", "/api/v1/board"},
        {"GET", "/api/v1/events"},
        {"POST", "/api/v1/auth/login"},
        {"POST", "/api/v1/auth/logout"},
        {"GET", "/api/v1/queue"},
        {"POST", "/api/v1/desks/{desk_id}/call-next"},
        {"GET", "/api/v1/tickets/{ticket_id}"},
        {"POST", "/api/v1/officers/me/status"},
        {"POST", "/api/v1/tickets/{ticket_id}/recall"},
        {"POST", "/api/v1/tickets/{ticket_id}/start"},
        {"POST", "/api/v1/tickets/{ticket_id}/complete"},
        {"POST", "/api/v1/tickets/{ticket_id}/no-show"},
        {"POST", "/api/v1/tickets/{ticket_id}/requeue"},
        {"POST", "/api/v1/tickets/{ticket_id}/transfer"},
        {"POST", "/api/v1/tickets/{ticket_id}/cancel"},
        {"GET", "/api/v1/appointments"},
        {"POST", "/api/v1/appointments"},
        {"PATCH", "/api/v1/appointments/{appointment_id}"},
        {"GET", "/api/v1/reports/daily"},
    };
    for (const DocumentedRoute& route : contract) {
        INFO("route: ", route.text());
        CHECK(routes.count(route) == 1);
    }
}

TEST_CASE("api doc names every error code") {
    const std::string doc = read_api_doc();
    for (size_t i = 0; i < static_cast<size_t>(antrean::ErrorCode::kCount); ++i) {
        const std::string name = antrean::error_code_name(static_cast<antrean::ErrorCode>(i));
        INFO("error code: ", name);
        CHECK(doc.find("`" + name + "`") != std::string::npos);
    }
}

TEST_CASE("api doc names every event") {
    const std::string doc = read_api_doc();
    for (const char* name : {"board", "ticket.called", "ticket.recalled", "ticket.updated", "officer.updated",
                             "appointment.updated", "survey.recorded"}) {
        INFO("event: ", name);
        CHECK(doc.find(std::string("`") + name + "`") != std::string::npos);
    }
    CHECK(doc.find("Last-Event-ID") != std::string::npos);
    CHECK(doc.find("last_event_id") != std::string::npos);
}

TEST_CASE("every documented route exists") {
    const std::set<DocumentedRoute> routes = parse_route_table(read_api_doc());
    // The table has 35 rows; far fewer means the parser no longer understands the table.
    REQUIRE(routes.size() >= 20);

    ServerProcess server;
    server.add_user("admin1", "admin", "", antrean::testing::kStaffPassword);
    server.add_user("petugas1", "officer", "pbk", antrean::testing::kStaffPassword);
    server.start();
    const int port = server.port();
    const std::string admin_token = antrean::testing::log_in(port, "admin1").token;
    const auto officer = antrean::testing::log_in(port, "petugas1", "1");

    // Real ids, so routes with a path parameter reach their handler's own checks.
    RawHttpClient admin(port);
    admin.set_token(admin_token);
    const HttpReply ticket =
        RawHttpClient(port).post("/api/v1/tickets", antrean::testing::walk_in_request("Siti Aminah", "081234567890"));
    REQUIRE(ticket.status == 201);
    Json booking_request{{"visitor", {{"name", "Budi Santoso"}, {"phone", "081298765432"}}},
                         {"area", "pbk"},
                         {"purpose", "consultation"},
                         {"starts_at", antrean::testing::office_now()},
                         {"officer_id", officer.officer_id}};
    const HttpReply booking = admin.post("/api/v1/appointments", booking_request);
    REQUIRE(booking.status == 201);
    const std::map<std::string, std::string> values{
        {"ticket_id", std::to_string(ticket.json()["ticket"]["id"].get<std::int64_t>())},
        {"booking_code", booking.json()["booking_code"].get<std::string>()},
        {"appointment_id", std::to_string(booking.json()["appointment"]["id"].get<std::int64_t>())},
        {"desk_id", "1"},
    };

    // The message for a route the server does not have. It tells such a 404 apart from the
    // 404 that a handler returns for an unknown ticket or booking.
    const HttpReply missing = call_route(port, "GET", "/api/v1/route-that-is-not-documented", "");
    REQUIRE(missing.status == 404);
    const std::string route_not_found = Json::parse(missing.body)["error"]["message"].get<std::string>();
    // A known path with a method it does not take must count as missing too.
    const HttpReply wrong_method = call_route(port, "PATCH", "/api/v1/health", "");
    CHECK(wrong_method.status == 404);
    CHECK(wrong_method.error_message() == route_not_found);

    for (const DocumentedRoute& route : routes) {
        std::vector<std::string> unknown_names;
        const std::string path = fill_path(route.path, values, unknown_names);
        INFO("route: ", route.text(), " called as ", path);
        CHECK(unknown_names.empty());

        // The logout route ends its token, so it gets a session of its own.
        const std::string token =
            route.path == "/api/v1/auth/logout" ? antrean::testing::log_in(port, "admin1").token : admin_token;
        const HttpReply reply = call_route(port, route.method, path, token);
        INFO("status ", reply.status, ", body ", reply.body);
        CHECK(reply.status != 0);
        const bool answered_route_not_found = reply.status == 404 && reply.error_message() == route_not_found;
        CHECK_FALSE(answered_route_not_found);
    }
}
