#include "console/console_driver.hpp"

#include <doctest/doctest.h>

#include <thread>

namespace antrean::testing {
namespace {

using Clock = std::chrono::steady_clock;

std::string xdotool() {
    return find_program("xdotool").value_or("/usr/bin/xdotool").string();
}

const nlohmann::json* find_item(const nlohmann::json& frame, const std::string& id) {
    if (!frame.is_object() || !frame.contains("items")) {
        return nullptr;
    }
    for (const nlohmann::json& item : frame["items"]) {
        if (item["id"] == id) {
            return &item;
        }
    }
    return nullptr;
}

}  // namespace

ConsoleDriver::ConsoleDriver(std::filesystem::path layout_file, std::string display)
    : driver_(layout_file, display), display_(std::move(display)), layout_file_(std::move(layout_file)) {}

void ConsoleDriver::save_evidence(const std::string& label) const {
    const std::filesystem::path folder = std::filesystem::temp_directory_path() / "antrean-console-failures";
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    std::filesystem::copy_file(layout_file_, folder / (label + ".json"),
                               std::filesystem::copy_options::overwrite_existing, error);
    if (const auto import = find_program("import")) {
        run_command({import->string(), "-window", "root", (folder / (label + ".png")).string()},
                    {{"DISPLAY", display_}});
    }
    MESSAGE("saved the screen and layout as " << (folder / label).string() << ".png/.json");
}

std::optional<bool> ConsoleDriver::enabled(const std::string& id) const {
    const nlohmann::json frame = driver_.frame();
    const nlohmann::json* item = find_item(frame, id);
    if (item == nullptr) {
        return std::nullopt;
    }
    return (*item)["enabled"].get<bool>();
}

bool ConsoleDriver::wait_for(const std::string& id, bool must_be_enabled, std::chrono::milliseconds timeout) const {
    const auto deadline = Clock::now() + timeout;
    while (Clock::now() < deadline) {
        const std::optional<bool> state = enabled(id);
        if (state && (!must_be_enabled || *state)) {
            return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
    }
    // A long wait that fails is worth a picture; short ones are expected to fail at times.
    if (timeout >= std::chrono::seconds(5)) {
        save_evidence("missing-" + id);
    }
    return false;
}

bool ConsoleDriver::wait_for_disabled(const std::string& id, std::chrono::milliseconds timeout) const {
    const auto deadline = Clock::now() + timeout;
    while (Clock::now() < deadline) {
        if (enabled(id) == false) {
            return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
    }
    return false;
}

bool ConsoleDriver::wait_for_screen(const std::string& screen, std::chrono::milliseconds timeout) const {
    const auto deadline = Clock::now() + timeout;
    while (Clock::now() < deadline) {
        const nlohmann::json frame = driver_.frame();
        if (frame.is_object() && frame["screen"] == screen) {
            return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
    }
    return false;
}

bool ConsoleDriver::wait_until_gone(const std::string& id, std::chrono::milliseconds timeout) const {
    return driver_.wait_until_gone(id, timeout);
}

void ConsoleDriver::wait_until_settled() const {
    const auto deadline = Clock::now() + std::chrono::seconds(3);
    long last_frame = -1;
    auto last_change = Clock::now();
    while (Clock::now() < deadline) {
        const nlohmann::json frame = driver_.frame();
        const long number = frame.is_object() ? frame.value("frame", -1L) : -1L;
        if (number != last_frame) {
            last_frame = number;
            last_change = Clock::now();
        } else if (Clock::now() - last_change >= std::chrono::milliseconds(250)) {
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

void ConsoleDriver::click(const std::string& id) const {
    wait_until_settled();
    driver_.tap(id);
}

void ConsoleDriver::type(const std::string& text) const {
    const int status = run_command({xdotool(), "type", "--delay", "40", text}, {{"DISPLAY", display_}});
    REQUIRE_MESSAGE(status == 0, "xdotool failed to type " << text);
}

void ConsoleDriver::key(const std::string& keys) const {
    const int status = run_command({xdotool(), "key", "--delay", "60", keys}, {{"DISPLAY", display_}});
    REQUIRE_MESSAGE(status == 0, "xdotool failed to press " << keys);
}

}  // namespace antrean::testing
