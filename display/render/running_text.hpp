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
// Each message is drawn with its background into a texture when it scrolls into view, and
// the texture is freed once it has left. Each frame copies the visible part of the textures
// into the viewport without blending. Under software OpenGL (Mesa llvmpipe, what Xvfb
// offers) this is the cheapest way to move text: one textured rectangle per visible
// message, no glyph quads and no blending per frame.
namespace antrean::display::render {

class RunningText {
public:
    // Lays `messages` out for the box `area`, replacing what was there, and starts again with
    // the first message at the left edge. The text moves `pixels_per_second` on this screen
    // in whole-pixel steps, `frames_per_second` times a second. `font` must outlive this.
    void prepare(const std::vector<std::string>& messages, const sf::Font& font,
                 const layout::Rect& area, float pixels_per_second, int frames_per_second);

    bool active() const { return !segments_.empty(); }
    // The band of `area` that the glyphs cover, which is all that each frame redraws.
    const layout::Rect& viewport() const { return viewport_; }
    int frames_per_second() const { return frames_per_second_; }

    // Moves the text one step to the left. The step is the same every frame, because
    // steps of varying size look like stutter.
    void step();

    // Draws the viewport at the current position, covering all of it. Renders the textures
    // of messages coming into view and frees those of messages gone.
    void draw(sf::RenderTarget& target);

private:
    struct Bullet {
        sf::Vector2f center;
        float radius = 0;
    };

    // One message, or a part of a message wider than the largest texture.
    struct Segment {
        sf::String text;
        std::optional<Bullet> bullet;  // in the gap after the last part of a message
        float offset = 0;              // from the start of the loop
        float width = 0;
        std::unique_ptr<sf::Texture> texture;  // only while visible
    };

    // Draws `segment` into its texture. Returns false when no texture can be created.
    bool render(Segment& segment) const;

    const sf::Font* font_ = nullptr;
    unsigned character_size_ = 0;
    float baseline_ = 0;  // from the top of the viewport
    layout::Rect viewport_;
    std::vector<Segment> segments_;
    float loop_width_ = 0;  // all messages with their gaps
    long step_ = 1;         // pixels per frame
    int frames_per_second_ = 1;
    // Pixels travelled, modulo the loop. At 0 the first message starts at the right edge.
    long position_ = 0;
};

}  // namespace antrean::display::render
