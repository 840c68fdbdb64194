#include "domain/office_time.hpp"

#include <date/date.h>
#include <date/tz.h>
#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <regex>
#include <stdexcept>

namespace antrean {
namespace {

using Milliseconds = std::chrono::milliseconds;
using SysMs = std::chrono::sys_time<Milliseconds>;

}  // namespace

TimestampMs SystemClock::now() const {
    return std::chrono::duration_cast<Milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

namespace {

TimestampMs steady_now_ms() {
    return std::chrono::duration_cast<Milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

void check_rate(double rate) {
    if (!std::isfinite(rate) || rate <= 0) {
        throw std::invalid_argument(
            fmt::format("clock rate {} is invalid: it must be a number greater than 0", rate));
    }
}

}  // namespace

CompressedClock::CompressedClock(TimestampMs start, double rate)
    : start_(start), rate_(rate), real_now_(steady_now_ms) {
    check_rate(rate);
    real_start_ = real_now_();
}

CompressedClock::CompressedClock(TimestampMs start, double rate, const Clock& real_time)
    : start_(start), rate_(rate), real_now_([&real_time] { return real_time.now(); }) {
    check_rate(rate);
    real_start_ = real_now_();
}

TimestampMs CompressedClock::now() const {
    const auto elapsed = static_cast<double>(real_now_() - real_start_);
    return start_ + static_cast<TimestampMs>(std::llround(elapsed * rate_));
}

Result<OfficeTime> OfficeTime::create(const std::string& zone_name) {
    OfficeTime office;
    try {
        office.zone_ = date::locate_zone(zone_name);
    } catch (const std::exception& error) {
        return fail(ErrorCode::InvalidInput, "office.time_zone", "config.unknown_zone",
                    {{"zone", zone_name}, {"reason", error.what()}});
    }
    office.zone_name_ = zone_name;
    return office;
}

LocalTime OfficeTime::local(TimestampMs instant) const {
    const SysMs utc{Milliseconds(instant)};
    const auto info = zone_->get_info(std::chrono::time_point_cast<std::chrono::seconds>(utc));
    const auto local_time = date::make_zoned(zone_, utc).get_local_time();
    const auto day_point = date::floor<date::days>(local_time);
    const date::year_month_day ymd{day_point};
    const date::hh_mm_ss<Milliseconds> clock{local_time - day_point};
    LocalTime result;
    result.year = static_cast<int>(ymd.year());
    result.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
    result.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
    result.weekday = static_cast<int>(date::weekday{day_point}.c_encoding());
    result.hour = static_cast<int>(clock.hours().count());
    result.minute = static_cast<int>(clock.minutes().count());
    result.second = static_cast<int>(clock.seconds().count());
    result.utc_offset_minutes = static_cast<int>(
        std::chrono::duration_cast<std::chrono::minutes>(info.offset).count());
    return result;
}

std::string OfficeTime::rfc3339(TimestampMs instant) const {
    const LocalTime t = local(instant);
    const int offset = std::abs(t.utc_offset_minutes);
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}{:02}:{:02}", t.year, t.month, t.day,
                       t.hour, t.minute, t.second, t.utc_offset_minutes < 0 ? '-' : '+',
                       offset / 60, offset % 60);
}

std::string OfficeTime::service_date(TimestampMs instant, int day_start_hour) const {
    const LocalTime t = local(instant - static_cast<TimestampMs>(day_start_hour) * 3'600'000);
    return fmt::format("{:04}-{:02}-{:02}", t.year, t.month, t.day);
}

TimestampMs OfficeTime::from_local(int year, int month, int day, int hour, int minute) const {
    const auto local_day = date::local_days{date::year{year} / month / day};
    const auto local_time = local_day + std::chrono::hours(hour) + std::chrono::minutes(minute);
    const auto zoned = date::make_zoned(zone_, local_time, date::choose::earliest);
    return std::chrono::duration_cast<Milliseconds>(zoned.get_sys_time().time_since_epoch()).count();
}

Result<TimestampMs> parse_rfc3339(std::string_view text) {
    static const std::regex pattern(
        R"(^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$)");
    std::cmatch match;
    if (!std::regex_match(text.begin(), text.end(), match, pattern)) {
        return fail(ErrorCode::InvalidInput, "", "error.invalid_time", {{"value", std::string(text)}});
    }
    const int year = std::stoi(match[1]);
    const unsigned month = static_cast<unsigned>(std::stoi(match[2]));
    const unsigned day = static_cast<unsigned>(std::stoi(match[3]));
    const int hour = std::stoi(match[4]);
    const int minute = std::stoi(match[5]);
    const int second = std::stoi(match[6]);
    const date::year_month_day ymd{date::year{year}, date::month{month}, date::day{day}};
    if (!ymd.ok() || hour > 23 || minute > 59 || second > 60) {
        return fail(ErrorCode::InvalidInput, "", "error.invalid_time", {{"value", std::string(text)}});
    }
    std::int64_t offset_minutes = 0;
    const std::string zone = match[8];
    if (zone != "Z" && zone != "z") {
        offset_minutes = std::stoi(zone.substr(1, 2)) * 60 + std::stoi(zone.substr(4, 2));
        if (zone[0] == '-') offset_minutes = -offset_minutes;
    }
    std::int64_t millis = 0;
    if (match[7].matched) {
        std::string fraction = std::string(match[7]).substr(1);
        fraction.resize(3, '0');
        millis = std::stoi(fraction);
    }
    const auto days = date::sys_days{ymd}.time_since_epoch();
    const auto since_epoch = std::chrono::duration_cast<Milliseconds>(days) +
                             std::chrono::hours(hour) + std::chrono::minutes(minute) +
                             std::chrono::seconds(second) + Milliseconds(millis) -
                             std::chrono::minutes(offset_minutes);
    return since_epoch.count();
}

}  // namespace antrean
