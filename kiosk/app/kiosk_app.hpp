#pragma once

#include "app/kiosk_options.hpp"
#include "i18n/catalog.hpp"

namespace antrean::kiosk {

// Runs the visitor kiosk until its window is closed. Returns the process exit code.
int run_visitor_kiosk(const KioskOptions& options, const Catalog& catalog);

// Renders sample screens to PNG files (--screenshot, --screenshot-all) and returns the
// exit code: 0 when every file was written.
int render_screenshots(const KioskOptions& options, const Catalog& catalog);

}  // namespace antrean::kiosk
