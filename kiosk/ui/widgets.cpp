#include "ui/widgets.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace antrean::ui {
namespace {

constexpr float kLineSpacing = 1.18f;  // line height over font size

float line_height(const ImFont* font) {
    return font->FontSize * kLineSpacing;
}

float text_width(ImFont* font, std::string_view text) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text.data(), text.data() + text.size()).x;
}

std::string_view trim_trailing_spaces(std::string_view text) {
    while (!text.empty() && (text.back() == ' ' || text.back() == '\r')) {
        text.remove_suffix(1);
    }
    return text;
}

const char* skip_utf8_character(const char* s, const char* end) {
    ++s;
    while (s < end && (static_cast<unsigned char>(*s) & 0xC0) == 0x80) {
        ++s;
    }
    return s;
}

struct ButtonColors {
    ImU32 fill;
    ImU32 border;
    ImU32 text;
    float border_thickness;
};

ButtonColors button_colors(const Palette& palette, const ButtonOptions& options, bool held) {
    if (!options.enabled) {
        return {palette.disabled, palette.disabled, palette.disabled_text, 0.0f};
    }
    switch (options.kind) {
        case ButtonKind::Primary:
            return {held ? palette.primary_pressed : palette.primary, 0, palette.primary_text, 0.0f};
        case ButtonKind::Danger:
            return {held ? palette.error_background : palette.surface, palette.danger, palette.danger, 3.0f};
        case ButtonKind::Key:
            return {held ? palette.pressed_surface : palette.key, palette.surface_border, palette.text, 2.0f};
        case ButtonKind::KeySpecial:
            if (options.selected) {
                return {held ? palette.primary_pressed : palette.primary, 0, palette.primary_text, 0.0f};
            }
            return {held ? palette.pressed_surface : palette.key_special, palette.surface_border, palette.text, 2.0f};
        case ButtonKind::Toggle:
            if (options.selected) {
                return {palette.primary, palette.primary, palette.primary_text, 3.0f};
            }
            return {held ? palette.pressed_surface : palette.surface, palette.primary, palette.primary, 3.0f};
        case ButtonKind::HeaderToggle:
            if (options.selected) {
                return {palette.surface, palette.surface, palette.header, 3.0f};
            }
            return {held ? palette.primary_pressed : palette.header, palette.header_text, palette.header_text, 2.0f};
        case ButtonKind::Secondary:
            break;
    }
    return {held ? palette.pressed_surface : palette.surface, palette.primary, palette.primary, 3.0f};
}

// Draws `lines` centered (or left-aligned) in `inner` (window pixels) and records their
// bounding box.
Rect draw_lines(UiContext& ui, const std::vector<std::string_view>& lines, ImFont* font, const Rect& inner,
                ImU32 color, TextAlign align, bool center_vertically) {
    const float height = line_height(font) * static_cast<float>(lines.size());
    float y = center_vertically ? inner.y + (inner.h - height) / 2 : inner.y;
    float min_x = FLT_MAX;
    float max_x = -FLT_MAX;
    const float top = y;
    for (const std::string_view line : lines) {
        const float width = text_width(font, line);
        const float x = align == TextAlign::Center ? inner.x + (inner.w - width) / 2 : inner.x;
        // Half the extra line spacing goes above the glyphs, so lines sit in the middle.
        const float baseline_offset = (line_height(font) - font->FontSize) / 2;
        ui.draw->AddText(font, font->FontSize, ImVec2(std::floor(x), std::floor(y + baseline_offset)), color,
                         line.data(), line.data() + line.size());
        min_x = std::min(min_x, x);
        max_x = std::max(max_x, x + width);
        y += line_height(font);
    }
    if (lines.empty()) {
        return Rect{inner.x, top, 0, 0};
    }
    return Rect{min_x, top, max_x - min_x, height};
}

}  // namespace

std::vector<std::string_view> wrap_lines(ImFont* font, std::string_view text, float width) {
    std::vector<std::string_view> lines;
    size_t paragraph_start = 0;
    while (paragraph_start <= text.size()) {
        size_t paragraph_end = text.find('\n', paragraph_start);
        if (paragraph_end == std::string_view::npos) {
            paragraph_end = text.size();
        }
        const char* s = text.data() + paragraph_start;
        const char* end = text.data() + paragraph_end;
        if (s == end) {
            lines.emplace_back();
        }
        while (s < end) {
            const char* line_end = font->CalcWordWrapPositionA(1.0f, s, end, width);
            if (line_end <= s) {
                line_end = skip_utf8_character(s, end);
            }
            lines.push_back(trim_trailing_spaces(std::string_view(s, static_cast<size_t>(line_end - s))));
            s = line_end;
            while (s < end && *s == ' ') {
                ++s;
            }
        }
        if (paragraph_end == text.size()) {
            break;
        }
        paragraph_start = paragraph_end + 1;
    }
    return lines;
}

