#include <doctest/doctest.h>

#include "engine/survey.hpp"
#include "engine_fixture.hpp"

using namespace antrean;
using namespace antrean::server;
using namespace antrean::server::test_support;

namespace {

SurveyAnswer answer_with(int score) {
    SurveyAnswer answer;
    answer.scores.assign(9, score);
    return answer;
}

}  // namespace

TEST_CASE("survey elements load from the shipped config") {
    EngineFixture fixture;
    REQUIRE(fixture.config.survey_elements.size() == 9);
    CHECK(fixture.config.survey_elements.front().id == "persyaratan");
    CHECK(fixture.config.survey_elements.back().id == "sarana");
    CHECK(fixture.config.survey_elements[3].answers[3].id == "Gratis");
}

TEST_CASE("survey opens only after the service") {
    EngineFixture fixture;
    SurveyBook surveys(fixture.engine);
    const LoggedIn officer = fixture.officer_at_desk("budi", "1");
    const Ticket waiting = fixture.check_in().ticket;

    CHECK(require_value(surveys.availability(waiting)) == SurveyBook::Availability::NotFinished);
    CHECK(error_of(surveys.submit(waiting, answer_with(4))) == ErrorCode::Conflict);

    fixture.call_next(officer);
    fixture.serve(waiting.id, officer);
    const Ticket done = fixture.find(waiting.id);
    CHECK(require_value(surveys.availability(done)) == SurveyBook::Availability::Open);
}

TEST_CASE("survey accepts one answer per visit") {
    EngineFixture fixture;
    SurveyBook surveys(fixture.engine);
    const LoggedIn officer = fixture.officer_at_desk("budi", "1");
    const Ticket ticket = fixture.check_in().ticket;
    fixture.call_next(officer);
    fixture.serve(ticket.id, officer);
    const Ticket done = fixture.find(ticket.id);

    require_ok(surveys.submit(done, answer_with(3)));
    CHECK(require_value(surveys.availability(done)) == SurveyBook::Availability::Answered);
    const auto second = surveys.submit(done, answer_with(4));
    CHECK(error_of(second) == ErrorCode::Conflict);
    CHECK(message_key_of(second) == "error.survey_answered");
}

TEST_CASE("survey rejects wrong score lists") {
    EngineFixture fixture;
    SurveyBook surveys(fixture.engine);
    const LoggedIn officer = fixture.officer_at_desk("budi", "1");
    const Ticket ticket = fixture.check_in().ticket;
    fixture.call_next(officer);
    fixture.serve(ticket.id, officer);
    const Ticket done = fixture.find(ticket.id);

    SurveyAnswer short_answer;
    short_answer.scores = {4, 4, 4};
    CHECK(message_key_of(surveys.submit(done, short_answer)) == "error.survey_score_count");
    SurveyAnswer out_of_range = answer_with(4);
    out_of_range.scores[5] = 5;
    CHECK(message_key_of(surveys.submit(done, out_of_range)) == "error.survey_score_range");
    CHECK(require_value(surveys.availability(done)) == SurveyBook::Availability::Open);
}

TEST_CASE("survey report gives the index") {
    EngineFixture fixture;
    SurveyBook surveys(fixture.engine);
    const LoggedIn officer = fixture.officer_at_desk("budi", "1", {"pbk", "srg"});
    // Two PBK visits answered with all 4 and all 3, one SRG visit with all 2.
    const std::vector<std::pair<AreaId, int>> visits{{"pbk", 4}, {"pbk", 3}, {"srg", 2}};
    for (const auto& [area, score] : visits) {
        const Ticket ticket = fixture.check_in(area).ticket;
        fixture.call_next(officer);
        fixture.serve(ticket.id, officer);
        require_ok(surveys.submit(fixture.find(ticket.id), answer_with(score)));
    }
    const std::string today = fixture.engine.service_date();

    const IkmReport all = require_value(surveys.report(today, today, std::nullopt));
    REQUIRE(all.result.has_value());
    CHECK(all.result->responses == 3);
    CHECK(all.result->index == doctest::Approx(75.0));
    CHECK(all.result->category == IkmCategory::C);

    const IkmReport pbk = require_value(surveys.report(today, today, AreaId("pbk")));
    REQUIRE(pbk.result.has_value());
    CHECK(pbk.result->responses == 2);
    CHECK(pbk.result->index == doctest::Approx(87.5));
    CHECK(pbk.result->category == IkmCategory::B);

    const IkmReport yesterday = require_value(surveys.report("2026-12-03", "2026-12-03", std::nullopt));
    CHECK_FALSE(yesterday.result.has_value());
    const std::string csv = ikm_report_csv(pbk, fixture.config);
    CHECK(csv.find("from,to,area,responses,element,average") == 0);
    CHECK(csv.find(",pbk,2,ikm,87.50") != std::string::npos);
    CHECK(csv.find("\"B Baik\"") != std::string::npos);
}

TEST_CASE("survey report rejects a bad date") {
    EngineFixture fixture;
    SurveyBook surveys(fixture.engine);
    CHECK(message_key_of(surveys.report("4 Desember", "2026-12-04", std::nullopt)) == "error.invalid_date");
    CHECK(message_key_of(surveys.report("2026-12-04", "2026-12-04", AreaId("pajak"))) == "error.unknown_area");
}
