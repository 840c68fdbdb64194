#pragma once

// The visitor kiosk's state machine: which step is shown, what the visitor entered, the
// inactivity timers and the results of check-ins. It issues no ImGui, SFML or HTTP
// calls, so every path is unit-tested; the screens read it and call its methods.

#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "domain/error.hpp"
#include "domain/types.hpp"
#include "visitor/server_data.hpp"

namespace antrean::kiosk {

// Milliseconds of a monotonic clock (std::chrono::steady_clock in the program).
using MonotonicMs = std::int64_t;

inline constexpr MonotonicMs kInactivityPromptMs = 60'000;  // then "Apakah Anda masih di sana?"
inline constexpr MonotonicMs kInactivityResetMs = 10'000;   // after the prompt, then reset
inline constexpr MonotonicMs kTicketDisplayMs = 20'000;     // the ticket screen, then welcome

enum class Step {
    Welcome,
    Purpose,
    Area,
    Identity,       // name and phone (required)
    IdentityExtra,  // NIK, email, institution (optional)
    Summary,
    Priority,
    Confirm,
    Consent,
    Submitting,
    Ticket,
    Booking,
    BookingSubmitting,
    kCount,
};

// Stable names for logs, the layout dump and --screen.
const char* step_name(Step step);

// The text fields a visitor types.
enum class Field { Name, Phone, Nik, Email, Institution, Summary, kCount };
inline constexpr size_t kFieldCount = static_cast<size_t>(Field::kCount);

// JSON path of a field in the check-in request and in server errors ("visitor.nik").
const char* field_path(Field field);
// Maximum length in code points that the kiosk lets a visitor type.
size_t field_max_length(Field field);

// The groups of the confirmation screen, each with its own "Ubah" (change) button.
enum class ConfirmGroup { Visit, Identity, Summary, Priority, kCount };

enum class BookingMode { Code, Phone };

struct WalkInForm {
    std::optional<Purpose> purpose;
    std::string area;
    std::array<std::string, kFieldCount> values;
    // A field's validation message shows once the visitor has left it or pressed "Lanjut".
    std::array<bool, kFieldCount> touched{};
    std::optional<Priority> priority;
    bool consent = false;
};

struct BookingForm {
    BookingMode mode = BookingMode::Code;
    std::string code;
    std::string phone;
    bool touched = false;
};

// A server's rejection of a field, shown until the visitor changes that field.
struct ServerFieldError {
    Error error;
    std::string value;  // the value the server rejected
};

// Position in the step indicator: `number` of `total`, both from 1.
struct StepPosition {
    int number = 0;
    int total = 0;
};

class VisitorFlow {
  public:
    Step step() const { return step_; }
    Language language() const { return language_; }
    void set_language(Language language) { language_ = language; }
    // The language of the welcome screen, which every reset returns to (Indonesian unless
    // the kiosk was started with another).
    void set_default_language(Language language) {
        default_language_ = language;
        language_ = language;
    }

    // Increments every time the flow returns to the welcome screen, so replies to
    // requests of an earlier visitor can be recognized and dropped.
    std::uint64_t session() const { return session_; }

    // --- Navigation -------------------------------------------------------------------
    void start_walk_in();
    void start_booking();
    void choose_purpose(Purpose purpose);
    void choose_area(const std::string& area_id);
    void choose_priority(Priority priority);
    // Validates the current step and moves on; returns false and marks the invalid fields
    // when it cannot. From the last step of a group opened by "Ubah", returns to Confirm.
    bool next();
    // Goes one step back. From the first step of the walk-in or booked flow it is cancel().
    // From the first step of a group opened by "Ubah" it returns to Confirm.
    void back();
    // Clears everything the visitor entered and shows the welcome screen.
    void cancel();
    // Opens the first step of a confirmation group ("Ubah").
    void edit(ConfirmGroup group);
    bool editing() const { return editing_.has_value(); }
    void set_consent(bool consent) { form_.consent = consent; }

    StepPosition step_position() const;
    bool can_go_back() const;
    bool can_cancel() const;

