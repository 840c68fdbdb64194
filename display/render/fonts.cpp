#include "render/fonts.hpp"

#include <SFML/System/Err.hpp>
#include <sstream>

namespace antrean::display::render {
namespace {

Result<bool> load_font(sf::Font& font, const std::filesystem::path& path) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) {
        return fail(ErrorCode::NotFound, "", "error.font.missing", {{"path", path.string()}});
    }
    // SFML writes its own message to sf::err() on failure, and the returned error names the
    // path, so SFML's message is dropped.
    std::ostringstream sfml_message;
    std::streambuf* saved = sf::err().rdbuf(sfml_message.rdbuf());
    const bool loaded = font.loadFromFile(path.string());
    sf::err().rdbuf(saved);
    if (!loaded) {
        return fail(ErrorCode::NotFound, "", "error.font.missing", {{"path", path.string()}});
    }
    return true;
}

}  // namespace

Result<FontSet> load_fonts(const std::filesystem::path& directory) {
    FontSet fonts;
    if (auto loaded = load_font(fonts.regular, directory / kRegularFontFile); !loaded) {
        return tl::unexpected(loaded.error());
    }
    if (auto loaded = load_font(fonts.bold, directory / kBoldFontFile); !loaded) {
        return tl::unexpected(loaded.error());
    }
    return fonts;
}

}  // namespace antrean::display::render
