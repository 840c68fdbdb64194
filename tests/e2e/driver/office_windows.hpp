#pragma once

// The windows of a whole office, each program on its own private Xvfb screen against one
// running antrean-server: the visitor kiosk, staff consoles and the wall display. Used by
// the end-to-end tests and by antrean-office-demo, which scripts/run starts on a machine
// without a screen.

#include <SFML/Graphics/Image.hpp>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "console/console_driver.hpp"
#include "kiosk/x_session.hpp"

namespace antrean::testing {

// Whether Xvfb, xdotool and ImageMagick's import are on PATH; logs the missing one.
bool office_tools_available();

// One program on its own Xvfb screen of 1920x1080. The kiosk and console commands below
// pass --layout-dump layout_file(), which the drivers read to find the buttons.
class ScreenProgram {
  public:
    ScreenProgram(std::string name, std::filesystem::path folder);
    ~ScreenProgram();
    ScreenProgram(const ScreenProgram&) = delete;
    ScreenProgram& operator=(const ScreenProgram&) = delete;

    // Starts Xvfb, then `argv` on it with `extra_environment` added. Output goes to
    // FOLDER/NAME.log.
    void start(std::vector<std::string> argv,
               const std::map<std::string, std::string>& extra_environment = {});
    // Starts the program again on the same screen, for example after it exited.
    void restart();
    // SIGTERM, then SIGKILL after 2 s; Xvfb is stopped too.
    void stop();
    bool running() { return process_.running(); }

    const std::string& name() const { return name_; }
    const std::string& display() const { return xvfb_.name(); }
    std::filesystem::path layout_file() const { return folder_ / (name_ + "-layout.json"); }
    std::filesystem::path log_file() const { return folder_ / (name_ + ".log"); }
    std::string log_text() const;
    pid_t pid() const { return process_.pid(); }

    // Saves the whole screen as a PNG with ImageMagick's import. Fails the test when that fails.
    void save_screenshot(const std::filesystem::path& png) const;
    // Returns the whole screen as an image (through a PNG in the folder).
    sf::Image grab() const;

    KioskDriver kiosk_driver() const { return KioskDriver(layout_file(), display()); }
    ConsoleDriver console_driver() const { return ConsoleDriver(layout_file(), display()); }

  private:
    std::string name_;
    std::filesystem::path folder_;
    std::vector<std::string> argv_;
    std::map<std::string, std::string> environment_;
    XvfbDisplay xvfb_;
    ChildProcess process_;
};

// Paths of the programs under test, from the build tree.
struct OfficePrograms {
    std::filesystem::path kiosk;
    std::filesystem::path display;
};

// The command lines of the office's windows against the server at `server_url`.
std::vector<std::string> visitor_kiosk_command(const OfficePrograms& programs,
                                               const std::string& server_url,
                                               const std::filesystem::path& layout_file,
                                               const std::filesystem::path& printer_file);
std::vector<std::string> console_command(const OfficePrograms& programs,
                                         const std::string& server_url, const std::string& role,
                                         const std::string& desk,
                                         const std::filesystem::path& layout_file,
                                         const std::filesystem::path& printer_file);
std::vector<std::string> wall_display_command(const OfficePrograms& programs,
                                              const std::string& server_url);

// The environment for the wall display: OpenAL's silent device, so the sound path runs as
// it would with a sound card, and the spoken text still reaches the log.
std::map<std::string, std::string> wall_display_environment();

}  // namespace antrean::testing
