#pragma once

#include <atomic>
#include <functional>
#include <string>

#include "domain/error.hpp"
#include "domain/types.hpp"

namespace date {
class time_zone;
}

namespace antrean {

// Source of the current time. The server reads it through this interface so tests and the
// day replay can move time on without sleeping.
class Clock {
public:
    virtual ~Clock() = default;
    virtual TimestampMs now() const = 0;
};

class SystemClock final : public Clock {
public:
    TimestampMs now() const override;
};

// A clock that moves only when told to.
class ManualClock final : public Clock {
public:
    explicit ManualClock(TimestampMs start) : now_(start) {}
    TimestampMs now() const override { return now_.load(); }
    void set(TimestampMs value) { now_.store(value); }
    void advance_minutes(int minutes) { now_ += static_cast<TimestampMs>(minutes) * 60'000; }

private:
    std::atomic<TimestampMs> now_;
};

// Simulated office time for replays and demonstrations: `start` plus `rate` times the real
// time elapsed since construction. Rate 60 runs an eight-hour office day in eight minutes.
class CompressedClock final : public Clock {
public:
    // Measures elapsed real time with std::chrono::steady_clock, so an adjustment of the
    // system clock does not move simulated time. Throws std::invalid_argument unless `rate`
    // is finite and greater than zero.
    CompressedClock(TimestampMs start, double rate);
    // Measures elapsed real time as the change in `real_time`, which must outlive this clock.
    // Tests pass a ManualClock.
    CompressedClock(TimestampMs start, double rate, const Clock& real_time);

    TimestampMs now() const override;
    TimestampMs start() const { return start_; }
    double rate() const { return rate_; }

private:
    TimestampMs start_;
    double rate_;
    std::function<TimestampMs()> real_now_;
    TimestampMs real_start_;
};

// Local civil time of the office, from the system tz database.
struct LocalTime {
    int year = 0;
    int month = 0;  // 1-12
    int day = 0;
    int weekday = 0;  // 0 = Sunday
    int hour = 0;
    int minute = 0;
    int second = 0;
    int utc_offset_minutes = 0;
};

// Converts between instants and the office's local time (Asia/Jakarta by default).
class OfficeTime {
public:
    // Returns an error naming the zone when the tz database does not have it.
    static Result<OfficeTime> create(const std::string& zone_name);

    LocalTime local(TimestampMs instant) const;
    // "2026-12-04T09:15:00+07:00"
    std::string rfc3339(TimestampMs instant) const;
    // The service day an instant belongs to, "2026-12-04"; a day starts at `day_start_hour`.
    std::string service_date(TimestampMs instant, int day_start_hour) const;
    // The instant of a local date and time in the office's zone.
    TimestampMs from_local(int year, int month, int day, int hour, int minute) const;
    const std::string& zone_name() const { return zone_name_; }

private:
    const date::time_zone* zone_ = nullptr;
    std::string zone_name_;
};

// Parses an RFC 3339 time with an offset or Z ("2026-12-04T09:15:00+07:00").
Result<TimestampMs> parse_rfc3339(std::string_view text);

}  // namespace antrean
