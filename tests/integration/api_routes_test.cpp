// Every route of docs/API.md on a real server: its success case and its documented errors.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <memory>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "api_test_support.hpp"

using antrean::testing::add_staff;
using antrean::testing::HttpReply;
using antrean::testing::Json;
using antrean::testing::log_in;
using antrean::testing::office_now;
using antrean::testing::RawHttpClient;
using antrean::testing::ServerProcess;
using antrean::testing::StaffLogin;
using antrean::testing::walk_in_request;
using namespace std::chrono_literals;

namespace {

// A valid NIK: region 317401 (Jakarta), born 15 August 1985, serial 0001.
constexpr const char* kValidNik = "3174011508850001";

// A stopped server whose database has a receptionist, an admin, an officer for pbk and
// one for pbk and srg. Created once, because each account's Argon2id hash is slow by design.
const ServerProcess& staffed_template() {
    static const std::unique_ptr<ServerProcess> prepared = [] {
        auto server = std::make_unique<ServerProcess>();
        add_staff(*server, {{"resepsionis", "receptionist", ""},
                            {"admin1", "admin", ""},
                            {"petugas1", "officer", "pbk"},
                            {"petugas2", "officer", "pbk,srg"}});
        return server;
    }();
    return *prepared;
}

// A started server with the accounts of staffed_template(), an empty queue and nobody
// logged in.
class Office {
public:
    Office() {
        antrean::testing::copy_database(staffed_template(), server_);
        server_.start();
    }

    int port() const { return server_.port(); }
    ServerProcess& server() { return server_; }

    // A client without a token, as the kiosk or a display is.
    RawHttpClient anonymous() const { return RawHttpClient(port()); }

    // A client with the token of `username`, logged in at `desk` unless it is empty.
    RawHttpClient staff(const std::string& username, const std::string& desk = "") const {
        RawHttpClient client(port());
        client.set_token(log_in(port(), username, desk).token);
        return client;
    }

    // Checks a walk-in visitor in and returns the ticket of the 201 response.
    Json check_in(const std::string& name, const std::string& phone, const std::string& area = "pbk") const {
        const HttpReply reply = anonymous().post("/api/v1/tickets", walk_in_request(name, phone, area));
        REQUIRE_MESSAGE(reply.status == 201, reply.body);
        return reply.json()["ticket"];
    }

private:
    ServerProcess server_;
};

std::string ticket_path(const Json& ticket, const std::string& suffix = "") {
    return "/api/v1/tickets/" + std::to_string(ticket["id"].get<std::int64_t>()) + suffix;
}

// Books an appointment starting now, as the receptionist, and returns the 201 body.
Json book_appointment(const RawHttpClient& reception, const std::string& name, const std::string& phone,
                      std::int64_t officer_id) {
    const Json request{{"visitor", {{"name", name}, {"phone", phone}}},
                       {"area", "pbk"},
                       {"purpose", "consultation"},
                       {"summary", "Konsultasi akun pialang"},
                       {"starts_at", office_now()},
                       {"length_minutes", 30},
                       {"officer_id", officer_id},
                       {"source", "phone"}};
    const HttpReply reply = reception.post("/api/v1/appointments", request);
    REQUIRE_MESSAGE(reply.status == 201, reply.body);
    return reply.json();
}

}  // namespace

// --- Public routes ------------------------------------------------------------------------

TEST_CASE("health and config are public") {
    Office office;

    const HttpReply health = office.anonymous().get("/api/v1/health");
    CHECK(health.status == 200);
    CHECK(health.json()["status"] == "ok");
    CHECK(health.json()["version"].is_string());

    const HttpReply config = office.anonymous().get("/api/v1/config");
    REQUIRE(config.status == 200);
    const Json body = config.json();
    CHECK(body["areas"].size() == 4);
    CHECK(body["areas"][0]["id"] == "pbk");
    CHECK(body["areas"][0]["prefix"] == "A");
    CHECK(body["areas"][0]["name"]["en"].is_string());
    CHECK(body["purposes"].size() == 3);
    CHECK(body["desks"].size() == 3);
    CHECK(body["desks"][0]["name"] == "Meja 1");
    CHECK(body["languages"] == Json::array({"id", "en"}));
    CHECK(body["opening_hours"].contains("monday"));
}

TEST_CASE("walk-in check-in issues numbered tickets") {
    Office office;

    const Json first = office.check_in("Siti Aminah", "081234567890");
    CHECK(first["code"] == "A-001");
    CHECK(first["area"] == "pbk");
    CHECK(first["purpose"] == "complaint");
    CHECK(first["kind"] == "walk_in");
    CHECK(first["state"] == "waiting");
    CHECK(first["position"] == 1);
    CHECK(first["estimated_wait_minutes"].is_number_integer());
    const std::string token = first["status_token"].get<std::string>();
    CHECK(std::regex_match(token, std::regex("[0-9a-f]{32}")));
    // The URL of the visitor's phone page names the ticket and ends with its token.
    const std::string status_url = first["status_url"].get<std::string>();
    CHECK(status_url.find(std::to_string(first["id"].get<std::int64_t>())) != std::string::npos);
    CHECK(status_url.size() > token.size());
    CHECK(status_url.substr(status_url.size() - token.size()) == token);

    const Json second = office.check_in("Budi", "0812-9876-5432");
    CHECK(second["code"] == "A-002");
    CHECK(second["position"] == 2);

    // Each area numbers its own tickets.
    const Json other_area = office.check_in("Wayan Sudarta", "081311112222", "srg");
    CHECK(other_area["code"] == "B-001");
}

