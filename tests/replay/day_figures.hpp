#pragma once

#include "client/api_client.hpp"
#include "day_replay.hpp"
#include "scenario.hpp"

namespace antrean::replay {

// Reads the day's figures from the server (daily report, ticket list, staff accounts and
// appointments), prints them, and compares them with what the scenario implies and with
// what the replay saw acknowledged. Prints one line per check and returns the number of
// checks that failed.
int print_and_check_day(const Scenario& scenario, const ReplayLog& log,
                        const OfficeTime& office_time, ApiClient& reception);

}  // namespace antrean::replay
