#include <cmath>

#include "ui/widgets.hpp"
#include "visitor/screen_frame.hpp"
#include "visitor/screens.hpp"

namespace antrean::kiosk {

void draw_area_screen(ScreenContext& screen) {
    ui::UiContext& ui = screen.ui;
    VisitorFlow& flow = screen.flow;
    draw_header(screen, ui.tr("kiosk.area.title"));
    draw_step_indicator(screen);

    const ui::Rect area = content_area();
    const std::string question = ui.tr("kiosk.area.question");
    const float question_height = ui::measure_text(ui, question, area.w, ui.fonts().heading);
    ui::text_block(ui, question, ui::Rect{area.x, area.y, area.w, question_height}, ui.fonts().heading,
                   ui.colors().text, ui::TextAlign::Left, "area.question");

    // Two columns of cards; the server decides how many areas there are.
    if (screen.config != nullptr && !screen.config->areas.empty()) {
        const auto& areas = screen.config->areas;
        constexpr float kGap = 28;
        const float top = area.y + question_height + 36;
        const int rows = static_cast<int>(std::ceil(static_cast<float>(areas.size()) / 2.0f));
        const float width = (area.w - kGap) / 2;
        const float height = std::min(300.0f, (area.bottom() - top - static_cast<float>(rows - 1) * kGap) /
                                                  static_cast<float>(rows));
        for (size_t i = 0; i < areas.size(); ++i) {
            const AreaInfo& info = areas[i];
            const float x = area.x + static_cast<float>(i % 2) * (width + kGap);
            const float y = top + static_cast<float>(i / 2) * (height + kGap);
            const std::string id = "area." + info.id;
            if (ui::choice_card(ui, id.c_str(), info.name.in(ui.language), info.description.in(ui.language),
                                ui::Rect{x, y, width, height}, flow.form().area == info.id)) {
                flow.choose_area(info.id);
            }
        }
    }

    FooterOptions footer;
    footer.primary_label = ui.tr("kiosk.action.next");
    footer.primary_enabled = !flow.form().area.empty();
    if (draw_footer(screen, footer)) {
        flow.next();
    }
}

}  // namespace antrean::kiosk
