#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace antrean {

// Looks up the wire name of an enum value in its name table; tables are declared next to
// their enum with a static_assert on the count, so a new value cannot go unnamed.
template <typename Enum, size_t N>
constexpr const char* enum_name(const std::array<const char*, N>& names, Enum value) {
    return names.at(static_cast<size_t>(value));
}

template <typename Enum, size_t N>
std::optional<Enum> parse_enum(const std::array<const char*, N>& names, std::string_view text) {
    for (size_t i = 0; i < N; ++i) {
        if (text == names[i]) {
            return static_cast<Enum>(i);
        }
    }
    return std::nullopt;
}

}  // namespace antrean
