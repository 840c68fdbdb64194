#include "model/screen_content.hpp"

#include "model/date_time_text.hpp"

namespace antrean::display {
namespace {

std::string area_name(const DisplayModel& model, const AreaId& area, Language language) {
    if (model.config()) {
        if (const AreaInfo* info = model.config()->find_area(area)) {
            return info->name.in(language);
        }
    }
    return ascii_upper(area);
}

DeskCell desk_cell(const DeskStatus& desk, const Catalog& catalog, Language language) {
    DeskCell cell;
    cell.name = desk.name;
    if (!desk.ticket_code) {
        return cell;
    }
    cell.ticket_code = *desk.ticket_code;
    if (desk.state == TicketState::Serving) {
        cell.state = catalog.translate(language, "display.state.serving");
        cell.tone = DeskTone::Serving;
    } else {
        cell.state = catalog.translate(language, "display.state.called");
        cell.tone = DeskTone::Called;
    }
    return cell;
}

}  // namespace

std::string ascii_upper(std::string text) {
    for (char& c : text) {
        if (c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 'a' + 'A');
        }
    }
    return text;
}

ScreenContent build_screen_content(const DisplayModel& model, const Catalog& catalog,
                                   Language language, const OfficeTime& office, TimestampMs now) {
    ScreenContent content;

    // Header.
    content.office_name = model.config() ? model.config()->office_name.in(language)
                                         : catalog.translate(language, "display.service_name");
    const LocalTime local = office.local(now);
    content.date = format_date(catalog, language, local);
    content.clock = format_clock(catalog, language, local,
                                 model.config() ? model.config()->zone_label : std::string{});
    if (model.connection_lost()) {
        content.banner = catalog.translate(language, "display.connection_lost");
    }

    // The newest call.
    content.call_label = catalog.translate(language, "display.call.label");
    content.call_desk_label = catalog.translate(language, "display.call.desk_label");
    content.no_call_text = catalog.translate(language, "display.call.none");
    if (const auto& featured = model.featured()) {
        content.call_code = featured->ticket_code;
        content.call_desk = ascii_upper(featured->desk_name);
    }

    // Desks, waiting counts and the calls before the newest one.
    content.desks_title = catalog.translate(language, "display.desks.title");
    content.idle_desk_code = catalog.translate(language, "display.desks.idle");
    for (const DeskStatus& desk : model.desks()) {
        content.desks.push_back(desk_cell(desk, catalog, language));
    }
    content.waiting_title = catalog.translate(language, "display.waiting.title");
    for (const WaitingCount& entry : model.waiting()) {
        content.waiting.push_back(AreaRow{
            area_name(model, entry.area, language),
            entry.count ? std::to_string(*entry.count)
                        : catalog.translate(language, "display.waiting.unknown")});
    }
    content.recent_title = catalog.translate(language, "display.recent.title");
    content.no_recent_text = catalog.translate(language, "display.recent.none");
    for (const RecentCall& call : model.previous_calls()) {
        content.recent.push_back(RecentRow{call.ticket_code, call.desk_name});
    }
    content.running_text_label = catalog.translate(language, "display.running_text.label");
    return content;
}

}  // namespace antrean::display
