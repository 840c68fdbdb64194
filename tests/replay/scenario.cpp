#include "scenario.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <regex>
#include <set>

namespace antrean::replay {
namespace {

const std::set<std::string> kAreas{"pbk", "srg", "plk", "general"};
const std::set<std::string> kPurposes{"complaint", "information", "consultation"};
const std::set<std::string> kOutcomes{"answered", "referred"};

struct DayParts {
    int year = 0;
    int month = 0;
    int day = 0;
};

class Reader {
  public:
    Reader(std::filesystem::path path, const OfficeTime& office_time)
        : path_(std::move(path)), office_time_(office_time) {}

    [[noreturn]] void raise(const std::string& where, const std::string& problem) const {
        throw ScenarioError(fmt::format("scenario {}: {}: {}", path_.string(), where, problem));
    }

    std::string text(const toml::table& table, const std::string& key, const std::string& where,
                     bool required = true) const {
        const auto value = table[key].value<std::string>();
        if (!value && required)
            raise(where, "missing text field '" + key + "'");
        return value.value_or("");
    }

    int integer(const toml::table& table, const std::string& key, const std::string& where,
                std::optional<int> fallback = std::nullopt) const {
        const auto value = table[key].value<int64_t>();
        if (!value && !fallback)
            raise(where, "missing integer field '" + key + "'");
        return value ? static_cast<int>(*value) : *fallback;
    }

    bool flag(const toml::table& table, const std::string& key) const {
        return table[key].value<bool>().value_or(false);
    }

    void set_date(const std::string& date) {
        static const std::regex pattern(R"(^(\d{4})-(\d{2})-(\d{2})$)");
        std::smatch match;
        if (!std::regex_match(date, match, pattern))
            raise("[day] date", "expected YYYY-MM-DD, got '" + date + "'");
        day_ = DayParts{std::stoi(match[1]), std::stoi(match[2]), std::stoi(match[3])};
    }

    // Converts "HH:MM" on the scenario's date to an instant.
    TimestampMs time_of_day(const std::string& text_value, const std::string& where) const {
        static const std::regex pattern(R"(^(\d{2}):(\d{2})$)");
        std::smatch match;
        if (!std::regex_match(text_value, match, pattern)) {
            raise(where, "expected a time HH:MM, got '" + text_value + "'");
        }
        const int hour = std::stoi(match[1]);
        const int minute = std::stoi(match[2]);
        if (hour > 23 || minute > 59)
            raise(where, "time '" + text_value + "' does not exist");
        return office_time_.from_local(day_.year, day_.month, day_.day, hour, minute);
    }

