#pragma once

// The command line of antrean-kiosk.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "domain/types.hpp"

namespace antrean::kiosk {

struct KioskOptions {
    std::string role = "visitor";
    std::string server_url = "http://127.0.0.1:8080";
    bool fullscreen = false;
    unsigned int width = 1920;
    unsigned int height = 1080;
    Language language = Language::Indonesian;
    std::optional<std::filesystem::path> printer;
    std::optional<std::filesystem::path> screenshot;  // with `screen`
    std::string screen = "welcome";
    std::optional<std::filesystem::path> screenshot_all;  // a folder
    std::optional<std::filesystem::path> layout_dump;
    std::optional<DeskId> desk;  // the officer console's preselected desk
    std::filesystem::path assets;
    std::filesystem::path fonts;
};

// Parses argv. On --help or an invalid command line, prints to stdout or stderr and
// returns the exit code to stop with; otherwise returns the options.
struct ParsedOptions {
    std::optional<KioskOptions> options;
    int exit_code = 0;
};
ParsedOptions parse_kiosk_options(int argc, char** argv, const std::filesystem::path& default_assets);

}  // namespace antrean::kiosk
