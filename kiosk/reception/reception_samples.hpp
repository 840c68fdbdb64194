#pragma once

// Sample screens of the reception console for --screenshot and --screenshot-all.

#include <string>
#include <vector>

#include "console/staff_data.hpp"
#include "reception/reception_console.hpp"

namespace antrean::reception {

// The names --screen accepts with --role reception.
const std::vector<std::string>& reception_sample_names();

// Puts `console` into the named screen with sample content. Returns false for an
// unknown name.
bool set_up_reception_sample(ReceptionConsole& console, const console::ConsoleConfig& config,
                             const std::string& screen, Language language);

}  // namespace antrean::reception
