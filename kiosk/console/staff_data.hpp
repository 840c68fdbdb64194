#pragma once

// What the staff consoles read from the queue server's staff routes: the office
// configuration, tickets in the staff form (with the visitor's identity), staff accounts,
// appointments and the day's reports. Parsing is kept apart from drawing so that it is
// tested on plain JSON.

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/error.hpp"
#include "domain/ticket.hpp"
#include "domain/types.hpp"
#include "visitor/server_data.hpp"

namespace antrean::console {

using kiosk::AreaInfo;
using kiosk::LocalizedText;
using kiosk::PurposeInfo;

struct DeskInfo {
    DeskId id;
    std::string name;      // "Meja 1"
    std::string location;  // "Lantai 2"
};

// The parts of GET /api/v1/config that the consoles use.
struct ConsoleConfig {
    LocalizedText office_name;
    std::vector<AreaInfo> areas;
    std::vector<PurposeInfo> purposes;
    std::vector<DeskInfo> desks;
    std::string zone_label;  // "WIB"
    std::string time_zone;   // "Asia/Jakarta"
    // Where a complainant sends evidence after a referral; empty when not configured.
    std::string evidence_whatsapp;
    std::string evidence_email;

    const AreaInfo* find_area(const AreaId& id) const;
    const DeskInfo* find_desk(const DeskId& id) const;
};

// Parses the body of GET /api/v1/config. Fails like kiosk::parse_kiosk_config.
Result<ConsoleConfig> parse_console_config(const nlohmann::json& body);

// A ticket in the staff form of GET /api/v1/queue and of the ticket actions' replies.
// Times are UTC milliseconds; the consoles format them in the office's zone.
struct StaffTicket {
    TicketId id = 0;
    std::string code;
    AreaId area;
    Purpose purpose = Purpose::Complaint;
    Priority priority = Priority::Regular;
    TicketKind kind = TicketKind::WalkIn;
    TicketState state = TicketState::Waiting;
    std::optional<DeskId> desk_id;
    std::string desk_name;
    Visitor visitor;
    std::string summary;
    Language language = Language::Indonesian;
    ConsentBy consent_by = ConsentBy::Visitor;
    TimestampMs created_at = 0;
    TimestampMs queued_at = 0;
    std::optional<TimestampMs> called_at;
    std::optional<TimestampMs> started_at;
    std::optional<TimestampMs> finished_at;
    int recall_count = 0;
    std::optional<OfficerId> officer_id;           // who called it
    std::optional<OfficerId> assigned_officer_id;  // booked with, or transferred to
    std::optional<AppointmentId> appointment_id;
    std::optional<TimestampMs> appointment_starts_at;
    std::optional<TicketId> previous_ticket_id;
    std::optional<Outcome> outcome;
    std::string notes;
    std::string cancel_reason;
    std::optional<int> estimated_wait_minutes;
    std::string selection_rule;     // "longest_wait", or empty before the call
    std::string selection_message;  // the server's sentence, in the request's language
    std::string status_url;         // the visitor's phone page, for the QR code of a reprint

    // Minutes from joining the queue until the call, or until `now` while it waits.
    int waited_minutes(TimestampMs now) const;
    bool is_active() const;  // waiting, called or being served
};

// Parses one ticket of the staff form; fails with "error.invalid_response" without an id
// or a code.
Result<StaffTicket> parse_staff_ticket(const nlohmann::json& json);

struct QueueSnapshot {
    std::string service_date;
    std::vector<StaffTicket> tickets;
};

// Parses GET /api/v1/queue. Tickets that fail to parse are skipped.
Result<QueueSnapshot> parse_queue(const nlohmann::json& body);

// A staff account: the officer object of the login reply and of GET /api/v1/officers.
struct StaffAccount {
    OfficerId id = 0;
    std::string username;
    std::string name;
    Role role = Role::Officer;
    std::vector<AreaId> areas;
    std::vector<Purpose> purposes;
    OfficerStatus status = OfficerStatus::Offline;
    std::string status_reason;
    std::optional<DeskId> desk;

    // Whether this account may be called for a ticket of `area` and `purpose`.
    bool serves(const AreaId& area, Purpose purpose) const;
};

Result<StaffAccount> parse_staff_account(const nlohmann::json& json);
// Parses GET /api/v1/officers; accounts that fail to parse are skipped.
std::vector<StaffAccount> parse_staff_accounts(const nlohmann::json& body);

// An appointment as GET /api/v1/appointments lists it: the domain type, with created_at
// left at 0 because the list does not carry it.
using AppointmentRecord = Appointment;

Result<AppointmentRecord> parse_appointment(const nlohmann::json& json);
// Parses GET /api/v1/appointments; appointments that fail to parse are skipped.
std::vector<AppointmentRecord> parse_appointments(const nlohmann::json& body);

// The satisfaction index of GET /api/v1/reports/ikm for one period.
struct IkmSummary {
    int responses = 0;
    std::optional<double> index;  // 25-100; none without responses
    std::string category_letter;  // "A" … "D"
    LocalizedText category_name;  // "Sangat Baik" / "Very good"
};

IkmSummary parse_ikm(const nlohmann::json& body);

// The figures of GET /api/v1/reports/daily that the summary shows.
struct DailyFigures {
    int tickets = 0;
    int no_shows = 0;
    std::map<std::string, int> by_outcome;
    int waiting_p50_minutes = 0;
    int waiting_p90_minutes = 0;
    int waiting_max_minutes = 0;
    int service_p50_minutes = 0;
};

DailyFigures parse_daily_report(const nlohmann::json& body);

// Parses an RFC 3339 field of `object`; nothing when absent, null or malformed.
std::optional<TimestampMs> time_field(const nlohmann::json& object, const char* key);

}  // namespace antrean::console
