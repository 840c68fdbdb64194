#include "officer/officer_panels.hpp"

namespace antrean::officer {

console::DialogIntent draw_pause_dialog(console::ConsoleUi& ui, bool open, std::string& reason) {
    if (!console::begin_dialog(ui, "pause.dialog", ui.tr("console.pause.title"), ui.px(620), open)) {
        return console::DialogIntent::None;
    }
    console::muted_text(ui, ui.tr("console.pause.explain"));
    console::record_item(ui, "pause.explain", ui::ItemKind::Text, true, "pause.dialog");

    // Common reasons fill the field with one click; any other can be typed.
    static constexpr const char* kPresets[] = {"console.pause.preset.rest", "console.pause.preset.prayer",
                                               "console.pause.preset.meeting", "console.pause.preset.admin"};
    for (size_t i = 0; i < std::size(kPresets); ++i) {
        if (i > 0) {
            ImGui::SameLine();
        }
        const std::string text = ui.tr(kPresets[i]);
        const std::string id = "pause.preset." + std::to_string(i);
        if (console::plain_button(ui, id.c_str(), text)) {
            reason = text;
        }
    }
    if (ImGui::IsWindowAppearing()) {
        ImGui::SetKeyboardFocusHere();
    }
    const bool entered = console::text_input(ui, "pause.reason", ui.tr("console.pause.reason"), reason,
                                             ImGui::GetContentRegionAvail().x, ImGuiInputTextFlags_EnterReturnsTrue);
    console::DialogIntent intent = console::dialog_buttons(ui, "pause", ui.tr("console.pause.confirm"),
                                                           !reason.empty(), ui.tr("console.pause.reason_needed"));
    if (entered && !reason.empty()) {
        intent = console::DialogIntent::Confirm;
    }
    console::end_dialog();
    return intent;
}

}  // namespace antrean::officer
