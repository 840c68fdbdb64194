#include "console/move_dialog.hpp"

#include "console/console_text.hpp"

namespace antrean::console {

nlohmann::json MoveForm::body() const {
    nlohmann::json body = nlohmann::json::object();
    if (area && *area != current_area) {
        body["area"] = *area;
    }
    if (officer_id) {
        body["officer_id"] = *officer_id;
    }
    return body;
}

DialogIntent dialog_buttons(ConsoleUi& ui, const char* id, std::string_view confirm, bool can_confirm,
                            std::string_view reason, bool danger, std::string_view confirm_key) {
    DialogIntent intent = DialogIntent::None;
    ImGui::Spacing();
    const float width = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    const std::string confirm_id = std::string(id) + ".confirm";
    const std::string cancel_id = std::string(id) + ".cancel";
    if (action_button(ui, confirm_id.c_str(), confirm, confirm_key, ImVec2(width, ui.px(54)), can_confirm, reason,
                      danger ? ActionStyle::Danger : ActionStyle::Primary)) {
        intent = DialogIntent::Confirm;
    }
    ImGui::SameLine();
    if (action_button(ui, cancel_id.c_str(), ui.tr("console.action.cancel"), "Esc", ImVec2(width, ui.px(54)), true,
                      "")) {
        intent = DialogIntent::Cancel;
    }
    // Enter confirms unless a multi-line field has the keyboard, where it starts a new line.
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
        intent = DialogIntent::Cancel;
    } else if (can_confirm && !io.WantTextInput && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false)) {
        intent = DialogIntent::Confirm;
    }
    return intent;
}

DialogIntent draw_move_dialog(ConsoleUi& ui, bool open, MoveForm& form, const StaffSession& session,
                              std::optional<OfficerId> exclude, const char* title_key) {
    const std::string title = ui.tr(title_key, {{"code", form.ticket_code}});
    if (!begin_dialog(ui, "move.dialog", title, ui.px(620), open)) {
        return DialogIntent::None;
    }
    const ConsoleConfig* config = session.config() ? &*session.config() : nullptr;
    muted_text(ui, ui.tr("console.move.explain"));
    record_item(ui, "move.explain", ui::ItemKind::Text, true, "move.dialog");
    const float width = ImGui::GetContentRegionAvail().x;

    field_label(ui, ui.tr("console.move.area"));
    const AreaId shown_area = form.area.value_or(form.current_area);
    ImGui::SetNextItemWidth(width);
    if (begin_combo(ui, "##move.area", area_text(config, ui.language, shown_area).c_str())) {
        if (config != nullptr) {
            for (const AreaInfo& area : config->areas) {
                const std::string label = area.name.in(ui.language) + "##area" + area.id;
                if (ImGui::Selectable(label.c_str(), shown_area == area.id)) {
                    form.area = area.id;
                }
                record_item(ui, "move.area." + area.id, ui::ItemKind::Button);
            }
        }
        end_combo(ui);
    }
    record_item(ui, "move.area", ui::ItemKind::Field);

    field_label(ui, ui.tr("console.move.officer"));
    std::string officer_preview = ui.tr("console.move.any_officer");
    if (form.officer_id) {
        if (const StaffAccount* officer = session.find_staff(*form.officer_id)) {
            officer_preview = officer->name;
        }
    }
    ImGui::SetNextItemWidth(width);
    if (begin_combo(ui, "##move.officer", officer_preview.c_str())) {
        if (ImGui::Selectable((ui.tr("console.move.any_officer") + "##any").c_str(), !form.officer_id)) {
            form.officer_id.reset();
        }
        record_item(ui, "move.officer.any", ui::ItemKind::Button);
        for (const StaffAccount& officer : session.staff()) {
            if (officer.role != Role::Officer || officer.id == exclude) {
                continue;
            }
            const std::string label = officer.name + " (" + officer_status_text(session.catalog(), ui.language,
                                                                              officer.status) +
                                      ")##officer" + std::to_string(officer.id);
            if (ImGui::Selectable(label.c_str(), form.officer_id == officer.id)) {
                form.officer_id = officer.id;
            }
            record_item(ui, "move.officer." + std::to_string(officer.id), ui::ItemKind::Button);
        }
        end_combo(ui);
    }
    record_item(ui, "move.officer", ui::ItemKind::Field);

    const DialogIntent intent =
        dialog_buttons(ui, "move", ui.tr("console.move.confirm"), form.ready(), ui.tr("console.move.choose"));
    end_dialog();
    return intent;
}

}  // namespace antrean::console
