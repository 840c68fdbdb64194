#include <doctest/doctest.h>

#include <string>
#include <thread>

#include "client/api_client.hpp"
#include "i18n/catalog.hpp"
#include "layout/screen_layout.hpp"
#include "render/theme.hpp"
#include "integration/server_process.hpp"
#include "xvfb_support.hpp"

using namespace antrean;
using namespace antrean::display;
using namespace antrean::display::testing;

namespace {

constexpr unsigned kWidth = 1280;
constexpr unsigned kHeight = 720;
constexpr const char* kPassword = "password-budi-1";
constexpr auto kScreenTimeout = std::chrono::seconds(25);

// The display on the whole Xvfb screen, with OpenAL's silent device so that the sound path
// runs as it would with a sound card.
std::unique_ptr<ChildProcess> start_display(const XvfbServer& xvfb, int port, const std::filesystem::path& log) {
    return std::make_unique<ChildProcess>(
        std::vector<std::string>{ANTREAN_DISPLAY_BINARY, "--server", "http://127.0.0.1:" + std::to_string(port),
                                 "--fullscreen"},
        std::map<std::string, std::string>{{"DISPLAY", xvfb.display_name()}, {"ALSOFT_DRIVERS", "null"}}, log);
}

void check_in(ApiClient& client) {
    const auto ticket = client.check_in({{"visitor", {{"name", "Siti Aminah"}, {"phone", "0812 3456 7890"}}},
                                         {"area", "pbk"},
                                         {"purpose", "complaint"},
                                         {"consent", true}});
    REQUIRE_MESSAGE(ticket.has_value(), (ticket ? "" : describe_untranslated(ticket.error())));
}

std::string call_next(ApiClient& client, const DeskId& desk) {
    auto call = client.call_next(desk);
    if (!call && call.error().code == ErrorCode::Unauthorized) {
        REQUIRE(client.login(desk == "1" ? "budi" : "sari", kPassword, desk).has_value());
        call = client.call_next(desk);
    }
    REQUIRE_MESSAGE(call.has_value(), (call ? "" : describe_untranslated(call.error())));
    return call->body["ticket"]["code"].get<std::string>();
}

// The numbers of desks and areas in the server's configuration, which decide the layout.
struct BoardShape {
    size_t desks = 0;
    size_t areas = 0;
};

BoardShape board_shape(ApiClient& client) {
    const auto config = client.config();
    REQUIRE(config.has_value());
    return BoardShape{config->body["desks"].size(), config->body["areas"].size()};
}

// The banner's rectangle does not depend on the numbers of desks and areas.
bool banner_shown(const sf::Image& screen) {
    const layout::ScreenLayout with_banner = layout::compute_layout({kWidth, kHeight, 0, 0, true});
    const layout::Rect& banner = *with_banner.banner;
    return static_cast<float>(count_pixels(screen, banner, render::theme::kBanner, 12)) >
           0.5f * banner.width * banner.height;
}

// True when the large panel shows an amber code and `desk_index`'s cell shows one too.
bool call_shown(const sf::Image& screen, const BoardShape& shape, size_t desk_index, bool banner) {
    const layout::ScreenLayout layout = layout::compute_layout({kWidth, kHeight, shape.desks, shape.areas, banner});
    return count_pixels(screen, layout.call_code, render::theme::kAccent) > 500 &&
           count_pixels(screen, layout.desk_cells.at(desk_index).code, render::theme::kAccent) > 100;
}

size_t count_of(const std::string& text, const std::string& part) {
    size_t count = 0;
    for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
        ++count;
    }
    return count;
}

void add_officers(antrean::testing::ServerProcess& server) {
    server.add_user("budi", "officer", "pbk,srg,plk,general", kPassword);
    server.add_user("sari", "officer", "pbk,srg,plk,general", kPassword);
}

}  // namespace

