#include "ui/onscreen_keyboard.hpp"
#include "ui/widgets.hpp"
#include "visitor/display_text.hpp"
#include "visitor/screen_frame.hpp"
#include "visitor/screens.hpp"

namespace antrean::kiosk {

void draw_booking_screen(ScreenContext& screen, TypingState& state) {
    ui::UiContext& ui = screen.ui;
    const ui::Palette& palette = ui.colors();
    VisitorFlow& flow = screen.flow;
    BookingForm& booking = flow.booking();
    state.entered_step = flow.step();

    draw_header(screen, ui.tr("kiosk.booking.title"));
    draw_step_indicator(screen);

    constexpr float kColumnWidth = 820;
    const std::string intro = ui.tr("kiosk.booking.intro");
    const float intro_height = ui::measure_text(ui, intro, kColumnWidth, ui.fonts().body);
    ui::text_block(ui, intro, ui::Rect{kMargin, kContentTop, kColumnWidth, intro_height}, ui.fonts().body,
                   palette.text_muted, ui::TextAlign::Left, "booking.intro");

    // Two tabs: the booking code, or the phone number the booking was made with.
    const float tabs_y = kContentTop + intro_height + 20;
    const float tab_width = (kColumnWidth - 16) / 2;
    ui::ButtonOptions tab;
    tab.kind = ui::ButtonKind::Toggle;
    tab.selected = booking.mode == BookingMode::Code;
    if (ui::button(ui, "booking.mode_code", ui.tr("kiosk.booking.mode_code"), ui::Rect{kMargin, tabs_y, tab_width, 96},
                   tab)) {
        flow.set_booking_mode(BookingMode::Code);
    }
    tab.selected = booking.mode == BookingMode::Phone;
    if (ui::button(ui, "booking.mode_phone", ui.tr("kiosk.booking.mode_phone"),
                   ui::Rect{kMargin + tab_width + 16, tabs_y, tab_width, 96}, tab)) {
        flow.set_booking_mode(BookingMode::Phone);
    }

    const bool by_code = booking.mode == BookingMode::Code;
    std::string& value = by_code ? booking.code : booking.phone;
    ui::FieldOptions options;
    options.active = true;
    options.font = by_code ? ui.fonts().heading : ui.fonts().label;
    options.placeholder = ui.tr(by_code ? "kiosk.booking.code_placeholder" : "kiosk.field.phone.placeholder");
    if (const auto error = flow.booking_error()) {
        options.error = error_text(*ui.catalog, ui.language, *error);
    }
    const ui::Rect box{kMargin, tabs_y + 96 + 30 + 52, kColumnWidth, 110};
    float used = 0;
    ui::text_field(ui, "field.booking", ui.tr(by_code ? "kiosk.booking.code_label" : "kiosk.field.phone"), value, box,
                   options, &used);
    const std::string hint = ui.tr(by_code ? "kiosk.booking.code_hint" : "kiosk.booking.phone_hint");
    ui::text_block(ui, hint, ui::Rect{kMargin, box.y + used + 20, kColumnWidth, 0}, ui.fonts().small, palette.text_muted,
                   ui::TextAlign::Left, "booking.hint");

    // The keyboard has only the characters a booking code can contain.
    ui::KeyboardTarget target;
    target.text = &value;
    target.max_code_points = by_code ? ui::kBookingCodeLength : field_max_length(Field::Phone);
    const ui::KeyboardLayout layout = by_code ? ui::KeyboardLayout::BookingCode : ui::KeyboardLayout::Phone;
    ui::apply_physical_keys(layout, target);
    ui::draw_onscreen_keyboard(ui, layout,
                               ui::Rect{kMargin + kColumnWidth + 40, kContentTop,
                                        ui::kDesignWidth - 2 * kMargin - kColumnWidth - 40, kContentBottom - kContentTop},
                               target);

    FooterOptions footer;
    footer.primary_label = ui.tr("kiosk.booking.submit");
    footer.primary_id = "booking.submit";
    if (draw_footer(screen, footer)) {
        screen.intent = Intent::SubmitBooking;
    }
}

}  // namespace antrean::kiosk
