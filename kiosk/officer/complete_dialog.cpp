#include <SFML/Window/Keyboard.hpp>

#include "console/console_text.hpp"
#include "officer/officer_panels.hpp"

namespace antrean::officer {
namespace {

using console::ConsoleUi;

// A row with a key cap, then a check box or a radio button with its label wrapped.
// Returns true when clicked or when Ctrl + `key` is pressed.
bool option_row(ConsoleUi& ui, const char* id, const char* keycap, sf::Keyboard::Key key, const std::string& label,
                bool selected, bool radio) {
    ImGui::PushID(id);
    const float width = ImGui::GetContentRegionAvail().x;
    ImFont* font = ui.fonts().bold;
    const float cap_width = ui.px(76);
    const float box = ImGui::GetFrameHeight();
    const float text_width = width - cap_width - box - ui.px(24);
    const ImVec2 text_size = font->CalcTextSizeA(font->FontSize, FLT_MAX, text_width, label.c_str());
    const float height = std::max(box, text_size.y) + ui.px(12);
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::InvisibleButton("##row", ImVec2(width, height));
    const bool hovered = ImGui::IsItemHovered();
    const ImVec2 max = ImGui::GetItemRectMax();
    console::record_rect(ui, id, ui::ItemKind::Button, min, max);

    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ui::Palette& palette = ui.colors();
    draw->AddRectFilled(min, max, selected ? palette.selected : (hovered ? palette.background : palette.surface),
                        ui.px(6));
    const ImVec2 cap_min(min.x + ui.px(6), (min.y + max.y) / 2 - ui.px(14));
    draw->AddRectFilled(cap_min, ImVec2(cap_min.x + cap_width - ui.px(10), cap_min.y + ui.px(28)),
                        palette.key_special, ui.px(4));
    ImFont* cap_font = ui.fonts().small;
    const ImVec2 cap_text = cap_font->CalcTextSizeA(cap_font->FontSize, FLT_MAX, 0, keycap);
    draw->AddText(cap_font, cap_font->FontSize,
                  ImVec2(cap_min.x + (cap_width - ui.px(10) - cap_text.x) / 2, cap_min.y + (ui.px(28) - cap_text.y) / 2),
                  palette.text, keycap);

    const ImVec2 box_min(min.x + cap_width, (min.y + max.y - box) / 2);
    const ImVec2 box_max(box_min.x + box, box_min.y + box);
    const ImVec2 center((box_min.x + box_max.x) / 2, (box_min.y + box_max.y) / 2);
    if (radio) {
        draw->AddCircleFilled(center, box / 2, palette.surface);
        draw->AddCircle(center, box / 2, palette.primary, 24, ui.px(2));
        if (selected) {
            draw->AddCircleFilled(center, box / 4, palette.primary);
        }
    } else {
        draw->AddRectFilled(box_min, box_max, selected ? palette.primary : palette.surface, ui.px(4));
        draw->AddRect(box_min, box_max, palette.primary, ui.px(4), 0, ui.px(2));
        if (selected) {
            const float s = box / 10;
            draw->PathLineTo(ImVec2(box_min.x + 2.5f * s, box_min.y + 5.2f * s));
            draw->PathLineTo(ImVec2(box_min.x + 4.3f * s, box_min.y + 7.2f * s));
            draw->PathLineTo(ImVec2(box_min.x + 7.8f * s, box_min.y + 2.8f * s));
            draw->PathStroke(palette.primary_text, 0, ui.px(2.5f));
        }
    }
    const ImVec2 text_pos(box_max.x + ui.px(12), (min.y + max.y - text_size.y) / 2);
    draw->AddText(font, font->FontSize, text_pos, palette.text, label.c_str(), nullptr, text_width);
    console::record_rect(ui, std::string(id) + ".label", ui::ItemKind::Text, text_pos,
                         ImVec2(text_pos.x + text_size.x, text_pos.y + text_size.y), true, id);
    ImGui::PopID();
    const bool shortcut = ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(key, false);
    return clicked || shortcut;
}

void draw_evidence(ConsoleUi& ui, const console::ConsoleConfig* config) {
    const bool configured =
        config != nullptr && !config->evidence_whatsapp.empty() && !config->evidence_email.empty();
    if (!configured) {
        console::notice_box(ui, "complete.evidence",
                            console::Notice{console::NoticeKind::Warning, ui.tr("console.complete.evidence_missing")});
        return;
    }
    console::notice_box(ui, "complete.evidence",
                        console::Notice{console::NoticeKind::Info,
                                        ui.tr("console.complete.evidence", {{"whatsapp", config->evidence_whatsapp},
                                                                            {"email", config->evidence_email}})});
}

}  // namespace

console::DialogIntent draw_complete_dialog(ConsoleUi& ui, bool open, CompletionForm& form, const StaffTicket* ticket,
                                           const console::StaffSession& session) {
    const std::string code = ticket != nullptr ? ticket->code : "";
    if (!console::begin_dialog(ui, "complete.dialog", ui.tr("console.complete.title", {{"code", code}}), ui.px(860),
                               open && ticket != nullptr)) {
        return console::DialogIntent::None;
    }
    const console::ConsoleConfig* config = session.config() ? &*session.config() : nullptr;
    const Catalog& catalog = session.catalog();

    // Step 4 of the service procedure: read the record back and confirm it.
    ImGui::PushFont(ui.fonts().bold);
    console::wrapped_text(ui.tr("console.complete.step_confirm"));
    ImGui::PopFont();
    const std::string recorded = ui.tr(
        "console.complete.recorded",
        {{"name", ticket->visitor.name},
         {"area", console::area_text(config, ui.language, ticket->area)},
         {"purpose", console::purpose_text(config, catalog, ui.language, ticket->purpose)},
         {"summary", ticket->summary.empty() ? ui.tr("console.complete.no_summary") : ticket->summary}});
    console::muted_text(ui, recorded);
    console::record_item(ui, "complete.recorded", ui::ItemKind::Text, true, "complete.dialog");
    if (option_row(ui, "complete.confirmed", "Ctrl+1", sf::Keyboard::Num1, ui.tr("console.complete.confirmed"),
                   form.report_confirmed, false)) {
        form.report_confirmed = !form.report_confirmed;
    }
    ImGui::Spacing();

    // Step 5: the follow-up.
    ImGui::PushFont(ui.fonts().bold);
    console::wrapped_text(ui.tr("console.complete.step_outcome"));
    ImGui::PopFont();
    if (option_row(ui, "complete.answered", "Ctrl+2", sf::Keyboard::Num2, ui.tr("console.complete.answered"),
                   form.outcome == Outcome::Answered, true)) {
        form.outcome = Outcome::Answered;
    }
    if (option_row(ui, "complete.referred", "Ctrl+3", sf::Keyboard::Num3, ui.tr("console.complete.referred"),
                   form.outcome == Outcome::Referred, true)) {
        form.outcome = Outcome::Referred;
    }
    if (form.outcome == Outcome::Referred) {
        draw_evidence(ui, config);
    }
    ImGui::Spacing();
    console::multiline_input(ui, "complete.notes", ui.tr("console.complete.notes"), form.notes,
                             ImVec2(ImGui::GetContentRegionAvail().x, ui.px(96)));

    console::DialogIntent intent =
        console::dialog_buttons(ui, "complete", ui.tr("console.complete.submit"), form.ready(),
                                ui.tr("console.complete.not_ready"), false, "Ctrl+Enter");
    // Ctrl+Enter saves even while the notes field has the keyboard.
    if (form.ready() && ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false)) {
        intent = console::DialogIntent::Confirm;
    }
    console::end_dialog();
    return intent;
}

}  // namespace antrean::officer
