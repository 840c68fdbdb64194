#include "app/kiosk_app.hpp"

#include <spdlog/spdlog.h>

#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/Graphics/Texture.hpp>
#include <algorithm>
#include <chrono>
#include <iostream>
#include <memory>
#include <vector>

#include "services/kiosk_api.hpp"
#include "ui/imgui_sfml_bridge.hpp"
#include "ui/layout_recorder.hpp"
#include "ui/theme.hpp"
#include "visitor/sample_screens.hpp"
#include "visitor/visitor_kiosk.hpp"

namespace antrean::kiosk {
namespace {

// How long the loop sleeps at most between looks at the window's events. SFML 2.5 cannot
// wait for an event with a timeout, so an idle kiosk wakes this often; each wake costs
// one XPending call.
constexpr std::chrono::milliseconds kIdlePoll{33};

MonotonicMs monotonic_now() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

bool is_input_event(const sf::Event& event) {
    switch (event.type) {
        case sf::Event::MouseButtonPressed:
        case sf::Event::MouseButtonReleased:
        case sf::Event::MouseMoved:
        case sf::Event::MouseWheelScrolled:
        case sf::Event::TouchBegan:
        case sf::Event::TouchMoved:
        case sf::Event::TouchEnded:
        case sf::Event::KeyPressed:
        case sf::Event::KeyReleased:
        case sf::Event::TextEntered:
            return true;
        default:
            return false;
    }
}

// The window, the ImGui bridge and the theme: everything needed to draw a frame.
class KioskWindow {
  public:
    bool open(const KioskOptions& options, const Catalog& catalog) {
        sf::VideoMode mode(options.width, options.height);
        sf::Uint32 style = sf::Style::Titlebar | sf::Style::Close;
        if (options.fullscreen) {
            mode = sf::VideoMode::getDesktopMode();
            style = sf::Style::Fullscreen;
        }
        // The default context settings give the compatibility profile that the OpenGL2
        // backend needs.
        const std::string title = catalog.translate(options.language, "kiosk.window_title");
        window_.create(mode, sf::String::fromUtf8(title.begin(), title.end()), style);
        if (!options.fullscreen) {
            // SFML 2.5 centers a new window on the X screen's primary output, which under
            // Xvfb without a window manager put a 1920 x 1080 window 420 px down, half off
            // the screen. A kiosk window belongs in the top-left corner.
            window_.setPosition(sf::Vector2i(0, 0));
        }
        window_.setVerticalSyncEnabled(false);
        window_.setKeyRepeatEnabled(false);
        if (options.fullscreen) {
            window_.setMouseCursorVisible(false);
        }
        if (!bridge_.init(window_)) {
            std::cerr << "antrean-kiosk: starting the ImGui OpenGL2 renderer failed\n";
            return false;
        }

        const sf::Vector2u size = window_.getSize();
        scale_ = std::min(static_cast<float>(size.x) / ui::kDesignWidth, static_cast<float>(size.y) / ui::kDesignHeight);
        origin_ = ImVec2((static_cast<float>(size.x) - ui::kDesignWidth * scale_) / 2,
                         (static_cast<float>(size.y) - ui::kDesignHeight * scale_) / 2);
        Result<ui::Theme> theme = ui::load_theme(options.fonts, scale_);
        if (!theme) {
            std::cerr << "antrean-kiosk: " << catalog.render(Language::English, theme.error()) << '\n';
            return false;
        }
        theme_ = std::move(*theme);
        bridge_.upload_fonts();
        const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
        spdlog::info("Font atlas {}x{} pixels at scale {:.2f}", atlas.TexWidth, atlas.TexHeight, scale_);
        return true;
    }

    sf::RenderWindow& window() { return window_; }
    ui::ImGuiSfmlBridge& bridge() { return bridge_; }

