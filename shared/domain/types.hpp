#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/enum_names.hpp"

namespace antrean {

// Service areas (pbk, srg, plk, general, ...) are configuration, so they are plain string ids.
using AreaId = std::string;
using DeskId = std::string;
using TicketId = std::int64_t;
using OfficerId = std::int64_t;
using AppointmentId = std::int64_t;
// Milliseconds since the Unix epoch, UTC. Only the edges (JSON, screens) use local time.
using TimestampMs = std::int64_t;

#define ANTREAN_ENUM_NAMES(Enum, table, ...)                                              \
    inline constexpr std::array table{__VA_ARGS__};                                       \
    static_assert(table.size() == static_cast<size_t>(Enum::kCount));                     \
    inline const char* to_string(Enum value) { return enum_name(table, value); }          \
    inline std::optional<Enum> parse_##table(std::string_view text) {                     \
        return parse_enum<Enum>(table, text);                                             \
    }

enum class Purpose { Complaint, Information, Consultation, kCount };
ANTREAN_ENUM_NAMES(Purpose, purpose_names, "complaint", "information", "consultation")

enum class Priority { Regular, Priority, kCount };
ANTREAN_ENUM_NAMES(Priority, priority_names, "regular", "priority")

enum class TicketState { Waiting, Called, Serving, Done, NoShow, Cancelled, kCount };
ANTREAN_ENUM_NAMES(TicketState, ticket_state_names, "waiting", "called", "serving", "done",
                   "no_show", "cancelled")

enum class TicketKind { WalkIn, Booked, kCount };
ANTREAN_ENUM_NAMES(TicketKind, ticket_kind_names, "walk_in", "booked")

enum class Outcome { Answered, Referred, Transferred, kCount };
ANTREAN_ENUM_NAMES(Outcome, outcome_names, "answered", "referred", "transferred")

enum class Role { Officer, Receptionist, Admin, kCount };
ANTREAN_ENUM_NAMES(Role, role_names, "officer", "receptionist", "admin")

enum class OfficerStatus { Available, Paused, Offline, kCount };
ANTREAN_ENUM_NAMES(OfficerStatus, officer_status_names, "available", "paused", "offline")

enum class AppointmentSource { Email, Phone, Reception, kCount };
ANTREAN_ENUM_NAMES(AppointmentSource, appointment_source_names, "email", "phone", "reception")

enum class AppointmentStatus { Scheduled, CheckedIn, Done, Cancelled, NoShow, kCount };
ANTREAN_ENUM_NAMES(AppointmentStatus, appointment_status_names, "scheduled", "checked_in",
                   "done", "cancelled", "no_show")

enum class ConsentBy { Visitor, Receptionist, kCount };
ANTREAN_ENUM_NAMES(ConsentBy, consent_by_names, "visitor", "receptionist")

// The rule that made the queue engine pick a ticket, recorded with each call so staff can
// explain the order to a visitor.
enum class SelectionRule {
    BookedAtSlot,       // booked with this officer and the slot has started or is within grace
    WaitedOverLimit,    // a regular ticket that waited past the anti-starvation limit
    Priority,           // elderly, disabled, pregnant or with a small child
    LongestWait,        // first come, first served
    BookedOfficerAbsent,  // booked with an officer who is not logged in, offered after a delay
    BookedEarly,        // booked with this officer before the slot, and nobody else waits
    TransferredToOfficer,  // sent to this officer by a transfer
    kCount,
};
ANTREAN_ENUM_NAMES(SelectionRule, selection_rule_names, "booked_at_slot", "waited_over_limit",
                   "priority", "longest_wait", "booked_officer_absent", "booked_early",
                   "transferred_to_officer")

#undef ANTREAN_ENUM_NAMES

// A visitor's identity as entered at the kiosk or the reception; personal data.
struct Visitor {
    std::string name;
    std::string phone;  // E.164 after validation, e.g. +6281234567890
    std::string nik;    // empty when not given
    std::string passport;
    std::string email;
    std::string institution;
};

// Language of the person a message is for.
enum class Language { Indonesian, English, kCount };
inline constexpr std::array language_codes{"id", "en"};
static_assert(language_codes.size() == static_cast<size_t>(Language::kCount));
inline const char* to_string(Language language) { return enum_name(language_codes, language); }
// Picks the first supported language of an Accept-Language header; Indonesian otherwise.
Language parse_accept_language(std::string_view header);

}  // namespace antrean
