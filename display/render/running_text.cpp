#include "render/running_text.hpp"

#include <SFML/Graphics/CircleShape.hpp>
#include <SFML/Graphics/RectangleShape.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Graphics/Sprite.hpp>
#include <SFML/Graphics/Text.hpp>
#include <algorithm>
#include <cmath>
#include <spdlog/spdlog.h>

#include "layout/text_fit.hpp"
#include "render/text_painter.hpp"
#include "render/theme.hpp"

namespace antrean::display::render {
namespace {

// Texture width limit for one segment. OpenGL guarantees far more on any current driver
// (llvmpipe: 16384), but smaller textures waste less memory at the end of a message.
constexpr unsigned kMaxSegmentWidth = 4096;

// Splits `text` at spaces into parts no wider than `max_width`. A single word wider than
// that stays whole and is cut by the texture edge, which no real announcement reaches.
std::vector<std::u32string> split_to_width(const std::u32string& text, float max_width,
                                           const sf::Font& font, unsigned size) {
    std::vector<std::u32string> parts;
    std::u32string current;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find(U' ', start);
        if (end == std::u32string::npos) {
            end = text.size();
        }
        const std::u32string word = text.substr(start, end - start + (end < text.size() ? 1 : 0));
        if (!current.empty() && text_width(font, size, current + word) > max_width) {
            parts.push_back(current);
            current.clear();
        }
        current += word;
        start = end + 1;
    }
    if (!current.empty()) {
        parts.push_back(current);
    }
    return parts;
}

}  // namespace

void RunningText::prepare(const std::vector<std::string>& messages, const sf::Font& font,
                          const layout::Rect& area, float pixels_per_second, int frames_per_second) {
    segments_.clear();
    loop_width_ = 0;
    frames_per_second_ = std::max(1, frames_per_second);
    step_ = std::max(1L, std::lround(pixels_per_second / static_cast<float>(frames_per_second_)));
    const layout::Rect box{std::round(area.x), std::round(area.y), std::round(area.width),
                           std::round(area.height)};
    viewport_ = box;
    // Start with the first message at the left edge, so the text is readable at once.
    position_ = std::lround(box.width);
    if (box.empty()) {
        return;
    }

    // The glyphs' band: from the top of accented capitals to the bottom of descenders,
    // centred on the capitals like every other text on the display.
    const unsigned size = character_size_for_cap_height(font, box.height * 0.5f);
    const float cap = font.getGlyph(U'H', size, false).bounds.height;
    const float baseline_in_box = std::round(box.height / 2 + cap / 2);
    float top = 0;
    float bottom = 0;
    for (const char32_t probe : {U'\u00C9', U'd', U'g', U'j', U'y'}) {
        const sf::FloatRect glyph = font.getGlyph(probe, size, false).bounds;
        top = std::min(top, glyph.top);
        bottom = std::max(bottom, glyph.top + glyph.height);
    }
    const float band_top = std::max(0.0f, std::floor(baseline_in_box + top) - 1);
    const float band_bottom = std::min(box.height, std::ceil(baseline_in_box + bottom) + 1);
    viewport_ = layout::Rect{box.x, box.y + band_top, box.width, band_bottom - band_top};
    const float baseline = baseline_in_box - band_top;

    // Between two messages: a gap of three em with a round bullet in its middle.
    const float gap = std::round(3.0f * static_cast<float>(size));
    const unsigned max_width =
        std::min(kMaxSegmentWidth, sf::Texture::getMaximumSize()) - static_cast<unsigned>(gap);

    font_ = &font;
    character_size_ = size;
    baseline_ = baseline;
    for (const std::string& message : messages) {
        const std::u32string text = layout::decode_utf8(message);
        if (text.empty()) {
            continue;
        }
        const std::vector<std::u32string> parts =
            split_to_width(text, static_cast<float>(max_width), font, size);
        for (size_t i = 0; i < parts.size(); ++i) {
            const bool last = i + 1 == parts.size();
            Segment segment;
            segment.text = sf::String::fromUtf32(parts[i].begin(), parts[i].end());
            segment.width = std::ceil(text_width(font, size, parts[i])) + (last ? gap : 0);
            if (last) {
                const float radius = std::max(2.0f, cap * 0.16f);
                segment.bullet = Bullet{
                    sf::Vector2f(std::round(segment.width - gap / 2), std::round(baseline - cap / 2)), radius};
            }
            segment.offset = loop_width_;
            loop_width_ += segment.width;
            segments_.push_back(std::move(segment));
        }
    }
}

