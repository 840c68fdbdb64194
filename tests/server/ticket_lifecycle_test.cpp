#include <doctest/doctest.h>

#include "engine/reports.hpp"
#include "engine_fixture.hpp"

using namespace antrean;
using namespace antrean::server;
using namespace antrean::server::test_support;

namespace {

std::string state_name(TicketState state) { return to_string(state); }

// One officer at desk 1 and a receptionist, shared by the cases of one test.
struct Staff {
    LoggedIn officer;
    LoggedIn reception;
};

Staff log_in_staff(EngineFixture& fixture) {
    return Staff{fixture.officer_at_desk("dewi", "1", {"pbk", "srg"}), fixture.receptionist()};
}

ActionDetails complete_with(Outcome outcome) {
    ActionDetails details;
    details.outcome = outcome;
    return details;
}

// Checks a visitor in and moves the ticket to `state` through the officer at desk 1.
TicketId ticket_in_state(EngineFixture& fixture, const Staff& staff, TicketState state) {
    const TicketId id = fixture.check_in().ticket.id;
    if (state == TicketState::Waiting) return id;

    const auto call = fixture.call_next(staff.officer);
    REQUIRE(call.has_value());
    REQUIRE(call->ticket.id == id);
    switch (state) {
        case TicketState::Serving:
            fixture.apply(id, TicketAction::Start, staff.officer);
            break;
        case TicketState::Done:
            fixture.serve(id, staff.officer);
            break;
        case TicketState::NoShow:
            fixture.apply(id, TicketAction::NoShow, staff.officer);
            break;
        case TicketState::Cancelled:
            fixture.apply(id, TicketAction::Cancel, staff.officer);
            break;
        default:
            break;
    }
    REQUIRE(fixture.find(id).state == state);
    return id;
}

// Ends every open ticket, so the next case starts with an empty queue and a free officer.
void close_open_tickets(EngineFixture& fixture, const Staff& staff) {
    for (const Ticket& ticket : require_value(fixture.engine.today())) {
        if (ticket.state == TicketState::Serving) {
            fixture.apply(ticket.id, TicketAction::Complete, staff.officer, complete_with(Outcome::Answered));
        } else if (ticket.state == TicketState::Waiting || ticket.state == TicketState::Called) {
            fixture.apply(ticket.id, TicketAction::Cancel, staff.reception);
        }
    }
}

}  // namespace

