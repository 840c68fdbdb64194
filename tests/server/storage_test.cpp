#include <doctest/doctest.h>

#include "engine_fixture.hpp"

using namespace antrean;
using namespace antrean::server;
using namespace antrean::server::test_support;

namespace {

std::int64_t pragma_int(Database& db, const std::string& name) {
    Statement stmt = db.prepare("PRAGMA " + name);
    REQUIRE(stmt.step());
    return stmt.column_int(0);
}

std::string pragma_text(Database& db, const std::string& name) {
    Statement stmt = db.prepare("PRAGMA " + name);
    REQUIRE(stmt.step());
    return stmt.column_text(0);
}

std::int64_t count_rows(Database& db, const std::string& table) {
    Statement stmt = db.prepare("SELECT COUNT(*) FROM " + table);
    REQUIRE(stmt.step());
    return stmt.column_int(0);
}

}  // namespace

TEST_CASE("migrate creates the newest schema") {
    TempFolder folder;
    auto db = require_value(Database::open(folder.path() / "new.db"));
    CHECK(db->user_version() == 0);

    const Result<int> version = migrate(*db);

    // Version 1 is the first schema; later schema steps raise the number.
    REQUIRE(version.has_value());
    CHECK(*version >= 1);
    CHECK(db->user_version() == *version);
    CHECK(count_rows(*db, "tickets") == 0);
    CHECK(count_rows(*db, "events") == 0);
}

TEST_CASE("migrate on reopen changes nothing") {
    TempFolder folder;
    const auto path = folder.path() / "reopen.db";
    int first_version = 0;
    {
        auto db = require_value(Database::open(path));
        first_version = require_value(migrate(*db));
        db->exec("INSERT INTO events (name, data, created_at) VALUES ('test.marker', '{}', 1)");
    }

    auto reopened = require_value(Database::open(path));
    const Result<int> version = migrate(*reopened);

    REQUIRE(version.has_value());
    CHECK(*version == first_version);
    CHECK(reopened->user_version() == first_version);
    // The marker row shows that the second migrate did not recreate the tables.
    CHECK(count_rows(*reopened, "events") == 1);
}

TEST_CASE("database opens in WAL with synchronous FULL") {
    TempFolder folder;
    auto db = open_migrated(folder.path() / "pragmas.db");

    CHECK(pragma_text(*db, "journal_mode") == "wal");
    // PRAGMA synchronous reports 2 for FULL and 1 for NORMAL.
    CHECK(pragma_int(*db, "synchronous") == 2);
    CHECK(pragma_int(*db, "foreign_keys") == 1);
}

TEST_CASE("database with normal durability uses synchronous NORMAL") {
    TempFolder folder;
    auto db = require_value(Database::open(folder.path() / "normal.db", Durability::Normal));

    CHECK(pragma_text(*db, "journal_mode") == "wal");
    CHECK(pragma_int(*db, "synchronous") == 1);
}

TEST_CASE("migrate rejects newer schema version") {
    TempFolder folder;
    auto db = require_value(Database::open(folder.path() / "newer.db"));
    const int supported = require_value(migrate(*db));
    // A database written by a newer server release.
    const int newer = supported + 1;
    db->exec("PRAGMA user_version = " + std::to_string(newer));

    const Result<int> version = migrate(*db);

    REQUIRE_FALSE(version.has_value());
    CHECK(version.error().code == ErrorCode::Unavailable);
    CHECK(version.error().message_key == "storage.schema_too_new");
    CHECK(version.error().params.at("version") == std::to_string(newer));
    CHECK(version.error().params.at("supported") == std::to_string(supported));
    CHECK(version.error().params.at("path") == (folder.path() / "newer.db").string());
    CHECK(db->user_version() == newer);
}

TEST_CASE("database open reports unusable path") {
    TempFolder folder;
    const auto path = folder.path() / "missing-folder" / "antrean.db";

    const auto db = Database::open(path);

    REQUIRE_FALSE(db.has_value());
    CHECK(db.error().code == ErrorCode::Unavailable);
    CHECK(db.error().message_key == "storage.open_failed");
    CHECK(db.error().params.at("path") == path.string());
}

