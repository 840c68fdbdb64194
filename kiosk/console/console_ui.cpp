#include "console/console_ui.hpp"

#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <system_error>

namespace antrean::console {
namespace {

// Basic Latin through Latin Extended-A, dashes, quotes, bullet and ellipsis: every letter
// of Indonesian and English and of most names written in Latin letters, and the single
// angle quotes of "‹ Sebelumnya".
constexpr ImWchar kTextGlyphs[] = {
    0x0020, 0x017F, 0x2013, 0x2014, 0x2018, 0x201E, 0x2022, 0x2022, 0x2026, 0x2026, 0x2039, 0x203A, 0,
};
constexpr ImWchar kCodeGlyphs[] = {0x0020, 0x0020, 0x002D, 0x002D, 0x0030, 0x0039, 0x0041, 0x005A, 0};

ImFont* add_font(const std::filesystem::path& file, float size, const ImWchar* ranges) {
    ImFontConfig config;
    config.OversampleH = 2;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    return ImGui::GetIO().Fonts->AddFontFromFileTTF(file.c_str(), size, &config, ranges);
}

ImVec4 color(ImU32 value) {
    return ImGui::ColorConvertU32ToFloat4(value);
}

void apply_console_style(const ui::Palette& palette, float scale) {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    style.WindowPadding = ImVec2(14 * scale, 12 * scale);
    style.FramePadding = ImVec2(10 * scale, 7 * scale);
    style.CellPadding = ImVec2(8 * scale, 5 * scale);
    style.ItemSpacing = ImVec2(10 * scale, 8 * scale);
    style.ItemInnerSpacing = ImVec2(8 * scale, 6 * scale);
    style.ScrollbarSize = 16 * scale;
    style.GrabMinSize = 12 * scale;
    style.WindowRounding = 0;
    style.ChildRounding = 8 * scale;
    style.FrameRounding = 5 * scale;
    style.PopupRounding = 8 * scale;
    style.TabRounding = 5 * scale;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 1;
    style.PopupBorderSize = 1;
    style.FrameBorderSize = 1;
    style.DisabledAlpha = 0.55f;

    ImVec4* colors = style.Colors;
    colors[ImGuiCol_Text] = color(palette.text);
    colors[ImGuiCol_TextDisabled] = color(palette.disabled_text);
    colors[ImGuiCol_WindowBg] = color(palette.background);
    colors[ImGuiCol_ChildBg] = color(palette.surface);
    colors[ImGuiCol_PopupBg] = color(palette.surface);
    colors[ImGuiCol_Border] = color(palette.surface_border);
    colors[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    colors[ImGuiCol_FrameBg] = color(palette.surface);
    colors[ImGuiCol_FrameBgHovered] = color(palette.selected);
    colors[ImGuiCol_FrameBgActive] = color(palette.selected);
    colors[ImGuiCol_TitleBg] = color(palette.header);
    colors[ImGuiCol_TitleBgActive] = color(palette.header);
    colors[ImGuiCol_MenuBarBg] = color(palette.key_special);
    colors[ImGuiCol_ScrollbarBg] = color(palette.background);
    colors[ImGuiCol_ScrollbarGrab] = color(palette.surface_border);
    colors[ImGuiCol_ScrollbarGrabHovered] = color(palette.text_muted);
    colors[ImGuiCol_ScrollbarGrabActive] = color(palette.text);
    colors[ImGuiCol_CheckMark] = color(palette.primary);
    colors[ImGuiCol_SliderGrab] = color(palette.primary);
    colors[ImGuiCol_SliderGrabActive] = color(palette.primary_pressed);
    colors[ImGuiCol_Button] = color(palette.key_special);
    colors[ImGuiCol_ButtonHovered] = color(palette.selected);
    colors[ImGuiCol_ButtonActive] = color(palette.pressed_surface);
    colors[ImGuiCol_Header] = color(palette.selected);
    colors[ImGuiCol_HeaderHovered] = color(palette.selected);
    colors[ImGuiCol_HeaderActive] = color(palette.pressed_surface);
    colors[ImGuiCol_Separator] = color(palette.surface_border);
    colors[ImGuiCol_Tab] = color(palette.key_special);
    colors[ImGuiCol_TabHovered] = color(palette.selected);
    colors[ImGuiCol_TabActive] = color(palette.pressed_surface);
    colors[ImGuiCol_TabUnfocused] = color(palette.key_special);
    colors[ImGuiCol_TabUnfocusedActive] = color(palette.pressed_surface);
    colors[ImGuiCol_TableHeaderBg] = color(palette.key_special);
    colors[ImGuiCol_TableBorderStrong] = color(palette.surface_border);
    colors[ImGuiCol_TableBorderLight] = color(palette.disabled);
    colors[ImGuiCol_TableRowBg] = color(palette.surface);
    colors[ImGuiCol_TableRowBgAlt] = color(IM_COL32(0xF7, 0xF9, 0xFB, 0xFF));
    colors[ImGuiCol_TextSelectedBg] = color(palette.pressed_surface);
    colors[ImGuiCol_NavHighlight] = color(palette.primary);
    colors[ImGuiCol_ModalWindowDimBg] = color(palette.overlay_dim);
}

}  // namespace

Result<ConsoleTheme> load_console_theme(const std::filesystem::path& font_directory, float scale) {
    const std::filesystem::path regular = font_directory / "NotoSans-Regular.ttf";
    const std::filesystem::path bold = font_directory / "NotoSans-Bold.ttf";
    for (const auto& file : {regular, bold}) {
        std::error_code error;
        if (!std::filesystem::is_regular_file(file, error)) {
            return fail(ErrorCode::Internal, "", "kiosk.error.font_missing", {{"path", file.string()}});
        }
    }
    ConsoleTheme theme;
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    atlas.Clear();
    theme.fonts.body = add_font(regular, 20 * scale, kTextGlyphs);
    theme.fonts.bold = add_font(bold, 20 * scale, kTextGlyphs);
    theme.fonts.small = add_font(regular, 17 * scale, kTextGlyphs);
    theme.fonts.heading = add_font(bold, 26 * scale, kTextGlyphs);
    theme.fonts.large = add_font(bold, 34 * scale, kTextGlyphs);
    theme.fonts.code = add_font(bold, 72 * scale, kCodeGlyphs);
    if (!theme.fonts.body || !theme.fonts.bold || !theme.fonts.small || !theme.fonts.heading || !theme.fonts.large ||
        !theme.fonts.code) {
        return fail(ErrorCode::Internal, "", "kiosk.error.font_missing", {{"path", font_directory.string()}});
    }
    atlas.Build();
    apply_console_style(theme.palette, scale);
    return theme;
}

void record_rect(ConsoleUi& ui, const std::string& id, ui::ItemKind kind, ImVec2 min, ImVec2 max, bool enabled,
                 const std::string& parent) {
    if (ui.layout == nullptr || ui.recording_paused) {
        return;
    }
    ui::LayoutItem item;
    item.id = id;
    item.kind = kind;
    item.rect = ui::Rect{min.x, min.y, max.x - min.x, max.y - min.y};
    item.parent = parent;
    item.enabled = enabled;
    ui.layout->add(std::move(item));
}

void record_item(ConsoleUi& ui, const std::string& id, ui::ItemKind kind, bool enabled, const std::string& parent) {
    record_rect(ui, id, kind, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), enabled, parent);
}

bool action_button(ConsoleUi& ui, const char* id, std::string_view label, std::string_view shortcut, ImVec2 size,
                   bool enabled, std::string_view disabled_reason, ActionStyle style) {
    const ui::Palette& palette = ui.colors();
    ImGui::PushID(id);
    const bool pressed = ImGui::InvisibleButton("##action", size);
    const bool hovered = ImGui::IsItemHovered();
    const bool pressed_down = ImGui::IsItemActive();
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    record_rect(ui, id, ui::ItemKind::Button, min, max, enabled);

    ImU32 fill = palette.surface;
    ImU32 border = palette.primary;
    ImU32 text = palette.primary;
    if (!enabled) {
        fill = palette.disabled;
        border = palette.disabled;
        text = palette.disabled_text;
    } else if (style == ActionStyle::Primary) {
        fill = pressed_down ? palette.primary_pressed : palette.primary;
        border = fill;
        text = palette.primary_text;
    } else {
        if (style == ActionStyle::Danger) {
            border = palette.danger;
            text = palette.danger;
        }
        fill = pressed_down ? palette.pressed_surface : (hovered ? palette.selected : palette.surface);
    }
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float rounding = ui.px(8);
    draw->AddRectFilled(min, max, fill, rounding);
    draw->AddRect(min, max, border, rounding, 0, ui.px(2));

    // The key cap on the left.
    ImFont* key_font = ui.fonts().bold;
    const float pad = ui.px(12);
    float label_left = min.x + pad;
    if (!shortcut.empty()) {
        const ImVec2 key_text = key_font->CalcTextSizeA(key_font->FontSize, FLT_MAX, 0, shortcut.data(),
                                                        shortcut.data() + shortcut.size());
        const float cap_w = key_text.x + ui.px(14);
        const float cap_h = key_text.y + ui.px(6);
        const ImVec2 cap_min(min.x + pad, (min.y + max.y - cap_h) / 2);
        const ImVec2 cap_max(cap_min.x + cap_w, cap_min.y + cap_h);
        const ImU32 cap_fill = style == ActionStyle::Primary && enabled ? palette.primary_pressed : palette.key_special;
        draw->AddRectFilled(cap_min, cap_max, cap_fill, ui.px(4));
        const ImU32 cap_text = style == ActionStyle::Primary && enabled ? palette.primary_text : palette.text;
        const ImVec2 key_pos(cap_min.x + ui.px(7), cap_min.y + ui.px(3));
        draw->AddText(key_font, key_font->FontSize, key_pos, enabled ? cap_text : palette.disabled_text,
                      shortcut.data(), shortcut.data() + shortcut.size());
        record_rect(ui, std::string(id) + ".key", ui::ItemKind::Text, cap_min, cap_max, enabled, id);
        label_left = cap_max.x + ui.px(10);
    }

    // The label: bold, or the smaller font when bold does not fit on one line.
    const float available = max.x - pad - label_left;
    ImFont* font = ui.fonts().bold;
    ImVec2 label_size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.data(), label.data() + label.size());
    if (label_size.x > available) {
        font = ui.fonts().small;
        label_size = font->CalcTextSizeA(font->FontSize, FLT_MAX, available, label.data(), label.data() + label.size());
    }
    const ImVec2 label_pos(label_left, (min.y + max.y - label_size.y) / 2);
    draw->AddText(font, font->FontSize, label_pos, text, label.data(), label.data() + label.size(), available);
    record_rect(ui, std::string(id) + ".label", ui::ItemKind::Text, label_pos,
                ImVec2(label_pos.x + label_size.x, label_pos.y + label_size.y), enabled, id);