TEST_CASE("apply follows the transition table") {
    struct Case {
        TicketState from;
        TicketAction action;
        std::optional<TicketState> expected;  // nullopt: rejected with Conflict
    };
    using S = TicketState;
    using A = TicketAction;
    const std::optional<S> rejected;
    // Every state against every staff action. Call is left out because it goes through
    // call_next, which picks only waiting tickets.
    const Case cases[] = {
        {S::Waiting, A::Recall, rejected},     {S::Waiting, A::Start, rejected},
        {S::Waiting, A::Complete, rejected},   {S::Waiting, A::NoShow, rejected},
        {S::Waiting, A::Requeue, rejected},    {S::Waiting, A::Transfer, S::Waiting},
        {S::Waiting, A::Cancel, S::Cancelled},

        {S::Called, A::Recall, S::Called},     {S::Called, A::Start, S::Serving},
        {S::Called, A::Complete, rejected},    {S::Called, A::NoShow, S::NoShow},
        {S::Called, A::Requeue, S::Waiting},   {S::Called, A::Transfer, rejected},
        {S::Called, A::Cancel, S::Cancelled},

        {S::Serving, A::Recall, rejected},     {S::Serving, A::Start, rejected},
        {S::Serving, A::Complete, S::Done},    {S::Serving, A::NoShow, rejected},
        {S::Serving, A::Requeue, rejected},    {S::Serving, A::Transfer, S::Done},
        {S::Serving, A::Cancel, rejected},

        {S::Done, A::Recall, rejected},        {S::Done, A::Start, rejected},
        {S::Done, A::Complete, rejected},      {S::Done, A::NoShow, rejected},
        {S::Done, A::Requeue, rejected},       {S::Done, A::Transfer, rejected},
        {S::Done, A::Cancel, rejected},

        {S::NoShow, A::Recall, rejected},      {S::NoShow, A::Start, rejected},
        {S::NoShow, A::Complete, rejected},    {S::NoShow, A::NoShow, rejected},
        {S::NoShow, A::Requeue, rejected},     {S::NoShow, A::Transfer, rejected},
        {S::NoShow, A::Cancel, rejected},

        {S::Cancelled, A::Recall, rejected},   {S::Cancelled, A::Start, rejected},
        {S::Cancelled, A::Complete, rejected}, {S::Cancelled, A::NoShow, rejected},
        {S::Cancelled, A::Requeue, rejected},  {S::Cancelled, A::Transfer, rejected},
        {S::Cancelled, A::Cancel, rejected},
    };
    static_assert(std::size(cases) == static_cast<size_t>(S::kCount) * (static_cast<size_t>(A::kCount) - 1));

    EngineFixture fixture;
    const Staff staff = log_in_staff(fixture);
    ActionDetails details;
    details.outcome = Outcome::Answered;
    details.area = "srg";
    details.reason = "pengunjung pulang";

    for (const Case& c : cases) {
        CAPTURE(state_name(c.from));
        CAPTURE(to_string(c.action));
        const TicketId id = ticket_in_state(fixture, staff, c.from);
        // The officer acts on the tickets it called. A waiting ticket has no officer yet,
        // so the receptionist acts on it.
        const LoggedIn& actor = c.from == S::Waiting ? staff.reception : staff.officer;

        const Result<Ticket> result = fixture.engine.apply(id, c.action, actor.actor, details);

        if (c.expected) {
            CHECK(result.has_value());
            CHECK(state_name(fixture.find(id).state) == state_name(*c.expected));
        } else {
            CHECK(error_of(result) == ErrorCode::Conflict);
            CHECK(message_key_of(result) == "error.state_conflict");
            CHECK(state_name(fixture.find(id).state) == state_name(c.from));
        }
        close_open_tickets(fixture, staff);
    }
}

TEST_CASE("rejected change leaves no history or event") {
    EngineFixture fixture;
    const Staff staff = log_in_staff(fixture);
    const TicketId id = ticket_in_state(fixture, staff, TicketState::Done);
    const auto history_before = require_value(fixture.engine.history(id));
    const std::int64_t last_event = records::last_event_id(fixture.db());

    const auto result = fixture.engine.apply(id, TicketAction::Recall, staff.officer.actor, {});

    CHECK(error_of(result) == ErrorCode::Conflict);
    CHECK(require_value(fixture.engine.history(id)).size() == history_before.size());
    CHECK(records::last_event_id(fixture.db()) == last_event);
}

TEST_CASE("recall counts and emits recalled event") {
    EngineFixture fixture;
    const LoggedIn officer = fixture.officer_at_desk("dewi", "1");
    const TicketId id = fixture.check_in().ticket.id;
    REQUIRE(fixture.call_next(officer).has_value());
    const std::int64_t before_recall = records::last_event_id(fixture.db());

    const Ticket first = fixture.apply(id, TicketAction::Recall, officer);
    const Ticket second = fixture.apply(id, TicketAction::Recall, officer);

    CHECK(first.recall_count == 1);
    CHECK(second.recall_count == 2);
    CHECK(second.state == TicketState::Called);
    CHECK(fixture.find(id).recall_count == 2);
    const auto events = fixture.events_after(before_recall);
    REQUIRE(events.size() == 2);
    CHECK(events[0].name == "ticket.recalled");
    CHECK(events[1].name == "ticket.recalled");
    const auto history = require_value(fixture.engine.history(id));
    REQUIRE(history.size() == 4);
    CHECK(history[2].action == "recall");
    CHECK(history[2].detail == "1");
    CHECK(history[3].detail == "2");
}

