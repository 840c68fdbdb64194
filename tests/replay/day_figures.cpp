#include "day_figures.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

namespace antrean::replay {
namespace {

using Json = nlohmann::json;
using Counts = std::map<std::string, int>;

const std::vector<std::string> kAreaOrder{"pbk", "srg", "plk", "general"};
const std::vector<std::string> kPurposeOrder{"complaint", "information", "consultation"};
// Widths of the purpose columns in the area table, one wider than each heading.
const std::vector<int> kColumnWidths{11, 13, 14};

Json fetch(ApiClient& client, const std::string& path) {
    auto response = client.get(path);
    if (!response) {
        throw ReplayError("GET " + path +
                          " failed at the end of the day: " + describe(response.error()));
    }
    return response->body;
}

Counts counts_of(const Json& object) {
    Counts counts;
    for (const auto& [key, value] : object.items()) counts[key] = value.get<int>();
    return counts;
}

std::string format_counts(const Counts& counts) {
    std::string text;
    for (const auto& [key, value] : counts) {
        if (value == 0)
            continue;
        if (!text.empty())
            text += ", ";
        text += fmt::format("{} {}", key, value);
    }
    return text.empty() ? "none" : text;
}

// Drops zero entries so that {"srg": 0} equals {}.
Counts without_zeros(Counts counts) {
    std::erase_if(counts, [](const auto& entry) { return entry.second == 0; });
    return counts;
}

class Checks {
  public:
    void expect(bool passed, const std::string& description) {
        fmt::print("  {}  {}\n", passed ? "ok  " : "FAIL", description);
        if (!passed)
            ++failures_;
    }

    void expect_equal(int actual, int expected, const std::string& description) {
        expect(actual == expected, fmt::format("{}: {} (scenario {})", description, actual, expected));
    }

    void expect_counts(const Counts& actual, const Counts& expected, const std::string& description) {
        expect(without_zeros(actual) == without_zeros(expected),
               fmt::format("{}: {} (scenario {})", description, format_counts(actual),
                           format_counts(expected)));
    }

    int failures() const { return failures_; }

