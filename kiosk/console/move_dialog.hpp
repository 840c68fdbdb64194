#pragma once

// "Alihkan" (officer) and "Pindahkan" (reception): send a ticket to another service area,
// another officer, or both. The code stays the same.

#include <optional>
#include <string>
#include <vector>

#include "console/console_ui.hpp"

namespace antrean::console {

struct MoveForm {
    TicketId ticket_id = 0;
    std::string ticket_code;
    AreaId current_area;
    std::optional<AreaId> area;          // none: keep the area
    std::optional<OfficerId> officer_id;  // none: any officer of the area

    // Whether the form names a change: another area, or an officer.
    bool ready() const { return (area && *area != current_area) || officer_id.has_value(); }
    // The body of POST /tickets/{id}/transfer.
    nlohmann::json body() const;
};

enum class DialogIntent { None, Confirm, Cancel };

// Draws the dialog while `open`. `exclude` is an officer left out of the list (the officer
// who moves the ticket away).
DialogIntent draw_move_dialog(ConsoleUi& ui, bool open, MoveForm& form, const StaffSession& session,
                              std::optional<OfficerId> exclude, const char* title_key);

// Draws a dialog's two buttons on one line: the confirm button (Enter, shown as
// `confirm_key`) and "Batal" (Escape). Returns the intent of a click or a key.
DialogIntent dialog_buttons(ConsoleUi& ui, const char* id, std::string_view confirm, bool can_confirm,
                            std::string_view reason, bool danger = false, std::string_view confirm_key = "Enter");

}  // namespace antrean::console
