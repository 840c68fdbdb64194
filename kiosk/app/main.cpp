// antrean-kiosk: the touchscreen kiosk. `--role visitor` is the visitor check-in; the
// reception and officer consoles will be further roles of the same program.

#include <spdlog/spdlog.h>

#include <iostream>

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

    const std::filesystem::path i18n = options.assets / "i18n";
    Result<Catalog> catalog = Catalog::load_directory(i18n);
    if (!catalog) {
        std::cerr << "antrean-kiosk: loading the translations from " << i18n.string()
                  << " failed: " << describe_untranslated(catalog.error()) << '\n';
        return 1;
    }

    if (options.screenshot || options.screenshot_all) {
        return kiosk::render_screenshots(options, *catalog);
    }
    return kiosk::run_visitor_kiosk(options, *catalog);
}
