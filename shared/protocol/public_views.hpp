#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/error.hpp"
#include "domain/types.hpp"

// The public JSON messages of the queue server: the wall display's board and the ticket
// events on the stream. The server writes them with to_json and the display and consoles
// read them with the parse functions, so both sides share one definition. None of these
// messages carries personal data.
namespace antrean::protocol {

struct DeskRef {
    DeskId id;
    std::string name;      // "Meja 2"
    std::string location;  // "Lantai 2"
};

// A ticket at a desk, or one of the recent calls.
struct BoardCall {
    std::string ticket_code;
    AreaId area;
    std::optional<DeskRef> desk;
    TicketState state = TicketState::Called;
    std::string called_at;  // RFC 3339
    int recall_count = 0;
};

struct BoardDesk {
    DeskRef desk;
    std::optional<std::string> ticket_code;
    std::optional<TicketState> state;
};

struct Board {
    std::vector<BoardCall> calls;   // tickets called or being served, newest call first
    std::vector<BoardDesk> desks;   // every configured desk, in configuration order
    std::map<AreaId, int> waiting;  // every configured area, 0 when nobody waits
    std::vector<BoardCall> recent;  // today's last calls, newest first
    std::int64_t last_event_id = 0;
    std::string generated_at;
};

// Data of the ticket.called, ticket.recalled and ticket.updated events.
struct TicketEvent {
    TicketId ticket_id = 0;
    std::string ticket_code;
    AreaId area;
    TicketState state = TicketState::Waiting;
    Priority priority = Priority::Regular;
    std::optional<DeskRef> desk;
    std::optional<std::string> called_at;
    int recall_count = 0;
    std::optional<TicketId> previous_ticket_id;
};

nlohmann::json to_json(const DeskRef& desk);
nlohmann::json to_json(const BoardCall& call);
nlohmann::json to_json(const Board& board);
nlohmann::json to_json(const TicketEvent& event);

// Each returns an InvalidInput error naming the first missing or mistyped field.
Result<Board> parse_board(const nlohmann::json& json);
Result<TicketEvent> parse_ticket_event(const nlohmann::json& json);

}  // namespace antrean::protocol
