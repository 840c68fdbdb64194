#include <doctest/doctest.h>

#include "render/fonts.hpp"

using namespace antrean::display::render;

TEST_CASE("missing font is reported by path") {
    const auto fonts = load_fonts("/nonexistent/fonts");

    REQUIRE_FALSE(fonts.has_value());
    CHECK(fonts.error().message_key == "error.font.missing");
    CHECK(fonts.error().params.at("path") == "/nonexistent/fonts/NotoSans-Regular.ttf");
}

TEST_CASE("Debian Noto fonts load") {
    const auto fonts = load_fonts(kDefaultFontDirectory);
    if (!fonts) {
        MESSAGE("fonts-noto-core is not installed; skipping: " << fonts.error().params.at("path"));
        return;
    }
    CHECK(fonts->regular.getInfo().family == "Noto Sans");
    CHECK(fonts->bold.getInfo().family == "Noto Sans");
}
