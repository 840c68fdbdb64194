#include "engine/board.hpp"

#include "protocol/public_views.hpp"

namespace antrean::server {
namespace {

std::optional<protocol::DeskRef> desk_ref(const std::optional<DeskId>& desk_id, const ServerConfig& config) {
    if (!desk_id) return std::nullopt;
    const DeskConfig* desk = config.find_desk(*desk_id);
    if (desk == nullptr) return protocol::DeskRef{*desk_id, *desk_id, ""};
    return protocol::DeskRef{desk->id, desk->name, desk->location};
}

protocol::BoardCall board_call(const Ticket& ticket, const ServerConfig& config, const OfficeTime& office_time) {
    return protocol::BoardCall{ticket.code,
                               ticket.area,
                               desk_ref(ticket.desk_id, config),
                               ticket.state,
                               ticket.called_at ? office_time.rfc3339(*ticket.called_at) : std::string{},
                               ticket.recall_count};
}

}  // namespace

nlohmann::json desk_json(const std::optional<DeskId>& desk_id, const ServerConfig& config) {
    const auto desk = desk_ref(desk_id, config);
    return desk ? protocol::to_json(*desk) : nlohmann::json(nullptr);
}

nlohmann::json ticket_event_json(const Ticket& ticket, const ServerConfig& config, const OfficeTime& office_time) {
    protocol::TicketEvent event;
    event.ticket_id = ticket.id;
    event.ticket_code = ticket.code;
    event.area = ticket.area;
    event.state = ticket.state;
    event.priority = ticket.priority;
    event.desk = desk_ref(ticket.desk_id, config);
    if (ticket.called_at) event.called_at = office_time.rfc3339(*ticket.called_at);
    event.recall_count = ticket.recall_count;
    event.previous_ticket_id = ticket.previous_ticket_id;
    return protocol::to_json(event);
}

nlohmann::json build_board_json(const records::BoardInputs& inputs, const ServerConfig& config,
                                const OfficeTime& office_time, std::int64_t last_event_id, TimestampMs now) {
    protocol::Board board;
    for (const Ticket& ticket : inputs.active) {
        board.calls.push_back(board_call(ticket, config, office_time));
    }
    for (const DeskConfig& desk : config.desks) {
        protocol::BoardDesk entry{{desk.id, desk.name, desk.location}, std::nullopt, std::nullopt};
        for (const Ticket& ticket : inputs.active) {
            if (ticket.desk_id == desk.id) {
                entry.ticket_code = ticket.code;
                entry.state = ticket.state;
                break;
            }
        }
        board.desks.push_back(std::move(entry));
    }
    for (const Ticket& ticket : inputs.recent) {
        board.recent.push_back(board_call(ticket, config, office_time));
    }
    // Every configured area appears, with 0 when nobody waits.
    for (const AreaConfig& area : config.areas) {
        board.waiting[area.id] = 0;
    }
    for (const auto& [area, count] : inputs.waiting) {
        board.waiting[area] = count;
    }
    board.last_event_id = last_event_id;
    board.generated_at = office_time.rfc3339(now);
    return protocol::to_json(board);
}

}  // namespace antrean::server
