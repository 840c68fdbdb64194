#pragma once

// The reception's live queue table without drawing: which tickets the filters let
// through, in which order, which row is selected, and which actions the selected
// ticket's state allows.

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "console/live_queue.hpp"

namespace antrean::reception {

using console::LiveQueue;
using console::StaffTicket;

// The state filter: every active ticket, every ticket, or one state.
enum class StateFilter { Active, All, Waiting, Called, Serving, Done, NoShow, Cancelled, kCount };
inline constexpr std::array state_filter_names{"active", "all",  "waiting",  "called",
                                               "serving", "done", "no_show", "cancelled"};
static_assert(state_filter_names.size() == static_cast<size_t>(StateFilter::kCount));

enum class QueueColumn { Code, State, Area, Purpose, Priority, Waited, Officer, Desk, Name, Phone, Nik, kCount };
inline constexpr std::array queue_column_names{"code",    "state", "area", "purpose", "priority", "waited",
                                               "officer", "desk",  "name", "phone",   "nik"};
static_assert(queue_column_names.size() == static_cast<size_t>(QueueColumn::kCount));

// The reception's actions on the selected ticket.
enum class ReceptionAction { TogglePriority, Move, Cancel, Reprint, kCount };
inline constexpr std::array reception_action_names{"priority", "move", "cancel", "reprint"};
static_assert(reception_action_names.size() == static_cast<size_t>(ReceptionAction::kCount));

struct ActionState {
    bool enabled = false;
    std::string reason_key;  // why not, empty when enabled
};

// Priority and moving work on waiting tickets, cancelling on waiting and called ones, and
// a reprint on any ticket that is still active.
ActionState reception_action_state(ReceptionAction action, const StaffTicket* ticket);

class QueueView {
  public:
    using OfficerName = std::function<std::string(OfficerId)>;

    StateFilter state_filter = StateFilter::Active;
    std::optional<AreaId> area_filter;  // none: every area
    QueueColumn sort_column = QueueColumn::Waited;
    bool ascending = false;  // longest wait first
    std::optional<TicketId> selected;

    bool passes(const StaffTicket& ticket) const;
    // The tickets to show, filtered and sorted. Ties keep the queue's order (by queue time).
    std::vector<const StaffTicket*> rows(const LiveQueue& queue, TimestampMs now, const OfficerName& officer_name) const;
    // The selected ticket when it is still in the queue.
    const StaffTicket* selected_ticket(const LiveQueue& queue) const;
    // Moves the selection `step` rows up (negative) or down within `rows`.
    void move_selection(const std::vector<const StaffTicket*>& rows, int step);
};

}  // namespace antrean::reception
