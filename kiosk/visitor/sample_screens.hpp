#pragma once

// Sample content for rendering each screen without a server or a visitor: --screenshot
// with --screen NAME, and --screenshot-all.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "visitor/visitor_kiosk.hpp"

namespace antrean::kiosk {

// The names --screen accepts, in flow order.
const std::vector<std::string>& sample_screen_names();

// Reads the office name and service areas from a server configuration file (TOML, as
// assets/config/antrean.toml), so screenshots show the configured texts. Fails with
// "kiosk.error.sample_config" {path} {reason}.
Result<KioskConfig> load_sample_config(const std::filesystem::path& toml_file);

// Puts `kiosk` into the named screen with sample values. Returns false for an unknown name.
bool set_up_sample_screen(VisitorKiosk& kiosk, std::string_view name, MonotonicMs now);

}  // namespace antrean::kiosk
