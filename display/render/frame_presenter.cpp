#include "render/frame_presenter.hpp"

#include <SFML/OpenGL.hpp>
#include <cmath>
#include <cstring>

// Xlib last: its macros (None, Status, Bool) would break the SFML headers above.
#include <GL/glx.h>

namespace antrean::display::render {
namespace {

using CopySubBuffer = void (*)(Display*, GLXDrawable, int, int, int, int);

std::string gl_string(GLenum name) {
    const auto* text = reinterpret_cast<const char*>(glGetString(name));
    return text != nullptr ? text : "unknown";
}

bool has_extension(const char* list, const char* name) {
    if (list == nullptr) {
        return false;
    }
    const size_t length = std::strlen(name);
    for (const char* found = std::strstr(list, name); found != nullptr;
         found = std::strstr(found + 1, name)) {
        const bool starts = found == list || found[-1] == ' ';
        const bool ends = found[length] == '\0' || found[length] == ' ';
        if (starts && ends) {
            return true;
        }
    }
    return false;
}

}  // namespace

FramePresenter::FramePresenter(sf::RenderWindow& window, RedrawMode mode) : window_(window) {
    window_.setActive(true);
    const std::string renderer = gl_string(GL_RENDERER);

    Display* display = glXGetCurrentDisplay();
    const GLXDrawable drawable = glXGetCurrentDrawable();
    const char* extensions =
        display != nullptr ? glXQueryExtensionsString(display, DefaultScreen(display)) : nullptr;
    void* copy = has_extension(extensions, "GLX_MESA_copy_sub_buffer")
                     ? reinterpret_cast<void*>(glXGetProcAddressARB(
                           reinterpret_cast<const GLubyte*>("glXCopySubBufferMESA")))
                     : nullptr;

    const bool available = copy != nullptr && drawable != 0;
    if (mode == RedrawMode::Partial && !available) {
        error_ = "partial redraw needs GLX_MESA_copy_sub_buffer, which the OpenGL driver (" +
                 renderer + ") does not offer; use --redraw full or auto";
    }
    partial_ = available && mode != RedrawMode::Full;
    x_display_ = display;
    drawable_ = drawable;
    copy_sub_buffer_ = partial_ ? copy : nullptr;
    description_ = renderer + (partial_ ? ", partial redraw (GLX_MESA_copy_sub_buffer)"
                                        : ", full redraw with buffer swap");
}

void FramePresenter::present(const std::vector<layout::Rect>& changed) {
    if (!partial_) {
        window_.display();
        return;
    }

    glFlush();
    const auto copy = reinterpret_cast<CopySubBuffer>(copy_sub_buffer_);
    auto* display = static_cast<Display*>(x_display_);
    const auto height = static_cast<int>(window_.getSize().y);
    const auto width = static_cast<int>(window_.getSize().x);
    if (changed.empty()) {
        copy(display, drawable_, 0, 0, width, height);
        return;
    }
    for (const layout::Rect& rect : changed) {
        // GLX counts rows from the bottom of the window; whole pixels cover partial ones.
        const int left = std::max(0, static_cast<int>(std::floor(rect.x)));
        const int top = std::max(0, static_cast<int>(std::floor(rect.y)));
        const int right = std::min(width, static_cast<int>(std::ceil(rect.right())));
        const int bottom = std::min(height, static_cast<int>(std::ceil(rect.bottom())));
        if (right > left && bottom > top) {
            copy(display, drawable_, left, height - bottom, right - left, bottom - top);
        }
    }
}

void FramePresenter::wait_until_shown() {
    glFinish();
    if (x_display_ != nullptr) {
        XSync(static_cast<Display*>(x_display_), False);
    }
}

bool save_opaque_png(sf::Image image, const std::string& path) {
    const sf::Vector2u size = image.getSize();
    for (unsigned y = 0; y < size.y; ++y) {
        for (unsigned x = 0; x < size.x; ++x) {
            sf::Color pixel = image.getPixel(x, y);
            if (pixel.a != 255) {
                pixel.a = 255;
                image.setPixel(x, y, pixel);
            }
        }
    }
    return image.saveToFile(path);
}

}  // namespace antrean::display::render
