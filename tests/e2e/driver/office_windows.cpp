#include "e2e/driver/office_windows.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

namespace antrean::testing {

bool office_tools_available() {
    for (const char* tool : {"Xvfb", "xdotool", "import"}) {
        if (!find_program(tool)) {
            MESSAGE("SKIPPED: "
                    << tool
                    << " is not installed (Debian packages xvfb, xdotool and imagemagick), so the "
                       "office's windows cannot run on a virtual screen");
            return false;
        }
    }
    return true;
}

ScreenProgram::ScreenProgram(std::string name, std::filesystem::path folder)
    : name_(std::move(name)), folder_(std::move(folder)) {}

ScreenProgram::~ScreenProgram() {
    stop();
}

void ScreenProgram::start(std::vector<std::string> argv,
                          const std::map<std::string, std::string>& extra_environment) {
    argv_ = std::move(argv);
    environment_ = extra_environment;
    xvfb_.start(folder_);
    restart();
}

void ScreenProgram::restart() {
    process_.stop();
    environment_["DISPLAY"] = xvfb_.name();
    process_.start(argv_, environment_, log_file());
}

void ScreenProgram::stop() {
    process_.stop();
    xvfb_.stop();
}

std::string ScreenProgram::log_text() const {
    std::ifstream file(log_file());
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

void ScreenProgram::save_screenshot(const std::filesystem::path& png) const {
    const auto import = find_program("import");
    REQUIRE_MESSAGE(import.has_value(),
                    "ImageMagick's import is not installed (Debian package imagemagick)");
    const int status =
        run_command({import->string(), "-window", "root", png.string()}, {{"DISPLAY", display()}});
    REQUIRE_MESSAGE(status == 0,
                    "import could not save screen " << display() << " as " << png.string());
}

sf::Image ScreenProgram::grab() const {
    const std::filesystem::path png = folder_ / (name_ + "-grab.png");
    save_screenshot(png);
    sf::Image image;
    REQUIRE_MESSAGE(image.loadFromFile(png.string()), "cannot read " << png.string());
    return image;
}

std::vector<std::string> visitor_kiosk_command(const OfficePrograms& programs,
                                               const std::string& server_url,
                                               const std::filesystem::path& layout_file,
                                               const std::filesystem::path& printer_file) {
    return {programs.kiosk.string(),
            "--role",
            "visitor",
            "--server",
            server_url,
            "--layout-dump",
            layout_file.string(),
            "--printer",
            printer_file.string()};
}

std::vector<std::string> console_command(const OfficePrograms& programs,
                                         const std::string& server_url, const std::string& role,
                                         const std::string& desk,
                                         const std::filesystem::path& layout_file,
                                         const std::filesystem::path& printer_file) {
    std::vector<std::string> argv{
        programs.kiosk.string(), "--role", role, "--server", server_url, "--layout-dump",
        layout_file.string()};
    if (!desk.empty()) {
        argv.insert(argv.end(), {"--desk", desk});
    }
    if (!printer_file.empty()) {
        argv.insert(argv.end(), {"--printer", printer_file.string()});
    }
    return argv;
}

std::vector<std::string> wall_display_command(const OfficePrograms& programs,
                                              const std::string& server_url) {
    return {programs.display.string(), "--server", server_url, "--fullscreen"};
}

std::map<std::string, std::string> wall_display_environment() {
    return {{"ALSOFT_DRIVERS", "null"}};
}

}  // namespace antrean::testing
