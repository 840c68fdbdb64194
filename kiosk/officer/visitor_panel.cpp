#include "console/console_text.hpp"
#include "officer/officer_panels.hpp"

namespace antrean::officer {
namespace {

using console::ConsoleUi;

void draw_state_badge(ConsoleUi& ui, const std::string& text, console::NoticeKind kind) {
    ImFont* font = ui.fonts().bold;
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, 10000, 0, text.c_str());
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 max(pos.x + size.x + ui.px(24), pos.y + size.y + ui.px(10));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(pos, max, console::notice_color(ui, kind, true), ui.px(16));
    draw->AddText(font, font->FontSize, ImVec2(pos.x + ui.px(12), pos.y + ui.px(5)),
                  console::notice_color(ui, kind, false), text.c_str());
    ImGui::Dummy(ImVec2(max.x - pos.x, max.y - pos.y));
    console::record_item(ui, "visitor.state", ui::ItemKind::Text, true, "officer.visitor");
}

void draw_empty_desk(ConsoleUi& ui, const console::StaffSession& session) {
    const console::StaffAccount* me = session.me();
    ImGui::Dummy(ImVec2(0, ui.px(24)));
    ImGui::PushFont(ui.fonts().heading);
    console::wrapped_text(ui.tr("console.officer.no_visitor"));
    ImGui::PopFont();
    console::record_item(ui, "visitor.empty", ui::ItemKind::Text, true, "officer.visitor");
    if (me != nullptr && me->status == OfficerStatus::Paused) {
        const std::string reason = me->status_reason.empty() ? "–" : me->status_reason;
        console::muted_text(ui, ui.tr("console.officer.paused_hint", {{"reason", reason}}));
    } else {
        console::muted_text(ui, ui.tr("console.officer.call_hint"));
    }
    console::record_item(ui, "visitor.hint", ui::ItemKind::Text, true, "officer.visitor");
}

std::string identity_number(ConsoleUi& ui, const Visitor& visitor) {
    if (!visitor.nik.empty()) {
        return visitor.nik;
    }
    if (!visitor.passport.empty()) {
        return ui.tr("console.visitor.passport", {{"number", visitor.passport}});
    }
    return {};
}

}  // namespace

void draw_visitor_panel(ConsoleUi& ui, const console::StaffSession& session, const StaffTicket* ticket,
                        const std::optional<console::Notice>& notice) {
    const Catalog& catalog = session.catalog();
    const console::ConsoleConfig* config = session.config() ? &*session.config() : nullptr;
    const OfficeTime* office = session.office_time();
    const std::string zone = config != nullptr ? config->zone_label : "";
    console::record_rect(ui, "officer.visitor", ui::ItemKind::Panel, ImGui::GetWindowPos(),
                         ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowSize().x,
                                ImGui::GetWindowPos().y + ImGui::GetWindowSize().y));
    console::section_title(ui, ui.tr("console.officer.current_visitor"));

    if (notice) {
        console::notice_box(ui, "officer.notice", *notice);
        ImGui::Spacing();
    }
    if (ticket == nullptr) {
        draw_empty_desk(ui, session);
        return;
    }

    // The code, large, with its state and how often it was called.
    ImGui::PushFont(ui.fonts().code);
    ImGui::TextUnformatted(ticket->code.c_str());
    ImGui::PopFont();
    console::record_item(ui, "visitor.code", ui::ItemKind::Text, true, "officer.visitor");
    ImGui::SameLine(0, ui.px(24));
    ImGui::BeginGroup();
    ImGui::Dummy(ImVec2(0, ui.px(12)));
    const bool serving = ticket->state == TicketState::Serving;
    draw_state_badge(ui, console::state_text(catalog, ui.language, ticket->state),
                     serving ? console::NoticeKind::Success : console::NoticeKind::Info);
    if (ticket->recall_count > 0) {
        console::muted_text(ui, ui.tr("console.visitor.recalled", {{"count", std::to_string(ticket->recall_count)}}));
    }
    if (ticket->priority == Priority::Priority) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ui.colors().warning));
        ImGui::TextUnformatted(ui.tr("console.priority.priority").c_str());
        ImGui::PopStyleColor();
    }
    ImGui::EndGroup();

    // Identity and request in two columns.
    const float column = (ImGui::GetContentRegionAvail().x - ui.px(24)) / 2;
    const TimestampMs now = session.now();
    std::string waited = console::duration_text(catalog, ui.language, ticket->waited_minutes(now));
    if (office != nullptr) {
        waited = ui.tr("console.visitor.waited_since",
                       {{"duration", waited},
                        {"time", console::clock_text(catalog, ui.language, *office, ticket->queued_at, zone)}});
    }
    std::string appointment = ui.tr("console.visitor.walk_in");
    if (ticket->appointment_starts_at && office != nullptr) {
        appointment = ui.tr("console.visitor.appointment_at",
                            {{"time", console::clock_text(catalog, ui.language, *office,
                                                          *ticket->appointment_starts_at, zone)}});
    }

    if (ImGui::BeginTable("visitor.fields", 2, ImGuiTableFlags_SizingStretchSame)) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        console::label_value(ui, "visitor.name", ui.tr("console.visitor.name"), ticket->visitor.name, column);
        ImGui::TableNextColumn();
        console::label_value(ui, "visitor.area", ui.tr("console.visitor.area"),
                             console::area_text(config, ui.language, ticket->area), column);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        console::label_value(ui, "visitor.phone", ui.tr("console.visitor.phone"), ticket->visitor.phone, column);
        ImGui::TableNextColumn();
        console::label_value(ui, "visitor.purpose", ui.tr("console.visitor.purpose"),
                             console::purpose_text(config, catalog, ui.language, ticket->purpose), column);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        console::label_value(ui, "visitor.nik", ui.tr("console.visitor.nik"), identity_number(ui, ticket->visitor),
                             column);
        ImGui::TableNextColumn();
        console::label_value(ui, "visitor.waited", ui.tr("console.visitor.waited"), waited, column);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        std::string contact = ticket->visitor.email;
        if (!ticket->visitor.institution.empty()) {
            contact += contact.empty() ? ticket->visitor.institution : " · " + ticket->visitor.institution;
        }
        console::label_value(ui, "visitor.contact", ui.tr("console.visitor.contact"), contact, column);
        ImGui::TableNextColumn();
        console::label_value(ui, "visitor.appointment", ui.tr("console.visitor.appointment"), appointment, column);
        ImGui::EndTable();
    }

    const float full = ImGui::GetContentRegionAvail().x;
    console::label_value(ui, "visitor.summary", ui.tr("console.visitor.summary"), ticket->summary, full);
    ImGui::Spacing();
    if (!ticket->selection_message.empty()) {
        console::notice_box(ui, "visitor.selection",
                            console::Notice{console::NoticeKind::Info,
                                            ui.tr("console.visitor.selection", {{"reason", ticket->selection_message}})});
    }
}

}  // namespace antrean::officer