  private:
    int failures_ = 0;
};

// What the scenario implies for the visitors who came.
struct Expected {
    int tickets = 0;
    Counts by_area;
    Counts by_purpose;
    Counts by_outcome;
    int no_shows = 0;
    int booked = 0;
    int booked_absent = 0;
    int booked_served_by_booked_officer = 0;
};

Expected expected_figures(const Scenario& scenario) {
    Expected expected;
    for (const Visit& visit : scenario.visits) {
        if (visit.absent) {
            ++expected.booked_absent;
            continue;
        }
        ++expected.tickets;
        ++expected.by_area[visit.area];
        ++expected.by_purpose[visit.purpose];
        if (visit.no_show) {
            ++expected.no_shows;
        } else {
            ++expected.by_outcome[visit.outcome];
        }
        // The first ticket of a transferred visit ends with the outcome "transferred".
        if (!visit.transfer_to.empty())
            ++expected.by_outcome["transferred"];
        if (visit.booked) {
            ++expected.booked;
            if (!visit.served_by_other && !visit.no_show)
                ++expected.booked_served_by_booked_officer;
        }
    }
    return expected;
}

void print_area_purpose_table(const std::vector<Json>& first_tickets) {
    std::map<std::string, Counts> table;
    for (const Json& ticket : first_tickets) {
        ++table[ticket.at("area").get<std::string>()][ticket.at("purpose").get<std::string>()];
    }
    fmt::print(
        "Visits per area and purpose (server ticket list; a transfer counts once, in its first "
        "area):\n");
    fmt::print("  {:<9}{:>11}{:>13}{:>14}{:>7}\n", "area", "complaint", "information",
               "consultation", "total");
    Counts totals;
    for (const std::string& area : kAreaOrder) {
        int total = 0;
        std::string row = fmt::format("  {:<9}", area);
        for (size_t column = 0; column < kPurposeOrder.size(); ++column) {
            const std::string& purpose = kPurposeOrder[column];
            const int count = table[area][purpose];
            row += fmt::format("{:>{}}", count, kColumnWidths[column]);
            total += count;
            totals[purpose] += count;
        }
        fmt::print("{}{:>7}\n", row, total);
    }
    fmt::print("  {:<9}{:>11}{:>13}{:>14}{:>7}\n", "all", totals["complaint"],
               totals["information"], totals["consultation"], first_tickets.size());
}

void print_percentiles(const Json& figures, const std::string& title) {
    fmt::print("{}: p50 {:.1f} min, p90 {:.1f} min, max {:.1f} min ({} visits)\n", title,
               figures.at("p50_minutes").get<double>(), figures.at("p90_minutes").get<double>(),
               figures.at("max_minutes").get<double>(), figures.at("count").get<int>());
}

}  // namespace

int print_and_check_day(const Scenario& scenario, const ReplayLog& log,
                        const OfficeTime& office_time, ApiClient& reception) {
    const Json report = fetch(reception, "/api/v1/reports/daily?date=" + scenario.date);
    const Json queue = fetch(reception, "/api/v1/queue");
    const Json officers = fetch(reception, "/api/v1/officers");
    const Json appointments = fetch(reception, "/api/v1/appointments?date=" + scenario.date);
    const Expected expected = expected_figures(scenario);

    std::map<TicketId, Json> tickets;
    std::vector<Json> first_tickets;
    for (const Json& ticket : queue.at("tickets")) {
        tickets[ticket.at("id").get<TicketId>()] = ticket;
        if (ticket.at("previous_ticket_id").is_null())
            first_tickets.push_back(ticket);
    }
    std::map<OfficerId, std::string> username_of;
    std::map<OfficerId, std::set<std::string>> areas_of;
    for (const Json& officer : officers.at("officers")) {
        const OfficerId id = officer.at("id").get<OfficerId>();
        username_of[id] = officer.at("username").get<std::string>();
        for (const Json& area : officer.at("areas")) areas_of[id].insert(area.get<std::string>());
    }

    // The figures, as the server reports them.
    fmt::print(
        "\nDay {} replayed: {} visitors came ({} booked, absent from bookings: {}), last visitor left at "
        "{}\n",
        scenario.date, report.at("tickets").get<int>(), report.at("booked").get<int>(),
        expected.booked_absent, office_time.rfc3339(log.ended_at).substr(11, 5));
    print_area_purpose_table(first_tickets);
    print_percentiles(report.at("waiting"), "Waiting time, check-in to call");
    print_percentiles(report.at("service"), "Service time, start to finish");
    fmt::print("No-shows: {}\n", report.at("no_shows").get<int>());
    fmt::print("Outcomes: {}\n", format_counts(counts_of(report.at("by_outcome"))));
    fmt::print("Booked visitors served by the officer they booked: {} of {}\n",
               report.at("booked_served_by_booked_officer").get<int>(),
               report.at("booked").get<int>());
    Counts served_by;
    for (const auto& [id, ticket] : tickets) {
        if (!ticket.at("officer_id").is_null() && ticket.at("state") == "done") {
            ++served_by[username_of[ticket.at("officer_id").get<OfficerId>()]];
        }
    }
    fmt::print("Tickets finished per officer: {}\n", format_counts(served_by));

    // The report against the scenario.
    fmt::print("\nChecks against the scenario:\n");
    Checks checks;
    checks.expect_equal(report.at("tickets").get<int>(), expected.tickets,
                        "visits in the daily report");
    checks.expect_counts(counts_of(report.at("by_area")), expected.by_area, "visits per area");
    checks.expect_counts(counts_of(report.at("by_purpose")), expected.by_purpose,
                         "visits per purpose");
    checks.expect_counts(counts_of(report.at("by_outcome")), expected.by_outcome, "outcomes");
    checks.expect_equal(report.at("no_shows").get<int>(), expected.no_shows, "no-shows");
    checks.expect_equal(report.at("booked").get<int>(), expected.booked,
                        "booked visitors who came");
    checks.expect_equal(report.at("booked_served_by_booked_officer").get<int>(),
                        expected.booked_served_by_booked_officer,
                        "booked visitors served by the booked officer");
    checks.expect_equal(report.at("waiting").at("count").get<int>(), expected.tickets,
                        "visits with a waiting time");
    checks.expect_equal(static_cast<int>(first_tickets.size()), expected.tickets,
                        "first tickets in the ticket list");

    // Every visit's tickets against the scenario entry.
    int visits_as_planned = 0;
    for (size_t index = 0; index < scenario.visits.size(); ++index) {
        const Visit& visit = scenario.visits[index];
        const VisitRecord& record = log.visits[index];
        if (visit.absent)
            continue;
        const TicketId final_id = record.follow_up_id != 0 ? record.follow_up_id : record.ticket_id;
        const auto found = tickets.find(final_id);
        if (found == tickets.end()) {
            checks.expect(false, visit.label + ": ticket id " + std::to_string(final_id) +
                                     " is not in the ticket list");
            continue;
        }
        const Json& ticket = found->second;
        const std::string expected_state = visit.no_show ? "no_show" : "done";
        const std::string expected_area =
            visit.transfer_to.empty() ? visit.area : visit.transfer_to;
        std::vector<std::string> problems;
        if (ticket.at("state") != expected_state)
            problems.push_back("state " + ticket.at("state").get<std::string>());
        if (!visit.no_show && ticket.at("outcome") != visit.outcome) {
            problems.push_back("outcome " + ticket.at("outcome").dump());
        }
        if (ticket.at("area") != expected_area)
            problems.push_back("area " + ticket.at("area").get<std::string>());
        if (ticket.at("kind") != (visit.booked ? "booked" : "walk_in"))
            problems.push_back("kind " + ticket.at("kind").dump());
        const bool priority = ticket.at("priority") == "priority";
        if (priority != !visit.priority_reason.empty())
            problems.push_back("priority " + ticket.at("priority").dump());
        if (visit.booked && !visit.no_show) {
            const OfficerId booked_id = log.officer_ids.at(visit.officer);
            const OfficerId served_id = ticket.at("officer_id").get<OfficerId>();
            if (!visit.served_by_other && served_id != booked_id) {
                problems.push_back("served by " + username_of[served_id] + ", booked with " +
                                   visit.officer);
            }
            if (visit.served_by_other && served_id == booked_id) {
                problems.push_back("served by the booked officer, who was away");
            }
            if (visit.served_by_other &&
                ticket.at("selection").at("rule") != "booked_officer_absent") {
                problems.push_back("selection rule " + ticket.at("selection").at("rule").dump());
            }
        }
        if (!visit.transfer_to.empty()) {
            const auto first = tickets.find(record.ticket_id);
            if (first == tickets.end() || first->second.at("outcome") != "transferred" ||
                ticket.at("previous_ticket_id") != record.ticket_id ||
                ticket.at("code") != first->second.at("code")) {
                problems.push_back(
                    "the transfer is not linked to its first ticket with the same code");
            }
        }
        if (problems.empty()) {
            ++visits_as_planned;
        } else {
            std::string text;
            for (const std::string& problem : problems)
                text += (text.empty() ? "" : "; ") + problem;
            checks.expect(false, fmt::format("{} ticket {}: {}", visit.label, record.code, text));
        }
    }
    checks.expect_equal(visits_as_planned, expected.tickets,
                        "visits whose tickets end as the scenario says");

    // Whole-day rules.
    int unfinished = 0;
    int outside_skills = 0;
    for (const auto& [id, ticket] : tickets) {
        const std::string state = ticket.at("state").get<std::string>();
        if (state == "waiting" || state == "called" || state == "serving")
            ++unfinished;
        if (ticket.at("officer_id").is_null())
            continue;
        const OfficerId officer = ticket.at("officer_id").get<OfficerId>();
        if (!areas_of[officer].count(ticket.at("area").get<std::string>())) {
            ++outside_skills;
            checks.expect(
                false, fmt::format("ticket {} in area {} was handled by {}, who does not serve it",
                                   ticket.at("code").get<std::string>(),
                                   ticket.at("area").get<std::string>(), username_of[officer]));
        }
    }
    checks.expect_equal(unfinished, 0, "tickets still waiting, called or served");
    checks.expect_equal(outside_skills, 0, "tickets handled by an officer without that area");

    int lost = 0;
    for (const auto& [id, state] : log.acknowledged_state) {
        if (!tickets.count(id))
            ++lost;
    }
    checks.expect_equal(lost, 0,
                        fmt::format("acknowledged tickets missing at the end (of {})",
                                    log.acknowledged_state.size()));
    if (scenario.restart_at) {
        checks.expect(log.restarted, "the server was killed with SIGKILL and started again at " +
                                         office_time.rfc3339(log.restarted_at).substr(11, 5));
        checks.expect(log.restart_losses.empty(),
                      fmt::format("every acknowledged ticket state survived the restart ({} lost)",
                                  log.restart_losses.size()));
        for (const std::string& loss : log.restart_losses) checks.expect(false, "restart: " + loss);
    }

    // A paused officer gets no calls: none of their tickets was called inside the pause.
    for (const PauseRecord& pause : log.pauses) {
        const TimestampMs until = pause.to != 0 ? pause.to : log.ended_at;
        int calls = 0;
        for (const auto& [id, ticket] : tickets) {
            if (ticket.at("officer_id").is_null() || ticket.at("called_at").is_null())
                continue;
            if (username_of[ticket.at("officer_id").get<OfficerId>()] != pause.officer)
                continue;
            auto called = parse_rfc3339(ticket.at("called_at").get<std::string>());
            // The server's clock may lag the replay's by the time it took to start, so the
            // edges of the pause get a minute of margin.
            if (called && *called > pause.from + 60'000 && *called < until - 60'000)
                ++calls;
        }
        checks.expect_equal(calls, 0,
                            fmt::format("calls to {} during the pause {}-{}", pause.officer,
                                        office_time.rfc3339(pause.from).substr(11, 5),
                                        office_time.rfc3339(until).substr(11, 5)));
    }
    checks.expect_equal(log.calls_rejected_while_paused, static_cast<int>(log.pauses.size()),
                        "call-next requests rejected with 409 while paused");

    // Appointments: those who came are done, those who stayed away still scheduled.
    std::map<std::string, std::string> status_of_code;
    for (const Json& appointment : appointments.at("appointments")) {
        status_of_code[appointment.at("booking_code").get<std::string>()] =
            appointment.at("status").get<std::string>();
    }
    int appointments_as_planned = 0;
    int bookings = 0;
    for (size_t index = 0; index < scenario.visits.size(); ++index) {
        const Visit& visit = scenario.visits[index];
        if (!visit.booked)
            continue;
        ++bookings;
        const std::string status = status_of_code[log.visits[index].booking_code];
        const std::string expected_status = visit.absent ? "scheduled" : "done";
        if (status == expected_status) {
            ++appointments_as_planned;
        } else {
            checks.expect(
                false, fmt::format("appointment {} ({}) is '{}', expected '{}'", visit.booking_key,
                                   log.visits[index].booking_code, status, expected_status));
        }
    }
    checks.expect_equal(appointments_as_planned, bookings,
                        "appointments done or, for absent visitors, still scheduled");
    return checks.failures();
}

}  // namespace antrean::replay
