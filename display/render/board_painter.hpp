#pragma once

#include <SFML/Graphics/RenderTarget.hpp>

#include "layout/screen_layout.hpp"
#include "model/display_model.hpp"
#include "model/screen_content.hpp"
#include "render/fonts.hpp"

// Paints the panels of the wall display. Each panel paints its whole rectangle, background
// first, so any one of them can be redrawn alone over the previous frame.
namespace antrean::display::render {

// The look of the call panel at one moment of its flash.
enum class CallEmphasis { Normal, FlashOn, kCount };

class BoardPainter {
public:
    explicit BoardPainter(const FontSet& fonts) : fonts_(fonts) {}

    // Fills the whole target with the background, including the gaps between panels.
    void draw_background(sf::RenderTarget& target, const layout::ScreenLayout& layout) const;

    // Draws one panel. The running text panel draws only its label and background here;
    // RunningText draws the moving text into its viewport.
    void draw_panel(sf::RenderTarget& target, Panel panel, const layout::ScreenLayout& layout,
                    const ScreenContent& content, CallEmphasis emphasis) const;

private:
    void draw_header(sf::RenderTarget& target, const layout::ScreenLayout& layout,
                     const ScreenContent& content) const;
    void draw_clock(sf::RenderTarget& target, const layout::ScreenLayout& layout,
                    const ScreenContent& content) const;
    void draw_banner(sf::RenderTarget& target, const layout::ScreenLayout& layout,
                     const ScreenContent& content) const;
    void draw_call(sf::RenderTarget& target, const layout::ScreenLayout& layout,
                   const ScreenContent& content, CallEmphasis emphasis) const;
    void draw_desks(sf::RenderTarget& target, const layout::ScreenLayout& layout,
                    const ScreenContent& content) const;
    void draw_waiting(sf::RenderTarget& target, const layout::ScreenLayout& layout,
                      const ScreenContent& content) const;
    void draw_recent(sf::RenderTarget& target, const layout::ScreenLayout& layout,
                     const ScreenContent& content) const;
    void draw_ticker_frame(sf::RenderTarget& target, const layout::ScreenLayout& layout,
                           const ScreenContent& content) const;

    const FontSet& fonts_;
};

// The rectangle that must be repainted for `panel`. The clock shares the header's
// rectangle but is repainted alone, so it has its own box.
layout::Rect panel_rect(Panel panel, const layout::ScreenLayout& layout);

}  // namespace antrean::display::render
