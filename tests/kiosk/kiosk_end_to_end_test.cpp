// The real antrean-kiosk under a private Xvfb display against a real antrean-server on
// loopback, driven by xdotool taps at the rectangles the kiosk writes with --layout-dump.

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>

#include "client/api_client.hpp"
#include "domain/office_time.hpp"
#include "i18n/catalog.hpp"
#include "integration/server_process.hpp"
#include "x_session.hpp"

using namespace antrean;
using namespace antrean::testing;

namespace {

constexpr const char* kReceptionist = "rina";
constexpr const char* kPassword = "kiosk-test-password-1";

// Whether the tools these tests need exist; logs why not.
bool x_tools_available() {
    if (!find_program("Xvfb")) {
        MESSAGE("SKIPPED: Xvfb is not installed (Debian package xvfb), so the kiosk cannot run under a virtual display");
        return false;
    }
    if (!find_program("xdotool")) {
        MESSAGE("SKIPPED: xdotool is not installed (Debian package xdotool), so nothing can tap the kiosk");
        return false;
    }
    return true;
}

std::string read_binary(const std::filesystem::path& path) {
    std::ifstream file(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
}

// The office's "now" as RFC 3339, for a booking that starts now.
std::string office_now() {
    static const Result<OfficeTime> office_time = OfficeTime::create("Asia/Jakarta");
    REQUIRE(office_time.has_value());
    return office_time->rfc3339(SystemClock().now());
}

// A server, a display and a kiosk connected to both; stopped in reverse order.
struct KioskRig {
    ServerProcess server;
    XvfbDisplay display;
    ChildProcess kiosk;
    std::filesystem::path layout;
    std::filesystem::path printer;

    KioskRig() {
        server.add_user(kReceptionist, "receptionist", "", kPassword, "Rina Resepsionis");
        server.start();
        display.start(server.dir());
        layout = server.dir() / "kiosk-layout.json";
        printer = server.dir() / "printer.bin";
        kiosk.start({ANTREAN_KIOSK_BINARY, "--role", "visitor", "--server", server.base_url(), "--layout-dump",
                     layout.string(), "--printer", printer.string()},
                    {{"DISPLAY", display.name()}, {"ALSOFT_DRIVERS", "null"}}, server.dir() / "kiosk.log");
    }
    ~KioskRig() {
        kiosk.stop();
        display.stop();
    }

    KioskDriver driver() const { return KioskDriver(layout, display.name()); }

    // Returns today's tickets in the staff form that GET /api/v1/queue sends a receptionist.
    nlohmann::json queue() {
        ApiClient client(server.base_url());
        REQUIRE(client.login(kReceptionist, kPassword).has_value());
        const auto reply = client.get("/api/v1/queue");
        REQUIRE(reply.has_value());
        return reply->body["tickets"];
    }
};

void tap_sequence(const KioskDriver& kiosk, std::initializer_list<const char*> ids) {
    for (const char* id : ids) {
        kiosk.tap(id);
    }
}

// Walks the walk-in flow up to the consent step: Pengaduan, PBK, name and phone typed on
// the on-screen keyboard without pauses between taps.
void walk_in_to_consent(const KioskDriver& kiosk, std::initializer_list<const char*> name_keys,
                        std::initializer_list<const char*> phone_keys) {
    REQUIRE(kiosk.wait_for("welcome", "welcome.walk_in"));
    kiosk.tap("welcome.walk_in");
    REQUIRE(kiosk.wait_for("purpose", "purpose.complaint"));
    kiosk.tap("purpose.complaint");
    REQUIRE(kiosk.wait_for("area", "area.pbk"));
    kiosk.tap("area.pbk");
    REQUIRE(kiosk.wait_for("identity", "key.q"));
    tap_sequence(kiosk, name_keys);
    kiosk.tap("field.phone");
    REQUIRE(kiosk.wait_for("identity", "key.plus"));
    tap_sequence(kiosk, phone_keys);
    kiosk.tap("footer.next");
    REQUIRE(kiosk.wait_for("identity_extra", "field.nik"));
    kiosk.tap("footer.next");
    REQUIRE(kiosk.wait_for("summary", "field.summary"));
    kiosk.tap("footer.next");
    REQUIRE(kiosk.wait_for("priority", "priority.no"));
    kiosk.tap("priority.no");
    REQUIRE(kiosk.wait_for("confirm", "confirm.identity.change"));
    kiosk.tap("footer.next");
    REQUIRE(kiosk.wait_for("consent", "consent.agree"));
    kiosk.tap("consent.agree");
    REQUIRE(kiosk.wait_for("consent", "consent.submit", std::chrono::seconds(5), true));
}

const nlohmann::json* find_ticket_named(const nlohmann::json& tickets, const std::string& name) {
    for (const nlohmann::json& ticket : tickets) {
        if (ticket["visitor"]["name"] == name) {
            return &ticket;
        }
    }
    return nullptr;
}

}  // namespace

TEST_CASE("kiosk walk-in and booked check-in end to end") {
    if (!x_tools_available()) {
        return;
    }
    KioskRig rig;
    const KioskDriver kiosk = rig.driver();

    // A walk-in visitor types "Siti Aminah"; the name field starts each word in capitals.
    walk_in_to_consent(kiosk,
                       {"key.s", "key.i", "key.t", "key.i", "key.space", "key.a", "key.m", "key.i", "key.n", "key.a",
                        "key.h"},
                       {"key.0", "key.8", "key.1", "key.2", "key.3", "key.4", "key.5", "key.6", "key.7", "key.8",
                        "key.9", "key.0"});
    kiosk.tap("consent.submit");
    REQUIRE(kiosk.wait_for("ticket", "ticket.done"));

    // The server stored exactly that ticket, with the typed identity.
    const nlohmann::json tickets = rig.queue();
    REQUIRE(tickets.size() == 1);
    const nlohmann::json& ticket = tickets[0];
    CHECK(ticket["visitor"]["name"] == "Siti Aminah");
    CHECK(ticket["visitor"]["phone"] == "+6281234567890");
    CHECK(ticket["area"] == "pbk");
    CHECK(ticket["purpose"] == "complaint");
    CHECK(ticket["priority"] == "regular");
    CHECK(ticket["consent_by"] == "visitor");
    const std::string code = ticket["code"];

    // The printer file received the ESC/POS ticket with that code.
    std::string printed;
    for (int attempt = 0; attempt < 50 && printed.find(code) == std::string::npos; ++attempt) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        printed = read_binary(rig.printer);
    }
    CHECK(printed.rfind("\x1B@", 0) == 0);
    CHECK(printed.find(code) != std::string::npos);
    CHECK(printed.find("Siti") == std::string::npos);

