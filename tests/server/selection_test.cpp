#include <doctest/doctest.h>

#include "engine_fixture.hpp"

using namespace antrean;
using namespace antrean::server;
using namespace antrean::server::test_support;

namespace {

std::string rule_name(SelectionRule rule) { return to_string(rule); }

// Checks that a call picked `expected` by `rule`, and that the ticket row records the
// call: state, officer, desk and the rule staff use to explain the order.
void check_called(EngineFixture& fixture, const std::optional<CallResult>& call, const LoggedIn& officer,
                  TicketId expected, SelectionRule rule) {
    REQUIRE(call.has_value());
    CHECK(call->ticket.id == expected);
    CHECK(rule_name(call->rule) == rule_name(rule));
    CHECK(call->ticket.state == TicketState::Called);

    const Ticket stored = fixture.find(expected);
    CHECK(stored.state == TicketState::Called);
    REQUIRE(stored.selection_rule.has_value());
    CHECK(rule_name(*stored.selection_rule) == rule_name(rule));
    CHECK(stored.officer_id == std::optional<OfficerId>(officer.id));
    CHECK(stored.desk_id == officer.actor.desk_id);
    CHECK(stored.called_at == std::optional<TimestampMs>(fixture.clock.now()));
}

ActionDetails move_to_officer(OfficerId officer_id) {
    ActionDetails details;
    details.officer_id = officer_id;
    return details;
}

}  // namespace

TEST_CASE("call returns nothing when queue is empty") {
    EngineFixture fixture;
    const LoggedIn officer = fixture.officer_at_desk("dewi", "1");

    CHECK_FALSE(fixture.call_next(officer).has_value());
    CHECK(fixture.events_after(0).size() == 1);  // only the login's officer.updated
}

TEST_CASE("call filters on area and purpose") {
    EngineFixture fixture;
    const LoggedIn officer = fixture.officer_at_desk("dewi", "1", {"pbk", "srg"}, {Purpose::Information});
    // Each ticket misses the skills in one way only.
    fixture.check_in("pbk", Purpose::Complaint);
    fixture.check_in("plk", Purpose::Information);
    fixture.check_in("general", Purpose::Information, Priority::Priority);

    CHECK_FALSE(fixture.call_next(officer).has_value());

    fixture.advance_minutes(1);
    const IssuedTicket matching = fixture.check_in("srg", Purpose::Information);
    check_called(fixture, fixture.call_next(officer), officer, matching.ticket.id, SelectionRule::LongestWait);
}

TEST_CASE("call takes oldest ticket across skills") {
    EngineFixture fixture;
    const LoggedIn officer = fixture.officer_at_desk("dewi", "1", {"pbk", "srg"});
    const IssuedTicket oldest = fixture.check_in("srg", Purpose::Consultation);
    fixture.advance_minutes(1);
    const IssuedTicket newer = fixture.check_in("pbk", Purpose::Complaint);
    fixture.advance_minutes(1);

    check_called(fixture, fixture.call_next(officer), officer, oldest.ticket.id, SelectionRule::LongestWait);
    fixture.serve(oldest.ticket.id, officer);
    check_called(fixture, fixture.call_next(officer), officer, newer.ticket.id, SelectionRule::LongestWait);
}

TEST_CASE("call skips ticket assigned to another officer") {
    EngineFixture fixture;
    const LoggedIn dewi = fixture.officer_at_desk("dewi", "1");
    const LoggedIn agus = fixture.officer_at_desk("agus", "2");
    const LoggedIn reception = fixture.receptionist();
    const IssuedTicket ticket = fixture.check_in();
    fixture.apply(ticket.ticket.id, TicketAction::Transfer, reception, move_to_officer(agus.id));

    // Agus is logged in, so however long the visitor waits, only Agus may call them.
    fixture.advance_minutes(120);
    CHECK_FALSE(fixture.call_next(dewi).has_value());

    check_called(fixture, fixture.call_next(agus), agus, ticket.ticket.id,
                 SelectionRule::TransferredToOfficer);
}

