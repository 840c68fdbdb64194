#include <array>
#include <span>

#include "ui/onscreen_keyboard.hpp"
#include "ui/widgets.hpp"
#include "visitor/display_text.hpp"
#include "visitor/screen_frame.hpp"
#include "visitor/screens.hpp"

namespace antrean::kiosk {
namespace {

constexpr std::array kIdentityFields{Field::Name, Field::Phone};
constexpr std::array kExtraFields{Field::Nik, Field::Email, Field::Institution};

constexpr std::array kFieldKeys{"name", "phone", "nik", "email", "institution", "summary"};
static_assert(kFieldKeys.size() == kFieldCount);

std::string field_key(Field field) {
    return kFieldKeys[static_cast<size_t>(field)];
}

// Names and institutions start each word with a capital letter; the visitor can turn
// shift off for a name such as "van der Berg".
bool capitalizes_words(Field field) {
    return field == Field::Name || field == Field::Institution;
}

ui::KeyboardTarget make_target(VisitorFlow& flow, TypingState& state) {
    ui::KeyboardTarget target;
    target.text = &flow.value(state.active);
    target.max_code_points = field_max_length(state.active);
    target.capitalize_words = capitalizes_words(state.active);
    target.shift = state.shift;
    return target;
}

}  // namespace

ui::KeyboardLayout keyboard_for(Field field) {
    switch (field) {
        case Field::Name:
            return ui::KeyboardLayout::Letters;
        case Field::Phone:
            return ui::KeyboardLayout::Phone;
        case Field::Nik:
            return ui::KeyboardLayout::Digits;
        case Field::Email:
            return ui::KeyboardLayout::Email;
        case Field::Institution:
        case Field::Summary:
        case Field::kCount:
            break;
    }
    return ui::KeyboardLayout::Text;
}

void draw_field_keyboard(ScreenContext& screen, TypingState& state, const ui::Rect& area) {
    ui::KeyboardTarget target = make_target(screen.flow, state);
    const ui::KeyboardLayout layout = keyboard_for(state.active);
    ui::apply_physical_keys(layout, target);
    ui::draw_onscreen_keyboard(screen.ui, layout, area, target);
    state.shift = target.shift;
}

float draw_form_field(ScreenContext& screen, TypingState& state, Field field, const ui::Rect& box, bool multiline) {
    ui::UiContext& ui = screen.ui;
    VisitorFlow& flow = screen.flow;
    ui::FieldOptions options;
    options.active = state.active == field;
    options.multiline = multiline;
    options.placeholder = ui.tr("kiosk.field." + field_key(field) + ".placeholder");
    if (const auto error = flow.field_error(field)) {
        options.error = error_text(*ui.catalog, ui.language, *error);
    }
    const std::string id = "field." + field_key(field);
    float used = 0;
    if (ui::text_field(ui, id.c_str(), ui.tr("kiosk.field." + field_key(field)), flow.value(field), box, options,
                       &used) &&
        state.active != field) {
        // Leaving a field shows its validation message from now on.
        flow.touch(state.active);
        state.active = field;
        ui::KeyboardTarget target = make_target(flow, state);
        state.shift = ui::automatic_shift(target);
    }
    return used;
}

void draw_identity_screen(ScreenContext& screen, TypingState& state) {
    ui::UiContext& ui = screen.ui;
    VisitorFlow& flow = screen.flow;
    const bool extra = flow.step() == Step::IdentityExtra;
    const std::span<const Field> fields = extra ? std::span<const Field>(kExtraFields)
                                                : std::span<const Field>(kIdentityFields);
    if (state.entered_step != flow.step()) {
        state.entered_step = flow.step();
        // The first field with a message (the server's rejection, for example) is
        // active, so its keyboard is ready; otherwise the first field.
        state.active = fields.front();
        for (const Field field : fields) {
            if (flow.field_error(field)) {
                state.active = field;
                break;
            }
        }
        ui::KeyboardTarget target = make_target(flow, state);
        state.shift = ui::automatic_shift(target);
    }

    draw_header(screen, ui.tr(extra ? "kiosk.identity.extra_title" : "kiosk.identity.title"));
    draw_step_indicator(screen);

    // Left column: the intro line and the fields; right: the keyboard.
    constexpr float kColumnWidth = 820;
    const std::string intro = ui.tr(extra ? "kiosk.identity.extra_intro" : "kiosk.identity.intro");
    const float intro_height = ui::measure_text(ui, intro, kColumnWidth, ui.fonts().body);
    ui::text_block(ui, intro, ui::Rect{kMargin, kContentTop, kColumnWidth, intro_height}, ui.fonts().body,
                   ui.colors().text_muted, ui::TextAlign::Left, "identity.intro");

    constexpr float kLabelSpace = 52;
    constexpr float kBoxHeight = 96;
    constexpr float kFieldGap = 26;
    float y = kContentTop + intro_height + 26;
    for (const Field field : fields) {
        const ui::Rect box{kMargin, y + kLabelSpace, kColumnWidth, kBoxHeight};
        const float used = draw_form_field(screen, state, field, box);
        y = box.y + used + kFieldGap;
    }

    draw_field_keyboard(screen, state, ui::Rect{kMargin + kColumnWidth + 40, kContentTop,
                                                ui::kDesignWidth - 2 * kMargin - kColumnWidth - 40,
                                                kContentBottom - kContentTop});

    FooterOptions footer;
    footer.primary_label = ui.tr("kiosk.action.next");
    if (draw_footer(screen, footer) && !flow.next()) {
        // The first invalid field becomes active, so its message and keyboard are at hand.
        for (const Field field : fields) {
            if (flow.field_error(field)) {
                state.active = field;
                break;
            }
        }
    }
}

}  // namespace antrean::kiosk
