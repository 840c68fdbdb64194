#include "ui/widgets.hpp"
#include "visitor/display_text.hpp"
#include "visitor/screen_frame.hpp"
#include "visitor/screens.hpp"

namespace antrean::kiosk {
namespace {

struct DialogText {
    std::string title;
    std::string body;
    std::string detail;
};

// Dims the screen and draws a centered card with a title, body and one button. Returns
// true when the button is tapped.
bool draw_dialog(ScreenContext& screen, const char* id, const DialogText& text, const std::string& button_label) {
    ui::UiContext& ui = screen.ui;
    const ui::Palette& palette = ui.colors();
    ui.draw->AddRectFilled(ui.point(0, 0), ui.point(ui::kDesignWidth, ui::kDesignHeight), palette.overlay_dim);

    constexpr float kWidth = 1180;
    constexpr float kPadding = 56;
    const float inner = kWidth - 2 * kPadding;
    const float title_height = ui::measure_text(ui, text.title, inner, ui.fonts().heading);
    const float body_height = ui::measure_text(ui, text.body, inner, ui.fonts().body);
    const float detail_height = text.detail.empty() ? 0 : ui::measure_text(ui, text.detail, inner, ui.fonts().body_bold);
    constexpr float kButtonHeight = 110;
    const float height = kPadding + title_height + 28 + body_height + (text.detail.empty() ? 0 : 20 + detail_height) +
                         44 + kButtonHeight + kPadding;
    const ui::Rect card{(ui::kDesignWidth - kWidth) / 2, (ui::kDesignHeight - height) / 2, kWidth, height};

    // The dialog's buttons react; everything drawn before it does not.
    ui.interactive = true;
    ui::panel(ui, id, card, palette.surface, palette.primary, 4, ui::ItemKind::Message);
    float y = card.y + kPadding;
    ui::text_block(ui, text.title, ui::Rect{card.x + kPadding, y, inner, title_height}, ui.fonts().heading, palette.text,
                   ui::TextAlign::Center, id);
    y += title_height + 28;
    ui::text_block(ui, text.body, ui::Rect{card.x + kPadding, y, inner, body_height}, ui.fonts().body, palette.text,
                   ui::TextAlign::Center, id);
    y += body_height;
    if (!text.detail.empty()) {
        y += 20;
        ui::text_block(ui, text.detail, ui::Rect{card.x + kPadding, y, inner, detail_height}, ui.fonts().body_bold,
                       palette.warning, ui::TextAlign::Center, id);
        y += detail_height;
    }
    y += 44;
    ui::ButtonOptions options;
    options.kind = ui::ButtonKind::Primary;
    const std::string button_id = std::string(id) + ".ok";
    return ui::button(ui, button_id.c_str(), button_label, ui::Rect{card.x + (kWidth - 640) / 2, y, 640, kButtonHeight},
                      options);
}

}  // namespace

bool draw_dialogs(ScreenContext& screen) {
    ui::UiContext& ui = screen.ui;
    VisitorFlow& flow = screen.flow;

    if (flow.still_there_prompt()) {
        const DialogText text{
            ui.tr("kiosk.inactivity.title"),
            ui.tr("kiosk.inactivity.body", {{"seconds", std::to_string(flow.countdown_seconds(screen.now))}}), ""};
        if (draw_dialog(screen, "dialog.still_there", text, ui.tr("kiosk.inactivity.continue"))) {
            flow.confirm_presence(screen.now);
        }
        return true;
    }

    if (const auto& error = flow.submit_error()) {
        const bool unavailable = error->code == ErrorCode::Unavailable;
        DialogText text;
        text.title = ui.tr(unavailable ? "kiosk.error.unavailable_title" : "kiosk.error.rejected_title");
        text.body = error_text(*ui.catalog, ui.language, *error);
        if (unavailable) {
            text.detail = ui.tr(flow.server_reachable() ? "kiosk.connection.restored" : "kiosk.connection.reconnecting");
        }
        const char* id = unavailable ? "dialog.unavailable" : "dialog.rejected";
        if (draw_dialog(screen, id, text, ui.tr("kiosk.action.close"))) {
            flow.dismiss_submit_error();
        }
        return true;
    }
    return false;
}

}  // namespace antrean::kiosk
