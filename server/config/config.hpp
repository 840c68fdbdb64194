#pragma once

#include <filesystem>
#include <array>
#include <map>
#include <string>
#include <vector>

#include "domain/error.hpp"
#include "domain/types.hpp"

namespace antrean::server {

struct LocalizedText {
    std::string id;  // Indonesian
    std::string en;  // English
};

struct AreaConfig {
    AreaId id;
    std::string prefix;  // one capital letter printed before the ticket number, "A" in A-007
    LocalizedText name;
    LocalizedText description;  // one line a layperson understands
};

struct DeskConfig {
    DeskId id;
    std::string name;      // "Meja 1"
    std::string location;  // "Lantai 2"
};

// Opening hours of one weekday; closed when `open` is empty.
struct OpeningHours {
    std::string open;   // "08:00"
    std::string close;  // "16:00"
};

// One element of the public satisfaction survey, answered on a 1-4 scale.
struct SurveyElement {
    std::string id;
    LocalizedText question;
    std::array<LocalizedText, 4> answers;  // wording of scores 1, 2, 3 and 4
};

struct QueuePolicy {
    int booking_grace_minutes = 10;        // a booked visitor may be called this early
    int starvation_limit_minutes = 45;     // a regular ticket waiting longer goes before priority
    int booked_officer_absent_minutes = 15;  // then a booked visitor is offered to others
    int default_service_minutes = 15;      // service time assumed before any was measured
    int service_day_start_hour = 0;        // local hour at which ticket numbers restart at 1
};

struct SecurityPolicy {
    int token_ttl_minutes = 12 * 60;
    int login_failures_before_delay = 5;  // per user name and per address, within the window
    int login_failure_window_minutes = 15;
    int retention_days = 90;  // personal data of finished visits is erased after this
};

struct ServerConfig {
    LocalizedText office_name;
    std::string time_zone = "Asia/Jakarta";
    std::string zone_label = "WIB";
    std::string public_base_url;  // empty until set from the file or the listen address
    std::string consent_version = "2026-12";
    std::string evidence_whatsapp;
    std::string evidence_email;
    std::vector<AreaConfig> areas;
    std::vector<DeskConfig> desks;
    std::map<std::string, OpeningHours> opening_hours;  // keys "monday" .. "sunday"
    std::vector<SurveyElement> survey_elements;  // empty: no survey is offered
    QueuePolicy queue;
    SecurityPolicy security;
    bool enforce_opening_hours = true;  // walk-in check-in only within opening_hours
    size_t max_body_bytes = 64 * 1024;
    int worker_threads = 96;  // each open event stream occupies one worker

    const AreaConfig* find_area(std::string_view id) const;
    const DeskConfig* find_desk(std::string_view id) const;
};

// Reads a TOML configuration file (see assets/config/antrean.toml for every key). Returns an
// error naming the file, the key and the rule when the file is unreadable or a value is wrong.
Result<ServerConfig> load_config(const std::filesystem::path& path);

// The configuration shipped in assets/, used when the server gets no --config.
std::filesystem::path default_config_path();

}  // namespace antrean::server
