#include "ui/widgets.hpp"
#include "visitor/display_text.hpp"
#include "visitor/screen_frame.hpp"
#include "visitor/screens.hpp"

namespace antrean::kiosk {
namespace {

constexpr int kQrQuietModules = 4;  // the white border a QR reader needs around the symbol

void draw_qr(ui::UiContext& ui, const QrMatrix& matrix, const ui::Rect& rect) {
    const ui::Palette& palette = ui.colors();
    const float side = std::min(rect.w, rect.h);
    const int modules = matrix.size + 2 * kQrQuietModules;
    // Whole window pixels per module keep the edges sharp for phone cameras.
    const float module = std::floor(side * ui.scale / static_cast<float>(modules));
    const float drawn = module * static_cast<float>(modules);
    const ImVec2 origin = ui.point(rect.x, rect.y);
    const ImVec2 top_left{std::floor(origin.x + (side * ui.scale - drawn) / 2),
                          std::floor(origin.y + (side * ui.scale - drawn) / 2)};
    ui.draw->AddRectFilled(top_left, ImVec2(top_left.x + drawn, top_left.y + drawn), IM_COL32_WHITE);
    for (int y = 0; y < matrix.size; ++y) {
        for (int x = 0; x < matrix.size; ++x) {
            if (!matrix.dark(x, y)) {
                continue;
            }
            const float left = top_left.x + static_cast<float>(x + kQrQuietModules) * module;
            const float top = top_left.y + static_cast<float>(y + kQrQuietModules) * module;
            ui.draw->AddRectFilled(ImVec2(left, top), ImVec2(left + module, top + module), IM_COL32_BLACK);
        }
    }
    if (ui.layout != nullptr) {
        ui.layout->add(ui::LayoutItem{"ticket.qr", ui::ItemKind::Panel,
                                      ui::Rect{top_left.x, top_left.y, drawn, drawn}, "", true});
    }
    (void)palette;
}

// The line under the ticket about the printer.
struct PrintNotice {
    std::string key;
    bool problem = false;
};

PrintNotice print_notice(PrintStatus status) {
    switch (status) {
        case PrintStatus::Printing:
        case PrintStatus::Printed:
            return {"kiosk.ticket.printing", false};
        case PrintStatus::NotConfigured:
        case PrintStatus::Missing:
            return {"kiosk.ticket.printer_missing", true};
        case PrintStatus::Failed:
            break;
    }
    return {"kiosk.ticket.printer_failed", true};
}

}  // namespace

void TicketScreenState::update(const TicketInfo& ticket) {
    if (ticket.status_url == qr_source && (qr || ticket.status_url.empty())) {
        return;
    }
    qr_source = ticket.status_url;
    qr = ticket.status_url.empty() ? std::nullopt : make_qr_matrix(ticket.status_url);
}

void draw_ticket_screen(ScreenContext& screen, TicketScreenState& state) {
    ui::UiContext& ui = screen.ui;
    const ui::Palette& palette = ui.colors();
    VisitorFlow& flow = screen.flow;
    if (!flow.ticket()) {
        return;
    }
    const TicketInfo& ticket = *flow.ticket();
    state.update(ticket);

    draw_header(screen, ui.tr("kiosk.ticket.title"));
    draw_step_indicator(screen);

    // Left card: the code and what it means.
    const ui::Rect card{kMargin, kContentTop, 1180, kContentBottom - kContentTop};
    ui::panel(ui, "ticket.card", card, palette.surface, palette.surface_border, 2);
    constexpr float kPadding = 40;
    const float width = card.w - 2 * kPadding;
    float y = card.y + 28;
    y += ui::text_block(ui, ui.tr("kiosk.ticket.your_number"), ui::Rect{card.x + kPadding, y, width, 0}, ui.fonts().label,
                        palette.text_muted, ui::TextAlign::Center, "ticket.card");
    ImFont* code_font = ui.fonts().code;
    const ImVec2 code_size = code_font->CalcTextSizeA(code_font->FontSize, 1e9f, 0, ticket.code.c_str());
    const ImVec2 code_at = ui.point(card.x + card.w / 2, y);
    ui.draw->AddText(code_font, code_font->FontSize, ImVec2(std::floor(code_at.x - code_size.x / 2), code_at.y),
                     palette.text, ticket.code.c_str());
    ui.layout->add(ui::LayoutItem{"ticket.code", ui::ItemKind::Text,
                                  ui::Rect{code_at.x - code_size.x / 2, code_at.y, code_size.x, code_size.y},
                                  "ticket.card", true});
    y += code_size.y / ui.scale + 6;

    std::string area = ticket.area_name.in(ui.language);
    if (area.empty() && screen.config != nullptr) {
        if (const AreaInfo* info = screen.config->find_area(ticket.area_id)) {
            area = info->name.in(ui.language);
        }
    }
    y += ui::text_block(ui, area, ui::Rect{card.x + kPadding, y, width, 0}, ui.fonts().heading, palette.primary,
                        ui::TextAlign::Center, "ticket.card") +
         14;
    const std::string wait = ui.tr("kiosk.ticket.wait", {{"range", wait_range_text(*ui.catalog, ui.language,
                                                                                   ticket.wait_min_minutes,
                                                                                   ticket.wait_max_minutes)}});
    y += ui::text_block(ui, wait, ui::Rect{card.x + kPadding, y, width, 0}, ui.fonts().label, palette.text,
                        ui::TextAlign::Center, "ticket.card") +
         8;
    if (ticket.appointment) {
        const AppointmentInfo& booked = *ticket.appointment;
        const std::string zone = screen.config != nullptr ? screen.config->zone_label : "";
        const std::string time = booked.starts_at
                                     ? time_text(*ui.catalog, ui.language, booked.starts_at->hour,
                                                 booked.starts_at->minute, zone)
                                     : std::string();
        const std::string officer = booked.officer.empty() ? ui.tr("kiosk.ticket.officer_unknown") : booked.officer;
        std::string line = ui.tr("kiosk.ticket.appointment", {{"time", time}, {"officer", officer}});
        if (!booked.desk_name.empty()) {
            line += " · " + booked.desk_name;
        }
        y += ui::text_block(ui, line, ui::Rect{card.x + kPadding, y, width, 0}, ui.fonts().body_bold, palette.success,
                            ui::TextAlign::Center, "ticket.card") +
             8;
    }
    if (ticket.created_at) {
        const std::string zone = screen.config != nullptr ? screen.config->zone_label : "";
        const std::string when =
            long_date_text(*ui.catalog, ui.language, ticket.created_at->year, ticket.created_at->month,
                           ticket.created_at->day) +
            ", " + time_text(*ui.catalog, ui.language, ticket.created_at->hour, ticket.created_at->minute, zone);
        y += ui::text_block(ui, when, ui::Rect{card.x + kPadding, y, width, 0}, ui.fonts().body, palette.text_muted,
                            ui::TextAlign::Center, "ticket.card") +
             8;
    }
    ui::text_block(ui, ui.tr("kiosk.ticket.please_wait"), ui::Rect{card.x + kPadding, card.bottom() - 84, width, 0},
                   ui.fonts().body_bold, palette.text, ui::TextAlign::Center, "ticket.card");

    // Right card: the QR code for following the queue on a phone.
    const ui::Rect side{card.right() + 32, kContentTop, ui::kDesignWidth - kMargin - card.right() - 32, card.h};
    ui::panel(ui, "ticket.side", side, palette.surface, palette.surface_border, 2);
    constexpr float kQrSide = 420;
    if (state.qr) {
        draw_qr(ui, *state.qr, ui::Rect{side.x + (side.w - kQrSide) / 2, side.y + 30, kQrSide, kQrSide});
    }
    ui::text_block(ui, ui.tr("kiosk.ticket.scan"), ui::Rect{side.x + 30, side.y + 30 + kQrSide + 16, side.w - 60, 0},
                   ui.fonts().body, palette.text, ui::TextAlign::Center, "ticket.side");
    const std::string countdown =
        ui.tr("kiosk.ticket.countdown", {{"seconds", std::to_string(flow.countdown_seconds(screen.now))}});
    ui::text_block(ui, countdown, ui::Rect{side.x + 30, side.bottom() - 84, side.w - 60, 0}, ui.fonts().small,
                   palette.text_muted, ui::TextAlign::Center, "ticket.side");

    // Footer: whether the ticket is printing, and "Selesai".
    const PrintNotice notice = print_notice(state.print_status);
    const ui::Rect banner{kMargin, kFooterTop, 1280, kFooterButtonHeight};
    ui::panel(ui, "ticket.print_status", banner, notice.problem ? palette.warning_background : palette.success_background,
              notice.problem ? palette.warning : palette.success, 3, ui::ItemKind::Message);
    const std::string print_text = ui.tr(notice.key);
    ImFont* print_font = notice.problem ? ui.fonts().small : ui.fonts().label;
    const float print_height = ui::measure_text(ui, print_text, banner.w - 48, print_font);
    ui::text_block(ui, print_text, ui::Rect{banner.x + 24, banner.y + (banner.h - print_height) / 2, banner.w - 48, 0},
                   print_font, notice.problem ? palette.warning : palette.success, ui::TextAlign::Center,
                   "ticket.print_status");
    ui::ButtonOptions done;
    done.kind = ui::ButtonKind::Primary;
    const float done_x = banner.right() + 32;
    if (ui::button(ui, "ticket.done", ui.tr("kiosk.ticket.done"),
                   ui::Rect{done_x, kFooterTop, ui::kDesignWidth - kMargin - done_x, kFooterButtonHeight}, done)) {
        flow.cancel();
        return;
    }

    // A tap anywhere else also returns to the welcome screen. It acts on the press, and
    // the release that follows lands on the welcome screen where nothing is under it.
    if (ui.interactive && ImGui::IsMouseClicked(0) && !ImGui::IsAnyItemHovered()) {
        flow.cancel();
    }
}

}  // namespace antrean::kiosk
