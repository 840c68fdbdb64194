// antrean-display: the wall display of the Antrean queue system.

#include <malloc.h>
#include <signal.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <cstdlib>
#include <iostream>

#include "app/display_app.hpp"
#include "app/options.hpp"

namespace {

antrean::display::DisplayApp* running_app = nullptr;

void stop_on_signal(int) {
    if (running_app != nullptr) {
        running_app->request_stop();
    }
}

}  // namespace

int main(int argc, char** argv) {
    using namespace antrean::display;

    // The display runs for months, so it keeps its memory compact (about 10 MB less under
    // Xvfb, measured with glibc 2.36). Two heaps are enough for its few threads, and buffers
    // from 256 KiB up (sounds, textures being built) are mapped alone and returned when freed,
    // instead of glibc raising that limit after the first such free and keeping them.
    mallopt(M_ARENA_MAX, 2);
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);

    auto parsed = parse_options(argc, argv);
    if (const int* exit_code = std::get_if<int>(&parsed)) {
        return *exit_code;
    }
    const DisplayOptions options = std::get<DisplayOptions>(std::move(parsed));
    // SFML aborts the process when it cannot open the X display, so the reason is given first.
    if (const char* display = std::getenv("DISPLAY"); display == nullptr || *display == '\0') {
        std::cerr << "antrean-display: no screen, because $DISPLAY is not set. Start it in a desktop session, "
                     "or on a virtual screen with: xvfb-run -a antrean-display ...\n";
        return 2;
    }
    spdlog::set_level(spdlog::level::from_str(options.log_level));

    std::unique_ptr<DisplayResources> resources = load_resources(options);
    if (!resources) {
        return 1;
    }
    if (options.screenshot_path) {
        return run_screenshot(options, *resources);
    }

    DisplayApp app(options, *resources);
    running_app = &app;
    struct sigaction action {};
    action.sa_handler = stop_on_signal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    const int exit_code = app.run();
    running_app = nullptr;
    return exit_code;
}
