#include <doctest/doctest.h>

#include "domain/ikm.hpp"

using namespace antrean;

TEST_CASE("ikm of a worked example") {
    // Four respondents, nine elements. Element means: 3.25, 3.5, 3.0, 4.0, 3.25, 3.5, 3.75,
    // 2.75, 3.0; their equal-weight mean is 30.0 / 9 = 3.3333, and 3.3333 * 25 = 83.33 (B).
    const std::vector<std::vector<int>> responses{
        {3, 4, 3, 4, 3, 4, 4, 3, 3},
        {4, 3, 3, 4, 3, 3, 4, 2, 3},
        {3, 4, 3, 4, 4, 4, 3, 3, 3},
        {3, 3, 3, 4, 3, 3, 4, 3, 3},
    };
    const auto result = compute_ikm(responses, 9);
    REQUIRE(result.has_value());
    CHECK(result->responses == 4);
    REQUIRE(result->element_averages.size() == 9);
    CHECK(result->element_averages[0] == doctest::Approx(3.25));
    CHECK(result->element_averages[3] == doctest::Approx(4.0));
    CHECK(result->element_averages[7] == doctest::Approx(2.75));
    CHECK(result->index == doctest::Approx(83.33));
    CHECK(result->category == IkmCategory::B);
}

TEST_CASE("ikm extremes are 25 and 100") {
    const auto lowest = compute_ikm({{1, 1, 1}, {1, 1, 1}}, 3);
    REQUIRE(lowest.has_value());
    CHECK(lowest->index == doctest::Approx(25.0));
    CHECK(lowest->category == IkmCategory::D);
    const auto highest = compute_ikm({{4, 4, 4}}, 3);
    REQUIRE(highest.has_value());
    CHECK(highest->index == doctest::Approx(100.0));
    CHECK(highest->category == IkmCategory::A);
}

TEST_CASE("ikm category boundaries") {
    struct Case {
        double index;
        IkmCategory expected;
    };
    const Case cases[] = {
        {100.00, IkmCategory::A}, {88.31, IkmCategory::A}, {88.30, IkmCategory::B}, {76.61, IkmCategory::B},
        {76.60, IkmCategory::C},  {65.00, IkmCategory::C}, {64.99, IkmCategory::D}, {25.00, IkmCategory::D},
    };
    for (const Case& entry : cases) {
        CAPTURE(entry.index);
        CHECK(ikm_category(entry.index) == entry.expected);
    }
}

TEST_CASE("ikm category names in both languages") {
    CHECK(std::string(ikm_category_name(IkmCategory::A, true)) == "Sangat Baik");
    CHECK(std::string(ikm_category_name(IkmCategory::D, true)) == "Tidak Baik");
    CHECK(std::string(ikm_category_name(IkmCategory::B, false)) == "Good");
    CHECK(std::string(ikm_category_letter(IkmCategory::C)) == "C");
}

TEST_CASE("ikm rejects invalid responses") {
    const auto empty = compute_ikm({}, 9);
    REQUIRE_FALSE(empty.has_value());
    CHECK(empty.error().code == ErrorCode::NotFound);

    const auto out_of_range = compute_ikm({{1, 5, 3}}, 3);
    REQUIRE_FALSE(out_of_range.has_value());
    CHECK(out_of_range.error().message_key == "error.survey_score_range");
    CHECK(out_of_range.error().params.at("element") == "2");

    const auto wrong_count = compute_ikm({{1, 2, 3}, {1, 2}}, 3);
    REQUIRE_FALSE(wrong_count.has_value());
    CHECK(wrong_count.error().message_key == "error.survey_score_count");
    CHECK(wrong_count.error().params.at("response") == "2");
}
