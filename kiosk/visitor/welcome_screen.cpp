#include "ui/widgets.hpp"
#include "visitor/display_text.hpp"
#include "visitor/screen_frame.hpp"
#include "visitor/screens.hpp"

namespace antrean::kiosk {
namespace {

using ui::Rect;

// A large entry button with a title and one explaining line.
bool draw_entry_tile(ScreenContext& screen, const char* id, const std::string& title, const std::string& description,
                     const Rect& rect, bool primary) {
    ui::UiContext& ui = screen.ui;
    const ui::Palette& palette = ui.colors();
    ui::ButtonOptions options;
    options.kind = primary ? ui::ButtonKind::Primary : ui::ButtonKind::Secondary;
    const bool tapped = ui::button(ui, id, "", rect, options);

    const ImU32 title_color = primary ? palette.primary_text : palette.primary;
    const ImU32 description_color = primary ? palette.primary_text : palette.text_muted;
    constexpr float kPadding = 40;
    const float width = rect.w - 2 * kPadding;
    const float title_height = ui::measure_text(ui, title, width, ui.fonts().heading);
    const float description_height = ui::measure_text(ui, description, width, ui.fonts().body);
    constexpr float kGap = 18;
    const float top = rect.y + (rect.h - title_height - kGap - description_height) / 2;
    ui::text_block(ui, title, Rect{rect.x + kPadding, top, width, title_height}, ui.fonts().heading, title_color,
                   ui::TextAlign::Center, id);
    ui::text_block(ui, description, Rect{rect.x + kPadding, top + title_height + kGap, width, description_height},
                   ui.fonts().body, description_color, ui::TextAlign::Center, id);
    return tapped;
}

void draw_status_panel(ScreenContext& screen, const Rect& rect, const char* id, const std::string& message,
                       const std::string& detail) {
    ui::UiContext& ui = screen.ui;
    const ui::Palette& palette = ui.colors();
    ui::panel(ui, id, rect, palette.warning_background, palette.warning, 3, ui::ItemKind::Message);
    constexpr float kPadding = 48;
    const float width = rect.w - 2 * kPadding;
    const float message_height = ui::measure_text(ui, message, width, ui.fonts().heading);
    const float detail_height = detail.empty() ? 0 : ui::measure_text(ui, detail, width, ui.fonts().body);
    const float top = rect.y + (rect.h - message_height - 24 - detail_height) / 2;
    ui::text_block(ui, message, Rect{rect.x + kPadding, top, width, message_height}, ui.fonts().heading, palette.text,
                   ui::TextAlign::Center, id);
    if (!detail.empty()) {
        ui::text_block(ui, detail, Rect{rect.x + kPadding, top + message_height + 24, width, detail_height},
                       ui.fonts().body, palette.warning, ui::TextAlign::Center, id);
    }
}

}  // namespace

void draw_welcome_screen(ScreenContext& screen) {
    ui::UiContext& ui = screen.ui;
    const ui::Palette& palette = ui.colors();
    VisitorFlow& flow = screen.flow;

    // Header band: the office and today's date and time.
    draw_header(screen, ui.tr("kiosk.welcome.office"));
    if (screen.clock) {
        const std::string zone = screen.config != nullptr ? screen.config->zone_label : "";
        const std::string now = long_date_text(*ui.catalog, ui.language, screen.clock->year, screen.clock->month,
                                               screen.clock->day) +
                                "  ·  " + time_text(*ui.catalog, ui.language, screen.clock->hour, screen.clock->minute, zone);
        const float height = ui::measure_text(ui, now, 760, ui.fonts().body);
        ui::text_block(ui, now, Rect{640, (kHeaderHeight - height) / 2, 760, height}, ui.fonts().body,
                       palette.header_text, ui::TextAlign::Center, "welcome.clock");
    }

    // Greeting.
    const std::string title = ui.tr("kiosk.welcome.title");
    const std::string subtitle = ui.tr("kiosk.welcome.subtitle");
    const float title_height = ui::measure_text(ui, title, 1700, ui.fonts().title);
    ui::text_block(ui, title, Rect{110, 190, 1700, title_height}, ui.fonts().title, palette.text, ui::TextAlign::Center,
                   "welcome.title");
    const float subtitle_height = ui::measure_text(ui, subtitle, 1700, ui.fonts().heading);
    ui::text_block(ui, subtitle, Rect{110, 200 + title_height + 12, 1700, subtitle_height}, ui.fonts().heading,
                   palette.primary, ui::TextAlign::Center, "welcome.subtitle");

    // The two ways in, or why they are not offered now.
    const Rect tiles{160, 430, 1600, 320};
    if (!flow.server_reachable()) {
        draw_status_panel(screen, tiles, "welcome.unavailable", ui.tr("kiosk.error.unavailable"),
                          ui.tr("kiosk.connection.reconnecting"));
    } else if (screen.config == nullptr) {
        draw_status_panel(screen, tiles, "welcome.loading", ui.tr("kiosk.welcome.loading"), "");
    } else {
        constexpr float kGap = 60;
        const float width = (tiles.w - kGap) / 2;
        if (draw_entry_tile(screen, "welcome.walk_in", ui.tr("kiosk.welcome.walk_in"),
                            ui.tr("kiosk.welcome.walk_in_hint"), Rect{tiles.x, tiles.y, width, tiles.h}, true)) {
            flow.start_walk_in();
        }
        if (draw_entry_tile(screen, "welcome.booked", ui.tr("kiosk.welcome.booked"), ui.tr("kiosk.welcome.booked_hint"),
                            Rect{tiles.x + width + kGap, tiles.y, width, tiles.h}, false)) {
            flow.start_booking();
        }
    }

    // Free of charge, then where to get help.
    const std::string free = ui.tr("kiosk.welcome.free");
    const Rect badge{560, 810, 800, 96};
    ui::panel(ui, "welcome.free", badge, palette.success_background, palette.success, 3);
    const float free_height = ui::measure_text(ui, free, badge.w - 40, ui.fonts().label);
    ui::text_block(ui, free, Rect{badge.x + 20, badge.y + (badge.h - free_height) / 2, badge.w - 40, free_height},
                   ui.fonts().label, palette.success, ui::TextAlign::Center, "welcome.free");
    const std::string help = ui.tr("kiosk.welcome.help");
    const float help_height = ui::measure_text(ui, help, 1600, ui.fonts().body);
    ui::text_block(ui, help, Rect{160, 950, 1600, help_height}, ui.fonts().body, palette.text_muted,
                   ui::TextAlign::Center, "welcome.help");
}

}  // namespace antrean::kiosk
