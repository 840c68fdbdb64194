#include "console/live_queue.hpp"

#include <algorithm>

#include "domain/office_time.hpp"

namespace antrean::console {

void LiveQueue::replace(QueueSnapshot snapshot) {
    tickets_ = std::move(snapshot.tickets);
    service_date_ = std::move(snapshot.service_date);
    loaded_ = true;
    ++version_;
}

void LiveQueue::upsert(StaffTicket ticket) {
    ++version_;
    for (StaffTicket& existing : tickets_) {
        if (existing.id == ticket.id) {
            existing = std::move(ticket);
            return;
        }
    }
    tickets_.push_back(std::move(ticket));
}

EventEffect LiveQueue::apply(const protocol::TicketEvent& event) {
    const auto it = std::find_if(tickets_.begin(), tickets_.end(),
                                 [&](const StaffTicket& ticket) { return ticket.id == event.ticket_id; });
    if (it == tickets_.end()) {
        return EventEffect::Unknown;
    }
    StaffTicket& ticket = *it;
    ticket.state = event.state;
    ticket.priority = event.priority;
    ticket.area = event.area;
    ticket.recall_count = event.recall_count;
    if (event.desk) {
        ticket.desk_id = event.desk->id;
        ticket.desk_name = event.desk->name;
    }
    if (event.called_at) {
        if (const Result<TimestampMs> called = parse_rfc3339(*event.called_at)) {
            ticket.called_at = *called;
        }
    } else if (event.state == TicketState::Waiting) {
        // A requeued ticket waits again and shows its wait from the queue time.
        ticket.called_at.reset();
        ticket.desk_id.reset();
        ticket.desk_name.clear();
        ticket.officer_id.reset();
    }
    ++version_;
    return EventEffect::Applied;
}

void LiveQueue::clear() {
    tickets_.clear();
    service_date_.clear();
    loaded_ = false;
    ++version_;
}

const StaffTicket* LiveQueue::find(TicketId id) const {
    const auto it =
        std::find_if(tickets_.begin(), tickets_.end(), [&](const StaffTicket& ticket) { return ticket.id == id; });
    return it == tickets_.end() ? nullptr : &*it;
}

}  // namespace antrean::console
