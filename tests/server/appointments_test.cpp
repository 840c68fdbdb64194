#include <doctest/doctest.h>

#include "engine_fixture.hpp"

using namespace antrean;
using namespace antrean::server;
using namespace antrean::server::test_support;

namespace {

std::string status_name(AppointmentStatus status) { return to_string(status); }

TimestampMs local_time(EngineFixture& fixture, int day, int hour, int minute) {
    return fixture.office_time.from_local(2026, 12, day, hour, minute);
}

}  // namespace

TEST_CASE("booking code uses the unambiguous alphabet") {
    EngineFixture fixture;
    for (int i = 0; i < 20; ++i) {
        const Appointment appointment = fixture.book(std::nullopt, local_time(fixture, 4, 10, 0));
        CAPTURE(appointment.booking_code);
        CHECK(appointment.booking_code.size() == kBookingCodeLength);
        CHECK(appointment.booking_code.find_first_not_of(kBookingAlphabet) == std::string::npos);
        CHECK(appointment.booking_code.find_first_of("0O1IL") == std::string::npos);
        CHECK(appointment.status == AppointmentStatus::Scheduled);
    }
    CHECK(kBookingCodeLength == 6);
    CHECK(kBookingAlphabet.find_first_of("0O1IL") == std::string_view::npos);
}

TEST_CASE("booking code normalization") {
    struct Case {
        const char* input;
        const char* expected;  // nullptr: rejected as a format error
    };
    const Case cases[] = {
        {"ABC234", "ABC234"},
        {"abc234", "ABC234"},
        {"aBc 234", "ABC234"},
        {"ABC-234", "ABC234"},
        {" ab-c2 34 ", "ABC234"},
        {"ABC23O", nullptr},  // letter O looks like zero
        {"ABC230", nullptr},
        {"ABC231", nullptr},
        {"ABC23I", nullptr},
        {"ABC23L", nullptr},
        {"abc23l", nullptr},
        {"ABC23", nullptr},
        {"ABC2345", nullptr},
        {"", nullptr},
        {"ABC_34", nullptr},
    };
    for (const Case& c : cases) {
        CAPTURE(c.input);
        const Result<std::string> code = normalize_booking_code(c.input);
        if (c.expected != nullptr) {
            REQUIRE(code.has_value());
            CHECK(*code == c.expected);
        } else {
            CHECK(error_of(code) == ErrorCode::InvalidInput);
            CHECK(message_key_of(code) == "error.booking_code_format");
            CHECK(code.error().field == "booking_code");
        }
    }
}

TEST_CASE("booked check-in assigns the officer") {
    EngineFixture fixture;
    const OfficerId officer = fixture.create_staff("agus", Role::Officer, {"pbk"});
    const TimestampMs starts_at = local_time(fixture, 4, 10, 0);
    const Appointment appointment = fixture.book(officer, starts_at);

    // Codes are typed at the kiosk in any case and with separators.
    std::string typed = appointment.booking_code.substr(0, 3) + "-" + appointment.booking_code.substr(3);
    for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const IssuedTicket issued = require_value(fixture.appointments.check_in(typed));

    const Ticket ticket = fixture.find(issued.ticket.id);
    CHECK(ticket.kind == TicketKind::Booked);
    CHECK(ticket.state == TicketState::Waiting);
    CHECK(ticket.assigned_officer_id == std::optional<OfficerId>(officer));
    CHECK(ticket.appointment_id == std::optional<AppointmentId>(appointment.id));
    CHECK(ticket.appointment_starts_at == std::optional<TimestampMs>(starts_at));
    CHECK(ticket.code == "A-001");
    CHECK(ticket.visitor.name == "Wayan");
    CHECK(ticket.consent_by == ConsentBy::Receptionist);
    const Appointment stored = require_value(fixture.appointments.find(appointment.id));
    CHECK(status_name(stored.status) == "checked_in");
    CHECK(stored.ticket_id == std::optional<TicketId>(ticket.id));
}

TEST_CASE("second booked check-in conflicts") {
    EngineFixture fixture;
    const Appointment appointment = fixture.book(std::nullopt, local_time(fixture, 4, 10, 0));
    require_value(fixture.appointments.check_in(appointment.booking_code));

    const auto again = fixture.appointments.check_in(appointment.booking_code);

    CHECK(error_of(again) == ErrorCode::Conflict);
    CHECK(message_key_of(again) == "error.appointment_checked_in");
    CHECK(require_value(fixture.engine.today()).size() == 1);
}

TEST_CASE("cancelled appointment check-in conflicts") {
    EngineFixture fixture;
    const Appointment appointment = fixture.book(std::nullopt, local_time(fixture, 4, 10, 0));
    AppointmentChanges cancel;
    cancel.status = AppointmentStatus::Cancelled;
    require_value(fixture.appointments.update(appointment.id, cancel));

    const auto result = fixture.appointments.check_in(appointment.booking_code);

    CHECK(error_of(result) == ErrorCode::Conflict);
    CHECK(message_key_of(result) == "error.appointment_cancelled");
    CHECK(require_value(fixture.engine.today()).empty());
}

TEST_CASE("finished appointment check-in says so") {
    EngineFixture fixture;
    const LoggedIn dewi = fixture.officer_at_desk("dewi", "1");
    const Appointment appointment = fixture.book(dewi.id, kFridayMorning);
    const TicketId ticket = require_value(fixture.appointments.check_in(appointment.booking_code)).ticket.id;

    // Checked in again while waiting: the message asks the visitor to wait for the call.
    CHECK(message_key_of(fixture.appointments.check_in(appointment.booking_code)) ==
          "error.appointment_checked_in");

    // Called and not come: waiting again would be in vain, so the message differs.
    REQUIRE(fixture.call_next(dewi).has_value());
    fixture.apply(ticket, TicketAction::NoShow, dewi);
    const auto after_no_show = fixture.appointments.check_in(appointment.booking_code);
    CHECK(error_of(after_no_show) == ErrorCode::Conflict);
    CHECK(message_key_of(after_no_show) == "error.appointment_finished");
}

