#include "officer/officer_console.hpp"

#include <spdlog/spdlog.h>

#include <SFML/Window/Keyboard.hpp>

#include "console/console_text.hpp"
#include "console/header_bar.hpp"
#include "officer/officer_panels.hpp"

namespace antrean::officer {
namespace {

constexpr MonotonicMs kMinuteMs = 60'000;

// The SFML key of each action's shortcut, F1-F8 in OfficerAction order.
constexpr std::array<sf::Keyboard::Key, static_cast<size_t>(OfficerAction::kCount)> kShortcutKeys{
    sf::Keyboard::F1, sf::Keyboard::F2, sf::Keyboard::F3, sf::Keyboard::F4,
    sf::Keyboard::F5, sf::Keyboard::F6, sf::Keyboard::F7, sf::Keyboard::F8,
};

// The sentence that confirms a finished action on `ticket`.
std::string action_notice(const Catalog& catalog, Language language, OfficerAction action,
                          const console::StaffTicket& ticket) {
    const std::string& code = ticket.code;
    switch (action) {
        case OfficerAction::CallNext:
            return catalog.translate(language, "console.officer.notice.called",
                                     {{"code", code}, {"desk", ticket.desk_name}});
        case OfficerAction::Recall:
            return catalog.translate(language, "console.officer.notice.recalled",
                                     {{"code", code}, {"count", std::to_string(ticket.recall_count)}});
        case OfficerAction::Start:
            return catalog.translate(language, "console.officer.notice.started", {{"code", code}});
        case OfficerAction::Complete:
            return catalog.translate(
                language, "console.officer.notice.completed",
                {{"code", code},
                 {"outcome", console::outcome_text(catalog, language, ticket.outcome.value_or(Outcome::Answered))}});
        case OfficerAction::NoShow:
            return catalog.translate(language, "console.officer.notice.no_show", {{"code", code}});
        case OfficerAction::Requeue:
            return catalog.translate(language, "console.officer.notice.requeued", {{"code", code}});
        case OfficerAction::Transfer:
            return catalog.translate(language, "console.officer.notice.transferred", {{"code", code}});
        case OfficerAction::ToggleBreak:
        case OfficerAction::kCount:
            break;
    }
    return {};
}

}  // namespace

OfficerConsole::OfficerConsole(const Catalog& catalog, console::StaffApi* api, console::EventFeed* feed,
                               std::optional<DeskId> desk)
    : session_(catalog, console::ConsoleRole::Officer, api, feed) {
    login_.desk = std::move(desk);
    session_.on_logged_in = [this] {
        reset_desk();
        reload_appointments();
    };
    session_.on_logged_out = [this] { reset_desk(); };
    session_.on_connected = [this] { reload_appointments(); };
    session_.on_event = [this](const SseEvent& event) {
        if (event.name == "appointment.updated") {
            reload_appointments();
        }
    };
}

void OfficerConsole::reset_desk() {
    desk_.finish_request();
    dialog_ = OfficerDialog::None;
    completion_ = CompletionForm{};
    move_ = console::MoveForm{};
    pause_reason_.clear();
    notice_.reset();
    appointments_.clear();
    appointments_reloader_.reset();
}

const console::StaffTicket* OfficerConsole::current() const {
    const console::StaffAccount* me = session_.me();
    return me != nullptr ? OfficerDesk::current(session_.queue(), me->id) : nullptr;
}

bool OfficerConsole::update(MonotonicMs now) {
    last_update_ = now;
    bool changed = session_.update(now);
    // Waiting times are shown in whole minutes.
    const int minute = static_cast<int>(session_.now() / kMinuteMs);
    if (minute != shown_minute_) {
        shown_minute_ = minute;
        changed = true;
    }
    return changed;
}

std::optional<MonotonicMs> OfficerConsole::next_deadline() const {
    const TimestampMs wall = session_.now();
    return last_update_ + (kMinuteMs - wall % kMinuteMs);
}

bool OfficerConsole::animating() const {
    return session_.busy() || session_.phase() == console::SessionPhase::LoggingIn;
}

void OfficerConsole::reload_appointments() {
    if (appointments_reloader_.request()) {
        fetch_appointments();
    }
}

void OfficerConsole::fetch_appointments() {
    session_.request(console::HttpMethod::Get, "/api/v1/appointments", nullptr, [this](Result<ApiResponse> reply) {
        if (reply) {
            appointments_ = console::parse_appointments(reply->body);
        } else {
            spdlog::warn("Loading today's appointments failed: {}", describe_untranslated(reply.error()));
        }
        if (appointments_reloader_.finish()) {
            fetch_appointments();
        }
    });
}

void OfficerConsole::start_action(OfficerAction action) {
    const console::StaffAccount* me = session_.me();
    if (me == nullptr || !availability(action, desk_.snapshot(session_.queue(), *me)).enabled) {
        return;
    }
    const console::StaffTicket* ticket = current();
    switch (action) {
        case OfficerAction::CallNext:
            call_next();
            return;
        case OfficerAction::Complete:
            completion_ = CompletionForm{};
            dialog_ = OfficerDialog::Complete;
            return;
        case OfficerAction::Transfer:
            move_ = console::MoveForm{};
            if (ticket != nullptr) {
                move_.ticket_id = ticket->id;
                move_.ticket_code = ticket->code;
                move_.current_area = ticket->area;
            }
            dialog_ = OfficerDialog::Transfer;
            return;
        case OfficerAction::ToggleBreak:
            if (me->status == OfficerStatus::Paused) {
                set_status(OfficerStatus::Available, "");
            } else {
                pause_reason_.clear();
                dialog_ = OfficerDialog::Pause;
            }
            return;
        case OfficerAction::Recall:
        case OfficerAction::Start:
        case OfficerAction::NoShow:
        case OfficerAction::Requeue:
            send_ticket_action(action, nlohmann::json::object());
            return;
        case OfficerAction::kCount:
            return;
    }
}

void OfficerConsole::call_next() {
    const console::StaffAccount* me = session_.me();
    if (me == nullptr || !me->desk) {
        return;
    }
    desk_.begin_request(OfficerAction::CallNext);
    session_.request(console::HttpMethod::Post, "/api/v1/desks/" + encode_path_segment(*me->desk) + "/call-next",
                     nlohmann::json::object(), [this](Result<ApiResponse> reply) {
                         on_ticket_reply(OfficerAction::CallNext, std::move(reply));
                     });
}

void OfficerConsole::send_ticket_action(OfficerAction action, nlohmann::json body) {
    const console::StaffTicket* ticket = current();
    if (ticket == nullptr) {
        return;
    }
    desk_.begin_request(action);
    session_.request(console::HttpMethod::Post, OfficerDesk::action_path(action, ticket->id), std::move(body),
                     [this, action](Result<ApiResponse> reply) { on_ticket_reply(action, std::move(reply)); });
}

void OfficerConsole::set_status(OfficerStatus status, std::string reason) {
    desk_.begin_request(OfficerAction::ToggleBreak);
    nlohmann::json body{{"status", to_string(status)}};
    if (!reason.empty()) {
        body["reason"] = std::move(reason);
    }
    session_.request(console::HttpMethod::Post, "/api/v1/officers/me/status", std::move(body),
                     [this, status](Result<ApiResponse> reply) {
                         desk_.finish_request();
                         if (!reply) {
                             on_failure(reply.error());
                             return;
                         }
                         if (reply->body.contains("officer")) {
                             if (auto account = console::parse_staff_account(reply->body["officer"])) {
                                 session_.refresh_me(std::move(*account));
                             }
                         }
                         const char* key = status == OfficerStatus::Paused ? "console.officer.notice.paused"
                                                                           : "console.officer.notice.available";
                         notice_ = Notice{NoticeKind::Info, session_.catalog().translate(session_.language(), key)};
                     });
}

void OfficerConsole::on_ticket_reply(OfficerAction action, Result<ApiResponse> reply) {
    desk_.finish_request();
    if (!reply) {
        on_failure(reply.error());
        return;
    }
    const Catalog& catalog = session_.catalog();
    const Language language = session_.language();
    if (action == OfficerAction::CallNext && reply->status == 204) {
        notice_ = Notice{NoticeKind::Info, catalog.translate(language, "console.officer.notice.nobody")};
        return;
    }
    const nlohmann::json& body = reply->body;
    Result<console::StaffTicket> ticket = body.is_object() && body.contains("ticket")
                                              ? console::parse_staff_ticket(body["ticket"])
                                              : Result<console::StaffTicket>(tl::unexpected(Error()));
    if (!ticket) {
        spdlog::warn("The reply to {} had no ticket", to_string(action));
        session_.reload_queue();
        return;
    }
    const std::string text = action_notice(catalog, language, action, *ticket);
    spdlog::info("Ticket {} {}: now {}", ticket->id, to_string(action), to_string(ticket->state));
    session_.mutable_queue().upsert(std::move(*ticket));
    // A transfer creates a new waiting ticket, and other fields may have moved on.
    session_.reload_queue();
    notice_ = Notice{action == OfficerAction::NoShow ? NoticeKind::Warning : NoticeKind::Success, text};
}

void OfficerConsole::on_failure(const Error& error) {
    const Catalog& catalog = session_.catalog();
    const std::string message = session_.error_text(error);
    spdlog::warn("An officer action failed: {} ({})", error_code_name(error.code), error.message_key);
    if (OfficerDesk::reaction_to(error) == FailureReaction::ShowAndRefresh) {
        notice_ = Notice{NoticeKind::Warning,
                         catalog.translate(session_.language(), "console.officer.notice.conflict", {{"message", message}})};
        session_.reload_queue();
        session_.reload_staff();
        return;
    }
    notice_ = Notice{NoticeKind::Error, message};
}

void OfficerConsole::apply_shortcuts(ConsoleUi& ui) {
    if (!ui.shortcuts || dialog_ != OfficerDialog::None) {
        return;
    }
    for (size_t i = 0; i < kShortcutKeys.size(); ++i) {
        if (ImGui::IsKeyPressed(kShortcutKeys[i], false)) {
            start_action(static_cast<OfficerAction>(i));
        }
    }
}

const char* OfficerConsole::draw(ConsoleUi& ui) {
    ui.language = session_.language();
    const console::StaffAccount* me = session_.me();
    std::string status;
    NoticeKind status_kind = NoticeKind::Success;
    if (me != nullptr) {
        status = console::officer_status_text(session_.catalog(), ui.language, me->status);
        status_kind = me->status == OfficerStatus::Paused ? NoticeKind::Warning : NoticeKind::Success;
    }
    const console::HeaderIntent header =
        console::draw_header_bar(ui, session_, ui.tr("console.officer.title"), status, status_kind);

    const char* screen = "login";
    if (session_.phase() != console::SessionPhase::LoggedIn || me == nullptr) {
        if (console::draw_login_window(ui, login_, session_, ui.tr("console.officer.login_title"))) {
            console::submit_login(session_, login_, login_.desk);
        }
    } else {
        ui.shortcuts = dialog_ == OfficerDialog::None;
        draw_desk(ui);
        screen = "desk";
        switch (dialog_) {
            case OfficerDialog::Complete:
                screen = "complete";
                break;
            case OfficerDialog::Transfer:
                screen = "transfer";
                break;
            case OfficerDialog::Pause:
                screen = "pause";
                break;
            case OfficerDialog::None:
                break;
        }
    }

    console::apply_header_intent(session_, header);
    return screen;
}

void OfficerConsole::draw_desk(ConsoleUi& ui) {
    const console::StaffAccount& me = *session_.me();
    const console::StaffTicket* ticket = current();
    const DeskSnapshot snapshot = desk_.snapshot(session_.queue(), me);

    const ImVec2 available = ImGui::GetContentRegionAvail();
    const float gap = ui.px(16);
    const float side_width = std::max(ui.px(520), available.x * 0.32f);
    const float main_width = available.x - side_width - 3 * gap;
    ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + gap, ImGui::GetCursorPosY() + gap));

    ImGui::BeginChild("officer.main", ImVec2(main_width, available.y - 2 * gap), false);
    const float actions_height = ui.px(2 * 64 + 12);
    ImGui::BeginChild("officer.visitor", ImVec2(0, ImGui::GetContentRegionAvail().y - actions_height - ui.px(16)),
                      true, ImGuiWindowFlags_AlwaysUseWindowPadding);
    draw_visitor_panel(ui, session_, ticket, notice_);
    ImGui::EndChild();
    ImGui::Dummy(ImVec2(0, ui.px(4)));
    if (const std::optional<OfficerAction> clicked = draw_action_bar(ui, snapshot)) {
        start_action(*clicked);
    }
    ImGui::EndChild();

    ImGui::SameLine(0, gap);
    ImGui::BeginChild("officer.side", ImVec2(side_width, available.y - 2 * gap), false);
    draw_side_panels(ui, session_, appointments_);
    ImGui::EndChild();

    apply_shortcuts(ui);
    draw_dialogs(ui, ticket);
}

