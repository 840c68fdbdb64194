#include <doctest/doctest.h>

#include "console/console_test_support.hpp"
#include "console/live_queue.hpp"
#include "console/staff_session.hpp"

using namespace antrean;
using namespace antrean::console;
using antrean::testing::make_ticket;

namespace {

// 4 December 2026, 09:30 WIB.
constexpr TimestampMs kNow = 1'796'351'400'000;

LiveQueue queue_of(std::vector<StaffTicket> tickets) {
    LiveQueue queue;
    queue.replace(QueueSnapshot{"2026-12-04", std::move(tickets)});
    return queue;
}

protocol::TicketEvent event_for(TicketId id, const std::string& code, TicketState state) {
    protocol::TicketEvent event;
    event.ticket_id = id;
    event.ticket_code = code;
    event.area = "pbk";
    event.state = state;
    return event;
}

}  // namespace

TEST_CASE("live queue applies a call event at once") {
    StaffTicket ticket = make_ticket(7, "A-007", "pbk", TicketState::Waiting, kNow, 12);
    ticket.visitor.name = "Siti Aminah";
    LiveQueue queue = queue_of({ticket});
    const std::uint64_t before = queue.version();

    protocol::TicketEvent called = event_for(7, "A-007", TicketState::Called);
    called.desk = protocol::DeskRef{"2", "Meja 2", "Lantai 2"};
    called.called_at = "2026-12-04T09:30:00+07:00";
    called.recall_count = 1;
    CHECK(queue.apply(called) == EventEffect::Applied);

    const StaffTicket* updated = queue.find(7);
    REQUIRE(updated != nullptr);
    CHECK(updated->state == TicketState::Called);
    CHECK(updated->desk_name == "Meja 2");
    CHECK(updated->recall_count == 1);
    REQUIRE(updated->called_at.has_value());
    // The identity stays: events carry none, so it is never wiped by one.
    CHECK(updated->visitor.name == "Siti Aminah");
    CHECK(queue.version() > before);
}

TEST_CASE("live queue reports unknown tickets for a reload") {
    LiveQueue queue = queue_of({make_ticket(1, "A-001", "pbk", TicketState::Waiting, kNow, 3)});
    CHECK(queue.apply(event_for(2, "A-002", TicketState::Waiting)) == EventEffect::Unknown);
    CHECK(queue.tickets().size() == 1);
}

TEST_CASE("live queue requeue clears the desk") {
    StaffTicket ticket = make_ticket(3, "B-003", "srg", TicketState::Called, kNow, 20);
    ticket.desk_id = "1";
    ticket.desk_name = "Meja 1";
    ticket.officer_id = 4;
    ticket.called_at = kNow - 60'000;
    LiveQueue queue = queue_of({ticket});

    CHECK(queue.apply(event_for(3, "B-003", TicketState::Waiting)) == EventEffect::Applied);
    const StaffTicket* requeued = queue.find(3);
    CHECK(requeued->state == TicketState::Waiting);
    CHECK_FALSE(requeued->called_at.has_value());
    CHECK(requeued->desk_name.empty());
    CHECK_FALSE(requeued->officer_id.has_value());
    // Waiting again, the wait counts from the original queue time.
    CHECK(requeued->waited_minutes(kNow) == 20);
}

TEST_CASE("live queue applies priority and cancel events") {
    LiveQueue queue = queue_of({make_ticket(5, "A-005", "pbk", TicketState::Waiting, kNow, 1)});
    protocol::TicketEvent priority = event_for(5, "A-005", TicketState::Waiting);
    priority.priority = Priority::Priority;
    queue.apply(priority);
    CHECK(queue.find(5)->priority == Priority::Priority);

    queue.apply(event_for(5, "A-005", TicketState::Cancelled));
    CHECK(queue.find(5)->state == TicketState::Cancelled);
    CHECK_FALSE(queue.find(5)->is_active());
}

TEST_CASE("live queue upsert replaces or adds") {
    LiveQueue queue = queue_of({make_ticket(1, "A-001", "pbk", TicketState::Waiting, kNow, 3)});
    StaffTicket serving = make_ticket(1, "A-001", "pbk", TicketState::Serving, kNow, 3);
    queue.upsert(serving);
    CHECK(queue.tickets().size() == 1);
    CHECK(queue.find(1)->state == TicketState::Serving);
    queue.upsert(make_ticket(2, "A-002", "pbk", TicketState::Waiting, kNow, 1));
    CHECK(queue.tickets().size() == 2);
    queue.clear();
    CHECK_FALSE(queue.loaded());
    CHECK(queue.tickets().empty());
}

TEST_CASE("waited minutes stop at the call") {
    StaffTicket ticket = make_ticket(1, "A-001", "pbk", TicketState::Waiting, kNow, 30);
    CHECK(ticket.waited_minutes(kNow) == 30);
    ticket.called_at = ticket.queued_at + 12 * 60'000;
    CHECK(ticket.waited_minutes(kNow) == 12);
    // A clock behind the queue time never gives a negative wait.
    CHECK(ticket.waited_minutes(ticket.queued_at - 60'000) == 12);
}

TEST_CASE("reloader runs again at most once") {
    Reloader reloader;
    CHECK(reloader.request());
    CHECK_FALSE(reloader.request());
    CHECK_FALSE(reloader.request());
    CHECK(reloader.finish());  // one more round for the requests in between
    CHECK_FALSE(reloader.finish());
    CHECK(reloader.request());
}
