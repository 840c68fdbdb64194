#pragma once

// Shared pieces of the console tests: the real catalogue, and tickets and accounts built
// field by field.

#include <filesystem>
#include <string>

#include "console/staff_data.hpp"
#include "i18n/catalog.hpp"

namespace antrean::testing {

// The catalogue in assets/i18n, loaded once.
const Catalog& real_catalog();

// A waiting walk-in ticket queued `queued_minutes_ago` before `now`.
console::StaffTicket make_ticket(TicketId id, const std::string& code, const std::string& area, TicketState state,
                                 TimestampMs now, int queued_minutes_ago);

// An officer serving `areas` with every purpose.
console::StaffAccount make_officer(OfficerId id, std::vector<AreaId> areas);

}  // namespace antrean::testing
