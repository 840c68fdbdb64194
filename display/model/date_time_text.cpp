#include "model/date_time_text.hpp"

#include <fmt/format.h>

namespace antrean::display {

std::string format_date(const Catalog& catalog, Language language, const LocalTime& time) {
    return catalog.translate(
        language, "display.date",
        {{"weekday", catalog.translate(language, fmt::format("display.weekday.{}", time.weekday))},
         {"day", std::to_string(time.day)},
         {"month", catalog.translate(language, fmt::format("display.month.{}", time.month))},
         {"year", std::to_string(time.year)}});
}

std::string format_clock(const Catalog& catalog, Language language, const LocalTime& time,
                         std::string_view zone_label) {
    std::string clock = catalog.translate(language, "display.clock",
                                          {{"hour", fmt::format("{:02}", time.hour)},
                                           {"minute", fmt::format("{:02}", time.minute)},
                                           {"zone", std::string(zone_label)}});
    // Without a zone label the pattern leaves a trailing space.
    while (!clock.empty() && clock.back() == ' ') {
        clock.pop_back();
    }
    return clock;
}

}  // namespace antrean::display
