#pragma once

// Sample screens of the officer console for --screenshot and --screenshot-all.

#include <string>
#include <vector>

#include "console/staff_data.hpp"
#include "officer/officer_console.hpp"

namespace antrean::officer {

// The names --screen accepts with --role officer.
const std::vector<std::string>& officer_sample_names();

// Puts `console` into the named screen with sample content. Returns false for an
// unknown name.
bool set_up_officer_sample(OfficerConsole& console, const console::ConsoleConfig& config, const std::string& screen,
                           Language language);

}  // namespace antrean::officer
