#include <doctest/doctest.h>

#include "protocol/public_views.hpp"

using namespace antrean;
using namespace antrean::protocol;

namespace {

Board sample_board() {
    Board board;
    board.calls.push_back(BoardCall{"A-012", "pbk", DeskRef{"2", "Meja 2", "Lantai 2"}, TicketState::Called,
                                    "2026-12-04T09:15:00+07:00", 1});
    board.desks.push_back(BoardDesk{DeskRef{"1", "Meja 1", "Lantai 2"}, std::nullopt, std::nullopt});
    board.desks.push_back(BoardDesk{DeskRef{"2", "Meja 2", "Lantai 2"}, "A-012", TicketState::Called});
    board.waiting = {{"pbk", 3}, {"srg", 0}};
    board.recent = board.calls;
    board.last_event_id = 42;
    board.generated_at = "2026-12-04T09:15:01+07:00";
    return board;
}

}  // namespace

TEST_CASE("board survives a JSON round trip") {
    const Board original = sample_board();
    const auto parsed = parse_board(nlohmann::json::parse(to_json(original).dump()));
    REQUIRE(parsed.has_value());
    CHECK(parsed->calls.size() == 1);
    CHECK(parsed->calls[0].ticket_code == "A-012");
    CHECK(parsed->calls[0].desk->name == "Meja 2");
    CHECK(parsed->calls[0].recall_count == 1);
    CHECK(parsed->desks.size() == 2);
    CHECK_FALSE(parsed->desks[0].ticket_code.has_value());
    CHECK(parsed->desks[1].state == TicketState::Called);
    CHECK(parsed->waiting.at("pbk") == 3);
    CHECK(parsed->last_event_id == 42);
}

TEST_CASE("board parse names the broken field") {
    nlohmann::json json = to_json(sample_board());
    json["calls"][0]["state"] = "sleeping";
    const auto parsed = parse_board(json);
    REQUIRE_FALSE(parsed.has_value());
    CHECK(parsed.error().field == "calls[0].state");
    CHECK(parsed.error().code == ErrorCode::InvalidInput);
}

TEST_CASE("board parse rejects missing waiting") {
    nlohmann::json json = to_json(sample_board());
    json.erase("waiting");
    const auto parsed = parse_board(json);
    REQUIRE_FALSE(parsed.has_value());
    CHECK(parsed.error().field == "waiting");
}

TEST_CASE("ticket event survives a JSON round trip") {
    TicketEvent event;
    event.ticket_id = 7;
    event.ticket_code = "B-003";
    event.area = "srg";
    event.state = TicketState::Called;
    event.desk = DeskRef{"3", "Meja 3", "Lantai 2"};
    event.called_at = "2026-12-04T10:00:00+07:00";
    event.recall_count = 2;
    const auto parsed = parse_ticket_event(to_json(event));
    REQUIRE(parsed.has_value());
    CHECK(parsed->ticket_id == 7);
    CHECK(parsed->ticket_code == "B-003");
    CHECK(parsed->desk->id == "3");
    CHECK(parsed->called_at == "2026-12-04T10:00:00+07:00");
    CHECK(parsed->recall_count == 2);
    CHECK_FALSE(parsed->previous_ticket_id.has_value());
}

TEST_CASE("ticket event carries no visitor fields") {
    TicketEvent event;
    event.ticket_id = 1;
    event.ticket_code = "A-001";
    event.area = "pbk";
    const nlohmann::json json = to_json(event);
    for (const char* personal : {"visitor", "name", "phone", "nik", "email", "summary", "status_token"}) {
        CHECK_MESSAGE(!json.contains(personal), personal);
    }
}
