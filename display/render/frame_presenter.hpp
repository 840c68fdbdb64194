#pragma once

#include <SFML/Graphics/RenderWindow.hpp>
#include <string>
#include <vector>

#include "layout/screen_layout.hpp"

// Puts drawn frames on the screen.
//
// Most frames change only a small part of the screen: the running text, the clock, one
// panel after a call. Under software OpenGL (Mesa llvmpipe, as under Xvfb) a full-window
// swap costs the X server a copy of every pixel, and redrawing every panel costs far more.
// Where GLX_MESA_copy_sub_buffer exists (Mesa's GLX offers it, llvmpipe included), the
// display draws only the changed panels into the back buffer and copies just those
// rectangles to the window. The back buffer is never swapped, so it always contains the
// whole last frame. Elsewhere every frame is drawn in full and swapped with display().
namespace antrean::display::render {

enum class RedrawMode {
    Auto,     // partial updates when the driver offers them
    Full,     // draw everything and swap, every frame
    Partial,  // partial updates; fails at start when the driver lacks them
    kCount,
};

class FramePresenter {
public:
    // Looks at the window's OpenGL context, which must be active on this thread.
    FramePresenter(sf::RenderWindow& window, RedrawMode mode);

    // True when the caller may redraw only the changed rectangles.
    bool partial_updates() const { return partial_; }
    // The OpenGL renderer and the chosen method, for the start-up log.
    const std::string& description() const { return description_; }
    // Set when RedrawMode::Partial was asked for and is not available.
    const std::string& error() const { return error_; }

    // Shows the frame. With partial updates only `changed` is copied to the window (every
    // rectangle when `changed` is empty); otherwise the whole frame is swapped.
    void present(const std::vector<layout::Rect>& changed);

    // Waits until the X server has shown the last frame, for measuring latency.
    void wait_until_shown();

private:
    sf::RenderWindow& window_;
    bool partial_ = false;
    std::string description_;
    std::string error_;
    // Xlib's Display* and the GLX drawable, kept as plain values so X11's headers, whose
    // macros clash with common names, stay inside the .cpp file.
    void* x_display_ = nullptr;
    unsigned long drawable_ = 0;
    void* copy_sub_buffer_ = nullptr;
};

// Saves `image` as a PNG with every pixel fully opaque. Returns false when writing fails.
bool save_opaque_png(sf::Image image, const std::string& path);

}  // namespace antrean::display::render
