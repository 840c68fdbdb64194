#include "display_test_support.hpp"

#include <doctest/doctest.h>

#include <optional>

namespace antrean::display::testing {

const Catalog& real_catalog() {
    static const std::optional<Catalog> catalog = [] {
        Result<Catalog> loaded = Catalog::load_directory(kAssetsDir / "i18n");
        REQUIRE_MESSAGE(loaded.has_value(),
                        (loaded ? std::string() : describe_untranslated(loaded.error())));
        return std::optional<Catalog>(std::move(*loaded));
    }();
    return *catalog;
}

}  // namespace antrean::display::testing