TEST_CASE("booked visitor called from grace period") {
    struct Case {
        int start_offset_minutes;  // appointment start relative to the call
        SelectionRule expected;    // the booked visitor's rule, or LongestWait for the walk-in
    };
    // The shipped booking_grace_minutes is 10.
    const Case cases[] = {
        {-20, SelectionRule::BookedAtSlot},
        {0, SelectionRule::BookedAtSlot},
        {10, SelectionRule::BookedAtSlot},
        {11, SelectionRule::LongestWait},
        {60, SelectionRule::LongestWait},
    };
    for (const Case& c : cases) {
        CAPTURE(c.start_offset_minutes);
        EngineFixture fixture;
        REQUIRE(fixture.config.queue.booking_grace_minutes == 10);
        const LoggedIn officer = fixture.officer_at_desk("dewi", "1");
        const IssuedTicket walk_in = fixture.check_in();
        fixture.advance_minutes(5);
        const TimestampMs call_at = fixture.clock.now() + kMinuteMs;
        const Ticket booked = fixture.check_in_booked(officer.id, call_at + c.start_offset_minutes * kMinuteMs);
        fixture.clock.set(call_at);

        const auto call = fixture.call_next(officer);

        const TicketId expected =
            c.expected == SelectionRule::BookedAtSlot ? booked.id : walk_in.ticket.id;
        check_called(fixture, call, officer, expected, c.expected);
    }
}

TEST_CASE("booked visitor before grace waits") {
    EngineFixture fixture;
    const LoggedIn officer = fixture.officer_at_desk("dewi", "1");
    const Ticket booked = fixture.check_in_booked(officer.id, fixture.clock.now() + 60 * kMinuteMs);
    fixture.advance_minutes(1);
    const IssuedTicket walk_in = fixture.check_in();
    const IssuedTicket priority = fixture.check_in("pbk", Purpose::Complaint, Priority::Priority);

    // Everyone else who waits goes first, even a walk-in that came after the booked visitor.
    check_called(fixture, fixture.call_next(officer), officer, priority.ticket.id, SelectionRule::Priority);
    fixture.serve(priority.ticket.id, officer);
    check_called(fixture, fixture.call_next(officer), officer, walk_in.ticket.id, SelectionRule::LongestWait);
    fixture.serve(walk_in.ticket.id, officer);

    check_called(fixture, fixture.call_next(officer), officer, booked.id, SelectionRule::BookedEarly);
}

TEST_CASE("booked visitor goes before priority") {
    EngineFixture fixture;
    const LoggedIn officer = fixture.officer_at_desk("dewi", "1");
    fixture.check_in("pbk", Purpose::Complaint, Priority::Priority);
    const Ticket booked = fixture.check_in_booked(officer.id, fixture.clock.now());

    check_called(fixture, fixture.call_next(officer), officer, booked.id, SelectionRule::BookedAtSlot);
}

TEST_CASE("priority ticket goes before regular") {
    EngineFixture fixture;
    const LoggedIn officer = fixture.officer_at_desk("dewi", "1");
    const IssuedTicket regular = fixture.check_in();
    fixture.advance_minutes(5);
    const IssuedTicket first_priority = fixture.check_in("pbk", Purpose::Information, Priority::Priority);
    fixture.advance_minutes(1);
    const IssuedTicket second_priority = fixture.check_in("pbk", Purpose::Consultation, Priority::Priority);

    check_called(fixture, fixture.call_next(officer), officer, first_priority.ticket.id,
                 SelectionRule::Priority);
    fixture.serve(first_priority.ticket.id, officer);
    check_called(fixture, fixture.call_next(officer), officer, second_priority.ticket.id,
                 SelectionRule::Priority);
    fixture.serve(second_priority.ticket.id, officer);
    check_called(fixture, fixture.call_next(officer), officer, regular.ticket.id, SelectionRule::LongestWait);
}

TEST_CASE("regular ticket over limit beats priority") {
    EngineFixture fixture;
    const int limit = fixture.config.queue.starvation_limit_minutes;
    REQUIRE(limit == 45);
    const LoggedIn officer = fixture.officer_at_desk("dewi", "1");
    const IssuedTicket regular = fixture.check_in();

    // At exactly the limit the regular ticket has not waited longer than it yet.
    fixture.advance_minutes(limit);
    const IssuedTicket early_priority = fixture.check_in("pbk", Purpose::Complaint, Priority::Priority);
    check_called(fixture, fixture.call_next(officer), officer, early_priority.ticket.id,
                 SelectionRule::Priority);
    fixture.serve(early_priority.ticket.id, officer);

    const IssuedTicket late_priority = fixture.check_in("pbk", Purpose::Complaint, Priority::Priority);
    fixture.advance_minutes(1);
    check_called(fixture, fixture.call_next(officer), officer, regular.ticket.id,
                 SelectionRule::WaitedOverLimit);
    fixture.serve(regular.ticket.id, officer);

    check_called(fixture, fixture.call_next(officer), officer, late_priority.ticket.id,
                 SelectionRule::Priority);
}

