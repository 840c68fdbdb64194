#pragma once

#include <SFML/Graphics/Font.hpp>
#include <filesystem>
#include <string>

#include "domain/error.hpp"

// The Noto Sans fonts of Debian's fonts-noto-core package, found at run time. They cover
// every Latin letter that Indonesian and English text needs.
namespace antrean::display::render {

inline constexpr const char* kDefaultFontDirectory = "/usr/share/fonts/truetype/noto";
inline constexpr const char* kRegularFontFile = "NotoSans-Regular.ttf";
inline constexpr const char* kBoldFontFile = "NotoSans-Bold.ttf";

struct FontSet {
    sf::Font regular;
    sf::Font bold;
};

// Loads NotoSans-Regular.ttf and NotoSans-Bold.ttf from `directory`. A missing or unreadable
// file fails with ErrorCode::NotFound and message_key "error.font.missing" with the param
// {path}, the full path of that file.
Result<FontSet> load_fonts(const std::filesystem::path& directory);

}  // namespace antrean::display::render
