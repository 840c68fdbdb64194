#include "reception/reception_console.hpp"

#include <spdlog/spdlog.h>

#include <SFML/Window/Keyboard.hpp>

#include <algorithm>

#include "console/console_text.hpp"
#include "console/header_bar.hpp"
#include "reception/reception_panels.hpp"
#include "reception/ticket_print.hpp"

namespace antrean::reception {
namespace {

constexpr MonotonicMs kMinuteMs = 60'000;
// Reports are recomputed on the server from the whole day, so a burst of events fetches
// them at most this often.
constexpr MonotonicMs kReportsIntervalMs = 5'000;
constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;

constexpr std::array<sf::Keyboard::Key, static_cast<size_t>(ReceptionTab::kCount)> kTabKeys{
    sf::Keyboard::F1, sf::Keyboard::F2, sf::Keyboard::F3, sf::Keyboard::F4};
constexpr std::array<sf::Keyboard::Key, static_cast<size_t>(ReceptionAction::kCount)> kQueueActionKeys{
    sf::Keyboard::F5, sf::Keyboard::F6, sf::Keyboard::F7, sf::Keyboard::F8};

}  // namespace

ReceptionConsole::ReceptionConsole(const Catalog& catalog, console::StaffApi* api, console::EventFeed* feed,
                                   std::optional<std::filesystem::path> printer)
    : session_(catalog, console::ConsoleRole::Reception, api, feed),
      printer_(std::move(printer)),
      printer_worker_(printer_wakeup_) {
    session_.on_logged_in = [this] {
        reset();
        reload_appointments();
        reload_reports(true);
    };
    session_.on_logged_out = [this] { reset(); };
    session_.on_connected = [this] {
        reload_appointments();
        reload_reports(true);
    };
    session_.on_event = [this](const SseEvent& event) {
        if (event.name == "appointment.updated") {
            reload_appointments();
        } else if (event.name.rfind("ticket.", 0) == 0 || event.name == "survey.recorded") {
            reload_reports(false);
        }
    };
}

void ReceptionConsole::reset() {
    dialog_ = ReceptionDialog::None;
    notice_.reset();
    action_in_flight_ = false;
    queue_view_ = QueueView{};
    cancel_reason_.clear();
    move_ = console::MoveForm{};
    registration_ = RegistrationState{};
    appointments_ = AppointmentsState{};
    appointments_reloader_.reset();
    reports_ = ReportsState{};
    reports_reloader_.reset();
    reports_requested_ = false;
}

bool ReceptionConsole::update(MonotonicMs now) {
    last_update_ = now;
    bool changed = session_.update(now);
    if (printer_worker_.run_completions() > 0) {
        changed = true;
    }
    if (reports_requested_ && now >= next_reports_reload_) {
        reports_requested_ = false;
        next_reports_reload_ = now + kReportsIntervalMs;
        if (reports_reloader_.request()) {
            fetch_reports();
        }
    }
    const int minute = static_cast<int>(session_.now() / kMinuteMs);
    if (minute != shown_minute_) {
        shown_minute_ = minute;
        changed = true;
    }
    return changed;
}

std::optional<MonotonicMs> ReceptionConsole::next_deadline() const {
    MonotonicMs deadline = last_update_ + (kMinuteMs - session_.now() % kMinuteMs);
    if (reports_requested_) {
        deadline = std::min(deadline, next_reports_reload_);
    }
    return deadline;
}

bool ReceptionConsole::animating() const {
    return session_.busy() || session_.phase() == console::SessionPhase::LoggingIn || printer_worker_.busy();
}

void ReceptionConsole::on_failure(const Error& error, bool refresh) {
    spdlog::warn("A reception request failed: {} ({})", error_code_name(error.code), error.message_key);
    const std::string message = session_.error_text(error);
    if (refresh && (error.code == ErrorCode::Conflict || error.code == ErrorCode::NotFound)) {
        notice_ = Notice{NoticeKind::Warning, session_.catalog().translate(
                                                  session_.language(), "console.reception.notice.conflict",
                                                  {{"message", message}})};
        session_.reload_queue();
        reload_appointments();
        return;
    }
    notice_ = Notice{NoticeKind::Error, message};
}

void ReceptionConsole::send_ticket_request(console::HttpMethod method, std::string path, nlohmann::json body,
                                           std::string success_key, std::string code) {
    action_in_flight_ = true;
    session_.request(method, std::move(path), std::move(body),
                     [this, success_key = std::move(success_key), code = std::move(code)](Result<ApiResponse> reply) {
                         action_in_flight_ = false;
                         if (!reply) {
                             on_failure(reply.error(), true);
                             return;
                         }
                         if (reply->body.is_object() && reply->body.contains("ticket")) {
                             if (auto ticket = console::parse_staff_ticket(reply->body["ticket"])) {
                                 session_.mutable_queue().upsert(std::move(*ticket));
                             }
                         }
                         session_.reload_queue();
                         notice_ = Notice{NoticeKind::Success,
                                          session_.catalog().translate(session_.language(), success_key,
                                                                       {{"code", code}})};
                     });
}

void ReceptionConsole::run_queue_action(ReceptionAction action) {
    const console::StaffTicket* ticket = queue_view_.selected_ticket(session_.queue());
    if (action_in_flight_ || !reception_action_state(action, ticket).enabled) {
        return;
    }
    const std::string id = std::to_string(ticket->id);
    switch (action) {
        case ReceptionAction::TogglePriority: {
            const bool make_priority = ticket->priority == Priority::Regular;
            send_ticket_request(console::HttpMethod::Patch, "/api/v1/tickets/" + id,
                                {{"priority", make_priority ? "priority" : "regular"}},
                                make_priority ? "console.reception.notice.priority_on"
                                              : "console.reception.notice.priority_off",
                                ticket->code);
            return;
        }
        case ReceptionAction::Move:
            move_ = console::MoveForm{};
            move_.ticket_id = ticket->id;
            move_.ticket_code = ticket->code;
            move_.current_area = ticket->area;
            dialog_ = ReceptionDialog::MoveTicket;
            return;
        case ReceptionAction::Cancel:
            cancel_reason_.clear();
            dialog_ = ReceptionDialog::CancelTicket;
            return;
        case ReceptionAction::Reprint: {
            if (const OfficeTime* office = session_.office_time()) {
                print(printed_reprint(session_.catalog(), session_.config() ? &*session_.config() : nullptr, *office,
                                      *ticket),
                      false);
            }
            return;
        }
        case ReceptionAction::kCount:
            return;
    }
}

void ReceptionConsole::print(kiosk::PrintedTicket ticket, bool registration) {
    const Catalog& catalog = session_.catalog();
    if (!printer_) {
        if (registration) {
            registration_.print_status = kiosk::PrintStatus::NotConfigured;
        } else {
            notice_ = Notice{NoticeKind::Warning,
                             catalog.translate(session_.language(), "console.reception.notice.no_printer")};
        }
        return;
    }
    if (registration) {
        registration_.print_status = kiosk::PrintStatus::Printing;
    }
    const std::string code = ticket.code;
    printer_worker_.submit([this, path = *printer_, bytes = kiosk::encode_ticket(ticket), code,
                            registration]() -> std::function<void()> {
        kiosk::PrintOutcome outcome = kiosk::write_to_printer(path, bytes);
        return [this, outcome = std::move(outcome), code, registration] {
            if (outcome.status != kiosk::PrintStatus::Printed) {
                spdlog::error("Printing ticket {} failed: {}", code, outcome.reason);
            }
            if (registration) {
                registration_.print_status = outcome.status;
                return;
            }
            const char* key = outcome.status == kiosk::PrintStatus::Printed ? "console.reception.notice.reprinted"
                                                                            : "console.reception.notice.print_failed";
            notice_ = Notice{outcome.status == kiosk::PrintStatus::Printed ? NoticeKind::Success : NoticeKind::Error,
                             session_.catalog().translate(session_.language(), key, {{"code", code}})};
        };
    });
}

void ReceptionConsole::submit_registration() {
    RegistrationState& state = registration_;
    if (state.in_flight) {
        return;
    }
    state.submitted_once = true;
    state.errors = state.form.validate();
    if (!state.errors.empty()) {
        return;
    }
    state.in_flight = true;
    state.issued.reset();
    state.print_status.reset();
    const Language visitor_language = state.form.visitor_language;
    session_.request(console::HttpMethod::Post, "/api/v1/tickets", state.form.body(),
                     [this, visitor_language](Result<ApiResponse> reply) {
                         RegistrationState& current = registration_;
                         current.in_flight = false;
                         if (!reply) {
                             // A field the server rejects is shown at the field, as the
                             // local checks are.
                             const std::string& field = reply.error().field;
                             static const std::map<std::string, RegistrationField> kFields{
                                 {"visitor.name", RegistrationField::Name},
                                 {"visitor.phone", RegistrationField::Phone},
                                 {"visitor.nik", RegistrationField::Nik},
                                 {"visitor.email", RegistrationField::Email},
                                 {"visitor.institution", RegistrationField::Institution},
                                 {"summary", RegistrationField::Summary}};
                             if (const auto it = kFields.find(field); it != kFields.end()) {
                                 current.errors.emplace(it->second, reply.error());
                             }
                             on_failure(reply.error(), false);
                             return;
                         }
                         Result<kiosk::TicketInfo> ticket = kiosk::parse_ticket_reply(reply->body);
                         if (!ticket) {
                             on_failure(ticket.error(), false);
                             return;
                         }
                         spdlog::info("Registered ticket {} at reception", ticket->code);
                         current.issued = *ticket;
                         current.issued_language = visitor_language;
                         current.form.clear();
                         current.errors.clear();
                         current.submitted_once = false;
                         notice_.reset();
                         session_.reload_queue();
                         print(printed_registration(session_.catalog(), visitor_language,
                                                    session_.config() ? &*session_.config() : nullptr, *ticket),
                               true);
                     });
}

void ReceptionConsole::show_day(const std::string& date) {
    appointments_.date = date;
    appointments_.selected.reset();
    appointments_.records.clear();
    reload_appointments();
}

void ReceptionConsole::reload_appointments() {
    if (appointments_reloader_.request()) {
        fetch_appointments();
    }
}

void ReceptionConsole::fetch_appointments() {
    if (appointments_.date.empty() && session_.office_time() != nullptr) {
        appointments_.date = console::iso_date(*session_.office_time(), session_.now());
    }
    const std::string date = appointments_.date;
    session_.request(console::HttpMethod::Get, "/api/v1/appointments?date=" + date, nullptr,
                     [this, date](Result<ApiResponse> reply) {
                         if (!reply) {
                             spdlog::warn("Loading the appointments of {} failed: {}", date,
                                          describe_untranslated(reply.error()));
                         } else if (date == appointments_.date) {
                             appointments_.records = console::parse_appointments(reply->body);
                         }
                         if (appointments_reloader_.finish()) {
                             fetch_appointments();
                         }
                     });
}

void ReceptionConsole::submit_booking() {
    AppointmentsState& state = appointments_;
    const OfficeTime* office = session_.office_time();
    if (state.in_flight || office == nullptr) {
        return;
    }
    state.booking_submitted_once = true;
    state.booking_errors = state.booking.validate(*office, session_.now());
    if (!state.booking_errors.empty()) {
        return;
    }
    state.in_flight = true;
    session_.request(console::HttpMethod::Post, "/api/v1/appointments", state.booking.body(*office),
                     [this](Result<ApiResponse> reply) {
                         AppointmentsState& current = appointments_;
                         current.in_flight = false;
                         if (!reply) {
                             on_failure(reply.error(), false);
                             return;
                         }
                         const nlohmann::json& body = reply->body;
                         Result<console::AppointmentRecord> booked =
                             body.is_object() && body.contains("appointment")
                                 ? console::parse_appointment(body["appointment"])
                                 : Result<console::AppointmentRecord>(tl::unexpected(Error()));
                         if (!booked) {
                             on_failure(Error(ErrorCode::Internal, "", "error.invalid_response",
                                              {{"status", std::to_string(reply->status)}}),
                                        false);
                             return;
                         }
                         if (booked->booking_code.empty() && body.contains("booking_code") &&
                             body["booking_code"].is_string()) {
                             booked->booking_code = body["booking_code"].get<std::string>();
                         }
                         spdlog::info("Booked appointment {} for {}", booked->id,
                                      session_.office_time()->rfc3339(booked->starts_at));
                         current.message = confirmation_message(session_.catalog(),
                                                              session_.config() ? &*session_.config() : nullptr,
                                                              *session_.office_time(), *booked);
                         current.message_copied = false;
                         current.booked = *booked;
                         current.panel = AppointmentPanel::Booked;
                         current.booking = BookingForm{};
                         current.booking_errors.clear();
                         current.booking_submitted_once = false;
                         notice_.reset();
                         const std::string day = console::iso_date(*session_.office_time(), booked->starts_at);
                         if (day != current.date) {
                             show_day(day);
                         } else {
                             // Shown at once in the day view; the reload then brings the
                             // server's list, which has it too.
                             const bool listed = std::any_of(
                                 current.records.begin(), current.records.end(),
                                 [&](const console::AppointmentRecord& record) { return record.id == booked->id; });
                             if (!listed) {
                                 current.records.push_back(*booked);
                                 std::stable_sort(current.records.begin(), current.records.end(),
                                                  [](const console::AppointmentRecord& a,
                                                     const console::AppointmentRecord& b) {
                                                      return a.starts_at < b.starts_at;
                                                  });
                             }
                             reload_appointments();
                         }
                     });
}

void ReceptionConsole::submit_reschedule() {
    AppointmentsState& state = appointments_;
    const OfficeTime* office = session_.office_time();
    if (state.in_flight || office == nullptr) {
        return;
    }
    state.reschedule_errors = state.reschedule.validate(*office, session_.now());
    if (!state.reschedule_errors.empty()) {
        return;
    }
    state.in_flight = true;
    dialog_ = ReceptionDialog::None;
    const std::string code = state.reschedule.booking_code;
    session_.request(console::HttpMethod::Patch,
                     "/api/v1/appointments/" + std::to_string(state.reschedule.appointment_id),
                     state.reschedule.body(*office), [this, code](Result<ApiResponse> reply) {
                         appointments_.in_flight = false;
                         if (!reply) {
                             on_failure(reply.error(), true);
                             return;
                         }
                         notice_ = Notice{NoticeKind::Success,
                                          session_.catalog().translate(session_.language(),
                                                                       "console.booking.notice.rescheduled",
                                                                       {{"code", code}})};
                         if (reply->body.contains("appointment")) {
                             if (auto record = console::parse_appointment(reply->body["appointment"])) {
                                 const std::string day = console::iso_date(*session_.office_time(), record->starts_at);
                                 if (day != appointments_.date) {
                                     show_day(day);
                                 }
                                 appointments_.selected = record->id;
                             }
                         }
                         reload_appointments();
                     });
}

void ReceptionConsole::cancel_selected_appointment() {
    const console::AppointmentRecord* appointment = selected_appointment(appointments_);
    if (appointment == nullptr || appointments_.in_flight) {
        return;
    }
    appointments_.in_flight = true;
    dialog_ = ReceptionDialog::None;
    const std::string code = appointment->booking_code;
    session_.request(console::HttpMethod::Patch, "/api/v1/appointments/" + std::to_string(appointment->id),
                     {{"status", "cancelled"}}, [this, code](Result<ApiResponse> reply) {
                         appointments_.in_flight = false;
                         if (!reply) {
                             on_failure(reply.error(), true);
                             return;
                         }
                         notice_ = Notice{NoticeKind::Success,
                                          session_.catalog().translate(session_.language(),
                                                                       "console.booking.notice.cancelled",
                                                                       {{"code", code}})};
                         reload_appointments();
                     });
}

void ReceptionConsole::reload_reports(bool force) {
    reports_requested_ = true;
    if (force) {
        next_reports_reload_ = 0;
    }
}

void ReceptionConsole::fetch_reports() {
    const OfficeTime* office = session_.office_time();
    if (office == nullptr) {
        reports_reloader_.reset();
        return;
    }
    const std::string today = console::iso_date(*office, session_.now());
    const std::string month_start = today.substr(0, 8) + "01";
    // One request per figure; the month's index comes last and its reply finishes the round.
    session_.request(console::HttpMethod::Get, "/api/v1/reports/daily?date=" + today, nullptr,
                     [this](Result<ApiResponse> reply) {
                         if (reply) {
                             reports_.daily = console::parse_daily_report(reply->body);
                         } else {
                             spdlog::warn("Loading the daily report failed: {}", describe_untranslated(reply.error()));
                         }
                     });
    session_.request(console::HttpMethod::Get, "/api/v1/reports/ikm?from=" + today + "&to=" + today, nullptr,
                     [this](Result<ApiResponse> reply) {
                         if (reply) {
                             reports_.ikm_today = console::parse_ikm(reply->body);
                         }
                     });
    if (session_.config()) {
        for (const console::AreaInfo& area : session_.config()->areas) {
            session_.request(console::HttpMethod::Get,
                             "/api/v1/reports/ikm?from=" + month_start + "&to=" + today + "&area=" + area.id, nullptr,
                             [this, id = area.id](Result<ApiResponse> reply) {
                                 if (reply) {
                                     reports_.ikm_month_by_area[id] = console::parse_ikm(reply->body);
                                 }
                             });
        }
    }
    session_.request(console::HttpMethod::Get, "/api/v1/reports/ikm?from=" + month_start + "&to=" + today, nullptr,
                     [this](Result<ApiResponse> reply) {
                         if (reply) {
                             reports_.ikm_month = console::parse_ikm(reply->body);
                         } else {
                             spdlog::warn("Loading the satisfaction index failed: {}",
                                          describe_untranslated(reply.error()));
                         }
                         if (reports_reloader_.finish()) {
                             fetch_reports();
                         }
                     });
}

void ReceptionConsole::apply_shortcuts(ConsoleUi& ui) {
    if (!ui.shortcuts || dialog_ != ReceptionDialog::None) {
        return;
    }
    for (size_t i = 0; i < kTabKeys.size(); ++i) {
        if (ImGui::IsKeyPressed(kTabKeys[i], false)) {
            requested_tab_ = static_cast<ReceptionTab>(i);
        }
    }
    const ImGuiIO& io = ImGui::GetIO();
    switch (tab_) {
        case ReceptionTab::Queue:
            for (size_t i = 0; i < kQueueActionKeys.size(); ++i) {
                if (ImGui::IsKeyPressed(kQueueActionKeys[i], false)) {
                    run_queue_action(static_cast<ReceptionAction>(i));
                }
            }
            break;
        case ReceptionTab::Register:
            if (io.KeyCtrl && ImGui::IsKeyPressed(sf::Keyboard::Enter, false)) {
                submit_registration();
            }
            break;
        case ReceptionTab::Appointments:
            // F5-F8 of this tab belong to its window, which shows them on its buttons.
            if (io.KeyCtrl && ImGui::IsKeyPressed(sf::Keyboard::Enter, false) &&
                appointments_.panel == AppointmentPanel::NewBooking) {
                submit_booking();
            }
            break;
        case ReceptionTab::Summary:
        case ReceptionTab::kCount:
            break;
    }
}

const char* ReceptionConsole::draw(ConsoleUi& ui) {
    ui.language = session_.language();
    const console::HeaderIntent header =
        console::draw_header_bar(ui, session_, ui.tr("console.reception.title"), "", NoticeKind::Info);

    const char* screen = "login";
    if (session_.phase() != console::SessionPhase::LoggedIn || session_.me() == nullptr) {
        if (console::draw_login_window(ui, login_, session_, ui.tr("console.reception.login_title"))) {
            console::submit_login(session_, login_, std::nullopt);
        }
    } else {
        ui.shortcuts = dialog_ == ReceptionDialog::None;
        draw_console(ui);
        screen = reception_tab_names.at(static_cast<size_t>(tab_));
        switch (dialog_) {
            case ReceptionDialog::CancelTicket:
                screen = "cancel_ticket";
                break;
            case ReceptionDialog::MoveTicket:
                screen = "move_ticket";
                break;
            case ReceptionDialog::CancelAppointment:
                screen = "cancel_appointment";
                break;
            case ReceptionDialog::Reschedule:
                screen = "reschedule";
                break;
            case ReceptionDialog::None:
                break;
        }
    }

    console::apply_header_intent(session_, header);
    return screen;
}

void ReceptionConsole::draw_console(ConsoleUi& ui) {
    const float gap = ui.px(16);
    ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + gap, ImGui::GetCursorPosY() + ui.px(10)));
    ImGui::BeginChild("reception.body", ImVec2(ImGui::GetContentRegionAvail().x - gap,
                                               ImGui::GetContentRegionAvail().y - gap),
                      false);

    if (ImGui::BeginTabBar("reception.tabs")) {
        for (size_t i = 0; i < static_cast<size_t>(ReceptionTab::kCount); ++i) {
            const auto tab = static_cast<ReceptionTab>(i);
            const std::string name = reception_tab_names.at(i);
            const std::string label =
                "F" + std::to_string(i + 1) + "  " + ui.tr("console.reception.tab." + name) + "###tab." + name;
            ImGuiTabItemFlags flags = 0;
            if (requested_tab_ == tab) {
                flags |= ImGuiTabItemFlags_SetSelected;
            }
            const bool open = ImGui::BeginTabItem(label.c_str(), nullptr, flags);
            console::record_item(ui, "tab." + name, ui::ItemKind::Button);
            if (open) {
                tab_ = tab;
                ImGui::EndTabItem();
            }
        }
        requested_tab_.reset();
        ImGui::EndTabBar();
    }
    if (notice_) {
        console::notice_box(ui, "reception.notice", *notice_);
    }

    switch (tab_) {
        case ReceptionTab::Queue:
            if (const auto action = draw_queue_window(ui, session_, queue_view_, action_in_flight_)) {
                run_queue_action(*action);
            }
            break;
        case ReceptionTab::Register:
            switch (draw_registration_window(ui, session_, registration_, printer_.has_value())) {
                case RegistrationIntent::Submit:
                    submit_registration();
                    break;
                case RegistrationIntent::Reprint:
                    if (registration_.issued) {
                        print(printed_registration(session_.catalog(), registration_.issued_language,
                                                   session_.config() ? &*session_.config() : nullptr,
                                                   *registration_.issued),
                              true);
                    }
                    break;
                case RegistrationIntent::NewVisitor:
                    registration_ = RegistrationState{};
                    break;
                case RegistrationIntent::None:
                    break;
            }
            break;
        case ReceptionTab::Appointments: {
            const AppointmentsIntent intent = draw_appointments_window(ui, session_, appointments_);
            const OfficeTime* office = session_.office_time();
            auto shift_day = [&](int days) {
                const std::optional<TimestampMs> noon =
                    office ? parse_local_slot(*office, appointments_.date, "12.00") : std::nullopt;
                if (noon) {
                    show_day(console::iso_date(*office, *noon + days * kDayMs));
                }
            };
            switch (intent) {
                case AppointmentsIntent::PreviousDay:
                    shift_day(-1);
                    break;
                case AppointmentsIntent::NextDay:
                    shift_day(1);
                    break;
                case AppointmentsIntent::Today:
                    if (office != nullptr) {
                        show_day(console::iso_date(*office, session_.now()));
                    }
                    break;
                case AppointmentsIntent::NewBooking:
                    appointments_.panel = AppointmentPanel::NewBooking;
                    if (appointments_.booking.date.empty()) {
                        appointments_.booking.date = appointments_.date;
                    }
                    break;
                case AppointmentsIntent::SubmitBooking:
                    submit_booking();
                    break;
                case AppointmentsIntent::CloseForm:
                    appointments_.panel = AppointmentPanel::Details;
                    break;
                case AppointmentsIntent::Reschedule:
                    if (const auto* appointment = selected_appointment(appointments_); appointment && office) {
                        appointments_.reschedule = RescheduleForm::from(*appointment, *office, session_.catalog());
                        appointments_.reschedule_errors.clear();
                        dialog_ = ReceptionDialog::Reschedule;
                    }
                    break;
                case AppointmentsIntent::CancelAppointment:
                    if (selected_appointment(appointments_) != nullptr) {
                        dialog_ = ReceptionDialog::CancelAppointment;
                    }
                    break;
                case AppointmentsIntent::CopyMessage:
                    ImGui::SetClipboardText(appointments_.message.c_str());
                    appointments_.message_copied = true;
                    break;
                case AppointmentsIntent::None:
                    break;
            }
            break;
        }
        case ReceptionTab::Summary:
            draw_summary_window(ui, session_, reports_);
            break;
        case ReceptionTab::kCount:
            break;
    }
    // Shortcuts act after the widgets, so a key pressed in the frame of a click sees the
    // click's change (a ticked consent box before Ctrl+Enter).
    apply_shortcuts(ui);
    draw_dialogs(ui);
    ImGui::EndChild();
}

