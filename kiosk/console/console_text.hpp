#pragma once

// Texts the consoles compose from data: clock times and durations, names of states,
// areas and purposes. Every word comes from the translation catalogue or the server's
// configuration.

#include <string>

#include "console/staff_data.hpp"
#include "domain/office_time.hpp"
#include "i18n/catalog.hpp"

namespace antrean::console {

// "09.30" in Indonesian, "09:30" in English; with `zone_label`, "09.30 WIB".
std::string clock_text(const Catalog& catalog, Language language, const OfficeTime& office, TimestampMs instant,
                       const std::string& zone_label = "");
// "Jumat, 4 Desember 2026".
std::string date_text(const Catalog& catalog, Language language, const OfficeTime& office, TimestampMs instant);
// "12 menit", "1 jam 5 menit".
std::string duration_text(const Catalog& catalog, Language language, int minutes);

std::string state_text(const Catalog& catalog, Language language, TicketState state);
std::string priority_text(const Catalog& catalog, Language language, Priority priority);
std::string outcome_text(const Catalog& catalog, Language language, Outcome outcome);
std::string appointment_status_text(const Catalog& catalog, Language language, AppointmentStatus status);
std::string source_text(const Catalog& catalog, Language language, AppointmentSource source);
std::string officer_status_text(const Catalog& catalog, Language language, OfficerStatus status);

// The area's configured name, or its id when the configuration lacks it.
std::string area_text(const ConsoleConfig* config, Language language, const AreaId& area);
// The abbreviation in the name's last brackets ("PBK"), or the whole name.
std::string area_short_text(const ConsoleConfig* config, Language language, const AreaId& area);
std::string purpose_text(const ConsoleConfig* config, const Catalog& catalog, Language language, Purpose purpose);

// The local date of an instant in the office, "2026-12-04".
std::string iso_date(const OfficeTime& office, TimestampMs instant);

}  // namespace antrean::console
