// The ImGui-on-SFML bridge in a real window under a private Xvfb display: events that
// arrive between two frames (a fast tap) are delivered over consecutive frames.

#include <doctest/doctest.h>
#include <imgui.h>

#include <SFML/Graphics/RenderWindow.hpp>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <vector>

#include "ui/imgui_sfml_bridge.hpp"
#include "x_session.hpp"

using namespace antrean::testing;
using antrean::ui::ImGuiSfmlBridge;

namespace {

sf::Event mouse_button(sf::Event::EventType type, int x, int y) {
    sf::Event event;
    event.type = type;
    event.mouseButton.button = sf::Mouse::Left;
    event.mouseButton.x = x;
    event.mouseButton.y = y;
    return event;
}

sf::Event key(sf::Event::EventType type, sf::Keyboard::Key code) {
    sf::Event event;
    event.type = type;
    event.key = sf::Event::KeyEvent{code, false, false, false, false};
    return event;
}

// A window with the bridge running and ImGui's default font.
struct BridgeWindow {
    XvfbDisplay display;
    std::filesystem::path logs;
    std::unique_ptr<sf::RenderWindow> window;
    ImGuiSfmlBridge bridge;
    std::vector<ImWchar> characters;  // typed characters that the last frame received

    BridgeWindow() {
        std::string pattern = (std::filesystem::temp_directory_path() / "antrean-bridge-XXXXXX").string();
        REQUIRE(mkdtemp(pattern.data()) != nullptr);
        logs = pattern;
        display.start(logs, true);
        setenv("DISPLAY", display.name().c_str(), 1);
        window = std::make_unique<sf::RenderWindow>(sf::VideoMode(400, 300), "bridge test", sf::Style::Default);
        REQUIRE(bridge.init(*window));
        ImGui::GetIO().Fonts->AddFontDefault();
    }
    ~BridgeWindow() {
        bridge.shutdown();
        window.reset();
        display.stop();
        std::error_code ignored;
        std::filesystem::remove_all(logs, ignored);
    }

    // Draws one frame with a 100 x 60 button at (50, 50); returns whether it was clicked.
    bool frame() {
        bridge.new_frame(sf::milliseconds(16));
        const ImVector<ImWchar>& queued = ImGui::GetIO().InputQueueCharacters;
        characters.assign(queued.begin(), queued.end());
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(400, 300));
        ImGui::Begin("test", nullptr, ImGuiWindowFlags_NoDecoration);
        ImGui::SetCursorScreenPos(ImVec2(50, 50));
        const bool clicked = ImGui::InvisibleButton("target", ImVec2(100, 60));
        ImGui::End();
        bridge.render();
        return clicked;
    }
};

}  // namespace

TEST_CASE("bridge delivers fast taps, keys, text and touch") {
    if (!find_program("Xvfb")) {
        MESSAGE("SKIPPED: Xvfb is not installed (Debian package xvfb), so no window can be opened");
        return;
    }
    BridgeWindow test;
    CHECK_FALSE(test.frame());

    // Press and release arrive together, as a touchscreen tap does between two frames.
    test.bridge.process_event(mouse_button(sf::Event::MouseButtonPressed, 80, 70));
    test.bridge.process_event(mouse_button(sf::Event::MouseButtonReleased, 80, 70));
    CHECK(test.bridge.has_pending_input());
    CHECK_FALSE(test.frame());
    CHECK(ImGui::GetIO().MouseDown[0]);
    CHECK(ImGui::GetIO().MousePos.x == doctest::Approx(80));
    CHECK(test.bridge.has_pending_input());
    CHECK(test.frame());  // the release completes the click
    CHECK_FALSE(ImGui::GetIO().MouseDown[0]);
    CHECK_FALSE(test.bridge.has_pending_input());

    // Two taps in a row, all four events queued at once, give two clicks.
    for (int i = 0; i < 2; ++i) {
        test.bridge.process_event(mouse_button(sf::Event::MouseButtonPressed, 60, 60));
        test.bridge.process_event(mouse_button(sf::Event::MouseButtonReleased, 60, 60));
    }
    int clicks = 0;
    for (int frame = 0; frame < 6; ++frame) {
        clicks += test.frame() ? 1 : 0;
    }
    CHECK(clicks == 2);

    // A tap outside the button does not click it, even when it follows a tap inside.
    test.bridge.process_event(mouse_button(sf::Event::MouseButtonPressed, 300, 250));
    test.bridge.process_event(mouse_button(sf::Event::MouseButtonReleased, 300, 250));
    clicks = 0;
    for (int frame = 0; frame < 3; ++frame) {
        clicks += test.frame() ? 1 : 0;
    }
    CHECK(clicks == 0);

    // SFML keeps one X connection per process, so keys, text and touch are tested on the
    // same display rather than in a test case of their own.
    const ImGuiIO& io = ImGui::GetIO();
    CHECK(io.KeyMap[ImGuiKey_Backspace] == sf::Keyboard::Backspace);
    CHECK(io.KeyMap[ImGuiKey_Enter] == sf::Keyboard::Enter);
    CHECK(io.IniFilename == nullptr);

    // A key pressed and released between frames is down for one frame, and the text that
    // follows it arrives in that frame too.
    test.bridge.process_event(key(sf::Event::KeyPressed, sf::Keyboard::Backspace));
    test.bridge.process_event(key(sf::Event::KeyReleased, sf::Keyboard::Backspace));
    sf::Event text;
    text.type = sf::Event::TextEntered;
    text.text.unicode = 0x00E9;  // é
    test.bridge.process_event(text);
    test.frame();
    CHECK(io.KeysDown[sf::Keyboard::Backspace]);
    CHECK(test.characters.empty());
    test.frame();
    CHECK_FALSE(io.KeysDown[sf::Keyboard::Backspace]);
    CHECK(test.characters == std::vector<ImWchar>{0x00E9});

    // The first finger acts as the left mouse button.
    sf::Event touch;
    touch.type = sf::Event::TouchBegan;
    touch.touch = sf::Event::TouchEvent{0, 90, 80};
    test.bridge.process_event(touch);
    touch.type = sf::Event::TouchEnded;
    test.bridge.process_event(touch);
    CHECK_FALSE(test.frame());
    CHECK(io.MouseDown[0]);
    CHECK(test.frame());
}
