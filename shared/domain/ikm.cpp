#include "domain/ikm.hpp"

#include <array>
#include <cmath>

namespace antrean {
namespace {

struct CategoryInfo {
    const char* letter;
    const char* name_id;
    const char* name_en;
};
constexpr std::array<CategoryInfo, static_cast<size_t>(IkmCategory::kCount)> kCategories{{
    {"A", "Sangat Baik", "Very good"},
    {"B", "Baik", "Good"},
    {"C", "Kurang Baik", "Poor"},
    {"D", "Tidak Baik", "Very poor"},
}};

double round_to_hundredths(double value) { return std::round(value * 100.0) / 100.0; }

}  // namespace

IkmCategory ikm_category(double index) {
    // Compared in hundredths so 88.31 is A although 88.31 has no exact binary form.
    const long hundredths = std::lround(index * 100.0);
    if (hundredths >= 8831) return IkmCategory::A;
    if (hundredths >= 7661) return IkmCategory::B;
    if (hundredths >= 6500) return IkmCategory::C;
    return IkmCategory::D;
}

const char* ikm_category_letter(IkmCategory category) { return kCategories.at(static_cast<size_t>(category)).letter; }

const char* ikm_category_name(IkmCategory category, bool indonesian) {
    const CategoryInfo& info = kCategories.at(static_cast<size_t>(category));
    return indonesian ? info.name_id : info.name_en;
}

Result<IkmResult> compute_ikm(const std::vector<std::vector<int>>& responses, size_t element_count) {
    if (responses.empty() || element_count == 0) {
        return fail(ErrorCode::NotFound, "", "error.ikm_no_responses");
    }
    std::vector<double> sums(element_count, 0.0);
    for (size_t r = 0; r < responses.size(); ++r) {
        if (responses[r].size() != element_count) {
            return fail(ErrorCode::InvalidInput, "scores", "error.survey_score_count",
                        {{"expected", std::to_string(element_count)}, {"response", std::to_string(r + 1)}});
        }
        for (size_t e = 0; e < element_count; ++e) {
            const int score = responses[r][e];
            if (score < 1 || score > 4) {
                return fail(ErrorCode::InvalidInput, "scores", "error.survey_score_range",
                            {{"element", std::to_string(e + 1)}, {"response", std::to_string(r + 1)}});
            }
            sums[e] += score;
        }
    }

    IkmResult result;
    result.responses = static_cast<int>(responses.size());
    const double weight = 1.0 / static_cast<double>(element_count);
    double weighted = 0;
    for (double sum : sums) {
        const double average = sum / static_cast<double>(responses.size());
        result.element_averages.push_back(average);
        weighted += average * weight;
    }
    result.index = round_to_hundredths(weighted * 25.0);
    result.category = ikm_category(result.index);
    return result;
}

}  // namespace antrean
