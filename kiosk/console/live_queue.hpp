#pragma once

// The consoles' copy of today's queue. A full GET /api/v1/queue replaces it; events of the
// stream change it in between, so a state change shows at once, before the next reload
// brings what events leave out (the visitor's identity, outcomes and notes).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "console/staff_data.hpp"
#include "protocol/public_views.hpp"

namespace antrean::console {

enum class EventEffect {
    Applied,  // a known ticket changed; a reload is still useful for the fields events omit
    Unknown,  // a ticket this copy has not seen (a check-in or a transfer): reload to show it
};

class LiveQueue {
  public:
    // Replaces every ticket with a fresh GET /api/v1/queue.
    void replace(QueueSnapshot snapshot);
    // Replaces or adds one ticket, for example from an action's reply.
    void upsert(StaffTicket ticket);
    // Applies the data of a ticket.called, ticket.recalled or ticket.updated event.
    EventEffect apply(const protocol::TicketEvent& event);
    void clear();

    const StaffTicket* find(TicketId id) const;
    const std::vector<StaffTicket>& tickets() const { return tickets_; }
    const std::string& service_date() const { return service_date_; }
    bool loaded() const { return loaded_; }
    // Increases with every change, so views rebuild derived lists only when it moves.
    std::uint64_t version() const { return version_; }

  private:
    std::vector<StaffTicket> tickets_;
    std::string service_date_;
    bool loaded_ = false;
    std::uint64_t version_ = 0;
};

}  // namespace antrean::console
