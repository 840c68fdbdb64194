#pragma once

// A private X server for one test: Xvfb chooses a free display number itself
// (-displayfd), so tests that run in parallel never share a display.

#include <sys/types.h>

#include <filesystem>
#include <string>

namespace antrean::testing {

class PrivateXvfb {
  public:
    PrivateXvfb() = default;
    ~PrivateXvfb();
    PrivateXvfb(const PrivateXvfb&) = delete;
    PrivateXvfb& operator=(const PrivateXvfb&) = delete;

    // Starts `Xvfb -displayfd N -screen 0 1920x1080x24 -nolisten tcp`, logging to a file in
    // `log_folder`, and waits until xdotool can talk to it. Throws when it does not start
    // within 10 s.
    void start(const std::filesystem::path& log_folder);
    // SIGTERM, then SIGKILL after 2 s; waits for the exit.
    void stop();
    const std::string& name() const { return name_; }  // ":91"

  private:
    pid_t pid_ = -1;
    std::string name_;
};

}  // namespace antrean::testing
