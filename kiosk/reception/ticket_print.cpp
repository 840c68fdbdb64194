#include "reception/ticket_print.hpp"

#include "console/console_text.hpp"
#include "visitor/display_text.hpp"

namespace antrean::reception {
namespace {

std::string office_name(const Catalog& catalog, Language language, const console::ConsoleConfig* config) {
    if (config != nullptr && !config->office_name.in(language).empty()) {
        return config->office_name.in(language);
    }
    return catalog.translate(language, "kiosk.welcome.office");
}

}  // namespace

kiosk::PrintedTicket printed_registration(const Catalog& catalog, Language language,
                                          const console::ConsoleConfig* config, const kiosk::TicketInfo& ticket) {
    const std::string zone = config != nullptr ? config->zone_label : "";
    kiosk::PrintedTicket printed;
    printed.office_name = office_name(catalog, language, config);
    printed.heading = catalog.translate(language, "kiosk.print.heading");
    printed.code = ticket.code;
    const std::string area = ticket.area_name.in(language).empty() ? ticket.area_id : ticket.area_name.in(language);
    printed.area = catalog.translate(language, "kiosk.print.area", {{"area", area}});
    if (ticket.created_at) {
        printed.date_time = kiosk::long_date_text(catalog, language, ticket.created_at->year,
                                                  ticket.created_at->month, ticket.created_at->day) +
                            ", " +
                            kiosk::time_text(catalog, language, ticket.created_at->hour, ticket.created_at->minute,
                                             zone);
    }
    printed.wait = catalog.translate(
        language, "kiosk.ticket.wait",
        {{"range", kiosk::wait_range_text(catalog, language, ticket.wait_min_minutes, ticket.wait_max_minutes)}});
    printed.qr_data = ticket.status_url;
    printed.qr_caption = catalog.translate(language, "kiosk.ticket.scan");
    printed.footer = catalog.translate(language, "kiosk.welcome.free");
    return printed;
}

kiosk::PrintedTicket printed_reprint(const Catalog& catalog, const console::ConsoleConfig* config,
                                     const OfficeTime& office, const console::StaffTicket& ticket) {
    const Language language = ticket.language;
    const std::string zone = config != nullptr ? config->zone_label : "";
    kiosk::PrintedTicket printed;
    printed.office_name = office_name(catalog, language, config);
    printed.heading = catalog.translate(language, "kiosk.print.heading");
    printed.code = ticket.code;
    printed.area = catalog.translate(language, "kiosk.print.area",
                                     {{"area", console::area_text(config, language, ticket.area)}});
    printed.date_time = console::date_text(catalog, language, office, ticket.created_at) + ", " +
                        console::clock_text(catalog, language, office, ticket.created_at, zone);
    if (ticket.state == TicketState::Waiting && ticket.estimated_wait_minutes) {
        const int minutes = *ticket.estimated_wait_minutes;
        printed.wait = catalog.translate(language, "kiosk.ticket.wait",
                                         {{"range", kiosk::wait_range_text(catalog, language, minutes, minutes)}});
    }
    // The same phone page as the first ticket, so a visitor who lost it can follow the
    // queue again.
    printed.qr_data = ticket.status_url;
    if (!printed.qr_data.empty()) {
        printed.qr_caption = catalog.translate(language, "kiosk.ticket.scan");
    }
    printed.footer = catalog.translate(language, "kiosk.welcome.free");
    return printed;
}

}  // namespace antrean::reception
