#include "ui/widgets.hpp"
#include "visitor/screen_frame.hpp"
#include "visitor/screens.hpp"

namespace antrean::kiosk {

void draw_submitting_screen(ScreenContext& screen) {
    ui::UiContext& ui = screen.ui;
    const ui::Palette& palette = ui.colors();
    const bool booked = screen.flow.step() == Step::BookingSubmitting;
    draw_header(screen, ui.tr(booked ? "kiosk.booking.title" : "kiosk.consent.title"));
    draw_step_indicator(screen);

    const std::string message = ui.tr("kiosk.submitting.message");
    const ui::Rect box{360, 360, 1200, 300};
    ui::panel(ui, "submitting", box, palette.surface, palette.surface_border, 2, ui::ItemKind::Message);
    const float height = ui::measure_text(ui, message, box.w - 80, ui.fonts().heading);
    ui::text_block(ui, message, ui::Rect{box.x + 40, box.y + 50, box.w - 80, height}, ui.fonts().heading, palette.text,
                   ui::TextAlign::Center, "submitting");

    // Three dots that light up in turn, four times a second: the kiosk is working.
    const int lit = static_cast<int>((screen.now / 250) % 3);
    for (int i = 0; i < 3; ++i) {
        const ImVec2 center = ui.point(box.x + box.w / 2 + static_cast<float>(i - 1) * 60, box.bottom() - 70);
        ui.draw->AddCircleFilled(center, 16 * ui.scale, i == lit ? palette.primary : palette.disabled, 24);
    }
}

}  // namespace antrean::kiosk