TEST_CASE("absent officer's booking offered after delay") {
    EngineFixture fixture;
    const int delay = fixture.config.queue.booked_officer_absent_minutes;
    REQUIRE(delay == 15);
    const LoggedIn dewi = fixture.officer_at_desk("dewi", "1");
    const OfficerId absent = fixture.create_staff("agus", Role::Officer, {"pbk"});
    const Ticket booked = fixture.check_in_booked(absent, fixture.clock.now());

    fixture.advance_minutes(delay - 1);
    CHECK_FALSE(fixture.call_next(dewi).has_value());

    fixture.advance_minutes(1);
    check_called(fixture, fixture.call_next(dewi), dewi, booked.id, SelectionRule::BookedOfficerAbsent);
}

TEST_CASE("absent officer's booking needs matching skills") {
    EngineFixture fixture;
    const LoggedIn dewi = fixture.officer_at_desk("dewi", "1", {"srg"});
    const OfficerId absent = fixture.create_staff("agus", Role::Officer, {"pbk"});
    fixture.check_in_booked(absent, fixture.clock.now());

    fixture.advance_minutes(fixture.config.queue.booked_officer_absent_minutes + 30);

    CHECK_FALSE(fixture.call_next(dewi).has_value());
}

TEST_CASE("absent officer's booking keeps arrival order") {
    EngineFixture fixture;
    const LoggedIn dewi = fixture.officer_at_desk("dewi", "1");
    const OfficerId absent = fixture.create_staff("agus", Role::Officer, {"pbk"});
    const IssuedTicket earlier_walk_in = fixture.check_in();
    fixture.advance_minutes(1);
    const Ticket booked = fixture.check_in_booked(absent, fixture.clock.now());
    fixture.advance_minutes(1);
    const IssuedTicket later_walk_in = fixture.check_in();
    fixture.advance_minutes(fixture.config.queue.booked_officer_absent_minutes);

    check_called(fixture, fixture.call_next(dewi), dewi, earlier_walk_in.ticket.id,
                 SelectionRule::LongestWait);
    fixture.serve(earlier_walk_in.ticket.id, dewi);
    check_called(fixture, fixture.call_next(dewi), dewi, booked.id, SelectionRule::BookedOfficerAbsent);
    fixture.serve(booked.id, dewi);
    check_called(fixture, fixture.call_next(dewi), dewi, later_walk_in.ticket.id,
                 SelectionRule::LongestWait);
}

TEST_CASE("logged-in officer's booking stays reserved") {
    EngineFixture fixture;
    const LoggedIn dewi = fixture.officer_at_desk("dewi", "1");
    const LoggedIn agus = fixture.officer_at_desk("agus", "2");
    const Ticket booked = fixture.check_in_booked(agus.id, fixture.clock.now());

    fixture.advance_minutes(fixture.config.queue.booked_officer_absent_minutes * 4);
    CHECK_FALSE(fixture.call_next(dewi).has_value());

    // Once Agus logs out the visitor has waited past the delay and goes to Dewi.
    require_ok(fixture.accounts().logout(agus.token, agus.actor));
    check_called(fixture, fixture.call_next(dewi), dewi, booked.id, SelectionRule::BookedOfficerAbsent);
}

TEST_CASE("transfer to officer is called first") {
    EngineFixture fixture;
    const LoggedIn dewi = fixture.officer_at_desk("dewi", "1");
    const LoggedIn agus = fixture.officer_at_desk("agus", "2", {"srg"});
    const IssuedTicket transferred = fixture.check_in();
    const auto first_call = fixture.call_next(dewi);
    REQUIRE(first_call.has_value());
    fixture.apply(transferred.ticket.id, TicketAction::Start, dewi);
    const IssuedTicket priority = fixture.check_in("srg", Purpose::Complaint, Priority::Priority);
    fixture.advance_minutes(10);

    ActionDetails details;
    details.area = "srg";
    details.officer_id = agus.id;
    const Ticket follow_up = fixture.apply(transferred.ticket.id, TicketAction::Transfer, dewi, details);

    check_called(fixture, fixture.call_next(agus), agus, follow_up.id, SelectionRule::TransferredToOfficer);
    fixture.serve(follow_up.id, agus);
    check_called(fixture, fixture.call_next(agus), agus, priority.ticket.id, SelectionRule::Priority);
}

