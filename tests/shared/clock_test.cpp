#include <doctest/doctest.h>

#include <chrono>
#include <limits>
#include <stdexcept>
#include <thread>

#include "domain/office_time.hpp"

using namespace antrean;

namespace {

// 2026-12-07T08:00:00+07:00, a Monday morning at the office.
constexpr TimestampMs kMondayEight = 1'796'605'200'000;

}  // namespace

TEST_CASE("compressed clock starts at its start time") {
    ManualClock real(5'000);
    const CompressedClock clock(kMondayEight, 60, real);
    CHECK(clock.now() == kMondayEight);
    CHECK(clock.start() == kMondayEight);
    CHECK(clock.rate() == 60);
}

TEST_CASE("compressed clock runs rate times real time") {
    ManualClock real(5'000);
    const CompressedClock clock(kMondayEight, 60, real);

    // One real second is one simulated minute at rate 60.
    real.set(6'000);
    CHECK(clock.now() == kMondayEight + 60'000);

    // Eight real minutes are the eight hours of an office day.
    real.set(5'000 + 8 * 60'000);
    CHECK(clock.now() == kMondayEight + 8 * 3'600'000);
}

TEST_CASE("compressed clock with rate one is shifted real time") {
    ManualClock real(0);
    const CompressedClock clock(kMondayEight, 1, real);
    real.set(1'234);
    CHECK(clock.now() == kMondayEight + 1'234);
}

TEST_CASE("compressed clock with a fractional rate") {
    ManualClock real(0);
    const CompressedClock clock(kMondayEight, 0.5, real);
    real.set(10'000);
    CHECK(clock.now() == kMondayEight + 5'000);

    // 5000.5 simulated milliseconds round half away from zero, to 5001.
    real.set(10'001);
    CHECK(clock.now() == kMondayEight + 5'001);
}

TEST_CASE("compressed clock rejects invalid rates") {
    ManualClock real(0);
    CHECK_THROWS_AS(CompressedClock(kMondayEight, 0, real), std::invalid_argument);
    CHECK_THROWS_AS(CompressedClock(kMondayEight, -2, real), std::invalid_argument);
    CHECK_THROWS_AS(CompressedClock(kMondayEight, std::numeric_limits<double>::infinity(), real),
                    std::invalid_argument);
    CHECK_THROWS_AS(CompressedClock(kMondayEight, std::numeric_limits<double>::quiet_NaN(), real),
                    std::invalid_argument);
}

TEST_CASE("compressed clock on steady time moves forward") {
    const CompressedClock clock(kMondayEight, 1000);
    const TimestampMs first = clock.now();
    CHECK(first >= kMondayEight);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    const TimestampMs second = clock.now();
    // 20 ms real at rate 1000 is at least 20 simulated seconds.
    CHECK(second - first >= 20'000);
}

TEST_CASE("compressed clock start formats as office time") {
    auto office = OfficeTime::create("Asia/Jakarta");
    REQUIRE(office.has_value());
    ManualClock real(0);
    const CompressedClock clock(kMondayEight, 60, real);
    real.set(90'000);
    CHECK(office->rfc3339(clock.now()) == "2026-12-07T09:30:00+07:00");
}