    if (!enabled && hovered && !disabled_reason.empty()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ui.px(420));
        ImGui::TextUnformatted(disabled_reason.data(), disabled_reason.data() + disabled_reason.size());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    ImGui::PopID();
    return pressed && enabled;
}

bool plain_button(ConsoleUi& ui, const char* id, std::string_view label, bool enabled,
                  std::string_view disabled_reason, ImVec2 size) {
    const std::string text = std::string(label) + "##" + id;
    ImGui::BeginDisabled(!enabled);
    const bool pressed = ImGui::Button(text.c_str(), size);
    ImGui::EndDisabled();
    record_item(ui, id, ui::ItemKind::Button, enabled);
    if (!enabled && !disabled_reason.empty() && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ui.px(420));
        ImGui::TextUnformatted(disabled_reason.data(), disabled_reason.data() + disabled_reason.size());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    return pressed && enabled;
}

ImU32 notice_color(const ConsoleUi& ui, NoticeKind kind, bool background) {
    const ui::Palette& palette = ui.colors();
    switch (kind) {
        case NoticeKind::Success:
            return background ? palette.success_background : palette.success;
        case NoticeKind::Warning:
            return background ? palette.warning_background : palette.warning;
        case NoticeKind::Error:
            return background ? palette.error_background : palette.error;
        case NoticeKind::Info:
        case NoticeKind::kCount:
            break;
    }
    return background ? palette.selected : palette.primary;
}

