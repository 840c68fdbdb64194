#pragma once

// What each visitor screen's draw function receives, and the requests it can hand back to
// VisitorKiosk (screens issue no network or printer calls themselves).

#include <optional>

#include "ui/ui_context.hpp"
#include "visitor/server_data.hpp"
#include "visitor/visitor_flow.hpp"

namespace antrean::kiosk {

enum class Intent { None, SubmitCheckIn, SubmitBooking };

struct ScreenContext {
    ui::UiContext& ui;
    VisitorFlow& flow;
    const KioskConfig* config = nullptr;  // null until the server's configuration arrives
    MonotonicMs now = 0;
    std::optional<LocalDateTime> clock;  // the office's local time, for the welcome screen
    Intent intent = Intent::None;
};

}  // namespace antrean::kiosk
