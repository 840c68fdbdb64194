// Check-ins that arrive together share one transaction and one flush. These tests check
// the result each caller receives and the rows the database contains afterwards.

#include <doctest/doctest.h>

#include <chrono>
#include <map>
#include <set>
#include <thread>

#include "engine_fixture.hpp"

using namespace antrean;
using namespace antrean::server;
using namespace antrean::server::test_support;

namespace {

CheckInRequest walk_in(const std::string& name, const AreaId& area, Priority priority = Priority::Regular) {
    CheckInRequest request;
    request.visitor = Visitor{name, "+6281234567890"};
    request.area = area;
    request.priority = priority;
    request.consent_version = "2026-12";
    return request;
}

std::int64_t count_of(Database& db, const std::string& sql) {
    Statement stmt = db.prepare(sql);
    REQUIRE(stmt.step());
    return stmt.column_int(0);
}

// area/priority -> waiting tickets, as the triggers keep them and as a count finds them.
std::map<std::string, std::int64_t> kept_counts(Database& db) {
    std::map<std::string, std::int64_t> counts;
    Statement stmt = db.prepare("SELECT area, priority, waiting FROM waiting_counts WHERE waiting != 0");
    while (stmt.step()) counts[stmt.column_text(0) + "/" + stmt.column_text(1)] = stmt.column_int(2);
    return counts;
}

std::map<std::string, std::int64_t> counted(Database& db) {
    std::map<std::string, std::int64_t> counts;
    Statement stmt =
        db.prepare("SELECT area, priority, COUNT(*) FROM tickets WHERE state = 'waiting' GROUP BY area, priority");
    while (stmt.step()) counts[stmt.column_text(0) + "/" + stmt.column_text(1)] = stmt.column_int(2);
    return counts;
}

}  // namespace

TEST_CASE("concurrent check-ins store unique codes") {
    EngineFixture fixture;
    constexpr int kThreads = 8;
    constexpr int kEach = 40;
    const std::int64_t events_before = records::last_event_id(fixture.db());
    std::vector<std::vector<Result<IssuedTicket>>> results(kThreads);

    std::vector<std::thread> threads;
    for (int thread = 0; thread < kThreads; ++thread) {
        threads.emplace_back([&, thread] {
            for (int index = 0; index < kEach; ++index) {
                const AreaId area = (index % 2 == 0) ? "pbk" : "srg";
                results[static_cast<size_t>(thread)].push_back(
                    fixture.engine.check_in(walk_in("Pengunjung " + std::to_string(thread), area)));
            }
        });
    }
    for (std::thread& thread : threads) thread.join();

    std::set<std::string> codes;
    std::set<TicketId> ids;
    for (const auto& list : results) {
        for (const auto& result : list) {
            REQUIRE(result.has_value());
            codes.insert(result->ticket.code);
            ids.insert(result->ticket.id);
        }
    }
    CHECK(codes.size() == kThreads * kEach);
    CHECK(ids.size() == kThreads * kEach);
    // Half went to each area, numbered without gaps: A-001 .. A-160 and B-001 .. B-160.
    CHECK(codes.count("A-001") == 1);
    CHECK(codes.count("A-160") == 1);
    CHECK(codes.count("A-161") == 0);
    CHECK(codes.count("B-160") == 1);
    CHECK(count_of(fixture.db(), "SELECT COUNT(*) FROM tickets") == kThreads * kEach);
    CHECK(count_of(fixture.db(), "SELECT COUNT(DISTINCT ticket_id) FROM ticket_history WHERE action = 'check_in'") ==
          kThreads * kEach);
    // One event per check-in, stored and published.
    CHECK(records::last_event_id(fixture.db()) - events_before == kThreads * kEach);
    CHECK(fixture.hub.last_id() == records::last_event_id(fixture.db()));
    CHECK(kept_counts(fixture.db()) == counted(fixture.db()));
}

