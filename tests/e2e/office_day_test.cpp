// A day at the office end to end. A real antrean-server runs on loopback with a real
// SQLite file. The real visitor kiosk, staff consoles and wall display each run on their
// own Xvfb screen, and xdotool drives them as visitors and staff would.

#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "display/xvfb_support.hpp"
#include "e2e/driver/office_steps.hpp"
#include "e2e/driver/office_windows.hpp"
#include "i18n/catalog.hpp"
#include "integration/server_process.hpp"

using namespace antrean;
using namespace antrean::testing;

namespace {

constexpr const char* kPassword = "office-e2e-password-1";
constexpr auto kScreenTimeout = std::chrono::seconds(25);
const std::string kConnectedLine = "Event stream connected";

const OfficePrograms kPrograms{ANTREAN_KIOSK_BINARY, ANTREAN_DISPLAY_BINARY};

StaffLogin staff(const std::string& username) {
    return {username, kPassword};
}

// The office's accounts. Budi serves PBK at desk 1, Dewi SRG and PLK at desk 2, Sari PBK
// and SRG at desk 3, and Rina is the receptionist.
void add_staff(ServerProcess& server) {
    server.add_user("budi", "officer", "pbk,general", kPassword, "Budi Santoso");
    server.add_user("dewi", "officer", "srg,plk", kPassword, "Dewi Lestari");
    server.add_user("sari", "officer", "pbk,srg", kPassword, "Sari Wulandari");
    server.add_user("rina", "receptionist", "", kPassword, "Rina Marlina");
}

void start_kiosk(ScreenProgram& kiosk, const ServerProcess& server) {
    kiosk.start(visitor_kiosk_command(kPrograms, server.base_url(), kiosk.layout_file(),
                                      server.dir() / "printer.bin"),
                {{"ALSOFT_DRIVERS", "null"}});
}

void start_officer(ScreenProgram& console, const ServerProcess& server, const std::string& desk) {
    console.start(
        console_command(kPrograms, server.base_url(), "officer", desk, console.layout_file(), ""));
}

void start_reception(ScreenProgram& console, const ServerProcess& server) {
    console.start(console_command(kPrograms, server.base_url(), "reception", "",
                                  console.layout_file(), server.dir() / "reception-printer.bin"));
}

void start_wall_display(ScreenProgram& display, const ServerProcess& server) {
    display.start(wall_display_command(kPrograms, server.base_url()), wall_display_environment());
}

void wait_until_display_connected(ScreenProgram& display, size_t connections) {
    REQUIRE_MESSAGE(display::testing::wait_until(
                        [&] { return count_of(display.log_text(), kConnectedLine) >= connections; },
                        kScreenTimeout),
                    display.log_text());
}

// Fails the test unless the wall display shows a call at `desk_index` within the deadline.
void require_call_on_board(ScreenProgram& display, const BoardReader& board, size_t desk_index) {
    const bool shown = display::testing::wait_until(
        [&] {
            const sf::Image screen = display.grab();
            return !board.banner_shown(screen) && board.call_shown(screen, desk_index);
        },
        kScreenTimeout);
    if (!shown) {
        display.save_screenshot(std::filesystem::temp_directory_path() /
                                "antrean-e2e-display-failure.png");
    }
    REQUIRE_MESSAGE(shown, "the wall display shows no call at desk index " << desk_index
                                                                           << "; log:\n"
                                                                           << display.log_text());
}

bool is_called(const nlohmann::json& ticket) {
    return ticket["state"] == "called";
}

}  // namespace

