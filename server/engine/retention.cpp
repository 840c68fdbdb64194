#include "engine/retention.hpp"

#include <spdlog/spdlog.h>

namespace antrean::server {

Result<int> erase_expired_personal_data(QueueEngine& engine) {
    const TimestampMs cutoff =
        engine.clock().now() - static_cast<TimestampMs>(engine.config().security.retention_days) * 86'400'000;
    std::lock_guard lock(engine.store().mutex);
    try {
        Database& db = *engine.store().db;
        Transaction transaction(db);
        db.exec("CREATE TEMP TABLE IF NOT EXISTS expired_visitors (id INTEGER PRIMARY KEY)");
        db.exec("DELETE FROM expired_visitors");
        Statement select = db.prepare(
            "INSERT INTO expired_visitors (id) SELECT v.id FROM visitors v WHERE v.erased_at IS NULL "
            "AND v.consent_at < ?1 "
            "AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.visitor_id = v.id AND "
            "  (t.state IN ('waiting', 'called', 'serving') OR COALESCE(t.finished_at, t.created_at) >= ?1)) "
            "AND NOT EXISTS (SELECT 1 FROM appointments a WHERE a.visitor_id = v.id AND "
            "  (a.status IN ('scheduled', 'checked_in') OR a.starts_at >= ?1))");
        select.bind(1, cutoff);
        select.run();
        select.release();

        Statement erase_visitors = db.prepare(
            "UPDATE visitors SET name = '', phone = '', nik = '', passport = '', email = '', institution = '', "
            "erased_at = ?1 WHERE id IN (SELECT id FROM expired_visitors)");
        erase_visitors.bind(1, engine.clock().now());
        erase_visitors.run();
        const int erased = db.changes();
        erase_visitors.release();
        db.exec("UPDATE tickets SET summary = '', notes = '' WHERE visitor_id IN (SELECT id FROM expired_visitors)");
        db.exec("UPDATE appointments SET summary = '' WHERE visitor_id IN (SELECT id FROM expired_visitors)");
        // A kiosk repeats a check-in within seconds, so a day-old request id is no longer needed.
        Statement old_requests = db.prepare("DELETE FROM check_in_requests WHERE created_at < ?1");
        old_requests.bind(1, engine.clock().now() - 86'400'000);
        old_requests.run();
        transaction.commit();
        if (erased > 0) {
            spdlog::info("retention: erased the personal data of {} visitors older than {} days", erased,
                         engine.config().security.retention_days);
        }
        return erased;
    } catch (const DatabaseError& error) {
        spdlog::error("retention: erasing expired personal data failed: {}", error.what());
        return fail(ErrorCode::Unavailable, "", "error.storage_unavailable");
    }
}

}  // namespace antrean::server
