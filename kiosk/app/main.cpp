// antrean-kiosk: the touchscreen kiosk and the staff consoles. `--role visitor` is the
// visitor check-in, `--role officer` the officer console and `--role reception` the
// reception console.

#include <spdlog/spdlog.h>

#include <cstdlib>
#include <iostream>

#include "app/console_app.hpp"
#include "app/kiosk_app.hpp"
#include "app/kiosk_options.hpp"
#include "i18n/catalog.hpp"

int main(int argc, char** argv) {
    using namespace antrean;
    const kiosk::ParsedOptions parsed = kiosk::parse_kiosk_options(argc, argv, ANTREAN_KIOSK_ASSETS_DIR);
    if (!parsed.options) {
        return parsed.exit_code;
    }
    const kiosk::KioskOptions& options = *parsed.options;
    // SFML aborts the process when it cannot open the X display, so the reason is given first.
    if (const char* display = std::getenv("DISPLAY"); display == nullptr || *display == '\0') {
        std::cerr << "antrean-kiosk: no screen, because $DISPLAY is not set. Start it in a desktop session, "
                     "or on a virtual screen with: xvfb-run -a antrean-kiosk ...\n";
        return 2;
    }

    const std::filesystem::path i18n = options.assets / "i18n";
    Result<Catalog> catalog = Catalog::load_directory(i18n);
    if (!catalog) {
        std::cerr << "antrean-kiosk: loading the translations from " << i18n.string()
                  << " failed: " << describe_untranslated(catalog.error()) << '\n';
        return 1;
    }

    const bool staff_console = options.role != "visitor";
    if (options.screenshot || options.screenshot_all) {
        return staff_console ? kiosk::render_console_screenshots(options, *catalog)
                             : kiosk::render_screenshots(options, *catalog);
    }
    return staff_console ? kiosk::run_staff_console(options, *catalog) : kiosk::run_visitor_kiosk(options, *catalog);
}
