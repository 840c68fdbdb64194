#include "e2e/driver/office_steps.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <optional>
#include <thread>

#include "display/xvfb_support.hpp"
#include "domain/office_time.hpp"
#include "i18n/catalog.hpp"
#include "layout/screen_layout.hpp"
#include "model/spoken_text.hpp"
#include "render/theme.hpp"

namespace antrean::testing {
namespace {

using SteadyClock = std::chrono::steady_clock;
using display::testing::count_pixels;

// Returns the kiosk key id that types `c`: "key.a", "key.space", "key.7", "key.Q".
std::string key_for(char c) {
    if (c == ' ') {
        return "key.space";
    }
    return std::string("key.") + c;
}

void tap_text(const KioskDriver& kiosk, const std::string& text) {
    for (const char c : text) {
        kiosk.tap(key_for(c));
    }
}

void require_item(const KioskDriver& kiosk, const std::string& screen, const std::string& id) {
    REQUIRE_MESSAGE(kiosk.wait_for(screen, id),
                    "the kiosk did not show "
                        << id << " on screen " << screen << "; it shows "
                        << kiosk.frame().value("screen", std::string("nothing")));
}

const Catalog& catalog() {
    static const std::optional<Catalog> loaded = [] {
        Result<Catalog> result =
            Catalog::load_directory(std::filesystem::path(ANTREAN_ASSETS_DIR) / "i18n");
        REQUIRE_MESSAGE(result.has_value(),
                        (result ? std::string() : describe_untranslated(result.error())));
        return std::optional<Catalog>(std::move(*result));
    }();
    return *loaded;
}

}  // namespace

void kiosk_walk_in(const KioskDriver& kiosk, const WalkInVisitor& visitor) {
    require_item(kiosk, "welcome", "welcome.walk_in");
    kiosk.tap("welcome.walk_in");
    require_item(kiosk, "purpose", "purpose.complaint");
    kiosk.tap("purpose.complaint");
    require_item(kiosk, "area", "area.pbk");
    kiosk.tap("area.pbk");

    // The name field has the focus first; the phone field shows a keyboard with "+".
    require_item(kiosk, "identity", "key.q");
    tap_text(kiosk, visitor.name);
    kiosk.tap("field.phone");
    require_item(kiosk, "identity", "key.plus");
    tap_text(kiosk, visitor.phone);
    kiosk.tap("footer.next");

    // No NIK, email or summary; not a priority visitor.
    require_item(kiosk, "identity_extra", "field.nik");
    kiosk.tap("footer.next");
    require_item(kiosk, "summary", "field.summary");
    kiosk.tap("footer.next");
    require_item(kiosk, "priority", "priority.no");
    kiosk.tap("priority.no");

    require_item(kiosk, "confirm", "confirm.identity.change");
    kiosk.tap("footer.next");
    require_item(kiosk, "consent", "consent.agree");
    kiosk.tap("consent.agree");
    require_item(kiosk, "consent", "consent.submit");
    kiosk.tap("consent.submit");
    require_item(kiosk, "ticket", "ticket.done");
}

void kiosk_check_in_booked(const KioskDriver& kiosk, const std::string& booking_code) {
    require_item(kiosk, "welcome", "welcome.booked");
    kiosk.tap("welcome.booked");
    require_item(kiosk, "booking", "key.Q");
    tap_text(kiosk, booking_code);
    kiosk.tap("booking.submit");
    require_item(kiosk, "ticket", "ticket.done");
}

void kiosk_finish(const KioskDriver& kiosk) {
    kiosk.tap("ticket.done");
    require_item(kiosk, "welcome", "welcome.walk_in");
}

void console_log_in(const ConsoleDriver& console, const StaffLogin& login,
                    const std::string& ready_item) {
    REQUIRE_MESSAGE(console.wait_for("login.submit", true, std::chrono::seconds(20)),
                    "the console did not show its login screen");
    console.click("login.username");
    console.type(login.username);
    console.click("login.password");
    console.type(login.password);
    console.key("Return");
    REQUIRE_MESSAGE(console.wait_for(ready_item),
                    login.username << " is not logged in: no " << ready_item);
}

void reception_book(const ConsoleDriver& reception, const Booking& booking) {
    reception.key("F3");
    REQUIRE(reception.wait_for("appointments.new"));
    reception.key("F5");
    REQUIRE(reception.wait_for("booking.name"));
    reception.click("booking.name");
    reception.type(booking.name);
    reception.click("booking.phone");
    reception.type(booking.phone);
    reception.click("booking.area");
    REQUIRE(reception.wait_for("booking.area." + booking.area));
    reception.click("booking.area." + booking.area);
    reception.click("booking.purpose");
    REQUIRE(reception.wait_for("booking.purpose." + booking.purpose));
    reception.click("booking.purpose." + booking.purpose);
    reception.click("booking.time");
    reception.type(booking.time);
    reception.click("booking.officer");
    const std::string officer_item = "booking.officer." + std::to_string(booking.officer);
    REQUIRE(reception.wait_for(officer_item));
    reception.click(officer_item);
    reception.key("ctrl+Return");
    REQUIRE_MESSAGE(reception.wait_for("booking.code"),
                    "the booking form did not show a booking code");
}

void officer_call_next(const ConsoleDriver& officer) {
    REQUIRE_MESSAGE(officer.wait_for("action.call_next"), "Panggil Berikutnya stayed disabled");
    officer.key("F1");
}

std::string office_time_now() {
    const Result<OfficeTime> office = OfficeTime::create("Asia/Jakarta");
    REQUIRE(office.has_value());
    const LocalTime local = office->local(SystemClock().now());
    char text[8];
    std::snprintf(text, sizeof text, "%02d.%02d", local.hour, local.minute);
    return text;
}

OfficeApi::OfficeApi(const std::string& server_url, const StaffLogin& receptionist)
    : client_(server_url), login_(receptionist) {
    const auto reply = client_.login(login_.username, login_.password);
    REQUIRE_MESSAGE(reply.has_value(), "login as "
                                           << login_.username << " failed: "
                                           << (reply ? "" : describe_untranslated(reply.error())));
}

nlohmann::json OfficeApi::get(const std::string& path) {
    auto reply = client_.get(path);
    if (!reply && reply.error().code == ErrorCode::Unauthorized) {
        REQUIRE(client_.login(login_.username, login_.password).has_value());
        reply = client_.get(path);
    }
    REQUIRE_MESSAGE(reply.has_value(),
                    "GET " << path << " failed: " << describe_untranslated(reply.error()));
    return reply->body;
}

nlohmann::json OfficeApi::queue() {
    return get("/api/v1/queue")["tickets"];
}

nlohmann::json OfficeApi::ticket_named(const std::string& name) {
    const auto deadline = SteadyClock::now() + std::chrono::seconds(10);
    while (true) {
        nlohmann::json found;
        const nlohmann::json tickets = queue();
        for (const nlohmann::json& ticket : tickets) {
            // The newest ticket of that name wins, because the demo checks in the same names on
            // every run.
            if (ticket["visitor"]["name"] == name &&
                (found.is_null() || ticket["id"] > found["id"])) {
                found = ticket;
            }
        }
        if (!found.is_null() || SteadyClock::now() >= deadline) {
            return found;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}

nlohmann::json OfficeApi::ticket(TicketId id) {
    return get("/api/v1/tickets/" + std::to_string(id))["ticket"];
}

nlohmann::json OfficeApi::wait_for_ticket(TicketId id,
                                          const std::function<bool(const nlohmann::json&)>& done) {
    const auto deadline = SteadyClock::now() + std::chrono::seconds(15);
    nlohmann::json current = ticket(id);
    while (!done(current) && SteadyClock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        current = ticket(id);
    }
    return current;
}

nlohmann::json OfficeApi::appointment_named(const std::string& name) {
    nlohmann::json found;
    const nlohmann::json body = get("/api/v1/appointments");
    for (const nlohmann::json& appointment : body["appointments"]) {
        if (appointment["visitor"]["name"] == name) {
            found = appointment;
        }
    }
    return found;
}

OfficerId OfficeApi::officer_id(const std::string& username) {
    const nlohmann::json body = get("/api/v1/officers");
    for (const nlohmann::json& officer : body["officers"]) {
        if (officer["username"] == username) {
            return officer["id"].get<OfficerId>();
        }
    }
    FAIL("the server has no staff account " << username);
    return 0;
}

BoardReader::BoardReader(ApiClient& client, unsigned width, unsigned height)
    : width_(width), height_(height) {
    const auto config = client.config();
    REQUIRE(config.has_value());
    area_count_ = config->body["areas"].size();
    for (const nlohmann::json& desk : config->body["desks"]) {
        desk_ids_.push_back(desk["id"].get<std::string>());
    }
}

size_t BoardReader::desk_index(const std::string& desk_id) const {
    for (size_t i = 0; i < desk_ids_.size(); ++i) {
        if (desk_ids_[i] == desk_id) {
            return i;
        }
    }
    FAIL("the configuration has no desk " << desk_id);
    return 0;
}

bool BoardReader::desk_has_code(const sf::Image& screen, size_t desk_index, bool banner) const {
    const display::layout::ScreenLayout layout =
        display::layout::compute_layout({width_, height_, desk_ids_.size(), area_count_, banner});
    return count_pixels(screen, layout.desk_cells.at(desk_index).code,
                        display::render::theme::kAccent) > 100;
}

bool BoardReader::call_shown(const sf::Image& screen, size_t desk_index, bool banner) const {
    const display::layout::ScreenLayout layout =
        display::layout::compute_layout({width_, height_, desk_ids_.size(), area_count_, banner});
    return count_pixels(screen, layout.call_code, display::render::theme::kAccent) > 500 &&
           desk_has_code(screen, desk_index, banner);
}

bool BoardReader::banner_shown(const sf::Image& screen) const {
    // The banner's rectangle does not depend on the numbers of desks and areas.
    const display::layout::ScreenLayout layout =
        display::layout::compute_layout({width_, height_, 0, 0, true});
    const display::layout::Rect& banner = *layout.banner;
    return static_cast<float>(count_pixels(screen, banner, display::render::theme::kBanner, 12)) >
           0.5f * banner.width * banner.height;
}

std::string spoken_call(const std::string& code, const std::string& desk_name) {
    return display::announcement_text(catalog(), Language::Indonesian, {code, desk_name, false});
}

size_t count_of(const std::string& text, const std::string& part) {
    size_t count = 0;
    for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
        ++count;
    }
    return count;
}

}  // namespace antrean::testing
