#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "domain/office_time.hpp"
#include "model/display_model.hpp"

using namespace antrean;
using namespace antrean::display;

namespace {

// 4 December 2026 09:30 WIB, in milliseconds since the epoch.
constexpr TimestampMs kStart = 1'796'351'400'000;
constexpr TimestampMs kSecond = 1000;

std::string at(TimestampMs instant) {
    static const OfficeTime office = *OfficeTime::create("Asia/Jakarta");
    return office.rfc3339(instant);
}

protocol::DeskRef desk(const std::string& id) {
    return protocol::DeskRef{id, "Meja " + id, "Lantai 2"};
}

protocol::TicketEvent called(const std::string& code, const std::string& desk_id, TimestampMs when,
                             int recall_count = 0, const AreaId& area = "pbk") {
    protocol::TicketEvent event;
    event.ticket_code = code;
    event.area = area;
    event.state = TicketState::Called;
    event.desk = desk(desk_id);
    event.called_at = at(when);
    event.recall_count = recall_count;
    return event;
}

protocol::TicketEvent updated(const std::string& code, const std::string& desk_id, TicketState state,
                              TimestampMs when) {
    protocol::TicketEvent event = called(code, desk_id, when);
    event.state = state;
    return event;
}

protocol::BoardCall board_call(const std::string& code, const std::string& desk_id, TimestampMs when,
                               TicketState state = TicketState::Called, int recall_count = 0,
                               const AreaId& area = "pbk") {
    return protocol::BoardCall{code, area, desk(desk_id), state, at(when), recall_count};
}

// A board with desks 1-3 and the given active calls, newest first, which are also the recent
// calls.
protocol::Board board_with(const std::vector<protocol::BoardCall>& calls, std::int64_t last_event_id = 10) {
    protocol::Board board;
    board.calls = calls;
    board.recent = calls;
    for (const std::string id : {"1", "2", "3"}) {
        protocol::BoardDesk entry{desk(id), std::nullopt, std::nullopt};
        for (const protocol::BoardCall& call : calls) {
            if (call.desk && call.desk->id == id) {
                entry.ticket_code = call.ticket_code;
                entry.state = call.state;
            }
        }
        board.desks.push_back(entry);
    }
    board.waiting = {{"pbk", 2}, {"srg", 0}};
    board.last_event_id = last_event_id;
    return board;
}

std::vector<std::string> announced_codes(DisplayModel& model) {
    std::vector<std::string> codes;
    for (const PendingAnnouncement& announcement : model.take_announcements()) {
        codes.push_back(announcement.call.ticket_code + (announcement.call.recall ? " recall" : ""));
    }
    return codes;
}

}  // namespace

TEST_CASE("live call is shown and announced once") {
    DisplayModel model(AreaFilter{}, kStart);
    model.apply_board(board_with({}), BoardSource::Stream, kStart);
    model.set_connected(true);

    const ModelChange change = model.apply_event(TicketEventKind::Called, called("A-001", "2", kStart + kSecond), 11,
                                                 kStart + kSecond);

    CHECK(change.new_call);
    CHECK(contains(change.panels, Panel::Call));
    REQUIRE(model.featured().has_value());
    CHECK(model.featured()->ticket_code == "A-001");
    CHECK(model.featured()->desk_name == "Meja 2");
    CHECK(model.desks()[1].ticket_code == "A-001");
    CHECK(model.desks()[1].state == TicketState::Called);
    CHECK(announced_codes(model) == std::vector<std::string>{"A-001"});

    // The same event again (a replay) and the board that follows announce nothing.
    model.apply_event(TicketEventKind::Called, called("A-001", "2", kStart + kSecond), 11, kStart + 2 * kSecond);
    model.apply_board(board_with({board_call("A-001", "2", kStart + kSecond)}, 11), BoardSource::Fetched,
                      kStart + 2 * kSecond);
    CHECK(announced_codes(model).empty());
}

TEST_CASE("recall is announced again") {
    DisplayModel model(AreaFilter{}, kStart);
    model.apply_board(board_with({}), BoardSource::Stream, kStart);
    model.apply_event(TicketEventKind::Called, called("A-001", "1", kStart + kSecond), 11, kStart + kSecond);
    CHECK(announced_codes(model) == std::vector<std::string>{"A-001"});

    const ModelChange change = model.apply_event(
        TicketEventKind::Recalled, called("A-001", "1", kStart + kSecond, 1), 12, kStart + 30 * kSecond);

    CHECK(change.new_call);
    CHECK(model.featured()->recall_count == 1);
    CHECK(announced_codes(model) == std::vector<std::string>{"A-001 recall"});
}

