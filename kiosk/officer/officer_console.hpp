#pragma once

// The officer console (antrean-kiosk --role officer): log in at a desk, call and serve
// visitors with buttons or F1-F8, record the outcome of each service, and see who waits
// and today's appointments, all kept current from the event stream.

#include <optional>
#include <string>
#include <vector>

#include "console/console.hpp"
#include "console/login_window.hpp"
#include "console/move_dialog.hpp"
#include "officer/officer_desk.hpp"

namespace antrean::officer {

using console::AppointmentRecord;
using console::ConsoleUi;
using console::MonotonicMs;
using console::Notice;
using console::NoticeKind;
using console::StaffSession;

enum class OfficerDialog { None, Complete, Transfer, Pause };

class OfficerConsole final : public console::Console {
  public:
    // `api` and `feed` may be null for screenshots; `desk` preselects the login's desk.
    OfficerConsole(const Catalog& catalog, console::StaffApi* api, console::EventFeed* feed,
                   std::optional<DeskId> desk);

    bool update(MonotonicMs now) override;
    const char* draw(ConsoleUi& ui) override;
    std::optional<MonotonicMs> next_deadline() const override;
    bool animating() const override;
    Language language() const override { return session_.language(); }
    void set_language(Language language) override { session_.set_language(language); }

    // Runs `action` as its button or shortcut does: sends it, or opens its dialog.
    void start_action(OfficerAction action);

    StaffSession& session() { return session_; }
    OfficerDesk& desk() { return desk_; }
    console::LoginForm& login_form() { return login_; }
    CompletionForm& completion() { return completion_; }
    console::MoveForm& move() { return move_; }
    std::string& pause_reason() { return pause_reason_; }
    void open_dialog(OfficerDialog dialog) { dialog_ = dialog; }
    void set_notice(Notice notice) { notice_ = std::move(notice); }
    const std::optional<Notice>& notice() const { return notice_; }
    void set_appointments(std::vector<AppointmentRecord> appointments) { appointments_ = std::move(appointments); }

  private:
    void draw_desk(ConsoleUi& ui);
    void draw_dialogs(ConsoleUi& ui, const console::StaffTicket* current);
    void apply_shortcuts(ConsoleUi& ui);
    const console::StaffTicket* current() const;

    void call_next();
    void send_ticket_action(OfficerAction action, nlohmann::json body);
    void set_status(OfficerStatus status, std::string reason);
    void on_ticket_reply(OfficerAction action, Result<ApiResponse> response);
    void on_failure(const Error& error);
    void reload_appointments();
    void fetch_appointments();
    void reset_desk();

    StaffSession session_;
    OfficerDesk desk_;
    console::LoginForm login_;
    std::optional<Notice> notice_;
    OfficerDialog dialog_ = OfficerDialog::None;
    CompletionForm completion_;
    console::MoveForm move_;
    std::string pause_reason_;
    std::vector<AppointmentRecord> appointments_;
    console::Reloader appointments_reloader_;
    int shown_minute_ = -1;
    MonotonicMs last_update_ = 0;
};

}  // namespace antrean::officer
