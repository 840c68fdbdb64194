#include "reception/queue_view.hpp"

#include <algorithm>

namespace antrean::reception {
namespace {

// The text or number a column sorts by.
struct SortKey {
    std::string text;
    std::int64_t number = 0;
};

SortKey sort_key(const StaffTicket& ticket, QueueColumn column, TimestampMs now,
                 const QueueView::OfficerName& officer_name) {
    switch (column) {
        case QueueColumn::Code:
            return {ticket.code, 0};
        case QueueColumn::State:
            return {"", static_cast<std::int64_t>(ticket.state)};
        case QueueColumn::Area:
            return {ticket.area, 0};
        case QueueColumn::Purpose:
            return {"", static_cast<std::int64_t>(ticket.purpose)};
        case QueueColumn::Priority:
            return {"", static_cast<std::int64_t>(ticket.priority)};
        case QueueColumn::Waited:
            return {"", ticket.waited_minutes(now)};
        case QueueColumn::Officer:
            return {ticket.officer_id && officer_name ? officer_name(*ticket.officer_id) : std::string(), 0};
        case QueueColumn::Desk:
            return {ticket.desk_name, 0};
        case QueueColumn::Name:
            return {ticket.visitor.name, 0};
        case QueueColumn::Phone:
            return {ticket.visitor.phone, 0};
        case QueueColumn::Nik:
            return {ticket.visitor.nik, 0};
        case QueueColumn::kCount:
            break;
    }
    return {};
}

}  // namespace

ActionState reception_action_state(ReceptionAction action, const StaffTicket* ticket) {
    if (ticket == nullptr) {
        return {false, "console.reception.reason.no_selection"};
    }
    const bool waiting = ticket->state == TicketState::Waiting;
    switch (action) {
        case ReceptionAction::TogglePriority:
        case ReceptionAction::Move:
            return waiting ? ActionState{true, ""} : ActionState{false, "console.reception.reason.not_waiting"};
        case ReceptionAction::Cancel:
            if (waiting || ticket->state == TicketState::Called) {
                return {true, ""};
            }
            return {false, "console.reception.reason.not_cancellable"};
        case ReceptionAction::Reprint:
            return ticket->is_active() ? ActionState{true, ""}
                                       : ActionState{false, "console.reception.reason.finished"};
        case ReceptionAction::kCount:
            break;
    }
    return {false, "console.reception.reason.no_selection"};
}

bool QueueView::passes(const StaffTicket& ticket) const {
    if (area_filter && ticket.area != *area_filter) {
        return false;
    }
    switch (state_filter) {
        case StateFilter::Active:
            return ticket.is_active();
        case StateFilter::All:
            return true;
        case StateFilter::Waiting:
            return ticket.state == TicketState::Waiting;
        case StateFilter::Called:
            return ticket.state == TicketState::Called;
        case StateFilter::Serving:
            return ticket.state == TicketState::Serving;
        case StateFilter::Done:
            return ticket.state == TicketState::Done;
        case StateFilter::NoShow:
            return ticket.state == TicketState::NoShow;
        case StateFilter::Cancelled:
            return ticket.state == TicketState::Cancelled;
        case StateFilter::kCount:
            break;
    }
    return true;
}

std::vector<const StaffTicket*> QueueView::rows(const LiveQueue& queue, TimestampMs now,
                                                const OfficerName& officer_name) const {
    std::vector<const StaffTicket*> rows;
    for (const StaffTicket& ticket : queue.tickets()) {
        if (passes(ticket)) {
            rows.push_back(&ticket);
        }
    }
    // The queue arrives ordered by queue time; a stable sort keeps that order for ties.
    std::stable_sort(rows.begin(), rows.end(), [](const StaffTicket* a, const StaffTicket* b) {
        return a->queued_at < b->queued_at;
    });
    std::stable_sort(rows.begin(), rows.end(), [&](const StaffTicket* a, const StaffTicket* b) {
        const SortKey left = sort_key(*a, sort_column, now, officer_name);
        const SortKey right = sort_key(*b, sort_column, now, officer_name);
        if (left.text != right.text) {
            return ascending ? left.text < right.text : left.text > right.text;
        }
        if (left.number != right.number) {
            return ascending ? left.number < right.number : left.number > right.number;
        }
        return false;
    });
    return rows;
}

const StaffTicket* QueueView::selected_ticket(const LiveQueue& queue) const {
    return selected ? queue.find(*selected) : nullptr;
}

void QueueView::move_selection(const std::vector<const StaffTicket*>& rows, int step) {
    if (rows.empty()) {
        selected.reset();
        return;
    }
    auto it = std::find_if(rows.begin(), rows.end(),
                           [&](const StaffTicket* ticket) { return selected && ticket->id == *selected; });
    if (it == rows.end()) {
        selected = step >= 0 ? rows.front()->id : rows.back()->id;
        return;
    }
    const auto index = static_cast<long>(it - rows.begin()) + step;
    const long clamped = std::clamp(index, 0L, static_cast<long>(rows.size()) - 1);
    selected = rows[static_cast<size_t>(clamped)]->id;
}

}  // namespace antrean::reception
