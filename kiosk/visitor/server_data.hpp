#pragma once

// What the visitor kiosk reads from the queue server's replies: the office configuration
// and a new ticket. Parsing is separate from drawing so that it is tested on plain JSON.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/error.hpp"
#include "domain/types.hpp"

namespace antrean::kiosk {

// A text the server sends in both languages ({"id": "...", "en": "..."}).
struct LocalizedText {
    std::string indonesian;
    std::string english;

    // Returns the text in `language`, or the other language's text when that one is empty.
    const std::string& in(Language language) const;
};

struct AreaInfo {
    std::string id;
    std::string prefix;
    LocalizedText name;
    LocalizedText description;
};

struct PurposeInfo {
    Purpose purpose = Purpose::Complaint;
    LocalizedText name;
};

// The parts of GET /api/v1/config that the kiosk shows.
struct KioskConfig {
    LocalizedText office_name;
    std::vector<AreaInfo> areas;
    std::vector<PurposeInfo> purposes;
    std::string consent_version;
    std::string zone_label;  // "WIB"
    std::string time_zone;   // "Asia/Jakarta"

    const AreaInfo* find_area(const std::string& id) const;
};

// Parses the body of GET /api/v1/config. Areas or purposes that lack an id are skipped;
// a body without any area fails with ErrorCode::Internal and "error.invalid_response".
Result<KioskConfig> parse_kiosk_config(const nlohmann::json& body);

// A local date and time as the server wrote it, with the office's offset already applied.
struct LocalDateTime {
    int year = 0;
    int month = 0;
    int day = 0;
    int hour = 0;
    int minute = 0;
};

// Reads the local date and time out of an RFC 3339 text such as
// "2026-12-04T09:15:00+07:00". The offset is not applied, because the server writes
// times in the office's zone.
std::optional<LocalDateTime> parse_local_date_time(std::string_view rfc3339);

// Returns the day of the week, 0 = Sunday, of a Gregorian date.
int weekday_of(int year, int month, int day);

struct AppointmentInfo {
    std::optional<LocalDateTime> starts_at;
    int length_minutes = 0;
    std::string officer;  // already masked by the server: "B*** S."
    std::string desk_name;
};

// The ticket of a successful check-in, walk-in or booked.
struct TicketInfo {
    std::string code;  // "A-001"
    std::string area_id;
    LocalizedText area_name;
    int position = 0;
    int wait_min_minutes = 0;
    int wait_max_minutes = 0;
    std::string status_url;
    std::optional<LocalDateTime> created_at;
    std::optional<AppointmentInfo> appointment;  // booked check-ins only
};

// Parses the 201 body of POST /api/v1/tickets or of a booked check-in ({"ticket": {...},
// "appointment": {...}}). Fails with "error.invalid_response" when the ticket or its code
// is missing.
Result<TicketInfo> parse_ticket_reply(const nlohmann::json& body);

}  // namespace antrean::kiosk
