#include "app/console_app.hpp"

#include <spdlog/spdlog.h>

#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/Graphics/Texture.hpp>
#include <algorithm>
#include <chrono>
#include <iostream>
#include <memory>

#include "console/console.hpp"
#include "console/console_samples.hpp"
#include "officer/officer_console.hpp"
#include "officer/officer_samples.hpp"
#include "reception/reception_console.hpp"
#include "reception/reception_samples.hpp"
#include "ui/imgui_sfml_bridge.hpp"
#include "ui/layout_recorder.hpp"

namespace antrean::kiosk {
namespace {

// How long the loop sleeps at most between looks at the window's events (SFML 2.5 cannot
// wait for an event with a timeout).
constexpr std::chrono::milliseconds kIdlePoll{33};
// The frame interval while a spinner turns.
constexpr std::chrono::milliseconds kAnimationFrame{50};
// Fonts are sized for 1920 x 1080 and scaled to the window, but never below a size that
// stays readable on a 1366 x 768 office screen.
constexpr float kMinScale = 0.7f;

console::MonotonicMs monotonic_now() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

bool is_input_event(const sf::Event& event) {
    switch (event.type) {
        case sf::Event::MouseButtonPressed:
        case sf::Event::MouseButtonReleased:
        case sf::Event::MouseMoved:
        case sf::Event::MouseWheelScrolled:
        case sf::Event::KeyPressed:
        case sf::Event::KeyReleased:
        case sf::Event::TextEntered:
        case sf::Event::Resized:
        case sf::Event::GainedFocus:
        case sf::Event::LostFocus:
            return true;
        default:
            return false;
    }
}

// The window, the ImGui bridge and the console theme.
class ConsoleWindow {
  public:
    bool open(const KioskOptions& options, const Catalog& catalog, const std::string& title_key) {
        sf::VideoMode mode(options.width, options.height);
        sf::Uint32 style = sf::Style::Titlebar | sf::Style::Close;
        if (options.fullscreen) {
            mode = sf::VideoMode::getDesktopMode();
            style = sf::Style::Fullscreen;
        }
        const std::string title = catalog.translate(options.language, title_key);
        window_.create(mode, sf::String::fromUtf8(title.begin(), title.end()), style);
        if (!options.fullscreen) {
            // Under Xvfb without a window manager SFML centres the window partly off screen.
            window_.setPosition(sf::Vector2i(0, 0));
        }
        window_.setVerticalSyncEnabled(false);
        window_.setKeyRepeatEnabled(true);
        if (!bridge_.init(window_)) {
            std::cerr << "antrean-kiosk: starting the ImGui OpenGL2 renderer failed\n";
            return false;
        }
        ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;

        const sf::Vector2u size = window_.getSize();
        scale_ = std::max(kMinScale, std::min(static_cast<float>(size.x) / ui::kDesignWidth,
                                              static_cast<float>(size.y) / ui::kDesignHeight));
        Result<console::ConsoleTheme> theme = console::load_console_theme(options.fonts, scale_);
        if (!theme) {
            std::cerr << "antrean-kiosk: " << catalog.render(Language::English, theme.error()) << '\n';
            return false;
        }
        theme_ = std::move(*theme);
        bridge_.upload_fonts();
        return true;
    }

    sf::RenderWindow& window() { return window_; }
    ui::ImGuiSfmlBridge& bridge() { return bridge_; }

    // Draws one frame. `elapsed`, when given, replaces the real frame time, so that a
    // screenshot's dialog has finished dimming the screen below. Returns whether queued
    // input was applied.
    bool render(console::Console& console, const Catalog& catalog, ui::LayoutRecorder& layout,
                const std::filesystem::path* capture, std::optional<sf::Time> elapsed = std::nullopt,
                bool* capture_ok = nullptr) {
        const sf::Time real = frame_clock_.restart();
        const bool had_input = bridge_.has_pending_input();
        bridge_.new_frame(elapsed.value_or(real));

        const ImVec2 display = ImGui::GetIO().DisplaySize;
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(display);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
        constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                            ImGuiWindowFlags_NoSavedSettings |
                                            ImGuiWindowFlags_NoBringToFrontOnFocus;
        ImGui::Begin("antrean_console", nullptr, kFlags);
        ImGui::PopStyleVar();
        console::ConsoleUi ui;
        ui.catalog = &catalog;
        ui.theme = &theme_;
        ui.layout = &layout;
        ui.scale = scale_;
        ui.language = console.language();
        ImGui::PushFont(theme_.fonts.body);
        layout.begin_frame();
        const char* screen = console.draw(ui);
        layout.set_screen(screen, to_string(console.language()));
        ImGui::PopFont();
        ImGui::End();

        window_.clear(sf::Color(0xF3, 0xF5, 0xF8));
        bridge_.render();
        if (capture != nullptr) {
            const bool saved = save_png(*capture);
            if (capture_ok != nullptr) {
                *capture_ok = saved;
            }
        }
        window_.display();
        return had_input;
    }