void ReceptionConsole::draw_dialogs(ConsoleUi& ui) {
    const console::StaffTicket* ticket = queue_view_.selected_ticket(session_.queue());
    if ((dialog_ == ReceptionDialog::CancelTicket || dialog_ == ReceptionDialog::MoveTicket) && ticket == nullptr) {
        dialog_ = ReceptionDialog::None;
    }

    const console::DialogIntent cancel =
        draw_cancel_ticket_dialog(ui, dialog_ == ReceptionDialog::CancelTicket, ticket, cancel_reason_);
    if (cancel == console::DialogIntent::Confirm && ticket != nullptr) {
        dialog_ = ReceptionDialog::None;
        send_ticket_request(console::HttpMethod::Post, "/api/v1/tickets/" + std::to_string(ticket->id) + "/cancel",
                            {{"reason", cancel_reason_}}, "console.reception.notice.cancelled", ticket->code);
    } else if (cancel == console::DialogIntent::Cancel) {
        dialog_ = ReceptionDialog::None;
    }

    const console::DialogIntent move = console::draw_move_dialog(ui, dialog_ == ReceptionDialog::MoveTicket, move_,
                                                                 session_, std::nullopt, "console.reception.move_title");
    if (move == console::DialogIntent::Confirm && move_.ready()) {
        dialog_ = ReceptionDialog::None;
        send_ticket_request(console::HttpMethod::Post, "/api/v1/tickets/" + std::to_string(move_.ticket_id) + "/transfer",
                            move_.body(), "console.reception.notice.moved", move_.ticket_code);
    } else if (move == console::DialogIntent::Cancel) {
        dialog_ = ReceptionDialog::None;
    }

    const console::DialogIntent reschedule =
        draw_reschedule_dialog(ui, dialog_ == ReceptionDialog::Reschedule, appointments_, session_);
    if (reschedule == console::DialogIntent::Confirm) {
        submit_reschedule();
    } else if (reschedule == console::DialogIntent::Cancel) {
        dialog_ = ReceptionDialog::None;
    }

    const console::DialogIntent cancel_appointment = draw_cancel_appointment_dialog(
        ui, dialog_ == ReceptionDialog::CancelAppointment, selected_appointment(appointments_), session_);
    if (cancel_appointment == console::DialogIntent::Confirm) {
        cancel_selected_appointment();
    } else if (cancel_appointment == console::DialogIntent::Cancel) {
        dialog_ = ReceptionDialog::None;
    }
}

}  // namespace antrean::reception