TEST_CASE("requeue returns ticket to original place") {
    EngineFixture fixture;
    const LoggedIn officer = fixture.officer_at_desk("dewi", "1");
    const IssuedTicket first = fixture.check_in();
    fixture.advance_minutes(5);
    const IssuedTicket second = fixture.check_in();
    fixture.advance_minutes(5);
    REQUIRE(fixture.call_next(officer)->ticket.id == first.ticket.id);
    fixture.advance_minutes(2);

    const Ticket requeued = fixture.apply(first.ticket.id, TicketAction::Requeue, officer);

    CHECK(requeued.state == TicketState::Waiting);
    const Ticket stored = fixture.find(first.ticket.id);
    CHECK(stored.state == TicketState::Waiting);
    CHECK(stored.queued_at == first.ticket.queued_at);
    CHECK_FALSE(stored.officer_id.has_value());
    CHECK_FALSE(stored.desk_id.has_value());
    CHECK_FALSE(stored.called_at.has_value());
    CHECK_FALSE(stored.selection_rule.has_value());

    // Still ahead of the visitor who came five minutes later.
    const auto again = fixture.call_next(officer);
    REQUIRE(again.has_value());
    CHECK(again->ticket.id == first.ticket.id);
    CHECK(fixture.find(second.ticket.id).state == TicketState::Waiting);
}

TEST_CASE("complete requires an outcome") {
    EngineFixture fixture;
    const LoggedIn officer = fixture.officer_at_desk("dewi", "1");
    const TicketId id = fixture.check_in().ticket.id;
    REQUIRE(fixture.call_next(officer).has_value());
    fixture.apply(id, TicketAction::Start, officer);

    const auto missing = fixture.engine.apply(id, TicketAction::Complete, officer.actor, {});
    const auto transferred =
        fixture.engine.apply(id, TicketAction::Complete, officer.actor, complete_with(Outcome::Transferred));

    CHECK(error_of(missing) == ErrorCode::MissingField);
    CHECK(missing.error().field == "outcome");
    CHECK(error_of(transferred) == ErrorCode::InvalidInput);
    CHECK(fixture.find(id).state == TicketState::Serving);

    fixture.advance_minutes(12);
    ActionDetails details = complete_with(Outcome::Referred);
    details.notes = "Diarahkan ke Biro Peraturan Perundang-Undangan dan Penindakan";
    fixture.apply(id, TicketAction::Complete, officer, details);

    const Ticket done = fixture.find(id);
    CHECK(done.state == TicketState::Done);
    CHECK(done.outcome == std::optional<Outcome>(Outcome::Referred));
    CHECK(done.notes == details.notes);
    CHECK(done.finished_at == std::optional<TimestampMs>(fixture.clock.now()));
}

TEST_CASE("no-show ends called ticket") {
    EngineFixture fixture;
    const LoggedIn officer = fixture.officer_at_desk("dewi", "1");
    const TicketId id = fixture.check_in().ticket.id;
    REQUIRE(fixture.call_next(officer).has_value());
    fixture.advance_minutes(3);

    fixture.apply(id, TicketAction::NoShow, officer);

    const Ticket stored = fixture.find(id);
    CHECK(stored.state == TicketState::NoShow);
    CHECK(stored.finished_at == std::optional<TimestampMs>(fixture.clock.now()));
    CHECK_FALSE(fixture.call_next(officer).has_value());
}

