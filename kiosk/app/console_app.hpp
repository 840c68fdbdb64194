#pragma once

// The window loop and the screenshots of the staff consoles (--role officer and
// --role reception).

#include "app/kiosk_options.hpp"
#include "i18n/catalog.hpp"

namespace antrean::kiosk {

// Runs the console of options.role until its window is closed. Returns the exit code.
int run_staff_console(const KioskOptions& options, const Catalog& catalog);

// Renders the console's sample screens to PNG files (--screenshot, --screenshot-all) and
// returns the exit code: 0 when every file was written.
int render_console_screenshots(const KioskOptions& options, const Catalog& catalog);

// The screen names --screen accepts for a console role; empty for other roles.
const std::vector<std::string>& console_screen_names(const std::string& role);

}  // namespace antrean::kiosk
