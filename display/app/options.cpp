#include "app/options.hpp"

#include <CLI/CLI.hpp>
#include <regex>

#ifndef ANTREAN_ASSETS_DIR
#error "ANTREAN_ASSETS_DIR must name the assets folder of the source tree"
#endif

namespace antrean::display {
namespace {

std::optional<Language> parse_language(const std::string& code) {
    if (code == "id") {
        return Language::Indonesian;
    }
    if (code == "en") {
        return Language::English;
    }
    return std::nullopt;
}

}  // namespace

std::variant<DisplayOptions, int> parse_options(int argc, const char* const* argv) {
    DisplayOptions options;
    options.assets_dir = ANTREAN_ASSETS_DIR;
    options.font_dir = render::kDefaultFontDirectory;

    CLI::App app{"antrean-display: the wall display of the Antrean queue. It shows the newest "
                 "call, the desks, the waiting counts and a running text, and announces each "
                 "call with a chime and a voice.",
                 "antrean-display"};
    app.add_option("--server", options.server_url, "Base URL of the queue server")
        ->capture_default_str();
    app.add_flag("--fullscreen", options.fullscreen, "Fill the whole screen (for the wall)");
    app.add_flag("--mute", options.mute, "Announce nothing aloud; calls still flash on screen");
    std::string screenshot;
    app.add_option("--screenshot", screenshot,
                   "Render the current board into this PNG file and exit: 0 when saved, 2 when "
                   "the server cannot be reached");
    std::string areas;
    app.add_option("--areas", areas,
                   "Comma-separated service area ids to show, for a screen of some areas only "
                   "(e.g. pbk,srg); default: every area");
    std::string size = "1920x1080";
    app.add_option("--size", size, "Window size, or the screenshot size, in pixels (WIDTHxHEIGHT)")
        ->capture_default_str();
    std::string language = "id";
    app.add_option("--language", language, "Language of the screen texts: id or en")
        ->capture_default_str();
    std::string voices = "id";
    app.add_option("--voice-languages", voices,
                   "Languages spoken for each call, in order, comma-separated: id, en or id,en")
        ->capture_default_str();
    app.add_option("--voice-speed", options.words_per_minute, "Speaking rate in words per minute")
        ->check(CLI::Range(80, 450))
        ->capture_default_str();
    app.add_option("--assets", options.assets_dir, "Folder with i18n/ and display/ (the repository's assets/)")
        ->capture_default_str();
    app.add_option("--font-dir", options.font_dir,
                   "Folder with NotoSans-Regular.ttf and NotoSans-Bold.ttf (Debian: fonts-noto-core)")
        ->capture_default_str();
    app.add_option("--running-text", options.running_text_file,
                   "TOML file with the running text announcements (default: "
                   "ASSETS/display/running-text.toml)");
    std::string redraw = "auto";
    app.add_option("--redraw", redraw,
                   "auto: redraw only changed panels when the OpenGL driver allows it; full: "
                   "redraw the whole window each frame; partial: require partial redraw")
        ->check(CLI::IsMember({"auto", "full", "partial"}))
        ->capture_default_str();
    double poll_seconds = 0;
    app.add_option("--poll-seconds", poll_seconds,
                   "Ask for the board every this many seconds instead of following the event "
                   "stream, for networks whose proxies break event streams. Calls then appear up "
                   "to that much later.")
        ->check(CLI::Range(0.5, 600.0));
    app.add_option("--log-level", options.log_level, "trace, debug, info, warn or error")
        ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error"}))
        ->capture_default_str();

    try {
        app.parse(argc, argv);

        std::smatch match;
        if (!std::regex_match(size, match, std::regex(R"((\d{2,5})x(\d{2,5}))"))) {
            throw CLI::ValidationError("--size", "expected WIDTHxHEIGHT such as 1920x1080, got \"" + size + "\"");
        }
        options.width = static_cast<unsigned>(std::stoul(match[1]));
        options.height = static_cast<unsigned>(std::stoul(match[2]));
        if (options.width < 160 || options.height < 120 || options.width > 16384 || options.height > 16384) {
            throw CLI::ValidationError("--size", "each side must be from 160x120 to 16384x16384 pixels");
        }

        const auto screen_language = parse_language(language);
        if (!screen_language) {
            throw CLI::ValidationError("--language", "expected id or en, got \"" + language + "\"");
        }
        options.language = *screen_language;

        options.voice_languages.clear();
        for (const std::string& code : CLI::detail::split(voices, ',')) {
            const auto voice = parse_language(CLI::detail::trim_copy(code));
            if (!voice) {
                throw CLI::ValidationError("--voice-languages", "expected id, en or id,en, got \"" + voices + "\"");
            }
            options.voice_languages.push_back(*voice);
        }

        for (const std::string& area : CLI::detail::split(areas, ',')) {
            const std::string id = CLI::detail::trim_copy(area);
            if (!id.empty()) {
                options.areas.push_back(id);
            }
        }
        if (!screenshot.empty()) {
            options.screenshot_path = screenshot;
        }
        options.redraw = redraw == "full"      ? render::RedrawMode::Full
                         : redraw == "partial" ? render::RedrawMode::Partial
                                               : render::RedrawMode::Auto;
        if (poll_seconds > 0) {
            options.poll_interval = std::chrono::milliseconds(static_cast<long>(poll_seconds * 1000));
        }
        if (options.running_text_file.empty()) {
            options.running_text_file = options.assets_dir / "display" / "running-text.toml";
        }
    } catch (const CLI::ParseError& error) {
        return app.exit(error);
    }
    return options;
}

}  // namespace antrean::display
