#include "app/board_scene.hpp"

#include <spdlog/spdlog.h>

namespace antrean::display {
namespace {

constexpr const char* kDefaultZone = "Asia/Jakarta";

OfficeTime office_time_for(const std::string& zone) {
    Result<OfficeTime> office = OfficeTime::create(zone);
    if (office) {
        return *office;
    }
    spdlog::warn("The time zone \"{}\" is not in the tz database; the clock shows {} instead",
                 zone, kDefaultZone);
    return *OfficeTime::create(kDefaultZone);
}

}  // namespace

BoardScene::BoardScene(const Catalog& catalog, const render::FontSet& fonts, Language language,
                       std::vector<std::string> running_messages,
                       const RunningTextConfig& running_text)
    : catalog_(catalog),
      fonts_(fonts),
      language_(language),
      running_messages_(std::move(running_messages)),
      speed_at_1080_(running_text.speed),
      frames_per_second_(running_text.frames_per_second),
      painter_(fonts),
      zone_name_(kDefaultZone),
      office_time_(office_time_for(kDefaultZone)) {}

layout::LayoutInput BoardScene::layout_input(unsigned width, unsigned height,
                                             const DisplayModel& model) const {
    return layout::LayoutInput{width, height, model.desks().size(), model.waiting().size(),
                               model.connection_lost()};
}

void BoardScene::resize(unsigned width, unsigned height, const DisplayModel& model) {
    input_ = layout_input(width, height, model);
    layout_ = layout::compute_layout(input_);
    const auto speed = static_cast<float>(speed_at_1080_ * height / 1080.0);
    running_text_.prepare(running_messages_, fonts_.bold, layout_.ticker_viewport, speed,
                          frames_per_second_);
}

bool BoardScene::layout_outdated(const DisplayModel& model) const {
    const layout::LayoutInput wanted = layout_input(input_.width, input_.height, model);
    return wanted.desk_count != input_.desk_count || wanted.area_count != input_.area_count ||
           wanted.show_banner != input_.show_banner;
}

void BoardScene::update_content(const DisplayModel& model, TimestampMs now) {
    if (model.config() && model.config()->time_zone != zone_name_) {
        zone_name_ = model.config()->time_zone;
        office_time_ = office_time_for(zone_name_);
    }
    content_ = build_screen_content(model, catalog_, language_, office_time_, now);
}

void BoardScene::draw_all(sf::RenderTarget& target, render::CallEmphasis emphasis) {
    painter_.draw_background(target, layout_);
    PanelSet everything;
    everything.set();
    everything.reset(static_cast<size_t>(Panel::Clock));  // the header draws the clock
    draw_panels(target, everything, emphasis);
}

std::vector<layout::Rect> BoardScene::draw_panels(sf::RenderTarget& target, const PanelSet& panels,
                                                  render::CallEmphasis emphasis) {
    std::vector<layout::Rect> changed;
    for (size_t i = 0; i < panels.size(); ++i) {
        if (!panels.test(i)) {
            continue;
        }
        const auto panel = static_cast<Panel>(i);
        const layout::Rect rect = render::panel_rect(panel, layout_);
        if (rect.empty()) {
            continue;
        }
        painter_.draw_panel(target, panel, layout_, content_, emphasis);
        if (panel == Panel::Ticker) {
            running_text_.draw(target);
        }
        changed.push_back(rect);
    }
    return changed;
}

layout::Rect BoardScene::draw_running_text(sf::RenderTarget& target) {
    running_text_.draw(target);
    return running_text_.viewport();
}

}  // namespace antrean::display
