#pragma once

// The officer's desk as a state machine without drawing: which visitor the officer holds,
// which actions that ticket's state allows (and why not), what the request of each action
// is, and how a reply or an error changes the desk. The console draws from it.

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "console/live_queue.hpp"
#include "console/staff_api.hpp"
#include "console/staff_data.hpp"

namespace antrean::officer {

using console::LiveQueue;
using console::StaffAccount;
using console::StaffTicket;

// The officer's actions, in the order of their shortcut keys F1-F8.
enum class OfficerAction { CallNext, Recall, Start, Complete, NoShow, Requeue, Transfer, ToggleBreak, kCount };
inline constexpr std::array officer_action_names{"call_next", "recall",   "start",    "complete",
                                                 "no_show",   "requeue", "transfer", "toggle_break"};
static_assert(officer_action_names.size() == static_cast<size_t>(OfficerAction::kCount));
inline const char* to_string(OfficerAction action) { return officer_action_names.at(static_cast<size_t>(action)); }

// "F1" … "F8".
std::string shortcut_label(OfficerAction action);

// What the desk looks like when deciding which buttons work.
struct DeskSnapshot {
    std::optional<TicketState> current_state;  // the ticket the officer holds, if any
    OfficerStatus status = OfficerStatus::Available;
    bool request_in_flight = false;
};

struct Availability {
    bool enabled = false;
    std::string reason_key;  // catalogue key of why not, empty when enabled
};

// Whether `action` may be started now. The server decides in the end; this keeps the
// officer from pressing what would only get a 409.
Availability availability(OfficerAction action, const DeskSnapshot& desk);

// How the console reacts to a failed request.
enum class FailureReaction {
    ShowAndRefresh,  // someone else acted first (409, 403): say so, reload the queue
    ShowOnly,        // the request itself was wrong, or the server is unreachable
};

// The form behind "Selesai": the officer first confirms the report was recorded
// correctly, then picks the outcome and may add notes.
struct CompletionForm {
    bool report_confirmed = false;
    std::optional<Outcome> outcome;
    std::string notes;

    bool ready() const { return report_confirmed && outcome.has_value(); }
    // The body of POST /tickets/{id}/complete; only valid when ready().
    nlohmann::json body() const;
};

class OfficerDesk {
  public:
    // The ticket this officer called and has not finished, from the live queue.
    static const StaffTicket* current(const LiveQueue& queue, OfficerId me);
    // Waiting tickets this officer may be given (area and purpose among the account's
    // skills, and not assigned to another officer), longest wait first.
    static std::vector<const StaffTicket*> matching_waiting(const LiveQueue& queue, const StaffAccount& me);
    // Tickets this officer finished today: done, including those passed on by a transfer.
    static int served_today(const LiveQueue& queue, OfficerId me);

    DeskSnapshot snapshot(const LiveQueue& queue, const StaffAccount& me) const;

    // The route and body of an action on `ticket` (none for CallNext and ToggleBreak).
    static std::string action_path(OfficerAction action, TicketId ticket);

    // Marks an action as sent; another cannot start until finish_request().
    void begin_request(OfficerAction action) { in_flight_ = action; }
    void finish_request() { in_flight_.reset(); }
    std::optional<OfficerAction> in_flight() const { return in_flight_; }

    static FailureReaction reaction_to(const Error& error);

  private:
    std::optional<OfficerAction> in_flight_;
};

}  // namespace antrean::officer
