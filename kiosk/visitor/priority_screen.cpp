#include "ui/widgets.hpp"
#include "visitor/screen_frame.hpp"
#include "visitor/screens.hpp"

namespace antrean::kiosk {

void draw_priority_screen(ScreenContext& screen) {
    ui::UiContext& ui = screen.ui;
    VisitorFlow& flow = screen.flow;
    draw_header(screen, ui.tr("kiosk.priority.title"));
    draw_step_indicator(screen);

    const ui::Rect area = content_area();
    const std::string question = ui.tr("kiosk.priority.question");
    const std::string explanation = ui.tr("kiosk.priority.explanation");
    const float question_height = ui::measure_text(ui, question, 1500, ui.fonts().title);
    const float explanation_height = ui::measure_text(ui, explanation, 1500, ui.fonts().body);
    const float top = area.y + 40;
    ui::text_block(ui, question, ui::Rect{210, top, 1500, question_height}, ui.fonts().title, ui.colors().text,
                   ui::TextAlign::Center, "priority.question");
    ui::text_block(ui, explanation, ui::Rect{210, top + question_height + 20, 1500, explanation_height},
                   ui.fonts().body, ui.colors().text_muted, ui::TextAlign::Center, "priority.explanation");

    // Two answers side by side, each one tap.
    constexpr float kWidth = 700;
    constexpr float kHeight = 220;
    constexpr float kGap = 80;
    const float x = (ui::kDesignWidth - 2 * kWidth - kGap) / 2;
    const float y = top + question_height + explanation_height + 90;
    const auto& chosen = flow.form().priority;
    if (ui::choice_card(ui, "priority.yes", ui.tr("kiosk.priority.yes"), ui.tr("kiosk.priority.yes_hint"),
                        ui::Rect{x, y, kWidth, kHeight}, chosen == Priority::Priority)) {
        flow.choose_priority(Priority::Priority);
    }
    if (ui::choice_card(ui, "priority.no", ui.tr("kiosk.priority.no"), ui.tr("kiosk.priority.no_hint"),
                        ui::Rect{x + kWidth + kGap, y, kWidth, kHeight}, chosen == Priority::Regular)) {
        flow.choose_priority(Priority::Regular);
    }

    FooterOptions footer;
    footer.primary_label = ui.tr("kiosk.action.next");
    footer.primary_enabled = chosen.has_value();
    if (draw_footer(screen, footer)) {
        flow.next();
    }
}

}  // namespace antrean::kiosk
