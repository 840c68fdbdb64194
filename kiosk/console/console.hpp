#pragma once

// What the program's window loop needs from a staff console, so one loop runs both the
// officer and the reception console.

#include <optional>

#include "console/console_ui.hpp"
#include "console/staff_session.hpp"

namespace antrean::console {

class Console {
  public:
    virtual ~Console() = default;
    // Runs finished requests' callbacks and applies the event stream. Returns true when a
    // frame should be drawn.
    virtual bool update(MonotonicMs now) = 0;
    // Draws the whole window and carries out what the staff member asked for. Returns the
    // name of the screen drawn, for the layout dump.
    virtual const char* draw(ConsoleUi& ui) = 0;
    // The next time update() may change something by itself (a minute passes, a retry).
    virtual std::optional<MonotonicMs> next_deadline() const = 0;
    // Whether something moves on screen (a progress spinner), so frames are needed.
    virtual bool animating() const = 0;
    virtual Language language() const = 0;
    virtual void set_language(Language language) = 0;
};

}  // namespace antrean::console