TEST_CASE("transfer from serving links a new ticket") {
    EngineFixture fixture;
    const LoggedIn dewi = fixture.officer_at_desk("dewi", "1");
    const OfficerId agus = fixture.create_staff("agus", Role::Officer, {"srg"});
    const IssuedTicket original = fixture.check_in("pbk", Purpose::Consultation, Priority::Priority);
    fixture.advance_minutes(4);
    REQUIRE(fixture.call_next(dewi).has_value());
    fixture.apply(original.ticket.id, TicketAction::Start, dewi);
    fixture.advance_minutes(6);
    const std::int64_t before_transfer = records::last_event_id(fixture.db());

    ActionDetails details;
    details.area = "srg";
    details.officer_id = agus;
    const Ticket follow_up = fixture.apply(original.ticket.id, TicketAction::Transfer, dewi, details);

    // The visitor's first ticket ends for Dewi...
    const Ticket done = fixture.find(original.ticket.id);
    CHECK(done.state == TicketState::Done);
    CHECK(done.outcome == std::optional<Outcome>(Outcome::Transferred));
    CHECK(done.finished_at == std::optional<TimestampMs>(fixture.clock.now()));
    CHECK(done.area == "pbk");

    // ...and a linked ticket waits for Agus with the same code and place in line.
    const Ticket stored = fixture.find(follow_up.id);
    CHECK(stored.id != done.id);
    CHECK(stored.state == TicketState::Waiting);
    CHECK(stored.code == done.code);
    CHECK(stored.queued_at == original.ticket.queued_at);
    CHECK(stored.previous_ticket_id == std::optional<TicketId>(done.id));
    CHECK(stored.area == "srg");
    CHECK(stored.assigned_officer_id == std::optional<OfficerId>(agus));
    CHECK(stored.purpose == Purpose::Consultation);
    CHECK(stored.priority == Priority::Priority);
    CHECK(stored.status_token != done.status_token);
    CHECK(stored.visitor.name == original.ticket.visitor.name);
    CHECK(stored.created_at == fixture.clock.now());

    const auto old_history = require_value(fixture.engine.history(done.id));
    REQUIRE_FALSE(old_history.empty());
    CHECK(old_history.back().action == "transfer");
    const auto new_history = require_value(fixture.engine.history(stored.id));
    REQUIRE(new_history.size() == 1);
    CHECK(new_history[0].action == "transfer_in");
    CHECK(fixture.events_after(before_transfer).size() == 2);
}

TEST_CASE("transfer rejects missing or unknown target") {
    EngineFixture fixture;
    const LoggedIn dewi = fixture.officer_at_desk("dewi", "1");
    const LoggedIn reception = fixture.receptionist();
    const TicketId id = fixture.check_in().ticket.id;
    REQUIRE(fixture.call_next(dewi).has_value());
    fixture.apply(id, TicketAction::Start, dewi);

    ActionDetails no_target;
    ActionDetails unknown_area;
    unknown_area.area = "saham";
    ActionDetails not_an_officer;
    not_an_officer.officer_id = reception.id;

    const auto missing = fixture.engine.apply(id, TicketAction::Transfer, dewi.actor, no_target);
    const auto bad_area = fixture.engine.apply(id, TicketAction::Transfer, dewi.actor, unknown_area);
    const auto bad_officer = fixture.engine.apply(id, TicketAction::Transfer, dewi.actor, not_an_officer);

    CHECK(error_of(missing) == ErrorCode::MissingField);
    CHECK(error_of(bad_area) == ErrorCode::InvalidInput);
    CHECK(message_key_of(bad_area) == "error.unknown_area");
    CHECK(error_of(bad_officer) == ErrorCode::InvalidInput);
    CHECK(message_key_of(bad_officer) == "error.officer_not_found");
    CHECK(fixture.find(id).state == TicketState::Serving);
    CHECK(require_value(fixture.engine.today()).size() == 1);
}

TEST_CASE("reception moves waiting ticket") {
    EngineFixture fixture;
    const LoggedIn reception = fixture.receptionist();
    const OfficerId agus = fixture.create_staff("agus", Role::Officer, {"srg"});
    const IssuedTicket ticket = fixture.check_in("pbk");

    ActionDetails to_area;
    to_area.area = "srg";
    const Ticket moved = fixture.apply(ticket.ticket.id, TicketAction::Transfer, reception, to_area);
    ActionDetails to_officer;
    to_officer.officer_id = agus;
    fixture.apply(ticket.ticket.id, TicketAction::Transfer, reception, to_officer);

    // A move changes the same ticket: no second row, same code and queue time.
    CHECK(moved.id == ticket.ticket.id);
    const Ticket stored = fixture.find(ticket.ticket.id);
    CHECK(stored.state == TicketState::Waiting);
    CHECK(stored.area == "srg");
    CHECK(stored.code == ticket.ticket.code);
    CHECK(stored.queued_at == ticket.ticket.queued_at);
    CHECK(stored.assigned_officer_id == std::optional<OfficerId>(agus));
    CHECK(require_value(fixture.engine.today()).size() == 1);
    const auto history = require_value(fixture.engine.history(ticket.ticket.id));
    REQUIRE(history.size() == 3);
    CHECK(history[1].action == "move");
    CHECK(history[1].detail == "srg");
    CHECK(history[1].officer_id == std::optional<OfficerId>(reception.id));
}

