#include <string>
#include <utility>
#include <vector>

#include "ui/widgets.hpp"
#include "visitor/screen_frame.hpp"
#include "visitor/screens.hpp"

namespace antrean::kiosk {
namespace {

using Row = std::pair<std::string, std::string>;  // label, value

constexpr float kRowLabelWidth = 240;
constexpr float kCardPadding = 28;
constexpr float kChangeWidth = 190;
constexpr float kChangeHeight = 90;

std::string area_name(const ScreenContext& screen) {
    if (screen.config != nullptr) {
        if (const AreaInfo* area = screen.config->find_area(screen.flow.form().area)) {
            return area->name.in(screen.ui.language);
        }
    }
    return screen.flow.form().area;
}

std::string purpose_name(const ScreenContext& screen) {
    const auto& purpose = screen.flow.form().purpose;
    if (!purpose) {
        return {};
    }
    if (screen.config != nullptr) {
        for (const PurposeInfo& info : screen.config->purposes) {
            if (info.purpose == *purpose) {
                return info.name.in(screen.ui.language);
            }
        }
    }
    return screen.ui.tr(std::string("kiosk.purpose.") + to_string(*purpose));
}

// A card with a title, "Ubah" at the top right and label-value rows. Values that do not
// fit in `max_lines` lines end with an ellipsis.
void draw_group(ScreenContext& screen, const char* id, const std::string& title, const std::vector<Row>& rows,
                const ui::Rect& rect, ConfirmGroup group, int max_lines) {
    ui::UiContext& ui = screen.ui;
    const ui::Palette& palette = ui.colors();
    ui::panel(ui, id, rect, palette.surface, palette.surface_border, 2);

    const float title_height = ui::measure_text(ui, title, rect.w - 2 * kCardPadding - kChangeWidth, ui.fonts().label);
    ui::text_block(ui, title, ui::Rect{rect.x + kCardPadding, rect.y + 14 + (kChangeHeight - title_height) / 2,
                                       rect.w - 2 * kCardPadding - kChangeWidth, title_height},
                   ui.fonts().label, palette.primary, ui::TextAlign::Left, id);
    const std::string change_id = std::string(id) + ".change";
    if (ui::button(ui, change_id.c_str(), ui.tr("kiosk.confirm.change"),
                   ui::Rect{rect.right() - kCardPadding - kChangeWidth, rect.y + 14, kChangeWidth, kChangeHeight})) {
        screen.flow.edit(group);
    }

    float y = rect.y + 14 + kChangeHeight + 12;
    const float value_x = rect.x + kCardPadding + (rows.size() > 1 || !rows.front().first.empty() ? kRowLabelWidth : 0);
    const float value_width = rect.right() - kCardPadding - value_x;
    for (const auto& [label, value] : rows) {
        if (!label.empty()) {
            // The smaller label font sits a little lower so both share a baseline.
            ui::text_block(ui, label, ui::Rect{rect.x + kCardPadding, y + 3, kRowLabelWidth - 16, 40}, ui.fonts().small,
                           palette.text_muted, ui::TextAlign::Left, id);
        }
        // Long values are cut at the line limit, which the card heights leave room for.
        std::string shown = value;
        auto lines = ui::wrap_lines(ui.fonts().body, shown, value_width * ui.scale);
        if (static_cast<int>(lines.size()) > max_lines) {
            const std::string_view last = lines[static_cast<size_t>(max_lines - 1)];
            const size_t cut = static_cast<size_t>(last.data() - shown.data()) + last.size();
            size_t keep = cut > 3 ? cut - 3 : cut;
            while (keep > 0 && (static_cast<unsigned char>(shown[keep]) & 0xC0) == 0x80) {
                --keep;
            }
            shown = shown.substr(0, keep) + "…";
        }
        const float used = ui::text_block(ui, shown, ui::Rect{value_x, y - 2, value_width, 0}, ui.fonts().body,
                                          palette.text, ui::TextAlign::Left, id);
        y += std::max(used, 40.0f) + 8;
    }
}

}  // namespace

void draw_confirm_screen(ScreenContext& screen) {
    ui::UiContext& ui = screen.ui;
    VisitorFlow& flow = screen.flow;
    draw_header(screen, ui.tr("kiosk.confirm.title"));
    draw_step_indicator(screen);

    const ui::Rect area = content_area();
    const std::string heading = ui.tr("kiosk.confirm.heading");
    const float heading_height = ui::measure_text(ui, heading, area.w, ui.fonts().heading);
    ui::text_block(ui, heading, ui::Rect{area.x, area.y, area.w, heading_height}, ui.fonts().heading,
                   ui.colors().text, ui::TextAlign::Left, "confirm.heading");

    const std::string empty = ui.tr("kiosk.confirm.not_given");
    auto value_or_empty = [&](Field field) {
        const std::string& value = flow.value(field);
        return value.empty() ? empty : value;
    };

    constexpr float kGap = 24;
    const float top = area.y + heading_height + 24;
    const float width = (area.w - kGap) / 2;
    const float height = area.bottom() - top;
    constexpr float kVisitHeight = 300;
    constexpr float kIdentityHeight = 400;

    // Left: the visit and the summary; right: the identity, which has the most rows, and
    // the priority choice.
    draw_group(screen, "confirm.visit", ui.tr("kiosk.confirm.visit"),
               {{ui.tr("kiosk.confirm.purpose"), purpose_name(screen)}, {ui.tr("kiosk.confirm.area"), area_name(screen)}},
               ui::Rect{area.x, top, width, kVisitHeight}, ConfirmGroup::Visit, 2);
    draw_group(screen, "confirm.summary", ui.tr("kiosk.confirm.summary"), {{"", value_or_empty(Field::Summary)}},
               ui::Rect{area.x, top + kVisitHeight + kGap, width, height - kVisitHeight - kGap}, ConfirmGroup::Summary,
               3);
    draw_group(screen, "confirm.identity", ui.tr("kiosk.confirm.identity"),
               {{ui.tr("kiosk.confirm.name"), value_or_empty(Field::Name)},
                {ui.tr("kiosk.confirm.phone"), value_or_empty(Field::Phone)},
                {ui.tr("kiosk.confirm.nik"), value_or_empty(Field::Nik)},
                {ui.tr("kiosk.confirm.email"), value_or_empty(Field::Email)},
                {ui.tr("kiosk.confirm.institution"), value_or_empty(Field::Institution)}},
               ui::Rect{area.x + width + kGap, top, width, kIdentityHeight}, ConfirmGroup::Identity, 1);
    const std::string priority = flow.form().priority == Priority::Priority ? ui.tr("kiosk.priority.yes_hint")
                                                                            : ui.tr("kiosk.priority.no_hint");
    draw_group(screen, "confirm.priority", ui.tr("kiosk.confirm.priority"), {{"", priority}},
               ui::Rect{area.x + width + kGap, top + kIdentityHeight + kGap, width, height - kIdentityHeight - kGap},
               ConfirmGroup::Priority, 1);

    FooterOptions footer;
    footer.primary_label = ui.tr("kiosk.confirm.correct");
    if (draw_footer(screen, footer)) {
        flow.next();
    }
}

}  // namespace antrean::kiosk
