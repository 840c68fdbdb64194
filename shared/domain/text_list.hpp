#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace antrean {

// Splits "pbk,srg" into its items, dropping empty ones ("pbk,,srg" and "pbk," work too).
inline std::vector<std::string> split_list(std::string_view text, char separator = ',') {
    std::vector<std::string> items;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find(separator, start);
        if (end == std::string_view::npos) end = text.size();
        if (end > start) items.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    return items;
}

}  // namespace antrean
