#include "console/console_text.hpp"

#include <fmt/format.h>

#include "visitor/display_text.hpp"

namespace antrean::console {

std::string clock_text(const Catalog& catalog, Language language, const OfficeTime& office, TimestampMs instant,
                       const std::string& zone_label) {
    const LocalTime local = office.local(instant);
    return kiosk::time_text(catalog, language, local.hour, local.minute, zone_label);
}

std::string date_text(const Catalog& catalog, Language language, const OfficeTime& office, TimestampMs instant) {
    const LocalTime local = office.local(instant);
    return kiosk::long_date_text(catalog, language, local.year, local.month, local.day);
}

std::string duration_text(const Catalog& catalog, Language language, int minutes) {
    if (minutes < 60) {
        return catalog.translate(language, "console.duration.minutes", {{"minutes", std::to_string(minutes)}});
    }
    return catalog.translate(language, "console.duration.hours",
                             {{"hours", std::to_string(minutes / 60)}, {"minutes", std::to_string(minutes % 60)}});
}

std::string state_text(const Catalog& catalog, Language language, TicketState state) {
    return catalog.translate(language, std::string("console.state.") + to_string(state));
}

std::string priority_text(const Catalog& catalog, Language language, Priority priority) {
    return catalog.translate(language, std::string("console.priority.") + to_string(priority));
}

std::string outcome_text(const Catalog& catalog, Language language, Outcome outcome) {
    return catalog.translate(language, std::string("console.outcome.") + to_string(outcome));
}

std::string appointment_status_text(const Catalog& catalog, Language language, AppointmentStatus status) {
    return catalog.translate(language, std::string("console.appointment_status.") + to_string(status));
}

std::string source_text(const Catalog& catalog, Language language, AppointmentSource source) {
    return catalog.translate(language, std::string("console.source.") + to_string(source));
}

std::string officer_status_text(const Catalog& catalog, Language language, OfficerStatus status) {
    return catalog.translate(language, std::string("console.officer_status.") + to_string(status));
}

std::string area_text(const ConsoleConfig* config, Language language, const AreaId& area) {
    if (config != nullptr) {
        if (const AreaInfo* info = config->find_area(area)) {
            return info->name.in(language);
        }
    }
    return area;
}

std::string area_short_text(const ConsoleConfig* config, Language language, const AreaId& area) {
    const std::string name = area_text(config, language, area);
    const size_t open = name.rfind('(');
    const size_t close = name.rfind(')');
    if (open != std::string::npos && close != std::string::npos && close > open + 1) {
        return name.substr(open + 1, close - open - 1);
    }
    return name;
}

std::string purpose_text(const ConsoleConfig* config, const Catalog& catalog, Language language, Purpose purpose) {
    if (config != nullptr) {
        for (const PurposeInfo& info : config->purposes) {
            if (info.purpose == purpose && !info.name.in(language).empty()) {
                return info.name.in(language);
            }
        }
    }
    return catalog.translate(language, std::string("console.purpose.") + to_string(purpose));
}

std::string iso_date(const OfficeTime& office, TimestampMs instant) {
    const LocalTime local = office.local(instant);
    return fmt::format("{:04}-{:02}-{:02}", local.year, local.month, local.day);
}

}  // namespace antrean::console