bool RunningText::render(Segment& segment) const {
    const auto texture_width = static_cast<unsigned>(std::max(1.0f, segment.width));
    const auto texture_height = static_cast<unsigned>(viewport_.height);
    sf::RenderTexture canvas;
    if (!canvas.create(texture_width, texture_height)) {
        spdlog::warn("Cannot create a {}x{} texture for the running text; that part stays blank",
                     texture_width, texture_height);
        return false;
    }
    canvas.clear(theme::kAccent);
    sf::Text line(segment.text, *font_, character_size_);
    line.setFillColor(theme::kTextOnAccent);
    line.setPosition(0, baseline_ - static_cast<float>(character_size_));
    canvas.draw(line);
    if (segment.bullet) {
        sf::CircleShape dot(segment.bullet->radius);
        dot.setFillColor(theme::kTextOnAccent);
        dot.setPosition(segment.bullet->center.x - segment.bullet->radius,
                        segment.bullet->center.y - segment.bullet->radius);
        canvas.draw(dot);
    }
    canvas.display();
    segment.texture = std::make_unique<sf::Texture>(canvas.getTexture());
    return true;
}

void RunningText::step() {
    if (!active()) {
        return;
    }
    position_ += step_;
    // Once the first copy of the loop has left the viewport, the second one looks the same.
    const auto period = static_cast<long>(loop_width_);
    const auto width = static_cast<long>(viewport_.width);
    while (period > 0 && position_ >= period + width) {
        position_ -= period;
    }
}

void RunningText::draw(sf::RenderTarget& target) {
    if (viewport_.empty()) {
        return;
    }
    const float start = viewport_.right() - static_cast<float>(std::max(0L, position_));

    // The part left of the first message, before it has crossed the viewport.
    if (start > viewport_.x) {
        sf::RectangleShape empty({std::min(start, viewport_.right()) - viewport_.x, viewport_.height});
        empty.setPosition(viewport_.x, viewport_.y);
        empty.setFillColor(theme::kAccent);
        target.draw(empty, sf::RenderStates(sf::BlendNone));
    }

    // The visible pieces of each copy of the loop, copied without blending.
    std::vector<bool> visible(segments_.size(), false);
    for (float copy = start; copy < viewport_.right() && loop_width_ > 0; copy += loop_width_) {
        for (size_t i = 0; i < segments_.size(); ++i) {
            Segment& segment = segments_[i];
            const float left = copy + segment.offset;
            const float right = left + segment.width;
            if (right <= viewport_.x) {
                continue;
            }
            if (left >= viewport_.right()) {
                break;
            }
            visible[i] = true;
            if (!segment.texture && !render(segment)) {
                continue;
            }
            const float visible_left = std::max(left, viewport_.x);
            const float visible_right = std::min(right, viewport_.right());
            sf::Sprite piece(*segment.texture,
                             sf::IntRect(static_cast<int>(visible_left - left), 0,
                                         static_cast<int>(visible_right - visible_left),
                                         static_cast<int>(viewport_.height)));
            piece.setPosition(visible_left, viewport_.y);
            target.draw(piece, sf::RenderStates(sf::BlendNone));
        }
    }

    // Messages that scrolled out give their memory back until their next pass.
    for (size_t i = 0; i < segments_.size(); ++i) {
        if (!visible[i]) {
            segments_[i].texture.reset();
        }
    }
}

}  // namespace antrean::display::render
