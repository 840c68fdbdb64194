#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "config/config.hpp"
#include "domain/office_time.hpp"
#include "domain/ticket.hpp"
#include "storage/records.hpp"

namespace antrean::server {

// The public payload of a ticket event: code, area, state, desk and times. Never the
// visitor, the summary or the status token.
nlohmann::json ticket_event_json(const Ticket& ticket, const ServerConfig& config,
                                 const OfficeTime& office_time);

// What a wall display shows: current calls per desk (newest first), every desk with its
// ticket, waiting counts per area and the last calls.
nlohmann::json build_board_json(const records::BoardInputs& inputs, const ServerConfig& config,
                                const OfficeTime& office_time, std::int64_t last_event_id,
                                TimestampMs now);

// {"id": "2", "name": "Meja 2", "location": "Lantai 2"}, or null for no desk.
nlohmann::json desk_json(const std::optional<DeskId>& desk_id, const ServerConfig& config);

}  // namespace antrean::server
