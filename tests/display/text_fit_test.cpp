#include <doctest/doctest.h>

#include "layout/text_fit.hpp"

using namespace antrean::display::layout;

namespace {

// Every glyph is 10 pixels wide, the ellipsis too; a combining mark draws on the glyph
// before it and takes no width.
float fixed_width(std::u32string_view text) {
    float width = 0;
    for (const char32_t c : text) {
        width += is_combining_mark(c) ? 0.0f : 10.0f;
    }
    return width;
}

std::string shorten(const std::string& utf8, float width) {
    return encode_utf8(shorten_to_width(decode_utf8(utf8), width, fixed_width));
}

}  // namespace

TEST_CASE("utf8 round trip") {
    for (const std::string text : {"Meja 2", "Koneksi terputus, menyambung kembali…", "Lini Bappebti – Layanan",
                                   "Café", "😀 emoji"}) {
        CAPTURE(text);
        CHECK(encode_utf8(decode_utf8(text)) == text);
    }
    CHECK(decode_utf8("Caf\xC3\xA9").size() == 4);
}

TEST_CASE("invalid utf8 becomes replacement characters") {
    CHECK(decode_utf8("a\xFF" "b") == U"a\uFFFDb");
    CHECK(decode_utf8("\xC3") == U"\uFFFD");          // truncated sequence
    CHECK(decode_utf8("\xC0\xAF") == U"\uFFFD\uFFFD");  // overlong form
    CHECK(decode_utf8("\xED\xA0\x80") == U"\uFFFD\uFFFD\uFFFD");  // surrogate
}

TEST_CASE("text that fits is not shortened") {
    CHECK(shorten("Meja 1", 60) == "Meja 1");
    CHECK(shorten("Meja 1", 1000) == "Meja 1");
}

TEST_CASE("long names end with an ellipsis") {
    // 100 pixels hold nine glyphs and the ellipsis.
    CHECK(shorten("Perdagangan Berjangka Komoditi", 100) == "Perdagang…");
    CHECK(fixed_width(decode_utf8(shorten("Perdagangan Berjangka Komoditi", 100))) <= 100);
}

TEST_CASE("ellipsis drops the spaces before it") {
    CHECK(shorten("Sistem Resi Gudang", 80) == "Sistem…");
}

TEST_CASE("shortening never splits a multi-byte letter") {
    const std::string shortened = shorten("Pelaporan Ñandú Éclair Ürün", 130);
    CHECK(shortened == "Pelaporan Ña…");
    // Every byte sequence in the result is valid UTF-8.
    CHECK(decode_utf8(shortened).find(U'\uFFFD') == std::u32string::npos);
    CHECK(shorten("ÉÉÉÉÉÉ", 40) == "ÉÉÉ…");
}

TEST_CASE("shortening keeps a combining accent with its letter") {
    // "e" followed by U+0301 (combining acute) draws as one glyph.
    const std::string decomposed = "Caf" "e\xCC\x81" "s Caf" "e\xCC\x81";
    const std::u32string result = shorten_to_width(decode_utf8(decomposed), 50, fixed_width);
    CHECK(encode_utf8(result) == "Caf" "e\xCC\x81" "…");
}

TEST_CASE("a box narrower than the ellipsis gets no text") {
    CHECK(shorten("Meja 1", 5).empty());
    CHECK(shorten("Meja 1", 10) == "…");
}
