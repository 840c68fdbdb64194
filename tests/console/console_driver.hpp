#pragma once

// Drives a running staff console under Xvfb: reads its --layout-dump file, clicks its
// buttons and fields, and types and presses keys with xdotool.

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "kiosk/x_session.hpp"

namespace antrean::testing {

class ConsoleDriver {
  public:
    ConsoleDriver(std::filesystem::path layout_file, std::string display);

    // Waits until the latest frame has an item `id` (and, with `enabled`, an enabled one),
    // on any screen. Returns false after `timeout`.
    bool wait_for(const std::string& id, bool enabled = true,
                  std::chrono::milliseconds timeout = std::chrono::seconds(15)) const;
    // Waits until the latest frame has item `id` greyed out.
    bool wait_for_disabled(const std::string& id, std::chrono::milliseconds timeout = std::chrono::seconds(15)) const;
    // Waits until the latest frame shows screen `screen`.
    bool wait_for_screen(const std::string& screen, std::chrono::milliseconds timeout = std::chrono::seconds(15)) const;
    // Waits until no item `id` is in the latest frame.
    bool wait_until_gone(const std::string& id, std::chrono::milliseconds timeout = std::chrono::seconds(15)) const;
    // Whether the latest frame has an enabled item `id`.
    std::optional<bool> enabled(const std::string& id) const;

    // Clicks the middle of item `id` once the console has stopped drawing new frames, so a
    // dialog that sizes itself in its first frames is where the click lands.
    void click(const std::string& id) const;
    // Saves a picture of the screen and the layout dump as
    // $TMPDIR/antrean-console-failures/LABEL.{png,json}, for a look after a failed wait.
    // Needs ImageMagick's `import`; without it only the layout is saved.
    void save_evidence(const std::string& label) const;

    // Types text into the focused field, as a keyboard would.
    void type(const std::string& text) const;
    // Presses a key or a combination in xdotool's names: "F1", "Return", "ctrl+1".
    void key(const std::string& keys) const;

  private:
    // Waits until the frame number of the layout dump stays the same for 250 ms (at most 3 s).
    void wait_until_settled() const;

    KioskDriver driver_;
    std::string display_;
    std::filesystem::path layout_file_;
};

}  // namespace antrean::testing