TEST_CASE("receptionist cancels waiting and called tickets") {
    EngineFixture fixture;
    const LoggedIn officer = fixture.officer_at_desk("dewi", "1");
    const LoggedIn reception = fixture.receptionist();
    const TicketId called = fixture.check_in().ticket.id;
    const TicketId waiting = fixture.check_in().ticket.id;
    REQUIRE(fixture.call_next(officer)->ticket.id == called);
    ActionDetails details;
    details.reason = "pengunjung pulang";

    fixture.apply(waiting, TicketAction::Cancel, reception, details);
    fixture.apply(called, TicketAction::Cancel, reception, details);

    for (const TicketId id : {waiting, called}) {
        CAPTURE(id);
        const Ticket stored = fixture.find(id);
        CHECK(stored.state == TicketState::Cancelled);
        CHECK(stored.cancel_reason == "pengunjung pulang");
        CHECK(stored.finished_at == std::optional<TimestampMs>(fixture.clock.now()));
    }
    // The officer whose called ticket was cancelled is free again.
    const IssuedTicket next = fixture.check_in();
    CHECK(fixture.call_next(officer)->ticket.id == next.ticket.id);
}

TEST_CASE("officer cannot act on another officer's ticket") {
    EngineFixture fixture;
    const LoggedIn dewi = fixture.officer_at_desk("dewi", "1");
    const LoggedIn agus = fixture.officer_at_desk("agus", "2");
    const TicketId id = fixture.check_in().ticket.id;
    const TicketId waiting = fixture.check_in().ticket.id;
    REQUIRE(fixture.call_next(dewi)->ticket.id == id);
    ActionDetails details;
    details.outcome = Outcome::Answered;
    details.area = "srg";

    for (const TicketState state : {TicketState::Called, TicketState::Serving}) {
        if (state == TicketState::Serving) fixture.apply(id, TicketAction::Start, dewi);
        for (const TicketAction action : {TicketAction::Recall, TicketAction::Start, TicketAction::Complete,
                                          TicketAction::NoShow, TicketAction::Requeue,
                                          TicketAction::Transfer, TicketAction::Cancel}) {
            CAPTURE(state_name(state));
            CAPTURE(to_string(action));
            const auto result = fixture.engine.apply(id, action, agus.actor, details);
            CHECK(error_of(result) == ErrorCode::Forbidden);
            CHECK(message_key_of(result) == "error.not_your_ticket");
            CHECK(state_name(fixture.find(id).state) == state_name(state));
        }
    }

    // Nor may an officer cancel a waiting visitor, because only the reception does that.
    const auto cancel_waiting = fixture.engine.apply(waiting, TicketAction::Cancel, agus.actor, {});
    CHECK(error_of(cancel_waiting) == ErrorCode::Forbidden);
    CHECK(fixture.find(waiting).state == TicketState::Waiting);
}

