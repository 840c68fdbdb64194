#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>

#include "engine/reports.hpp"
#include "engine_fixture.hpp"

using namespace antrean;
using namespace antrean::server;
using namespace antrean::server::test_support;

namespace {

std::vector<std::string> csv_lines(const std::string& csv) {
    std::vector<std::string> lines;
    std::stringstream stream(csv);
    std::string line;
    while (std::getline(stream, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(line);
    }
    return lines;
}

bool has_line(const std::vector<std::string>& lines, const std::string& expected) {
    return std::find(lines.begin(), lines.end(), expected) != lines.end();
}

// One officer serves a small Friday morning, minute by minute from 09:00 WIB:
//   T1 pbk complaint      in 0, called 10, served 10-20, answered
//   T2 srg information    in 1, called 20, served 20-25, referred
//   T3 pbk consultation   in 2, called 25, no-show at 27
//   T4 plk complaint      in 3, called 27, served 27-30, transferred to srg
//   T4 again (srg)        called 30, served 30-60, answered; a follow-up, not a new visit
//   T5 general info       in 4, cancelled by the reception at 4
// Waits (check-in to first call): 10, 19, 23, 24. Service times: 10, 5, 3, 30.
class SmallDay {
public:
    SmallDay() {
        officer_ = fixture.officer_at_desk("dewi", "1", {"pbk", "srg", "plk", "general"});
        reception_ = fixture.receptionist();
        const TimestampMs opening = fixture.clock.now();
        const auto at = [&](int minute) { fixture.clock.set(opening + minute * kMinuteMs); };

        const TicketId t1 = fixture.check_in("pbk", Purpose::Complaint).ticket.id;
        at(1);
        fixture.check_in("srg", Purpose::Information);
        at(2);
        fixture.check_in("pbk", Purpose::Consultation);
        at(3);
        const TicketId t4 = fixture.check_in("plk", Purpose::Complaint).ticket.id;
        at(4);
        const TicketId t5 = fixture.check_in("general", Purpose::Information).ticket.id;
        fixture.apply(t5, TicketAction::Cancel, reception_);

        at(10);
        REQUIRE(call() == t1);
        fixture.apply(t1, TicketAction::Start, officer_);
        at(20);
        fixture.apply(t1, TicketAction::Complete, officer_, outcome(Outcome::Answered));
        const TicketId t2 = call();
        fixture.apply(t2, TicketAction::Start, officer_);
        at(25);
        fixture.apply(t2, TicketAction::Complete, officer_, outcome(Outcome::Referred));
        const TicketId t3 = call();
        at(27);
        fixture.apply(t3, TicketAction::NoShow, officer_);
        REQUIRE(call() == t4);
        fixture.apply(t4, TicketAction::Start, officer_);
        at(30);
        ActionDetails transfer;
        transfer.area = "srg";
        const TicketId follow_up = fixture.apply(t4, TicketAction::Transfer, officer_, transfer).id;
        REQUIRE(call() == follow_up);
        fixture.apply(follow_up, TicketAction::Start, officer_);
        at(60);
        fixture.apply(follow_up, TicketAction::Complete, officer_, outcome(Outcome::Answered));
    }

    EngineFixture fixture;

private:
    TicketId call() {
        const auto result = fixture.call_next(officer_);
        REQUIRE(result.has_value());
        return result->ticket.id;
    }

    static ActionDetails outcome(Outcome value) {
        ActionDetails details;
        details.outcome = value;
        return details;
    }

    LoggedIn officer_;
    LoggedIn reception_;
};

}  // namespace

TEST_CASE("daily report counts a small day") {
    SmallDay day;

    const DailyReport report = require_value(build_daily_report(day.fixture.engine, "2026-12-04"));

    CHECK(report.date == "2026-12-04");
    // The transfer's follow-up row is the same visit, so five visits in all.
    CHECK(report.tickets == 5);
    CHECK(report.by_area == std::map<std::string, int>{{"general", 1}, {"pbk", 2}, {"plk", 1}, {"srg", 1}});
    CHECK(report.by_purpose ==
          std::map<std::string, int>{{"complaint", 2}, {"consultation", 1}, {"information", 2}});
    CHECK(report.by_state == std::map<std::string, int>{{"cancelled", 1}, {"done", 4}, {"no_show", 1}});
    CHECK(report.by_outcome ==
          std::map<std::string, int>{{"answered", 2}, {"referred", 1}, {"transferred", 1}});
    CHECK(report.no_shows == 1);
    CHECK(report.booked == 0);
}

TEST_CASE("daily report percentiles use nearest rank") {
    SmallDay day;

    const DailyReport report = require_value(build_daily_report(day.fixture.engine, "2026-12-04"));

    // Waits 10, 19, 23, 24 minutes: the 50th percentile is the 2nd value, the 90th the 4th.
    CHECK(report.waiting.count == 4);
    CHECK(report.waiting.p50_minutes == doctest::Approx(19.0));
    CHECK(report.waiting.p90_minutes == doctest::Approx(24.0));
    CHECK(report.waiting.max_minutes == doctest::Approx(24.0));
    // Service times 3, 5, 10, 30 minutes.
    CHECK(report.service.count == 4);
    CHECK(report.service.p50_minutes == doctest::Approx(5.0));
    CHECK(report.service.p90_minutes == doctest::Approx(30.0));
    CHECK(report.service.max_minutes == doctest::Approx(30.0));
}

TEST_CASE("daily report measures the wait estimate") {
    SmallDay day;

    const DailyReport report = require_value(build_daily_report(day.fixture.engine, "2026-12-04"));

    // One officer and the default 15 service minutes. T3 had T1 ahead (estimate 15) and the
    // others had no one ahead (estimate 0), so the errors are -10, -19, -8 and -24.
    CHECK(report.estimate_samples == 4);
    CHECK(report.estimate_mean_error_minutes == doctest::Approx(-15.25));
}

TEST_CASE("daily report CSV has header and rows") {
    SmallDay day;
    const DailyReport report = require_value(build_daily_report(day.fixture.engine, "2026-12-04"));

    const std::string csv = daily_report_csv(report);
    const std::vector<std::string> lines = csv_lines(csv);

    REQUIRE_FALSE(lines.empty());
    CHECK(lines[0] == "date,metric,key,value");
    CHECK(csv.find("\r\n") != std::string::npos);
    const char* expected_rows[] = {
        "2026-12-04,tickets,all,5",
        "2026-12-04,area,pbk,2",
        "2026-12-04,area,general,1",
        "2026-12-04,purpose,information,2",
        "2026-12-04,state,done,4",
        "2026-12-04,outcome,transferred,1",
        "2026-12-04,no_shows,all,1",
        "2026-12-04,booked,all,0",
        "2026-12-04,waiting_minutes,p50,19.0",
        "2026-12-04,waiting_minutes,p90,24.0",
        "2026-12-04,service_minutes,p50,5.0",
        "2026-12-04,service_minutes,max,30.0",
    };
    for (const char* row : expected_rows) {
        CAPTURE(row);
        CHECK(has_line(lines, row));
    }
    for (const std::string& line : lines) {
        CAPTURE(line);
        CHECK(std::count(line.begin(), line.end(), ',') == 3);
    }
}

TEST_CASE("daily report of another day is empty") {
    SmallDay day;

    const DailyReport report = require_value(build_daily_report(day.fixture.engine, "2026-12-03"));
    const auto bad_date = build_daily_report(day.fixture.engine, "4 Desember");

    CHECK(report.tickets == 0);
    CHECK(report.waiting.count == 0);
    CHECK(report.waiting.p50_minutes == 0);
    CHECK(error_of(bad_date) == ErrorCode::InvalidInput);
}

TEST_CASE("daily report counts booked visits") {
    EngineFixture fixture;
    const LoggedIn officer = fixture.officer_at_desk("agus", "1");
    const Ticket booked = fixture.check_in_booked(officer.id, fixture.clock.now());
    fixture.advance_minutes(2);
    REQUIRE(fixture.call_next(officer)->ticket.id == booked.id);
    fixture.serve(booked.id, officer);

    const DailyReport report = require_value(build_daily_report(fixture.engine, "2026-12-04"));

    CHECK(report.booked == 1);
    CHECK(report.booked_served_by_booked_officer == 1);
    CHECK(report.waiting.p50_minutes == doctest::Approx(2.0));
}
