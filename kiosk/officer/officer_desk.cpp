#include "officer/officer_desk.hpp"

#include <algorithm>

namespace antrean::officer {

std::string shortcut_label(OfficerAction action) {
    return "F" + std::to_string(static_cast<int>(action) + 1);
}

Availability availability(OfficerAction action, const DeskSnapshot& desk) {
    auto disabled = [](const char* key) { return Availability{false, key}; };
    if (desk.request_in_flight) {
        return disabled("console.officer.reason.in_flight");
    }
    const bool holds = desk.current_state.has_value();
    const bool serving = holds && *desk.current_state == TicketState::Serving;

    switch (action) {
        case OfficerAction::CallNext:
            if (holds) {
                return disabled("console.officer.reason.finish_current");
            }
            if (desk.status == OfficerStatus::Paused) {
                return disabled("console.officer.reason.paused");
            }
            return {true, ""};
        case OfficerAction::Recall:
        case OfficerAction::Start:
        case OfficerAction::NoShow:
        case OfficerAction::Requeue:
            if (!holds) {
                return disabled("console.officer.reason.no_visitor");
            }
            if (serving) {
                return disabled("console.officer.reason.already_serving");
            }
            return {true, ""};
        case OfficerAction::Complete:
        case OfficerAction::Transfer:
            if (!holds) {
                return disabled("console.officer.reason.no_visitor");
            }
            if (!serving) {
                return disabled("console.officer.reason.start_first");
            }
            return {true, ""};
        case OfficerAction::ToggleBreak:
            if (desk.status != OfficerStatus::Paused && holds) {
                return disabled("console.officer.reason.finish_before_break");
            }
            return {true, ""};
        case OfficerAction::kCount:
            break;
    }
    return disabled("console.officer.reason.no_visitor");
}

nlohmann::json CompletionForm::body() const {
    return nlohmann::json{{"outcome", outcome ? to_string(*outcome) : "answered"}, {"notes", notes}};
}

const StaffTicket* OfficerDesk::current(const LiveQueue& queue, OfficerId me) {
    const StaffTicket* found = nullptr;
    for (const StaffTicket& ticket : queue.tickets()) {
        const bool held = ticket.state == TicketState::Called || ticket.state == TicketState::Serving;
        if (held && ticket.officer_id == me) {
            // The server lets an officer hold one ticket; the newest call wins if a stale
            // copy says otherwise.
            if (found == nullptr || ticket.called_at.value_or(0) > found->called_at.value_or(0)) {
                found = &ticket;
            }
        }
    }
    return found;
}

std::vector<const StaffTicket*> OfficerDesk::matching_waiting(const LiveQueue& queue, const StaffAccount& me) {
    std::vector<const StaffTicket*> matching;
    for (const StaffTicket& ticket : queue.tickets()) {
        if (ticket.state != TicketState::Waiting || !me.serves(ticket.area, ticket.purpose)) {
            continue;
        }
        if (ticket.assigned_officer_id && *ticket.assigned_officer_id != me.id) {
            continue;
        }
        matching.push_back(&ticket);
    }
    std::stable_sort(matching.begin(), matching.end(),
                     [](const StaffTicket* a, const StaffTicket* b) { return a->queued_at < b->queued_at; });
    return matching;
}

int OfficerDesk::served_today(const LiveQueue& queue, OfficerId me) {
    return static_cast<int>(std::count_if(queue.tickets().begin(), queue.tickets().end(), [&](const StaffTicket& t) {
        return t.state == TicketState::Done && t.officer_id == me;
    }));
}

DeskSnapshot OfficerDesk::snapshot(const LiveQueue& queue, const StaffAccount& me) const {
    DeskSnapshot desk;
    if (const StaffTicket* ticket = current(queue, me.id)) {
        desk.current_state = ticket->state;
    }
    desk.status = me.status;
    desk.request_in_flight = in_flight_.has_value();
    return desk;
}

std::string OfficerDesk::action_path(OfficerAction action, TicketId ticket) {
    const char* route = nullptr;
    switch (action) {
        case OfficerAction::Recall:
            route = "recall";
            break;
        case OfficerAction::Start:
            route = "start";
            break;
        case OfficerAction::Complete:
            route = "complete";
            break;
        case OfficerAction::NoShow:
            route = "no-show";
            break;
        case OfficerAction::Requeue:
            route = "requeue";
            break;
        case OfficerAction::Transfer:
            route = "transfer";
            break;
        case OfficerAction::CallNext:
        case OfficerAction::ToggleBreak:
        case OfficerAction::kCount:
            return {};
    }
    return "/api/v1/tickets/" + std::to_string(ticket) + "/" + route;
}

FailureReaction OfficerDesk::reaction_to(const Error& error) {
    switch (error.code) {
        case ErrorCode::Conflict:
        case ErrorCode::Forbidden:
        case ErrorCode::NotFound:
            return FailureReaction::ShowAndRefresh;
        default:
            return FailureReaction::ShowOnly;
    }
}

}  // namespace antrean::officer
