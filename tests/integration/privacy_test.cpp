// Checks that a visitor's identity appears in no public response and not in the server log.
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "api_test_support.hpp"

using antrean::testing::add_staff;
using antrean::testing::HttpReply;
using antrean::testing::Json;
using antrean::testing::RawEventStream;
using antrean::testing::RawHttpClient;
using antrean::testing::ServerProcess;
using namespace std::chrono_literals;

namespace {

// A visitor whose every field is distinctive enough to be found in any text.
constexpr const char* kName = "Wiryawan Kusumaningrat";
constexpr const char* kSurname = "Kusumaningrat";
constexpr const char* kNik = "3174015508900123";  // a woman born 15 August 1990 (day + 40)
constexpr const char* kTypedPhone = "0813-7788-9911";
constexpr const char* kE164Phone = "+6281377889911";
constexpr const char* kPhoneDigits = "81377889911";  // inside every form, with or without 0 or +62
constexpr const char* kEmail = "wiryawan.privasi@contoh-kantor.co.id";
constexpr const char* kEmailLocalPart = "wiryawan.privasi";
constexpr const char* kInstitution = "PT Sentosa Berjangka Rahasia";
constexpr const char* kSummary = "Dana saya di pialang Sentosa hilang sejak Maret";

// The identity a public text must not contain, each with a label for the failure message.
const std::vector<std::pair<std::string, std::string>> kPersonalData{
    {"name", kName},
    {"surname", kSurname},
    {"NIK", kNik},
    {"phone as typed", kTypedPhone},
    {"phone in E.164", kE164Phone},
    {"phone digits", kPhoneDigits},
    {"email", kEmail},
    {"email local part", kEmailLocalPart},
    {"institution", kInstitution},
    {"summary", kSummary},
};

void check_no_personal_data(const std::string& source, const std::string& text) {
    // An empty text would pass every search, so it is a failure of its own.
    INFO("source: ", source);
    CHECK_FALSE(text.empty());
    for (const auto& [label, value] : kPersonalData) {
        INFO("looking for the visitor's ", label, " \"", value, "\"");
        CHECK(text.find(value) == std::string::npos);
    }
}

std::string path_of(const std::string& url) {
    // The URL is absolute ("http://host:port/path?query") or already a path.
    const size_t scheme = url.find("://");
    if (scheme == std::string::npos) return url;
    const size_t path = url.find('/', scheme + 3);
    return path == std::string::npos ? "/" : url.substr(path);
}

}  // namespace

