#pragma once

// The parts every step screen shares: the header with the step's title and the language
// switch, the step indicator, and the footer with "Batal", "Kembali" and the main action.

#include <string>

#include "ui/layout_recorder.hpp"
#include "visitor/screen_context.hpp"

namespace antrean::kiosk {

// Design-pixel bands of a step screen.
inline constexpr float kMargin = 48;
inline constexpr float kHeaderHeight = 110;
inline constexpr float kContentTop = 222;     // below the step indicator
inline constexpr float kContentBottom = 932;  // above the footer
inline constexpr float kFooterTop = 952;
inline constexpr float kFooterButtonHeight = 104;

// Draws the header band with `title` and the language switch; the switch changes the
// flow's language.
void draw_header(ScreenContext& screen, const std::string& title);

// Draws "Langkah n dari m" as numbered circles with the step names.
void draw_step_indicator(ScreenContext& screen);

struct FooterOptions {
    std::string primary_label;  // no main action when empty
    bool primary_enabled = true;
    const char* primary_id = "footer.next";
};

// Draws "Batal" and "Kembali" (when the flow allows them) and the main action; applies
// Batal and Kembali to the flow and returns whether the main action was tapped.
bool draw_footer(ScreenContext& screen, const FooterOptions& options);

// The content area between the step indicator and the footer.
inline ui::Rect content_area() {
    return ui::Rect{kMargin, kContentTop, ui::kDesignWidth - 2 * kMargin, kContentBottom - kContentTop};
}

}  // namespace antrean::kiosk
