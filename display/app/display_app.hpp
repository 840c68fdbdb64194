#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "app/options.hpp"
#include "i18n/catalog.hpp"
#include "model/running_text.hpp"
#include "render/fonts.hpp"

// The wall display program: a window that follows the server, and the --screenshot mode.
namespace antrean::display {

// One frame that reached the screen, for the call-to-pixels benchmark.
struct FrameReport {
    std::chrono::steady_clock::time_point shown_at;
    std::string featured_code;               // the code in the large call panel, or empty
    std::vector<std::string> visible_codes;  // every code on screen: panel, desks, recent calls
};

// Everything the display loads before it opens a window.
struct DisplayResources {
    Catalog catalog;
    render::FontSet fonts;
    RunningTextConfig running_text;
};

// Loads the catalogue from ASSETS/i18n, the fonts and the running-text file. On failure,
// logs the reason with the path involved and returns nullptr.
std::unique_ptr<DisplayResources> load_resources(const DisplayOptions& options);

class DisplayApp {
public:
    DisplayApp(DisplayOptions options, DisplayResources& resources);

    // Opens the window and follows the server until the window is closed or request_stop()
    // is called. Returns the process exit code.
    int run();

    // Safe from any thread and from a signal handler.
    void request_stop() { stop_requested_ = true; }

    // Called on the main thread after each frame has reached the X server. Setting it makes
    // every frame wait for the X server, so only the benchmark sets it.
    void set_frame_observer(std::function<void(const FrameReport&)> observer) {
        frame_observer_ = std::move(observer);
    }

private:
    DisplayOptions options_;
    DisplayResources& resources_;
    std::atomic<bool> stop_requested_{false};
    std::function<void(const FrameReport&)> frame_observer_;
};

// Fetches the configuration and the board once, renders them at the options' size into
// options.screenshot_path and returns the exit code: 0 when saved, 2 when the server cannot
// be reached or responds with an error, 1 when rendering or writing fails.
int run_screenshot(const DisplayOptions& options, DisplayResources& resources);

}  // namespace antrean::display
