#pragma once

// Appointments that reach the office by email or phone: the booking form, the reschedule
// form, and the confirmation message (always in Indonesian) that the receptionist pastes
// into the reply.

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "console/staff_data.hpp"
#include "domain/office_time.hpp"
#include "i18n/catalog.hpp"

namespace antrean::reception {

enum class BookingField {
    Name, Phone, Nik, Email, Institution, Area, Purpose, Summary, Date, Time, Length, kCount
};
inline constexpr std::array booking_field_names{"name",    "phone",   "nik",  "email", "institution", "area",
                                                "purpose", "summary", "date", "time",  "length"};
static_assert(booking_field_names.size() == static_cast<size_t>(BookingField::kCount));

inline constexpr int kMinAppointmentMinutes = 5;
inline constexpr int kMaxAppointmentMinutes = 240;

// Reads a local date "YYYY-MM-DD" and a time "HH.MM" or "HH:MM" as an instant in the
// office's zone. Returns nothing when either is malformed or does not exist.
std::optional<TimestampMs> parse_local_slot(const OfficeTime& office, const std::string& date,
                                            const std::string& time);

// Checks the date, time and length of a slot. Adds the errors to `errors`.
void validate_slot(const OfficeTime& office, TimestampMs now, const std::string& date, const std::string& time,
                   int length_minutes, std::map<BookingField, Error>& errors);

struct BookingForm {
    AppointmentSource source = AppointmentSource::Email;
    Visitor visitor;
    std::optional<AreaId> area;
    std::optional<Purpose> purpose;
    std::string summary;
    std::string date;  // "2026-12-04"
    std::string time;  // "10.00"
    int length_minutes = 30;
    std::optional<OfficerId> officer_id;  // none: any officer of the area

    // Checks the visitor with the kiosk's rules, the choices, and a slot that exists and
    // has not passed (`now`). Returns each invalid field's error; empty when it can be sent.
    std::map<BookingField, Error> validate(const OfficeTime& office, TimestampMs now) const;
    // The body of POST /api/v1/appointments; only valid when validate() found nothing.
    nlohmann::json body(const OfficeTime& office) const;
};

// Moves a scheduled appointment to another time, length or officer.
struct RescheduleForm {
    AppointmentId appointment_id = 0;
    std::string booking_code;
    std::string date;
    std::string time;
    int length_minutes = 30;
    std::optional<OfficerId> officer_id;

    // Fills the form from an appointment's current values.
    static RescheduleForm from(const console::AppointmentRecord& appointment, const OfficeTime& office,
                               const Catalog& catalog);
    std::map<BookingField, Error> validate(const OfficeTime& office, TimestampMs now) const;
    // The body of PATCH /api/v1/appointments/{id}. Without an officer the body leaves the
    // assignment as it is, because the server reads a missing or null officer_id as
    // "no change".
    nlohmann::json body(const OfficeTime& office) const;
};

// The text for the reply email or message, in Indonesian: greeting, date, time, place,
// service area, booking code, what to bring, and the office's name.
std::string confirmation_message(const Catalog& catalog, const console::ConsoleConfig* config,
                                 const OfficeTime& office, const console::AppointmentRecord& appointment);

}  // namespace antrean::reception
