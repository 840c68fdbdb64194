#include "reception/day_summary.hpp"

#include <algorithm>
#include <set>

namespace antrean::reception {

int AreaFigures::average_wait_minutes() const {
    return called_count == 0 ? 0 : (called_wait_total_minutes + called_count / 2) / called_count;
}

DaySummary DaySummary::compute(const console::LiveQueue& queue, TimestampMs now,
                               const std::vector<AreaId>& area_order) {
    DaySummary summary;
    for (const AreaId& area : area_order) {
        summary.areas.push_back(AreaFigures{area});
    }
    auto figures_for = [&](const AreaId& area) -> AreaFigures& {
        const auto it = std::find_if(summary.areas.begin(), summary.areas.end(),
                                     [&](const AreaFigures& figures) { return figures.area == area; });
        if (it != summary.areas.end()) {
            return *it;
        }
        summary.areas.push_back(AreaFigures{area});
        return summary.areas.back();
    };

    // A transfer ends the first ticket as done and continues the visit in a new one; only
    // the newest ticket of a visit counts.
    std::set<TicketId> replaced;
    for (const console::StaffTicket& ticket : queue.tickets()) {
        if (ticket.previous_ticket_id) {
            replaced.insert(*ticket.previous_ticket_id);
        }
    }

    for (const console::StaffTicket& ticket : queue.tickets()) {
        if (replaced.count(ticket.id) != 0) {
            continue;
        }
        AreaFigures& area = figures_for(ticket.area);
        for (AreaFigures* figures : {&area, &summary.total}) {
            switch (ticket.state) {
                case TicketState::Waiting:
                    ++figures->waiting;
                    break;
                case TicketState::Called:
                case TicketState::Serving:
                    ++figures->in_service;
                    break;
                case TicketState::Done:
                    ++figures->served;
                    break;
                case TicketState::NoShow:
                    ++figures->no_shows;
                    break;
                case TicketState::Cancelled:
                    ++figures->cancelled;
                    break;
                case TicketState::kCount:
                    break;
            }
            if (ticket.state == TicketState::Cancelled) {
                continue;
            }
            const int waited = ticket.waited_minutes(now);
            if (ticket.called_at) {
                ++figures->called_count;
                figures->called_wait_total_minutes += waited;
            }
            figures->longest_wait_minutes = std::max(figures->longest_wait_minutes, waited);
        }
    }
    return summary;
}

}  // namespace antrean::reception