TEST_CASE("failed check-in spares its batch") {
    EngineFixture fixture;
    // A visitor named "Gagal" makes the history write fail, as a full disk would for one
    // statement; the check-ins committed with it must not notice.
    fixture.db().exec(
        "CREATE TRIGGER fail_one BEFORE INSERT ON ticket_history "
        "WHEN (SELECT v.name FROM tickets t JOIN visitors v ON v.id = t.visitor_id WHERE t.id = NEW.ticket_id) = 'Gagal' "
        "BEGIN SELECT RAISE(ABORT, 'history write failed'); END");
    const std::int64_t events_before = records::last_event_id(fixture.db());
    const std::vector<std::string> names{"Ayu", "Gagal", "Bima", "Citra", "Gagal", "Dodi"};
    std::vector<std::optional<Result<IssuedTicket>>> results(names.size());

    std::vector<std::thread> threads;
    {
        // Holding the store lock makes the check-ins queue up, so most of them share one
        // transaction when it is released.
        std::lock_guard hold(fixture.store.mutex);
        for (size_t index = 0; index < names.size(); ++index) {
            threads.emplace_back([&, index] { results[index] = fixture.engine.check_in(walk_in(names[index], "pbk")); });
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    for (std::thread& thread : threads) thread.join();

    std::set<std::string> codes;
    for (size_t index = 0; index < names.size(); ++index) {
        CAPTURE(names[index]);
        REQUIRE(results[index].has_value());
        const Result<IssuedTicket>& result = *results[index];
        if (names[index] == "Gagal") {
            REQUIRE_FALSE(result.has_value());
            CHECK(result.error().code == ErrorCode::Unavailable);
        } else {
            REQUIRE(result.has_value());
            codes.insert(result->ticket.code);
            CHECK(fixture.find(result->ticket.id).code == result->ticket.code);
        }
    }
    // The failed check-ins gave their numbers back: the four stored ones are A-001..A-004.
    CHECK(codes == std::set<std::string>{"A-001", "A-002", "A-003", "A-004"});
    CHECK(count_of(fixture.db(), "SELECT COUNT(*) FROM tickets") == 4);
    CHECK(count_of(fixture.db(), "SELECT COUNT(*) FROM visitors WHERE name = 'Gagal'") == 0);
    CHECK(records::last_event_id(fixture.db()) - events_before == 4);
    CHECK(fixture.hub.last_id() == records::last_event_id(fixture.db()));
}

TEST_CASE("simultaneous booking check-ins issue one ticket") {
    EngineFixture fixture;
    const LoggedIn dewi = fixture.officer_at_desk("dewi", "1");
    const Appointment appointment = fixture.book(dewi.id, kFridayMorning + 30 * kMinuteMs);
    constexpr int kThreads = 6;
    std::vector<std::optional<Result<IssuedTicket>>> results(kThreads);

    std::vector<std::thread> threads;
    {
        std::lock_guard hold(fixture.store.mutex);
        for (int index = 0; index < kThreads; ++index) {
            threads.emplace_back([&, index] {
                results[static_cast<size_t>(index)] = fixture.appointments.check_in(appointment.booking_code);
            });
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    for (std::thread& thread : threads) thread.join();

    int issued = 0;
    for (const auto& result : results) {
        REQUIRE(result.has_value());
        if (result->has_value()) {
            ++issued;
        } else {
            CHECK(result->error().message_key == "error.appointment_checked_in");
        }
    }
    CHECK(issued == 1);
    CHECK(count_of(fixture.db(), "SELECT COUNT(*) FROM tickets") == 1);
    CHECK(count_of(fixture.db(), "SELECT COUNT(*) FROM appointments WHERE ticket_id IS NOT NULL") == 1);
}

TEST_CASE("waiting counts follow ticket changes") {
    EngineFixture fixture;
    const LoggedIn dewi = fixture.officer_at_desk("dewi", "1", {"pbk", "srg"});
    const LoggedIn reception = fixture.receptionist();

    std::vector<TicketId> ids;
    for (int index = 0; index < 6; ++index) {
        ids.push_back(fixture.check_in(index % 2 == 0 ? "pbk" : "srg", Purpose::Complaint,
                                       index == 3 ? Priority::Priority : Priority::Regular)
                          .ticket.id);
        fixture.advance_minutes(1);
    }
    CHECK(kept_counts(fixture.db()) == counted(fixture.db()));

    // Called, returned to the queue, called again and served.
    auto call = fixture.call_next(dewi);
    REQUIRE(call.has_value());
    CHECK(kept_counts(fixture.db()) == counted(fixture.db()));
    fixture.apply(call->ticket.id, TicketAction::Requeue, dewi);
    CHECK(kept_counts(fixture.db()) == counted(fixture.db()));
    call = fixture.call_next(dewi);
    REQUIRE(call.has_value());
    fixture.serve(call->ticket.id, dewi);

    // Priority changed while waiting, a cancel, and a transfer to another area.
    require_value(fixture.engine.set_priority(ids[4], Priority::Priority, reception.actor));
    CHECK(kept_counts(fixture.db()) == counted(fixture.db()));
    fixture.apply(ids[5], TicketAction::Cancel, reception, ActionDetails{.reason = "Pulang"});
    CHECK(kept_counts(fixture.db()) == counted(fixture.db()));
    call = fixture.call_next(dewi);
    REQUIRE(call.has_value());
    fixture.apply(call->ticket.id, TicketAction::Start, dewi);
    ActionDetails transfer;
    transfer.area = "srg";
    fixture.apply(call->ticket.id, TicketAction::Transfer, dewi, transfer);
    CHECK(kept_counts(fixture.db()) == counted(fixture.db()));

    // A new ticket's place, read from the kept counts, matches the count over the queue.
    const IssuedTicket regular = fixture.check_in("srg");
    CHECK(regular.estimate.position == records::count_waiting_ahead(fixture.db(), fixture.find(regular.ticket.id)) + 1);
    const IssuedTicket priority = fixture.check_in("srg", Purpose::Complaint, Priority::Priority);
    CHECK(priority.estimate.position ==
          records::count_waiting_ahead(fixture.db(), fixture.find(priority.ticket.id)) + 1);
    CHECK(kept_counts(fixture.db()) == counted(fixture.db()));
}

TEST_CASE("same request id issues one ticket") {
    EngineFixture fixture;
    CheckInRequest request = walk_in("Siti Aminah", "pbk");
    request.request_id = "kiosk-2-1679091c5a880faf";
    constexpr int kThreads = 4;
    std::vector<std::optional<Result<IssuedTicket>>> results(kThreads);

    // The same request sent four times at once, as a kiosk retrying over a bad network.
    std::vector<std::thread> threads;
    {
        std::lock_guard hold(fixture.store.mutex);
        for (int index = 0; index < kThreads; ++index) {
            threads.emplace_back([&, index] { results[static_cast<size_t>(index)] = fixture.engine.check_in(request); });
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    for (std::thread& thread : threads) thread.join();

    for (const auto& result : results) {
        REQUIRE(result.has_value());
        REQUIRE(result->has_value());
        CHECK((*result)->ticket.code == "A-001");
        CHECK((*result)->ticket.status_token == (*results[0])->ticket.status_token);
    }
    CHECK(count_of(fixture.db(), "SELECT COUNT(*) FROM tickets") == 1);
    CHECK(count_of(fixture.db(), "SELECT COUNT(*) FROM events WHERE name = 'ticket.updated'") == 1);

    // Another visitor's request id gets the next ticket.
    request.request_id = "kiosk-2-8e296a067a375633";
    CHECK(require_value(fixture.engine.check_in(request)).ticket.code == "A-002");
}
