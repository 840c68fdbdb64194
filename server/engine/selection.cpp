// Who is called next: the selection rules, in one transaction with the call itself.
#include <spdlog/spdlog.h>

#include "engine/queue_engine.hpp"
#include "storage/officer_records.hpp"
#include "storage/records.hpp"

namespace antrean::server {
namespace {

struct Candidate {
    TicketId id = 0;
    TimestampMs queued_at = 0;
};

bool older(const std::optional<Candidate>& a, const std::optional<Candidate>& b) {
    if (!a) return false;
    if (!b) return true;
    return a->queued_at < b->queued_at || (a->queued_at == b->queued_at && a->id < b->id);
}

// Oldest unassigned waiting ticket of one priority class among the officer's skills. One
// indexed lookup per (area, purpose) pair, so the cost is independent of queue length.
std::optional<Candidate> oldest_unassigned(Database& db, const Officer& officer, Priority priority) {
    std::optional<Candidate> best;
    for (const AreaId& area : officer.areas) {
        for (Purpose purpose : officer.purposes) {
            Statement stmt = db.prepare(
                "SELECT id, queued_at FROM tickets INDEXED BY tickets_waiting "
                "WHERE state = 'waiting' AND assigned_officer_id IS NULL AND area = ?1 "
                "AND purpose = ?2 AND priority = ?3 ORDER BY queued_at, id LIMIT 1");
            stmt.bind(1, area).bind(2, to_string(purpose)).bind(3, to_string(priority));
            if (stmt.step()) {
                std::optional<Candidate> found = Candidate{stmt.column_int(0), stmt.column_int(1)};
                if (older(found, best)) best = found;
            }
        }
    }
    return best;
}

}  // namespace

Result<std::optional<CallResult>> QueueEngine::select_next_locked(const Officer& officer, TimestampMs now) {
    Database& db = *store_.db;
    const TimestampMs grace_ms = static_cast<TimestampMs>(config_.queue.booking_grace_minutes) * 60'000;
    const TimestampMs starvation_ms = static_cast<TimestampMs>(config_.queue.starvation_limit_minutes) * 60'000;
    const TimestampMs absent_ms = static_cast<TimestampMs>(config_.queue.booked_officer_absent_minutes) * 60'000;

    auto pick = [&](TicketId id, SelectionRule rule) -> Result<std::optional<CallResult>> {
        auto ticket = records::find_ticket(db, id);
        if (!ticket) {
            return fail(ErrorCode::Internal, "", "error.internal");
        }
        return std::optional<CallResult>(CallResult{std::move(*ticket), rule});
    };

    // 1. Visitors assigned to this officer: a booking whose slot has started (or starts
    //    within the grace period), or a transfer addressed to this officer.
    {
        Statement stmt = db.prepare(
            "SELECT id, appointment_starts_at FROM tickets INDEXED BY tickets_waiting_assigned "
            "WHERE state = 'waiting' AND assigned_officer_id = ?1 "
            "AND (appointment_starts_at IS NULL OR appointment_starts_at <= ?2) "
            "ORDER BY COALESCE(appointment_starts_at, queued_at), queued_at, id LIMIT 1");
        stmt.bind(1, officer.id).bind(2, now + grace_ms);
        if (stmt.step()) {
            const TicketId id = stmt.column_int(0);
            const bool booked = !stmt.column_is_null(1);
            return pick(id, booked ? SelectionRule::BookedAtSlot : SelectionRule::TransferredToOfficer);
        }
    }

    const std::optional<Candidate> regular = oldest_unassigned(db, officer, Priority::Regular);

    // 2. Nobody waits for ever: a regular ticket past the limit goes before priority ones.
    if (regular && now - regular->queued_at > starvation_ms) {
        return pick(regular->id, SelectionRule::WaitedOverLimit);
    }

    // 3. Priority visitors.
    if (const auto priority = oldest_unassigned(db, officer, Priority::Priority)) {
        return pick(priority->id, SelectionRule::Priority);
    }

    // 4. Booked visitors whose officer is not logged in, after a delay, compete with the
    //    regular queue by arrival time.
    std::optional<Candidate> orphan;
    {
        Statement stmt = db.prepare(
            "SELECT t.id, t.queued_at, t.area, t.purpose FROM tickets t INDEXED BY tickets_waiting_assigned "
            "WHERE t.state = 'waiting' AND t.assigned_officer_id IS NOT NULL AND t.assigned_officer_id != ?1 "
            "AND t.queued_at <= ?2 AND NOT EXISTS (SELECT 1 FROM sessions s JOIN officers o ON o.id = s.officer_id "
            "WHERE s.officer_id = t.assigned_officer_id AND s.expires_at > ?3 AND o.status != 'offline') "
            "ORDER BY t.queued_at, t.id");
        stmt.bind(1, officer.id).bind(2, now - absent_ms).bind(3, now);
        while (stmt.step()) {
            const auto purpose = parse_purpose_names(stmt.column_text(3));
            if (purpose && officer.serves(stmt.column_text(2), *purpose)) {
                orphan = Candidate{stmt.column_int(0), stmt.column_int(1)};
                break;
            }
        }
    }
    if (older(orphan, regular)) {
        return pick(orphan->id, SelectionRule::BookedOfficerAbsent);
    }

    // 5. First come, first served.
    if (regular) {
        return pick(regular->id, SelectionRule::LongestWait);
    }

    // 6. Nobody else waits: a visitor booked with this officer who came early.
    {
        Statement stmt = db.prepare(
            "SELECT id FROM tickets INDEXED BY tickets_waiting_assigned "
            "WHERE state = 'waiting' AND assigned_officer_id = ?1 "
            "ORDER BY appointment_starts_at, queued_at, id LIMIT 1");
        stmt.bind(1, officer.id);
        if (stmt.step()) {
            return pick(stmt.column_int(0), SelectionRule::BookedEarly);
        }
    }
    return std::optional<CallResult>{};
}

}  // namespace antrean::server