void OfficerConsole::draw_dialogs(ConsoleUi& ui, const console::StaffTicket* ticket) {
    // A dialog about a ticket closes when the ticket left the officer (cancelled by
    // reception, or a reload showed someone else acted).
    if ((dialog_ == OfficerDialog::Complete || dialog_ == OfficerDialog::Transfer) && ticket == nullptr) {
        dialog_ = OfficerDialog::None;
    }

    const console::DialogIntent complete =
        draw_complete_dialog(ui, dialog_ == OfficerDialog::Complete, completion_, ticket, session_);
    if (complete == console::DialogIntent::Confirm && completion_.ready()) {
        dialog_ = OfficerDialog::None;
        send_ticket_action(OfficerAction::Complete, completion_.body());
    } else if (complete == console::DialogIntent::Cancel) {
        dialog_ = OfficerDialog::None;
    }

    const std::optional<OfficerId> me = session_.me() ? std::optional<OfficerId>(session_.me()->id) : std::nullopt;
    const console::DialogIntent move = console::draw_move_dialog(ui, dialog_ == OfficerDialog::Transfer, move_,
                                                                 session_, me, "console.officer.transfer_title");
    if (move == console::DialogIntent::Confirm && move_.ready()) {
        dialog_ = OfficerDialog::None;
        send_ticket_action(OfficerAction::Transfer, move_.body());
    } else if (move == console::DialogIntent::Cancel) {
        dialog_ = OfficerDialog::None;
    }

    const console::DialogIntent pause = draw_pause_dialog(ui, dialog_ == OfficerDialog::Pause, pause_reason_);
    if (pause == console::DialogIntent::Confirm && !pause_reason_.empty()) {
        dialog_ = OfficerDialog::None;
        set_status(OfficerStatus::Paused, pause_reason_);
    } else if (pause == console::DialogIntent::Cancel) {
        dialog_ = OfficerDialog::None;
    }
}

}  // namespace antrean::officer
