#include "visitor/screen_frame.hpp"

#include <array>

#include "ui/widgets.hpp"

namespace antrean::kiosk {
namespace {

using ui::ButtonKind;
using ui::ButtonOptions;
using ui::Rect;

constexpr std::array kWalkInStepKeys{"kiosk.steps.purpose",  "kiosk.steps.area",    "kiosk.steps.identity",
                                     "kiosk.steps.summary",  "kiosk.steps.priority", "kiosk.steps.confirm",
                                     "kiosk.steps.consent",  "kiosk.steps.ticket"};
constexpr std::array kBookingStepKeys{"kiosk.steps.booking", "kiosk.steps.ticket"};

void draw_language_switch(ScreenContext& screen) {
    ui::UiContext& ui = screen.ui;
    constexpr float kWidth = 112;
    constexpr float kHeight = 90;
    constexpr float kGap = 10;
    const float y = (kHeaderHeight - kHeight) / 2;
    const float x = ui::kDesignWidth - kMargin - 2 * kWidth - kGap;
    ButtonOptions options;
    options.kind = ButtonKind::HeaderToggle;

    options.selected = screen.flow.language() == Language::Indonesian;
    if (ui::button(ui, "language.id", ui.tr("kiosk.language.id"), Rect{x, y, kWidth, kHeight}, options)) {
        screen.flow.set_language(Language::Indonesian);
    }
    options.selected = screen.flow.language() == Language::English;
    if (ui::button(ui, "language.en", ui.tr("kiosk.language.en"), Rect{x + kWidth + kGap, y, kWidth, kHeight},
                   options)) {
        screen.flow.set_language(Language::English);
    }
}

}  // namespace

void draw_header(ScreenContext& screen, const std::string& title) {
    ui::UiContext& ui = screen.ui;
    const ui::Palette& palette = ui.colors();
    ui.draw->AddRectFilled(ui.point(0, 0), ui.point(ui::kDesignWidth, kHeaderHeight), palette.header);

    const float title_height = ui::measure_text(ui, title, 1100, ui.fonts().heading);
    ui::text_block(ui, title, Rect{kMargin, (kHeaderHeight - title_height) / 2, 1100, title_height},
                   ui.fonts().heading, palette.header_text, ui::TextAlign::Left, "header.title");

    if (!screen.flow.server_reachable() && screen.flow.step() != Step::Welcome) {
        // A calm note in the header while the connection is down; the dialog explains more.
        const std::string note = ui.tr("kiosk.connection.reconnecting");
        const Rect box{1180, 22, 420, 66};
        ui::panel(ui, "header.reconnecting", box, palette.warning_background, palette.warning, 2,
                  ui::ItemKind::Message);
        const float height = ui::measure_text(ui, note, box.w - 24, ui.fonts().small);
        ui::text_block(ui, note, Rect{box.x + 12, box.y + (box.h - height) / 2, box.w - 24, height}, ui.fonts().small,
                       palette.warning, ui::TextAlign::Center, "header.reconnecting");
    }
    draw_language_switch(screen);
}

void draw_step_indicator(ScreenContext& screen) {
    ui::UiContext& ui = screen.ui;
    const ui::Palette& palette = ui.colors();
    const StepPosition position = screen.flow.step_position();
    if (position.total <= 0) {
        return;
    }
    const bool booked = position.total == static_cast<int>(kBookingStepKeys.size());
    const float top = kHeaderHeight + 14;
    const float height = kContentTop - top - 14;
    const float width = (ui::kDesignWidth - 2 * kMargin) / static_cast<float>(position.total);
    constexpr float kRadius = 22;

    ui.layout->add(ui::LayoutItem{"steps", ui::ItemKind::Panel,
                                  ui.to_window(Rect{kMargin, top, ui::kDesignWidth - 2 * kMargin, height}), "", true});
    for (int i = 0; i < position.total; ++i) {
        const int number = i + 1;
        const float x = kMargin + width * static_cast<float>(i);
        const ImVec2 center{x + kRadius + 4, top + height / 2};
        const bool done = number < position.number;
        const bool current = number == position.number;

        if (i > 0) {
            // A line joins each circle to the previous step's label area.
            ui.draw->AddLine(ui.point(x - 18, center.y), ui.point(x - 4, center.y), palette.surface_border, 3 * ui.scale);
        }
        const ImU32 circle = done ? palette.success : (current ? palette.primary : palette.surface);
        ui.draw->AddCircleFilled(ui.point(center.x, center.y), kRadius * ui.scale, circle, 32);
        if (!done && !current) {
            ui.draw->AddCircle(ui.point(center.x, center.y), kRadius * ui.scale, palette.text_muted, 32, 2 * ui.scale);
        }
        if (done) {
            ui::draw_check_mark(ui, center, 22, palette.primary_text, 4);
        } else {
            const std::string digits = std::to_string(number);
            ImFont* font = ui.fonts().body_bold;
            const ImVec2 size = font->CalcTextSizeA(font->FontSize, 1e9f, 0, digits.c_str());
            const ImVec2 at = ui.point(center.x, center.y);
            ui.draw->AddText(font, font->FontSize, ImVec2(at.x - size.x / 2, at.y - size.y / 2),
                             current ? palette.primary_text : palette.text_muted, digits.c_str());
        }

        const char* key = booked ? kBookingStepKeys[static_cast<size_t>(i)] : kWalkInStepKeys[static_cast<size_t>(i)];
        const std::string label = ui.tr(key);
        ImFont* font = current ? ui.fonts().body_bold : ui.fonts().small;
        const float label_x = center.x + kRadius + 10;
        const float label_width = x + width - label_x - 22;
        const float label_height = ui::measure_text(ui, label, label_width, font);
        ui::text_block(ui, label, Rect{label_x, center.y - label_height / 2, label_width, label_height}, font,
                       current ? palette.primary : palette.text_muted, ui::TextAlign::Left,
                       std::string("steps.") + std::to_string(number));
    }
}

bool draw_footer(ScreenContext& screen, const FooterOptions& options) {
    ui::UiContext& ui = screen.ui;
    VisitorFlow& flow = screen.flow;
    const float y = kFooterTop;

    if (flow.can_cancel()) {
        ButtonOptions cancel;
        cancel.kind = ButtonKind::Danger;
        if (ui::button(ui, "footer.cancel", ui.tr("kiosk.action.cancel"), Rect{kMargin, y, 260, kFooterButtonHeight},
                       cancel)) {
            flow.cancel();
            return false;
        }
    }
    if (flow.can_go_back()) {
        ButtonOptions back;
        back.kind = ButtonKind::Secondary;
        if (ui::button(ui, "footer.back", ui.tr("kiosk.action.back"),
                       Rect{kMargin + 260 + 24, y, 320, kFooterButtonHeight}, back)) {
            flow.back();
            return false;
        }
    }
    if (options.primary_label.empty()) {
        return false;
    }
    ButtonOptions primary;
    primary.kind = ButtonKind::Primary;
    primary.enabled = options.primary_enabled;
    constexpr float kPrimaryWidth = 520;
    return ui::button(ui, options.primary_id, options.primary_label,
                      Rect{ui::kDesignWidth - kMargin - kPrimaryWidth, y, kPrimaryWidth, kFooterButtonHeight}, primary);
}

}  // namespace antrean::kiosk
