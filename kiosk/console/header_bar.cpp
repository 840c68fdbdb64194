#include "console/header_bar.hpp"

#include "console/console_text.hpp"

namespace antrean::console {
namespace {

bool language_toggle(ConsoleUi& ui, const char* id, const char* label, bool selected) {
    const ui::Palette& palette = ui.colors();
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(selected ? palette.surface : palette.header));
    ImGui::PushStyleColor(ImGuiCol_Text,
                          ImGui::ColorConvertU32ToFloat4(selected ? palette.header : palette.header_text));
    ImGui::PushStyleColor(ImGuiCol_Border, ImGui::ColorConvertU32ToFloat4(palette.header_text));
    const bool pressed = plain_button(ui, id, label);
    ImGui::PopStyleColor(3);
    return pressed && !selected;
}

}  // namespace

HeaderIntent draw_header_bar(ConsoleUi& ui, const StaffSession& session, std::string_view title,
                             std::string_view status, NoticeKind status_kind) {
    const ui::Palette& palette = ui.colors();
    HeaderIntent intent = HeaderIntent::None;
    const float height = ui.px(64);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), palette.header);

    // Left: the console's name and the office.
    ImGui::SetCursorScreenPos(ImVec2(origin.x + ui.px(16), origin.y + (height - ui.fonts().heading->FontSize) / 2));
    ImGui::BeginGroup();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(palette.header_text));
    ImGui::PushFont(ui.fonts().heading);
    ImGui::TextUnformatted(title.data(), title.data() + title.size());
    ImGui::PopFont();
    ImGui::PopStyleColor();
    ImGui::EndGroup();
    record_item(ui, "header.title", ui::ItemKind::Text);

    // Middle: who is logged in where, and their status.
    if (const StaffAccount* me = session.me()) {
        std::string who = me->name.empty() ? me->username : me->name;
        if (me->desk && session.config()) {
            const DeskInfo* desk = session.config()->find_desk(*me->desk);
            who += "  ·  " + (desk != nullptr ? desk->name : *me->desk);
        }
        ImGui::SetCursorScreenPos(ImVec2(origin.x + width * 0.36f, origin.y + (height - ImGui::GetFontSize()) / 2));
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(palette.header_text));
        ImGui::PushFont(ui.fonts().bold);
        ImGui::TextUnformatted(who.c_str());
        ImGui::PopFont();
        ImGui::PopStyleColor();
        record_item(ui, "header.user", ui::ItemKind::Text);
        if (!status.empty()) {
            ImGui::SameLine(0, ui.px(14));
            const ImVec2 pos = ImGui::GetCursorScreenPos();
            ImFont* font = ui.fonts().small;
            const ImVec2 size = font->CalcTextSizeA(font->FontSize, 10000, 0, status.data(), status.data() + status.size());
            const ImVec2 badge_min(pos.x, pos.y - ui.px(2));
            const ImVec2 badge_max(pos.x + size.x + ui.px(16), pos.y + size.y + ui.px(4));
            draw->AddRectFilled(badge_min, badge_max, notice_color(ui, status_kind, true), ui.px(10));
            draw->AddText(font, font->FontSize, ImVec2(pos.x + ui.px(8), pos.y), notice_color(ui, status_kind, false),
                          status.data(), status.data() + status.size());
            ImGui::Dummy(ImVec2(badge_max.x - badge_min.x, size.y));
            record_rect(ui, "header.status", ui::ItemKind::Text, badge_min, badge_max);
        }
    }

    // Right: connection, progress, language and logout, laid out from the right edge.
    const bool logged_in = session.phase() == SessionPhase::LoggedIn;
    const std::string logout = ui.tr("console.action.logout");
    const float logout_width = ImGui::CalcTextSize(logout.c_str()).x + 2 * ImGui::GetStyle().FramePadding.x;
    const float language_width = ui.px(52);
    float right = origin.x + width - ui.px(16);
    const float button_y = origin.y + (height - ImGui::GetFrameHeight()) / 2;
    if (logged_in) {
        right -= logout_width;
        ImGui::SetCursorScreenPos(ImVec2(right, button_y));
        if (plain_button(ui, "header.logout", logout)) {
            intent = HeaderIntent::Logout;
        }
        right -= ui.px(24);
    }
    right -= 2 * language_width + ui.px(6);
    ImGui::SetCursorScreenPos(ImVec2(right, button_y));
    if (language_toggle(ui, "header.language.id", "ID", ui.language == Language::Indonesian)) {
        intent = HeaderIntent::Indonesian;
    }
    ImGui::SameLine(0, ui.px(6));
    if (language_toggle(ui, "header.language.en", "EN", ui.language == Language::English)) {
        intent = HeaderIntent::English;
    }

    const bool online = session.config().has_value() && (!logged_in || session.connected());
    const std::string connection = ui.tr(online ? "console.connection.online" : "console.connection.offline");
    const float connection_width = ImGui::CalcTextSize(connection.c_str()).x + ui.px(22);
    right -= ui.px(24) + connection_width;
    const ImVec2 dot(right + ui.px(6), origin.y + height / 2);
    draw->AddCircleFilled(dot, ui.px(6), online ? IM_COL32(0x4C, 0xC2, 0x6E, 0xFF) : IM_COL32(0xF2, 0xA9, 0x3B, 0xFF));
    ImGui::SetCursorScreenPos(ImVec2(right + ui.px(20), origin.y + (height - ImGui::GetFontSize()) / 2));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(palette.header_text));
    ImGui::TextUnformatted(connection.c_str());
    ImGui::PopStyleColor();
    // Enabled while online, so a test can tell from the layout dump when the console reconnects.
    record_item(ui, "header.connection", ui::ItemKind::Text, online);

    if (session.busy()) {
        const float radius = ui.px(11);
        ImGui::SetCursorScreenPos(ImVec2(right - ui.px(14) - 2 * radius, origin.y + height / 2 - radius));
        draw_spinner(ui, radius, ImGui::GetTime(), palette.header_text);
    }

    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + height));
    ImGui::Dummy(ImVec2(width, 0));
    return intent;
}

void apply_header_intent(StaffSession& session, HeaderIntent intent) {
    switch (intent) {
        case HeaderIntent::Indonesian:
            session.set_language(Language::Indonesian);
            break;
        case HeaderIntent::English:
            session.set_language(Language::English);
            break;
        case HeaderIntent::Logout:
            session.logout();
            break;
        case HeaderIntent::None:
            break;
    }
}

}  // namespace antrean::console
