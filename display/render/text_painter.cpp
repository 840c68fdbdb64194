#include "render/text_painter.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace antrean::display::render {
namespace {

// Widths and the cap height are measured once at this size and scaled. sf::Font keeps a
// glyph texture for every size it renders, so measuring at each candidate size would cost
// a texture per size tried.
constexpr unsigned kReferenceSize = 64;
// Hinting rounds each glyph's advance to whole pixels at every size, so a scaled width can
// be off by a fraction of a pixel per glyph. This margin keeps estimates on the safe side.
constexpr float kEstimateMargin = 1.03f;

float cap_height_per_pixel(const sf::Font& font) {
    // Cached per font. Only the main thread draws, so the cache needs no lock.
    static std::map<const sf::Font*, float> cache;
    const auto found = cache.find(&font);
    if (found != cache.end()) {
        return found->second;
    }
    const float height = font.getGlyph(U'H', kReferenceSize, false).bounds.height;
    const float ratio = height > 0 ? height / kReferenceSize : 0.714f;
    cache.emplace(&font, ratio);
    return ratio;
}

sf::String to_sfml(std::u32string_view text) {
    return sf::String::fromUtf32(text.begin(), text.end());
}

// Returns the width of `text` at `character_size`, scaled from the reference size.
float estimated_width(const sf::Font& font, unsigned character_size, std::u32string_view text) {
    return text_width(font, kReferenceSize, text) * static_cast<float>(character_size) /
           static_cast<float>(kReferenceSize) * kEstimateMargin;
}

unsigned scaled_size(unsigned size, float scale) {
    return std::max(1u, static_cast<unsigned>(std::floor(static_cast<float>(size) * scale)));
}

}  // namespace

unsigned character_size_for_cap_height(const sf::Font& font, float cap_height) {
    const float size = cap_height / cap_height_per_pixel(font);
    return static_cast<unsigned>(std::max(1.0f, std::floor(size)));
}

float text_width(const sf::Font& font, unsigned character_size, std::u32string_view text) {
    const sf::Text line(to_sfml(text), font, character_size);
    const sf::FloatRect bounds = line.getLocalBounds();
    return bounds.left + bounds.width;
}

sf::Text fit_text_line(const std::string& utf8, const layout::Rect& box, const TextStyle& style) {
    sf::Text line;
    if (box.empty() || style.font == nullptr || utf8.empty()) {
        return line;
    }
    const sf::Font& font = *style.font;
    const unsigned natural_size = character_size_for_cap_height(font, box.height * style.cap_ratio);
    unsigned size = natural_size;
    if (style.max_character_size > 0) {
        size = std::min(size, style.max_character_size);
    }
    std::u32string text = layout::decode_utf8(utf8);

    // Fit the width, estimating from the reference size.
    float width = estimated_width(font, size, text);
    if (width > box.width && style.overflow == Overflow::ShrinkThenEllipsis) {
        // The floor is a share of the size the box gives, so a size shared by a list is not
        // shrunk a second time.
        const unsigned floor_size = scaled_size(natural_size, style.min_scale);
        if (size > floor_size) {
            size = std::max(floor_size, scaled_size(size, box.width / width));
            width = estimated_width(font, size, text);
        }
    }
    if (width > box.width && style.overflow == Overflow::Shrink) {
        size = scaled_size(size, box.width / width);
    } else if (width > box.width) {
        text = layout::shorten_to_width(text, box.width, [&](std::u32string_view candidate) {
            return estimated_width(font, size, candidate);
        });
    }

    line.setFont(font);
    line.setCharacterSize(size);
    line.setString(to_sfml(text));
    line.setFillColor(style.color);

    // The drawn width decides the alignment. A code that still overflows after rounding is
    // drawn one step smaller.
    sf::FloatRect bounds = line.getLocalBounds();
    width = bounds.left + bounds.width;
    if (width > box.width && style.overflow == Overflow::Shrink && size > 1) {
        size = scaled_size(size, box.width / width);
        line.setCharacterSize(size);
        bounds = line.getLocalBounds();
        width = bounds.left + bounds.width;
    }

    // SFML puts the baseline one character size below the text's position.
    const float cap = cap_height_per_pixel(font) * static_cast<float>(size);
    const float baseline = box.y + box.height / 2 + cap / 2;
    float x = box.x;
    if (style.align == Align::Center) {
        x = box.x + (box.width - width) / 2;
    } else if (style.align == Align::Right) {
        x = box.right() - width;
    }
    line.setPosition(std::round(x), std::round(baseline - static_cast<float>(size)));
    return line;
}

void draw_text_line(sf::RenderTarget& target, const std::string& utf8, const layout::Rect& box,
                    const TextStyle& style) {
    const sf::Text line = fit_text_line(utf8, box, style);
    if (!line.getString().isEmpty()) {
        target.draw(line);
    }
}

}  // namespace antrean::display::render

namespace antrean::display::render {

unsigned shared_character_size(const std::vector<std::string>& texts,
                               const std::vector<layout::Rect>& boxes, const TextStyle& style) {
    unsigned shared = 0;
    const size_t count = std::min(texts.size(), boxes.size());
    for (size_t i = 0; i < count; ++i) {
        const sf::Text line = fit_text_line(texts[i], boxes[i], style);
        if (line.getString().isEmpty()) {
            continue;
        }
        shared = shared == 0 ? line.getCharacterSize() : std::min(shared, line.getCharacterSize());
    }
    return shared;
}

}  // namespace antrean::display::render