TEST_CASE("walk-in reaches a PBK officer and the board") {
    if (!office_tools_available()) {
        return;
    }
    ServerProcess server;
    add_staff(server);
    server.start();
    OfficeApi api(server.base_url(), staff("rina"));
    const BoardReader board(api.client());

    ScreenProgram display("display", server.dir());
    ScreenProgram kiosk("kiosk", server.dir());
    ScreenProgram budi_console("officer-budi", server.dir());
    ScreenProgram dewi_console("officer-dewi", server.dir());
    start_wall_display(display, server);
    start_kiosk(kiosk, server);
    start_officer(budi_console, server, "1");
    start_officer(dewi_console, server, "2");
    const ConsoleDriver budi = budi_console.console_driver();
    const ConsoleDriver dewi = dewi_console.console_driver();
    console_log_in(budi, staff("budi"), "action.call_next");
    console_log_in(dewi, staff("dewi"), "action.call_next");
    wait_until_display_connected(display, 1);

    // Before any call the board shows no code at any desk.
    const sf::Image empty_board = display.grab();
    CHECK_FALSE(board.desk_has_code(empty_board, 0));
    CHECK_FALSE(board.desk_has_code(empty_board, 1));

    // Siti checks in on the kiosk for a PBK complaint.
    kiosk_walk_in(kiosk.kiosk_driver(), {"siti aminah", "081234567890"});
    const nlohmann::json ticket = api.ticket_named("Siti Aminah");
    REQUIRE(ticket.is_object());
    CHECK(ticket["area"] == "pbk");
    CHECK(ticket["purpose"] == "complaint");
    CHECK(ticket["kind"] == "walk_in");
    CHECK(ticket["visitor"]["phone"] == "+6281234567890");
    CHECK(ticket["consent_by"] == "visitor");
    const TicketId id = ticket["id"].get<TicketId>();
    const std::string code = ticket["code"];

    // Dewi serves SRG and PLK only: her call finds no ticket, and the ticket keeps waiting.
    officer_call_next(dewi);
    REQUIRE(dewi.wait_for("officer.notice"));
    CHECK(dewi.wait_for("visitor.empty"));
    nlohmann::json after_dewi = api.ticket(id);
    CHECK(after_dewi["state"] == "waiting");
    CHECK(after_dewi["officer_id"].is_null());

    // Budi serves PBK at desk 1 and gets Siti.
    officer_call_next(budi);
    const nlohmann::json called = api.wait_for_ticket(id, is_called);
    REQUIRE(called["state"] == "called");
    CHECK(called["officer_id"] == api.officer_id("budi"));
    CHECK(called["desk"]["id"] == "1");
    CHECK(budi.wait_for("visitor.code"));

    // The wall display shows the call at desk 1 and at no other desk, and speaks that
    // code and desk.
    require_call_on_board(display, board, board.desk_index("1"));
    const sf::Image after_call = display.grab();
    CHECK_FALSE(board.desk_has_code(after_call, board.desk_index("2")));
    CHECK_FALSE(board.desk_has_code(after_call, board.desk_index("3")));
    const std::string announcement = spoken_call(code, "Meja 1");
    CHECK_MESSAGE(display::testing::wait_until(
                      [&] { return display.log_text().find(announcement) != std::string::npos; },
                      kScreenTimeout),
                  "expected \"" << announcement << "\" in the display log:\n"
                                << display.log_text());

    // A second call by Dewi still does not take Siti, who is now Budi's.
    officer_call_next(dewi);
    REQUIRE(dewi.wait_for("officer.notice"));
    const nlohmann::json final_state = api.ticket(id);
    CHECK(final_state["officer_id"] == api.officer_id("budi"));
    CHECK(final_state["desk"]["id"] == "1");
}

