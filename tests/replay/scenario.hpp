#pragma once

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/office_time.hpp"
#include "domain/types.hpp"

namespace antrean::replay {

// Raised for a scenario file that cannot be read or contradicts itself. The message names
// the file and the entry.
class ScenarioError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct StaffMember {
    std::string username;
    std::string name;
    std::string role;                // officer or receptionist
    std::vector<std::string> areas;  // empty for the receptionist

    bool serves(const std::string& area) const;
};

enum class DeskAction { Login, Logout, Pause, Resume };

struct DeskEvent {
    TimestampMs at = 0;
    std::string officer;
    DeskAction action = DeskAction::Login;
    std::string desk;    // login only
    std::string reason;  // pause only
};

// One visitor of the day: a walk-in, or a booking made by email before the day.
struct Visit {
    std::string label;  // "J01 (booked)" or "walk-in 08:01 Evi Contoh", for messages
    TimestampMs arrives_at = 0;
    bool absent = false;  // a booked visitor who never comes

    std::string name;
    std::string phone;
    std::string email;
    std::string area;
    std::string purpose;
    std::string summary;

    int service_minutes = 0;
    std::string outcome;          // answered or referred; empty for a no-show
    std::string priority_reason;  // non-empty: registered by reception as a priority ticket
    bool no_show = false;
    std::string transfer_to;  // non-empty: the first officer transfers to this area
    int transfer_after_minutes = 0;

    bool booked = false;
    std::string booking_key;  // "J01"
    std::string officer;      // booked officer's user name
    TimestampMs slot_at = 0;
    int length_minutes = 30;
    bool check_in_by_phone = false;
    bool served_by_other = false;
};

struct Scenario {
    std::string date;  // "2026-12-07", the service date
    TimestampMs begin_at = 0;
    double rate = 60;
    std::optional<TimestampMs> restart_at;
    std::vector<StaffMember> staff;
    std::vector<DeskEvent> desk_events;  // ordered by time
    std::vector<Visit> visits;           // ordered by arrival; absent bookings by slot

    const StaffMember* find_staff(const std::string& username) const;
};

// Reads and checks a scenario file. Times are local to `office_time` on [day].date. Throws
// ScenarioError with the file and the entry at fault.
Scenario load_scenario(const std::filesystem::path& path, const OfficeTime& office_time);

// Keeps only the first `count` visits in arrival order, for a shorter replay.
void keep_first_visits(Scenario& scenario, int count);

}  // namespace antrean::replay
