#include <doctest/doctest.h>

#include "console/console_test_support.hpp"
#include "officer/officer_desk.hpp"

using namespace antrean;
using namespace antrean::officer;
using antrean::testing::make_officer;
using antrean::testing::make_ticket;

namespace {

// 4 December 2026, 09:30 WIB.
constexpr TimestampMs kNow = 1'796'351'400'000;

DeskSnapshot holding(std::optional<TicketState> state, OfficerStatus status = OfficerStatus::Available) {
    return DeskSnapshot{state, status, false};
}

}  // namespace

TEST_CASE("officer actions enabled per ticket state") {
    struct Row {
        std::optional<TicketState> state;
        std::array<bool, static_cast<size_t>(OfficerAction::kCount)> enabled;
    };
    // Columns: call next, recall, start, complete, no-show, requeue, transfer, break.
    const std::vector<Row> table{
        {std::nullopt, {true, false, false, false, false, false, false, true}},
        {TicketState::Called, {false, true, true, false, true, true, false, false}},
        {TicketState::Serving, {false, false, false, true, false, false, true, false}},
    };
    for (const Row& row : table) {
        for (size_t i = 0; i < row.enabled.size(); ++i) {
            const auto action = static_cast<OfficerAction>(i);
            CAPTURE(to_string(action));
            CAPTURE(row.state ? to_string(*row.state) : "none");
            const Availability result = availability(action, holding(row.state));
            CHECK(result.enabled == row.enabled[i]);
            // A disabled button always has a reason.
            CHECK(result.reason_key.empty() == result.enabled);
        }
    }
}

TEST_CASE("officer disabled actions name the reason") {
    CHECK(availability(OfficerAction::CallNext, holding(TicketState::Called)).reason_key ==
          "console.officer.reason.finish_current");
    CHECK(availability(OfficerAction::Complete, holding(TicketState::Called)).reason_key ==
          "console.officer.reason.start_first");
    CHECK(availability(OfficerAction::Recall, holding(TicketState::Serving)).reason_key ==
          "console.officer.reason.already_serving");
    CHECK(availability(OfficerAction::Start, holding(std::nullopt)).reason_key ==
          "console.officer.reason.no_visitor");
    CHECK(availability(OfficerAction::ToggleBreak, holding(TicketState::Serving)).reason_key ==
          "console.officer.reason.finish_before_break");
}

TEST_CASE("paused officer cannot call but can resume") {
    const DeskSnapshot paused = holding(std::nullopt, OfficerStatus::Paused);
    CHECK_FALSE(availability(OfficerAction::CallNext, paused).enabled);
    CHECK(availability(OfficerAction::CallNext, paused).reason_key == "console.officer.reason.paused");
    CHECK(availability(OfficerAction::ToggleBreak, paused).enabled);
}

TEST_CASE("request in flight disables every action") {
    DeskSnapshot desk = holding(TicketState::Serving);
    desk.request_in_flight = true;
    for (size_t i = 0; i < static_cast<size_t>(OfficerAction::kCount); ++i) {
        const Availability result = availability(static_cast<OfficerAction>(i), desk);
        CHECK_FALSE(result.enabled);
        CHECK(result.reason_key == "console.officer.reason.in_flight");
    }
}

TEST_CASE("shortcut labels are F1 to F8") {
    CHECK(shortcut_label(OfficerAction::CallNext) == "F1");
    CHECK(shortcut_label(OfficerAction::Complete) == "F4");
    CHECK(shortcut_label(OfficerAction::ToggleBreak) == "F8");
}

TEST_CASE("conflict and forbidden refresh the view") {
    // Someone else acted first: the officer gets the message and a fresh queue.
    CHECK(OfficerDesk::reaction_to(Error(ErrorCode::Conflict, "", "error.state_conflict")) ==
          FailureReaction::ShowAndRefresh);
    CHECK(OfficerDesk::reaction_to(Error(ErrorCode::Forbidden, "", "error.not_your_ticket")) ==
          FailureReaction::ShowAndRefresh);
    CHECK(OfficerDesk::reaction_to(Error(ErrorCode::NotFound, "", "error.ticket_not_found")) ==
          FailureReaction::ShowAndRefresh);
    // An unreachable server or a rejected body changes nothing on the server.
    CHECK(OfficerDesk::reaction_to(Error(ErrorCode::Unavailable, "", "error.server_unreachable")) ==
          FailureReaction::ShowOnly);
    CHECK(OfficerDesk::reaction_to(Error(ErrorCode::MissingField, "outcome", "error.outcome_required")) ==
          FailureReaction::ShowOnly);
}