float measure_text(const UiContext& ui, std::string_view text, float width, ImFont* font) {
    const auto lines = wrap_lines(font, text, width * ui.scale);
    return line_height(font) * static_cast<float>(lines.size()) / ui.scale;
}

float text_block(UiContext& ui, std::string_view text, const Rect& box, ImFont* font, ImU32 color, TextAlign align,
                 const std::string& parent) {
    const Rect inner = ui.to_window(box);
    const auto lines = wrap_lines(font, text, inner.w);
    const Rect drawn = draw_lines(ui, lines, font, inner, color, align, false);
    if (ui.layout != nullptr && !lines.empty()) {
        ui.layout->add(LayoutItem{parent.empty() ? "text" : parent + ".text", ItemKind::Text, drawn, parent, true});
    }
    return drawn.h / ui.scale;
}

void panel(UiContext& ui, const char* id, const Rect& rect, ImU32 fill, ImU32 border, float border_thickness,
           ItemKind kind) {
    const Rect win = ui.to_window(rect);
    const float rounding = ui.theme->rounding * ui.scale;
    ui.draw->AddRectFilled(ImVec2(win.x, win.y), ImVec2(win.right(), win.bottom()), fill, rounding);
    if (border_thickness > 0) {
        const float inset = border_thickness * ui.scale / 2;
        ui.draw->AddRect(ImVec2(win.x + inset, win.y + inset), ImVec2(win.right() - inset, win.bottom() - inset),
                         border, rounding, 0, border_thickness * ui.scale);
    }
    if (ui.layout != nullptr && id != nullptr && id[0] != '\0') {
        ui.layout->add(LayoutItem{id, kind, win, "", true});
    }
}

bool button(UiContext& ui, const char* id, std::string_view label, const Rect& rect, const ButtonOptions& options) {
    const Rect win = ui.to_window(rect);
    bool pressed = false;
    bool held = false;
    if (ui.interactive && options.enabled && win.w > 0 && win.h > 0) {
        ImGui::SetCursorScreenPos(ImVec2(win.x, win.y));
        pressed = ImGui::InvisibleButton(id, ImVec2(win.w, win.h));
        held = ImGui::IsItemActive();
    }

    const ButtonColors colors = button_colors(ui.colors(), options, held);
    const float rounding = ui.theme->rounding * ui.scale;
    ui.draw->AddRectFilled(ImVec2(win.x, win.y), ImVec2(win.right(), win.bottom()), colors.fill, rounding);
    if (colors.border_thickness > 0) {
        const float thickness = colors.border_thickness * ui.scale;
        ui.draw->AddRect(ImVec2(win.x + thickness / 2, win.y + thickness / 2),
                         ImVec2(win.right() - thickness / 2, win.bottom() - thickness / 2), colors.border, rounding, 0,
                         thickness);
    }
    if (ui.layout != nullptr) {
        ui.layout->add(LayoutItem{id, ItemKind::Button, win, "", options.enabled && ui.interactive});
    }
    if (label.empty()) {
        return pressed;
    }

    // The largest font whose wrapped lines fit inside the padding wins.
    const float padding_x = 16 * ui.scale;
    const float padding_y = 8 * ui.scale;
    const Rect inner{win.x + padding_x, win.y + padding_y, win.w - 2 * padding_x, win.h - 2 * padding_y};
    const Fonts& fonts = ui.fonts();
    ImFont* candidates[] = {options.font != nullptr ? options.font : fonts.label, fonts.body_bold, fonts.small};
    ImFont* chosen = candidates[2];
    std::vector<std::string_view> lines;
    for (ImFont* font : candidates) {
        lines = wrap_lines(font, label, inner.w);
        bool fits = line_height(font) * static_cast<float>(lines.size()) <= inner.h;
        for (const std::string_view line : lines) {
            fits = fits && text_width(font, line) <= inner.w + 0.5f;
        }
        chosen = font;
        if (fits) {
            break;
        }
    }
    const Rect drawn = draw_lines(ui, lines, chosen, inner, colors.text, TextAlign::Center, true);
    if (ui.layout != nullptr) {
        ui.layout->add(LayoutItem{std::string(id) + ".label", ItemKind::Text, drawn, id, true});
    }
    return pressed;
}

