#pragma once

// Running the real antrean-display under Xvfb in tests: the X server, child processes, screen
// grabs and pixel counts. Xlib stays inside xvfb_support.cpp.

#include <sys/types.h>

#include <SFML/Graphics/Color.hpp>
#include <SFML/Graphics/Image.hpp>
#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "layout/screen_layout.hpp"

namespace antrean::display::testing {

// True when the Xvfb program is in PATH (Debian package xvfb).
bool xvfb_installed();

// Returns a TCP port on 127.0.0.1 that nothing listened on a moment ago.
int free_tcp_port();

// A folder under the system temp folder, removed with its contents at destruction.
class TempFolder {
public:
    TempFolder();
    ~TempFolder();
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

// A child process whose standard output and error go to one file.
class ChildProcess {
public:
    // `environment` entries replace or add to this process's environment.
    ChildProcess(const std::vector<std::string>& arguments,
                 const std::map<std::string, std::string>& environment,
                 const std::filesystem::path& output_file);
    // Stops the child: SIGTERM, then SIGKILL after 5 s.
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    // Waits for the exit and returns the exit status, or -1 after `timeout`.
    int wait_for_exit(std::chrono::milliseconds timeout);
    bool running();
    void stop();
    std::string output() const;
    pid_t pid() const { return pid_; }

private:
    pid_t pid_ = -1;
    int exit_status_ = -1;
    std::filesystem::path output_file_;
};

// An Xvfb server on a display number that no other X server uses, stopped at destruction.
class XvfbServer {
public:
    XvfbServer(unsigned width, unsigned height, const std::filesystem::path& log_file);
    ~XvfbServer();

    const std::string& display_name() const { return display_name_; }  // ":93"
    pid_t pid() const { return process_->pid(); }
    // Returns what the screen shows now.
    sf::Image grab_screen() const;

private:
    std::string display_name_;
    std::unique_ptr<ChildProcess> process_;
};

// Counts the pixels inside `box` whose colour lies within `tolerance` of `color` in each of
// red, green and blue.
size_t count_pixels(const sf::Image& image, const layout::Rect& box, const sf::Color& color,
                    int tolerance = 40);

// Polls `condition` every 100 ms until it is true or `timeout` passes, and returns the last
// result.
bool wait_until(const std::function<bool()>& condition, std::chrono::milliseconds timeout);

}  // namespace antrean::display::testing
