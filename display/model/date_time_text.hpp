#pragma once

#include <string>
#include <string_view>

#include "domain/office_time.hpp"
#include "domain/types.hpp"
#include "i18n/catalog.hpp"

// The date and clock of the display header, written the way Indonesian offices write them:
// "Jumat, 4 Desember 2026" and "09.30 WIB". The day and month names and the patterns come from
// the catalogue, so English reads "Friday, 4 December 2026" and "09:30 WIB".
namespace antrean::display {

std::string format_date(const Catalog& catalog, Language language, const LocalTime& time);

// `zone_label` is the office's zone abbreviation from its configuration (WIB, WITA or WIT).
std::string format_clock(const Catalog& catalog, Language language, const LocalTime& time,
                         std::string_view zone_label);

}  // namespace antrean::display
