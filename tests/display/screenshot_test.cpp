#include <doctest/doctest.h>

#include <string>

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

constexpr const char* kPassword = "password-budi-1";

struct Screenshot {
    int exit_status = -1;
    std::string output;
    sf::Image image;
};

Screenshot take_screenshot(const XvfbServer& xvfb, const std::string& server_url,
                           const std::filesystem::path& file, const std::vector<std::string>& extra = {}) {
    std::vector<std::string> arguments{ANTREAN_DISPLAY_BINARY, "--server", server_url, "--screenshot",
                                       file.string(), "--size", "1920x1080"};
    arguments.insert(arguments.end(), extra.begin(), extra.end());
    const std::filesystem::path log = file.string() + ".log";
    ChildProcess display(arguments, {{"DISPLAY", xvfb.display_name()}}, log);

    Screenshot shot;
    shot.exit_status = display.wait_for_exit(std::chrono::seconds(60));
    shot.output = display.output();
    if (shot.exit_status == 0) {
        REQUIRE(shot.image.loadFromFile(file.string()));
    }
    return shot;
}

void check_in(ApiClient& client, const AreaId& area) {
    const auto ticket = client.check_in({{"visitor", {{"name", "Siti Aminah"}, {"phone", "0812 3456 7890"}}},
                                         {"area", area},
                                         {"purpose", "complaint"},
                                         {"consent", true}});
    REQUIRE_MESSAGE(ticket.has_value(), (ticket ? "" : describe_untranslated(ticket.error())));
}

// The layout the display computes for the server's configuration at 1920x1080.
layout::ScreenLayout layout_for(ApiClient& client, size_t area_count_shown = 0) {
    const auto config = client.config();
    REQUIRE(config.has_value());
    const size_t desks = config->body["desks"].size();
    const size_t areas = area_count_shown > 0 ? area_count_shown : config->body["areas"].size();
    return layout::compute_layout({1920, 1080, desks, areas, false});
}

size_t accent_pixels(const sf::Image& image, const layout::Rect& box) {
    return count_pixels(image, box, render::theme::kAccent);
}

}  // namespace

TEST_CASE("screenshot shows the call code and desk") {
    if (!xvfb_installed()) {
        MESSAGE("Xvfb is not installed (Debian package xvfb); skipping the screenshot test");
        return;
    }
    TempFolder folder;
    XvfbServer xvfb(640, 480, folder.path() / "xvfb.log");
    antrean::testing::ServerProcess server;
    server.add_user("budi", "officer", "pbk,srg,plk,general", kPassword);
    server.start();
    ApiClient client(server.base_url());
    check_in(client, "pbk");
    check_in(client, "pbk");

    const layout::ScreenLayout layout = layout_for(client);
    const float code_area = layout.call_code.width * layout.call_code.height;

    const Screenshot before = take_screenshot(xvfb, server.base_url(), folder.path() / "before.png");
    REQUIRE_MESSAGE(before.exit_status == 0, before.output);

    REQUIRE(client.login("budi", kPassword, DeskId("2")).has_value());
    const auto call = client.call_next("2");
    REQUIRE(call.has_value());
    REQUIRE(call->body["ticket"]["code"] == "A-001");
    const Screenshot after = take_screenshot(xvfb, server.base_url(), folder.path() / "after.png");
    REQUIRE_MESSAGE(after.exit_status == 0, after.output);

    // The file is a 1920x1080 PNG with opaque pixels.
    REQUIRE(after.image.getSize() == sf::Vector2u(1920, 1080));
    bool opaque = true;
    for (unsigned y = 0; y < 1080 && opaque; ++y) {
        for (unsigned x = 0; x < 1920 && opaque; ++x) {
            opaque = after.image.getPixel(x, y).a == 255;
        }
    }
    CHECK(opaque);

    // Before the call the large panel has no amber code and no desk name.
    CHECK(accent_pixels(before.image, layout.call_code) == 0);
    CHECK(count_pixels(before.image, layout.call_desk, render::theme::kText) == 0);

    // After it, the code is drawn large in amber and the desk name in white.
    CHECK(static_cast<float>(accent_pixels(after.image, layout.call_code)) > 0.05f * code_area);
    CHECK(count_pixels(after.image, layout.call_desk, render::theme::kText) > 500);

    // Desk 2 shows the code in amber; desks 1 and 3 show none.
    REQUIRE(layout.desk_cells.size() >= 3);
    CHECK(accent_pixels(after.image, layout.desk_cells[1].code) > 200);
    CHECK(accent_pixels(after.image, layout.desk_cells[0].code) == 0);
    CHECK(accent_pixels(after.image, layout.desk_cells[2].code) == 0);

    // A screen for another area does not show the PBK call.
    const Screenshot srg_only =
        take_screenshot(xvfb, server.base_url(), folder.path() / "srg.png", {"--areas", "srg"});
    REQUIRE_MESSAGE(srg_only.exit_status == 0, srg_only.output);
    CHECK(accent_pixels(srg_only.image, layout_for(client, 1).call_code) == 0);
}

TEST_CASE("screenshot fails clearly without a server") {
    if (!xvfb_installed()) {
        MESSAGE("Xvfb is not installed (Debian package xvfb); skipping the screenshot test");
        return;
    }
    TempFolder folder;
    XvfbServer xvfb(640, 480, folder.path() / "xvfb.log");
    const std::string url = "http://127.0.0.1:" + std::to_string(free_tcp_port());

    const Screenshot shot = take_screenshot(xvfb, url, folder.path() / "none.png");

    CHECK(shot.exit_status == 2);
    CHECK(shot.output.find("cannot be reached") != std::string::npos);
    CHECK(shot.output.find(url) != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(folder.path() / "none.png"));
}