TEST_CASE("calls before start are shown but not announced") {
    DisplayModel model(AreaFilter{}, kStart);

    // Called ten minutes before the display started, still waiting for the visitor.
    const ModelChange change = model.apply_board(board_with({board_call("A-004", "3", kStart - 600 * kSecond)}),
                                                 BoardSource::Stream, kStart);

    CHECK_FALSE(change.new_call);
    REQUIRE(model.featured().has_value());
    CHECK(model.featured()->ticket_code == "A-004");
    CHECK(announced_codes(model).empty());
}

TEST_CASE("call made just before start is announced") {
    DisplayModel model(AreaFilter{}, kStart);
    model.apply_board(board_with({board_call("A-005", "1", kStart - 20 * kSecond)}), BoardSource::Stream, kStart);
    CHECK(announced_codes(model) == std::vector<std::string>{"A-005"});
}

TEST_CASE("calls missed while disconnected are announced once back") {
    DisplayModel model(AreaFilter{}, kStart);
    model.apply_board(board_with({board_call("A-001", "1", kStart + kSecond)}, 11), BoardSource::Stream,
                      kStart + kSecond);
    model.set_connected(true);
    CHECK(announced_codes(model) == std::vector<std::string>{"A-001"});

    // Lost: the banner shows and the last board stays.
    const ModelChange lost = model.set_connected(false);
    CHECK(contains(lost.panels, Panel::Banner));
    CHECK(model.connection_lost());
    CHECK(model.featured()->ticket_code == "A-001");

    SUBCASE("replayed events") {
        // Back after five minutes; the server replays two calls, one already being served.
        const TimestampMs back = kStart + 300 * kSecond;
        model.set_connected(true);
        model.apply_event(TicketEventKind::Called, called("A-002", "2", kStart + 60 * kSecond), 12, back);
        model.apply_event(TicketEventKind::Called, called("A-003", "3", kStart + 90 * kSecond), 13, back);
        model.apply_event(TicketEventKind::Updated,
                          updated("A-002", "2", TicketState::Serving, kStart + 60 * kSecond), 14, back);

        const std::vector<PendingAnnouncement> announcements = model.take_announcements();
        REQUIRE(announcements.size() == 1);
        CHECK(announcements[0].call.ticket_code == "A-003");
        CHECK(announcements[0].late);
        CHECK(model.featured()->ticket_code == "A-003");
        CHECK(model.desks()[1].state == TicketState::Serving);
        CHECK_FALSE(model.connection_lost());
    }
    SUBCASE("a snapshot from a restarted server") {
        const TimestampMs back = kStart + 120 * kSecond;
        model.set_connected(true);
        const ModelChange change = model.apply_board(
            board_with({board_call("A-002", "2", kStart + 100 * kSecond), board_call("A-001", "1", kStart + kSecond)},
                       3),
            BoardSource::Stream, back);

        CHECK(change.new_call);
        CHECK(model.featured()->ticket_code == "A-002");
        CHECK(announced_codes(model) == std::vector<std::string>{"A-002"});
    }
    SUBCASE("a recall missed while disconnected") {
        model.set_connected(true);
        model.apply_board(board_with({board_call("A-001", "1", kStart + kSecond, TicketState::Called, 1)}, 13),
                          BoardSource::Stream, kStart + 200 * kSecond);
        CHECK(announced_codes(model) == std::vector<std::string>{"A-001 recall"});
    }
}

TEST_CASE("late call served before its turn is not announced") {
    DisplayModel model(AreaFilter{}, kStart);
    model.apply_board(board_with({}), BoardSource::Stream, kStart);

    model.apply_event(TicketEventKind::Called, called("A-002", "2", kStart), 11, kStart + 60 * kSecond);
    const std::vector<PendingAnnouncement> first = model.take_announcements();
    REQUIRE(first.size() == 1);
    CHECK(first[0].late);
    CHECK(model.still_called(first[0].key));

    // The visitor reached the desk while the announcement waited in the sound queue.
    model.apply_event(TicketEventKind::Updated, updated("A-002", "2", TicketState::Serving, kStart), 12,
                      kStart + 61 * kSecond);
    CHECK_FALSE(model.still_called(first[0].key));
}

