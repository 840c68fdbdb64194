#include "console/console_text.hpp"
#include "reception/reception_panels.hpp"
#include "visitor/display_text.hpp"

namespace antrean::reception {
namespace {

std::optional<std::string> error_of(ConsoleUi& ui, const RegistrationState& state, RegistrationField field) {
    const auto it = state.errors.find(field);
    if (!state.submitted_once || it == state.errors.end()) {
        return std::nullopt;
    }
    return ui.catalog->render(ui.language, it->second);
}

void draw_identity(ConsoleUi& ui, RegistrationState& state, float width) {
    Visitor& visitor = state.form.visitor;
    console::text_input(ui, "register.name", ui.tr("console.register.name"), visitor.name, width, 0,
                        error_of(ui, state, RegistrationField::Name));
    console::text_input(ui, "register.phone", ui.tr("console.register.phone"), visitor.phone, width, 0,
                        error_of(ui, state, RegistrationField::Phone));
    console::text_input(ui, "register.nik", ui.tr("console.register.nik"), visitor.nik, width,
                        ImGuiInputTextFlags_CharsDecimal, error_of(ui, state, RegistrationField::Nik));
    console::text_input(ui, "register.email", ui.tr("console.register.email"), visitor.email, width, 0,
                        error_of(ui, state, RegistrationField::Email));
    console::text_input(ui, "register.institution", ui.tr("console.register.institution"), visitor.institution, width,
                        0, error_of(ui, state, RegistrationField::Institution));
    console::multiline_input(ui, "register.summary", ui.tr("console.register.summary"), state.form.summary,
                             ImVec2(width, ui.px(120)), error_of(ui, state, RegistrationField::Summary));
}

void draw_choices(ConsoleUi& ui, const StaffSession& session, RegistrationState& state) {
    const console::ConsoleConfig* config = session.config() ? &*session.config() : nullptr;
    RegistrationForm& form = state.form;

    ImGui::TextUnformatted(ui.tr("console.register.purpose").c_str());
    for (const Purpose purpose : {Purpose::Complaint, Purpose::Information, Purpose::Consultation}) {
        const std::string label = console::purpose_text(config, session.catalog(), ui.language, purpose) +
                                  "##purpose." + to_string(purpose);
        if (ImGui::RadioButton(label.c_str(), form.purpose == purpose)) {
            form.purpose = purpose;
        }
        console::record_item(ui, std::string("register.purpose.") + to_string(purpose), ui::ItemKind::Button);
        ImGui::SameLine();
    }
    ImGui::NewLine();
    if (auto error = error_of(ui, state, RegistrationField::Purpose)) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(ui.colors().error), "%s", error->c_str());
    }

    ImGui::Spacing();
    ImGui::TextUnformatted(ui.tr("console.register.area").c_str());
    if (config != nullptr) {
        for (const console::AreaInfo& area : config->areas) {
            const std::string label = area.name.in(ui.language) + "##area." + area.id;
            if (ImGui::RadioButton(label.c_str(), form.area == area.id)) {
                form.area = area.id;
            }
            console::record_item(ui, "register.area." + area.id, ui::ItemKind::Button);
        }
    }
    if (auto error = error_of(ui, state, RegistrationField::Area)) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(ui.colors().error), "%s", error->c_str());
    }

    ImGui::Spacing();
    bool priority = form.priority == Priority::Priority;
    if (ImGui::Checkbox(ui.tr("console.register.priority").c_str(), &priority)) {
        form.priority = priority ? Priority::Priority : Priority::Regular;
    }
    console::record_item(ui, "register.priority", ui::ItemKind::Button);

    ImGui::Spacing();
    ImGui::TextUnformatted(ui.tr("console.register.language").c_str());
    ImGui::SameLine();
    if (ImGui::RadioButton((ui.tr("console.language.id") + "##visitor_language.id").c_str(),
                           form.visitor_language == Language::Indonesian)) {
        form.visitor_language = Language::Indonesian;
    }
    ImGui::SameLine();
    if (ImGui::RadioButton((ui.tr("console.language.en") + "##visitor_language.en").c_str(),
                           form.visitor_language == Language::English)) {
        form.visitor_language = Language::English;
    }

    // The consent the kiosk shows on screen is read out and confirmed aloud.
    ImGui::Spacing();
    ImGui::BeginChild("register.consent", ImVec2(0, ui.px(170)), true, ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PushFont(ui.fonts().bold);
    ImGui::TextUnformatted(ui.tr("console.register.consent_title").c_str());
    ImGui::PopFont();
    console::muted_text(ui, ui.tr("console.register.consent_script"));
    ImGui::Checkbox(ui.tr("console.register.consent").c_str(), &form.consent_given_orally);
    console::record_item(ui, "register.consent", ui::ItemKind::Button);
    if (auto error = error_of(ui, state, RegistrationField::Consent)) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(ui.colors().error), "%s", error->c_str());
    }
    ImGui::EndChild();
}