TEST_CASE("display started before the server shows the call") {
    if (!xvfb_installed()) {
        MESSAGE("Xvfb is not installed (Debian package xvfb); skipping the live display test");
        return;
    }
    TempFolder folder;
    XvfbServer xvfb(kWidth, kHeight, folder.path() / "xvfb.log");
    const int port = free_tcp_port();
    antrean::testing::ServerProcess server;
    add_officers(server);

    // Nothing listens yet, so the display shows the reconnecting banner.
    const auto display = start_display(xvfb, port, folder.path() / "display.log");
    REQUIRE_MESSAGE(wait_until([&] { return banner_shown(xvfb.grab_screen()); }, kScreenTimeout),
                    display->output());

    // The server comes up and a call follows at once, usually before the display's next retry.
    server.start(port);
    ApiClient client(server.base_url());
    const BoardShape shape = board_shape(client);
    check_in(client);
    REQUIRE(client.login("budi", kPassword, DeskId("1")).has_value());
    CHECK(call_next(client, "1") == "A-001");

    const bool call_visible = wait_until(
        [&] {
            const sf::Image screen = xvfb.grab_screen();
            return !banner_shown(screen) && call_shown(screen, shape, 0, false);
        },
        kScreenTimeout);
    CHECK_MESSAGE(call_visible, display->output());

    // The call is announced once the display is back.
    const std::string announcement = "Nomor antrean A nol nol satu, silakan menuju meja satu.";
    CHECK_MESSAGE(wait_until([&] { return display->output().find(announcement) != std::string::npos; },
                             kScreenTimeout),
                  display->output());
    CHECK(count_of(display->output(), announcement) == 1);
    CHECK(display->running());
}

TEST_CASE("display catches up after a server SIGKILL restart") {
    if (!xvfb_installed()) {
        MESSAGE("Xvfb is not installed (Debian package xvfb); skipping the live display test");
        return;
    }
    TempFolder folder;
    XvfbServer xvfb(kWidth, kHeight, folder.path() / "xvfb.log");
    antrean::testing::ServerProcess server;
    add_officers(server);
    server.start();
    const int port = server.port();
    ApiClient client(server.base_url());
    const BoardShape shape = board_shape(client);
    for (int i = 0; i < 3; ++i) {
        check_in(client);
    }

    const auto display = start_display(xvfb, port, folder.path() / "display.log");
    REQUIRE_MESSAGE(wait_until([&] { return display->output().find("Event stream connected") != std::string::npos; },
                               kScreenTimeout),
                    display->output());
    REQUIRE(client.login("budi", kPassword, DeskId("1")).has_value());
    CHECK(call_next(client, "1") == "A-001");
    REQUIRE_MESSAGE(wait_until([&] { return call_shown(xvfb.grab_screen(), shape, 0, false); }, kScreenTimeout),
                    display->output());

    // The server dies: the banner shows over the last board, which stays.
    server.kill_hard();
    REQUIRE_MESSAGE(wait_until([&] { return banner_shown(xvfb.grab_screen()); }, kScreenTimeout),
                    display->output());
    CHECK(call_shown(xvfb.grab_screen(), shape, 0, true));

    // Six seconds down lets the display's back-off grow to about four seconds, so the call
    // below is made while the display is still disconnected.
    std::this_thread::sleep_for(std::chrono::seconds(6));
    server.start(port);
    ApiClient second_client(server.base_url());
    REQUIRE(second_client.login("sari", kPassword, DeskId("2")).has_value());
    const size_t connections_before_call = count_of(display->output(), "Event stream connected");
    CHECK(call_next(second_client, "2") == "A-002");
    const bool missed = count_of(display->output(), "Event stream connected") == connections_before_call;
    MESSAGE("the call was made while the display was disconnected: " << std::string(missed ? "yes" : "no"));

    // Once back, desk 2's call is on screen, and desk 1's is still there.
    const bool call_visible = wait_until(
        [&] {
            const sf::Image screen = xvfb.grab_screen();
            return !banner_shown(screen) && call_shown(screen, shape, 1, false) && call_shown(screen, shape, 0, false);
        },
        kScreenTimeout);
    CHECK_MESSAGE(call_visible, display->output());

    // And it is announced.
    CHECK_MESSAGE(wait_until(
                      [&] {
                          return display->output().find("Nomor antrean A nol nol dua, silakan menuju meja dua.") !=
                                 std::string::npos;
                      },
                      kScreenTimeout),
                  display->output());
    CHECK(display->running());
}
