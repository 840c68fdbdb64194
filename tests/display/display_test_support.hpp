#pragma once

// Helpers shared by the wall display tests.

#include <filesystem>

#include "i18n/catalog.hpp"

namespace antrean::display::testing {

inline const std::filesystem::path kAssetsDir{ANTREAN_ASSETS_DIR};

// The real catalogue from assets/i18n, loaded once. Fails the test when it does not load.
const Catalog& real_catalog();

}  // namespace antrean::display::testing