  private:
    std::filesystem::path path_;
    const OfficeTime& office_time_;
    DayParts day_;
};

void read_staff(const toml::table& root, Reader& reader, Scenario& scenario) {
    const toml::array* staff = root["staff"].as_array();
    if (staff == nullptr || staff->empty())
        reader.raise("[[staff]]", "no staff accounts");
    for (const auto& node : *staff) {
        const toml::table& entry = *node.as_table();
        StaffMember member;
        member.username = reader.text(entry, "username", "[[staff]]");
        const std::string where = "staff '" + member.username + "'";
        member.name = reader.text(entry, "name", where);
        member.role = reader.text(entry, "role", where);
        if (member.role != "officer" && member.role != "receptionist") {
            reader.raise(where, "role must be officer or receptionist");
        }
        if (const toml::array* areas = entry["areas"].as_array()) {
            for (const auto& area : *areas) {
                const std::string id = area.value<std::string>().value_or("");
                if (!kAreas.count(id))
                    reader.raise(where, "unknown area '" + id + "'");
                member.areas.push_back(id);
            }
        }
        if (member.role == "officer" && member.areas.empty())
            reader.raise(where, "an officer needs areas");
        scenario.staff.push_back(std::move(member));
    }
    const bool has_receptionist =
        std::any_of(scenario.staff.begin(), scenario.staff.end(),
                    [](const StaffMember& m) { return m.role == "receptionist"; });
    if (!has_receptionist)
        reader.raise("[[staff]]", "a receptionist is needed to book appointments");
}

void read_desk_events(const toml::table& root, Reader& reader, Scenario& scenario) {
    const toml::array* events = root["desks"]["events"].as_array();
    if (events == nullptr)
        reader.raise("[desks]", "missing 'events'");
    for (const auto& node : *events) {
        const toml::table& entry = *node.as_table();
        DeskEvent event;
        const std::string at = reader.text(entry, "at", "[desks] events");
        event.officer = reader.text(entry, "officer", "desk event at " + at);
        const std::string where = "desk event at " + at + " for " + event.officer;
        event.at = reader.time_of_day(at, where);
        const StaffMember* member = scenario.find_staff(event.officer);
        if (member == nullptr || member->role != "officer")
            reader.raise(where, "not an officer in [[staff]]");
        const std::string action = reader.text(entry, "action", where);
        if (action == "login") {
            event.action = DeskAction::Login;
            event.desk = reader.text(entry, "desk", where);
        } else if (action == "logout") {
            event.action = DeskAction::Logout;
        } else if (action == "pause") {
            event.action = DeskAction::Pause;
            event.reason = reader.text(entry, "reason", where);
        } else if (action == "resume") {
            event.action = DeskAction::Resume;
        } else {
            reader.raise(where, "action must be login, logout, pause or resume");
        }
        scenario.desk_events.push_back(std::move(event));
    }
    std::stable_sort(scenario.desk_events.begin(), scenario.desk_events.end(),
                     [](const DeskEvent& a, const DeskEvent& b) { return a.at < b.at; });
}

// Reads the fields that bookings and walk-ins share.
void read_visit_common(const toml::table& entry, const std::string& where, Reader& reader,
                       Visit& visit) {
    visit.name = reader.text(entry, "name", where);
    visit.phone = reader.text(entry, "phone", where);
    visit.email = reader.text(entry, "email", where, false);
    visit.area = reader.text(entry, "area", where);
    visit.purpose = reader.text(entry, "purpose", where);
    visit.summary = reader.text(entry, "summary", where, false);
    if (!kAreas.count(visit.area))
        reader.raise(where, "unknown area '" + visit.area + "'");
    if (!kPurposes.count(visit.purpose))
        reader.raise(where, "unknown purpose '" + visit.purpose + "'");
    visit.no_show = reader.flag(entry, "no_show");
    if (!visit.no_show && !visit.absent) {
        visit.service_minutes = reader.integer(entry, "service", where);
        visit.outcome = reader.text(entry, "outcome", where);
        if (!kOutcomes.count(visit.outcome))
            reader.raise(where, "outcome must be answered or referred");
        if (visit.service_minutes < 1)
            reader.raise(where, "service must be at least 1 minute");
    }
    visit.priority_reason = reader.text(entry, "priority", where, false);
    visit.transfer_to = reader.text(entry, "transfer_to", where, false);
    if (!visit.transfer_to.empty()) {
        if (!kAreas.count(visit.transfer_to))
            reader.raise(where, "unknown transfer_to area");
        visit.transfer_after_minutes = reader.integer(entry, "transfer_after", where);
    }
}

void read_bookings(const toml::table& root, Reader& reader, Scenario& scenario) {
    const toml::array* bookings = root["visits"]["bookings"].as_array();
    if (bookings == nullptr)
        return;
    for (const auto& node : *bookings) {
        const toml::table& entry = *node.as_table();
        Visit visit;
        visit.booked = true;
        visit.booking_key = reader.text(entry, "key", "[visits] bookings");
        const std::string where = "booking " + visit.booking_key;
        visit.label = visit.booking_key + " (booked)";
        visit.officer = reader.text(entry, "officer", where);
        visit.slot_at = reader.time_of_day(reader.text(entry, "slot", where), where);
        visit.length_minutes = reader.integer(entry, "length", where, 30);
        const std::string arrives = reader.text(entry, "arrives", where);
        visit.absent = arrives == "absent";
        visit.arrives_at = visit.absent ? visit.slot_at : reader.time_of_day(arrives, where);
        visit.check_in_by_phone = reader.text(entry, "check_in", where, false) == "phone";
        visit.served_by_other = reader.flag(entry, "served_by_other");
        read_visit_common(entry, where, reader, visit);
        const StaffMember* officer = scenario.find_staff(visit.officer);
        if (officer == nullptr || officer->role != "officer")
            reader.raise(where, "booked officer is not an officer");
        if (!officer->serves(visit.area)) {
            reader.raise(where, visit.officer + " does not serve area " + visit.area);
        }
        scenario.visits.push_back(std::move(visit));
    }
}

void read_walk_ins(const toml::table& root, Reader& reader, Scenario& scenario) {
    const toml::array* walk_ins = root["visits"]["walk_ins"].as_array();
    if (walk_ins == nullptr)
        reader.raise("[visits]", "missing 'walk_ins'");
    for (const auto& node : *walk_ins) {
        const toml::table& entry = *node.as_table();
        Visit visit;
        const std::string at = reader.text(entry, "at", "[visits] walk_ins");
        visit.label = "walk-in " + at + " " + reader.text(entry, "name", "walk-in at " + at);
        visit.arrives_at = reader.time_of_day(at, visit.label);
        read_visit_common(entry, visit.label, reader, visit);
        scenario.visits.push_back(std::move(visit));
    }
}

}  // namespace

bool StaffMember::serves(const std::string& area) const {
    return std::find(areas.begin(), areas.end(), area) != areas.end();
}

const StaffMember* Scenario::find_staff(const std::string& username) const {
    for (const StaffMember& member : staff) {
        if (member.username == username)
            return &member;
    }
    return nullptr;
}

Scenario load_scenario(const std::filesystem::path& path, const OfficeTime& office_time) {
    toml::table root;
    try {
        root = toml::parse_file(path.string());
    } catch (const toml::parse_error& error) {
        throw ScenarioError(fmt::format("scenario {} is not valid TOML at line {}: {}",
                                        path.string(), error.source().begin.line,
                                        error.description()));
    }
    Reader reader(path, office_time);
    Scenario scenario;
    const toml::table* day = root["day"].as_table();
    if (day == nullptr)
        reader.raise("[day]", "missing table");
    scenario.date = reader.text(*day, "date", "[day]");
    reader.set_date(scenario.date);
    scenario.begin_at = reader.time_of_day(reader.text(*day, "begin", "[day]"), "[day] begin");
    scenario.rate = (*day)["rate"].value<double>().value_or(60.0);
    if (const auto restart = (*day)["restart_at"].value<std::string>()) {
        scenario.restart_at = reader.time_of_day(*restart, "[day] restart_at");
    }

    read_staff(root, reader, scenario);
    read_desk_events(root, reader, scenario);
    read_bookings(root, reader, scenario);
    read_walk_ins(root, reader, scenario);
    std::stable_sort(scenario.visits.begin(), scenario.visits.end(),
                     [](const Visit& a, const Visit& b) { return a.arrives_at < b.arrives_at; });

    for (const Visit& visit : scenario.visits) {
        if (visit.arrives_at < scenario.begin_at)
            reader.raise(visit.label, "arrives before [day] begin");
        if (!visit.transfer_to.empty() && visit.booked) {
            reader.raise(visit.label,
                         "a transfer of a booked visitor is not supported by the replay");
        }
    }
    return scenario;
}

void keep_first_visits(Scenario& scenario, int count) {
    if (count >= 0 && static_cast<size_t>(count) < scenario.visits.size()) {
        scenario.visits.resize(static_cast<size_t>(count));
    }
}

}  // namespace antrean::replay
