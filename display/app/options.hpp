#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "domain/types.hpp"
#include "render/fonts.hpp"
#include "render/frame_presenter.hpp"

namespace antrean::display {

struct DisplayOptions {
    std::string server_url = "http://127.0.0.1:8080";
    bool fullscreen = false;
    bool mute = false;
    // Set for --screenshot: render the current board into this PNG file and exit.
    std::optional<std::string> screenshot_path;
    std::vector<AreaId> areas;  // empty: every area
    unsigned width = 1920;
    unsigned height = 1080;
    Language language = Language::Indonesian;
    std::vector<Language> voice_languages{Language::Indonesian};
    int words_per_minute = 150;
    std::filesystem::path assets_dir;
    std::filesystem::path font_dir;
    std::filesystem::path running_text_file;
    render::RedrawMode redraw = render::RedrawMode::Auto;
    // Set for --poll-seconds: GET /board at this interval instead of the event stream.
    std::optional<std::chrono::milliseconds> poll_interval;
    std::string log_level = "info";
};

// Parses the command line. Returns the options, or the exit code when the program should
// stop at once: 0 after --help, non-zero after an invalid option (CLI11 has printed why).
std::variant<DisplayOptions, int> parse_options(int argc, const char* const* argv);

}  // namespace antrean::display