TEST_CASE("events get increasing ids and survive reopening") {
    TempFolder folder;
    const auto path = folder.path() / "events.db";
    std::vector<std::int64_t> ids;
    {
        auto db = open_migrated(path);
        for (const char* name : {"ticket.updated", "ticket.called", "ticket.recalled"}) {
            Transaction transaction(*db);
            ids.push_back(records::insert_event(*db, name, R"({"code":"A-001"})", kFridayMorning));
            transaction.commit();
        }
    }
    REQUIRE(ids.size() == 3);
    CHECK(ids[0] < ids[1]);
    CHECK(ids[1] < ids[2]);

    auto reopened = open_migrated(path);
    const auto rows = records::events_after(*reopened, 0, 10);

    REQUIRE(rows.size() == 3);
    CHECK(rows[0].id == ids[0]);
    CHECK(rows[0].name == "ticket.updated");
    CHECK(rows[1].name == "ticket.called");
    CHECK(rows[2].id == ids[2]);
    CHECK(rows[2].name == "ticket.recalled");
    CHECK(rows[2].data == R"({"code":"A-001"})");
    CHECK(records::first_event_id(*reopened) == ids[0]);
    CHECK(records::last_event_id(*reopened) == ids[2]);
    CHECK(records::events_after(*reopened, ids[1], 10).size() == 1);
}

TEST_CASE("event ids are not reused after deletion") {
    TempFolder folder;
    auto db = open_migrated(folder.path() / "reuse.db");
    const std::int64_t first = records::insert_event(*db, "ticket.updated", "{}", kFridayMorning);
    const std::int64_t second = records::insert_event(*db, "ticket.updated", "{}", kFridayMorning);
    db->exec("DELETE FROM events WHERE id = " + std::to_string(second));

    const std::int64_t third = records::insert_event(*db, "ticket.updated", "{}", kFridayMorning);

    CHECK(second > first);
    CHECK(third > second);
}

TEST_CASE("engine check-in events survive reopening") {
    EngineFixture fixture;
    fixture.check_in();
    fixture.check_in("srg");
    const auto before = fixture.events_after(0);
    REQUIRE(before.size() == 2);

    fixture.store.db.reset();
    auto reopened = open_migrated(fixture.database_path);
    const auto after = records::events_after(*reopened, 0, 10);

    REQUIRE(after.size() == 2);
    CHECK(after[0].id == before[0].id);
    CHECK(after[0].name == "ticket.updated");
    CHECK(after[1].id == before[1].id);
    CHECK(after[1].data == before[1].data);
}

TEST_CASE("failed transaction rolls back every row") {
    TempFolder folder;
    auto db = open_migrated(folder.path() / "rollback.db");
    Ticket ticket;
    ticket.code = "A-001";
    ticket.service_date = "2026-12-04";
    ticket.area = "pbk";
    ticket.status_token = "same-token";
    ticket.queued_at = kFridayMorning;
    ticket.created_at = kFridayMorning;
    {
        Transaction transaction(*db);
        const auto visitor = records::insert_visitor(*db, Visitor{"Budi", "+6281111111111"},
                                                     ConsentBy::Visitor, "2026-12", kFridayMorning);
        records::insert_ticket(*db, ticket, visitor);
        transaction.commit();
    }

    bool threw = false;
    try {
        Transaction transaction(*db);
        const auto visitor = records::insert_visitor(*db, Visitor{"Ani", "+6282222222222"},
                                                     ConsentBy::Visitor, "2026-12", kFridayMorning);
        ticket.code = "A-002";
        // The status token is UNIQUE, so this insert fails after the visitor row was written.
        records::insert_ticket(*db, ticket, visitor);
        transaction.commit();
    } catch (const DatabaseError&) {
        threw = true;
    }

    CHECK(threw);
    CHECK(count_rows(*db, "tickets") == 1);
    CHECK(count_rows(*db, "visitors") == 1);
}

TEST_CASE("check-in failing midway leaves no ticket") {
    EngineFixture fixture;
    // The history row is the last write of a check-in: failing it must undo the visitor,
    // the ticket, the day's counter and the event written before it.
    fixture.db().exec(
        "CREATE TRIGGER fail_history BEFORE INSERT ON ticket_history "
        "BEGIN SELECT RAISE(ABORT, 'history write failed'); END");
    const std::int64_t last_event = records::last_event_id(fixture.db());

    CheckInRequest request;
    request.visitor = Visitor{"Budi", "+6281111111111"};
    request.area = "pbk";
    request.consent_version = "2026-12";
    const auto failed = fixture.engine.check_in(request);

    REQUIRE_FALSE(failed.has_value());
    CHECK(failed.error().code == ErrorCode::Unavailable);
    CHECK(count_rows(fixture.db(), "tickets") == 0);
    CHECK(count_rows(fixture.db(), "visitors") == 0);
    CHECK(count_rows(fixture.db(), "ticket_counters") == 0);
    CHECK(records::last_event_id(fixture.db()) == last_event);
    CHECK(fixture.hub.last_id() == last_event);

    fixture.db().exec("DROP TRIGGER fail_history");
    const IssuedTicket next = fixture.check_in();

    // The number of the failed check-in is issued again, and only the new event is published.
    CHECK(next.ticket.code == "A-001");
    const auto published = fixture.hub.wait_after(last_event, 0);
    CHECK(published.status == EventHub::WaitStatus::Events);
    CHECK(published.events.size() == 1);
}
