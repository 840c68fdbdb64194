#pragma once

#include <SFML/Graphics/Font.hpp>
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/Texture.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "layout/screen_layout.hpp"

// The moving text at the bottom of the wall display.
//
// The messages are drawn once into textures with their background, and each frame copies
// the visible part of them into the viewport without blending. Under software OpenGL (Mesa
// llvmpipe, what Xvfb offers) this is the cheapest way to move text: one textured rectangle
// per visible message, no glyph quads and no blending per frame.
namespace antrean::display::render {

class RunningText {
public:
    // Renders `messages` for the box `area`, replacing what was there, and starts again with
    // the first message at the left edge. The text moves `pixels_per_second` on this screen
    // in whole-pixel steps, `frames_per_second` times a second.
    void prepare(const std::vector<std::string>& messages, const sf::Font& font,
                 const layout::Rect& area, float pixels_per_second, int frames_per_second);

    bool active() const { return !segments_.empty(); }
    // The band of `area` that the glyphs cover, which is all that each frame redraws.
    const layout::Rect& viewport() const { return viewport_; }
    int frames_per_second() const { return frames_per_second_; }

    // Moves the text one step to the left. The step is the same every frame, because
    // steps of varying size look like stutter.
    void step();

    // Draws the viewport at the current position, covering all of it.
    void draw(sf::RenderTarget& target) const;

private:
    // One message, or a part of a message wider than the largest texture.
    struct Segment {
        std::unique_ptr<sf::Texture> texture;
        float offset = 0;  // from the start of the loop
        float width = 0;
    };

    struct Bullet {
        sf::Vector2f center;
        float radius = 0;
    };

    void add_segment(const sf::String& text, const sf::Font& font, unsigned character_size,
                     float baseline_y, float width, const std::optional<Bullet>& bullet);

    layout::Rect viewport_;
    std::vector<Segment> segments_;
    float loop_width_ = 0;  // all messages with their gaps
    long step_ = 1;         // pixels per frame
    int frames_per_second_ = 1;
    // Pixels travelled, modulo the loop. At 0 the first message starts at the right edge.
    long position_ = 0;
};

}  // namespace antrean::display::render