TEST_CASE("booked visitor goes to the booked officer") {
    if (!office_tools_available()) {
        return;
    }
    ServerProcess server;
    add_staff(server);
    server.start();
    OfficeApi api(server.base_url(), staff("rina"));
    const OfficerId sari_id = api.officer_id("sari");

    // A walk-in for SRG who has waited longer than the booked visitor will.
    const auto walk_in =
        api.client().check_in({{"visitor", {{"name", "Eko Prasetyo"}, {"phone", "081311112222"}}},
                               {"area", "srg"},
                               {"purpose", "complaint"},
                               {"consent", true}});
    REQUIRE_MESSAGE(walk_in.has_value(), (walk_in ? "" : describe_untranslated(walk_in.error())));
    const TicketId walk_in_id = walk_in->body["ticket"]["id"].get<TicketId>();

    ScreenProgram kiosk("kiosk", server.dir());
    ScreenProgram reception_console("reception", server.dir());
    ScreenProgram sari_console("officer-sari", server.dir());
    ScreenProgram dewi_console("officer-dewi", server.dir());
    start_kiosk(kiosk, server);
    start_reception(reception_console, server);
    start_officer(sari_console, server, "3");
    start_officer(dewi_console, server, "2");
    const ConsoleDriver reception = reception_console.console_driver();
    const ConsoleDriver sari = sari_console.console_driver();
    const ConsoleDriver dewi = dewi_console.console_driver();
    console_log_in(reception, staff("rina"), "tab.appointments");
    console_log_in(sari, staff("sari"), "action.call_next");
    console_log_in(dewi, staff("dewi"), "action.call_next");

    // Rina books Joko with Sari for now, from the keyboard.
    reception_book(reception, {"Joko Susilo", "081355556666", "srg", "consultation",
                               office_time_now(), sari_id});
    const nlohmann::json appointment = api.appointment_named("Joko Susilo");
    REQUIRE(appointment.is_object());
    CHECK(appointment["officer_id"] == sari_id);
    CHECK(appointment["area"] == "srg");
    CHECK(appointment["status"] == "scheduled");
    const std::string booking_code = appointment["booking_code"];
    CHECK(reception.wait_for("appointment." + booking_code));

    // Joko checks in on the kiosk with the booking code.
    kiosk_check_in_booked(kiosk.kiosk_driver(), booking_code);
    const nlohmann::json booked = api.ticket_named("Joko Susilo");
    REQUIRE(booked.is_object());
    CHECK(booked["kind"] == "booked");
    CHECK(booked["area"] == "srg");
    const TicketId booked_id = booked["id"].get<TicketId>();

    // Dewi may serve SRG and calls first: she gets the walk-in, never Sari's booked visitor.
    officer_call_next(dewi);
    const nlohmann::json dewi_call = api.wait_for_ticket(walk_in_id, is_called);
    CHECK(dewi_call["state"] == "called");
    CHECK(dewi_call["officer_id"] == api.officer_id("dewi"));
    const nlohmann::json still_waiting = api.ticket(booked_id);
    CHECK(still_waiting["state"] == "waiting");

    // Sari calls at the slot and gets Joko, chosen as a booking whose time has come.
    officer_call_next(sari);
    const nlohmann::json sari_call = api.wait_for_ticket(booked_id, is_called);
    REQUIRE(sari_call["state"] == "called");
    CHECK(sari_call["officer_id"] == sari_id);
    CHECK(sari_call["desk"]["id"] == "3");
    CHECK(sari_call["selection"]["rule"] == "booked_at_slot");
    CHECK(sari.wait_for("visitor.code"));
}