TEST_CASE("public responses and log omit visitor identity") {
    ServerProcess server;
    add_staff(server, {{"resepsionis", "receptionist", ""}, {"petugas1", "officer", "pbk"}});
    server.start();
    const int port = server.port();
    const auto officer_login = antrean::testing::log_in(port, "petugas1", "1");
    const auto reception_login = antrean::testing::log_in(port, "resepsionis");
    RawHttpClient officer(port);
    officer.set_token(officer_login.token);
    RawHttpClient reception(port);
    reception.set_token(reception_login.token);
    const RawHttpClient kiosk(port);

    // A wall display follows the stream from before the visitor arrives.
    RawEventStream live_stream(port);
    REQUIRE(live_stream.wait_for_events(1, 5s));

    // The visitor checks in at the kiosk with every field filled in.
    Json request = antrean::testing::walk_in_request(kName, kTypedPhone);
    request["visitor"]["nik"] = kNik;
    request["visitor"]["email"] = kEmail;
    request["visitor"]["institution"] = kInstitution;
    request["summary"] = kSummary;
    const HttpReply walk_in = kiosk.post("/api/v1/tickets", request);
    REQUIRE(walk_in.status == 201);
    const Json ticket = walk_in.json()["ticket"];
    const std::string ticket_path = "/api/v1/tickets/" + std::to_string(ticket["id"].get<std::int64_t>());
    const std::string status_token = ticket["status_token"].get<std::string>();

    // Staff do see the identity, which shows that the server stored it.
    const HttpReply staff_view = reception.get(ticket_path);
    REQUIRE(staff_view.status == 200);
    CHECK(staff_view.json()["ticket"]["visitor"]["name"] == kName);
    CHECK(staff_view.json()["ticket"]["visitor"]["phone"] == kE164Phone);

    // A rejected check-in with the same identity, so that error paths are covered too.
    Json invalid = request;
    invalid["visitor"]["email"] = std::string(kEmailLocalPart) + "@@contoh";
    REQUIRE(kiosk.post("/api/v1/tickets", invalid).status == 422);

    // The officer calls, recalls and serves the visitor.
    REQUIRE(officer.post("/api/v1/desks/1/call-next").status == 200);
    REQUIRE(officer.post(ticket_path + "/recall").status == 200);

    // While the visitor is called, the public views show the call.
    const HttpReply board_while_called = kiosk.get("/api/v1/board");
    REQUIRE(board_while_called.status == 200);
    CHECK(board_while_called.body.find(ticket["code"].get<std::string>()) != std::string::npos);
    const HttpReply status_while_called = kiosk.get(ticket_path + "/status?token=" + status_token);
    REQUIRE(status_while_called.status == 200);
    const HttpReply phone_page = kiosk.get(path_of(ticket["status_url"].get<std::string>()));
    CHECK(phone_page.status == 200);

    REQUIRE(officer.post(ticket_path + "/start").status == 200);
    REQUIRE(officer.post(ticket_path + "/complete", {{"outcome", "referred"}, {"notes", "Dirujuk"}}).status == 200);

    // The same person also has a booking and checks in for it by phone number.
    const Json booking_request{{"visitor", {{"name", kName}, {"phone", kTypedPhone}, {"nik", kNik}, {"email", kEmail}}},
                               {"area", "pbk"},
                               {"purpose", "consultation"},
                               {"summary", kSummary},
                               {"starts_at", antrean::testing::office_now()},
                               {"officer_id", officer_login.officer_id}};
    REQUIRE(reception.post("/api/v1/appointments", booking_request).status == 201);
    const HttpReply booked = kiosk.post("/api/v1/appointments/check-in", {{"phone", kTypedPhone}});
    REQUIRE(booked.status == 201);
    const std::string booked_token = booked.json()["ticket"]["status_token"].get<std::string>();

    // Every public text after all of that.
    const HttpReply board = kiosk.get("/api/v1/board");
    REQUIRE(board.status == 200);
    const std::int64_t last_event_id = board.json()["last_event_id"].get<std::int64_t>();
    const HttpReply status = kiosk.get(ticket_path + "/status?token=" + status_token);
    REQUIRE(status.status == 200);
    const HttpReply config = kiosk.get("/api/v1/config");
    REQUIRE(config.status == 200);
    // A replay of every stored event, from the first one.
    RawEventStream replay(port, "/api/v1/events?last_event_id=0");
    REQUIRE(replay.wait_for_text("id: " + std::to_string(last_event_id) + "\n", 5s));
    replay.stop();
    REQUIRE(live_stream.wait_for_text("id: " + std::to_string(last_event_id) + "\n", 5s));
    live_stream.stop();

    check_no_personal_data("POST /api/v1/tickets response", walk_in.body);
    check_no_personal_data("POST /api/v1/appointments/check-in response", booked.body);
    check_no_personal_data("GET /api/v1/board while called", board_while_called.body);
    check_no_personal_data("GET /api/v1/board", board.body);
    check_no_personal_data("ticket status while called", status_while_called.body);
    check_no_personal_data("ticket status", status.body);
    check_no_personal_data("visitor's phone page", phone_page.body);
    check_no_personal_data("GET /api/v1/config", config.body);
    check_no_personal_data("live event stream", live_stream.text());
    check_no_personal_data("replayed event stream", replay.text());

    // A clean stop flushes the log, so it contains every request made above.
    server.stop();
    const std::string log = server.log_text();
    CHECK(log.find("POST /api/v1/tickets 201") != std::string::npos);
    CHECK(log.find("POST /api/v1/appointments/check-in 201") != std::string::npos);
    check_no_personal_data("server log", log);

    // The log contains no secret either: status tokens, staff tokens or the password.
    CHECK(log.find(status_token) == std::string::npos);
    CHECK(log.find(booked_token) == std::string::npos);
    CHECK(log.find(officer_login.token) == std::string::npos);
    CHECK(log.find(reception_login.token) == std::string::npos);
    CHECK(log.find(antrean::testing::kStaffPassword) == std::string::npos);
}
