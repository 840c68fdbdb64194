#include <array>

#include "ui/widgets.hpp"
#include "visitor/screen_frame.hpp"
#include "visitor/screens.hpp"

namespace antrean::kiosk {
namespace {

// The sections of the consent text, in reading order: what, why, how long, who, rights.
constexpr std::array kSections{"collected", "purpose", "retention", "access", "rights"};

// Draws the "Saya setuju" control: a large box that the visitor ticks, never ticked
// in advance. Returns true when tapped.
bool draw_agree_control(ScreenContext& screen, const ui::Rect& rect, bool checked) {
    ui::UiContext& ui = screen.ui;
    const ui::Palette& palette = ui.colors();
    ui::ButtonOptions options;
    options.kind = ui::ButtonKind::Secondary;
    const bool tapped = ui::button(ui, "consent.agree", "", rect, options);

    constexpr float kBox = 64;
    const float box_x = rect.x + 28;
    const float box_y = rect.y + (rect.h - kBox) / 2;
    ui.draw->AddRectFilled(ui.point(box_x, box_y), ui.point(box_x + kBox, box_y + kBox),
                           checked ? palette.primary : palette.surface, 8 * ui.scale);
    ui.draw->AddRect(ui.point(box_x, box_y), ui.point(box_x + kBox, box_y + kBox), palette.primary, 8 * ui.scale, 0,
                     4 * ui.scale);
    if (checked) {
        ui::draw_check_mark(ui, ImVec2(box_x + kBox / 2, box_y + kBox / 2), 44, palette.primary_text, 7);
    }
    const std::string label = ui.tr("kiosk.consent.agree");
    const float label_x = box_x + kBox + 28;
    const float label_width = rect.right() - label_x - 20;
    const float height = ui::measure_text(ui, label, label_width, ui.fonts().label);
    ui::text_block(ui, label, ui::Rect{label_x, rect.y + (rect.h - height) / 2, label_width, height}, ui.fonts().label,
                   palette.primary, ui::TextAlign::Left, "consent.agree");
    return tapped;
}

}  // namespace

void draw_consent_screen(ScreenContext& screen) {
    ui::UiContext& ui = screen.ui;
    const ui::Palette& palette = ui.colors();
    VisitorFlow& flow = screen.flow;
    draw_header(screen, ui.tr("kiosk.consent.title"));
    draw_step_indicator(screen);

    // The text in two columns on one card, so it is read without scrolling.
    const ui::Rect card{kMargin, kContentTop, ui::kDesignWidth - 2 * kMargin, 560};
    ui::panel(ui, "consent.text", card, palette.surface, palette.surface_border, 2);
    constexpr float kPadding = 36;
    constexpr float kColumnGap = 60;
    const float column_width = (card.w - 2 * kPadding - kColumnGap) / 2;
    const std::string heading = ui.tr("kiosk.consent.heading");
    const float heading_height = ui::measure_text(ui, heading, card.w - 2 * kPadding, ui.fonts().label);
    ui::text_block(ui, heading, ui::Rect{card.x + kPadding, card.y + 24, card.w - 2 * kPadding, heading_height},
                   ui.fonts().label, palette.text, ui::TextAlign::Left, "consent.text");

    const float columns_top = card.y + 24 + heading_height + 18;
    float y = columns_top;
    for (size_t i = 0; i < kSections.size(); ++i) {
        // Three sections on the left, two and the version on the right.
        if (i == 3) {
            y = columns_top;
        }
        const float x = card.x + kPadding + (i < 3 ? 0 : column_width + kColumnGap);
        const std::string key = std::string("kiosk.consent.") + kSections[i];
        const std::string title = ui.tr(key + ".title");
        const std::string body = ui.tr(key + ".body");
        y += ui::text_block(ui, title, ui::Rect{x, y, column_width, 0}, ui.fonts().body_bold, palette.text,
                            ui::TextAlign::Left, "consent.text");
        y += ui::text_block(ui, body, ui::Rect{x, y + 2, column_width, 0}, ui.fonts().small, palette.text,
                            ui::TextAlign::Left, "consent.text") +
             18;
    }
    const std::string version =
        ui.tr("kiosk.consent.version_label", {{"version", ui.tr("kiosk.consent.version")}});
    ui::text_block(ui, version, ui::Rect{card.x + kPadding + column_width + kColumnGap, card.bottom() - 56, column_width, 0},
                   ui.fonts().small, palette.text_muted, ui::TextAlign::Left, "consent.text");

    // The separate, unticked agreement and what happens without it.
    const ui::Rect agree{kMargin, card.bottom() + 24, 760, 116};
    if (draw_agree_control(screen, agree, flow.form().consent)) {
        flow.set_consent(!flow.form().consent);
    }
    const std::string without = ui.tr("kiosk.consent.without");
    const float without_width = card.right() - agree.right() - 40;
    const float without_height = ui::measure_text(ui, without, without_width, ui.fonts().small);
    ui::text_block(ui, without,
                   ui::Rect{agree.right() + 40, agree.y + (agree.h - without_height) / 2, without_width, without_height},
                   ui.fonts().small, palette.text_muted, ui::TextAlign::Left, "consent.without");

    FooterOptions footer;
    footer.primary_label = ui.tr("kiosk.consent.submit");
    footer.primary_enabled = flow.form().consent;
    footer.primary_id = "consent.submit";
    if (draw_footer(screen, footer)) {
        screen.intent = Intent::SubmitCheckIn;
    }
}

}  // namespace antrean::kiosk