TEST_CASE("one late announcement per ticket") {
    DisplayModel model(AreaFilter{}, kStart);
    model.apply_board(board_with({}), BoardSource::Stream, kStart);
    const TimestampMs back = kStart + 600 * kSecond;
    model.apply_event(TicketEventKind::Called, called("A-002", "2", kStart), 11, back);
    model.apply_event(TicketEventKind::Recalled, called("A-002", "2", kStart, 1), 12, back);
    model.apply_event(TicketEventKind::Recalled, called("A-002", "2", kStart, 2), 13, back);

    CHECK(announced_codes(model) == std::vector<std::string>{"A-002 recall"});
}

TEST_CASE("finished ticket leaves its desk") {
    DisplayModel model(AreaFilter{}, kStart);
    model.apply_board(board_with({board_call("A-001", "1", kStart)}), BoardSource::Stream, kStart);
    REQUIRE(model.desks()[0].ticket_code == "A-001");

    const ModelChange change = model.apply_event(TicketEventKind::Updated,
                                                 updated("A-001", "1", TicketState::Done, kStart), 11, kStart);

    CHECK(contains(change.panels, Panel::Desks));
    CHECK_FALSE(model.desks()[0].ticket_code.has_value());
    // The newest call stays on screen after it was served.
    CHECK(model.featured()->ticket_code == "A-001");
}

TEST_CASE("fetched board older than the last event is skipped") {
    DisplayModel model(AreaFilter{}, kStart);
    model.apply_board(board_with({}, 10), BoardSource::Stream, kStart);
    model.apply_event(TicketEventKind::Called, called("A-001", "1", kStart + kSecond), 11, kStart + kSecond);

    const ModelChange change = model.apply_board(board_with({}, 10), BoardSource::Fetched, kStart + kSecond);

    CHECK(change.panels.none());
    CHECK(model.desks()[0].ticket_code == "A-001");
    CHECK(model.featured()->ticket_code == "A-001");
}

TEST_CASE("area filter hides other areas") {
    DisplayModel model(AreaFilter({"srg"}), kStart);
    OfficeConfig config;
    config.areas = {AreaInfo{"pbk", "A", {"PBK", "PBK"}}, AreaInfo{"srg", "B", {"SRG", "SRG"}}};
    config.desks = {DeskInfo{"1", "Meja 1"}, DeskInfo{"2", "Meja 2"}, DeskInfo{"3", "Meja 3"}};
    model.apply_config(config);
    model.apply_board(board_with({board_call("B-001", "2", kStart, TicketState::Called, 0, "srg"),
                                  board_call("A-001", "1", kStart, TicketState::Called, 0, "pbk")}),
                      BoardSource::Stream, kStart);

    REQUIRE(model.waiting().size() == 1);
    CHECK(model.waiting()[0].area == "srg");
    CHECK_FALSE(model.desks()[0].ticket_code.has_value());
    CHECK(model.desks()[1].ticket_code == "B-001");
    CHECK(model.featured()->ticket_code == "B-001");
    CHECK(announced_codes(model) == std::vector<std::string>{"B-001"});

    const ModelChange change = model.apply_event(TicketEventKind::Called, called("A-002", "3", kStart + kSecond),
                                                 11, kStart + kSecond);
    CHECK_FALSE(change.new_call);
    CHECK(model.featured()->ticket_code == "B-001");
    CHECK(announced_codes(model).empty());
}

TEST_CASE("previous calls leave out the featured one") {
    DisplayModel model(AreaFilter{}, kStart);
    model.apply_board(board_with({board_call("A-002", "2", kStart + 2 * kSecond), board_call("A-001", "1", kStart)}),
                      BoardSource::Stream, kStart + 3 * kSecond);

    const std::vector<RecentCall> previous = model.previous_calls();
    REQUIRE(previous.size() == 1);
    CHECK(previous[0].ticket_code == "A-001");
    CHECK(previous[0].desk_name == "Meja 1");
}

TEST_CASE("empty board clears the featured call") {
    DisplayModel model(AreaFilter{}, kStart);
    model.apply_board(board_with({board_call("A-001", "1", kStart)}), BoardSource::Stream, kStart);
    REQUIRE(model.featured().has_value());

    // A new service day starts with an empty board.
    model.apply_board(board_with({}, 50), BoardSource::Stream, kStart + 86'400 * kSecond);
    CHECK_FALSE(model.featured().has_value());
}
