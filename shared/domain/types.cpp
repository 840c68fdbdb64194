#include "domain/types.hpp"

#include <cctype>

namespace antrean {

Language parse_accept_language(std::string_view header) {
    // Entries are tried in the order written; q-values are not weighed because clients
    // of this product send one language.
    size_t start = 0;
    while (start < header.size()) {
        size_t end = header.find(',', start);
        if (end == std::string_view::npos) {
            end = header.size();
        }
        std::string_view entry = header.substr(start, end - start);
        while (!entry.empty() && entry.front() == ' ') {
            entry.remove_prefix(1);
        }
        if (entry.size() >= 2) {
            const char first = static_cast<char>(std::tolower(static_cast<unsigned char>(entry[0])));
            const char second = static_cast<char>(std::tolower(static_cast<unsigned char>(entry[1])));
            const bool whole_tag = entry.size() == 2 || entry[2] == '-' || entry[2] == ';' || entry[2] == '_';
            if (whole_tag && first == 'i' && second == 'd') {
                return Language::Indonesian;
            }
            if (whole_tag && first == 'e' && second == 'n') {
                return Language::English;
            }
        }
        start = end + 1;
    }
    return Language::Indonesian;
}

}  // namespace antrean
