#include <doctest/doctest.h>

#include "display_test_support.hpp"
#include "domain/office_time.hpp"
#include "model/date_time_text.hpp"

using namespace antrean;
using namespace antrean::display;
using antrean::display::testing::real_catalog;

namespace {

OfficeTime jakarta() {
    Result<OfficeTime> office = OfficeTime::create("Asia/Jakarta");
    REQUIRE(office.has_value());
    return *office;
}

}  // namespace

TEST_CASE("date in Indonesian and English") {
    const OfficeTime office = jakarta();
    // Friday 4 December 2026, 09:30 in Jakarta.
    const LocalTime friday = office.local(office.from_local(2026, 12, 4, 9, 30));

    CHECK(format_date(real_catalog(), Language::Indonesian, friday) == "Jumat, 4 Desember 2026");
    CHECK(format_date(real_catalog(), Language::English, friday) == "Friday, 4 December 2026");
}

TEST_CASE("clock with a dot and the zone label") {
    const OfficeTime office = jakarta();
    const LocalTime morning = office.local(office.from_local(2026, 12, 4, 9, 5));

    CHECK(format_clock(real_catalog(), Language::Indonesian, morning, "WIB") == "09.05 WIB");
    CHECK(format_clock(real_catalog(), Language::English, morning, "WIB") == "09:05 WIB");
    CHECK(format_clock(real_catalog(), Language::Indonesian, morning, "") == "09.05");
}

TEST_CASE("every weekday and month has its Indonesian name") {
    const OfficeTime office = jakarta();
    const char* const weekdays[] = {"Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"};
    const char* const months[] = {"Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
                                  "Juli",    "Agustus",  "September", "Oktober", "November", "Desember"};

    // 6 December 2026 is a Sunday.
    for (int day = 0; day < 7; ++day) {
        const LocalTime time = office.local(office.from_local(2026, 12, 6 + day, 12, 0));
        CAPTURE(day);
        CHECK(format_date(real_catalog(), Language::Indonesian, time) ==
              std::string(weekdays[day]) + ", " + std::to_string(6 + day) + " Desember 2026");
    }
    for (int month = 1; month <= 12; ++month) {
        const LocalTime time = office.local(office.from_local(2027, month, 1, 12, 0));
        CAPTURE(month);
        CHECK(format_date(real_catalog(), Language::Indonesian, time).find(months[month - 1]) !=
              std::string::npos);
    }
}
