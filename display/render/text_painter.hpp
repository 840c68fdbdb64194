#pragma once

#include <SFML/Graphics/Color.hpp>
#include <SFML/Graphics/Font.hpp>
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/Text.hpp>
#include <string>
#include <vector>

#include "layout/screen_layout.hpp"
#include "layout/text_fit.hpp"

// Drawing one line of text into a layout box.
namespace antrean::display::render {

enum class Align { Left, Center, Right, kCount };

// The treatment of a text wider than its box.
enum class Overflow {
    Ellipsis,  // names: shortened with "…" at a glyph boundary
    Shrink,    // ticket codes and numbers: drawn smaller, never shortened
    // long names that should stay whole when possible: drawn down to TextStyle::min_scale of
    // the size, then shortened with "…"
    ShrinkThenEllipsis,
    kCount,
};

struct TextStyle {
    const sf::Font* font = nullptr;
    sf::Color color = sf::Color::White;
    Align align = Align::Left;
    Overflow overflow = Overflow::Ellipsis;
    // Height of a capital letter as a share of the box height. About 0.55 leaves room for
    // descenders below and accents above.
    float cap_ratio = 0.55f;
    // The smallest share of the size that ShrinkThenEllipsis draws a text at.
    float min_scale = 0.8f;
    // When not 0, the largest character size, so that lines of a list can share one size.
    unsigned max_character_size = 0;
};

// Returns the character size whose capital letters are `cap_height` pixels tall in `font`.
unsigned character_size_for_cap_height(const sf::Font& font, float cap_height);

// Returns the width of `text` in pixels, from the pen start to the end of the last glyph.
float text_width(const sf::Font& font, unsigned character_size, std::u32string_view text);

// Builds the sf::Text for `utf8` placed in `box` by `style`: centred vertically on its
// capital letters, aligned horizontally, and fitted to the width. Returns an empty text when
// the box is empty.
sf::Text fit_text_line(const std::string& utf8, const layout::Rect& box, const TextStyle& style);

void draw_text_line(sf::RenderTarget& target, const std::string& utf8, const layout::Rect& box,
                    const TextStyle& style);

// Returns the smallest character size that fit_text_line picks for texts[i] in boxes[i], or
// 0 when there are no texts. A list drawn with it as max_character_size has one text size.
unsigned shared_character_size(const std::vector<std::string>& texts,
                               const std::vector<layout::Rect>& boxes, const TextStyle& style);

}  // namespace antrean::display::render
