#include <fmt/format.h>

#include "console/bar_chart.hpp"
#include "console/console_text.hpp"
#include "reception/reception_panels.hpp"

namespace antrean::reception {
namespace {

constexpr ImU32 kWaitingColor = IM_COL32(0xE0, 0x8E, 0x0B, 0xFF);
constexpr ImU32 kServedColor = IM_COL32(0x1B, 0x6E, 0x31, 0xFF);
constexpr ImU32 kNoShowColor = IM_COL32(0xA8, 0x00, 0x1D, 0xFF);
constexpr ImU32 kAverageColor = IM_COL32(0x0A, 0x4D, 0x8C, 0xFF);
constexpr ImU32 kLongestColor = IM_COL32(0x7F, 0xA7, 0xD3, 0xFF);

// A card with a caption, a large value and a line below.
void figure_card(ConsoleUi& ui, const char* id, const std::string& caption, const std::string& value,
                 const std::string& note, ImVec2 size) {
    ImGui::BeginChild(id, size, true, ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoScrollbar);
    console::record_rect(ui, id, ui::ItemKind::Panel, ImGui::GetWindowPos(),
                         ImVec2(ImGui::GetWindowPos().x + size.x, ImGui::GetWindowPos().y + size.y));
    console::muted_text(ui, caption);
    ImGui::PushFont(ui.fonts().large);
    ImGui::TextUnformatted(value.c_str());
    ImGui::PopFont();
    console::record_item(ui, std::string(id) + ".value", ui::ItemKind::Text, true, id);
    if (!note.empty()) {
        ImGui::PushFont(ui.fonts().small);
        console::muted_text(ui, note);
        ImGui::PopFont();
    }
    ImGui::EndChild();
}

std::string ikm_value(const console::IkmSummary& ikm) {
    return ikm.index ? fmt::format("{:.2f}", *ikm.index) : "–";
}

std::string ikm_value(const std::optional<console::IkmSummary>& ikm) {
    return ikm ? ikm_value(*ikm) : "–";
}

std::string ikm_note(ConsoleUi& ui, const std::optional<console::IkmSummary>& ikm) {
    if (!ikm) {
        return ui.tr("console.summary.loading");
    }
    if (!ikm->index) {
        return ui.tr("console.summary.ikm_none");
    }
    return ui.tr("console.summary.ikm_note", {{"letter", ikm->category_letter},
                                              {"category", ikm->category_name.in(ui.language)},
                                              {"responses", std::to_string(ikm->responses)}});
}

}  // namespace

void draw_summary_window(ConsoleUi& ui, const StaffSession& session, const ReportsState& reports) {
    const console::ConsoleConfig* config = session.config() ? &*session.config() : nullptr;
    const Catalog& catalog = session.catalog();
    std::vector<AreaId> order;
    if (config != nullptr) {
        for (const console::AreaInfo& area : config->areas) {
            order.push_back(area.id);
        }
    }
    const DaySummary summary = DaySummary::compute(session.queue(), session.now(), order);

    // The figures of the day in a row of cards.
    constexpr int kCards = 7;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const ImVec2 card((ImGui::GetContentRegionAvail().x - spacing * (kCards - 1)) / kCards, ui.px(150));
    figure_card(ui, "summary.waiting", ui.tr("console.summary.waiting"), std::to_string(summary.total.waiting),
                ui.tr("console.summary.in_service", {{"count", std::to_string(summary.total.in_service)}}), card);
    ImGui::SameLine();
    figure_card(ui, "summary.served", ui.tr("console.summary.served"), std::to_string(summary.total.served),
                reports.daily ? ui.tr("console.summary.outcomes",
                                      {{"answered", std::to_string(reports.daily->by_outcome.count("answered")
                                                                       ? reports.daily->by_outcome.at("answered")
                                                                       : 0)},
                                       {"referred", std::to_string(reports.daily->by_outcome.count("referred")
                                                                       ? reports.daily->by_outcome.at("referred")
                                                                       : 0)}})
                              : "",
                card);
    ImGui::SameLine();
    figure_card(ui, "summary.average", ui.tr("console.summary.average_wait"),
                console::duration_text(catalog, ui.language, summary.total.average_wait_minutes()),
                ui.tr("console.summary.average_note", {{"count", std::to_string(summary.total.called_count)}}), card);
    ImGui::SameLine();
    figure_card(ui, "summary.longest", ui.tr("console.summary.longest_wait"),
                console::duration_text(catalog, ui.language, summary.total.longest_wait_minutes),
                ui.tr("console.summary.longest_note"), card);
    ImGui::SameLine();
    figure_card(ui, "summary.no_shows", ui.tr("console.summary.no_shows"), std::to_string(summary.total.no_shows),
                ui.tr("console.summary.cancelled", {{"count", std::to_string(summary.total.cancelled)}}), card);
    ImGui::SameLine();
    figure_card(ui, "summary.ikm_today", ui.tr("console.summary.ikm_today"), ikm_value(reports.ikm_today),
                ikm_note(ui, reports.ikm_today), card);
    ImGui::SameLine();
    figure_card(ui, "summary.ikm_month", ui.tr("console.summary.ikm_month"), ikm_value(reports.ikm_month),
                ikm_note(ui, reports.ikm_month), card);

    // This month's index per service area, on one line below the cards.
    ImGui::Spacing();
    std::string by_area;
    for (const AreaId& area : order) {
        const auto found = reports.ikm_month_by_area.find(area);
        if (found == reports.ikm_month_by_area.end()) {
            continue;
        }
        const std::string name = console::area_short_text(config, ui.language, area);
        const console::IkmSummary& ikm = found->second;
        by_area += by_area.empty() ? "" : "   ·   ";
        by_area += ikm.index ? ui.tr("console.summary.ikm_area",
                                     {{"area", name},
                                      {"value", ikm_value(ikm)},
                                      {"letter", ikm.category_letter},
                                      {"responses", std::to_string(ikm.responses)}})
                             : ui.tr("console.summary.ikm_area_none", {{"area", name}});
    }
    if (!by_area.empty()) {
        ImGui::TextUnformatted((ui.tr("console.summary.ikm_by_area") + ":   " + by_area).c_str());
        console::record_item(ui, "summary.ikm_by_area", ui::ItemKind::Text);
        ImGui::Spacing();
    }

    // Two charts side by side below the cards.
    std::vector<std::string> categories;
    std::vector<int> waiting;
    std::vector<int> served;
    std::vector<int> no_shows;
    std::vector<int> average;
    std::vector<int> longest;
    for (const AreaFigures& area : summary.areas) {
        categories.push_back(console::area_short_text(config, ui.language, area.area));
        waiting.push_back(area.waiting);
        served.push_back(area.served);
        no_shows.push_back(area.no_shows);
        average.push_back(area.average_wait_minutes());
        longest.push_back(area.longest_wait_minutes);
    }
    const float chart_width = (ImGui::GetContentRegionAvail().x - ui.px(24)) / 2;
    ImGui::BeginChild("summary.visits", ImVec2(chart_width, 0), true, ImGuiWindowFlags_AlwaysUseWindowPadding);
    console::section_title(ui, ui.tr("console.summary.chart_visits"));
    console::draw_bar_chart(ui, "summary.chart.visits", categories,
                            {{ui.tr("console.summary.series_waiting"), kWaitingColor, waiting},
                             {ui.tr("console.summary.series_served"), kServedColor, served},
                             {ui.tr("console.summary.series_no_show"), kNoShowColor, no_shows}},
                            ImGui::GetContentRegionAvail());
    ImGui::EndChild();
    ImGui::SameLine(0, ui.px(24));
    ImGui::BeginChild("summary.waits", ImVec2(chart_width, 0), true, ImGuiWindowFlags_AlwaysUseWindowPadding);
    console::section_title(ui, ui.tr("console.summary.chart_waits"));
    console::draw_bar_chart(ui, "summary.chart.waits", categories,
                            {{ui.tr("console.summary.series_average"), kAverageColor, average},
                             {ui.tr("console.summary.series_longest"), kLongestColor, longest}},
                            ImGui::GetContentRegionAvail());
    ImGui::EndChild();
}

}  // namespace antrean::reception