void notice_box(ConsoleUi& ui, const char* id, const Notice& notice) {
    const float width = ImGui::GetContentRegionAvail().x;
    const float pad = ui.px(12);
    ImFont* font = ui.fonts().body;
    const ImVec2 text_size = font->CalcTextSizeA(font->FontSize, FLT_MAX, width - 2 * pad - ui.px(6),
                                                 notice.text.data(), notice.text.data() + notice.text.size());
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + width, min.y + text_size.y + 2 * pad);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(min, max, notice_color(ui, notice.kind, true), ui.px(6));
    draw->AddRectFilled(min, ImVec2(min.x + ui.px(6), max.y), notice_color(ui, notice.kind, false), ui.px(6),
                        ImDrawFlags_RoundCornersLeft);
    const ImVec2 text_pos(min.x + pad + ui.px(6), min.y + pad);
    draw->AddText(font, font->FontSize, text_pos, ui.colors().text, notice.text.data(),
                  notice.text.data() + notice.text.size(), width - 2 * pad - ui.px(6));
    ImGui::Dummy(ImVec2(width, max.y - min.y));
    record_rect(ui, id, ui::ItemKind::Message, min, max);
    record_rect(ui, std::string(id) + ".text", ui::ItemKind::Text, text_pos,
                ImVec2(text_pos.x + text_size.x, text_pos.y + text_size.y), true, id);
}