    // --- Fields -----------------------------------------------------------------------
    const WalkInForm& form() const { return form_; }
    std::string& value(Field field) { return form_.values[static_cast<size_t>(field)]; }
    const std::string& value(Field field) const { return form_.values[static_cast<size_t>(field)]; }
    void touch(Field field) { form_.touched[static_cast<size_t>(field)] = true; }
    // The message to show under a field: the server's rejection while the value is
    // unchanged, else the shared validator's result once the field is touched.
    std::optional<Error> field_error(Field field) const;
    // The same check, regardless of touched: whether the field's value is valid now.
    std::optional<Error> validate_field(Field field) const;

    BookingForm& booking() { return booking_; }
    const BookingForm& booking() const { return booking_; }
    void set_booking_mode(BookingMode mode);
    // The message under the booking field: the server's rejection while unchanged, else
    // the local check (code length and characters, phone format) once touched.
    std::optional<Error> booking_error() const;

    // --- Submission -------------------------------------------------------------------
    // Builds the body of POST /api/v1/tickets from the validated fields and moves to
    // Submitting. Returns nothing, and stays, unless the step is Consent, consent is given
    // and every field is valid.
    std::optional<nlohmann::json> begin_check_in(const std::string& consent_version);
    // The booking code (normalized: upper case, no spaces or dashes) or phone number to
    // check in with; moves to BookingSubmitting. Nothing when the input is invalid.
    struct BookingRequest {
        BookingMode mode = BookingMode::Code;
        std::string value;
        std::string request_id;  // as request_id() returns
    };
    std::optional<BookingRequest> begin_booking_check_in();
    // The random id sent with every check-in of this visitor, so the server issues one
    // ticket even when a reply is lost and the visitor taps again. A reset makes a new one.
    const std::string& request_id();

    // Results of the requests above, for the current session only.
    void on_check_in_succeeded(TicketInfo ticket, MonotonicMs now);
    // A field error sends the visitor back to that field; an unreachable server or any
    // other error returns to the step that submitted, with submit_error() set and every
    // entered value kept.
    void on_check_in_failed(const Error& error);

    const std::optional<TicketInfo>& ticket() const { return ticket_; }
    // The error of the last submission that is not about one field (server unreachable,
    // office closed); the screen shows it in a dialog until dismissed.
    const std::optional<Error>& submit_error() const { return submit_error_; }
    void dismiss_submit_error() { submit_error_.reset(); }

    // Whether the last health check or request reached the server.
    bool server_reachable() const { return server_reachable_; }
    void set_server_reachable(bool reachable) { server_reachable_ = reachable; }

    // --- Time -------------------------------------------------------------------------
    // Records a touch or key press; restarts the inactivity timer.
    void note_input(MonotonicMs now);
    // Applies the timers. Returns true when the step or a visible countdown changed.
    bool tick(MonotonicMs now);
    bool still_there_prompt() const { return prompt_since_.has_value(); }
    // "Ya, saya masih di sini": hides the prompt and restarts the timer.
    void confirm_presence(MonotonicMs now);
    // Whole seconds left on the visible countdown (the prompt or the ticket screen).
    int countdown_seconds(MonotonicMs now) const;
    // The next time tick() may change something, for a loop that sleeps until then.
    std::optional<MonotonicMs> next_deadline() const;

  private:
    void go_to(Step step);
    void reset();
    bool validate_step_fields();
    std::optional<Error> local_booking_error() const;

    Step step_ = Step::Welcome;
    Language language_ = Language::Indonesian;
    Language default_language_ = Language::Indonesian;
    std::uint64_t session_ = 0;
    WalkInForm form_;
    BookingForm booking_;
    std::string request_id_;
    std::array<std::optional<ServerFieldError>, kFieldCount> server_errors_;
    std::optional<ServerFieldError> booking_server_error_;
    std::optional<ConfirmGroup> editing_;
    std::optional<TicketInfo> ticket_;
    std::optional<Error> submit_error_;
    bool server_reachable_ = true;

    MonotonicMs last_input_ = 0;
    std::optional<MonotonicMs> prompt_since_;
    MonotonicMs ticket_shown_at_ = 0;
    int last_countdown_ = -1;
};

// Overwrites a string's bytes before clearing it, so what a visitor typed does not stay
// in freed memory that a later allocation could expose.
void wipe(std::string& text);

// Normalizes a typed booking code as the server does: upper case, spaces and dashes
// dropped.
std::string normalize_booking_code(std::string_view typed);

}  // namespace antrean::kiosk
