#include "visitor/display_text.hpp"

#include <fmt/format.h>

namespace antrean::kiosk {

std::string wait_range_text(const Catalog& catalog, Language language, int min_minutes,
                            int max_minutes) {
    constexpr int kShortWaitMinutes = 5;
    if (max_minutes < min_minutes) {
        std::swap(min_minutes, max_minutes);
    }
    if (max_minutes < kShortWaitMinutes) {
        return catalog.translate(language, "kiosk.wait.short",
                                 {{"minutes", std::to_string(kShortWaitMinutes)}});
    }
    if (min_minutes == max_minutes) {
        return catalog.translate(language, "kiosk.wait.about",
                                 {{"minutes", std::to_string(max_minutes)}});
    }
    return catalog.translate(language, "kiosk.wait.range",
                             {{"min", std::to_string(min_minutes)}, {"max", std::to_string(max_minutes)}});
}

std::string long_date_text(const Catalog& catalog, Language language, int year, int month, int day) {
    const int weekday = weekday_of(year, month, day);
    return catalog.translate(language, "kiosk.date.long",
                             {{"weekday", catalog.translate(language, fmt::format("kiosk.weekday.{}", weekday))},
                              {"day", std::to_string(day)},
                              {"month", catalog.translate(language, fmt::format("kiosk.month.{}", month))},
                              {"year", std::to_string(year)}});
}

std::string time_text(const Catalog& catalog, Language language, int hour, int minute,
                      const std::string& zone_label) {
    const std::string time = catalog.translate(
        language, "kiosk.time", {{"hour", fmt::format("{:02}", hour)}, {"minute", fmt::format("{:02}", minute)}});
    if (zone_label.empty()) {
        return time;
    }
    return time + " " + zone_label;
}

std::string error_text(const Catalog& catalog, Language language, const Error& error) {
    if (error.code == ErrorCode::Unavailable) {
        return catalog.translate(language, "kiosk.error.unavailable");
    }
    return catalog.render(language, error);
}

}  // namespace antrean::kiosk
