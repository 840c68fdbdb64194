// Renders every screen of both consoles in Indonesian and English with
// `antrean-kiosk --role ROLE --screenshot-all` under a private Xvfb display and checks
// the pictures: opaque, not blank, and no recorded text that leaves its button, panel or
// the window, or overlaps another text.

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "kiosk/screenshot_checks.hpp"
#include "kiosk/x_session.hpp"

using namespace antrean::testing;

namespace {

// The screens --screenshot-all renders per role; the file count checks them against the program.
const std::vector<std::string> kOfficerScreens{"login",    "login_error", "idle",  "called", "serving",
                                               "complete", "transfer",    "pause", "paused", "conflict"};
const std::vector<std::string> kReceptionScreens{
    "login",    "queue",   "queue_all",    "cancel_ticket", "move_ticket", "register",           "register_errors",
    "register_done", "appointments", "booking", "booking_done", "reschedule", "cancel_appointment", "summary"};

void check_layout(const std::filesystem::path& json_file) {
    const nlohmann::json frame = read_json(json_file);
    const nlohmann::json& items = frame["items"];
    REQUIRE(items.size() > 5);

    // A dialog is drawn last, over the dimmed screen; only its own texts are checked for
    // overlaps then.
    size_t first_checked = 0;
    for (size_t i = 0; i < items.size(); ++i) {
        const std::string id = items[i]["id"];
        if (items[i]["kind"] == "panel" && id.size() > 7 && id.compare(id.size() - 7, 7, ".dialog") == 0) {
            first_checked = i;
        }
    }

    std::map<std::string, Box> containers;
    for (const nlohmann::json& item : items) {
        if (item["kind"] != "text") {
            containers[item["id"].get<std::string>()] = box_of(item);
        }
    }

    const Box window{0, 0, 1920, 1080};
    std::vector<std::pair<std::string, Box>> texts;
    for (size_t i = 0; i < items.size(); ++i) {
        const nlohmann::json& item = items[i];
        if (item["kind"] != "text") {
            continue;
        }
        const Box text = box_of(item);
        CAPTURE(item.dump());
        // Every text stays inside the window and inside the button or panel it belongs to.
        CHECK(window.contains(text));
        const auto parent = containers.find(item["parent"].get<std::string>());
        if (parent != containers.end()) {
            CHECK(parent->second.contains(text));
        }
        if (i >= first_checked) {
            texts.emplace_back(item["id"].get<std::string>(), text);
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
}

void check_role(const std::string& role, const std::vector<std::string>& screens) {
    std::string pattern = (std::filesystem::temp_directory_path() / "antrean-console-shots-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    const std::filesystem::path folder = pattern;

    XvfbDisplay display;
    display.start(folder);
    const int status = run_command({ANTREAN_KIOSK_BINARY, "--role", role, "--screenshot-all", folder.string()},
                                   {{"DISPLAY", display.name()}});
    display.stop();
    REQUIRE(status == 0);

    for (const std::string& screen : screens) {
        for (const char* language : {"id", "en"}) {
            const std::string stem = role + "-" + screen + "-" + language;
            CAPTURE(stem);
            const std::filesystem::path png = folder / (stem + ".png");
            const std::filesystem::path json = folder / (stem + ".json");
            REQUIRE(std::filesystem::exists(png));
            REQUIRE(std::filesystem::exists(json));
            check_picture(png);
            check_layout(json);
        }
    }
    size_t pictures = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        pictures += entry.path().extension() == ".png";
    }
    CHECK(pictures == screens.size() * 2);

    // ANTREAN_CONSOLE_SCREENSHOTS keeps the pictures for a look by eye.
    if (const char* keep = std::getenv("ANTREAN_CONSOLE_SCREENSHOTS")) {
        std::filesystem::create_directories(keep);
        std::filesystem::copy(folder, keep,
                              std::filesystem::copy_options::overwrite_existing | std::filesystem::copy_options::recursive);
    }
    std::error_code ignored;
    std::filesystem::remove_all(folder, ignored);
}

}  // namespace

TEST_CASE("officer console screenshots in both languages") {
    if (!find_program("Xvfb")) {
        MESSAGE("SKIPPED: Xvfb is not installed (Debian package xvfb), so no screenshot can be rendered");
        return;
    }
    check_role("officer", kOfficerScreens);
}

TEST_CASE("reception console screenshots in both languages") {
    if (!find_program("Xvfb")) {
        MESSAGE("SKIPPED: Xvfb is not installed (Debian package xvfb), so no screenshot can be rendered");
        return;
    }
    check_role("reception", kReceptionScreens);
}