  private:
    bool save_png(const std::filesystem::path& path) {
        const sf::Vector2u size = window_.getSize();
        sf::Texture texture;
        if (!texture.create(size.x, size.y)) {
            return false;
        }
        texture.update(window_);
        sf::Image frame = texture.copyToImage();
        // The back buffer's alpha is undefined after blending; a screenshot is opaque.
        for (unsigned y = 0; y < size.y; ++y) {
            for (unsigned x = 0; x < size.x; ++x) {
                sf::Color pixel = frame.getPixel(x, y);
                pixel.a = 255;
                frame.setPixel(x, y, pixel);
            }
        }
        return frame.saveToFile(path.string());
    }

    sf::RenderWindow window_;
    ui::ImGuiSfmlBridge bridge_;
    console::ConsoleTheme theme_;
    float scale_ = 1.0f;
    sf::Clock frame_clock_;
};

bool write_layout(const ui::LayoutRecorder& layout, sf::RenderWindow& window, const std::filesystem::path& path) {
    const sf::Vector2i position = window.getPosition();
    const sf::Vector2u size = window.getSize();
    return layout.write(path, position.x, position.y, static_cast<int>(size.x), static_cast<int>(size.y));
}

const char* title_key(const std::string& role) {
    return role == "officer" ? "console.officer.window_title" : "console.reception.window_title";
}

std::unique_ptr<console::Console> make_console(const std::string& role, const Catalog& catalog,
                                               console::StaffApi* api, console::EventFeed* feed,
                                               const KioskOptions& options) {
    if (role == "officer") {
        return std::make_unique<officer::OfficerConsole>(catalog, api, feed, options.desk);
    }
    return std::make_unique<reception::ReceptionConsole>(catalog, api, feed, options.printer);
}

// Builds the console with sample content for `screen` and renders it to `png`.
bool render_sample(ConsoleWindow& window, const Catalog& catalog, const console::ConsoleConfig& config,
                   const KioskOptions& options, const std::string& screen, Language language,
                   const std::filesystem::path& png, const std::filesystem::path* layout_json) {
    std::unique_ptr<console::Console> console = make_console(options.role, catalog, nullptr, nullptr, options);
    bool known = false;
    if (auto* officer_console = dynamic_cast<officer::OfficerConsole*>(console.get())) {
        known = officer::set_up_officer_sample(*officer_console, config, screen, language);
    } else if (auto* reception_console = dynamic_cast<reception::ReceptionConsole*>(console.get())) {
        known = reception::set_up_reception_sample(*reception_console, config, screen, language);
    }
    if (!known) {
        std::cerr << "antrean-kiosk: unknown screen '" << screen << "' for --role " << options.role << '\n';
        return false;
    }
    ui::LayoutRecorder layout;
    // The first frames open dialogs and size auto-sized windows; the last one is saved.
    constexpr int kSettleFrames = 4;
    for (int frame = 0; frame < kSettleFrames; ++frame) {
        console->update(0);
        window.render(*console, catalog, layout, nullptr, sf::seconds(0.25f));
    }
    bool saved = false;
    window.render(*console, catalog, layout, &png, sf::seconds(0.25f), &saved);
    if (!saved) {
        std::cerr << "antrean-kiosk: writing " << png << " failed\n";
        return false;
    }
    if (layout_json != nullptr && !write_layout(layout, window.window(), *layout_json)) {
        std::cerr << "antrean-kiosk: writing " << *layout_json << " failed\n";
        return false;
    }
    return true;
}

}  // namespace

const std::vector<std::string>& console_screen_names(const std::string& role) {
    static const std::vector<std::string> none;
    if (role == "officer") {
        return officer::officer_sample_names();
    }
    if (role == "reception") {
        return reception::reception_sample_names();
    }
    return none;
}

int render_console_screenshots(const KioskOptions& options, const Catalog& catalog) {
    Result<console::ConsoleConfig> config =
        console::load_console_sample_config(options.assets / "config" / "antrean.toml");
    if (!config) {
        std::cerr << "antrean-kiosk: " << catalog.render(Language::English, config.error()) << '\n';
        return 1;
    }
    KioskOptions windowed = options;
    windowed.fullscreen = false;
    ConsoleWindow window;
    if (!window.open(windowed, catalog, title_key(options.role))) {
        return 1;
    }
    if (options.screenshot) {
        const std::filesystem::path* layout = options.layout_dump ? &*options.layout_dump : nullptr;
        return render_sample(window, catalog, *config, options, options.screen, options.language,
                             *options.screenshot, layout)
                   ? 0
                   : 1;
    }

    std::error_code error;
    std::filesystem::create_directories(*options.screenshot_all, error);
    int failures = 0;
    const std::vector<std::string>& screens = console_screen_names(options.role);
    for (const std::string& screen : screens) {
        for (const Language language : {Language::Indonesian, Language::English}) {
            const std::string stem = options.role + "-" + screen + "-" + to_string(language);
            const std::filesystem::path png = *options.screenshot_all / (stem + ".png");
            const std::filesystem::path json = *options.screenshot_all / (stem + ".json");
            if (!render_sample(window, catalog, *config, options, screen, language, png, &json)) {
                ++failures;
            }
        }
    }
    window.bridge().shutdown();
    std::cout << "antrean-kiosk: wrote " << screens.size() * 2 - static_cast<size_t>(failures) << " screenshots to "
              << options.screenshot_all->string() << '\n';
    return failures == 0 ? 0 : 1;
}

int run_staff_console(const KioskOptions& options, const Catalog& catalog) {
    const Result<ServerAddress> address = parse_server_address(options.server_url);
    if (!address) {
        std::cerr << "antrean-kiosk: " << catalog.render(Language::English, address.error()) << '\n';
        return 2;
    }
    ConsoleWindow window;
    if (!window.open(options, catalog, title_key(options.role))) {
        return 1;
    }

    Wakeup wakeup;
    console::StaffApi api(*address, wakeup);
    console::EventFeed feed(*address, wakeup);
    std::unique_ptr<console::Console> console = make_console(options.role, catalog, &api, &feed, options);
    console->set_language(options.language);
    spdlog::info("Staff console started: role {}, server {}", options.role, address->to_url());

    ui::LayoutRecorder layout;
    int frames_needed = 2;
    sf::RenderWindow& sfml_window = window.window();
    console::MonotonicMs last_animation_frame = 0;
    while (sfml_window.isOpen()) {
        const console::MonotonicMs now = monotonic_now();
        sf::Event event;
        while (sfml_window.pollEvent(event)) {
            if (event.type == sf::Event::Closed) {
                sfml_window.close();
                break;
            }
            if (is_input_event(event)) {
                frames_needed = std::max(frames_needed, 1);
            }
            window.bridge().process_event(event);
        }
        if (!sfml_window.isOpen()) {
            break;
        }
        if (console->update(now) || window.bridge().has_pending_input()) {
            frames_needed = std::max(frames_needed, 1);
        }
        if (console->animating() && now - last_animation_frame >= kAnimationFrame.count()) {
            frames_needed = std::max(frames_needed, 1);
            last_animation_frame = now;
        }

        if (frames_needed > 0) {
            const bool had_input = window.render(*console, catalog, layout, nullptr);
            --frames_needed;
            if (options.layout_dump) {
                write_layout(layout, sfml_window, *options.layout_dump);
            }
            // A click changes state while the frame is drawn; one more frame shows the
            // result, and one more lets ImGui settle hover and pressed states.
            if (had_input) {
                frames_needed = std::max(frames_needed, 2);
            }
            continue;
        }

        std::chrono::milliseconds timeout = kIdlePoll;
        if (const auto deadline = console->next_deadline()) {
            timeout = std::clamp(std::chrono::milliseconds(*deadline - now), std::chrono::milliseconds(0), kIdlePoll);
        }
        if (timeout.count() > 0) {
            wakeup.wait_for(timeout);
        }
    }
    // The console's callbacks refer to it, so the API and feed stop before it goes.
    feed.stop();
    window.bridge().shutdown();
    spdlog::info("Staff console stopped");
    return 0;
}

}  // namespace antrean::kiosk