    // Draws one frame of `kiosk`. With `capture`, also saves the frame as an opaque PNG.
    // Returns whether queued input was applied in this frame.
    bool render(VisitorKiosk& kiosk, const Catalog& catalog, ui::LayoutRecorder& layout, MonotonicMs now,
                const std::filesystem::path* capture, bool* capture_ok = nullptr) {
        const sf::Time elapsed = frame_clock_.restart();
        const bool had_input = bridge_.has_pending_input();
        bridge_.new_frame(elapsed);

        const ImVec2 display = ImGui::GetIO().DisplaySize;
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(display);
        constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                            ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                            ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoScrollWithMouse;
        ImGui::Begin("antrean_visitor_kiosk", nullptr, kFlags);
        ui::UiContext ui;
        ui.catalog = &catalog;
        ui.theme = &theme_;
        ui.layout = &layout;
        ui.draw = ImGui::GetWindowDrawList();
        ui.scale = scale_;
        ui.origin = origin_;
        ui.draw->AddRectFilled(ImVec2(0, 0), display, theme_.palette.background);

        layout.begin_frame();
        const char* screen = kiosk.draw(ui, now);
        layout.set_screen(screen, to_string(kiosk.flow().language()));
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
        const sf::Image frame = texture.copyToImage();
        // The back buffer's alpha is undefined after blending; a screenshot is opaque.
        const sf::Uint8* source = frame.getPixelsPtr();
        std::vector<sf::Uint8> pixels(source, source + static_cast<size_t>(size.x) * size.y * 4);
        for (size_t i = 3; i < pixels.size(); i += 4) {
            pixels[i] = 255;
        }
        sf::Image opaque;
        opaque.create(size.x, size.y, pixels.data());
        return opaque.saveToFile(path.string());
    }

