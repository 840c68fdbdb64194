#pragma once

// What people do at the office, as xdotool input to the real programs, and what the tests
// read back: the server's replies and the wall display's pixels. Every wait has a deadline
// and fails the running doctest case when it passes.

#include <SFML/Graphics/Image.hpp>
#include <chrono>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "client/api_client.hpp"
#include "console/console_driver.hpp"
#include "kiosk/x_session.hpp"

namespace antrean::testing {

struct StaffLogin {
    std::string username;
    std::string password;
};

// A walk-in visitor as typed on the kiosk's on-screen keyboard: a name of lower-case
// letters and spaces (the kiosk starts each word with a capital) and a phone number of
// digits.
struct WalkInVisitor {
    std::string name;
    std::string phone;
};

// An appointment as the receptionist types it into the booking form.
struct Booking {
    std::string name;
    std::string phone;
    std::string area;     // "srg"
    std::string purpose;  // "consultation"
    std::string time;     // office time "HH.MM"
    OfficerId officer = 0;
};

// Taps through the kiosk from the welcome screen to the printed ticket: Pengaduan, PBK,
// the name and phone on the on-screen keyboard, no extra data, no priority, the
// confirmation and the consent. Ends on the ticket screen.
void kiosk_walk_in(const KioskDriver& kiosk, const WalkInVisitor& visitor);
// Taps "Saya sudah punya janji", types `booking_code` and checks in. Ends on the ticket screen.
void kiosk_check_in_booked(const KioskDriver& kiosk, const std::string& booking_code);
// Taps "Selesai" on the ticket screen and waits for the welcome screen.
void kiosk_finish(const KioskDriver& kiosk);

// Types `login` into the console's login screen and waits for the console behind it. An
// officer console must have been started with --desk.
void console_log_in(const ConsoleDriver& console, const StaffLogin& login,
                    const std::string& ready_item);
// Opens the appointments tab (F3) and the booking form (F5), fills it in and saves it
// (Ctrl+Enter). Waits until the form shows the booking code.
void reception_book(const ConsoleDriver& reception, const Booking& booking);
// Presses F1 once Panggil Berikutnya is enabled.
void officer_call_next(const ConsoleDriver& officer);

// The office time now as "HH.MM", for a booking that starts now.
std::string office_time_now();

// A staff API session for checking what the server stored.
class OfficeApi {
  public:
    OfficeApi(const std::string& server_url, const StaffLogin& receptionist);

    // Returns today's ticket of the visitor called `name`, waiting up to 10 s for it.
    nlohmann::json ticket_named(const std::string& name);
    // Returns GET /api/v1/tickets/{id}.ticket once `done` accepts it, or the last one after 15 s.
    nlohmann::json wait_for_ticket(TicketId id,
                                   const std::function<bool(const nlohmann::json&)>& done);
    nlohmann::json ticket(TicketId id);
    // Returns today's appointment of the visitor called `name`, or null.
    nlohmann::json appointment_named(const std::string& name);
    OfficerId officer_id(const std::string& username);
    // Returns GET /api/v1/queue's tickets; a failed request fails the test.
    nlohmann::json queue();
    ApiClient& client() { return client_; }

  private:
    // Sends GET `path`, logging in again once when the server rejects the token.
    nlohmann::json get(const std::string& path);

    ApiClient client_;
    StaffLogin login_;
};

// Reads the wall display's screen through the same layout code the display draws with.
class BoardReader {
  public:
    // Takes the desks and areas from the server's configuration, which decide the layout.
    explicit BoardReader(ApiClient& client, unsigned width = 1920, unsigned height = 1080);

    // NOTE: pixels tell which desk cell shows a code, not which code it is. The tests
    // check the code through the display's spoken announcement in its log.
    // Whether the large call panel shows an amber code and the cell of the desk at
    // `desk_index` (the order of [[desks]]) shows one too.
    bool call_shown(const sf::Image& screen, size_t desk_index, bool banner = false) const;
    // Whether the desk cell at `desk_index` shows an amber code.
    bool desk_has_code(const sf::Image& screen, size_t desk_index, bool banner = false) const;
    // Whether the red "reconnecting" banner covers the top of the screen.
    bool banner_shown(const sf::Image& screen) const;
    size_t desk_index(const std::string& desk_id) const;

  private:
    unsigned width_;
    unsigned height_;
    size_t area_count_ = 0;
    std::vector<std::string> desk_ids_;
};

// Returns the words the display speaks for a call, as its log writes them:
// "Nomor antrean A nol nol satu, silakan menuju meja satu.". Built by the display's own
// spoken-text code, so the test and the display agree on numbers.
std::string spoken_call(const std::string& code, const std::string& desk_name);

// Counts the times `part` occurs in `text`.
size_t count_of(const std::string& text, const std::string& part);

}  // namespace antrean::testing
