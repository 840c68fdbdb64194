#pragma once

// Texts the visitor kiosk composes from data: the wait as a range, dates and times the
// Indonesian way, and error messages. Every word comes from the translation catalogue.

#include <string>

#include "domain/error.hpp"
#include "domain/types.hpp"
#include "i18n/catalog.hpp"
#include "visitor/server_data.hpp"

namespace antrean::kiosk {

// "sekitar 10–20 menit" / "about 10–20 minutes"; "sekitar 15 menit" when both ends are
// equal; "kurang dari 5 menit" when the upper end is below 5 minutes.
std::string wait_range_text(const Catalog& catalog, Language language, int min_minutes,
                            int max_minutes);

// "Jumat, 4 Desember 2026" / "Friday, 4 December 2026".
std::string long_date_text(const Catalog& catalog, Language language, int year, int month, int day);

// "09.30 WIB" in Indonesian (a dot between hours and minutes), "09:30 WIB" in English.
// Without a zone label the time stands alone.
std::string time_text(const Catalog& catalog, Language language, int hour, int minute,
                      const std::string& zone_label);

// The message for an error in the visitor's language. An unreachable server gets the
// kiosk's own sentence, which sends the visitor to the receptionist; a server rejection
// arrives already translated; anything else is looked up by its message key.
std::string error_text(const Catalog& catalog, Language language, const Error& error);

}  // namespace antrean::kiosk
