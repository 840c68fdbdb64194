#include "storage/records.hpp"

#include <algorithm>

namespace antrean::server::records {
namespace {

constexpr const char* kTicketColumns =
    "t.id, t.code, t.service_date, t.area, t.purpose, t.priority, t.kind, t.state, t.summary, "
    "t.language, t.assigned_officer_id, t.appointment_id, t.appointment_starts_at, t.officer_id, "
    "t.desk_id, t.previous_ticket_id, t.status_token, t.queued_at, t.created_at, t.called_at, "
    "t.recall_count, t.started_at, t.finished_at, t.selection_rule, t.outcome, t.notes, "
    "t.cancel_reason, t.estimated_wait_minutes, t.consent_by, v.name, v.phone, v.nik, "
    "v.passport, v.email, v.institution";

std::string select_tickets(const std::string& where) {
    return std::string("SELECT ") + kTicketColumns +
           " FROM tickets t JOIN visitors v ON v.id = t.visitor_id " + where;
}

template <typename Enum, typename Parser>
Enum parse_or(const std::string& text, Parser parser, Enum fallback) {
    const auto value = parser(text);
    return value ? *value : fallback;
}

Ticket read_ticket(const Statement& row) {
    Ticket t;
    t.id = row.column_int(0);
    t.code = row.column_text(1);
    t.service_date = row.column_text(2);
    t.area = row.column_text(3);
    t.purpose = parse_or(row.column_text(4), parse_purpose_names, Purpose::Complaint);
    t.priority = parse_or(row.column_text(5), parse_priority_names, Priority::Regular);
    t.kind = parse_or(row.column_text(6), parse_ticket_kind_names, TicketKind::WalkIn);
    t.state = parse_or(row.column_text(7), parse_ticket_state_names, TicketState::Waiting);
    t.summary = row.column_text(8);
    t.language = row.column_text(9) == "en" ? Language::English : Language::Indonesian;
    t.assigned_officer_id = row.column_optional_int(10);
    t.appointment_id = row.column_optional_int(11);
    t.appointment_starts_at = row.column_optional_int(12);
    t.officer_id = row.column_optional_int(13);
    if (!row.column_is_null(14)) t.desk_id = row.column_text(14);
    t.previous_ticket_id = row.column_optional_int(15);
    t.status_token = row.column_text(16);
    t.queued_at = row.column_int(17);
    t.created_at = row.column_int(18);
    t.called_at = row.column_optional_int(19);
    t.recall_count = static_cast<int>(row.column_int(20));
    t.started_at = row.column_optional_int(21);
    t.finished_at = row.column_optional_int(22);
    if (!row.column_is_null(23)) t.selection_rule = parse_selection_rule_names(row.column_text(23));
    if (!row.column_is_null(24)) t.outcome = parse_outcome_names(row.column_text(24));
    t.notes = row.column_text(25);
    t.cancel_reason = row.column_text(26);
    if (!row.column_is_null(27)) t.estimated_wait_minutes = static_cast<int>(row.column_int(27));
    t.consent_by = parse_or(row.column_text(28), parse_consent_by_names, ConsentBy::Visitor);
    t.visitor.name = row.column_text(29);
    t.visitor.phone = row.column_text(30);
    t.visitor.nik = row.column_text(31);
    t.visitor.passport = row.column_text(32);
    t.visitor.email = row.column_text(33);
    t.visitor.institution = row.column_text(34);
    return t;
}

std::optional<std::string> rule_text(const std::optional<SelectionRule>& rule) {
    if (!rule) return std::nullopt;
    return std::string(to_string(*rule));
}

std::optional<std::string> outcome_text(const std::optional<Outcome>& outcome) {
    if (!outcome) return std::nullopt;
    return std::string(to_string(*outcome));
}

}  // namespace

std::optional<Ticket> find_ticket(Database& db, TicketId id) {
    Statement stmt = db.prepare(select_tickets("WHERE t.id = ?1"));
    stmt.bind(1, id);
    if (!stmt.step()) return std::nullopt;
    return read_ticket(stmt);
}

std::vector<Ticket> list_open_and_day(Database& db, const std::string& service_date) {
    Statement stmt = db.prepare(select_tickets(
        "WHERE t.service_date = ?1 OR t.state IN ('waiting', 'called', 'serving') "
        "ORDER BY t.queued_at, t.id"));
    stmt.bind(1, service_date);
    std::vector<Ticket> tickets;
    while (stmt.step()) {
        tickets.push_back(read_ticket(stmt));
    }
    return tickets;
}

BoardInputs board_inputs(Database& db, const std::string& service_date, int recent_limit) {
    BoardInputs inputs;
    Statement active = db.prepare(select_tickets(
        "WHERE t.state IN ('called', 'serving') ORDER BY t.called_at DESC"));
    while (active.step()) {
        inputs.active.push_back(read_ticket(active));
    }
    Statement recent = db.prepare(select_tickets(
        "WHERE t.service_date = ?1 AND t.called_at IS NOT NULL ORDER BY t.called_at DESC LIMIT ?2"));
    recent.bind(1, service_date).bind(2, recent_limit);
    while (recent.step()) {
        inputs.recent.push_back(read_ticket(recent));
    }
    Statement waiting = db.prepare(
        "SELECT area, COUNT(*) FROM tickets INDEXED BY tickets_area_waiting WHERE state = 'waiting' GROUP BY area");
    while (waiting.step()) {
        inputs.waiting.emplace_back(waiting.column_text(0), static_cast<int>(waiting.column_int(1)));
    }
    return inputs;
}

int count_waiting_ahead(Database& db, const Ticket& ticket) {
    // Priority tickets go first. A regular ticket has every waiting priority ticket of its
    // area ahead of it plus the earlier regular ones, and a priority ticket only the earlier
    // priority ones.
    // The count visits every waiting ticket of the area, about 120 ns each on the 2-core
    // development VM; check-in uses count_waiting_before_newest instead.
    Statement stmt = db.prepare(
        "SELECT COUNT(*) FROM tickets INDEXED BY tickets_area_waiting "
        "WHERE state = 'waiting' AND area = ?1 AND id != ?2 AND "
        "(((queued_at < ?3 OR (queued_at = ?3 AND id < ?2)) AND (?4 = 'regular' OR priority = 'priority')) "
        "OR (?4 = 'regular' AND priority = 'priority'))");
    stmt.bind(1, ticket.area).bind(2, ticket.id).bind(3, ticket.queued_at).bind(4, to_string(ticket.priority));
    stmt.step();
    return static_cast<int>(stmt.column_int(0));
}

int count_waiting_before_newest(Database& db, const AreaId& area, Priority priority) {
    // The newest ticket is already in waiting_counts, so it is taken off its own count.
    Statement stmt = db.prepare(
        "SELECT COALESCE(SUM(waiting), 0) FROM waiting_counts "
        "WHERE area = ?1 AND (priority = 'priority' OR ?2 = 'regular')");
    stmt.bind(1, area).bind(2, to_string(priority));
    stmt.step();
    return std::max(0, static_cast<int>(stmt.column_int(0)) - 1);
}

std::optional<Ticket> active_ticket_of_officer(Database& db, OfficerId officer_id) {
    Statement stmt = db.prepare(select_tickets(
        "WHERE t.officer_id = ?1 AND t.state IN ('called', 'serving') ORDER BY t.called_at DESC LIMIT 1"));
    stmt.bind(1, officer_id);
    if (!stmt.step()) return std::nullopt;
    return read_ticket(stmt);
}

std::optional<Ticket> follow_up_ticket(Database& db, TicketId previous_id) {
    Statement stmt = db.prepare(select_tickets("WHERE t.previous_ticket_id = ?1 ORDER BY t.id DESC LIMIT 1"));
    stmt.bind(1, previous_id);
    if (!stmt.step()) return std::nullopt;
    return read_ticket(stmt);
}

std::int64_t insert_visitor(Database& db, const Visitor& visitor, ConsentBy consent_by,
                            const std::string& consent_version, TimestampMs now) {
    Statement stmt = db.prepare(
        "INSERT INTO visitors (name, phone, nik, passport, email, institution, consent_by, "
        "consent_version, consent_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    stmt.bind(1, visitor.name).bind(2, visitor.phone).bind(3, visitor.nik).bind(4, visitor.passport);
    stmt.bind(5, visitor.email).bind(6, visitor.institution).bind(7, to_string(consent_by));
    stmt.bind(8, consent_version).bind(9, now);
    stmt.run();
    return db.last_insert_id();
}

TicketId insert_ticket(Database& db, const Ticket& t, std::int64_t visitor_id) {
    Statement stmt = db.prepare(
        "INSERT INTO tickets (code, service_date, visitor_id, area, purpose, priority, kind, "
        "summary, language, state, assigned_officer_id, appointment_id, appointment_starts_at, "
        "previous_ticket_id, status_token, queued_at, created_at, estimated_wait_minutes, consent_by) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)");
    stmt.bind(1, t.code).bind(2, t.service_date).bind(3, visitor_id).bind(4, t.area);
    stmt.bind(5, to_string(t.purpose)).bind(6, to_string(t.priority)).bind(7, to_string(t.kind));
    stmt.bind(8, t.summary).bind(9, to_string(t.language)).bind(10, to_string(t.state));
    stmt.bind(11, t.assigned_officer_id).bind(12, t.appointment_id).bind(13, t.appointment_starts_at);
    stmt.bind(14, t.previous_ticket_id).bind(15, t.status_token).bind(16, t.queued_at);
    stmt.bind(17, t.created_at);
    if (t.estimated_wait_minutes) {
        stmt.bind(18, *t.estimated_wait_minutes);
    } else {
        stmt.bind(18, std::nullopt);
    }
    stmt.bind(19, to_string(t.consent_by));
    stmt.run();
    return db.last_insert_id();
}

bool update_ticket_state(Database& db, const Ticket& t, TicketState expected_state) {
    Statement stmt = db.prepare(
        "UPDATE tickets SET state = ?2, area = ?3, priority = ?4, assigned_officer_id = ?5, "
        "officer_id = ?6, desk_id = ?7, called_at = ?8, recall_count = ?9, started_at = ?10, "
        "finished_at = ?11, selection_rule = ?12, outcome = ?13, notes = ?14, cancel_reason = ?15 "
        "WHERE id = ?1 AND state = ?16");
    stmt.bind(1, t.id).bind(2, to_string(t.state)).bind(3, t.area).bind(4, to_string(t.priority));
    stmt.bind(5, t.assigned_officer_id).bind(6, t.officer_id).bind(7, t.desk_id);
    stmt.bind(8, t.called_at).bind(9, t.recall_count).bind(10, t.started_at).bind(11, t.finished_at);
    stmt.bind(12, rule_text(t.selection_rule)).bind(13, outcome_text(t.outcome));
    stmt.bind(14, t.notes).bind(15, t.cancel_reason).bind(16, to_string(expected_state));
    stmt.run();
    return db.changes() == 1;
}

void insert_history(Database& db, TicketId ticket_id, const TicketHistoryEntry& entry) {
    Statement stmt = db.prepare(
        "INSERT INTO ticket_history (ticket_id, at, action, from_state, to_state, officer_id, "
        "desk_id, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    stmt.bind(1, ticket_id).bind(2, entry.at).bind(3, entry.action);
    if (entry.from_state) {
        stmt.bind(4, to_string(*entry.from_state));
    } else {
        stmt.bind(4, std::nullopt);
    }
    stmt.bind(5, to_string(entry.to_state)).bind(6, entry.officer_id).bind(7, entry.desk_id);
    stmt.bind(8, entry.detail);
    stmt.run();
}

std::vector<TicketHistoryEntry> ticket_history(Database& db, TicketId ticket_id) {
    Statement stmt = db.prepare(
        "SELECT at, action, from_state, to_state, officer_id, desk_id, detail FROM ticket_history "
        "WHERE ticket_id = ?1 ORDER BY id");
    stmt.bind(1, ticket_id);
    std::vector<TicketHistoryEntry> entries;
    while (stmt.step()) {
        TicketHistoryEntry entry;
        entry.at = stmt.column_int(0);
        entry.action = stmt.column_text(1);
        if (!stmt.column_is_null(2)) entry.from_state = parse_ticket_state_names(stmt.column_text(2));
        entry.to_state = parse_ticket_state_names(stmt.column_text(3)).value_or(TicketState::Waiting);
        entry.officer_id = stmt.column_optional_int(4);
        if (!stmt.column_is_null(5)) entry.desk_id = stmt.column_text(5);
        entry.detail = stmt.column_text(6);
        entries.push_back(std::move(entry));
    }
    return entries;
}

int next_ticket_number(Database& db, const std::string& service_date, const AreaId& area) {
    Statement stmt = db.prepare(
        "INSERT INTO ticket_counters (service_date, area, last_number) VALUES (?1, ?2, 1) "
        "ON CONFLICT (service_date, area) DO UPDATE SET last_number = last_number + 1 "
        "RETURNING last_number");
    stmt.bind(1, service_date).bind(2, area);
    stmt.step();
    const int number = static_cast<int>(stmt.column_int(0));
    stmt.run();
    return number;
}

std::int64_t insert_event(Database& db, const std::string& name, const std::string& data,
                          TimestampMs now) {
    Statement stmt = db.prepare("INSERT INTO events (name, data, created_at) VALUES (?1, ?2, ?3)");
    stmt.bind(1, name).bind(2, data).bind(3, now);
    stmt.run();
    return db.last_insert_id();
}

std::vector<EventRow> events_after(Database& db, std::int64_t after_id, int limit) {
    Statement stmt = db.prepare("SELECT id, name, data FROM events WHERE id > ?1 ORDER BY id LIMIT ?2");
    stmt.bind(1, after_id).bind(2, limit);
    std::vector<EventRow> rows;
    while (stmt.step()) {
        rows.push_back(EventRow{stmt.column_int(0), stmt.column_text(1), stmt.column_text(2)});
    }
    return rows;
}

std::int64_t last_event_id(Database& db) {
    Statement stmt = db.prepare("SELECT COALESCE(MAX(id), 0) FROM events");
    stmt.step();
    return stmt.column_int(0);
}

std::optional<Ticket> find_ticket_by_request(Database& db, const std::string& request_id) {
    Statement stmt = db.prepare("SELECT ticket_id FROM check_in_requests WHERE request_id = ?1");
    stmt.bind(1, request_id);
    if (!stmt.step()) return std::nullopt;
    const TicketId id = stmt.column_int(0);
    stmt.release();
    return find_ticket(db, id);
}

TimestampMs newest_event_time(Database& db) {
    Statement stmt = db.prepare("SELECT COALESCE(MAX(created_at), 0) FROM events");
    stmt.step();
    return stmt.column_int(0);
}

std::int64_t first_event_id(Database& db) {
    Statement stmt = db.prepare("SELECT COALESCE(MIN(id), 0) FROM events");
    stmt.step();
    return stmt.column_int(0);
}

}  // namespace antrean::server::records