TEST_CASE("unknown booking code is not found") {
    EngineFixture fixture;

    const auto result = fixture.appointments.check_in("ABC234");

    CHECK(error_of(result) == ErrorCode::NotFound);
    CHECK(message_key_of(result) == "error.appointment_not_found");
}

TEST_CASE("find today's appointment by phone") {
    EngineFixture fixture;
    const Appointment today = fixture.book(std::nullopt, local_time(fixture, 4, 14, 0), "+6285711112222");
    fixture.book(std::nullopt, local_time(fixture, 5, 9, 0), "+6285733334444");
    const Appointment cancelled = fixture.book(std::nullopt, local_time(fixture, 4, 11, 0), "+6285755556666");
    AppointmentChanges cancel;
    cancel.status = AppointmentStatus::Cancelled;
    require_value(fixture.appointments.update(cancelled.id, cancel));

    const auto found = fixture.appointments.find_today_by_phone("+6285711112222");
    const auto tomorrow = fixture.appointments.find_today_by_phone("+6285733334444");
    const auto called_off = fixture.appointments.find_today_by_phone("+6285755556666");
    const auto unknown = fixture.appointments.find_today_by_phone("+6285799990000");

    REQUIRE(found.has_value());
    CHECK(found->id == today.id);
    CHECK(error_of(tomorrow) == ErrorCode::NotFound);
    CHECK(error_of(called_off) == ErrorCode::NotFound);
    CHECK(error_of(unknown) == ErrorCode::NotFound);
    CHECK(message_key_of(unknown) == "error.appointment_not_found_phone");
}

TEST_CASE("appointments listed by local date") {
    EngineFixture fixture;
    // 00:30 and 23:30 WIB fall on the 5th although one of them is still the 4th in UTC.
    const Appointment early = fixture.book(std::nullopt, local_time(fixture, 5, 0, 30));
    const Appointment late = fixture.book(std::nullopt, local_time(fixture, 5, 23, 30));
    fixture.book(std::nullopt, local_time(fixture, 4, 23, 30));
    fixture.book(std::nullopt, local_time(fixture, 6, 0, 0));

    const auto list = require_value(fixture.appointments.on_date("2026-12-05"));
    const auto bad = fixture.appointments.on_date("5 Desember");

    REQUIRE(list.size() == 2);
    CHECK(list[0].id == early.id);
    CHECK(list[1].id == late.id);
    CHECK(error_of(bad) == ErrorCode::InvalidInput);
}

TEST_CASE("appointment rejects bad length and officer") {
    EngineFixture fixture;
    const OfficerId receptionist = fixture.create_staff("resepsionis", Role::Receptionist, {});
    NewAppointment request;
    request.visitor = Visitor{"Wayan", "+6285711112222"};
    request.area = "pbk";
    request.starts_at = local_time(fixture, 4, 10, 0);

    request.length_minutes = 4;
    const auto too_short = fixture.appointments.create(request);
    request.length_minutes = 241;
    const auto too_long = fixture.appointments.create(request);
    request.length_minutes = 30;
    request.officer_id = receptionist;
    const auto not_an_officer = fixture.appointments.create(request);
    request.officer_id.reset();
    request.area = "saham";
    const auto unknown_area = fixture.appointments.create(request);

    CHECK(message_key_of(too_short) == "error.appointment_length");
    CHECK(message_key_of(too_long) == "error.appointment_length");
    CHECK(message_key_of(not_an_officer) == "error.officer_not_found");
    CHECK(message_key_of(unknown_area) == "error.unknown_area");
}

TEST_CASE("ticket end updates the appointment") {
    struct Case {
        TicketAction last_action;
        const char* expected_status;
    };
    const Case cases[] = {
        {TicketAction::Complete, "done"},
        {TicketAction::NoShow, "no_show"},
        {TicketAction::Cancel, "cancelled"},
    };
    EngineFixture fixture;
    const LoggedIn officer = fixture.officer_at_desk("agus", "1");

    for (const Case& c : cases) {
        CAPTURE(c.expected_status);
        const Appointment appointment = fixture.book(officer.id, fixture.clock.now());
        const IssuedTicket issued = require_value(fixture.appointments.check_in(appointment.booking_code));
        const auto call = fixture.call_next(officer);
        REQUIRE(call.has_value());
        REQUIRE(call->ticket.id == issued.ticket.id);
        ActionDetails details;
        details.outcome = Outcome::Answered;
        if (c.last_action == TicketAction::Complete) {
            fixture.apply(issued.ticket.id, TicketAction::Start, officer);
        }

        fixture.apply(issued.ticket.id, c.last_action, officer, details);

        const Appointment stored = require_value(fixture.appointments.find(appointment.id));
        CHECK(status_name(stored.status) == c.expected_status);
    }
}

TEST_CASE("booked check-in on another day is rejected") {
    EngineFixture fixture;
    const OfficerId officer = fixture.create_staff("budi", Role::Officer);
    const TimestampMs tomorrow = fixture.clock.now() + TimestampMs{24} * 3'600'000;
    const Appointment appointment = fixture.book(officer, tomorrow);
    const auto result = fixture.appointments.check_in(appointment.booking_code);
    CHECK(error_of(result) == ErrorCode::Conflict);
    CHECK(message_key_of(result) == "error.appointment_other_day");
    CHECK(require_value(fixture.appointments.find(appointment.id)).status == AppointmentStatus::Scheduled);
}
