#include "ui/keyboard_layout.hpp"
#include "ui/widgets.hpp"
#include "visitor/screen_frame.hpp"
#include "visitor/screens.hpp"

namespace antrean::kiosk {

void draw_summary_screen(ScreenContext& screen, TypingState& state) {
    ui::UiContext& ui = screen.ui;
    VisitorFlow& flow = screen.flow;
    if (state.entered_step != flow.step()) {
        state.entered_step = flow.step();
        state.active = Field::Summary;
        // The description starts with a capital letter; later sentences are the visitor's.
        state.shift = flow.value(Field::Summary).empty();
    }

    draw_header(screen, ui.tr("kiosk.summary.title"));
    draw_step_indicator(screen);

    constexpr float kColumnWidth = 820;
    const std::string intro = ui.tr("kiosk.summary.intro");
    const float intro_height = ui::measure_text(ui, intro, kColumnWidth, ui.fonts().body);
    ui::text_block(ui, intro, ui::Rect{kMargin, kContentTop, kColumnWidth, intro_height}, ui.fonts().body,
                   ui.colors().text_muted, ui::TextAlign::Left, "summary.intro");

    // The box fills the column; the count of characters sits under it unless an error does.
    const float box_top = kContentTop + intro_height + 26 + 52;
    const ui::Rect box{kMargin, box_top, kColumnWidth, kContentBottom - box_top - 60};
    const float used = draw_form_field(screen, state, Field::Summary, box, true);
    if (used <= box.h) {
        const std::string count =
            ui.tr("kiosk.summary.count", {{"count", std::to_string(ui::count_code_points(flow.value(Field::Summary)))},
                                          {"max", std::to_string(field_max_length(Field::Summary))}});
        ui::text_block(ui, count, ui::Rect{kMargin, box.bottom() + 10, kColumnWidth, 40}, ui.fonts().small,
                       ui.colors().text_muted, ui::TextAlign::Left, "summary.count");
    }

    draw_field_keyboard(screen, state, ui::Rect{kMargin + kColumnWidth + 40, kContentTop,
                                                ui::kDesignWidth - 2 * kMargin - kColumnWidth - 40,
                                                kContentBottom - kContentTop});

    FooterOptions footer;
    footer.primary_label = ui.tr(flow.value(Field::Summary).empty() ? "kiosk.action.skip" : "kiosk.action.next");
    if (draw_footer(screen, footer)) {
        flow.next();
    }
}

}  // namespace antrean::kiosk
