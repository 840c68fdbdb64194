#include "domain/ticket_state.hpp"

namespace antrean {

Result<TicketState> next_state(TicketState current, TicketAction action) {
    using S = TicketState;
    using A = TicketAction;

    std::optional<TicketState> target;
    switch (action) {
        case A::Call:
            if (current == S::Waiting) target = S::Called;
            break;
        case A::Recall:
            if (current == S::Called) target = S::Called;
            break;
        case A::Start:
            if (current == S::Called) target = S::Serving;
            break;
        case A::Complete:
            if (current == S::Serving) target = S::Done;
            break;
        case A::NoShow:
            if (current == S::Called) target = S::NoShow;
            break;
        case A::Requeue:
            if (current == S::Called) target = S::Waiting;
            break;
        case A::Transfer:
            if (current == S::Serving) target = S::Done;
            break;
        case A::Cancel:
            if (current == S::Waiting || current == S::Called) target = S::Cancelled;
            break;
        case A::kCount:
            break;
    }
    if (!target) {
        return fail(ErrorCode::Conflict, "", "error.state_conflict",
                    {{"action", to_string(action)}, {"state", to_string(current)}});
    }
    return *target;
}

bool is_final(TicketState state) {
    return state == TicketState::Done || state == TicketState::NoShow ||
           state == TicketState::Cancelled;
}

}  // namespace antrean