void draw_issued(ConsoleUi& ui, const StaffSession& session, const RegistrationState& state) {
    const kiosk::TicketInfo& ticket = *state.issued;
    const std::string wait =
        kiosk::wait_range_text(session.catalog(), ui.language, ticket.wait_min_minutes, ticket.wait_max_minutes);
    std::string text = ui.tr("console.register.issued", {{"code", ticket.code},
                                                         {"position", std::to_string(ticket.position)},
                                                         {"wait", wait}});
    if (state.print_status) {
        const char* key = "console.register.print.printing";
        switch (*state.print_status) {
            case kiosk::PrintStatus::Printing:
                break;
            case kiosk::PrintStatus::Printed:
                key = "console.register.print.printed";
                break;
            case kiosk::PrintStatus::NotConfigured:
                key = "console.register.print.not_configured";
                break;
            case kiosk::PrintStatus::Missing:
            case kiosk::PrintStatus::Failed:
                key = "console.register.print.failed";
                break;
        }
        text += " " + ui.tr(key);
    }
    console::notice_box(ui, "register.issued", console::Notice{console::NoticeKind::Success, text});
}

}  // namespace

RegistrationIntent draw_registration_window(ConsoleUi& ui, const StaffSession& session, RegistrationState& state,
                                            bool printer_configured) {
    RegistrationIntent intent = RegistrationIntent::None;
    if (state.issued) {
        draw_issued(ui, session, state);
        if (console::plain_button(ui, "register.reprint", ui.tr("console.register.reprint"), printer_configured,
                                  ui.tr("console.reception.notice.no_printer"))) {
            intent = RegistrationIntent::Reprint;
        }
        ImGui::SameLine();
        if (console::plain_button(ui, "register.new", ui.tr("console.register.new_visitor"))) {
            intent = RegistrationIntent::NewVisitor;
        }
        ImGui::Spacing();
    }

    ImGui::BeginChild("register.form", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollbar);
    const float gap = ui.px(32);
    const float column = (ImGui::GetContentRegionAvail().x - gap) / 2;
    ImGui::BeginChild("register.identity", ImVec2(column, ImGui::GetContentRegionAvail().y - ui.px(90)), false);
    console::section_title(ui, ui.tr("console.register.identity_title"));
    draw_identity(ui, state, column - ui.px(16));
    ImGui::EndChild();
    ImGui::SameLine(0, gap);
    ImGui::BeginChild("register.choices", ImVec2(column, ImGui::GetContentRegionAvail().y - ui.px(90)), false);
    console::section_title(ui, ui.tr("console.register.visit_title"));
    draw_choices(ui, session, state);
    ImGui::EndChild();

    const std::string label = ui.tr(state.in_flight ? "console.register.submitting" : "console.register.submit");
    if (console::action_button(ui, "register.submit", label, "Ctrl+Enter", ImVec2(ui.px(560), ui.px(60)),
                               !state.in_flight && session.config().has_value(),
                               ui.tr("console.officer.reason.in_flight"), console::ActionStyle::Primary)) {
        intent = RegistrationIntent::Submit;
    }
    if (state.submitted_once && !state.errors.empty()) {
        ImGui::SameLine(0, ui.px(16));
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ui.px(16));
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(ui.colors().error), "%s",
                           ui.tr("console.register.fix_errors").c_str());
    }
    ImGui::EndChild();
    return intent;
}

}  // namespace antrean::reception
