#pragma once

// A grouped bar chart drawn with ImDrawList, because ImPlot is not packaged for Debian 12:
// one group of bars per category, one bar per series, the value above each bar, a legend
// and three grid lines.

#include <string>
#include <vector>

#include "console/console_ui.hpp"

namespace antrean::console {

struct BarSeries {
    std::string label;
    ImU32 color = 0;
    std::vector<int> values;  // one per category
};

void draw_bar_chart(ConsoleUi& ui, const char* id, const std::vector<std::string>& categories,
                    const std::vector<BarSeries>& series, ImVec2 size);

// The smallest of 1, 2 or 5 times a power of ten that is at least `value`, so grid lines
// fall on round numbers.
int nice_ceiling(int value);

}  // namespace antrean::console