    // Nothing the visitor typed reaches the kiosk's log or its layout dump.
    const std::string log = read_binary(rig.server.dir() / "kiosk.log");
    CHECK(log.find("Siti") == std::string::npos);
    CHECK(log.find("81234567890") == std::string::npos);
    CHECK(read_binary(rig.layout).find("Siti") == std::string::npos);

    // "Selesai" returns to the welcome screen.
    kiosk.tap("ticket.done");
    REQUIRE(kiosk.wait_for("welcome", "welcome.booked"));

    // A booked visitor checks in with a code that reception made through the API.
    ApiClient reception(rig.server.base_url());
    REQUIRE(reception.login(kReceptionist, kPassword).has_value());
    const auto booking = reception.post(
        "/api/v1/appointments", {{"visitor", {{"name", "Budi Santoso"}, {"phone", "081377778888"}}},
                                 {"area", "srg"},
                                 {"purpose", "consultation"},
                                 {"starts_at", office_now()},
                                 {"length_minutes", 30},
                                 {"source", "email"}});
    REQUIRE_MESSAGE(booking.has_value(), describe_untranslated(booking.error()));
    const std::string booking_code = booking->body["booking_code"];
    REQUIRE(booking_code.size() == 6);

    kiosk.tap("welcome.booked");
    REQUIRE(kiosk.wait_for("booking", "key.Q"));
    for (const char c : booking_code) {
        kiosk.tap(std::string("key.") + c);
    }
    kiosk.tap("booking.submit");
    REQUIRE(kiosk.wait_for("ticket", "ticket.done"));

    const nlohmann::json after = rig.queue();
    REQUIRE(after.size() == 2);
    const nlohmann::json* booked = find_ticket_named(after, "Budi Santoso");
    REQUIRE(booked != nullptr);
    CHECK((*booked)["kind"] == "booked");
    CHECK((*booked)["area"] == "srg");
}

TEST_CASE("kiosk reports a stopped server and recovers") {
    if (!x_tools_available()) {
        return;
    }
    KioskRig rig;
    const KioskDriver kiosk = rig.driver();
    walk_in_to_consent(kiosk, {"key.a", "key.n", "key.i"}, {"key.0", "key.8", "key.1", "key.3", "key.1", "key.1",
                                                           "key.1", "key.1", "key.2", "key.2", "key.2", "key.2"});

    // The server stops while the visitor reads the consent; the check-in then fails with
    // the plain message and the receptionist named, and nothing is registered.
    const int port = rig.server.port();
    rig.server.stop();
    kiosk.tap("consent.submit");
    REQUIRE(kiosk.wait_for("consent", "dialog.unavailable"));
    REQUIRE(kiosk.wait_for("consent", "header.reconnecting", std::chrono::seconds(15), true));

    // The server comes back on the same port; the kiosk notices by itself.
    rig.server.start(port);
    REQUIRE(kiosk.wait_until_gone("header.reconnecting", std::chrono::seconds(20)));
    CHECK(rig.queue().empty());

    // What the visitor entered is still there: closing the message and trying again works.
    kiosk.tap("dialog.unavailable.ok");
    REQUIRE(kiosk.wait_for("consent", "consent.submit"));
    kiosk.tap("consent.submit");
    REQUIRE(kiosk.wait_for("ticket", "ticket.done"));
    const nlohmann::json tickets = rig.queue();
    REQUIRE(tickets.size() == 1);
    CHECK(tickets[0]["visitor"]["name"] == "Ani");
    CHECK(tickets[0]["visitor"]["phone"] == "+6281311112222");

    // With the server down on the welcome screen, the kiosk says so instead of offering
    // check-ins.
    kiosk.tap("ticket.done");
    REQUIRE(kiosk.wait_for("welcome", "welcome.walk_in"));
    rig.server.stop();
    CHECK(kiosk.wait_for("welcome", "welcome.unavailable", std::chrono::seconds(15), true));
    CHECK_FALSE(kiosk.find("welcome.walk_in"));
}