bool choice_card(UiContext& ui, const char* id, std::string_view title, std::string_view description,
                 const Rect& rect, bool selected) {
    const Rect win = ui.to_window(rect);
    bool pressed = false;
    bool held = false;
    if (ui.interactive) {
        ImGui::SetCursorScreenPos(ImVec2(win.x, win.y));
        pressed = ImGui::InvisibleButton(id, ImVec2(win.w, win.h));
        held = ImGui::IsItemActive();
    }
    const Palette& palette = ui.colors();
    const ImU32 fill = held ? palette.pressed_surface : (selected ? palette.selected : palette.surface);
    const ImU32 border = selected ? palette.primary : palette.surface_border;
    const float thickness = (selected ? 5.0f : 2.0f) * ui.scale;
    const float rounding = ui.theme->rounding * ui.scale;
    ui.draw->AddRectFilled(ImVec2(win.x, win.y), ImVec2(win.right(), win.bottom()), fill, rounding);
    ui.draw->AddRect(ImVec2(win.x + thickness / 2, win.y + thickness / 2),
                     ImVec2(win.right() - thickness / 2, win.bottom() - thickness / 2), border, rounding, 0, thickness);
    if (ui.layout != nullptr) {
        ui.layout->add(LayoutItem{id, ItemKind::Button, win, "", ui.interactive});
    }

    // Title and description on the left, a round check mark on the right when selected.
    constexpr float kPadding = 32;
    constexpr float kCheckArea = 90;
    const float text_width_design = rect.w - 2 * kPadding - kCheckArea;
    const float title_height = measure_text(ui, title, text_width_design, ui.fonts().label);
    const float description_height =
        description.empty() ? 0 : measure_text(ui, description, text_width_design, ui.fonts().body);
    const float gap = description.empty() ? 0 : 8;
    const float top = rect.y + (rect.h - title_height - gap - description_height) / 2;
    text_block(ui, title, Rect{rect.x + kPadding, top, text_width_design, title_height}, ui.fonts().label,
               palette.text, TextAlign::Left, id);
    if (!description.empty()) {
        text_block(ui, description, Rect{rect.x + kPadding, top + title_height + gap, text_width_design, description_height},
                   ui.fonts().body, palette.text_muted, TextAlign::Left, id);
    }
    if (selected) {
        const ImVec2 center = ImVec2(rect.right() - kPadding - 30, rect.y + rect.h / 2);
        ui.draw->AddCircleFilled(ui.point(center.x, center.y), 30 * ui.scale, palette.primary, 32);
        draw_check_mark(ui, center, 30, palette.primary_text, 5);
    }
    return pressed;
}

