// The real antrean-kiosk consoles under a private Xvfb display against a real
// antrean-server on loopback. An officer serves visitors with the mouse and with F1-F8.
// A receptionist registers a visitor, runs the queue table and books an appointment, and
// the booked officer then gets that visitor first.

#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <iterator>
#include <thread>

#include "client/api_client.hpp"
#include "console/console_driver.hpp"
#include "domain/office_time.hpp"
#include "i18n/catalog.hpp"
#include "integration/server_process.hpp"
#include "kiosk/x_session.hpp"

using namespace antrean;
using namespace antrean::testing;

namespace {

constexpr const char* kPassword = "console-test-password-1";
using SteadyClock = std::chrono::steady_clock;

bool x_tools_available() {
    if (!find_program("Xvfb")) {
        MESSAGE("SKIPPED: Xvfb is not installed (Debian package xvfb), so the consoles cannot run on a virtual display");
        return false;
    }
    if (!find_program("xdotool")) {
        MESSAGE("SKIPPED: xdotool is not installed (Debian package xdotool), so nothing can click the consoles");
        return false;
    }
    return true;
}

// A server, a display and one console of `role`; stopped in reverse order.
struct ConsoleRig {
    ServerProcess& server;
    XvfbDisplay display;
    ChildProcess console;
    std::filesystem::path layout;

    ConsoleRig(ServerProcess& running_server, const std::string& role) : server(running_server) {
        display.start(server.dir());
        launch(role);
    }
    ~ConsoleRig() {
        console.stop();
        display.stop();
    }

    void launch(const std::string& role) {
        layout = server.dir() / (role + "-layout.json");
        std::filesystem::remove(layout);
        console.start({ANTREAN_KIOSK_BINARY, "--role", role, "--server", server.base_url(), "--layout-dump",
                       layout.string(), "--desk", "1", "--printer", (server.dir() / "printer.bin").string()},
                      {{"DISPLAY", display.name()}}, server.dir() / (role + ".log"));
    }
    void relaunch(const std::string& role) {
        console.stop();
        launch(role);
    }

