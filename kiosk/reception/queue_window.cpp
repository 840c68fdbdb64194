#include <SFML/Window/Keyboard.hpp>
#include <algorithm>

#include <imgui.h>
#include <imgui_internal.h>

#include "console/console_text.hpp"
#include "reception/reception_panels.hpp"

namespace antrean::reception {
namespace {

// Relative column widths: names, purposes and NIKs need more room than codes and desks.
constexpr std::array<float, static_cast<size_t>(QueueColumn::kCount)> kColumnWeights{
    0.7f, 1.1f, 0.7f, 1.5f, 0.8f, 0.9f, 1.2f, 0.7f, 1.6f, 1.3f, 1.5f};

constexpr ImGuiTableFlags kTableFlags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders |
                                        ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
                                        ImGuiTableFlags_SizingStretchProp;

void draw_filters(ConsoleUi& ui, const StaffSession& session, QueueView& view, size_t shown) {
    const console::ConsoleConfig* config = session.config() ? &*session.config() : nullptr;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(ui.tr("console.queue.filter_state").c_str());
    ImGui::SameLine();
    // Wide enough for the longest choice, so no filter name is cut off.
    float state_width = 0;
    for (const char* name : state_filter_names) {
        state_width = std::max(state_width,
                               ImGui::CalcTextSize(ui.tr(std::string("console.queue.state_filter.") + name).c_str()).x);
    }
    ImGui::SetNextItemWidth(state_width + ImGui::GetFrameHeight() + 2 * ImGui::GetStyle().FramePadding.x);
    const std::string state_key =
        std::string("console.queue.state_filter.") + state_filter_names.at(static_cast<size_t>(view.state_filter));
    if (console::begin_combo(ui, "##queue.state", ui.tr(state_key).c_str())) {
        for (size_t i = 0; i < static_cast<size_t>(StateFilter::kCount); ++i) {
            const auto filter = static_cast<StateFilter>(i);
            const std::string label = ui.tr(std::string("console.queue.state_filter.") + state_filter_names.at(i));
            if (ImGui::Selectable(label.c_str(), view.state_filter == filter)) {
                view.state_filter = filter;
            }
            console::record_item(ui, std::string("queue.state.") + state_filter_names.at(i), ui::ItemKind::Button);
        }
        console::end_combo(ui);
    }
    console::record_item(ui, "queue.state", ui::ItemKind::Field);

    ImGui::SameLine(0, ui.px(24));
    ImGui::TextUnformatted(ui.tr("console.queue.filter_area").c_str());
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ui.px(380));
    const std::string area_preview =
        view.area_filter ? console::area_text(config, ui.language, *view.area_filter) : ui.tr("console.queue.all_areas");
    if (console::begin_combo(ui, "##queue.area", area_preview.c_str())) {
        if (ImGui::Selectable(ui.tr("console.queue.all_areas").c_str(), !view.area_filter)) {
            view.area_filter.reset();
        }
        if (config != nullptr) {
            for (const console::AreaInfo& area : config->areas) {
                if (ImGui::Selectable((area.name.in(ui.language) + "##" + area.id).c_str(), view.area_filter == area.id)) {
                    view.area_filter = area.id;
                }
                console::record_item(ui, "queue.area." + area.id, ui::ItemKind::Button);
            }
        }
        console::end_combo(ui);
    }
    console::record_item(ui, "queue.area", ui::ItemKind::Field);
    ImGui::SameLine(0, ui.px(24));
    console::muted_text(ui, ui.tr("console.queue.count", {{"count", std::to_string(shown)}}));
}

// Applies a click on a header to the view's order. Without a click the headers follow
// the view, because sample screens and a new session set the order without one.
void sync_sort_specs(QueueView& view) {
    ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    if (specs == nullptr) {
        return;
    }
    if (specs->SpecsDirty && specs->SpecsCount > 0) {
        view.sort_column = static_cast<QueueColumn>(specs->Specs[0].ColumnUserID);
        view.ascending = specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
        specs->SpecsDirty = false;
        return;
    }
    const ImGuiSortDirection expected = view.ascending ? ImGuiSortDirection_Ascending : ImGuiSortDirection_Descending;
    if (specs->SpecsCount == 0 || specs->Specs[0].ColumnUserID != static_cast<ImGuiID>(view.sort_column) ||
        specs->Specs[0].SortDirection != expected) {
        ImGui::TableSetColumnSortDirection(static_cast<int>(view.sort_column), expected, false);
    }
}

void draw_row(ConsoleUi& ui, const StaffSession& session, QueueView& view, const StaffTicket& ticket) {
    const console::ConsoleConfig* config = session.config() ? &*session.config() : nullptr;
    const Catalog& catalog = session.catalog();
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const bool selected = view.selected == ticket.id;
    const std::string label = ticket.code + "##row" + std::to_string(ticket.id);
    if (ImGui::Selectable(label.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns)) {
        view.selected = ticket.id;
    }
    console::record_item(ui, "queue.row." + ticket.code, ui::ItemKind::Button);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(console::state_text(catalog, ui.language, ticket.state).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(console::area_short_text(config, ui.language, ticket.area).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(console::purpose_text(config, catalog, ui.language, ticket.purpose).c_str());
    ImGui::TableNextColumn();
    if (ticket.priority == Priority::Priority) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ui.colors().warning));
        ImGui::TextUnformatted(console::priority_text(catalog, ui.language, ticket.priority).c_str());
        ImGui::PopStyleColor();
    }
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(console::duration_text(catalog, ui.language, ticket.waited_minutes(session.now())).c_str());
    ImGui::TableNextColumn();
    const OfficerId officer = ticket.officer_id.value_or(ticket.assigned_officer_id.value_or(0));
    if (const console::StaffAccount* account = session.find_staff(officer)) {
        ImGui::TextUnformatted(account->name.c_str());
    }
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(ticket.desk_name.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(ticket.visitor.name.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(ticket.visitor.phone.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(ticket.visitor.nik.c_str());
}

void draw_details(ConsoleUi& ui, const StaffSession& session, const StaffTicket* ticket, float width) {
    ImGui::BeginChild("queue.details", ImVec2(width, 0), true, ImGuiWindowFlags_AlwaysUseWindowPadding);
    console::record_rect(ui, "queue.details", ui::ItemKind::Panel, ImGui::GetWindowPos(),
                         ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowSize().x,
                                ImGui::GetWindowPos().y + ImGui::GetWindowSize().y));
    if (ticket == nullptr) {
        console::muted_text(ui, ui.tr("console.queue.select_hint"));
        console::record_item(ui, "queue.details.hint", ui::ItemKind::Text, true, "queue.details");
        ImGui::EndChild();
        return;
    }
    const console::ConsoleConfig* config = session.config() ? &*session.config() : nullptr;
    const Catalog& catalog = session.catalog();
    ImGui::PushFont(ui.fonts().heading);
    ImGui::TextUnformatted(ticket->code.c_str());
    ImGui::PopFont();
    ImGui::SameLine(0, ui.px(16));
    ImGui::TextUnformatted(ticket->visitor.name.c_str());
    std::string line = ticket->visitor.phone;
    if (!ticket->visitor.nik.empty()) {
        line += "  ·  NIK " + ticket->visitor.nik;
    }
    if (!ticket->visitor.email.empty()) {
        line += "  ·  " + ticket->visitor.email;
    }
    console::muted_text(ui, line);
    console::muted_text(ui, console::area_text(config, ui.language, ticket->area) + "  ·  " +
                                console::purpose_text(config, catalog, ui.language, ticket->purpose) + "  ·  " +
                                ui.tr(ticket->consent_by == ConsentBy::Receptionist ? "console.queue.consent_oral"
                                                                                     : "console.queue.consent_kiosk"));
    if (!ticket->summary.empty()) {
        console::wrapped_text(ticket->summary);
    }
    if (!ticket->cancel_reason.empty()) {
        console::muted_text(ui, ui.tr("console.queue.cancel_reason", {{"reason", ticket->cancel_reason}}));
    }
    console::record_item(ui, "queue.details.text", ui::ItemKind::Text, true, "queue.details");
    ImGui::EndChild();
}

}  // namespace

std::optional<ReceptionAction> draw_queue_window(ConsoleUi& ui, const StaffSession& session, QueueView& view,
                                                 bool action_in_flight) {
    const auto officer_name = [&session](OfficerId id) {
        const console::StaffAccount* account = session.find_staff(id);
        return account != nullptr ? account->name : std::string();
    };
    std::vector<const StaffTicket*> rows = view.rows(session.queue(), session.now(), officer_name);
    draw_filters(ui, session, view, rows.size());

    // Up and Down move the selection while no text field has the keyboard.
    if (ui.shortcuts && !ImGui::GetIO().WantTextInput) {
        if (ImGui::IsKeyPressed(sf::Keyboard::Down)) {
            view.move_selection(rows, 1);
        } else if (ImGui::IsKeyPressed(sf::Keyboard::Up)) {
            view.move_selection(rows, -1);
        }
    }

    const float bottom_height = ui.px(170);
    if (ImGui::BeginTable("queue.table", static_cast<int>(QueueColumn::kCount), kTableFlags,
                          ImVec2(0, ImGui::GetContentRegionAvail().y - bottom_height))) {
        ImGui::TableSetupScrollFreeze(1, 1);
        for (size_t i = 0; i < static_cast<size_t>(QueueColumn::kCount); ++i) {
            const auto column = static_cast<QueueColumn>(i);
            ImGuiTableColumnFlags flags = 0;
            if (column == view.sort_column) {
                flags |= ImGuiTableColumnFlags_DefaultSort |
                         (view.ascending ? ImGuiTableColumnFlags_PreferSortAscending
                                         : ImGuiTableColumnFlags_PreferSortDescending);
            }
            const float weight = kColumnWeights.at(i);
            const std::string header = ui.tr(std::string("console.column.") + queue_column_names.at(i));
            ImGui::TableSetupColumn(header.c_str(), flags, weight, static_cast<ImGuiID>(i));
        }
        ImGui::TableHeadersRow();
        sync_sort_specs(view);
        for (const StaffTicket* ticket : rows) {
            draw_row(ui, session, view, *ticket);
        }
        ImGui::EndTable();
    }
    console::record_item(ui, "queue.table", ui::ItemKind::Panel);

    const StaffTicket* selected = view.selected_ticket(session.queue());
    ImGui::Spacing();
    const float buttons_width = ui.px(640);
    draw_details(ui, session, selected, ImGui::GetContentRegionAvail().x - buttons_width - ui.px(12));
    ImGui::SameLine(0, ui.px(12));
    ImGui::BeginGroup();
    std::optional<ReceptionAction> clicked;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const ImVec2 size((buttons_width - spacing) / 2, (bottom_height - ui.px(24)) / 2);
    for (size_t i = 0; i < static_cast<size_t>(ReceptionAction::kCount); ++i) {
        const auto action = static_cast<ReceptionAction>(i);
        ActionState state = reception_action_state(action, selected);
        if (action_in_flight && state.enabled) {
            state = {false, "console.officer.reason.in_flight"};
        }
        std::string label_key = std::string("console.reception.action.") + reception_action_names.at(i);
        if (action == ReceptionAction::TogglePriority && selected != nullptr &&
            selected->priority == Priority::Priority) {
            label_key = "console.reception.action.priority_off";
        }
        if (i % 2 != 0) {
            ImGui::SameLine();
        }
        const std::string id = std::string("queue.action.") + reception_action_names.at(i);
        const std::string reason = state.reason_key.empty() ? std::string() : ui.tr(state.reason_key);
        if (console::action_button(ui, id.c_str(), ui.tr(label_key), "F" + std::to_string(i + 5), size, state.enabled,
                                   reason, action == ReceptionAction::Cancel ? console::ActionStyle::Danger
                                                                             : console::ActionStyle::Normal)) {
            clicked = action;
        }
    }
    ImGui::EndGroup();
    return clicked;
}

}  // namespace antrean::reception
