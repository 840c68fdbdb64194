#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/queue_engine.hpp"

namespace antrean::server {

struct NewAppointment {
    Visitor visitor;  // validated and normalized by the caller
    AreaId area;
    Purpose purpose = Purpose::Complaint;
    std::string summary;
    TimestampMs starts_at = 0;
    int length_minutes = 30;
    std::optional<OfficerId> officer_id;
    AppointmentSource source = AppointmentSource::Email;
};

// Changes to a booked meeting; unset fields stay as they are.
struct AppointmentChanges {
    std::optional<TimestampMs> starts_at;
    std::optional<int> length_minutes;
    std::optional<OfficerId> officer_id;
    std::optional<AppointmentStatus> status;  // only cancelled is accepted here
    std::optional<std::string> summary;
};

// Booked meetings: requests that came by email, phone or at the reception, and the
// check-in of a booked visitor at the kiosk.
class AppointmentBook {
public:
    explicit AppointmentBook(QueueEngine& engine) : engine_(engine) {}

    Result<Appointment> create(const NewAppointment& request);
    Result<Appointment> update(AppointmentId id, const AppointmentChanges& changes);
    // Appointments that start on the local date "2026-12-04".
    Result<std::vector<Appointment>> on_date(const std::string& local_date);
    Result<Appointment> find(AppointmentId id);
    Result<Appointment> find_by_code(const std::string& booking_code);
    // Today's scheduled appointment for a phone number in E.164.
    Result<Appointment> find_today_by_phone(const std::string& phone);
    // Issues the booked visitor's ticket; 404 unknown code, 409 checked in or cancelled.
    Result<IssuedTicket> check_in(const std::string& booking_code);

private:
    Result<void> check_officer(const std::optional<OfficerId>& officer_id, const AreaId& area);

    QueueEngine& engine_;
};

// Booking codes are 6 characters from an alphabet without look-alikes (no 0/O, 1/I/L).
inline constexpr std::string_view kBookingAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
inline constexpr size_t kBookingCodeLength = 6;
// Upper-cases and strips spaces and dashes; returns an error when a character is not in
// the alphabet, so a mistyped code is reported as such and not as "not found".
Result<std::string> normalize_booking_code(std::string_view text);

}  // namespace antrean::server