TEST_CASE("completion needs confirmation and outcome") {
    CompletionForm form;
    CHECK_FALSE(form.ready());
    form.outcome = Outcome::Referred;
    CHECK_FALSE(form.ready());
    form.report_confirmed = true;
    CHECK(form.ready());
    form.notes = "Bukti dikirim lewat WhatsApp";
    const nlohmann::json body = form.body();
    CHECK(body["outcome"] == "referred");
    CHECK(body["notes"] == "Bukti dikirim lewat WhatsApp");
}

TEST_CASE("action paths match the server routes") {
    CHECK(OfficerDesk::action_path(OfficerAction::Recall, 7) == "/api/v1/tickets/7/recall");
    CHECK(OfficerDesk::action_path(OfficerAction::NoShow, 7) == "/api/v1/tickets/7/no-show");
    CHECK(OfficerDesk::action_path(OfficerAction::Requeue, 12) == "/api/v1/tickets/12/requeue");
    CHECK(OfficerDesk::action_path(OfficerAction::Complete, 3) == "/api/v1/tickets/3/complete");
    CHECK(OfficerDesk::action_path(OfficerAction::CallNext, 3).empty());
}

TEST_CASE("current ticket is the one this officer holds") {
    console::LiveQueue queue;
    console::QueueSnapshot snapshot;
    console::StaffTicket other = make_ticket(1, "A-001", "pbk", TicketState::Serving, kNow, 20);
    other.officer_id = 2;
    console::StaffTicket mine = make_ticket(2, "A-002", "pbk", TicketState::Called, kNow, 10);
    mine.officer_id = 1;
    console::StaffTicket finished = make_ticket(3, "A-003", "pbk", TicketState::Done, kNow, 30);
    finished.officer_id = 1;
    snapshot.tickets = {other, mine, finished};
    queue.replace(snapshot);

    const console::StaffTicket* current = OfficerDesk::current(queue, 1);
    REQUIRE(current != nullptr);
    CHECK(current->code == "A-002");
    CHECK(OfficerDesk::current(queue, 3) == nullptr);
    CHECK(OfficerDesk::served_today(queue, 1) == 1);

    OfficerDesk desk;
    const DeskSnapshot snapshot_of_desk = desk.snapshot(queue, make_officer(1, {"pbk"}));
    CHECK(snapshot_of_desk.current_state == TicketState::Called);
    desk.begin_request(OfficerAction::Start);
    CHECK(desk.snapshot(queue, make_officer(1, {"pbk"})).request_in_flight);
    desk.finish_request();
    CHECK_FALSE(desk.in_flight().has_value());
}

TEST_CASE("matching waiting visitors follow skills and assignments") {
    console::QueueSnapshot snapshot;
    snapshot.tickets.push_back(make_ticket(1, "A-001", "pbk", TicketState::Waiting, kNow, 5));
    snapshot.tickets.push_back(make_ticket(2, "B-001", "srg", TicketState::Waiting, kNow, 30));
    snapshot.tickets.push_back(make_ticket(3, "C-001", "plk", TicketState::Waiting, kNow, 40));  // not a skill
    console::StaffTicket for_other = make_ticket(4, "A-002", "pbk", TicketState::Waiting, kNow, 50);
    for_other.assigned_officer_id = 9;
    snapshot.tickets.push_back(for_other);
    console::StaffTicket for_me = make_ticket(5, "A-003", "pbk", TicketState::Waiting, kNow, 2);
    for_me.assigned_officer_id = 1;
    snapshot.tickets.push_back(for_me);
    snapshot.tickets.push_back(make_ticket(6, "A-004", "pbk", TicketState::Called, kNow, 60));
    console::LiveQueue queue;
    queue.replace(snapshot);

    console::StaffAccount me = make_officer(1, {"pbk", "srg"});
    me.purposes = {Purpose::Complaint};
    const std::vector<const console::StaffTicket*> waiting = OfficerDesk::matching_waiting(queue, me);
    REQUIRE(waiting.size() == 3);
    // Longest wait first.
    CHECK(waiting[0]->code == "B-001");
    CHECK(waiting[1]->code == "A-001");
    CHECK(waiting[2]->code == "A-003");

    // A purpose outside the account's skills is not offered.
    me.purposes = {Purpose::Information};
    CHECK(OfficerDesk::matching_waiting(queue, me).empty());
}
