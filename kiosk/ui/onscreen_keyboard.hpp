#pragma once

// Draws the on-screen keyboard and types into a field.

#include "ui/keyboard_layout.hpp"
#include "ui/ui_context.hpp"

namespace antrean::ui {

// Draws `layout` centered in `area` (design pixels) with keys of at least kMinTargetSize,
// and applies tapped keys to `target`. Returns true when the text changed.
bool draw_onscreen_keyboard(UiContext& ui, KeyboardLayout layout, const Rect& area, KeyboardTarget& target);

// Applies characters typed on a physical keyboard (ImGui's input queue) and Backspace to
// `target`, keeping only characters that `layout` has a key for. Returns true when the
// text changed. The kiosk needs no physical keyboard; this serves one that is attached.
bool apply_physical_keys(KeyboardLayout layout, KeyboardTarget& target);

}  // namespace antrean::ui