TEST_CASE("paused officer cannot call") {
    EngineFixture fixture;
    const LoggedIn officer = fixture.officer_at_desk("dewi", "1");
    const IssuedTicket ticket = fixture.check_in();
    require_value(fixture.accounts().set_status(officer.actor, OfficerStatus::Paused, "istirahat"));

    const auto paused = fixture.engine.call_next(officer.actor, "1");

    CHECK(error_of(paused) == ErrorCode::Conflict);
    CHECK(message_key_of(paused) == "error.officer_paused");
    CHECK(fixture.find(ticket.ticket.id).state == TicketState::Waiting);

    require_value(fixture.accounts().set_status(officer.actor, OfficerStatus::Available, ""));
    check_called(fixture, fixture.call_next(officer), officer, ticket.ticket.id, SelectionRule::LongestWait);
}

TEST_CASE("officer with active ticket cannot call") {
    EngineFixture fixture;
    const LoggedIn officer = fixture.officer_at_desk("dewi", "1");
    const IssuedTicket first = fixture.check_in();
    const IssuedTicket second = fixture.check_in();
    const auto call = fixture.call_next(officer);
    REQUIRE(call.has_value());

    const auto while_called = fixture.engine.call_next(officer.actor, "1");
    CHECK(error_of(while_called) == ErrorCode::Conflict);
    CHECK(message_key_of(while_called) == "error.officer_busy");

    fixture.apply(first.ticket.id, TicketAction::Start, officer);
    const auto while_serving = fixture.engine.call_next(officer.actor, "1");
    CHECK(error_of(while_serving) == ErrorCode::Conflict);
    CHECK(message_key_of(while_serving) == "error.officer_busy");
    CHECK(fixture.find(second.ticket.id).state == TicketState::Waiting);

    ActionDetails details;
    details.outcome = Outcome::Referred;
    fixture.apply(first.ticket.id, TicketAction::Complete, officer, details);
    check_called(fixture, fixture.call_next(officer), officer, second.ticket.id, SelectionRule::LongestWait);
}

TEST_CASE("call at another desk is rejected") {
    EngineFixture fixture;
    const LoggedIn officer = fixture.officer_at_desk("dewi", "1");
    fixture.check_in();

    const auto other_desk = fixture.engine.call_next(officer.actor, "2");
    const auto unknown_desk = fixture.engine.call_next(officer.actor, "99");

    CHECK(error_of(other_desk) == ErrorCode::Forbidden);
    CHECK(message_key_of(other_desk) == "error.wrong_desk");
    CHECK(error_of(unknown_desk) == ErrorCode::NotFound);
    CHECK(message_key_of(unknown_desk) == "error.desk_not_found");
}

TEST_CASE("call records rule in history and event") {
    EngineFixture fixture;
    const LoggedIn officer = fixture.officer_at_desk("dewi", "1");
    const IssuedTicket ticket = fixture.check_in("pbk", Purpose::Complaint, Priority::Priority);
    const std::int64_t before_call = records::last_event_id(fixture.db());

    const auto call = fixture.call_next(officer);

    REQUIRE(call.has_value());
    const auto history = require_value(fixture.engine.history(ticket.ticket.id));
    REQUIRE(history.size() == 2);
    CHECK(history[1].action == "call");
    CHECK(history[1].detail == "priority");
    CHECK(history[1].officer_id == std::optional<OfficerId>(officer.id));
    CHECK(history[1].desk_id == std::optional<DeskId>("1"));
    const auto events = fixture.events_after(before_call);
    REQUIRE(events.size() == 1);
    CHECK(events[0].name == "ticket.called");
}

TEST_CASE("wait estimate follows call order") {
    struct Case {
        Priority priority;
        int expected_position;
    };
    // Priority visitors go before regular ones, so a priority ticket has only the earlier
    // priority tickets ahead of it, and a regular ticket has every priority ticket ahead.
    const Case cases[] = {
        {Priority::Regular, 1},
        {Priority::Regular, 2},
        {Priority::Priority, 1},
        {Priority::Regular, 4},
        {Priority::Priority, 2},
    };
    EngineFixture fixture;
    const int service_minutes = fixture.config.queue.default_service_minutes;
    fixture.officer_at_desk("dewi", "1");

    for (const Case& c : cases) {
        CAPTURE(c.expected_position);
        const IssuedTicket issued = fixture.check_in("pbk", Purpose::Complaint, c.priority);
        CHECK(issued.estimate.position == c.expected_position);
        // One officer present: each visitor ahead costs one default service time.
        CHECK(issued.estimate.minutes == (c.expected_position - 1) * service_minutes);
        CHECK(fixture.find(issued.ticket.id).estimated_wait_minutes == issued.estimate.minutes);
        fixture.advance_minutes(1);
    }
}