bool text_field(UiContext& ui, const char* id, std::string_view label, const std::string& value, const Rect& box,
                const FieldOptions& options, float* height_used) {
    const Palette& palette = ui.colors();
    const Fonts& fonts = ui.fonts();
    constexpr float kLabelGap = 8;

    // The label sits above the box.
    const float label_height = measure_text(ui, label, box.w, fonts.body_bold);
    text_block(ui, label, Rect{box.x, box.y - label_height - kLabelGap, box.w, label_height}, fonts.body_bold,
               palette.text, TextAlign::Left, std::string(id) + ".title");

    const Rect win = ui.to_window(box);
    bool pressed = false;
    if (ui.interactive) {
        ImGui::SetCursorScreenPos(ImVec2(win.x, win.y));
        pressed = ImGui::InvisibleButton(id, ImVec2(win.w, win.h));
    }
    const bool has_error = options.error.has_value();
    const ImU32 border = has_error ? palette.error : (options.active ? palette.primary : palette.surface_border);
    const float thickness = (options.active || has_error ? 4.0f : 2.0f) * ui.scale;
    const float rounding = ui.theme->rounding * 0.6f * ui.scale;
    ui.draw->AddRectFilled(ImVec2(win.x, win.y), ImVec2(win.right(), win.bottom()), palette.surface, rounding);
    ui.draw->AddRect(ImVec2(win.x + thickness / 2, win.y + thickness / 2),
                     ImVec2(win.right() - thickness / 2, win.bottom() - thickness / 2), border, rounding, 0, thickness);
    if (ui.layout != nullptr) {
        ui.layout->add(LayoutItem{id, ItemKind::Field, win, "", ui.interactive});
    }

    // The value, or the placeholder while empty. Single-line values keep their end visible.
    const float padding = 20 * ui.scale;
    const Rect inner{win.x + padding, win.y + padding / 2, win.w - 2 * padding, win.h - padding};
    ImFont* font = options.font != nullptr ? options.font : fonts.body;
    const bool show_placeholder = value.empty() && !options.placeholder.empty();
    const std::string_view shown = show_placeholder ? std::string_view(options.placeholder) : std::string_view(value);
    const ImU32 color = show_placeholder ? palette.placeholder : palette.text;
    ImVec2 caret{inner.x, inner.y + (inner.h - font->FontSize) / 2};
    ui.draw->PushClipRect(ImVec2(win.x + thickness, win.y + thickness),
                          ImVec2(win.right() - thickness, win.bottom() - thickness), true);
    if (options.multiline) {
        auto lines = wrap_lines(font, shown, inner.w - 4 * ui.scale);
        const auto visible = static_cast<size_t>(std::max(1.0f, std::floor(inner.h / line_height(font))));
        if (lines.size() > visible) {
            lines.erase(lines.begin(), lines.end() - static_cast<std::ptrdiff_t>(visible));
        }
        const Rect drawn = draw_lines(ui, lines, font, inner, color, TextAlign::Left, false);
        if (!show_placeholder) {
            const float last_width = lines.empty() ? 0 : text_width(font, lines.back());
            caret = ImVec2(inner.x + last_width + 2 * ui.scale,
                           lines.empty() ? inner.y : drawn.bottom() - line_height(font) +
                                                         (line_height(font) - font->FontSize) / 2);
        }
    } else {
        std::string_view tail = shown;
        while (!tail.empty() && text_width(font, tail) > inner.w - 6 * ui.scale) {
            tail = std::string_view(skip_utf8_character(tail.data(), tail.data() + tail.size()),
                                    static_cast<size_t>(tail.data() + tail.size() -
                                                        skip_utf8_character(tail.data(), tail.data() + tail.size())));
        }
        const float y = inner.y + (inner.h - font->FontSize) / 2;
        ui.draw->AddText(font, font->FontSize, ImVec2(inner.x, std::floor(y)), color, tail.data(),
                         tail.data() + tail.size());
        if (!show_placeholder) {
            caret = ImVec2(inner.x + text_width(font, tail) + 2 * ui.scale, y);
        }
    }
    if (options.active) {
        ui.draw->AddRectFilled(caret, ImVec2(caret.x + 3 * ui.scale, caret.y + font->FontSize), palette.primary);
    }
    ui.draw->PopClipRect();

    // The error message, below the box.
    float used = box.h;
    if (has_error) {
        constexpr float kErrorGap = 6;
        const float error_height = text_block(ui, *options.error, Rect{box.x, box.bottom() + kErrorGap, box.w, 0},
                                              fonts.small, palette.error, TextAlign::Left, std::string(id) + ".error");
        used += kErrorGap + error_height;
    }
    if (height_used != nullptr) {
        *height_used = used;
    }
    return pressed;
}

void draw_check_mark(UiContext& ui, ImVec2 center, float size, ImU32 color, float thickness) {
    const ImVec2 points[] = {ui.point(center.x - size * 0.45f, center.y + size * 0.02f),
                             ui.point(center.x - size * 0.12f, center.y + size * 0.32f),
                             ui.point(center.x + size * 0.45f, center.y - size * 0.35f)};
    ui.draw->AddPolyline(points, 3, color, 0, thickness * ui.scale);
}

void draw_arrow_left(UiContext& ui, ImVec2 center, float size, ImU32 color, float thickness) {
    const float half = size / 2;
    ui.draw->AddLine(ui.point(center.x - half, center.y), ui.point(center.x + half, center.y), color,
                     thickness * ui.scale);
    const ImVec2 head[] = {ui.point(center.x - half * 0.1f, center.y - half * 0.7f),
                           ui.point(center.x - half, center.y),
                           ui.point(center.x - half * 0.1f, center.y + half * 0.7f)};
    ui.draw->AddPolyline(head, 3, color, 0, thickness * ui.scale);
}

void draw_shift_arrow(UiContext& ui, ImVec2 center, float size, ImU32 color, bool filled) {
    const float h = size / 2;
    const ImVec2 points[] = {
        ui.point(center.x, center.y - h),           ui.point(center.x + h, center.y),
        ui.point(center.x + h * 0.45f, center.y),   ui.point(center.x + h * 0.45f, center.y + h),
        ui.point(center.x - h * 0.45f, center.y + h), ui.point(center.x - h * 0.45f, center.y),
        ui.point(center.x - h, center.y),
    };
    if (filled) {
        ui.draw->AddConvexPolyFilled(points, 3, color);
        ui.draw->AddRectFilled(points[5], points[3], color);
    } else {
        ui.draw->AddPolyline(points, 7, color, ImDrawFlags_Closed, 3 * ui.scale);
    }
}

}  // namespace antrean::ui
