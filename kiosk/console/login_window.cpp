#include "console/login_window.hpp"

namespace antrean::console {

bool LoginForm::validate(bool needs_desk) {
    error_key.reset();
    if (username.empty()) {
        error_key = "console.login.username_required";
    } else if (password.empty()) {
        error_key = "console.login.password_required";
    } else if (needs_desk && !desk) {
        error_key = "console.login.desk_required";
    }
    return !error_key;
}

bool draw_login_window(ConsoleUi& ui, LoginForm& form, const StaffSession& session, std::string_view title) {
    const bool needs_desk = session.role() == ConsoleRole::Officer;
    const std::optional<ConsoleConfig>& config = session.config();
    const float width = ui.px(600);
    const ImVec2 available = ImGui::GetContentRegionAvail();
    const float card_height = ui.px(needs_desk ? 500 : 430);
    const ImVec2 start = ImGui::GetCursorPos();
    ImGui::SetCursorPos(ImVec2(start.x + (available.x - width) / 2,
                               start.y + std::max(ui.px(20), (available.y - card_height) / 2)));

    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ui.px(32), ui.px(26)));
    ImGui::BeginChild("login.card", ImVec2(width, card_height), true, ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar();
    record_rect(ui, "login.card", ui::ItemKind::Panel, ImGui::GetWindowPos(),
                ImVec2(ImGui::GetWindowPos().x + width, ImGui::GetWindowPos().y + card_height));
    ImGui::PushFont(ui.fonts().heading);
    wrapped_text(title);
    ImGui::PopFont();
    record_item(ui, "login.title", ui::ItemKind::Text, true, "login.card");
    if (config) {
        muted_text(ui, config->office_name.in(ui.language));
        record_item(ui, "login.office", ui::ItemKind::Text, true, "login.card");
    }
    ImGui::Spacing();

    const float field_width = ImGui::GetContentRegionAvail().x;
    bool submitted = false;
    if (form.focus_username) {
        ImGui::SetKeyboardFocusHere();
        form.focus_username = false;
    }
    // Enter in either field submits, as in any login form.
    submitted |= text_input(ui, "login.username", ui.tr("console.login.username"), form.username, field_width,
                            ImGuiInputTextFlags_EnterReturnsTrue);
    submitted |= text_input(ui, "login.password", ui.tr("console.login.password"), form.password, field_width,
                            ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);

    if (needs_desk) {
        ImGui::PushFont(ui.fonts().small);
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ui.colors().text_muted));
        ImGui::TextUnformatted(ui.tr("console.login.desk").c_str());
        ImGui::PopStyleColor();
        ImGui::PopFont();
        std::string preview = ui.tr("console.login.desk_choose");
        if (form.desk && config) {
            if (const DeskInfo* desk = config->find_desk(*form.desk)) {
                preview = desk->name + " – " + desk->location;
            }
        }
        ImGui::SetNextItemWidth(field_width);
        if (begin_combo(ui, "##login.desk", preview.c_str())) {
            if (config) {
                for (const DeskInfo& desk : config->desks) {
                    const std::string label = desk.name + " – " + desk.location + "##desk" + desk.id;
                    if (ImGui::Selectable(label.c_str(), form.desk == desk.id)) {
                        form.desk = desk.id;
                    }
                    record_item(ui, "login.desk." + desk.id, ui::ItemKind::Button);
                }
            }
            end_combo(ui);
        }
        record_item(ui, "login.desk", ui::ItemKind::Field);
    }
    ImGui::Spacing();

    const bool logging_in = session.phase() == SessionPhase::LoggingIn;
    const bool can_submit = config.has_value() && !logging_in;
    const std::string reason = ui.tr(config ? "console.login.waiting" : "console.login.no_server");
    if (action_button(ui, "login.submit", ui.tr(logging_in ? "console.login.signing_in" : "console.login.submit"),
                      "Enter", ImVec2(field_width, ui.px(52)), can_submit, reason, ActionStyle::Primary)) {
        submitted = true;
    }
    ImGui::Spacing();

    if (form.error_key) {
        notice_box(ui, "login.notice", Notice{NoticeKind::Error, ui.tr(*form.error_key)});
    } else if (session.login_notice()) {
        notice_box(ui, "login.notice", *session.login_notice());
    } else if (!config) {
        notice_box(ui, "login.notice", Notice{NoticeKind::Warning, ui.tr("console.login.no_server")});
    }
    ImGui::EndChild();

    if (!submitted || !can_submit) {
        return false;
    }
    return form.validate(needs_desk);
}

void submit_login(StaffSession& session, LoginForm& form, std::optional<DeskId> desk) {
    std::string password = std::move(form.password);
    form.password.clear();
    session.login(form.username, std::move(password), std::move(desk));
}

}  // namespace antrean::console
