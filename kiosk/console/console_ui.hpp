#pragma once

// The desktop look of the staff consoles on Dear ImGui 1.86. Text is NotoSans at reading
// size for a keyboard and mouse at a desk, not the kiosk's touch sizes. ImGui's own
// widgets take the kiosk's colours, and a few pieces are drawn: action buttons with their
// shortcut key, notices and dialogs. Every widget that a test clicks or a screenshot check
// measures is recorded in the layout recorder under a stable id.

#include <imgui.h>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "console/staff_session.hpp"
#include "i18n/catalog.hpp"
#include "ui/layout_recorder.hpp"
#include "ui/theme.hpp"

namespace antrean::console {

struct ConsoleFonts {
    ImFont* body = nullptr;     // 20 regular
    ImFont* bold = nullptr;     // 20 bold
    ImFont* small = nullptr;    // 17 regular
    ImFont* heading = nullptr;  // 26 bold
    ImFont* large = nullptr;    // 34 bold: counts and figures
    ImFont* code = nullptr;     // 72 bold, ticket-code characters only
};

struct ConsoleTheme {
    ui::Palette palette;
    ConsoleFonts fonts;
};

// Adds the fonts scaled by `scale` and sets ImGui's style. Fails with
// "kiosk.error.font_missing" {path} like the kiosk's theme.
Result<ConsoleTheme> load_console_theme(const std::filesystem::path& font_directory, float scale);

// The context every drawing function of a console receives.
struct ConsoleUi {
    const Catalog* catalog = nullptr;
    Language language = Language::Indonesian;
    const ConsoleTheme* theme = nullptr;
    ui::LayoutRecorder* layout = nullptr;
    float scale = 1.0f;
    // False while a dialog is open: shortcuts of the screen below do nothing.
    bool shortcuts = true;
    // True for the rest of a frame in which a dialog first appears. ImGui places a window
    // that sizes itself only from its second frame, so its rectangles are recorded from
    // then on, and a test never clicks where the dialog is not.
    bool recording_paused = false;
    // The pause state to restore when a combo box's list closes (see begin_combo).
    bool recording_paused_outside_combo = false;

    std::string tr(std::string_view key, const std::map<std::string, std::string>& params = {}) const {
        return catalog->translate(language, key, params);
    }
    float px(float design) const { return design * scale; }
    const ConsoleFonts& fonts() const { return theme->fonts; }
    const ui::Palette& colors() const { return theme->palette; }
};

// Records the last ImGui item under `id`.
void record_item(ConsoleUi& ui, const std::string& id, ui::ItemKind kind, bool enabled = true,
                 const std::string& parent = "");
// Records a rectangle in window pixels.
void record_rect(ConsoleUi& ui, const std::string& id, ui::ItemKind kind, ImVec2 min, ImVec2 max, bool enabled = true,
                 const std::string& parent = "");

enum class ActionStyle { Primary, Normal, Danger };

// A button with its shortcut drawn as a key cap ("F1") left of the label. Disabled, it
// greys out and its tooltip gives `disabled_reason`. Returns true when clicked while
// enabled.
bool action_button(ConsoleUi& ui, const char* id, std::string_view label, std::string_view shortcut, ImVec2 size,
                   bool enabled, std::string_view disabled_reason, ActionStyle style = ActionStyle::Normal);

// An ordinary button recorded under `id`; disabled with a tooltip when `enabled` is false.
bool plain_button(ConsoleUi& ui, const char* id, std::string_view label, bool enabled = true,
                  std::string_view disabled_reason = {}, ImVec2 size = ImVec2(0, 0));

// A coloured box with the notice's text wrapped to the available width.
void notice_box(ConsoleUi& ui, const char* id, const Notice& notice);

// A bold section title with a thin line below.
void section_title(ConsoleUi& ui, std::string_view text);

// "Label" in muted text and the value below it, wrapped; recorded as one text item.
void label_value(ConsoleUi& ui, const char* id, std::string_view label, std::string_view value, float width);

// Text that wraps at the right edge of the current window.
void wrapped_text(std::string_view text);
void muted_text(ConsoleUi& ui, std::string_view text);

// A small spinning arc, drawn while requests run.
void draw_spinner(ConsoleUi& ui, float radius, double time_seconds, ImU32 color);

// Starts the next field of a row at the row's top (`row_y`, a cursor position in the
// window); SameLine alone would push a field's label down to the previous field's text.
void same_row(float row_y);

// The small muted label above a field.
void field_label(ConsoleUi& ui, std::string_view label);

// A keyboard-friendly text input: returns true when the text changed.
bool text_input(ConsoleUi& ui, const char* id, std::string_view label, std::string& value, float width,
                ImGuiInputTextFlags flags = 0, const std::optional<std::string>& error = std::nullopt);
bool multiline_input(ConsoleUi& ui, const char* id, std::string_view label, std::string& value, ImVec2 size,
                     const std::optional<std::string>& error = std::nullopt);

// Starts and ends a modal dialog centered in the window. Call begin_dialog every frame
// with `open_requested` saying whether the dialog should be open: it opens the popup on
// the first such frame and closes it on the first frame without. Returns true while the
// dialog is drawn; then call end_dialog().
bool begin_dialog(ConsoleUi& ui, const char* id, std::string_view title, float width, bool open_requested);
void end_dialog();

// ImGui::BeginCombo and EndCombo, with the list's rectangles left out of the layout in
// the frame it opens, as for dialogs, because the list is placed from its second frame.
bool begin_combo(ConsoleUi& ui, const char* imgui_id, const char* preview);
void end_combo(ConsoleUi& ui);

ImU32 notice_color(const ConsoleUi& ui, NoticeKind kind, bool background);

}  // namespace antrean::console
