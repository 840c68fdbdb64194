#pragma once

// Touch widgets drawn at fixed design rectangles: buttons, choice cards, text fields,
// wrapped text, panels, icons and QR codes. Each records its rectangle in the layout
// recorder under its id. Buttons react on release, as ImGui's do, and only when the
// context is interactive.

#include <imgui.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ui/ui_context.hpp"

namespace antrean::ui {

enum class ButtonKind {
    Primary,    // filled blue: the step's main action
    Secondary,  // white with a blue border: "Kembali" and other choices
    Danger,     // white with a red border: "Batal"
    Key,        // a key of the on-screen keyboard
    KeySpecial,  // Shift, Hapus, Spasi
    Toggle,     // a mode tab; `selected` fills it
    HeaderToggle,  // the language switch on the dark header; `selected` is white
};

enum class TextAlign { Left, Center };

struct ButtonOptions {
    ButtonKind kind = ButtonKind::Secondary;
    bool enabled = true;
    bool selected = false;
    ImFont* font = nullptr;  // the theme's label font when null
};

// Draws a button with a centered label that is wrapped and, when needed, set in a smaller
// font so it fits. Returns true on the frame the button is tapped.
bool button(UiContext& ui, const char* id, std::string_view label, const Rect& rect,
            const ButtonOptions& options = {});

// A large choice: a bold title and a description, left-aligned, with a check mark when
// selected. Returns true when tapped.
bool choice_card(UiContext& ui, const char* id, std::string_view title, std::string_view description,
                 const Rect& rect, bool selected);

// Draws wrapped text inside `box` and records it as a text item of `parent`. Returns the
// height used in design pixels. That height may exceed the box, so callers size boxes
// from measure_text(), and the screenshot tests check the result.
float text_block(UiContext& ui, std::string_view text, const Rect& box, ImFont* font, ImU32 color,
                 TextAlign align = TextAlign::Left, const std::string& parent = "");

// The height in design pixels that text_block would use.
float measure_text(const UiContext& ui, std::string_view text, float width, ImFont* font);

// A filled rounded rectangle with an optional border, recorded when `id` is not empty.
void panel(UiContext& ui, const char* id, const Rect& rect, ImU32 fill, ImU32 border = 0,
           float border_thickness = 0, ItemKind kind = ItemKind::Panel);

struct FieldOptions {
    bool active = false;
    bool multiline = false;
    std::optional<std::string> error;
    std::string placeholder;
    ImFont* font = nullptr;  // the body font when null
};

// A text field: its label above the box, the value inside (the end stays visible when it
// is too long), a caret when active, and its error message below in red. The label and
// error are laid out from `rect.y`; returns true when the box is tapped. `height_used`
// receives the total height drawn.
bool text_field(UiContext& ui, const char* id, std::string_view label, const std::string& value,
                const Rect& box, const FieldOptions& options, float* height_used = nullptr);

// Icons drawn with lines, because NotoSans has no arrows or check marks.
void draw_check_mark(UiContext& ui, ImVec2 center_design, float size, ImU32 color, float thickness);
void draw_arrow_left(UiContext& ui, ImVec2 center_design, float size, ImU32 color, float thickness);
void draw_shift_arrow(UiContext& ui, ImVec2 center_design, float size, ImU32 color, bool filled);

// Splits text into the lines that word wrapping at `width` window pixels gives.
std::vector<std::string_view> wrap_lines(ImFont* font, std::string_view text, float width);

}  // namespace antrean::ui