void section_title(ConsoleUi& ui, std::string_view text) {
    ImGui::PushFont(ui.fonts().heading);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopFont();
    ImGui::Separator();
}

void label_value(ConsoleUi& ui, const char* id, std::string_view label, std::string_view value, float width) {
    const ImVec2 start = ImGui::GetCursorScreenPos();
    ImGui::PushFont(ui.fonts().small);
    ImGui::PushStyleColor(ImGuiCol_Text, color(ui.colors().text_muted));
    ImGui::TextUnformatted(label.data(), label.data() + label.size());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::PushFont(ui.fonts().bold);
    if (value.empty()) {
        ImGui::TextDisabled("–");
    } else {
        ImGui::TextUnformatted(value.data(), value.data() + value.size());
    }
    ImGui::PopFont();
    ImGui::PopTextWrapPos();
    const ImVec2 end = ImGui::GetItemRectMax();
    record_rect(ui, id, ui::ItemKind::Text, start, ImVec2(std::max(end.x, start.x + 1), end.y));
}

void wrapped_text(std::string_view text) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
}

void muted_text(ConsoleUi& ui, std::string_view text) {
    ImGui::PushStyleColor(ImGuiCol_Text, color(ui.colors().text_muted));
    wrapped_text(text);
    ImGui::PopStyleColor();
}

void draw_spinner(ConsoleUi& ui, float radius, double time_seconds, ImU32 color) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 center(pos.x + radius, pos.y + radius);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float start = static_cast<float>(std::fmod(time_seconds * 6.0, 2 * 3.14159265));
    draw->PathArcTo(center, radius - ui.px(2), start, start + 4.2f, 24);
    draw->PathStroke(color, 0, ui.px(3));
    ImGui::Dummy(ImVec2(radius * 2, radius * 2));
}

void same_row(float row_y) {
    ImGui::SameLine();
    ImGui::SetCursorPosY(row_y);
}

