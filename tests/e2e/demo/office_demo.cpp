// antrean-office-demo: scripts/run starts it on a machine without a screen. It opens the
// office's windows on private Xvfb screens against a running server and plays a short
// morning with the end-to-end test steps. Then it saves a screenshot of each window into
// the office folder and closes the windows, while the server keeps running.
//
// It is a doctest program with one case, so a step that fails stops it with the failed
// check and its message. Input comes from the environment:
//   ANTREAN_DEMO_SERVER    the server's base URL, "http://127.0.0.1:8080"
//   ANTREAN_DEMO_ACCOUNTS  scripts/run's accounts.txt: "username role areas password" lines
//   ANTREAN_DEMO_OFFICE    the office folder, for the screenshots, logs and printer file

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "display/xvfb_support.hpp"
#include "e2e/driver/office_steps.hpp"
#include "e2e/driver/office_windows.hpp"

using namespace antrean;
using namespace antrean::testing;

namespace {

const OfficePrograms kPrograms{ANTREAN_KIOSK_BINARY, ANTREAN_DISPLAY_BINARY};

std::string required_environment(const char* name) {
    const char* value = std::getenv(name);
    REQUIRE_MESSAGE(value != nullptr, name << " is not set; scripts/run sets it");
    return value;
}

// Reads the passwords of scripts/run's accounts file, by username.
std::map<std::string, StaffLogin> read_accounts(const std::filesystem::path& file) {
    std::ifstream input(file);
    REQUIRE_MESSAGE(input.good(), "cannot read the accounts file " << file.string());
    std::map<std::string, StaffLogin> accounts;
    std::string line;
    while (std::getline(input, line)) {
        std::istringstream fields(line);
        std::string username, role, areas, password;
        if (fields >> username >> role >> areas >> password) {
            accounts[username] = {username, password};
        }
    }
    return accounts;
}

StaffLogin account(const std::map<std::string, StaffLogin>& accounts, const std::string& username) {
    const auto found = accounts.find(username);
    REQUIRE_MESSAGE(found != accounts.end(), "the accounts file has no line for " << username);
    return found->second;
}

void say(const std::string& line) {
    std::cout << "demo: " << line << std::endl;
}

// Logs an officer in. A visitor still called from an earlier run is marked as not come
// (F5), so that the officer can call the next one.
void log_in_officer(const ConsoleDriver& console, const StaffLogin& login) {
    console_log_in(console, login, "header.logout");
    if (console.wait_for("action.no_show", true, std::chrono::seconds(2))) {
        say(login.username +
            " still had a visitor called from an earlier run; marking that visitor as not come");
        console.key("F5");
    }
}

}  // namespace

TEST_CASE("office demo") {
    const std::string server_url = required_environment("ANTREAN_DEMO_SERVER");
    const std::filesystem::path office = required_environment("ANTREAN_DEMO_OFFICE");
    const auto accounts = read_accounts(required_environment("ANTREAN_DEMO_ACCOUNTS"));
    REQUIRE(office_tools_available());
    const std::filesystem::path logs = office / "demo-logs";
    std::filesystem::create_directories(logs);

    OfficeApi api(server_url, account(accounts, "rina"));
    const BoardReader board(api.client());

    ScreenProgram display("display", logs);
    ScreenProgram kiosk_screen("kiosk", logs);
    ScreenProgram budi_console("officer-budi", logs);
    ScreenProgram sari_console("officer-sari", logs);
    ScreenProgram reception_console("reception", logs);
    display.start(wall_display_command(kPrograms, server_url), wall_display_environment());
    kiosk_screen.start(visitor_kiosk_command(kPrograms, server_url, kiosk_screen.layout_file(),
                                             office / "printer.bin"),
                       {{"ALSOFT_DRIVERS", "null"}});
    budi_console.start(
        console_command(kPrograms, server_url, "officer", "1", budi_console.layout_file(), ""));
    sari_console.start(
        console_command(kPrograms, server_url, "officer", "2", sari_console.layout_file(), ""));
    reception_console.start(console_command(kPrograms, server_url, "reception", "",
                                            reception_console.layout_file(),
                                            office / "reception-printer.bin"));
    say("wall display, visitor kiosk, officer consoles of budi (desk 1) and sari (desk 2) and the "
        "reception "
        "console run on private Xvfb screens; their logs are in " +
        logs.string());

    const KioskDriver kiosk = kiosk_screen.kiosk_driver();
    const ConsoleDriver budi = budi_console.console_driver();
    const ConsoleDriver sari = sari_console.console_driver();
    const ConsoleDriver reception = reception_console.console_driver();
    log_in_officer(budi, account(accounts, "budi"));
    log_in_officer(sari, account(accounts, "sari"));
    console_log_in(reception, account(accounts, "rina"), "tab.appointments");

    // A walk-in on the kiosk's touch screen.
    kiosk_walk_in(kiosk, {"siti aminah", "081234567890"});
    const nlohmann::json siti = api.ticket_named("Siti Aminah");
    REQUIRE(siti.is_object());
    kiosk_screen.save_screenshot(office / "kiosk.png");
    say("Siti Aminah checked in on the kiosk for a PBK complaint: ticket " +
        siti["code"].get<std::string>());
    kiosk_finish(kiosk);

    // A booking by the receptionist, and the booked visitor's check-in with the code.
    reception_book(reception, {"Joko Susilo", "081355556666", "srg", "consultation",
                               office_time_now(), api.officer_id("sari")});
    const nlohmann::json appointment = api.appointment_named("Joko Susilo");
    REQUIRE(appointment.is_object());
    const std::string booking_code = appointment["booking_code"];
    reception_console.save_screenshot(office / "reception.png");
    say("rina booked Joko Susilo with sari for now in the reception console: booking code " +
        booking_code);
    kiosk_check_in_booked(kiosk, booking_code);
    const nlohmann::json joko = api.ticket_named("Joko Susilo");
    REQUIRE(joko.is_object());
    say("Joko Susilo checked in on the kiosk with the booking code: ticket " +
        joko["code"].get<std::string>());
    kiosk_finish(kiosk);

    // Two calls: budi takes the longest-waiting PBK visitor, sari her booked visitor.
    officer_call_next(budi);
    REQUIRE(budi.wait_for("visitor.code"));
    officer_call_next(sari);
    const nlohmann::json sari_call = api.wait_for_ticket(
        joko["id"].get<TicketId>(), [](const nlohmann::json& t) { return t["state"] == "called"; });
    REQUIRE(sari_call["state"] == "called");
    REQUIRE(budi.wait_for("visitor.code"));
    say("budi called the next PBK visitor to desk 1, and sari called " +
        sari_call["code"].get<std::string>() + " to desk 2 (" +
        sari_call["selection"]["rule"].get<std::string>() + ")");

    REQUIRE(display::testing::wait_until(
        [&] {
            const sf::Image screen = display.grab();
            return board.call_shown(screen, board.desk_index("2")) &&
                   board.desk_has_code(screen, board.desk_index("1"));
        },
        std::chrono::seconds(25)));
    display.save_screenshot(office / "display.png");
    budi_console.save_screenshot(office / "officer.png");
    say("screenshots: " + (office / "kiosk.png").string() + " (kiosk ticket), " +
        (office / "reception.png").string() + " (reception booking), " +
        (office / "officer.png").string() + " (budi's officer console), " +
        (office / "display.png").string() + " (wall display)");
}
