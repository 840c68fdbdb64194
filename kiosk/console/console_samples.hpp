#pragma once

// Sample content for rendering the consoles without a server (--screenshot and
// --screenshot-all): the office configuration from the shipped TOML file and made-up
// staff, visitors and tickets on a fixed morning.

#include <filesystem>
#include <vector>

#include "console/staff_data.hpp"
#include "console/staff_session.hpp"

namespace antrean::console {

// 4 December 2026, 09:30 WIB: the fixed "now" of every sample screen.
TimestampMs sample_now();
// An instant `minutes` after (or before, when negative) sample_now().
TimestampMs sample_time(int minutes);

// Reads areas, purposes, desks and the office name from a server configuration file.
// The evidence channels of the shipped file are empty, so sample ones are filled in.
// Fails with "kiosk.error.sample_config" {path} {reason}.
Result<ConsoleConfig> load_console_sample_config(const std::filesystem::path& toml_file);

// Officers Budi (PBK, SRG; desk 1), Rina (reception), Dewi (SRG, PLK; desk 2) and Agus (all
// areas; offline).
std::vector<StaffAccount> sample_staff();
// Today's queue: tickets waiting, called, being served, done and no-show.
QueueSnapshot sample_queue();
// Today's appointments, some for Budi.
std::vector<AppointmentRecord> sample_appointments();

// Fills a session as if `account` had logged in: configuration, fixed clock, staff, queue.
void fill_sample_session(StaffSession& session, const ConsoleConfig& config, const StaffAccount& account,
                         Language language);

}  // namespace antrean::console
