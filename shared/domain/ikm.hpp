#pragma once

#include <string>
#include <vector>

#include "domain/error.hpp"

namespace antrean {

// The public satisfaction index (Indeks Kepuasan Masyarakat) of PermenPANRB 14/2017: every
// survey element is answered on a 1-4 scale, each element's mean is weighted equally,
// and the weighted sum times 25 gives a value from 25 to 100.
enum class IkmCategory { A, B, C, D, kCount };

struct IkmResult {
    int responses = 0;
    std::vector<double> element_averages;  // one per element, 1.0 to 4.0
    double index = 0;                      // 25.00 to 100.00, rounded to 2 decimals
    IkmCategory category = IkmCategory::D;
};

// Returns the category of an index already rounded to 2 decimals: A (Sangat Baik) from
// 88.31, B (Baik) from 76.61, C (Kurang Baik) from 65.00, D (Tidak Baik) below.
IkmCategory ikm_category(double index);
const char* ikm_category_letter(IkmCategory category);
// "Sangat Baik", "Baik", "Kurang Baik", "Tidak Baik" (the regulation's wording), or the
// English "Very good", "Good", "Poor", "Very poor".
const char* ikm_category_name(IkmCategory category, bool indonesian);

// Computes the index of `responses`, each a list of `element_count` scores from 1 to 4.
// Returns an error naming the response and element of the first invalid score, or when
// there is no response.
Result<IkmResult> compute_ikm(const std::vector<std::vector<int>>& responses, size_t element_count);

}  // namespace antrean
