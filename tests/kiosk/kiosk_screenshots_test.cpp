// Renders every kiosk screen in Indonesian and English with `antrean-kiosk --screenshot-all`
// under a private Xvfb display and checks the pictures: opaque, not blank, and no text that
// leaves its button or overlaps other text.

#include <doctest/doctest.h>

#include <SFML/Graphics/Image.hpp>
#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "screenshot_checks.hpp"
#include "x_session.hpp"

using namespace antrean::testing;

namespace {

// The screens that --screenshot-all renders. The count of files checks it against the kiosk's list.
const std::vector<std::string> kScreens{
    "welcome", "welcome_unavailable", "purpose", "area", "identity", "identity_errors", "identity_extra",
    "summary", "priority", "confirm", "consent", "consent_unavailable", "submitting", "ticket",
    "ticket_printer_failed", "booking", "booking_error", "booked_ticket", "still_there"};

bool same_color(const sf::Color& a, const sf::Color& b) {
    auto close = [](sf::Uint8 x, sf::Uint8 y) { return std::abs(static_cast<int>(x) - static_cast<int>(y)) <= 8; };
    return close(a.r, b.r) && close(a.g, b.g) && close(a.b, b.b);
}

// Counts the pixels on a ring just inside a button's border (rounded corners left out)
// that differ from the ring's first pixel. Text that crosses the edge makes some differ.
int ring_outliers(const sf::Image& image, const Box& button) {
    constexpr int kInset = 6;
    constexpr int kCorner = 22;
    const int left = static_cast<int>(button.x) + kInset;
    const int top = static_cast<int>(button.y) + kInset;
    const int right = static_cast<int>(button.x + button.w) - kInset - 1;
    const int bottom = static_cast<int>(button.y + button.h) - kInset - 1;
    if (right - left < 2 * kCorner || bottom - top < 2 * kCorner) {
        return 0;
    }
    const sf::Color reference = image.getPixel(static_cast<unsigned>(left + kCorner), static_cast<unsigned>(top));
    int outliers = 0;
    for (int x = left + kCorner; x <= right - kCorner; ++x) {
        outliers += !same_color(image.getPixel(static_cast<unsigned>(x), static_cast<unsigned>(top)), reference);
        outliers += !same_color(image.getPixel(static_cast<unsigned>(x), static_cast<unsigned>(bottom)), reference);
    }
    for (int y = top + kCorner; y <= bottom - kCorner; ++y) {
        outliers += !same_color(image.getPixel(static_cast<unsigned>(left), static_cast<unsigned>(y)), reference);
        outliers += !same_color(image.getPixel(static_cast<unsigned>(right), static_cast<unsigned>(y)), reference);
    }
    return outliers;
}

void check_layout(const std::filesystem::path& json_file, const std::filesystem::path& png) {
    const nlohmann::json frame = read_json(json_file);
    sf::Image image;
    REQUIRE(image.loadFromFile(png.string()));

    // A dialog is drawn last, over a dimmed screen; only what comes after its panel in the
    // frame is checked for overlaps and edges then.
    size_t first_checked = 0;
    const nlohmann::json& items = frame["items"];
    for (size_t i = 0; i < items.size(); ++i) {
        const std::string id = items[i]["id"];
        if (id.rfind("dialog.", 0) == 0 && items[i]["kind"] == "message") {
            first_checked = i;
        }
    }

    std::map<std::string, Box> containers;
    std::vector<std::pair<std::string, Box>> texts;
    for (size_t i = 0; i < items.size(); ++i) {
        const nlohmann::json& item = items[i];
        const std::string id = item["id"];
        if (item["kind"] != "text") {
            containers[id] = box_of(item);
        } else if (i >= first_checked) {
            texts.emplace_back(item["parent"].get<std::string>() + " / " + id, box_of(item));
        }
    }

    // Every text stays inside the button, card or panel it belongs to, and inside the window.
    const Box window{0, 0, 1920, 1080};
    for (const nlohmann::json& item : frame["items"]) {
        if (item["kind"] != "text") {
            continue;
        }
        const Box text = box_of(item);
        CAPTURE(item.dump());
        CHECK(window.contains(text));
        const auto parent = containers.find(item["parent"].get<std::string>());
        if (parent != containers.end()) {
            CHECK(parent->second.contains(text));
        }
    }

    // No two texts overlap.
    for (size_t i = 0; i < texts.size(); ++i) {
        for (size_t j = i + 1; j < texts.size(); ++j) {
            CAPTURE(texts[i].first);
            CAPTURE(texts[j].first);
            CHECK_FALSE(texts[i].second.overlaps(texts[j].second));
        }
    }

    // Buttons are at least 90 px in both directions, and no text crosses their edges.
    for (size_t i = 0; i < items.size(); ++i) {
        const nlohmann::json& item = items[i];
        if (item["kind"] != "button") {
            continue;
        }
        const Box button = box_of(item);
        CAPTURE(item["id"].get<std::string>());
        CHECK(button.w >= 89.5);
        CHECK(button.h >= 89.5);
        if (i >= first_checked) {
            CHECK(ring_outliers(image, button) == 0);
        }
    }
}

}  // namespace

TEST_CASE("kiosk screenshots of every screen in both languages") {
    if (!find_program("Xvfb")) {
        MESSAGE("SKIPPED: Xvfb is not installed (Debian package xvfb), so no screenshot can be rendered");
        return;
    }
    std::string pattern = (std::filesystem::temp_directory_path() / "antrean-kiosk-shots-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    const std::filesystem::path folder = pattern;

    XvfbDisplay display;
    display.start(folder);
    const int status = run_command({ANTREAN_KIOSK_BINARY, "--screenshot-all", folder.string()},
                                   {{"DISPLAY", display.name()}});
    display.stop();
    REQUIRE(status == 0);

    for (const std::string& screen : kScreens) {
        for (const char* language : {"id", "en"}) {
            const std::string stem = screen + "-" + language;
            CAPTURE(stem);
            const std::filesystem::path png = folder / (stem + ".png");
            const std::filesystem::path json = folder / (stem + ".json");
            REQUIRE(std::filesystem::exists(png));
            REQUIRE(std::filesystem::exists(json));
            check_picture(png);
            check_layout(json, png);
        }
    }
    // Nothing else was rendered: the list above covers every screen.
    size_t pictures = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        pictures += entry.path().extension() == ".png";
    }
    CHECK(pictures == kScreens.size() * 2);

    std::error_code ignored;
    std::filesystem::remove_all(folder, ignored);
}
