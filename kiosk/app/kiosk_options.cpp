#include "app/kiosk_options.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>

#include "app/console_app.hpp"
#include "ui/theme.hpp"
#include "visitor/sample_screens.hpp"

namespace antrean::kiosk {

ParsedOptions parse_kiosk_options(int argc, char** argv, const std::filesystem::path& default_assets) {
    KioskOptions options;
    options.assets = default_assets;
    options.fonts = ui::kDefaultFontDirectory;

    CLI::App app{"Antrean kiosk: the touchscreen check-in for visitors (--role visitor), the officer console "
                 "(--role officer) and the reception console (--role reception)"};
    std::string language = "id";
    std::string size = "1920x1080";
    std::string printer;
    std::string screenshot;
    std::string screenshot_all;
    std::string layout_dump;
    std::string assets = options.assets.string();
    std::string fonts = options.fonts.string();
    std::string desk;

    app.add_option("--role", options.role, "which program to run: visitor, officer or reception")
        ->check(CLI::IsMember({"visitor", "officer", "reception"}))
        ->capture_default_str();
    app.add_option("--server", options.server_url, "base URL of the queue server")->capture_default_str();
    app.add_flag("--fullscreen", options.fullscreen, "fill the screen and hide the mouse pointer");
    app.add_option("--size", size, "window size in pixels as WIDTHxHEIGHT, without --fullscreen")
        ->capture_default_str();
    app.add_option("--language", language, "language of the welcome screen: id or en")
        ->check(CLI::IsMember({"id", "en"}))
        ->capture_default_str();
    app.add_option("--printer", printer,
                   "ESC/POS receipt printer device (e.g. /dev/usb/lp0) or a file that tickets are appended to");
    app.add_option("--screenshot", screenshot, "render --screen once with sample content to this PNG file and exit");
    // Each role has its own screens; the name is checked against the role after parsing.
    app.add_option("--screen", options.screen, "the screen for --screenshot, one of the role's screens")
        ->capture_default_str();
    app.add_option("--screenshot-all", screenshot_all,
                   "render every screen in Indonesian and English to PNG files (and layout JSON) in this folder, "
                   "then exit");
    app.add_option("--layout-dump", layout_dump,
                   "after each frame, write the window rectangles of buttons and fields to this JSON file (for tests)");
    app.add_option("--assets", assets, "folder with i18n/ and config/")->capture_default_str();
    app.add_option("--fonts", fonts, "folder with NotoSans-Regular.ttf and NotoSans-Bold.ttf")->capture_default_str();
    app.add_option("--desk", desk, "officer console: the desk id chosen on the login screen (from the server's "
                                   "configuration, e.g. 1)");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        return {std::nullopt, app.exit(error)};
    }

    const std::vector<std::string>& screens =
        options.role == "visitor" ? sample_screen_names() : console_screen_names(options.role);
    if (options.role != "visitor" && options.screen == "welcome") {
        options.screen = screens.front();
    }
    if (std::find(screens.begin(), screens.end(), options.screen) == screens.end()) {
        std::string known;
        for (const std::string& name : screens) {
            known += (known.empty() ? "" : ", ") + name;
        }
        std::cerr << "antrean-kiosk: --screen '" << options.screen << "' is not a screen of --role " << options.role
                  << "; choose one of: " << known << '\n';
        return {std::nullopt, 2};
    }
    if (!desk.empty()) {
        options.desk = desk;
    }
    unsigned int width = 0;
    unsigned int height = 0;
    char separator = 0;
    std::istringstream size_stream(size);
    if (!(size_stream >> width >> separator >> height) || separator != 'x' || width < 640 || height < 360) {
        std::cerr << "antrean-kiosk: invalid --size '" << size << "'; expected WIDTHxHEIGHT, at least 640x360\n";
        return {std::nullopt, 2};
    }
    options.width = width;
    options.height = height;
    options.language = language == "en" ? Language::English : Language::Indonesian;
    if (!printer.empty()) {
        options.printer = printer;
    }
    if (!screenshot.empty()) {
        options.screenshot = screenshot;
    }
    if (!screenshot_all.empty()) {
        options.screenshot_all = screenshot_all;
    }
    if (!layout_dump.empty()) {
        options.layout_dump = layout_dump;
    }
    options.assets = assets;
    options.fonts = fonts;
    return {options, 0};
}

}  // namespace antrean::kiosk
