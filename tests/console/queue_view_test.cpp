#include <doctest/doctest.h>

#include "console/console_test_support.hpp"
#include "reception/queue_view.hpp"

using namespace antrean;
using namespace antrean::reception;
using antrean::testing::make_ticket;

namespace {

// 4 December 2026, 09:30 WIB.
constexpr TimestampMs kNow = 1'796'351'400'000;

console::LiveQueue sample_queue() {
    console::QueueSnapshot snapshot;
    console::StaffTicket a1 = make_ticket(1, "A-001", "pbk", TicketState::Done, kNow, 60);
    a1.called_at = kNow - 50 * 60'000;
    a1.officer_id = 2;
    a1.visitor.name = "Zainal";
    console::StaffTicket b1 = make_ticket(2, "B-001", "srg", TicketState::Waiting, kNow, 40);
    b1.visitor.name = "Ani";
    console::StaffTicket a2 = make_ticket(3, "A-002", "pbk", TicketState::Waiting, kNow, 25);
    a2.priority = Priority::Priority;
    a2.visitor.name = "Budi";
    console::StaffTicket c1 = make_ticket(4, "C-001", "plk", TicketState::Called, kNow, 10);
    c1.called_at = kNow - 2 * 60'000;
    c1.officer_id = 1;
    c1.visitor.name = "Citra";
    console::StaffTicket a3 = make_ticket(5, "A-003", "pbk", TicketState::Cancelled, kNow, 5);
    snapshot.tickets = {a1, b1, a2, c1, a3};
    console::LiveQueue queue;
    queue.replace(snapshot);
    return queue;
}

std::vector<std::string> codes(const std::vector<const console::StaffTicket*>& rows) {
    std::vector<std::string> result;
    for (const console::StaffTicket* row : rows) {
        result.push_back(row->code);
    }
    return result;
}

std::string officer_name(OfficerId id) {
    return id == 1 ? "Budi Santoso" : "Agus Pratama";
}

}  // namespace

TEST_CASE("queue view shows active tickets by longest wait") {
    const console::LiveQueue queue = sample_queue();
    QueueView view;
    // The default: what still needs someone, longest wait first.
    CHECK(codes(view.rows(queue, kNow, officer_name)) == std::vector<std::string>{"B-001", "A-002", "C-001"});
}

TEST_CASE("queue view filters by state and area") {
    const console::LiveQueue queue = sample_queue();
    QueueView view;
    view.state_filter = StateFilter::All;
    CHECK(view.rows(queue, kNow, officer_name).size() == 5);
    view.area_filter = "pbk";
    // Still by longest wait: A-001 waited 10 minutes before its call.
    CHECK(codes(view.rows(queue, kNow, officer_name)) == std::vector<std::string>{"A-002", "A-001", "A-003"});
    view.state_filter = StateFilter::Cancelled;
    CHECK(codes(view.rows(queue, kNow, officer_name)) == std::vector<std::string>{"A-003"});
    view.state_filter = StateFilter::Waiting;
    view.area_filter.reset();
    CHECK(codes(view.rows(queue, kNow, officer_name)) == std::vector<std::string>{"B-001", "A-002"});
}

TEST_CASE("queue view sorts by any column") {
    const console::LiveQueue queue = sample_queue();
    QueueView view;
    view.state_filter = StateFilter::All;

    view.sort_column = QueueColumn::Code;
    view.ascending = true;
    CHECK(codes(view.rows(queue, kNow, officer_name)) ==
          std::vector<std::string>{"A-001", "A-002", "A-003", "B-001", "C-001"});
    view.ascending = false;
    CHECK(codes(view.rows(queue, kNow, officer_name)).front() == "C-001");

    view.sort_column = QueueColumn::Name;
    view.ascending = true;
    // A-003 has no name and sorts first.
    CHECK(codes(view.rows(queue, kNow, officer_name)) ==
          std::vector<std::string>{"A-003", "B-001", "A-002", "C-001", "A-001"});

    view.sort_column = QueueColumn::Officer;
    view.ascending = true;
    const std::vector<std::string> by_officer = codes(view.rows(queue, kNow, officer_name));
    CHECK(by_officer[3] == "A-001");  // Agus
    CHECK(by_officer[4] == "C-001");  // Budi

    view.sort_column = QueueColumn::Priority;
    view.ascending = false;
    CHECK(codes(view.rows(queue, kNow, officer_name)).front() == "A-002");

    view.sort_column = QueueColumn::Waited;
    view.ascending = true;
    // C-001 was called after 8 minutes; A-003 waited 5 before it was cancelled.
    CHECK(codes(view.rows(queue, kNow, officer_name)).front() == "A-003");
}

