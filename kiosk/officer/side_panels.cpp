#include <algorithm>

#include "console/console_text.hpp"
#include "officer/officer_panels.hpp"

namespace antrean::officer {
namespace {

using console::ConsoleUi;

void begin_panel(ConsoleUi& ui, const char* id, float height) {
    ImGui::BeginChild(id, ImVec2(0, height), true, ImGuiWindowFlags_AlwaysUseWindowPadding);
    console::record_rect(ui, id, ui::ItemKind::Panel, ImGui::GetWindowPos(),
                         ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowSize().x,
                                ImGui::GetWindowPos().y + ImGui::GetWindowSize().y));
}

void big_number(ConsoleUi& ui, const char* id, const std::string& value, const std::string& caption) {
    ImGui::PushFont(ui.fonts().large);
    ImGui::TextUnformatted(value.c_str());
    ImGui::PopFont();
    console::record_item(ui, id, ui::ItemKind::Text);
    ImGui::SameLine(0, ui.px(12));
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ui.px(10));
    console::muted_text(ui, caption);
}

void draw_waiting_panel(ConsoleUi& ui, const console::StaffSession& session, float height) {
    const console::StaffAccount& me = *session.me();
    const console::ConsoleConfig* config = session.config() ? &*session.config() : nullptr;
    const Catalog& catalog = session.catalog();
    const TimestampMs now = session.now();
    const std::vector<const StaffTicket*> waiting = OfficerDesk::matching_waiting(session.queue(), me);

    begin_panel(ui, "officer.waiting", height);
    console::section_title(ui, ui.tr("console.officer.waiting_title"));
    big_number(ui, "waiting.count", std::to_string(waiting.size()), ui.tr("console.officer.waiting_caption"));
    if (!waiting.empty()) {
        const StaffTicket* longest = *std::max_element(
            waiting.begin(), waiting.end(),
            [now](const StaffTicket* a, const StaffTicket* b) { return a->waited_minutes(now) < b->waited_minutes(now); });
        console::muted_text(ui, ui.tr("console.officer.longest_wait",
                                      {{"duration", console::duration_text(catalog, ui.language,
                                                                           longest->waited_minutes(now))},
                                       {"code", longest->code}}));
        console::record_item(ui, "waiting.longest", ui::ItemKind::Text);
    }
    if (ImGui::BeginTable("waiting.list", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY,
                          ImVec2(0, ImGui::GetContentRegionAvail().y))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(ui.tr("console.column.code").c_str(), ImGuiTableColumnFlags_WidthFixed, ui.px(80));
        ImGui::TableSetupColumn(ui.tr("console.column.area").c_str(), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(ui.tr("console.column.purpose").c_str(), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(ui.tr("console.column.waited").c_str(), ImGuiTableColumnFlags_WidthFixed, ui.px(110));
        ImGui::TableHeadersRow();
        for (const StaffTicket* ticket : waiting) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (ticket->priority == Priority::Priority) {
                ImGui::PushFont(ui.fonts().bold);
            }
            ImGui::TextUnformatted(ticket->code.c_str());
            if (ticket->priority == Priority::Priority) {
                ImGui::PopFont();
            }
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(console::area_short_text(config, ui.language, ticket->area).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(console::purpose_text(config, catalog, ui.language, ticket->purpose).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(console::duration_text(catalog, ui.language, ticket->waited_minutes(now)).c_str());
        }
        ImGui::EndTable();
    }
    ImGui::EndChild();
}

void draw_appointments_panel(ConsoleUi& ui, const console::StaffSession& session,
                             const std::vector<console::AppointmentRecord>& appointments, float height) {
    const console::StaffAccount& me = *session.me();
    const console::ConsoleConfig* config = session.config() ? &*session.config() : nullptr;
    const OfficeTime* office = session.office_time();
    const Catalog& catalog = session.catalog();

    begin_panel(ui, "officer.appointments", height);
    console::section_title(ui, ui.tr("console.officer.appointments_title"));
    std::vector<const console::AppointmentRecord*> mine;
    for (const console::AppointmentRecord& appointment : appointments) {
        if (appointment.officer_id == me.id) {
            mine.push_back(&appointment);
        }
    }
    if (mine.empty()) {
        console::muted_text(ui, ui.tr("console.officer.no_appointments"));
        console::record_item(ui, "appointments.empty", ui::ItemKind::Text);
    } else if (ImGui::BeginTable("appointments.list", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY,
                                 ImVec2(0, ImGui::GetContentRegionAvail().y))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(ui.tr("console.column.time").c_str(), ImGuiTableColumnFlags_WidthFixed, ui.px(70));
        ImGui::TableSetupColumn(ui.tr("console.column.name").c_str(), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(ui.tr("console.column.area").c_str(), ImGuiTableColumnFlags_WidthFixed, ui.px(70));
        ImGui::TableSetupColumn(ui.tr("console.column.status").c_str(), ImGuiTableColumnFlags_WidthFixed,
                                ui.px(130));
        ImGui::TableHeadersRow();
        for (const console::AppointmentRecord* appointment : mine) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (office != nullptr) {
                ImGui::TextUnformatted(console::clock_text(catalog, ui.language, *office, appointment->starts_at).c_str());
            }
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(appointment->visitor.name.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(console::area_short_text(config, ui.language, appointment->area).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(console::appointment_status_text(catalog, ui.language, appointment->status).c_str());
        }
        ImGui::EndTable();
    }
    ImGui::EndChild();
}

}  // namespace

void draw_side_panels(ConsoleUi& ui, const console::StaffSession& session,
                      const std::vector<console::AppointmentRecord>& appointments) {
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const float total = ImGui::GetContentRegionAvail().y;
    const float served_height = ui.px(120);
    const float rest = total - served_height - 2 * spacing;
    draw_waiting_panel(ui, session, rest * 0.55f);
    draw_appointments_panel(ui, session, appointments, rest * 0.45f);

    begin_panel(ui, "officer.served", served_height);
    console::section_title(ui, ui.tr("console.officer.served_title"));
    const int served = OfficerDesk::served_today(session.queue(), session.me()->id);
    big_number(ui, "served.count", std::to_string(served), ui.tr("console.officer.served_caption"));
    ImGui::EndChild();
}

}  // namespace antrean::officer
