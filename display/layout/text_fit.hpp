#pragma once

#include <functional>
#include <string>
#include <string_view>

// Fitting a line of text into a width: names too long for their box are shortened with an
// ellipsis at a glyph boundary, never inside a UTF-8 sequence or between a letter and its
// combining accent.
namespace antrean::display::layout {

// Measures the drawn width of a text, in pixels.
using MeasureText = std::function<float(std::u32string_view)>;

// Decodes UTF-8. Invalid or truncated sequences become U+FFFD, so any byte string from the
// server can be drawn.
std::u32string decode_utf8(std::string_view text);
std::string encode_utf8(std::u32string_view text);

// True for code points that draw on the glyph before them (combining diacritical marks), so
// a text is never cut between a letter and its accent.
bool is_combining_mark(char32_t code_point);

// Returns `text` when it fits in `max_width`, otherwise the longest prefix that ends at a
// glyph boundary followed by "…" that fits, with spaces before the ellipsis removed. When
// not even the ellipsis fits, returns an empty text.
std::u32string shorten_to_width(std::u32string_view text, float max_width,
                                const MeasureText& measure);

}  // namespace antrean::display::layout
