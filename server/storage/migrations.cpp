#include <spdlog/spdlog.h>

#include <array>

#include "storage/database.hpp"

namespace antrean::server {
namespace {

// Schema steps in order; step N brings user_version from N to N+1. A released step is never
// edited: a change to the schema is a new step at the end.
constexpr std::array<const char*, 5> kMigrations{R"sql(
CREATE TABLE officers (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    areas TEXT NOT NULL DEFAULT '',
    purposes TEXT NOT NULL DEFAULT 'complaint,information,consultation',
    status TEXT NOT NULL DEFAULT 'offline',
    status_reason TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL
);
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    officer_id INTEGER NOT NULL REFERENCES officers(id),
    desk_id TEXT,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_officer ON sessions(officer_id, expires_at);
CREATE TABLE visitors (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    phone TEXT NOT NULL,
    nik TEXT NOT NULL DEFAULT '',
    passport TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    institution TEXT NOT NULL DEFAULT '',
    consent_by TEXT NOT NULL,
    consent_version TEXT NOT NULL,
    consent_at INTEGER NOT NULL,
    erased_at INTEGER
);
CREATE INDEX visitors_phone ON visitors(phone);
CREATE TABLE appointments (
    id INTEGER PRIMARY KEY,
    booking_code TEXT NOT NULL UNIQUE,
    visitor_id INTEGER NOT NULL REFERENCES visitors(id),
    area TEXT NOT NULL,
    purpose TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    starts_at INTEGER NOT NULL,
    length_minutes INTEGER NOT NULL,
    officer_id INTEGER REFERENCES officers(id),
    source TEXT NOT NULL,
    status TEXT NOT NULL,
    ticket_id INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX appointments_start ON appointments(starts_at);
CREATE TABLE ticket_counters (
    service_date TEXT NOT NULL,
    area TEXT NOT NULL,
    last_number INTEGER NOT NULL,
    PRIMARY KEY (service_date, area)
) WITHOUT ROWID;
CREATE TABLE tickets (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL,
    service_date TEXT NOT NULL,
    visitor_id INTEGER NOT NULL REFERENCES visitors(id),
    area TEXT NOT NULL,
    purpose TEXT NOT NULL,
    priority TEXT NOT NULL,
    kind TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT 'id',
    state TEXT NOT NULL,
    assigned_officer_id INTEGER REFERENCES officers(id),
    appointment_id INTEGER REFERENCES appointments(id),
    appointment_starts_at INTEGER,
    officer_id INTEGER REFERENCES officers(id),
    desk_id TEXT,
    previous_ticket_id INTEGER REFERENCES tickets(id),
    status_token TEXT NOT NULL UNIQUE,
    queued_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    called_at INTEGER,
    recall_count INTEGER NOT NULL DEFAULT 0,
    started_at INTEGER,
    finished_at INTEGER,
    selection_rule TEXT,
    estimated_wait_minutes INTEGER,
    consent_by TEXT NOT NULL DEFAULT 'visitor',
    outcome TEXT,
    notes TEXT NOT NULL DEFAULT '',
    cancel_reason TEXT NOT NULL DEFAULT ''
);
-- call-next reads the oldest waiting ticket per (area, purpose, priority) from these two
-- partial indexes, so its cost does not grow with the number of waiting tickets.
CREATE INDEX tickets_waiting ON tickets(area, purpose, priority, queued_at)
    WHERE state = 'waiting' AND assigned_officer_id IS NULL;
CREATE INDEX tickets_waiting_assigned ON tickets(assigned_officer_id, queued_at)
    WHERE state = 'waiting' AND assigned_officer_id IS NOT NULL;
CREATE INDEX tickets_active ON tickets(officer_id) WHERE state IN ('called', 'serving');
CREATE INDEX tickets_area_waiting ON tickets(area, queued_at) WHERE state = 'waiting';
CREATE INDEX tickets_called ON tickets(service_date, called_at) WHERE called_at IS NOT NULL;
CREATE INDEX tickets_day ON tickets(service_date, area);
CREATE TABLE ticket_history (
    id INTEGER PRIMARY KEY,
    ticket_id INTEGER NOT NULL REFERENCES tickets(id),
    at INTEGER NOT NULL,
    action TEXT NOT NULL,
    from_state TEXT,
    to_state TEXT NOT NULL,
    officer_id INTEGER,
    desk_id TEXT,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ticket_history_ticket ON ticket_history(ticket_id);
-- The event stream. AUTOINCREMENT so an id is never reused, even after the newest rows
-- are deleted: clients resume with Last-Event-ID across restarts.
CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    data TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
)sql",
                                                  R"sql(
-- Survey answers are kept apart from visitors: reports read this table alone, so an
-- answer is never joined to a name. ticket_id is unique: one answer per visit.
CREATE TABLE survey_responses (
    id INTEGER PRIMARY KEY,
    ticket_id INTEGER NOT NULL UNIQUE REFERENCES tickets(id),
    service_date TEXT NOT NULL,
    area TEXT NOT NULL,
    scores TEXT NOT NULL,
    comment TEXT NOT NULL DEFAULT '',
    submitted_at INTEGER NOT NULL
);
CREATE INDEX survey_responses_date ON survey_responses(service_date, area);
-- A requeue clears called_at; the first call is what ends the visitor's wait in reports.
ALTER TABLE tickets ADD COLUMN first_called_at INTEGER;
UPDATE tickets SET first_called_at = called_at;
)sql",
                                                  R"sql(
-- The wait estimate at every check-in averages the area's 20 newest services of the day.
-- Without this index that read walks all of the day's tickets of the area and sorts them,
-- so each check-in cost grew with the number of tickets issued.
CREATE INDEX tickets_finished ON tickets(area, service_date, finished_at, started_at)
    WHERE state = 'done';
)sql",
                                                  R"sql(
-- The waiting tickets per area and priority, kept by triggers in the transaction of every
-- change. A new ticket's place in the queue is then one read instead of a count over the
-- area's waiting tickets, which grew with the queue and ran at every check-in.
CREATE TABLE waiting_counts (
    area TEXT NOT NULL,
    priority TEXT NOT NULL,
    waiting INTEGER NOT NULL,
    PRIMARY KEY (area, priority)
) WITHOUT ROWID;
INSERT INTO waiting_counts (area, priority, waiting)
    SELECT area, priority, COUNT(*) FROM tickets WHERE state = 'waiting' GROUP BY area, priority;
CREATE TRIGGER waiting_counts_insert AFTER INSERT ON tickets WHEN NEW.state = 'waiting'
BEGIN
    INSERT INTO waiting_counts (area, priority, waiting) VALUES (NEW.area, NEW.priority, 1)
        ON CONFLICT (area, priority) DO UPDATE SET waiting = waiting + 1;
END;
-- A ticket that leaves the waiting state, or changes area or priority while waiting,
-- leaves its old count; the next trigger adds it to the new one.
CREATE TRIGGER waiting_counts_leave AFTER UPDATE OF state, area, priority ON tickets
    WHEN OLD.state = 'waiting'
BEGIN
    UPDATE waiting_counts SET waiting = waiting - 1 WHERE area = OLD.area AND priority = OLD.priority;
END;
CREATE TRIGGER waiting_counts_enter AFTER UPDATE OF state, area, priority ON tickets
    WHEN NEW.state = 'waiting'
BEGIN
    INSERT INTO waiting_counts (area, priority, waiting) VALUES (NEW.area, NEW.priority, 1)
        ON CONFLICT (area, priority) DO UPDATE SET waiting = waiting + 1;
END;
CREATE TRIGGER waiting_counts_delete AFTER DELETE ON tickets WHEN OLD.state = 'waiting'
BEGIN
    UPDATE waiting_counts SET waiting = waiting - 1 WHERE area = OLD.area AND priority = OLD.priority;
END;
)sql",
                                                  R"sql(
-- The request id a kiosk sends with a check-in, so a repeat after a lost reply returns the
-- ticket already issued instead of a second one. Rows older than a day are deleted hourly.
CREATE TABLE check_in_requests (
    request_id TEXT PRIMARY KEY,
    ticket_id INTEGER NOT NULL REFERENCES tickets(id),
    created_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX check_in_requests_created ON check_in_requests(created_at);
)sql"};

}  // namespace

Result<int> migrate(Database& db) {
    try {
        int version = db.user_version();
        if (version > static_cast<int>(kMigrations.size())) {
            return fail(ErrorCode::Unavailable, "", "storage.schema_too_new",
                        {{"path", db.path().string()},
                         {"version", std::to_string(version)},
                         {"supported", std::to_string(kMigrations.size())}});
        }
        while (version < static_cast<int>(kMigrations.size())) {
            Transaction transaction(db);
            db.exec(kMigrations[static_cast<size_t>(version)]);
            db.exec("PRAGMA user_version = " + std::to_string(version + 1));
            transaction.commit();
            ++version;
            spdlog::info("database {} migrated to schema version {}", db.path().string(), version);
        }
        return version;
    } catch (const DatabaseError& error) {
        return fail(ErrorCode::Unavailable, "", "storage.migration_failed",
                    {{"path", db.path().string()}, {"reason", error.what()}});
    }
}

}  // namespace antrean::server
