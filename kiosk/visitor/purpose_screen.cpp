#include <array>

#include "ui/widgets.hpp"
#include "visitor/screen_frame.hpp"
#include "visitor/screens.hpp"

namespace antrean::kiosk {
namespace {

constexpr std::array kPurposes{Purpose::Complaint, Purpose::Information, Purpose::Consultation};

// The purpose's name from the server's configuration, or the catalogue's when absent.
std::string purpose_title(const ScreenContext& screen, Purpose purpose) {
    if (screen.config != nullptr) {
        for (const PurposeInfo& info : screen.config->purposes) {
            if (info.purpose == purpose && !info.name.in(screen.ui.language).empty()) {
                return info.name.in(screen.ui.language);
            }
        }
    }
    return screen.ui.tr(std::string("kiosk.purpose.") + to_string(purpose));
}

}  // namespace

void draw_purpose_screen(ScreenContext& screen) {
    ui::UiContext& ui = screen.ui;
    VisitorFlow& flow = screen.flow;
    draw_header(screen, ui.tr("kiosk.purpose.title"));
    draw_step_indicator(screen);

    const ui::Rect area = content_area();
    const std::string question = ui.tr("kiosk.purpose.question");
    const float question_height = ui::measure_text(ui, question, area.w, ui.fonts().heading);
    ui::text_block(ui, question, ui::Rect{area.x, area.y, area.w, question_height}, ui.fonts().heading,
                   ui.colors().text, ui::TextAlign::Left, "purpose.question");

    constexpr float kGap = 28;
    const float top = area.y + question_height + 36;
    const float height = (area.bottom() - top - 2 * kGap) / 3;
    for (size_t i = 0; i < kPurposes.size(); ++i) {
        const Purpose purpose = kPurposes[i];
        const std::string id = std::string("purpose.") + to_string(purpose);
        const std::string description = ui.tr(std::string("kiosk.purpose.") + to_string(purpose) + ".description");
        const ui::Rect rect{area.x, top + static_cast<float>(i) * (height + kGap), area.w, height};
        if (ui::choice_card(ui, id.c_str(), purpose_title(screen, purpose), description, rect,
                            flow.form().purpose == purpose)) {
            flow.choose_purpose(purpose);
        }
    }

    FooterOptions footer;
    footer.primary_label = ui.tr("kiosk.action.next");
    footer.primary_enabled = flow.form().purpose.has_value();
    if (draw_footer(screen, footer)) {
        flow.next();
    }
}

}  // namespace antrean::kiosk