void field_label(ConsoleUi& ui, std::string_view label) {
    // Drawn directly rather than as an ImGui text item: a text item after SameLine takes
    // the baseline of the field before it and would sit lower than its neighbours.
    ImFont* font = ui.fonts().small;
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.data(), label.data() + label.size());
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize, ImGui::GetCursorScreenPos(), ui.colors().text_muted,
                                        label.data(), label.data() + label.size());
    ImGui::Dummy(size);
}

namespace {

void field_error(ConsoleUi& ui, const char* id, const std::optional<std::string>& error) {
    if (!error) {
        return;
    }
    ImGui::PushFont(ui.fonts().small);
    ImGui::PushStyleColor(ImGuiCol_Text, color(ui.colors().error));
    wrapped_text(*error);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    record_item(ui, std::string(id) + ".error", ui::ItemKind::Text);
}

}  // namespace

bool text_input(ConsoleUi& ui, const char* id, std::string_view label, std::string& value, float width,
                ImGuiInputTextFlags flags, const std::optional<std::string>& error) {
    ImGui::BeginGroup();
    field_label(ui, label);
    ImGui::SetNextItemWidth(width);
    if (error) {
        ImGui::PushStyleColor(ImGuiCol_Border, color(ui.colors().error));
    }
    const std::string imgui_id = std::string("##") + id;
    const bool changed = ImGui::InputText(imgui_id.c_str(), &value, flags);
    if (error) {
        ImGui::PopStyleColor();
    }
    record_item(ui, id, ui::ItemKind::Field);
    field_error(ui, id, error);
    ImGui::EndGroup();
    return changed;
}

bool multiline_input(ConsoleUi& ui, const char* id, std::string_view label, std::string& value, ImVec2 size,
                     const std::optional<std::string>& error) {
    ImGui::BeginGroup();
    field_label(ui, label);
    const std::string imgui_id = std::string("##") + id;
    const bool changed = ImGui::InputTextMultiline(imgui_id.c_str(), &value, size);
    record_item(ui, id, ui::ItemKind::Field);
    field_error(ui, id, error);
    ImGui::EndGroup();
    return changed;
}

bool begin_dialog(ConsoleUi& ui, const char* id, std::string_view title, float width, bool open_requested) {
    if (!open_requested) {
        // A popup that is no longer drawn would stay open and keep blocking the screen.
        if (ImGui::IsPopupOpen(id) && ImGui::BeginPopupModal(id)) {
            ImGui::CloseCurrentPopup();
            ImGui::EndPopup();
        }
        return false;
    }
    if (!ImGui::IsPopupOpen(id)) {
        ImGui::OpenPopup(id);
    }
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x / 2, display.y / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, display.y - ui.px(40)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ui.px(24), ui.px(20)));
    const bool open = ImGui::BeginPopupModal(id, nullptr,
                                             ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove |
                                                 ImGuiWindowFlags_NoSavedSettings |
                                                 ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::PopStyleVar();
    if (!open) {
        return false;
    }
    if (ImGui::IsWindowAppearing()) {
        ui.recording_paused = true;
    }
    record_rect(ui, id, ui::ItemKind::Panel, ImGui::GetWindowPos(),
                ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowSize().x,
                       ImGui::GetWindowPos().y + ImGui::GetWindowSize().y));
    section_title(ui, title);
    return true;
}

bool begin_combo(ConsoleUi& ui, const char* imgui_id, const char* preview) {
    if (!ImGui::BeginCombo(imgui_id, preview)) {
        return false;
    }
    ui.recording_paused_outside_combo = ui.recording_paused;
    if (ImGui::IsWindowAppearing()) {
        ui.recording_paused = true;
    }
    return true;
}

void end_combo(ConsoleUi& ui) {
    ImGui::EndCombo();
    ui.recording_paused = ui.recording_paused_outside_combo;
}

void end_dialog() {
    ImGui::EndPopup();
}

}  // namespace antrean::console
