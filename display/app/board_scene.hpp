#pragma once

#include <SFML/Graphics/RenderTarget.hpp>
#include <string>
#include <vector>

#include "domain/office_time.hpp"
#include "i18n/catalog.hpp"
#include "layout/screen_layout.hpp"
#include "model/display_model.hpp"
#include "model/running_text.hpp"
#include "model/screen_content.hpp"
#include "render/board_painter.hpp"
#include "render/fonts.hpp"
#include "render/running_text.hpp"

// The wall display's picture of the model at one size: layout, texts and painting, shared by
// the window and by --screenshot.
namespace antrean::display {

class BoardScene {
public:
    BoardScene(const Catalog& catalog, const render::FontSet& fonts, Language language,
               std::vector<std::string> running_messages, const RunningTextConfig& running_text);

    // Lays the screen out for the target size and the model's desks, areas and banner.
    void resize(unsigned width, unsigned height, const DisplayModel& model);
    // True when the model needs another layout than the current one: the banner came or
    // went, or the number of desks or areas changed.
    bool layout_outdated(const DisplayModel& model) const;

    // Rebuilds the texts from the model at the instant `now`.
    void update_content(const DisplayModel& model, TimestampMs now);

    // Draws everything, including the running text at its current position.
    void draw_all(sf::RenderTarget& target, render::CallEmphasis emphasis);
    // Draws the given panels and returns the rectangles that changed.
    std::vector<layout::Rect> draw_panels(sf::RenderTarget& target, const PanelSet& panels,
                                          render::CallEmphasis emphasis);

    // Moves the running text one step to the left.
    void step_running_text() { running_text_.step(); }
    bool running_text_active() const { return running_text_.active(); }
    int running_text_frames_per_second() const { return running_text_.frames_per_second(); }
    // Draws the running text only and returns its rectangle.
    layout::Rect draw_running_text(sf::RenderTarget& target);

    const ScreenContent& content() const { return content_; }
    const layout::ScreenLayout& layout() const { return layout_; }
    // The local minute shown by the clock, to know when it must change.
    const std::string& shown_clock() const { return content_.clock; }

private:
    layout::LayoutInput layout_input(unsigned width, unsigned height, const DisplayModel& model) const;

    const Catalog& catalog_;
    const render::FontSet& fonts_;
    Language language_;
    std::vector<std::string> running_messages_;
    double speed_at_1080_;
    int frames_per_second_;

    render::BoardPainter painter_;
    render::RunningText running_text_;
    layout::LayoutInput input_;
    layout::ScreenLayout layout_;
    ScreenContent content_;
    std::string zone_name_;
    OfficeTime office_time_;
};

}  // namespace antrean::display
