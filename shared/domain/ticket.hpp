#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/types.hpp"

namespace antrean {

// One visit in the queue, as the server stores it. `visitor` is personal data: only staff
// views carry it.
struct Ticket {
    TicketId id = 0;
    std::string code;          // "A-007"; a transfer keeps the code
    std::string service_date;  // "2026-12-04", local to the office
    AreaId area;
    Purpose purpose = Purpose::Complaint;
    Priority priority = Priority::Regular;
    TicketKind kind = TicketKind::WalkIn;
    TicketState state = TicketState::Waiting;
    std::string summary;
    Language language = Language::Indonesian;
    std::optional<OfficerId> assigned_officer_id;  // booked with, or transferred to
    std::optional<AppointmentId> appointment_id;
    std::optional<TimestampMs> appointment_starts_at;
    std::optional<OfficerId> officer_id;  // who called it
    std::optional<DeskId> desk_id;
    std::optional<TicketId> previous_ticket_id;
    std::string status_token;
    TimestampMs queued_at = 0;
    TimestampMs created_at = 0;
    std::optional<TimestampMs> called_at;
    int recall_count = 0;
    std::optional<TimestampMs> started_at;
    std::optional<TimestampMs> finished_at;
    std::optional<SelectionRule> selection_rule;
    std::optional<Outcome> outcome;
    std::string notes;
    std::string cancel_reason;
    std::optional<int> estimated_wait_minutes;
    ConsentBy consent_by = ConsentBy::Visitor;
    Visitor visitor;
};

// One line of a ticket's history: who did what and when.
struct TicketHistoryEntry {
    TimestampMs at = 0;
    std::string action;
    std::optional<TicketState> from_state;
    TicketState to_state = TicketState::Waiting;
    std::optional<OfficerId> officer_id;
    std::optional<DeskId> desk_id;
    std::string detail;
};

struct Officer {
    OfficerId id = 0;
    std::string username;
    std::string display_name;
    Role role = Role::Officer;
    std::vector<AreaId> areas;
    std::vector<Purpose> purposes;
    OfficerStatus status = OfficerStatus::Offline;
    std::string status_reason;
    std::optional<DeskId> desk_id;  // while logged in at a desk
    bool active = true;

    bool serves(const AreaId& area, Purpose purpose) const;
};

struct Appointment {
    AppointmentId id = 0;
    std::string booking_code;  // 6 characters without look-alikes (no 0/O, 1/I/L)
    Visitor visitor;
    AreaId area;
    Purpose purpose = Purpose::Complaint;
    std::string summary;
    TimestampMs starts_at = 0;
    int length_minutes = 30;
    std::optional<OfficerId> officer_id;
    AppointmentSource source = AppointmentSource::Email;
    AppointmentStatus status = AppointmentStatus::Scheduled;
    std::optional<TicketId> ticket_id;
    TimestampMs created_at = 0;
};

}  // namespace antrean
