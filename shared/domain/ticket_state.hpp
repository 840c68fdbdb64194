#pragma once

#include "domain/error.hpp"
#include "domain/types.hpp"

namespace antrean {

// What staff can do to a ticket; each maps to one route under /api/v1/tickets/{id}/.
enum class TicketAction { Call, Recall, Start, Complete, NoShow, Requeue, Transfer, Cancel, kCount };
inline constexpr std::array ticket_action_names{"call",    "recall",  "start",    "complete",
                                                "no_show", "requeue", "transfer", "cancel"};
static_assert(ticket_action_names.size() == static_cast<size_t>(TicketAction::kCount));
inline const char* to_string(TicketAction action) { return enum_name(ticket_action_names, action); }

// Returns the state a ticket moves to, or a Conflict error naming the action and the state
// when the ticket's state does not allow it. Transfer ends this ticket as done; the engine
// creates the linked waiting ticket.
Result<TicketState> next_state(TicketState current, TicketAction action);

// True for done, no_show and cancelled: nothing can happen to the ticket any more.
bool is_final(TicketState state);

}  // namespace antrean