    sf::RenderWindow window_;
    ui::ImGuiSfmlBridge bridge_;
    ui::Theme theme_;
    float scale_ = 1.0f;
    ImVec2 origin_{0, 0};
    sf::Clock frame_clock_;
};

bool write_layout(const ui::LayoutRecorder& layout, sf::RenderWindow& window, const std::filesystem::path& path) {
    const sf::Vector2i position = window.getPosition();
    const sf::Vector2u size = window.getSize();
    return layout.write(path, position.x, position.y, static_cast<int>(size.x), static_cast<int>(size.y));
}

// Renders one sample screen to `png` (and its layout next to it when `layout_json`).
bool render_sample(KioskWindow& window, const Catalog& catalog, const KioskConfig& config, const KioskOptions& options,
                   const std::string& screen, Language language, const std::filesystem::path& png,
                   const std::filesystem::path* layout_json) {
    Wakeup wakeup;
    VisitorKioskSettings settings;
    settings.fixed_clock = LocalDateTime{2026, 12, 4, 9, 30};
    settings.printer = options.printer;
    VisitorKiosk kiosk(catalog, nullptr, wakeup, settings);
    kiosk.set_config(config);
    kiosk.flow().set_default_language(language);
    const MonotonicMs now = monotonic_now();
    if (!set_up_sample_screen(kiosk, screen, now)) {
        std::cerr << "antrean-kiosk: unknown screen '" << screen << "'\n";
        return false;
    }
    kiosk.flow().set_language(language);
    ui::LayoutRecorder layout;
    // The first frames settle ImGui's window and font state; the last one is saved.
    window.render(kiosk, catalog, layout, now, nullptr);
    bool saved = false;
    window.render(kiosk, catalog, layout, now, &png, &saved);
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

int render_screenshots(const KioskOptions& options, const Catalog& catalog) {
    Result<KioskConfig> config = load_sample_config(options.assets / "config" / "antrean.toml");
    if (!config) {
        std::cerr << "antrean-kiosk: " << catalog.render(Language::English, config.error()) << '\n';
        return 1;
    }
    KioskOptions windowed = options;
    windowed.fullscreen = false;
    KioskWindow window;
    if (!window.open(windowed, catalog)) {
        return 1;
    }

    if (options.screenshot) {
        const std::filesystem::path* layout = options.layout_dump ? &*options.layout_dump : nullptr;
        return render_sample(window, catalog, *config, options, options.screen, options.language, *options.screenshot,
                             layout)
                   ? 0
                   : 1;
    }

    std::error_code error;
    std::filesystem::create_directories(*options.screenshot_all, error);
    int failures = 0;
    for (const std::string& screen : sample_screen_names()) {
        for (const Language language : {Language::Indonesian, Language::English}) {
            const std::string stem = screen + "-" + to_string(language);
            const std::filesystem::path png = *options.screenshot_all / (stem + ".png");
            const std::filesystem::path json = *options.screenshot_all / (stem + ".json");
            if (!render_sample(window, catalog, *config, options, screen, language, png, &json)) {
                ++failures;
            }
        }
    }
    std::cout << "antrean-kiosk: wrote " << sample_screen_names().size() * 2 - static_cast<size_t>(failures)
              << " screenshots to " << options.screenshot_all->string() << '\n';
    return failures == 0 ? 0 : 1;
}

int run_visitor_kiosk(const KioskOptions& options, const Catalog& catalog) {
    const Result<ServerAddress> address = parse_server_address(options.server_url);
    if (!address) {
        std::cerr << "antrean-kiosk: " << catalog.render(Language::English, address.error()) << '\n';
        return 2;
    }
    KioskWindow window;
    if (!window.open(options, catalog)) {
        return 1;
    }

    Wakeup wakeup;
    KioskApi api(*address, wakeup);
    api.set_language(options.language);
    VisitorKioskSettings settings;
    settings.printer = options.printer;
    VisitorKiosk kiosk(catalog, &api, wakeup, settings);
    kiosk.flow().set_default_language(options.language);
    spdlog::info("Visitor kiosk started: server {}, printer {}", address->to_url(),
                 options.printer ? options.printer->string() : "none");

    ui::LayoutRecorder layout;
    int frames_needed = 2;
    sf::RenderWindow& sfml_window = window.window();
    while (sfml_window.isOpen()) {
        MonotonicMs now = monotonic_now();
        sf::Event event;
        while (sfml_window.pollEvent(event)) {
            if (event.type == sf::Event::Closed) {
                sfml_window.close();
                break;
            }
            if (event.type == sf::Event::Resized || event.type == sf::Event::GainedFocus) {
                frames_needed = std::max(frames_needed, 1);
            }
            if (is_input_event(event)) {
                kiosk.note_input(now);
                frames_needed = std::max(frames_needed, 1);
            }
            window.bridge().process_event(event);
        }
        if (!sfml_window.isOpen()) {
            break;
        }

        if (kiosk.update(now)) {
            frames_needed = std::max(frames_needed, 1);
        }
        if (window.bridge().has_pending_input()) {
            frames_needed = std::max(frames_needed, 1);
        }

        if (frames_needed > 0) {
            const bool had_input = window.render(kiosk, catalog, layout, now, nullptr);
            --frames_needed;
            if (options.layout_dump) {
                write_layout(layout, sfml_window, *options.layout_dump);
            }
            // A tap changes the screen while the frame is drawn; one more frame shows the
            // result, and one more lets ImGui clear its pressed state.
            if (had_input) {
                frames_needed = std::max(frames_needed, 2);
            }
            continue;
        }

        // Idle: sleep until a background result, the next timer, or the next look at the
        // window's events, whichever comes first.
        std::chrono::milliseconds timeout = kIdlePoll;
        if (const auto deadline = kiosk.next_deadline()) {
            timeout = std::clamp(std::chrono::milliseconds(*deadline - now), std::chrono::milliseconds(0), kIdlePoll);
        }
        if (timeout.count() > 0) {
            wakeup.wait_for(timeout);
        }
    }
    window.bridge().shutdown();
    spdlog::info("Visitor kiosk stopped");
    return 0;
}

}  // namespace antrean::kiosk
