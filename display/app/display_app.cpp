#include "app/display_app.hpp"

#include <fmt/format.h>
#include <malloc.h>
#include <spdlog/spdlog.h>

#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/System/Err.hpp>
#include <SFML/Window/Event.hpp>
#include <algorithm>
#include <cstdlib>
#include <sstream>

#include "app/board_scene.hpp"
#include "app/call_announcer.hpp"
#include "app/server_link.hpp"
#include "domain/office_time.hpp"
#include "render/frame_presenter.hpp"

namespace antrean::display {
namespace {

using SteadyClock = std::chrono::steady_clock;

// The flash after a new call: amber and normal in turn, one cycle per second, which stays
// well below the three flashes per second that WCAG 2.1 (2.3.1) sets as the seizure limit.
constexpr auto kFlashLength = std::chrono::seconds(6);
constexpr auto kFlashHalfPeriod = std::chrono::milliseconds(500);
// Window events are read at least this often, even when nothing moves on screen.
constexpr auto kMaxSleep = std::chrono::milliseconds(100);
// Everything is redrawn this often, in case the window system lost part of the window.
constexpr auto kFullRedrawEvery = std::chrono::seconds(60);

TimestampMs wall_clock_ms() {
    return SystemClock().now();
}

// Returns the first instant after `now` at which the wall clock's minute changes.
SteadyClock::time_point next_minute(SteadyClock::time_point now) {
    const TimestampMs wall = wall_clock_ms();
    const TimestampMs into_minute = wall % 60'000;
    return now + std::chrono::milliseconds(60'000 - into_minute + 20);
}

bool has_x_display() {
    const char* display = std::getenv("DISPLAY");
    return display != nullptr && *display != '\0';
}

// The main loop of the window, split into its steps.
class DisplayLoop {
public:
    DisplayLoop(const DisplayOptions& options, DisplayResources& resources,
                const std::atomic<bool>& stop_requested,
                const std::function<void(const FrameReport&)>& observer)
        : options_(options),
          resources_(resources),
          stop_requested_(stop_requested),
          observer_(observer),
          model_(AreaFilter(options.areas), wall_clock_ms()),
          scene_(resources.catalog, resources.fonts, options.language,
                 resolve_running_text(options, resources), resources.running_text),
          announcer_(resources.catalog, options.voice_languages, options.words_per_minute,
                     !options.mute) {}

    int run(const ServerAddress& address);

private:
    static std::vector<std::string> resolve_running_text(const DisplayOptions& options,
                                                         const DisplayResources& resources);
    bool open_window();
    void handle_window_events();
    void apply_messages(SteadyClock::time_point now);
    void check_clock_and_flash(SteadyClock::time_point now);
    void draw_frame(SteadyClock::time_point now);
    SteadyClock::time_point next_wake(SteadyClock::time_point now) const;
    render::CallEmphasis emphasis(SteadyClock::time_point now) const;
    void report_frame();

    const DisplayOptions& options_;
    DisplayResources& resources_;
    const std::atomic<bool>& stop_requested_;
    const std::function<void(const FrameReport&)>& observer_;

    DisplayModel model_;
    BoardScene scene_;
    CallAnnouncer announcer_;
    Inbox inbox_;
    sf::RenderWindow window_;
    std::unique_ptr<render::FramePresenter> presenter_;

    bool closing_ = false;
    bool full_redraw_ = true;
    PanelSet dirty_;
    bool content_stale_ = true;
    bool running_text_moved_ = false;
    std::optional<SteadyClock::time_point> flash_started_;
    render::CallEmphasis drawn_emphasis_ = render::CallEmphasis::Normal;
    SteadyClock::time_point last_running_text_step_;
    SteadyClock::time_point next_minute_;
    SteadyClock::time_point last_full_redraw_;
};

std::vector<std::string> DisplayLoop::resolve_running_text(const DisplayOptions& options,
                                                           const DisplayResources& resources) {
    std::vector<std::string> missing;
    std::vector<std::string> messages =
        resolve_messages(resources.running_text, resources.catalog, options.language, &missing);
    for (const std::string& key : missing) {
        spdlog::warn("Running text key \"{}\" in {} is not in the catalogue; it is left out", key,
                     options.running_text_file.string());
    }
    return messages;
}

bool DisplayLoop::open_window() {
    // SFML reports on sf::err() that vsync is unsupported under Xvfb. That does not matter,
    // because the loop paces its own frames, so SFML's messages go to the debug log.
    std::ostringstream sfml_messages;
    std::streambuf* saved = sf::err().rdbuf(sfml_messages.rdbuf());
    sf::ContextSettings settings;
    if (options_.fullscreen) {
        const sf::VideoMode desktop = sf::VideoMode::getDesktopMode();
        window_.create(desktop, "Antrean", sf::Style::Fullscreen, settings);
        window_.setMouseCursorVisible(false);
    } else {
        window_.create(sf::VideoMode(options_.width, options_.height), "Antrean", sf::Style::Default, settings);
        // SFML 2.5 may place a new window partly off screen when no window manager runs.
        const sf::VideoMode desktop = sf::VideoMode::getDesktopMode();
        window_.setPosition({std::max(0, (static_cast<int>(desktop.width) - static_cast<int>(options_.width)) / 2),
                             std::max(0, (static_cast<int>(desktop.height) - static_cast<int>(options_.height)) / 2)});
    }
    sf::err().rdbuf(saved);
    if (!sfml_messages.str().empty()) {
        spdlog::debug("SFML while opening the window: {}", sfml_messages.str());
    }
    if (!window_.isOpen()) {
        spdlog::error("Cannot open the display window on {}", std::getenv("DISPLAY"));
        return false;
    }

    presenter_ = std::make_unique<render::FramePresenter>(window_, options_.redraw);
    if (!presenter_->error().empty()) {
        spdlog::error("{}", presenter_->error());
        return false;
    }
    const sf::Vector2u size = window_.getSize();
    spdlog::info("Window {}x{}{}; OpenGL: {}", size.x, size.y, options_.fullscreen ? " (full screen)" : "",
                 presenter_->description());
    scene_.resize(size.x, size.y, model_);
    return true;
}

int DisplayLoop::run(const ServerAddress& address) {
    if (!open_window()) {
        return 1;
    }
    ServerLink link(address, inbox_, options_.poll_interval);
    link.start();
    spdlog::info("Following the queue server at {}{}{}", address.to_url(),
                 options_.poll_interval ? fmt::format(" by polling every {} ms", options_.poll_interval->count()) : "",
                 model_.filter().shows_all() ? "" : " for some areas only");

    const auto start = SteadyClock::now();
    last_running_text_step_ = start;
    last_full_redraw_ = start;
    next_minute_ = next_minute(start);
    while (!closing_ && !stop_requested_) {
        handle_window_events();
        const auto now = SteadyClock::now();
        apply_messages(now);
        check_clock_and_flash(now);
        draw_frame(now);
        inbox_.wait_until(next_wake(SteadyClock::now()));
    }
    spdlog::info("Display stopped");
    window_.close();
    return 0;
}

void DisplayLoop::handle_window_events() {
    sf::Event event;
    while (window_.pollEvent(event)) {
        if (event.type == sf::Event::Closed) {
            closing_ = true;
        } else if (event.type == sf::Event::Resized) {
            window_.setView(sf::View(sf::FloatRect(0, 0, static_cast<float>(event.size.width),
                                                   static_cast<float>(event.size.height))));
            scene_.resize(event.size.width, event.size.height, model_);
            full_redraw_ = true;
        } else if (event.type == sf::Event::GainedFocus) {
            full_redraw_ = true;
        }
    }
}

void DisplayLoop::apply_messages(SteadyClock::time_point now) {
    const std::vector<LinkMessage> messages = inbox_.take_all();
    if (messages.empty()) {
        return;
    }
    const TimestampMs wall = wall_clock_ms();
    ModelChange change;
    for (const LinkMessage& message : messages) {
        if (const auto* config = std::get_if<ConfigMessage>(&message)) {
            change |= model_.apply_config(config->config);
            for (const AreaId& area : model_.filter().areas()) {
                if (config->config.find_area(area) == nullptr) {
                    spdlog::warn("Area \"{}\" given with --areas is not configured on the server", area);
                }
            }
        } else if (const auto* board = std::get_if<BoardMessage>(&message)) {
            change |= model_.apply_board(board->board, board->source, wall);
        } else if (const auto* ticket = std::get_if<TicketMessage>(&message)) {
            change |= model_.apply_event(ticket->kind, ticket->event, ticket->event_id, wall);
        } else if (const auto* connection = std::get_if<ConnectionMessage>(&message)) {
            change |= model_.set_connected(connection->connected);
        }
    }

    // Announce after the whole batch, so a replay's later events can show that a missed call
    // has already been served.
    announcer_.announce(model_.take_announcements());
    announcer_.withdraw_stale(model_);

    if (change.new_call) {
        flash_started_ = now;
    }
    if (change.panels.any()) {
        dirty_ |= change.panels;
        content_stale_ = true;
    }
    if (scene_.layout_outdated(model_)) {
        const sf::Vector2u size = window_.getSize();
        scene_.resize(size.x, size.y, model_);
        full_redraw_ = true;
    }
}

void DisplayLoop::check_clock_and_flash(SteadyClock::time_point now) {
    if (now >= next_minute_) {
        next_minute_ = next_minute(now);
        // The date shares the header, so the whole header is redrawn at the minute.
        dirty_ |= panels({Panel::Header});
        content_stale_ = true;
    }
    if (emphasis(now) != drawn_emphasis_) {
        dirty_ |= panels({Panel::Call});
    }
    if (flash_started_ && now - *flash_started_ >= kFlashLength) {
        flash_started_.reset();
        dirty_ |= panels({Panel::Call});
    }
    if (now - last_full_redraw_ >= kFullRedrawEvery) {
        full_redraw_ = true;
    }

    const int fps = scene_.running_text_frames_per_second();
    const auto step = std::chrono::microseconds(1'000'000 / std::max(1, fps));
    if (scene_.running_text_active() && now - last_running_text_step_ >= step) {
        // Keep to the frame grid, but never catch up on frames missed during a slow redraw.
        last_running_text_step_ = std::max(last_running_text_step_ + step, now - step);
        scene_.step_running_text();
        running_text_moved_ = true;
    }
}

render::CallEmphasis DisplayLoop::emphasis(SteadyClock::time_point now) const {
    if (!flash_started_ || now - *flash_started_ >= kFlashLength) {
        return render::CallEmphasis::Normal;
    }
    const auto half_periods = (now - *flash_started_) / kFlashHalfPeriod;
    return half_periods % 2 == 0 ? render::CallEmphasis::FlashOn : render::CallEmphasis::Normal;
}

void DisplayLoop::draw_frame(SteadyClock::time_point now) {
    const bool partial = presenter_->partial_updates();
    const bool anything = full_redraw_ || dirty_.any() || running_text_moved_;
    if (!anything) {
        return;
    }
    const auto started = SteadyClock::now();
    const bool had_dirty_panels = dirty_.any();
    if (content_stale_) {
        scene_.update_content(model_, wall_clock_ms());
        content_stale_ = false;
    }
    const render::CallEmphasis call_emphasis = emphasis(now);

    if (full_redraw_ || !partial) {
        const bool after_layout = full_redraw_;
        scene_.draw_all(window_, call_emphasis);
        presenter_->present({});
        full_redraw_ = false;
        last_full_redraw_ = now;
        if (after_layout) {
            // Laying out and rendering the running text allocate and free several megabytes;
            // glibc keeps freed memory in its heaps unless asked to give it back.
            malloc_trim(0);
        }
    } else {
        std::vector<layout::Rect> changed = scene_.draw_panels(window_, dirty_, call_emphasis);
        if (running_text_moved_ && !contains(dirty_, Panel::Ticker)) {
            changed.push_back(scene_.draw_running_text(window_));
        }
        presenter_->present(changed);
    }
    drawn_emphasis_ = call_emphasis;
    dirty_.reset();
    running_text_moved_ = false;
    report_frame();
    if (had_dirty_panels) {
        spdlog::debug("Drew a frame with changed panels in {:.1f} ms",
                      std::chrono::duration<double, std::milli>(SteadyClock::now() - started).count());
    }
}

void DisplayLoop::report_frame() {
    if (!observer_) {
        return;
    }
    presenter_->wait_until_shown();
    FrameReport report;
    report.shown_at = SteadyClock::now();
    const ScreenContent& content = scene_.content();
    report.featured_code = content.call_code;
    if (!content.call_code.empty()) {
        report.visible_codes.push_back(content.call_code);
    }
    const size_t desk_cells = std::min(content.desks.size(), scene_.layout().desk_cells.size());
    for (size_t i = 0; i < desk_cells; ++i) {
        if (!content.desks[i].ticket_code.empty()) {
            report.visible_codes.push_back(content.desks[i].ticket_code);
        }
    }
    const size_t recent_rows = std::min(content.recent.size(), scene_.layout().recent_rows.size());
    for (size_t i = 0; i < recent_rows; ++i) {
        report.visible_codes.push_back(content.recent[i].ticket_code);
    }
    observer_(report);
}

SteadyClock::time_point DisplayLoop::next_wake(SteadyClock::time_point now) const {
    SteadyClock::time_point wake = std::min(now + kMaxSleep, next_minute_);
    if (scene_.running_text_active()) {
        const int fps = std::max(1, scene_.running_text_frames_per_second());
        wake = std::min(wake, last_running_text_step_ + std::chrono::microseconds(1'000'000 / fps));
    }
    if (flash_started_) {
        const auto elapsed = now - *flash_started_;
        const auto next_toggle = *flash_started_ + (elapsed / kFlashHalfPeriod + 1) * kFlashHalfPeriod;
        wake = std::min(wake, next_toggle);
    }
    return wake;
}

}  // namespace

std::unique_ptr<DisplayResources> load_resources(const DisplayOptions& options) {
    const std::filesystem::path i18n = options.assets_dir / "i18n";
    Result<Catalog> catalog = Catalog::load_directory(i18n);
    if (!catalog) {
        spdlog::error("Cannot load the translations from {}: {}", i18n.string(),
                      describe_untranslated(catalog.error()));
        return nullptr;
    }
    Result<render::FontSet> fonts = render::load_fonts(options.font_dir);
    if (!fonts) {
        spdlog::error("Font file not found or unreadable: {}. Install the Debian package "
                      "fonts-noto-core, or point --font-dir at a folder with NotoSans-Regular.ttf "
                      "and NotoSans-Bold.ttf.",
                      fonts.error().params.at("path"));
        return nullptr;
    }
    Result<RunningTextConfig> running_text = load_running_text(options.running_text_file);
    if (!running_text) {
        spdlog::error("{}", catalog->render(Language::English, running_text.error()));
        return nullptr;
    }
    return std::make_unique<DisplayResources>(
        DisplayResources{std::move(*catalog), std::move(*fonts), std::move(*running_text)});
}

DisplayApp::DisplayApp(DisplayOptions options, DisplayResources& resources)
    : options_(std::move(options)), resources_(resources) {}

int DisplayApp::run() {
    Result<ServerAddress> address = parse_server_address(options_.server_url);
    if (!address) {
        spdlog::error("Invalid --server: {}", describe_untranslated(address.error()));
        return 1;
    }
    if (!has_x_display()) {
        spdlog::error("No X display: set DISPLAY, or run the display under Xvfb (xvfb-run)");
        return 1;
    }
    DisplayLoop loop(options_, resources_, stop_requested_, frame_observer_);
    return loop.run(*address);
}

int run_screenshot(const DisplayOptions& options, DisplayResources& resources) {
    const std::string& path = *options.screenshot_path;
    Result<ServerAddress> address = parse_server_address(options.server_url);
    if (!address) {
        spdlog::error("Invalid --server: {}", describe_untranslated(address.error()));
        return 1;
    }

    // The board and the configuration, once.
    ApiClient client(*address);
    Result<ApiResponse> config_response = client.config();
    Result<ApiResponse> board_response = config_response ? client.board() : config_response;
    if (!board_response) {
        spdlog::error("Cannot take a screenshot: the queue server at {} cannot be reached or "
                      "answered with an error ({}). Start the server or check --server.",
                      address->to_url(), describe_untranslated(board_response.error()));
        return 2;
    }
    Result<OfficeConfig> config = parse_office_config(config_response->body);
    Result<protocol::Board> board = protocol::parse_board(board_response->body);
    if (!config || !board) {
        spdlog::error("Cannot take a screenshot: the response of {} is invalid ({})",
                      address->to_url(),
                      describe_untranslated(!config ? config.error() : board.error()));
        return 2;
    }

    DisplayModel model(AreaFilter(options.areas), wall_clock_ms());
    model.apply_config(*config);
    model.apply_board(*board, BoardSource::Stream, wall_clock_ms());
    model.set_connected(true);

    // Render off screen; OpenGL still needs an X display for its context.
    if (!has_x_display()) {
        spdlog::error("No X display: set DISPLAY, or run the screenshot under Xvfb (xvfb-run)");
        return 1;
    }
    std::vector<std::string> missing;
    BoardScene scene(resources.catalog, resources.fonts, options.language,
                     resolve_messages(resources.running_text, resources.catalog, options.language, &missing),
                     resources.running_text);
    sf::RenderTexture canvas;
    if (!canvas.create(options.width, options.height)) {
        spdlog::error("Cannot create a {}x{} OpenGL render texture for the screenshot", options.width,
                      options.height);
        return 1;
    }
    scene.resize(options.width, options.height, model);
    scene.update_content(model, wall_clock_ms());
    scene.draw_all(canvas, render::CallEmphasis::Normal);
    canvas.display();

    if (!render::save_opaque_png(canvas.getTexture().copyToImage(), path)) {
        spdlog::error("Cannot write the screenshot to {}", path);
        return 1;
    }
    spdlog::info("Saved a {}x{} screenshot of {} to {}", options.width, options.height,
                 address->to_url(), path);
    return 0;
}

}  // namespace antrean::display
