#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/ticket.hpp"
#include "storage/database.hpp"

// Row mapping for the tables of the queue: every SQL statement on tickets, visitors,
// history and events lives here, so the engine speaks in domain types.
namespace antrean::server::records {

std::optional<Ticket> find_ticket(Database& db, TicketId id);
// The ticket a check-in with this client request id issued, if any.
std::optional<Ticket> find_ticket_by_request(Database& db, const std::string& request_id);
// Tickets of one service date plus every ticket still open from earlier days.
std::vector<Ticket> list_open_and_day(Database& db, const std::string& service_date);
// What the wall display needs: tickets at desks, today's newest calls, waiting per area.
struct BoardInputs {
    std::vector<Ticket> active;
    std::vector<Ticket> recent;
    std::vector<std::pair<AreaId, int>> waiting;
};
BoardInputs board_inputs(Database& db, const std::string& service_date, int recent_limit);
// Number of waiting tickets of the same area that will be called before this one.
int count_waiting_ahead(Database& db, const Ticket& ticket);
// The same count for the ticket just inserted (the newest of its area), read from the
// waiting_counts table in constant time.
int count_waiting_before_newest(Database& db, const AreaId& area, Priority priority);
std::optional<Ticket> active_ticket_of_officer(Database& db, OfficerId officer_id);
// The waiting ticket a transfer created from `previous_id`, if any.
std::optional<Ticket> follow_up_ticket(Database& db, TicketId previous_id);

std::int64_t insert_visitor(Database& db, const Visitor& visitor, ConsentBy consent_by,
                            const std::string& consent_version, TimestampMs now);
TicketId insert_ticket(Database& db, const Ticket& ticket, std::int64_t visitor_id);
// Writes the fields that change with the state; returns false when the row was not in
// `expected_state` any more (another request changed it first).
bool update_ticket_state(Database& db, const Ticket& ticket, TicketState expected_state);
void insert_history(Database& db, TicketId ticket_id, const TicketHistoryEntry& entry);
std::vector<TicketHistoryEntry> ticket_history(Database& db, TicketId ticket_id);

// Returns the next number for the area on that service date (1 for the first ticket).
int next_ticket_number(Database& db, const std::string& service_date, const AreaId& area);

std::int64_t insert_event(Database& db, const std::string& name, const std::string& data,
                          TimestampMs now);
struct EventRow {
    std::int64_t id;
    std::string name;
    std::string data;
};
std::vector<EventRow> events_after(Database& db, std::int64_t after_id, int limit);
std::int64_t last_event_id(Database& db);
// The time of the newest stored event, 0 without events.
TimestampMs newest_event_time(Database& db);
std::int64_t first_event_id(Database& db);

}  // namespace antrean::server::records
