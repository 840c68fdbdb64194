#pragma once

// The visitor kiosk's screens. Each has a draw function in its own file and, where it
// keeps anything between frames, a state struct; VisitorKiosk owns the states and calls
// the draw function of the flow's current step.

#include <optional>
#include <string>

#include "services/qr_code.hpp"
#include "services/ticket_printer.hpp"
#include "ui/keyboard_layout.hpp"
#include "visitor/screen_context.hpp"

namespace antrean::kiosk {

// welcome_screen.cpp: greeting, the two ways in, language switch, "free of charge".
void draw_welcome_screen(ScreenContext& screen);

// purpose_screen.cpp: Pengaduan / Permintaan Informasi / Konsultasi.
void draw_purpose_screen(ScreenContext& screen);

// area_screen.cpp: the service areas from the server, each with its explanation.
void draw_area_screen(ScreenContext& screen);

// The field being typed and the keyboard's shift state, kept while a screen is shown.
struct TypingState {
    Field active = Field::Name;
    bool shift = false;
    Step entered_step = Step::kCount;  // the step these values were set up for
};

// identity_screen.cpp: name and phone (Identity), NIK, email, institution (IdentityExtra).
void draw_identity_screen(ScreenContext& screen, TypingState& state);

// summary_screen.cpp: the short description, optional.
void draw_summary_screen(ScreenContext& screen, TypingState& state);

// priority_screen.cpp: elderly, disabled or pregnant: yes or no.
void draw_priority_screen(ScreenContext& screen);

// confirm_screen.cpp: every value by group, each with "Ubah".
void draw_confirm_screen(ScreenContext& screen);

// consent_screen.cpp: what is collected, why, how long, who sees it, the visitor's
// rights, the unticked "Saya setuju" control; the main action submits the check-in.
void draw_consent_screen(ScreenContext& screen);

// submitting_screen.cpp: waiting for the server, with a small animation.
void draw_submitting_screen(ScreenContext& screen);

struct TicketScreenState {
    std::optional<QrMatrix> qr;
    std::string qr_source;  // the status URL the QR matrix was made from
    PrintStatus print_status = PrintStatus::NotConfigured;

    // Rebuilds the QR matrix when the ticket's status URL changed.
    void update(const TicketInfo& ticket);
};

// ticket_screen.cpp: the code very large, area, wait range, QR code, print status.
void draw_ticket_screen(ScreenContext& screen, TicketScreenState& state);

// booking_screen.cpp: check-in by booking code or phone number.
void draw_booking_screen(ScreenContext& screen, TypingState& state);

// dialogs.cpp: "Apakah Anda masih di sana?" and the submission error, drawn over the
// screen. Returns true when a dialog was drawn.
bool draw_dialogs(ScreenContext& screen);

// The keyboard layout for a field.
ui::KeyboardLayout keyboard_for(Field field);

// Draws the keyboard for `state.active` in `area` and types into that field, also from an
// attached physical keyboard.
void draw_field_keyboard(ScreenContext& screen, TypingState& state, const ui::Rect& area);

// Draws the text field `field` with its label, placeholder and error; a tap makes it the
// active field. Returns the height used below `box.y`.
float draw_form_field(ScreenContext& screen, TypingState& state, Field field, const ui::Rect& box,
                      bool multiline = false);

}  // namespace antrean::kiosk