TEST_CASE("office recovers from a server SIGKILL") {
    if (!office_tools_available()) {
        return;
    }
    ServerProcess server;
    add_staff(server);
    server.start();
    const int port = server.port();
    OfficeApi api(server.base_url(), staff("rina"));
    const BoardReader board(api.client());

    ScreenProgram display("display", server.dir());
    ScreenProgram kiosk_screen("kiosk", server.dir());
    ScreenProgram budi_console("officer-budi", server.dir());
    ScreenProgram reception_console("reception", server.dir());
    start_wall_display(display, server);
    start_kiosk(kiosk_screen, server);
    start_officer(budi_console, server, "1");
    start_reception(reception_console, server);
    const KioskDriver kiosk = kiosk_screen.kiosk_driver();
    const ConsoleDriver budi = budi_console.console_driver();
    const ConsoleDriver reception = reception_console.console_driver();
    console_log_in(budi, staff("budi"), "action.call_next");
    console_log_in(reception, staff("rina"), "tab.appointments");
    wait_until_display_connected(display, 1);

    // Two visitors get their tickets on the kiosk screen: both are acknowledged.
    kiosk_walk_in(kiosk, {"ani lestari", "081311110001"});
    kiosk_finish(kiosk);
    kiosk_walk_in(kiosk, {"bagus wirawan", "081311110002"});
    kiosk_finish(kiosk);
    const nlohmann::json ani = api.ticket_named("Ani Lestari");
    const nlohmann::json bagus = api.ticket_named("Bagus Wirawan");
    REQUIRE(ani.is_object());
    REQUIRE(bagus.is_object());

    // Budi calls Ani, who does not come (F5).
    officer_call_next(budi);
    REQUIRE(api.wait_for_ticket(ani["id"].get<TicketId>(), is_called)["state"] == "called");
    require_call_on_board(display, board, board.desk_index("1"));
    REQUIRE(budi.wait_for("action.no_show"));
    budi.key("F5");
    REQUIRE(api.wait_for_ticket(ani["id"].get<TicketId>(), [](const nlohmann::json& t) {
        return t["state"] == "no_show";
    })["state"] == "no_show");

    // The server dies. Every window notices: the board's banner, the kiosk's note and the
    // consoles' connection state.
    server.kill_hard();
    REQUIRE(display::testing::wait_until([&] { return board.banner_shown(display.grab()); },
                                         kScreenTimeout));
    CHECK(kiosk.wait_for("welcome", "welcome.unavailable", kScreenTimeout, true));
    CHECK_FALSE(kiosk.find("welcome.walk_in"));
    CHECK(budi.wait_for_disabled("header.connection", kScreenTimeout));
    CHECK(reception.wait_for_disabled("header.connection", kScreenTimeout));

    // It comes back on the same file and port, and Budi calls at once, before the display's
    // next retry as a rule.
    // FIXME: nothing delays the display's retry, so a retry that lands first makes this a
    // call seen live. The MESSAGE below says which case ran.
    server.start(port);
    const size_t connections_before_call = count_of(display.log_text(), kConnectedLine);
    officer_call_next(budi);
    const nlohmann::json bagus_call = api.wait_for_ticket(bagus["id"].get<TicketId>(), is_called);
    const bool display_was_away =
        count_of(display.log_text(), kConnectedLine) == connections_before_call;
    MESSAGE("the call was made while the display was disconnected: "
            << std::string(display_was_away ? "yes" : "no"));
    REQUIRE(bagus_call["state"] == "called");
    CHECK(bagus_call["desk"]["id"] == "1");

    // No acknowledged ticket is lost.
    CHECK(api.ticket(ani["id"].get<TicketId>())["state"] == "no_show");
    CHECK(api.ticket(ani["id"].get<TicketId>())["code"] == ani["code"]);
    CHECK(bagus_call["code"] == bagus["code"]);

    // The display reconnects by itself and shows and speaks the call it missed.
    wait_until_display_connected(display, connections_before_call + 1);
    require_call_on_board(display, board, board.desk_index("1"));
    const std::string announcement = spoken_call(bagus["code"], "Meja 1");
    CHECK_MESSAGE(display::testing::wait_until(
                      [&] { return display.log_text().find(announcement) != std::string::npos; },
                      kScreenTimeout),
                  "expected \"" << announcement << "\" in the display log:\n"
                                << display.log_text());

    // The kiosk and the consoles are back online without a restart or a new login.
    REQUIRE(kiosk.wait_for("welcome", "welcome.walk_in", kScreenTimeout));
    CHECK_FALSE(kiosk.find("welcome.unavailable"));
    CHECK(budi.wait_for("header.connection", true, kScreenTimeout));
    CHECK(reception.wait_for("header.connection", true, kScreenTimeout));
    kiosk_walk_in(kiosk, {"citra dewi", "081311110003"});
    const nlohmann::json citra = api.ticket_named("Citra Dewi");
    REQUIRE(citra.is_object());
    CHECK(citra["state"] == "waiting");
    reception.key("F1");
    CHECK(
        reception.wait_for("queue.row." + citra["code"].get<std::string>(), true, kScreenTimeout));
    CHECK(kiosk_screen.running());
    CHECK(budi_console.running());
    CHECK(reception_console.running());
    CHECK(display.running());
}