TEST_CASE("queue view moves the selection with arrow keys") {
    const console::LiveQueue queue = sample_queue();
    QueueView view;
    const std::vector<const console::StaffTicket*> rows = view.rows(queue, kNow, officer_name);
    view.move_selection(rows, 1);
    CHECK(view.selected == 2);  // nothing selected: Down starts at the top
    view.move_selection(rows, 1);
    CHECK(view.selected == 3);
    view.move_selection(rows, 5);
    CHECK(view.selected == 4);  // stops at the last row
    view.move_selection(rows, -10);
    CHECK(view.selected == 2);
    CHECK(view.selected_ticket(queue)->code == "B-001");
    view.move_selection({}, 1);
    CHECK_FALSE(view.selected.has_value());
}

TEST_CASE("reception actions follow the ticket state") {
    const console::LiveQueue queue = sample_queue();
    const console::StaffTicket* waiting = queue.find(2);
    const console::StaffTicket* called = queue.find(4);
    const console::StaffTicket* done = queue.find(1);

    CHECK(reception_action_state(ReceptionAction::TogglePriority, waiting).enabled);
    CHECK(reception_action_state(ReceptionAction::Move, waiting).enabled);
    CHECK(reception_action_state(ReceptionAction::Cancel, waiting).enabled);
    CHECK(reception_action_state(ReceptionAction::Reprint, waiting).enabled);

    CHECK_FALSE(reception_action_state(ReceptionAction::TogglePriority, called).enabled);
    CHECK(reception_action_state(ReceptionAction::TogglePriority, called).reason_key ==
          "console.reception.reason.not_waiting");
    CHECK_FALSE(reception_action_state(ReceptionAction::Move, called).enabled);
    CHECK(reception_action_state(ReceptionAction::Cancel, called).enabled);

    CHECK_FALSE(reception_action_state(ReceptionAction::Cancel, done).enabled);
    CHECK(reception_action_state(ReceptionAction::Cancel, done).reason_key ==
          "console.reception.reason.not_cancellable");
    CHECK_FALSE(reception_action_state(ReceptionAction::Reprint, done).enabled);

    CHECK(reception_action_state(ReceptionAction::Reprint, nullptr).reason_key ==
          "console.reception.reason.no_selection");
}

TEST_CASE("queue table follows events and reloads") {
    console::LiveQueue queue = sample_queue();
    QueueView view;
    protocol::TicketEvent called;
    called.ticket_id = 2;
    called.ticket_code = "B-001";
    called.area = "srg";
    called.state = TicketState::Called;
    called.called_at = "2026-12-04T09:29:00+07:00";
    queue.apply(called);
    // Still active, now called, and its wait stopped at the call.
    const std::vector<const console::StaffTicket*> rows = view.rows(queue, kNow, officer_name);
    CHECK(codes(rows) == std::vector<std::string>{"B-001", "A-002", "C-001"});
    CHECK(queue.find(2)->state == TicketState::Called);

    protocol::TicketEvent done = called;
    done.state = TicketState::Done;
    queue.apply(done);
    CHECK(codes(view.rows(queue, kNow, officer_name)) == std::vector<std::string>{"A-002", "C-001"});
}
