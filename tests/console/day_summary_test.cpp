#include <doctest/doctest.h>

#include "console/bar_chart.hpp"
#include "console/console_test_support.hpp"
#include "reception/day_summary.hpp"

using namespace antrean;
using namespace antrean::reception;
using antrean::testing::make_ticket;

namespace {

// 4 December 2026, 09:30 WIB.
constexpr TimestampMs kNow = 1'796'351'400'000;

console::StaffTicket called_after(TicketId id, const std::string& code, const std::string& area, TicketState state,
                                  int queued_minutes_ago, int waited) {
    console::StaffTicket ticket = make_ticket(id, code, area, state, kNow, queued_minutes_ago);
    ticket.called_at = ticket.queued_at + static_cast<TimestampMs>(waited) * 60'000;
    return ticket;
}

}  // namespace

TEST_CASE("day summary counts per area and waits") {
    console::QueueSnapshot snapshot;
    snapshot.tickets = {
        called_after(1, "A-001", "pbk", TicketState::Done, 90, 10),
        called_after(2, "A-002", "pbk", TicketState::Done, 80, 20),
        called_after(3, "A-003", "pbk", TicketState::NoShow, 70, 30),
        make_ticket(4, "A-004", "pbk", TicketState::Waiting, kNow, 45),
        called_after(5, "B-001", "srg", TicketState::Serving, 20, 5),
        make_ticket(6, "B-002", "srg", TicketState::Cancelled, kNow, 60),
        make_ticket(7, "E-001", "other", TicketState::Waiting, kNow, 1),
    };
    console::LiveQueue queue;
    queue.replace(snapshot);

    const DaySummary summary = DaySummary::compute(queue, kNow, {"pbk", "srg", "plk"});
    REQUIRE(summary.areas.size() == 4);  // the configured three, then the unknown area
    const AreaFigures& pbk = summary.areas[0];
    CHECK(pbk.served == 2);
    CHECK(pbk.no_shows == 1);
    CHECK(pbk.waiting == 1);
    CHECK(pbk.called_count == 3);
    CHECK(pbk.average_wait_minutes() == 20);
    CHECK(pbk.longest_wait_minutes == 45);  // A-004 still waits

    const AreaFigures& srg = summary.areas[1];
    CHECK(srg.in_service == 1);
    CHECK(srg.cancelled == 1);
    CHECK(srg.longest_wait_minutes == 5);  // the cancelled ticket's wait does not count

    CHECK(summary.areas[2].area == "plk");
    CHECK(summary.areas[2].waiting == 0);
    CHECK(summary.areas[2].average_wait_minutes() == 0);
    CHECK(summary.areas[3].area == "other");

    CHECK(summary.total.served == 2);
    CHECK(summary.total.waiting == 2);
    CHECK(summary.total.no_shows == 1);
    CHECK(summary.total.longest_wait_minutes == 45);
    CHECK(summary.total.average_wait_minutes() == 16);  // (10 + 20 + 30 + 5) / 4, rounded
}

TEST_CASE("day summary counts a transferred visit once") {
    console::QueueSnapshot snapshot;
    console::StaffTicket first = called_after(1, "A-001", "pbk", TicketState::Done, 60, 10);
    first.outcome = Outcome::Transferred;
    console::StaffTicket follow_up = make_ticket(2, "A-001", "srg", TicketState::Waiting, kNow, 60);
    follow_up.previous_ticket_id = 1;
    snapshot.tickets = {first, follow_up};
    console::LiveQueue queue;
    queue.replace(snapshot);

    const DaySummary summary = DaySummary::compute(queue, kNow, {"pbk", "srg"});
    CHECK(summary.total.served == 0);
    CHECK(summary.total.waiting == 1);
    CHECK(summary.areas[0].served == 0);
    CHECK(summary.areas[1].waiting == 1);
}

TEST_CASE("chart scale rounds up to 1, 2 or 5 times ten") {
    CHECK(console::nice_ceiling(0) == 1);
    CHECK(console::nice_ceiling(1) == 1);
    CHECK(console::nice_ceiling(2) == 2);
    CHECK(console::nice_ceiling(3) == 5);
    CHECK(console::nice_ceiling(7) == 10);
    CHECK(console::nice_ceiling(11) == 20);
    CHECK(console::nice_ceiling(35) == 50);
    CHECK(console::nice_ceiling(51) == 100);
    CHECK(console::nice_ceiling(240) == 500);
}
