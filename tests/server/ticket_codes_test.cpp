#include <doctest/doctest.h>

#include <regex>
#include <set>

#include "engine_fixture.hpp"

using namespace antrean;
using namespace antrean::server;
using namespace antrean::server::test_support;

namespace {

TimestampMs instant(const char* rfc3339) { return require_value(parse_rfc3339(rfc3339)); }

}  // namespace

TEST_CASE("codes count per area prefix") {
    struct Case {
        AreaId area;
        const char* expected_code;
    };
    const Case cases[] = {
        {"pbk", "A-001"}, {"pbk", "A-002"}, {"srg", "B-001"}, {"pbk", "A-003"},
        {"plk", "C-001"}, {"general", "D-001"}, {"srg", "B-002"},
    };
    EngineFixture fixture;

    for (const Case& c : cases) {
        CAPTURE(c.area);
        const IssuedTicket issued = fixture.check_in(c.area);
        CHECK(issued.ticket.code == c.expected_code);
        CHECK(fixture.find(issued.ticket.id).code == c.expected_code);
        CHECK(issued.ticket.service_date == "2026-12-04");
    }
}

TEST_CASE("numbering restarts at Jakarta midnight") {
    struct Case {
        const char* at;
        AreaId area;
        const char* expected_code;
        const char* expected_date;
    };
    const Case cases[] = {
        // 16:59:59Z is 23:59:59 WIB, still Friday in Jakarta.
        {"2026-12-04T16:59:58Z", "pbk", "A-001", "2026-12-04"},
        {"2026-12-04T16:59:59Z", "pbk", "A-002", "2026-12-04"},
        {"2026-12-04T17:00:00Z", "pbk", "A-001", "2026-12-05"},
        {"2026-12-04T17:00:01Z", "srg", "B-001", "2026-12-05"},
        {"2026-12-05T08:30:00+07:00", "pbk", "A-002", "2026-12-05"},
    };
    EngineFixture fixture;

    for (const Case& c : cases) {
        CAPTURE(c.at);
        fixture.clock.set(instant(c.at));
        const IssuedTicket issued = fixture.check_in(c.area);
        CHECK(issued.ticket.code == c.expected_code);
        CHECK(issued.ticket.service_date == c.expected_date);
    }
}

TEST_CASE("service day start hour moves the restart") {
    struct Case {
        const char* at;
        const char* expected_code;
        const char* expected_date;
    };
    const Case cases[] = {
        {"2026-12-04T23:00:00+07:00", "A-001", "2026-12-04"},
        {"2026-12-05T02:00:00+07:00", "A-002", "2026-12-04"},
        {"2026-12-05T03:59:59+07:00", "A-003", "2026-12-04"},
        {"2026-12-05T04:00:00+07:00", "A-001", "2026-12-05"},
        {"2026-12-05T09:00:00+07:00", "A-002", "2026-12-05"},
    };
    EngineFixture fixture([](ServerConfig& config) { config.queue.service_day_start_hour = 4; });

    for (const Case& c : cases) {
        CAPTURE(c.at);
        fixture.clock.set(instant(c.at));
        const IssuedTicket issued = fixture.check_in();
        CHECK(issued.ticket.code == c.expected_code);
        CHECK(issued.ticket.service_date == c.expected_date);
        CHECK(fixture.engine.service_date() == c.expected_date);
    }
}

TEST_CASE("codes are unique within a day") {
    const AreaId areas[] = {"pbk", "srg", "plk", "general"};
    const std::regex code_format("^[A-D]-[0-9]{3}$");
    EngineFixture fixture;
    std::set<std::string> codes;

    for (int i = 0; i < 40; ++i) {
        const IssuedTicket issued = fixture.check_in(areas[i % 4]);
        CHECK(std::regex_match(issued.ticket.code, code_format));
        codes.insert(issued.ticket.code);
        fixture.advance_minutes(7);
    }

    CHECK(codes.size() == 40);
    CHECK(codes.count("A-010") == 1);
    CHECK(codes.count("D-010") == 1);
    CHECK(codes.count("A-011") == 0);
}

TEST_CASE("ticket ids keep growing across days") {
    EngineFixture fixture;
    fixture.clock.set(instant("2026-12-04T15:00:00+07:00"));
    const IssuedTicket friday = fixture.check_in();
    fixture.clock.set(instant("2026-12-07T08:00:00+07:00"));
    const IssuedTicket monday = fixture.check_in();

    CHECK(friday.ticket.code == monday.ticket.code);
    CHECK(monday.ticket.id > friday.ticket.id);
    CHECK(monday.ticket.status_token != friday.ticket.status_token);
}

TEST_CASE("check-in rejects unknown area") {
    EngineFixture fixture;
    CheckInRequest request;
    request.visitor = Visitor{"Budi", "+6281111111111"};
    request.area = "saham";

    const auto result = fixture.engine.check_in(request);

    CHECK(error_of(result) == ErrorCode::InvalidInput);
    CHECK(message_key_of(result) == "error.unknown_area");
}

TEST_CASE("check-in outside opening hours is rejected") {
    struct Case {
        const char* at;
        bool open;
    };
    // Shipped hours: Monday to Thursday 08:00-16:00, Friday 08:00-16:30, weekend closed.
    const Case cases[] = {
        {"2026-12-04T07:59:00+07:00", false}, {"2026-12-04T08:00:00+07:00", true},
        {"2026-12-04T16:29:00+07:00", true},  {"2026-12-04T16:30:00+07:00", false},
        {"2026-12-05T10:00:00+07:00", false}, {"2026-12-07T15:59:00+07:00", true},
        {"2026-12-07T16:00:00+07:00", false},
    };
    EngineFixture fixture([](ServerConfig& config) { config.enforce_opening_hours = true; });
    CheckInRequest request;
    request.visitor = Visitor{"Budi", "+6281111111111"};
    request.area = "pbk";

    for (const Case& c : cases) {
        CAPTURE(c.at);
        fixture.clock.set(instant(c.at));
        const auto result = fixture.engine.check_in(request);
        CHECK(result.has_value() == c.open);
        if (!c.open) {
            CHECK(message_key_of(result) == "error.office_closed");
        }
    }
}
