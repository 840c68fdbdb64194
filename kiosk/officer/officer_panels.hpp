#pragma once

// The windows and panels of the officer console, one file each. They draw from the
// session and the desk and return what the officer asked for; OfficerConsole acts on it.

#include <optional>
#include <string>
#include <vector>

#include "console/console_ui.hpp"
#include "console/move_dialog.hpp"
#include "officer/officer_desk.hpp"

namespace antrean::officer {

// Draws the current visitor (code, state, identity, request, wait, appointment and why the
// server chose this ticket), or a hint what to do next when the officer serves no one.
void draw_visitor_panel(console::ConsoleUi& ui, const console::StaffSession& session, const StaffTicket* current,
                        const std::optional<console::Notice>& notice);

// The eight action buttons with their shortcut keys. Returns the action clicked.
std::optional<OfficerAction> draw_action_bar(console::ConsoleUi& ui, const DeskSnapshot& desk);

// Matching visitors waiting and the longest wait, today's appointments for this officer,
// and the number served today.
void draw_side_panels(console::ConsoleUi& ui, const console::StaffSession& session,
                      const std::vector<console::AppointmentRecord>& appointments);

// "Selesai": confirm the report, pick the outcome (with the evidence channels for a
// referral) and add notes.
console::DialogIntent draw_complete_dialog(console::ConsoleUi& ui, bool open, CompletionForm& form,
                                           const StaffTicket* ticket, const console::StaffSession& session);

// "Istirahat": the reason for the pause.
console::DialogIntent draw_pause_dialog(console::ConsoleUi& ui, bool open, std::string& reason);

}  // namespace antrean::officer
