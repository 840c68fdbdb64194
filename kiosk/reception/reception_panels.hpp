#pragma once

// The windows and dialogs of the reception console, one file each. They draw from the
// session and the tab's state and return what the receptionist asked for;
// ReceptionConsole acts on it.

#include <optional>
#include <string>

#include "console/console_ui.hpp"
#include "console/move_dialog.hpp"
#include "reception/reception_console.hpp"

namespace antrean::reception {

// The live queue table with its filters, the selected ticket's details and the actions.
std::optional<ReceptionAction> draw_queue_window(ConsoleUi& ui, const StaffSession& session, QueueView& view,
                                                 bool action_in_flight);

enum class RegistrationIntent { None, Submit, Reprint, NewVisitor };
RegistrationIntent draw_registration_window(ConsoleUi& ui, const StaffSession& session, RegistrationState& state,
                                            bool printer_configured);

enum class AppointmentsIntent {
    None, PreviousDay, NextDay, Today, NewBooking, SubmitBooking, CloseForm, Reschedule, CancelAppointment, CopyMessage
};
AppointmentsIntent draw_appointments_window(ConsoleUi& ui, const StaffSession& session, AppointmentsState& state);

void draw_summary_window(ConsoleUi& ui, const StaffSession& session, const ReportsState& reports);

console::DialogIntent draw_cancel_ticket_dialog(ConsoleUi& ui, bool open, const console::StaffTicket* ticket,
                                                std::string& reason);
console::DialogIntent draw_reschedule_dialog(ConsoleUi& ui, bool open, AppointmentsState& state,
                                             const StaffSession& session);
console::DialogIntent draw_cancel_appointment_dialog(ConsoleUi& ui, bool open,
                                                     const console::AppointmentRecord* appointment,
                                                     const StaffSession& session);

// The selected appointment of the day shown, or null.
const console::AppointmentRecord* selected_appointment(const AppointmentsState& state);

}  // namespace antrean::reception
