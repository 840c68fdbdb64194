#pragma once

// Helpers for tests that run the real kiosk: a private Xvfb display, child processes, and
// a driver that reads the kiosk's --layout-dump file and taps buttons with xdotool.

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace antrean::testing {

// Returns the full path of `program` on PATH, or nothing.
std::optional<std::filesystem::path> find_program(const std::string& program);

// A child process whose standard output and error go to `log_file`. Killed when the
// object goes out of scope.
class ChildProcess {
  public:
    ChildProcess() = default;
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    // Starts `argv` with `extra_environment` added to this process's environment.
    void start(const std::vector<std::string>& argv, const std::map<std::string, std::string>& extra_environment,
               const std::filesystem::path& log_file);
    // Starts `argv` with this process's environment and hands it `passed_fd` as
    // descriptor 3.
    void start_with_fd(const std::vector<std::string>& argv, const std::filesystem::path& log_file, int passed_fd);
    // Whether the process is still running (and reaps it when it has exited).
    bool running();
    // SIGTERM, then SIGKILL after `grace`; waits for the exit.
    void stop(std::chrono::milliseconds grace = std::chrono::milliseconds(2000));
    pid_t pid() const { return pid_; }
    // Forgets the process without stopping it.
    void release() { pid_ = -1; }

  private:
    pid_t pid_ = -1;
};

// Runs a command to completion and returns its exit status (-1 when it could not start).
int run_command(const std::vector<std::string>& argv, const std::map<std::string, std::string>& extra_environment);

// A private X server for one test: `Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp`.
// Xvfb chooses a free display number itself, so tests that run in parallel never share one.
class XvfbDisplay {
  public:
    ~XvfbDisplay();
    // Starts Xvfb, logging to a new file in `log_folder`, and waits until xdotool can talk
    // to it. Throws when it does not start within 10 s. With `outlive_clients`, the server
    // is never killed from here: it ends by itself 3 s after its last client disconnects. A test that opens
    // SFML windows in its own process needs that, because SFML keeps its X connection
    // until the process exits and Xlib ends the process when the server goes first.
    void start(const std::filesystem::path& log_folder, bool outlive_clients = false);
    void stop();
    const std::string& name() const { return name_; }  // ":91"

  private:
    ChildProcess process_;
    std::string name_;
    bool outlive_clients_ = false;
};

// A rectangle of the layout dump, in screen pixels (the window's position included).
struct ScreenRect {
    double x = 0;
    double y = 0;
    double w = 0;
    double h = 0;
};

// Reads the kiosk's layout dump and taps its buttons through xdotool.
class KioskDriver {
  public:
    KioskDriver(std::filesystem::path layout_file, std::string display);

    // The latest complete frame, or null before the first one.
    nlohmann::json frame() const;
    // Waits until a frame of `screen` shows an item `id` (enabled when `enabled`); returns
    // false after `timeout`.
    bool wait_for(const std::string& screen, const std::string& id,
                  std::chrono::milliseconds timeout = std::chrono::seconds(15), bool enabled = true) const;
    // Waits until no frame item is `id`.
    bool wait_until_gone(const std::string& id, std::chrono::milliseconds timeout = std::chrono::seconds(15)) const;
    std::optional<ScreenRect> find(const std::string& id) const;
    // Moves the pointer to the middle of item `id` and clicks once (press and release at
    // once, as a fast finger does). Fails the test when the item is missing.
    void tap(const std::string& id) const;

  private:
    std::filesystem::path layout_file_;
    std::string display_;
};

}  // namespace antrean::testing