TEST_CASE("history records every change") {
    EngineFixture fixture;
    const LoggedIn officer = fixture.officer_at_desk("dewi", "1");
    const TimestampMs checked_in_at = fixture.clock.now();
    const TicketId id = fixture.check_in().ticket.id;
    fixture.advance_minutes(5);
    REQUIRE(fixture.call_next(officer).has_value());
    fixture.advance_minutes(1);
    fixture.apply(id, TicketAction::Recall, officer);
    fixture.advance_minutes(1);
    fixture.apply(id, TicketAction::Start, officer);
    fixture.advance_minutes(10);
    fixture.apply(id, TicketAction::Complete, officer, complete_with(Outcome::Answered));

    struct Expected {
        const char* action;
        std::optional<TicketState> from;
        TicketState to;
        TimestampMs at;
        bool by_officer;
    };
    const Expected expected[] = {
        {"check_in", std::nullopt, TicketState::Waiting, checked_in_at, false},
        {"call", TicketState::Waiting, TicketState::Called, checked_in_at + 5 * kMinuteMs, true},
        {"recall", TicketState::Called, TicketState::Called, checked_in_at + 6 * kMinuteMs, true},
        {"start", TicketState::Called, TicketState::Serving, checked_in_at + 7 * kMinuteMs, true},
        {"complete", TicketState::Serving, TicketState::Done, checked_in_at + 17 * kMinuteMs, true},
    };

    const auto history = require_value(fixture.engine.history(id));
    REQUIRE(history.size() == std::size(expected));
    for (size_t i = 0; i < history.size(); ++i) {
        CAPTURE(i);
        CHECK(history[i].action == expected[i].action);
        CHECK(history[i].from_state == expected[i].from);
        CHECK(state_name(history[i].to_state) == state_name(expected[i].to));
        CHECK(history[i].at == expected[i].at);
        CHECK(history[i].officer_id.has_value() == expected[i].by_officer);
    }
    CHECK(history[4].detail == "answered");
}

TEST_CASE("reception sets priority only while waiting") {
    EngineFixture fixture;
    const LoggedIn officer = fixture.officer_at_desk("dewi", "1");
    const LoggedIn reception = fixture.receptionist();
    const TicketId waiting = fixture.check_in().ticket.id;
    fixture.advance_minutes(1);
    const TicketId later = fixture.check_in().ticket.id;

    const Ticket marked = require_value(fixture.engine.set_priority(later, Priority::Priority, reception.actor));

    CHECK(marked.priority == Priority::Priority);
    CHECK(fixture.find(later).priority == Priority::Priority);
    REQUIRE(fixture.call_next(officer)->ticket.id == later);
    const auto called = fixture.engine.set_priority(later, Priority::Regular, reception.actor);
    CHECK(error_of(called) == ErrorCode::Conflict);
    CHECK(fixture.find(waiting).priority == Priority::Regular);
}

TEST_CASE("apply on unknown ticket returns not found") {
    EngineFixture fixture;
    const LoggedIn reception = fixture.receptionist();

    const auto result = fixture.engine.apply(4242, TicketAction::Cancel, reception.actor, {});

    CHECK(error_of(result) == ErrorCode::NotFound);
    CHECK(message_key_of(result) == "error.ticket_not_found");
}

TEST_CASE("apply rejects a call outside call-next") {
    EngineFixture fixture;
    const LoggedIn officer = fixture.officer_at_desk("budi", "1");
    const Ticket ticket = fixture.check_in().ticket;
    const auto result = fixture.engine.apply(ticket.id, TicketAction::Call, officer.actor, {});
    CHECK(message_key_of(result) == "error.call_through_desk");
    CHECK(fixture.find(ticket.id).state == TicketState::Waiting);
}

TEST_CASE("officer cannot move a waiting ticket") {
    EngineFixture fixture;
    const LoggedIn officer = fixture.officer_at_desk("budi", "1");
    const Ticket ticket = fixture.check_in().ticket;
    ActionDetails details;
    details.area = "srg";
    const auto result = fixture.engine.apply(ticket.id, TicketAction::Transfer, officer.actor, details);
    CHECK(error_of(result) == ErrorCode::Forbidden);
    CHECK(fixture.find(ticket.id).area == "pbk");
}

TEST_CASE("report waits end at the first call") {
    EngineFixture fixture;
    const LoggedIn officer = fixture.officer_at_desk("budi", "1");
    const Ticket ticket = fixture.check_in().ticket;
    fixture.advance_minutes(10);
    fixture.call_next(officer);
    fixture.advance_minutes(5);
    fixture.apply(ticket.id, TicketAction::Requeue, officer);
    fixture.advance_minutes(20);
    fixture.call_next(officer);
    fixture.serve(ticket.id, officer);
    const DailyReport report = require_value(build_daily_report(fixture.engine, ticket.service_date));
    CHECK(report.waiting.count == 1);
    CHECK(report.waiting.max_minutes == doctest::Approx(10.0));
}
