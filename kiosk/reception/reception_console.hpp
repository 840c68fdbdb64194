#pragma once

// The reception console (antrean-kiosk --role reception). Its four tabs are the whole
// queue as a live table (priority, cancel, move, reprint), the registration of visitors at
// the desk, the appointments by day and officer with a booking form and its confirmation
// message, and today's figures with charts and the satisfaction index.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "console/console.hpp"
#include "console/login_window.hpp"
#include "console/move_dialog.hpp"
#include "reception/booking_form.hpp"
#include "reception/day_summary.hpp"
#include "reception/queue_view.hpp"
#include "reception/registration_form.hpp"
#include "services/background_worker.hpp"
#include "services/escpos.hpp"
#include "services/ticket_printer.hpp"
#include "visitor/server_data.hpp"

namespace antrean::reception {

using console::ConsoleUi;
using console::MonotonicMs;
using console::Notice;
using console::NoticeKind;
using console::StaffSession;

enum class ReceptionTab { Queue, Register, Appointments, Summary, kCount };
inline constexpr std::array reception_tab_names{"queue", "register", "appointments", "summary"};
static_assert(reception_tab_names.size() == static_cast<size_t>(ReceptionTab::kCount));

enum class ReceptionDialog { None, CancelTicket, MoveTicket, CancelAppointment, Reschedule };

// The content of the right side of the appointments tab.
enum class AppointmentPanel { Details, NewBooking, Booked };

// The state of the registration tab.
struct RegistrationState {
    RegistrationForm form;
    std::map<RegistrationField, Error> errors;
    bool submitted_once = false;  // errors show after the first try, not while typing
    bool in_flight = false;
    std::optional<kiosk::TicketInfo> issued;
    Language issued_language = Language::Indonesian;  // the language the ticket prints in
    std::optional<kiosk::PrintStatus> print_status;
};

// The state of the appointments tab.
struct AppointmentsState {
    std::string date;  // the day shown, "2026-12-04"; empty until the office clock is known
    std::vector<console::AppointmentRecord> records;
    std::optional<AppointmentId> selected;
    AppointmentPanel panel = AppointmentPanel::Details;
    BookingForm booking;
    std::map<BookingField, Error> booking_errors;
    bool booking_submitted_once = false;
    bool in_flight = false;
    std::optional<console::AppointmentRecord> booked;
    std::string message;  // the confirmation text of `booked` or of the selected appointment
    bool message_copied = false;
    RescheduleForm reschedule;
    std::map<BookingField, Error> reschedule_errors;
};

// The figures of the summary tab that come from reports.
struct ReportsState {
    std::optional<console::DailyFigures> daily;
    std::optional<console::IkmSummary> ikm_today;
    std::optional<console::IkmSummary> ikm_month;
    // This month's index per service area, for the areas whose reply has arrived.
    std::map<AreaId, console::IkmSummary> ikm_month_by_area;
};

class ReceptionConsole final : public console::Console {
  public:
    // `api` and `feed` may be null for screenshots. Tickets print to `printer` when given.
    ReceptionConsole(const Catalog& catalog, console::StaffApi* api, console::EventFeed* feed,
                     std::optional<std::filesystem::path> printer);

    bool update(MonotonicMs now) override;
    const char* draw(ConsoleUi& ui) override;
    std::optional<MonotonicMs> next_deadline() const override;
    bool animating() const override;
    Language language() const override { return session_.language(); }
    void set_language(Language language) override { session_.set_language(language); }

    // The actions of buttons and shortcuts.
    void run_queue_action(ReceptionAction action);
    void submit_registration();
    void submit_booking();
    void submit_reschedule();
    void cancel_selected_appointment();
    void show_day(const std::string& date);

    StaffSession& session() { return session_; }
    console::LoginForm& login_form() { return login_; }
    QueueView& queue_view() { return queue_view_; }
    RegistrationState& registration() { return registration_; }
    AppointmentsState& appointments() { return appointments_; }
    ReportsState& reports() { return reports_; }
    std::string& cancel_reason() { return cancel_reason_; }
    console::MoveForm& move() { return move_; }
    void select_tab(ReceptionTab tab) { requested_tab_ = tab; }
    void open_dialog(ReceptionDialog dialog) { dialog_ = dialog; }
    void set_notice(Notice notice) { notice_ = std::move(notice); }
    const std::optional<Notice>& notice() const { return notice_; }

  private:
    void draw_console(ConsoleUi& ui);
    void draw_dialogs(ConsoleUi& ui);
    void apply_shortcuts(ConsoleUi& ui);

    void send_ticket_request(console::HttpMethod method, std::string path, nlohmann::json body,
                             std::string success_key, std::string code);
    void print(kiosk::PrintedTicket ticket, bool registration);
    void reload_appointments();
    void fetch_appointments();
    void reload_reports(bool force);
    void fetch_reports();
    void on_failure(const Error& error, bool refresh);
    void reset();

    StaffSession session_;
    console::LoginForm login_;
    std::optional<std::filesystem::path> printer_;
    kiosk::Wakeup printer_wakeup_;
    kiosk::BackgroundWorker printer_worker_;

    ReceptionTab tab_ = ReceptionTab::Queue;
    std::optional<ReceptionTab> requested_tab_;
    ReceptionDialog dialog_ = ReceptionDialog::None;
    std::optional<Notice> notice_;
    bool action_in_flight_ = false;

    QueueView queue_view_;
    std::string cancel_reason_;
    console::MoveForm move_;
    RegistrationState registration_;
    AppointmentsState appointments_;
    console::Reloader appointments_reloader_;
    ReportsState reports_;
    console::Reloader reports_reloader_;
    MonotonicMs next_reports_reload_ = 0;
    bool reports_requested_ = false;
    MonotonicMs last_update_ = 0;
    int shown_minute_ = -1;
};

}  // namespace antrean::reception