TEST_CASE("status route needs ticket token") {
    Office office;
    const Json ticket = office.check_in("Siti Aminah", "081234567890");

    const HttpReply own = office.anonymous().get(ticket_path(ticket, "/status?token=") +
                                                 ticket["status_token"].get<std::string>());
    REQUIRE(own.status == 200);
    CHECK(own.json()["ticket"]["code"] == "A-001");
    CHECK(own.json()["ticket"]["state"] == "waiting");
    CHECK(own.json()["ticket"]["position"] == 1);

    const HttpReply wrong_token =
        office.anonymous().get(ticket_path(ticket, "/status?token=00000000000000000000000000000000"));
    CHECK(wrong_token.status == 404);
    CHECK(wrong_token.error_code() == "not_found");

    const HttpReply no_token = office.anonymous().get(ticket_path(ticket, "/status"));
    CHECK(no_token.status == 404);
}

// --- Input errors -------------------------------------------------------------------------

TEST_CASE("malformed JSON body gets 400") {
    Office office;

    for (const std::string body : {"{\"visitor\": ", "[1, 2]", "\"text\"", "not json"}) {
        INFO("body: ", body);
        const HttpReply reply = office.anonymous().post_text("/api/v1/tickets", body);
        CHECK(reply.status == 400);
        CHECK(reply.error_code() == "invalid_input");
    }

    const HttpReply login = office.anonymous().post_text("/api/v1/auth/login", "{\"username\": ");
    CHECK(login.status == 400);
    CHECK(login.error_code() == "invalid_input");
}

TEST_CASE("invalid visitor fields get 422") {
    Office office;
    struct Case {
        const char* key;
        const char* value;  // nullptr removes the key
        const char* code;
    };
    const Case cases[] = {
        {"name", "Budi123", "invalid_name"},
        {"name", nullptr, "missing_field"},
        {"phone", "12ab34", "invalid_phone"},
        {"phone", nullptr, "missing_field"},
        // Digits 7-12 are 321385: day 32 and month 13 do not exist.
        {"nik", "3174013213850001", "invalid_nik"},
        {"email", "budi.contoh.co.id", "invalid_email"},
        {"email", "budi@@contoh.co.id", "invalid_email"},
    };
    RawHttpClient kiosk = office.anonymous();
    kiosk.set_language("en");
    for (const Case& entry : cases) {
        Json request = walk_in_request("Siti Aminah", "081234567890");
        request["visitor"]["nik"] = kValidNik;
        request["visitor"]["email"] = "siti@contoh.co.id";
        if (entry.value == nullptr) {
            request["visitor"].erase(entry.key);
        } else {
            request["visitor"][entry.key] = entry.value;
        }
        INFO("visitor.", entry.key, " = ", entry.value == nullptr ? "(absent)" : entry.value);

        const HttpReply reply = kiosk.post("/api/v1/tickets", request);
        CHECK(reply.status == 422);
        CHECK(reply.error_code() == entry.code);
        CHECK(reply.error_field() == std::string("visitor.") + entry.key);
        CHECK_FALSE(reply.error_message().empty());
    }

    // The NIK message names the digits that are not a birth date.
    Json bad_nik = walk_in_request("Siti Aminah", "081234567890");
    bad_nik["visitor"]["nik"] = "3174013213850001";
    CHECK(kiosk.post("/api/v1/tickets", bad_nik).error_message().find("321385") != std::string::npos);

    // Rejected check-ins leave no ticket behind.
    const HttpReply queue = office.staff("resepsionis").get("/api/v1/queue");
    REQUIRE(queue.status == 200);
    CHECK(queue.json()["tickets"].empty());
}

TEST_CASE("check-in without consent gets 422") {
    Office office;

    const Json missing_values[] = {nullptr, false, "true", 1};
    for (const Json& consent : missing_values) {
        Json request = walk_in_request("Siti Aminah", "081234567890");
        if (consent.is_null()) {
            request.erase("consent");
        } else {
            request["consent"] = consent;
        }
        INFO("consent: ", consent.dump());

        const HttpReply reply = office.anonymous().post("/api/v1/tickets", request);
        CHECK(reply.status == 422);
        CHECK(reply.error_code() == "consent_required");
        CHECK(reply.error_field() == "consent");
    }
}

TEST_CASE("body over 64 KiB gets 413") {
    Office office;
    Json request = walk_in_request("Siti Aminah", "081234567890");
    request["summary"] = std::string(65 * 1024, 'a');

    const HttpReply reply = office.anonymous().post("/api/v1/tickets", request);
    CHECK(reply.status == 413);
    CHECK(reply.error_code() == "payload_too_large");

    // The server goes on serving, and the oversized check-in left nothing behind.
    CHECK(office.anonymous().get("/api/v1/health").status == 200);
    CHECK(office.check_in("Siti Aminah", "081234567890")["code"] == "A-001");
}

// --- Authorization ------------------------------------------------------------------------