    ConsoleDriver driver() const { return ConsoleDriver(layout, display.name()); }
};

void log_in(const ConsoleDriver& driver, const std::string& username) {
    REQUIRE(driver.wait_for("login.submit"));
    driver.click("login.username");
    driver.type(username);
    driver.click("login.password");
    driver.type(kPassword);
    driver.key("Return");
}

TicketId check_in(ApiClient& client, const std::string& name, const std::string& area) {
    const auto reply = client.post("/api/v1/tickets", {{"visitor", {{"name", name}, {"phone", "081234567890"}}},
                                                       {"area", area},
                                                       {"purpose", "complaint"},
                                                       {"consent", true}});
    REQUIRE_MESSAGE(reply.has_value(), describe_untranslated(reply.error()));
    return reply->body["ticket"]["id"].get<TicketId>();
}

// Polls GET /api/v1/tickets/{id} until `done` accepts it, and returns the last reply.
template <typename Predicate>
nlohmann::json wait_for_ticket(ApiClient& staff, TicketId id, Predicate done) {
    nlohmann::json ticket;
    const auto deadline = SteadyClock::now() + std::chrono::seconds(10);
    while (SteadyClock::now() < deadline) {
        const auto reply = staff.get("/api/v1/tickets/" + std::to_string(id));
        REQUIRE_MESSAGE(reply.has_value(), describe_untranslated(reply.error()));
        ticket = reply->body["ticket"];
        if (done(ticket)) {
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return ticket;
}

nlohmann::json officer_of(ApiClient& staff, const std::string& username) {
    const auto reply = staff.get("/api/v1/officers");
    REQUIRE(reply.has_value());
    for (const nlohmann::json& officer : reply->body["officers"]) {
        if (officer["username"] == username) {
            return officer;
        }
    }
    FAIL("no staff account " << username);
    return nullptr;
}

std::string office_time_now() {
    const Result<OfficeTime> office = OfficeTime::create("Asia/Jakarta");
    REQUIRE(office.has_value());
    const LocalTime local = office->local(SystemClock().now());
    char text[8];
    std::snprintf(text, sizeof text, "%02d.%02d", local.hour, local.minute);
    return text;
}

}  // namespace

TEST_CASE("officer console serves by mouse and keys") {
    if (!x_tools_available()) {
        return;
    }
    ServerProcess server;
    server.add_user("budi", "officer", "pbk,srg", kPassword, "Budi Santoso");
    server.add_user("rina", "receptionist", "", kPassword, "Rina Wulandari");
    server.start();
    ApiClient staff(server.base_url());
    REQUIRE(staff.login("rina", kPassword).has_value());
    const TicketId first = check_in(staff, "Ani Lestari", "pbk");
    const TicketId second = check_in(staff, "Bagus Wirawan", "srg");
    const TicketId third = check_in(staff, "Citra Dewi", "pbk");
    const TicketId fourth = check_in(staff, "Dedi Kurnia", "pbk");

    ConsoleRig rig(server, "officer");
    const ConsoleDriver officer = rig.driver();
    log_in(officer, "budi");
    REQUIRE(officer.wait_for("action.call_next"));
    // Nothing called yet: serving buttons are greyed out.
    CHECK(officer.enabled("action.start") == false);
    CHECK(officer.enabled("action.complete") == false);
    CHECK(officer_of(staff, "budi")["desk"] == "1");

    SUBCASE("by mouse, then by keyboard") {
        // The first visitor, with the mouse: call, recall, start, finish as answered.
        officer.click("action.call_next");
        REQUIRE(officer.wait_for("action.recall"));
        REQUIRE(officer.wait_for("visitor.code"));
        nlohmann::json ticket = wait_for_ticket(staff, first, [](const nlohmann::json& t) { return t["state"] == "called"; });
        CHECK(ticket["state"] == "called");
        CHECK(ticket["desk"]["id"] == "1");
        CHECK(ticket["selection"]["rule"] == "longest_wait");
        CHECK(officer.wait_for_disabled("action.call_next"));

        officer.click("action.recall");
        ticket = wait_for_ticket(staff, first, [](const nlohmann::json& t) { return t["recall_count"] == 1; });
        CHECK(ticket["recall_count"] == 1);

        REQUIRE(officer.wait_for("action.start"));
        officer.click("action.start");
        REQUIRE(officer.wait_for("action.complete"));
        ticket = wait_for_ticket(staff, first, [](const nlohmann::json& t) { return t["state"] == "serving"; });
        CHECK(ticket["state"] == "serving");
        CHECK(officer.enabled("action.recall") == false);

        officer.click("action.complete");
        REQUIRE(officer.wait_for("complete.confirmed"));
        // Saving needs the report confirmed and an outcome.
        CHECK(officer.enabled("complete.confirm") == false);
        officer.click("complete.confirmed");
        officer.click("complete.answered");
        REQUIRE(officer.wait_for("complete.confirm"));
        officer.click("complete.notes");
        officer.type("Informasi legalitas pialang diberikan");
        officer.click("complete.confirm");
        REQUIRE(officer.wait_for("visitor.empty"));
        ticket = wait_for_ticket(staff, first, [](const nlohmann::json& t) { return t["state"] == "done"; });
        CHECK(ticket["state"] == "done");
        CHECK(ticket["outcome"] == "answered");
        CHECK(ticket["notes"] == "Informasi legalitas pialang diberikan");

        // The second visitor, with F1-F4 and the dialog's Ctrl shortcuts: a referral.
        REQUIRE(officer.wait_for("action.call_next"));
        officer.key("F1");
        REQUIRE(officer.wait_for("action.recall"));
        ticket = wait_for_ticket(staff, second, [](const nlohmann::json& t) { return t["state"] == "called"; });
        CHECK(ticket["visitor"]["name"] == "Bagus Wirawan");
        officer.key("F2");
        ticket = wait_for_ticket(staff, second, [](const nlohmann::json& t) { return t["recall_count"] == 1; });
        CHECK(ticket["recall_count"] == 1);
        REQUIRE(officer.wait_for("action.start"));
        officer.key("F3");
        REQUIRE(officer.wait_for("action.complete"));
        officer.key("F4");
        REQUIRE(officer.wait_for("complete.confirmed"));
        officer.key("ctrl+1");
        officer.key("ctrl+3");
        // A referral shows where evidence goes (here: that the server has none configured).
        REQUIRE(officer.wait_for("complete.evidence"));
        REQUIRE(officer.wait_for("complete.confirm"));
        officer.key("ctrl+Return");
        REQUIRE(officer.wait_for("visitor.empty"));
        ticket = wait_for_ticket(staff, second, [](const nlohmann::json& t) { return t["state"] == "done"; });
        CHECK(ticket["outcome"] == "referred");
        std::vector<std::string> actions;
        for (const nlohmann::json& entry : ticket["history"]) {
            actions.push_back(entry["action"]);
        }
        CHECK(actions == std::vector<std::string>{"check_in", "call", "recall", "start", "complete"});

        // The third does not come (F5); the fourth goes back to the queue (F6).
        REQUIRE(officer.wait_for("action.call_next"));
        officer.key("F1");
        REQUIRE(officer.wait_for("action.no_show"));
        officer.key("F5");
        ticket = wait_for_ticket(staff, third, [](const nlohmann::json& t) { return t["state"] == "no_show"; });
        CHECK(ticket["state"] == "no_show");
        REQUIRE(officer.wait_for("action.call_next"));
        officer.key("F1");
        REQUIRE(officer.wait_for("action.requeue"));
        officer.key("F6");
        ticket = wait_for_ticket(staff, fourth, [](const nlohmann::json& t) {
            return t["state"] == "waiting" && t["called_at"].is_null();
        });
        CHECK(ticket["state"] == "waiting");

        // The fourth, called again, is transferred to SRG (F7) and keeps its code.
        REQUIRE(officer.wait_for("action.call_next"));
        officer.key("F1");
        REQUIRE(officer.wait_for("action.start"));
        officer.key("F3");
        REQUIRE(officer.wait_for("action.transfer"));
        officer.key("F7");
        REQUIRE(officer.wait_for("move.area"));
        officer.click("move.area");
        REQUIRE(officer.wait_for("move.area.srg"));
        officer.click("move.area.srg");
        REQUIRE(officer.wait_for("move.confirm"));
        officer.key("Return");
        ticket = wait_for_ticket(staff, fourth, [](const nlohmann::json& t) { return t["state"] == "done"; });
        CHECK(ticket["outcome"] == "transferred");
        const auto queue = staff.get("/api/v1/queue");
        REQUIRE(queue.has_value());
        nlohmann::json follow_up;
        for (const nlohmann::json& entry : queue->body["tickets"]) {
            if (entry["previous_ticket_id"] == fourth) {
                follow_up = entry;
            }
        }
        REQUIRE(follow_up.is_object());
        CHECK(follow_up["state"] == "waiting");
        CHECK(follow_up["area"] == "srg");
        CHECK(follow_up["code"] == ticket["code"]);
        CHECK(follow_up["visitor"]["name"] == "Dedi Kurnia");

        // A break with a reason (F8), then available again (F8).
        REQUIRE(officer.wait_for("action.toggle_break"));
        officer.key("F8");
        REQUIRE(officer.wait_for("pause.reason"));
        officer.type("Rapat");
        officer.key("Return");
        const auto paused_deadline = SteadyClock::now() + std::chrono::seconds(10);
        while (officer_of(staff, "budi")["status"] != "paused" && SteadyClock::now() < paused_deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        CHECK(officer_of(staff, "budi")["status"] == "paused");
        CHECK(officer_of(staff, "budi")["status_reason"] == "Rapat");
        // The console shows the break: no calls until F8 again.
        CHECK(officer.wait_for_disabled("action.call_next"));
        officer.key("F8");
        REQUIRE(officer.wait_for("action.call_next"));
        CHECK(officer_of(staff, "budi")["status"] == "available");

        // Logging out brings back the login screen with a message, and ends the token.
        officer.click("header.logout");
        REQUIRE(officer.wait_for("login.notice"));
        CHECK(officer.wait_for_screen("login"));
        const auto offline_deadline = SteadyClock::now() + std::chrono::seconds(10);
        while (officer_of(staff, "budi")["status"] != "offline" && SteadyClock::now() < offline_deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        CHECK(officer_of(staff, "budi")["status"] == "offline");
    }

    // Nothing personal reaches the console's log.
    std::ifstream log(server.dir() / "officer.log");
    const std::string text((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
    CHECK(text.find("Bagus") == std::string::npos);
    CHECK(text.find(kPassword) == std::string::npos);
}

TEST_CASE("reception books and officer gets visitor first") {
    if (!x_tools_available()) {
        return;
    }
    ServerProcess server;
    server.add_user("dewi", "officer", "srg", kPassword, "Dewi Lestari");
    server.add_user("rina", "receptionist", "", kPassword, "Rina Wulandari");
    server.start();
    ApiClient staff(server.base_url());
    REQUIRE(staff.login("rina", kPassword).has_value());
    const OfficerId dewi = officer_of(staff, "dewi")["id"].get<OfficerId>();
    // A walk-in who has waited longer than the booked visitor will.
    const TicketId walk_in = check_in(staff, "Eko Prasetyo", "srg");

    ConsoleRig rig(server, "reception");
    const ConsoleDriver reception = rig.driver();
    log_in(reception, "rina");
    REQUIRE(reception.wait_for("tab.appointments"));

    // Register a visitor at the desk with the keyboard and the oral consent tick.
    reception.key("F2");
    REQUIRE(reception.wait_for("register.name"));
    reception.click("register.name");
    reception.type("Fitri Handayani");
    reception.click("register.phone");
    reception.type("0813 2222 4444");
    reception.click("register.purpose.information");
    reception.click("register.area.pbk");
    reception.key("ctrl+Return");
    // Without consent there is no ticket.
    REQUIRE(reception.wait_for("register.consent"));
    CHECK_FALSE(reception.wait_for("register.issued", true, std::chrono::milliseconds(800)));
    reception.click("register.consent");
    reception.key("ctrl+Return");
    REQUIRE(reception.wait_for("register.issued"));
    const auto queue = staff.get("/api/v1/queue");
    REQUIRE(queue.has_value());
    nlohmann::json registered;
    for (const nlohmann::json& ticket : queue->body["tickets"]) {
        if (ticket["visitor"]["name"] == "Fitri Handayani") {
            registered = ticket;
        }
    }
    REQUIRE(registered.is_object());
    CHECK(registered["visitor"]["phone"] == "+6281322224444");
    CHECK(registered["consent_by"] == "receptionist");
    CHECK(registered["purpose"] == "information");
    const TicketId fitri = registered["id"].get<TicketId>();
    const std::string code = registered["code"];

    // In the live queue table: priority (F5), move to SRG (F6), then cancel (F7).
    reception.key("F1");
    REQUIRE(reception.wait_for("queue.row." + code));
    reception.click("queue.row." + code);
    REQUIRE(reception.wait_for("queue.action.priority"));
    reception.key("F5");
    nlohmann::json ticket = wait_for_ticket(staff, fitri, [](const nlohmann::json& t) { return t["priority"] == "priority"; });
    CHECK(ticket["priority"] == "priority");
    REQUIRE(reception.wait_for("queue.action.move"));
    reception.key("F6");
    REQUIRE(reception.wait_for("move.area"));
    reception.click("move.area");
    REQUIRE(reception.wait_for("move.area.srg"));
    reception.click("move.area.srg");
    REQUIRE(reception.wait_for("move.confirm"));
    reception.click("move.confirm");
    ticket = wait_for_ticket(staff, fitri, [](const nlohmann::json& t) { return t["area"] == "srg"; });
    CHECK(ticket["area"] == "srg");
    CHECK(ticket["code"] == code);
    REQUIRE(reception.wait_for("queue.action.cancel"));
    reception.key("F7");
    REQUIRE(reception.wait_for("cancel.reason"));
    reception.type("Pulang sebelum dipanggil");
    reception.key("Return");
    ticket = wait_for_ticket(staff, fitri, [](const nlohmann::json& t) { return t["state"] == "cancelled"; });
    CHECK(ticket["state"] == "cancelled");
    CHECK(ticket["cancel_reason"] == "Pulang sebelum dipanggil");

    // A request by email, booked with Dewi for now.
    reception.key("F3");
    REQUIRE(reception.wait_for("appointments.new"));
    reception.key("F5");
    REQUIRE(reception.wait_for("booking.name"));
    reception.click("booking.name");
    reception.type("Joko Susilo");
    reception.click("booking.phone");
    reception.type("081355556666");
    reception.click("booking.area");
    REQUIRE(reception.wait_for("booking.area.srg"));
    reception.click("booking.area.srg");
    reception.click("booking.purpose");
    REQUIRE(reception.wait_for("booking.purpose.consultation"));
    reception.click("booking.purpose.consultation");
    reception.click("booking.time");
    reception.type(office_time_now());
    reception.click("booking.officer");
    REQUIRE(reception.wait_for("booking.officer." + std::to_string(dewi)));
    reception.click("booking.officer." + std::to_string(dewi));
    reception.key("ctrl+Return");
    REQUIRE(reception.wait_for("booking.code"));
    REQUIRE(reception.wait_for("booking.copy"));

    const auto appointments = staff.get("/api/v1/appointments");
    REQUIRE(appointments.has_value());
    REQUIRE(appointments->body["appointments"].size() == 1);
    const nlohmann::json& booked = appointments->body["appointments"][0];
    CHECK(booked["visitor"]["name"] == "Joko Susilo");
    CHECK(booked["source"] == "email");
    CHECK(booked["officer_id"] == dewi);
    CHECK(booked["area"] == "srg");
    CHECK(booked["status"] == "scheduled");
    const std::string booking_code = booked["booking_code"];
    // The day view shows it under Dewi.
    REQUIRE(reception.wait_for("appointment." + booking_code));

    // The visitor checks in with the code at the kiosk, and Dewi gets that visitor first.
    ApiClient kiosk(server.base_url());
    const auto checked_in = kiosk.post("/api/v1/appointments/" + booking_code + "/check-in");
    REQUIRE_MESSAGE(checked_in.has_value(), describe_untranslated(checked_in.error()));
    const TicketId booked_ticket = checked_in->body["ticket"]["id"].get<TicketId>();

    rig.relaunch("officer");
    const ConsoleDriver officer = rig.driver();
    REQUIRE(officer.wait_for("login.submit"));
    officer.click("login.username");
    officer.type("dewi");
    officer.click("login.password");
    officer.type(kPassword);
    officer.key("Return");
    REQUIRE(officer.wait_for("action.call_next"));
    officer.key("F1");
    ticket = wait_for_ticket(staff, booked_ticket, [](const nlohmann::json& t) { return t["state"] == "called"; });
    CHECK(ticket["state"] == "called");
    CHECK(ticket["selection"]["rule"] == "booked_at_slot");
    CHECK(ticket["officer_id"] == dewi);
    const nlohmann::json waiting = wait_for_ticket(staff, walk_in, [](const nlohmann::json&) { return true; });
    CHECK(waiting["state"] == "waiting");
    // The officer's side panel lists the appointment.
    CHECK(officer.wait_for("officer.appointments"));
}
