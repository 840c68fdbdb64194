#include <doctest/doctest.h>

#include "engine/reports.hpp"
#include "engine/retention.hpp"
#include "engine_fixture.hpp"

using namespace antrean;
using namespace antrean::server;
using namespace antrean::server::test_support;

namespace {

std::string visitor_name_of(Database& db, TicketId ticket_id) {
    Statement stmt = db.prepare(
        "SELECT v.name FROM visitors v JOIN tickets t ON t.visitor_id = v.id WHERE t.id = ?1");
    stmt.bind(1, ticket_id);
    REQUIRE(stmt.step());
    return stmt.column_text(0);
}

}  // namespace

TEST_CASE("retention erases old finished visits") {
    EngineFixture fixture([](ServerConfig& config) { config.security.retention_days = 30; });
    const LoggedIn officer = fixture.officer_at_desk("budi", "1");
    const Ticket served = fixture.check_in().ticket;
    fixture.call_next(officer);
    fixture.serve(served.id, officer);
    const Ticket still_waiting = fixture.check_in().ticket;

    // Nothing is old enough yet.
    CHECK(require_value(erase_expired_personal_data(fixture.engine)) == 0);
    CHECK(visitor_name_of(fixture.db(), served.id) == "Siti Rahayu");

    fixture.advance_minutes(31 * 24 * 60);
    CHECK(require_value(erase_expired_personal_data(fixture.engine)) == 1);
    const Ticket erased = fixture.find(served.id);
    CHECK(erased.visitor.name.empty());
    CHECK(erased.visitor.phone.empty());
    CHECK(erased.summary.empty());
    CHECK(erased.code == served.code);
    CHECK(erased.state == TicketState::Done);
    // A visitor still in the queue keeps their data, however old the ticket.
    CHECK(visitor_name_of(fixture.db(), still_waiting.id) == "Siti Rahayu");
}

TEST_CASE("retention keeps the report counts") {
    EngineFixture fixture([](ServerConfig& config) { config.security.retention_days = 1; });
    const LoggedIn officer = fixture.officer_at_desk("budi", "1");
    const Ticket ticket = fixture.check_in().ticket;
    fixture.call_next(officer);
    fixture.serve(ticket.id, officer);
    const std::string day = ticket.service_date;

    fixture.advance_minutes(3 * 24 * 60);
    CHECK(require_value(erase_expired_personal_data(fixture.engine)) == 1);
    const DailyReport report = require_value(build_daily_report(fixture.engine, day));
    CHECK(report.tickets == 1);
    CHECK(report.by_outcome.at("answered") == 1);
}