TEST_CASE("staff route without token gets 401") {
    Office office;

    const HttpReply without_token = office.anonymous().get("/api/v1/queue");
    CHECK(without_token.status == 401);
    CHECK(without_token.error_code() == "unauthorized");

    RawHttpClient forged = office.anonymous();
    forged.set_token("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
    const HttpReply bad_token = forged.get("/api/v1/queue");
    CHECK(bad_token.status == 401);
    CHECK(bad_token.error_code() == "unauthorized");

    const HttpReply call = forged.post("/api/v1/desks/1/call-next");
    CHECK(call.status == 401);
}

TEST_CASE("receptionist cannot call next") {
    Office office;
    office.check_in("Siti Aminah", "081234567890");

    const HttpReply reception_call = office.staff("resepsionis").post("/api/v1/desks/1/call-next");
    CHECK(reception_call.status == 403);
    CHECK(reception_call.error_code() == "forbidden");

    // An officer calls only at the desk of their login.
    const HttpReply no_desk = office.staff("petugas1").post("/api/v1/desks/1/call-next");
    CHECK(no_desk.status == 403);
    const HttpReply other_desk = office.staff("petugas2", "2").post("/api/v1/desks/1/call-next");
    CHECK(other_desk.status == 403);

    const HttpReply officer_report = office.staff("petugas2", "2").get("/api/v1/reports/daily");
    CHECK(officer_report.status == 403);
    CHECK(officer_report.error_code() == "forbidden");
}

// --- Not found ----------------------------------------------------------------------------

TEST_CASE("unknown ticket, booking and route get 404") {
    Office office;
    const RawHttpClient reception = office.staff("resepsionis");
    const RawHttpClient officer = office.staff("petugas1", "1");

    const HttpReply ticket = reception.get("/api/v1/tickets/999999");
    CHECK(ticket.status == 404);
    CHECK(ticket.error_code() == "not_found");

    const HttpReply action = officer.post("/api/v1/tickets/999999/start");
    CHECK(action.status == 404);

    const HttpReply booking = office.anonymous().post("/api/v1/appointments/ZZZZZZ/check-in");
    CHECK(booking.status == 404);
    CHECK(booking.error_code() == "not_found");
    CHECK(booking.error_field() == "booking_code");

    const HttpReply malformed_code = office.anonymous().post("/api/v1/appointments/AB!/check-in");
    CHECK(malformed_code.status == 400);

    const HttpReply desk = officer.post("/api/v1/desks/99/call-next");
    CHECK(desk.status == 404);

    const HttpReply route = office.anonymous().get("/api/v1/no-such-route");
    CHECK(route.status == 404);
    CHECK(route.error_code() == "not_found");
    // Only the message distinguishes a missing route from a missing ticket.
    CHECK(route.error_message() != ticket.error_message());
}

// --- Conflicts ----------------------------------------------------------------------------

TEST_CASE("starting waiting ticket conflicts") {
    Office office;
    const Json ticket = office.check_in("Siti Aminah", "081234567890");
    const RawHttpClient officer = office.staff("petugas1", "1");

    const HttpReply start = officer.post(ticket_path(ticket, "/start"));
    CHECK(start.status == 409);
    CHECK(start.error_code() == "conflict");

    const HttpReply complete = officer.post(ticket_path(ticket, "/complete"), {{"outcome", "answered"}});
    CHECK(complete.status == 409);

    const HttpReply after = office.staff("resepsionis").get(ticket_path(ticket));
    REQUIRE(after.status == 200);
    CHECK(after.json()["ticket"]["state"] == "waiting");
}

TEST_CASE("booking checks in only once") {
    Office office;
    const StaffLogin officer = log_in(office.port(), "petugas1", "1");
    const Json booking = book_appointment(office.staff("resepsionis"), "Budi Santoso", "081298765432",
                                          officer.officer_id);
    const std::string path = "/api/v1/appointments/" + booking["booking_code"].get<std::string>() + "/check-in";

    const HttpReply first = office.anonymous().post(path);
    REQUIRE(first.status == 201);
    CHECK(first.json()["ticket"]["kind"] == "booked");

    const HttpReply second = office.anonymous().post(path);
    CHECK(second.status == 409);
    CHECK(second.error_code() == "conflict");
    CHECK(second.error_field() == "booking_code");
}

TEST_CASE("cancelled appointment cannot check in") {
    Office office;
    const StaffLogin officer = log_in(office.port(), "petugas1", "1");
    const RawHttpClient reception = office.staff("resepsionis");
    const Json booking = book_appointment(reception, "Budi Santoso", "081298765432", officer.officer_id);
    const std::string appointment_path =
        "/api/v1/appointments/" + std::to_string(booking["appointment"]["id"].get<std::int64_t>());

    const HttpReply cancel = reception.patch(appointment_path, {{"status", "cancelled"}});
    REQUIRE(cancel.status == 200);
    CHECK(cancel.json()["appointment"]["status"] == "cancelled");

    const HttpReply check_in = office.anonymous().post("/api/v1/appointments/" +
                                                       booking["booking_code"].get<std::string>() + "/check-in");
    CHECK(check_in.status == 409);
    CHECK(check_in.error_code() == "conflict");

    const HttpReply change_again = reception.patch(appointment_path, {{"length_minutes", 45}});
    CHECK(change_again.status == 409);
}

TEST_CASE("second officer at taken desk conflicts") {
    Office office;
    log_in(office.port(), "petugas1", "1");

    const Json request{{"username", "petugas2"}, {"password", antrean::testing::kStaffPassword}, {"desk", "1"}};
    const HttpReply desk_taken = office.anonymous().post("/api/v1/auth/login", request);
    CHECK(desk_taken.status == 409);
    CHECK(desk_taken.error_code() == "conflict");
    CHECK(desk_taken.error_field() == "desk");

    const HttpReply unknown_desk =
        office.anonymous().post("/api/v1/auth/login", {{"username", "petugas2"},
                                                       {"password", antrean::testing::kStaffPassword},
                                                       {"desk", "99"}});
    CHECK(unknown_desk.status == 400);

    CHECK_NOTHROW(log_in(office.port(), "petugas2", "2"));
}

// --- Login --------------------------------------------------------------------------------

TEST_CASE("repeated failed logins get 429") {
    Office office;
    const Json wrong{{"username", "petugas1"}, {"password", "salah-sekali-123"}};

    // The configuration allows 5 failures within 15 minutes.
    for (int attempt = 1; attempt <= 5; ++attempt) {
        INFO("attempt ", attempt);
        CHECK(office.anonymous().post("/api/v1/auth/login", wrong).status == 401);
    }
    const HttpReply limited = office.anonymous().post("/api/v1/auth/login", wrong);
    CHECK(limited.status == 429);
    CHECK(limited.error_code() == "rate_limited");
    const std::string retry_after = limited.header("Retry-After");
    REQUIRE(std::regex_match(retry_after, std::regex("[0-9]+")));
    CHECK(std::stoi(retry_after) > 0);

    // The right password waits for the window too.
    const Json right{{"username", "petugas1"}, {"password", antrean::testing::kStaffPassword}};
    CHECK(office.anonymous().post("/api/v1/auth/login", right).status == 429);
}

TEST_CASE("login failure hides whether user exists") {
    Office office;
    for (const std::string language : {"id", "en"}) {
        INFO("Accept-Language: ", language);
        RawHttpClient client = office.anonymous();
        client.set_language(language);

        const HttpReply unknown_user =
            client.post("/api/v1/auth/login", {{"username", "tidak-ada"}, {"password", "salah-sekali-123"}});
        const HttpReply wrong_password =
            client.post("/api/v1/auth/login", {{"username", "petugas1"}, {"password", "salah-sekali-123"}});
        CHECK(unknown_user.status == 401);
        CHECK(wrong_password.status == 401);
        CHECK(unknown_user.error_code() == wrong_password.error_code());
        CHECK(unknown_user.error_field() == wrong_password.error_field());
        CHECK_FALSE(unknown_user.error_message().empty());
        CHECK(unknown_user.error_message() == wrong_password.error_message());
    }
}

TEST_CASE("error language follows Accept-Language") {
    Office office;
    Json request = walk_in_request("Siti Aminah", "081234567890");
    request.erase("consent");

    auto message_for = [&](const std::string& language) {
        RawHttpClient client = office.anonymous();
        client.set_language(language);
        const HttpReply reply = client.post("/api/v1/tickets", request);
        CHECK(reply.status == 422);
        return reply.error_message();
    };
    const std::string default_message = message_for("");
    const std::string indonesian = message_for("id");
    const std::string english = message_for("en");
    const std::string english_with_region = message_for("en-US,en;q=0.9");

    CHECK_FALSE(indonesian.empty());
    CHECK_FALSE(english.empty());
    CHECK(english != indonesian);
    CHECK(default_message == indonesian);
    CHECK(english_with_region == english);
    CHECK(english.find("onsent") != std::string::npos);
    CHECK(indonesian.find("ersetujuan") != std::string::npos);
}

// --- Reception and booked visitors --------------------------------------------------------

TEST_CASE("reception registration records receptionist consent") {
    Office office;
    const RawHttpClient reception = office.staff("resepsionis");

    Json request = walk_in_request("Ibu Ratna", "081355556666");
    request["priority"] = "priority";
    const HttpReply registered = reception.post("/api/v1/tickets", request);
    REQUIRE(registered.status == 201);
    const HttpReply stored = reception.get(ticket_path(registered.json()["ticket"]));
    REQUIRE(stored.status == 200);
    CHECK(stored.json()["ticket"]["consent_by"] == "receptionist");
    CHECK(stored.json()["ticket"]["priority"] == "priority");

    const Json kiosk_ticket = office.check_in("Siti Aminah", "081234567890");
    CHECK(reception.get(ticket_path(kiosk_ticket)).json()["ticket"]["consent_by"] == "visitor");

    const HttpReply by_officer = office.staff("petugas1").post("/api/v1/tickets", request);
    CHECK(by_officer.status == 403);
}

TEST_CASE("booked visitor checks in by code and phone") {
    Office office;
    const StaffLogin officer = log_in(office.port(), "petugas1", "1");
    const RawHttpClient reception = office.staff("resepsionis");
    const Json by_code = book_appointment(reception, "Budi Santoso", "081298765432", officer.officer_id);
    const Json by_phone = book_appointment(reception, "Rina Wati", "081377788899", officer.officer_id);
    CHECK(std::regex_match(by_code["booking_code"].get<std::string>(),
                           std::regex("[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}")));

    // Typed codes may be lower case and contain a dash.
    std::string typed_code = by_code["booking_code"].get<std::string>();
    std::transform(typed_code.begin(), typed_code.end(), typed_code.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    typed_code.insert(3, "-");
    const HttpReply code_check_in = office.anonymous().post("/api/v1/appointments/" + typed_code + "/check-in");
    REQUIRE(code_check_in.status == 201);
    CHECK(code_check_in.json()["ticket"]["kind"] == "booked");
    CHECK(code_check_in.json()["ticket"]["code"] == "A-001");
    CHECK(code_check_in.json()["appointment"]["starts_at"].is_string());
    CHECK(code_check_in.json()["appointment"]["desk"]["id"] == "1");

    // The phone is typed in another form than the one booked.
    const HttpReply phone_check_in =
        office.anonymous().post("/api/v1/appointments/check-in", {{"phone", "+62 813-7778-8899"}});
    REQUIRE(phone_check_in.status == 201);
    CHECK(phone_check_in.json()["ticket"]["kind"] == "booked");

    const HttpReply unknown_phone =
        office.anonymous().post("/api/v1/appointments/check-in", {{"phone", "081399990000"}});
    CHECK(unknown_phone.status == 404);
    CHECK(unknown_phone.error_field() == "phone");
    const HttpReply invalid_phone = office.anonymous().post("/api/v1/appointments/check-in", {{"phone", "12ab"}});
    CHECK(invalid_phone.status == 422);
    CHECK(invalid_phone.error_code() == "invalid_phone");

    const HttpReply list = reception.get("/api/v1/appointments?date=" + office_now().substr(0, 10));
    REQUIRE(list.status == 200);
    REQUIRE(list.json()["appointments"].size() == 2);
    CHECK(list.json()["appointments"][0]["status"] == "checked_in");
    CHECK(list.json()["appointments"][1]["status"] == "checked_in");
    CHECK(list.json()["appointments"][0]["id"] == by_code["appointment"]["id"]);
    CHECK(list.json()["appointments"][1]["id"] == by_phone["appointment"]["id"]);

    // The booked officer gets the booked visitor first, because the slot has started.
    RawHttpClient officer_client = office.anonymous();
    officer_client.set_token(officer.token);
    const HttpReply call = officer_client.post("/api/v1/desks/1/call-next");
    REQUIRE(call.status == 200);
    CHECK(call.json()["ticket"]["id"] == code_check_in.json()["ticket"]["id"]);
    CHECK(call.json()["selection"]["rule"] == "booked_at_slot");
}

// --- Serving visitors ---------------------------------------------------------------------

TEST_CASE("call next serves oldest ticket first") {
    Office office;
    const Json first = office.check_in("Siti Aminah", "081234567890");
    const Json second = office.check_in("Budi", "081298765432");
    RawHttpClient officer = office.staff("petugas1", "1");
    officer.set_language("en");

    const HttpReply call = officer.post("/api/v1/desks/1/call-next");
    REQUIRE(call.status == 200);
    CHECK(call.json()["ticket"]["id"] == first["id"]);
    CHECK(call.json()["ticket"]["state"] == "called");
    CHECK(call.json()["ticket"]["desk"]["id"] == "1");
    CHECK(call.json()["ticket"]["visitor"]["name"] == "Siti Aminah");
    CHECK(call.json()["selection"]["rule"] == "longest_wait");
    CHECK_FALSE(call.json()["selection"]["message"].get<std::string>().empty());

    // One visitor at a time: the next call waits until this one is finished.
    const HttpReply busy = officer.post("/api/v1/desks/1/call-next");
    CHECK(busy.status == 409);
    CHECK(busy.error_code() == "conflict");

    CHECK(officer.post(ticket_path(first, "/start")).json()["ticket"]["state"] == "serving");
    const HttpReply no_outcome = officer.post(ticket_path(first, "/complete"));
    CHECK(no_outcome.status == 422);
    CHECK(no_outcome.error_field() == "outcome");
    const HttpReply done = officer.post(ticket_path(first, "/complete"), {{"outcome", "answered"}, {"notes", "Dijawab"}});
    REQUIRE(done.status == 200);
    CHECK(done.json()["ticket"]["state"] == "done");
    CHECK(done.json()["ticket"]["outcome"] == "answered");

    const HttpReply history = officer.get(ticket_path(first));
    REQUIRE(history.status == 200);
    const Json entries = history.json()["ticket"]["history"];
    std::vector<std::string> actions;
    for (const Json& entry : entries) {
        actions.push_back(entry["action"].get<std::string>());
    }
    CHECK(actions == std::vector<std::string>{"check_in", "call", "start", "complete"});

    const HttpReply next = officer.post("/api/v1/desks/1/call-next");
    REQUIRE(next.status == 200);
    CHECK(next.json()["ticket"]["id"] == second["id"]);
    CHECK(officer.post(ticket_path(second, "/start")).status == 200);
    CHECK(officer.post(ticket_path(second, "/complete"), {{"outcome", "referred"}}).status == 200);

    const HttpReply empty = officer.post("/api/v1/desks/1/call-next");
    CHECK(empty.status == 204);
    CHECK(empty.body.empty());
}

TEST_CASE("recall, requeue and no-show change state") {
    Office office;
    const Json ticket = office.check_in("Siti Aminah", "081234567890");
    const RawHttpClient officer = office.staff("petugas1", "1");
    REQUIRE(officer.post("/api/v1/desks/1/call-next").status == 200);

    const HttpReply recall = officer.post(ticket_path(ticket, "/recall"));
    REQUIRE(recall.status == 200);
    CHECK(recall.json()["ticket"]["state"] == "called");
    CHECK(recall.json()["ticket"]["recall_count"] == 1);

    const HttpReply requeue = officer.post(ticket_path(ticket, "/requeue"));
    REQUIRE(requeue.status == 200);
    CHECK(requeue.json()["ticket"]["state"] == "waiting");
    CHECK(requeue.json()["ticket"]["desk"].is_null());

    const HttpReply call_again = officer.post("/api/v1/desks/1/call-next");
    REQUIRE(call_again.status == 200);
    CHECK(call_again.json()["ticket"]["id"] == ticket["id"]);

    const HttpReply no_show = officer.post(ticket_path(ticket, "/no-show"));
    REQUIRE(no_show.status == 200);
    CHECK(no_show.json()["ticket"]["state"] == "no_show");

    const HttpReply start_after = officer.post(ticket_path(ticket, "/start"));
    CHECK(start_after.status == 409);
}

TEST_CASE("transfer keeps the ticket code") {
    Office office;
    const Json ticket = office.check_in("Siti Aminah", "081234567890");
    const RawHttpClient first_officer = office.staff("petugas1", "1");
    REQUIRE(first_officer.post("/api/v1/desks/1/call-next").status == 200);
    REQUIRE(first_officer.post(ticket_path(ticket, "/start")).status == 200);

    const HttpReply no_target = first_officer.post(ticket_path(ticket, "/transfer"));
    CHECK(no_target.status == 422);
    CHECK(no_target.error_code() == "missing_field");

    const HttpReply transfer = first_officer.post(ticket_path(ticket, "/transfer"), {{"area", "srg"}});
    REQUIRE(transfer.status == 200);
    const Json follow_up = transfer.json()["ticket"];
    CHECK(follow_up["id"] != ticket["id"]);
    CHECK(follow_up["code"] == "A-001");
    CHECK(follow_up["area"] == "srg");
    CHECK(follow_up["state"] == "waiting");
    CHECK(follow_up["previous_ticket_id"] == ticket["id"]);

    const HttpReply original = first_officer.get(ticket_path(ticket));
    CHECK(original.json()["ticket"]["state"] == "done");
    CHECK(original.json()["ticket"]["outcome"] == "transferred");

    // Only the officer who serves srg can call the follow-up ticket.
    CHECK(first_officer.post("/api/v1/desks/1/call-next").status == 204);
    const HttpReply second_call = office.staff("petugas2", "2").post("/api/v1/desks/2/call-next");
    REQUIRE(second_call.status == 200);
    CHECK(second_call.json()["ticket"]["id"] == follow_up["id"]);
}

TEST_CASE("paused officer gets no calls") {
    Office office;
    office.check_in("Siti Aminah", "081234567890");
    const RawHttpClient officer = office.staff("petugas1", "1");

    const HttpReply pause = officer.post("/api/v1/officers/me/status", {{"status", "paused"}, {"reason", "istirahat"}});
    REQUIRE(pause.status == 200);
    CHECK(pause.json()["officer"]["status"] == "paused");
    const HttpReply paused_call = officer.post("/api/v1/desks/1/call-next");
    CHECK(paused_call.status == 409);

    const HttpReply invalid = officer.post("/api/v1/officers/me/status", {{"status", "asleep"}});
    CHECK(invalid.status == 400);
    const HttpReply missing = officer.post("/api/v1/officers/me/status");
    CHECK(missing.status == 422);

    REQUIRE(officer.post("/api/v1/officers/me/status", {{"status", "available"}}).status == 200);
    CHECK(officer.post("/api/v1/desks/1/call-next").status == 200);
}

TEST_CASE("reception cancels and marks priority") {
    Office office;
    const Json first = office.check_in("Siti Aminah", "081234567890");
    const Json second = office.check_in("Budi", "081298765432");
    const RawHttpClient reception = office.staff("resepsionis");

    const HttpReply priority = reception.patch(ticket_path(second), {{"priority", "priority"}});
    REQUIRE(priority.status == 200);
    CHECK(priority.json()["ticket"]["priority"] == "priority");
    CHECK(reception.patch(ticket_path(second), Json::object()).status == 422);
    CHECK(reception.patch(ticket_path(second), {{"priority", "vip"}}).status == 400);

    // An officer may not cancel a ticket they did not call.
    const RawHttpClient officer = office.staff("petugas1", "1");
    CHECK(officer.post(ticket_path(first, "/cancel")).status == 403);

    const HttpReply cancel = reception.post(ticket_path(first, "/cancel"), {{"reason", "pulang"}});
    REQUIRE(cancel.status == 200);
    CHECK(cancel.json()["ticket"]["state"] == "cancelled");
    CHECK(cancel.json()["ticket"]["cancel_reason"] == "pulang");
    CHECK(reception.patch(ticket_path(first), {{"priority", "priority"}}).status == 409);

    // The priority ticket is the only one left, so it is called with the priority rule.
    const HttpReply call = officer.post("/api/v1/desks/1/call-next");
    REQUIRE(call.status == 200);
    CHECK(call.json()["ticket"]["id"] == second["id"]);
    CHECK(call.json()["selection"]["rule"] == "priority");
}

TEST_CASE("staff read queue and officers") {
    Office office;
    Json request = walk_in_request("Siti Aminah", "0812-3456-7890");
    request["visitor"]["nik"] = kValidNik;
    const HttpReply issued = office.anonymous().post("/api/v1/tickets", request);
    REQUIRE(issued.status == 201);
    const RawHttpClient reception = office.staff("resepsionis");

    const HttpReply queue = reception.get("/api/v1/queue");
    REQUIRE(queue.status == 200);
    REQUIRE(queue.json()["tickets"].size() == 1);
    const Json ticket = queue.json()["tickets"][0];
    CHECK(ticket["visitor"]["name"] == "Siti Aminah");
    CHECK(ticket["visitor"]["phone"] == "+6281234567890");
    CHECK(ticket["visitor"]["nik"] == kValidNik);
    CHECK(ticket["consent_by"] == "visitor");
    // A reprint carries the QR code of the first ticket.
    CHECK(ticket["status_url"] == issued.json()["ticket"]["status_url"]);
    CHECK(queue.json()["service_date"] == office_now().substr(0, 10));

    const HttpReply officers = reception.get("/api/v1/officers");
    REQUIRE(officers.status == 200);
    CHECK(officers.json()["officers"].size() == 4);
}

TEST_CASE("logout ends the token") {
    Office office;
    const RawHttpClient officer = office.staff("petugas1", "1");
    CHECK(officer.get("/api/v1/queue").status == 200);

    const HttpReply logout = officer.post("/api/v1/auth/logout");
    CHECK(logout.status == 204);
    CHECK(officer.get("/api/v1/queue").status == 401);

    // The desk is free again for another officer.
    CHECK_NOTHROW(log_in(office.port(), "petugas2", "1"));
}

// --- Reports ------------------------------------------------------------------------------

TEST_CASE("daily report as JSON and CSV") {
    Office office;
    const Json served = office.check_in("Siti Aminah", "081234567890");
    const Json absent = office.check_in("Budi", "081298765432");
    office.check_in("Wayan Sudarta", "081311112222", "srg");
    const RawHttpClient officer = office.staff("petugas1", "1");
    REQUIRE(officer.post("/api/v1/desks/1/call-next").status == 200);
    REQUIRE(officer.post(ticket_path(served, "/start")).status == 200);
    REQUIRE(officer.post(ticket_path(served, "/complete"), {{"outcome", "answered"}}).status == 200);
    REQUIRE(officer.post("/api/v1/desks/1/call-next").status == 200);
    REQUIRE(officer.post(ticket_path(absent, "/no-show")).status == 200);
    const RawHttpClient reception = office.staff("resepsionis");

    const HttpReply report = reception.get("/api/v1/reports/daily");
    REQUIRE(report.status == 200);
    const Json body = report.json();
    const std::string date = body["date"];
    CHECK(date == office_now().substr(0, 10));
    CHECK(body["tickets"] == 3);
    CHECK(body["by_area"]["pbk"] == 2);
    CHECK(body["by_area"]["srg"] == 1);
    CHECK(body["by_outcome"]["answered"] == 1);
    CHECK(body["by_state"]["waiting"] == 1);
    CHECK(body["no_shows"] == 1);
    CHECK(body["waiting"]["count"] == 2);
    CHECK(body["service"]["count"] == 1);

    const HttpReply csv = reception.get("/api/v1/reports/daily?date=" + date, {{"Accept", "text/csv"}});
    REQUIRE(csv.status == 200);
    CHECK(csv.header("Content-Type").rfind("text/csv", 0) == 0);
    CHECK(csv.body.rfind("date,metric,key,value\r\n", 0) == 0);
    CHECK(csv.body.find(date + ",tickets,all,3\r\n") != std::string::npos);
    CHECK(csv.body.find(date + ",area,pbk,2\r\n") != std::string::npos);
    CHECK(csv.body.find(date + ",no_shows,all,1\r\n") != std::string::npos);

    const HttpReply bad_date = reception.get("/api/v1/reports/daily?date=kemarin");
    CHECK(bad_date.status == 400);
}

// --- Visitor's phone page and survey ------------------------------------------------------

TEST_CASE("phone page files are served") {
    Office office;
    const Json ticket = office.check_in("Siti Aminah", "081234567890");
    const std::string token = ticket["status_token"].get<std::string>();

    const HttpReply page = office.anonymous().get("/q/" + std::to_string(ticket["id"].get<std::int64_t>()) +
                                                  "?token=" + token);
    CHECK(page.status == 200);
    CHECK(page.header("Content-Type").rfind("text/html", 0) == 0);
    CHECK(page.header("Referrer-Policy") == "no-referrer");
    CHECK(page.header("Content-Security-Policy").find("default-src 'none'") != std::string::npos);

    const HttpReply script = office.anonymous().get("/web/visitor.js");
    CHECK(script.status == 200);
    CHECK(script.header("Content-Type").rfind("text/javascript", 0) == 0);
    const HttpReply style = office.anonymous().get("/web/visitor.css");
    CHECK(style.status == 200);
    CHECK(style.header("Content-Type").rfind("text/css", 0) == 0);
    const HttpReply strings = office.anonymous().get("/web/strings.json");
    REQUIRE(strings.status == 200);
    CHECK(strings.json()["id"].is_object());
    CHECK(strings.json()["en"].is_object());
    CHECK(strings.json()["office_name"]["id"].is_string());
}

TEST_CASE("ticket event feed follows its status") {
    Office office;
    const Json ticket = office.check_in("Siti Aminah", "081234567890");
    const std::string query = "?token=" + ticket["status_token"].get<std::string>();
    const RawHttpClient officer = office.staff("petugas1", "1");

    antrean::testing::RawEventStream feed(office.port(), ticket_path(ticket, "/events") + query);
    REQUIRE(feed.wait_for_events(1, 5s));
    CHECK(feed.events()[0].name == "status");
    CHECK(Json::parse(feed.events()[0].data)["state"] == "waiting");

    REQUIRE(officer.post("/api/v1/desks/1/call-next").status == 200);
    REQUIRE(feed.wait_for_events(2, 5s));
    const Json called = Json::parse(feed.events()[1].data);
    CHECK(called["state"] == "called");
    CHECK(called["desk"]["name"] == "Meja 1");
    feed.stop();

    const HttpReply wrong_token = office.anonymous().get(ticket_path(ticket, "/events?token=00"));
    CHECK(wrong_token.status == 404);
}

TEST_CASE("survey takes one answer after service") {
    Office office;
    const Json ticket = office.check_in("Siti Aminah", "081234567890");
    const std::string query = "?token=" + ticket["status_token"].get<std::string>();
    const RawHttpClient officer = office.staff("petugas1", "1");

    const HttpReply before = office.anonymous().get(ticket_path(ticket, "/survey") + query);
    REQUIRE(before.status == 200);
    CHECK(before.json()["state"] == "not_finished");
    const size_t element_count = before.json()["elements"].size();
    REQUIRE(element_count > 0);
    const Json good_scores = Json(std::vector<int>(element_count, 4));
    CHECK(office.anonymous().post(ticket_path(ticket, "/survey") + query, {{"scores", good_scores}}).status == 409);

    REQUIRE(officer.post("/api/v1/desks/1/call-next").status == 200);
    REQUIRE(officer.post(ticket_path(ticket, "/start")).status == 200);
    REQUIRE(officer.post(ticket_path(ticket, "/complete"), {{"outcome", "answered"}}).status == 200);
    CHECK(office.anonymous().get(ticket_path(ticket, "/survey") + query).json()["state"] == "open");

    const HttpReply missing = office.anonymous().post(ticket_path(ticket, "/survey") + query);
    CHECK(missing.status == 422);
    const HttpReply too_few =
        office.anonymous().post(ticket_path(ticket, "/survey") + query, {{"scores", Json::array({4})}});
    CHECK(too_few.status == 400);
    Json out_of_range = good_scores;
    out_of_range[0] = 5;
    CHECK(office.anonymous().post(ticket_path(ticket, "/survey") + query, {{"scores", out_of_range}}).status == 400);

    const HttpReply answered = office.anonymous().post(ticket_path(ticket, "/survey") + query,
                                                       {{"scores", good_scores}, {"comment", "Pelayanan cepat"}});
    CHECK(answered.status == 201);
    CHECK(answered.json()["status"] == "recorded");
    CHECK(office.anonymous().post(ticket_path(ticket, "/survey") + query, {{"scores", good_scores}}).status == 409);
    CHECK(office.anonymous().get(ticket_path(ticket, "/status") + query).json()["ticket"]["survey"] == "answered");

    // Every element scored 4 gives the highest index, category A.
    const RawHttpClient reception = office.staff("resepsionis");
    const HttpReply report = reception.get("/api/v1/reports/ikm");
    REQUIRE(report.status == 200);
    CHECK(report.json()["responses"] == 1);
    CHECK(report.json()["ikm"].get<double>() == doctest::Approx(100.0));
    CHECK(report.json()["category"]["letter"] == "A");
    CHECK(report.json()["comments"] == Json::array({"Pelayanan cepat"}));
    const HttpReply csv = reception.get("/api/v1/reports/ikm", {{"Accept", "text/csv"}});
    CHECK(csv.status == 200);
    CHECK(csv.header("Content-Type").rfind("text/csv", 0) == 0);
    CHECK(reception.get("/api/v1/reports/ikm?from=kemarin").status == 400);
    CHECK(office.staff("petugas2", "2").get("/api/v1/reports/ikm").status == 403);
}

TEST_CASE("wrong status tokens get 429") {
    Office office;
    const Json ticket = office.check_in("Siti Aminah", "081234567890");
    const std::string wrong = ticket_path(ticket, "/status?token=0123456789abcdef0123456789abcdef");

    // 30 wrong tokens from one address are allowed in 10 minutes. The server delays each
    // response to a wrong token by 250 ms, so they are sent from several threads.
    std::atomic<int> not_found{0};
    std::vector<std::thread> guessers;
    for (int thread = 0; thread < 10; ++thread) {
        guessers.emplace_back([&] {
            for (int i = 0; i < 3; ++i) {
                if (office.anonymous().get(wrong).status == 404) ++not_found;
            }
        });
    }
    for (std::thread& guesser : guessers) guesser.join();
    CHECK(not_found == 30);

    const HttpReply limited = office.anonymous().get(wrong);
    CHECK(limited.status == 429);
    CHECK(limited.error_code() == "rate_limited");
    CHECK_FALSE(limited.header("Retry-After").empty());

    // The right token from the same address waits too.
    const HttpReply right = office.anonymous().get(ticket_path(ticket, "/status?token=") +
                                                   ticket["status_token"].get<std::string>());
    CHECK(right.status == 429);
}

TEST_CASE("repeated check-in returns the first ticket") {
    Office office;
    const StaffLogin officer = log_in(office.port(), "petugas1", "1");
    const RawHttpClient reception = office.staff("resepsionis");
    Json request = walk_in_request("Siti Aminah", "081234567890");
    request["request_id"] = "kiosk-1-8f14e45fceea167a";

    // The kiosk lost the first reply and sends the same check-in again.
    const HttpReply first = office.anonymous().post("/api/v1/tickets", request);
    const HttpReply repeat = office.anonymous().post("/api/v1/tickets", request);
    REQUIRE(first.status == 201);
    REQUIRE(repeat.status == 201);
    CHECK(repeat.json()["ticket"]["id"] == first.json()["ticket"]["id"]);
    CHECK(repeat.json()["ticket"]["code"] == first.json()["ticket"]["code"]);
    CHECK(repeat.json()["ticket"]["status_url"] == first.json()["ticket"]["status_url"]);
    CHECK(repeat.json()["ticket"]["position"] == 1);
    request["request_id"] = "kiosk-1-c9f0f895fb98ab91";
    CHECK(office.anonymous().post("/api/v1/tickets", request).json()["ticket"]["code"] == "A-002");
    CHECK(reception.get("/api/v1/queue").json()["tickets"].size() == 2);

    // A booked visitor's repeat returns the booked ticket instead of "already checked in".
    const Json booked = book_appointment(reception, "Rina Wati", "081377788899", officer.officer_id);
    const std::string path = "/api/v1/appointments/" + booked["booking_code"].get<std::string>() + "/check-in";
    const Json with_id{{"request_id", "kiosk-1-45c48cce2e2d7fbd"}};
    const HttpReply booked_first = office.anonymous().post(path, with_id);
    const HttpReply booked_repeat = office.anonymous().post(path, with_id);
    REQUIRE(booked_first.status == 201);
    REQUIRE(booked_repeat.status == 201);
    CHECK(booked_repeat.json()["ticket"]["id"] == booked_first.json()["ticket"]["id"]);
    CHECK(office.anonymous().post(path, Json::object()).status == 409);

    book_appointment(reception, "Budi Santoso", "081298765432", officer.officer_id);
    const Json phone_request{{"phone", "081298765432"}, {"request_id", "kiosk-1-d3d9446802a44259"}};
    const HttpReply phone_first = office.anonymous().post("/api/v1/appointments/check-in", phone_request);
    const HttpReply phone_repeat = office.anonymous().post("/api/v1/appointments/check-in", phone_request);
    REQUIRE(phone_first.status == 201);
    REQUIRE(phone_repeat.status == 201);
    CHECK(phone_repeat.json()["ticket"]["id"] == phone_first.json()["ticket"]["id"]);
    CHECK(phone_repeat.json()["appointment"]["starts_at"] == phone_first.json()["appointment"]["starts_at"]);
}

TEST_CASE("malformed request id gets 400") {
    Office office;
    for (const Json& request_id : {Json("pendek"), Json(std::string(65, 'a')), Json("ada spasi di dalam id ini"), Json(7)}) {
        INFO("request_id: ", request_id.dump());
        Json request = walk_in_request("Siti Aminah", "081234567890");
        request["request_id"] = request_id;
        const HttpReply reply = office.anonymous().post("/api/v1/tickets", request);
        CHECK(reply.status == 400);
        CHECK(reply.error_field() == "request_id");
        CHECK_FALSE(reply.error_message().empty());
    }
}
