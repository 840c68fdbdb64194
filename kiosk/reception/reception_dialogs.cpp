#include "console/console_text.hpp"
#include "reception/reception_panels.hpp"

namespace antrean::reception {

console::DialogIntent draw_cancel_ticket_dialog(ConsoleUi& ui, bool open, const console::StaffTicket* ticket,
                                                std::string& reason) {
    const std::string code = ticket != nullptr ? ticket->code : "";
    if (!console::begin_dialog(ui, "cancel.dialog", ui.tr("console.cancel.title", {{"code", code}}), ui.px(640),
                               open && ticket != nullptr)) {
        return console::DialogIntent::None;
    }
    console::muted_text(ui, ui.tr("console.cancel.explain", {{"name", ticket->visitor.name}}));
    console::record_item(ui, "cancel.explain", ui::ItemKind::Text, true, "cancel.dialog");
    if (ImGui::IsWindowAppearing()) {
        ImGui::SetKeyboardFocusHere();
    }
    const bool entered = console::text_input(ui, "cancel.reason", ui.tr("console.cancel.reason"), reason,
                                             ImGui::GetContentRegionAvail().x, ImGuiInputTextFlags_EnterReturnsTrue);
    console::DialogIntent intent =
        console::dialog_buttons(ui, "cancel", ui.tr("console.cancel.confirm"), true, "", true);
    if (entered) {
        intent = console::DialogIntent::Confirm;
    }
    console::end_dialog();
    return intent;
}

console::DialogIntent draw_reschedule_dialog(ConsoleUi& ui, bool open, AppointmentsState& state,
                                             const StaffSession& session) {
    RescheduleForm& form = state.reschedule;
    if (!console::begin_dialog(ui, "reschedule.dialog",
                               ui.tr("console.reschedule.title", {{"code", form.booking_code}}), ui.px(680), open)) {
        return console::DialogIntent::None;
    }
    auto error = [&](BookingField field) -> std::optional<std::string> {
        const auto it = state.reschedule_errors.find(field);
        return it == state.reschedule_errors.end() ? std::nullopt
                                                   : std::optional<std::string>(ui.catalog->render(ui.language, it->second));
    };
    const float third = (ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().ItemSpacing.x) / 3;
    const float row_y = ImGui::GetCursorPosY();
    console::text_input(ui, "reschedule.date", ui.tr("console.booking.date"), form.date, third, 0,
                        error(BookingField::Date));
    console::same_row(row_y);
    console::text_input(ui, "reschedule.time", ui.tr("console.booking.time"), form.time, third, 0,
                        error(BookingField::Time));
    console::same_row(row_y);
    ImGui::BeginGroup();
    console::field_label(ui, ui.tr("console.booking.length"));
    ImGui::SetNextItemWidth(third);
    ImGui::InputInt("##reschedule.length", &form.length_minutes, 5, 15);
    console::record_item(ui, "reschedule.length", ui::ItemKind::Field);
    if (auto message = error(BookingField::Length)) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(ui.colors().error), "%s", message->c_str());
    }
    ImGui::EndGroup();

    console::field_label(ui, ui.tr("console.appointments.officer"));
    std::string preview = ui.tr("console.reschedule.keep_officer");
    if (form.officer_id) {
        if (const console::StaffAccount* account = session.find_staff(*form.officer_id)) {
            preview = account->name;
        }
    }
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
    if (console::begin_combo(ui, "##reschedule.officer", preview.c_str())) {
        for (const console::StaffAccount& account : session.staff()) {
            if (account.role != Role::Officer) {
                continue;
            }
            if (ImGui::Selectable((account.name + "##officer" + std::to_string(account.id)).c_str(),
                                  form.officer_id == account.id)) {
                form.officer_id = account.id;
            }
        }
        console::end_combo(ui);
    }
    console::record_item(ui, "reschedule.officer", ui::ItemKind::Field);
    const console::DialogIntent intent =
        console::dialog_buttons(ui, "reschedule", ui.tr("console.reschedule.confirm"), !state.in_flight,
                                ui.tr("console.officer.reason.in_flight"));
    console::end_dialog();
    return intent;
}

console::DialogIntent draw_cancel_appointment_dialog(ConsoleUi& ui, bool open,
                                                     const console::AppointmentRecord* appointment,
                                                     const StaffSession& session) {
    const std::string code = appointment != nullptr ? appointment->booking_code : "";
    if (!console::begin_dialog(ui, "cancel_appointment.dialog",
                               ui.tr("console.cancel_appointment.title", {{"code", code}}), ui.px(640),
                               open && appointment != nullptr)) {
        return console::DialogIntent::None;
    }
    std::string when;
    if (const OfficeTime* office = session.office_time()) {
        when = console::date_text(session.catalog(), ui.language, *office, appointment->starts_at) + ", " +
               console::clock_text(session.catalog(), ui.language, *office, appointment->starts_at);
    }
    console::wrapped_text(
        ui.tr("console.cancel_appointment.explain", {{"name", appointment->visitor.name}, {"when", when}}));
    console::record_item(ui, "cancel_appointment.explain", ui::ItemKind::Text, true, "cancel_appointment.dialog");
    const console::DialogIntent intent = console::dialog_buttons(
        ui, "cancel_appointment", ui.tr("console.cancel_appointment.confirm"), true, "", true);
    console::end_dialog();
    return intent;
}

}  // namespace antrean::reception
