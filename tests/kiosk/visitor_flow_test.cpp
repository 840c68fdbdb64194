#include <doctest/doctest.h>

#include "visitor/visitor_flow.hpp"

using namespace antrean;
using namespace antrean::kiosk;

namespace {

void fill_valid_identity(VisitorFlow& flow) {
    flow.value(Field::Name) = "Siti Aminah";
    flow.value(Field::Phone) = "0812 3456 7890";
}

// Walks a walk-in visitor to the consent step with valid input.
VisitorFlow flow_at_consent() {
    VisitorFlow flow;
    flow.start_walk_in();
    flow.choose_purpose(Purpose::Complaint);
    flow.choose_area("pbk");
    fill_valid_identity(flow);
    REQUIRE(flow.next());  // Identity -> IdentityExtra
    REQUIRE(flow.next());  // IdentityExtra -> Summary
    REQUIRE(flow.next());  // Summary -> Priority
    flow.choose_priority(Priority::Regular);
    REQUIRE(flow.step() == Step::Confirm);
    REQUIRE(flow.next());
    REQUIRE(flow.step() == Step::Consent);
    return flow;
}

TicketInfo sample_ticket() {
    TicketInfo ticket;
    ticket.code = "A-001";
    ticket.area_id = "pbk";
    ticket.status_url = "http://127.0.0.1/status";
    return ticket;
}

bool every_field_empty(const VisitorFlow& flow) {
    for (size_t i = 0; i < kFieldCount; ++i) {
        if (!flow.value(static_cast<Field>(i)).empty()) {
            return false;
        }
    }
    return flow.booking().code.empty() && flow.booking().phone.empty() && !flow.form().purpose &&
           flow.form().area.empty() && !flow.form().priority && !flow.form().consent && !flow.ticket();
}

}  // namespace

TEST_CASE("walk-in flow visits every step in order") {
    VisitorFlow flow;
    CHECK(flow.step() == Step::Welcome);
    flow.start_walk_in();
    CHECK(flow.step() == Step::Purpose);
    CHECK(flow.step_position().number == 1);
    CHECK(flow.step_position().total == 8);
    // Next does nothing until a purpose is chosen.
    CHECK_FALSE(flow.next());
    flow.choose_purpose(Purpose::Information);
    CHECK(flow.step() == Step::Area);
    flow.choose_area("srg");
    CHECK(flow.step() == Step::Identity);
    CHECK(flow.step_position().number == 3);
    fill_valid_identity(flow);
    CHECK(flow.next());
    CHECK(flow.step() == Step::IdentityExtra);
    CHECK(flow.step_position().number == 3);
    CHECK(flow.next());
    CHECK(flow.step() == Step::Summary);
    CHECK(flow.next());
    CHECK(flow.step() == Step::Priority);
    flow.choose_priority(Priority::Priority);
    CHECK(flow.step() == Step::Confirm);
    CHECK(flow.next());
    CHECK(flow.step() == Step::Consent);
    CHECK(flow.step_position().number == 7);
}

TEST_CASE("back walks each step to the previous one") {
    VisitorFlow flow = flow_at_consent();
    const Step expected[] = {Step::Confirm, Step::Priority, Step::Summary, Step::IdentityExtra,
                             Step::Identity, Step::Area, Step::Purpose, Step::Welcome};
    for (const Step step : expected) {
        flow.back();
        CHECK(flow.step() == step);
    }
    // Going back past the first step is a cancel: everything entered is gone.
    CHECK(every_field_empty(flow));
}

TEST_CASE("back keeps what was entered") {
    VisitorFlow flow = flow_at_consent();
    flow.back();
    flow.back();
    flow.back();
    flow.back();
    CHECK(flow.step() == Step::IdentityExtra);
    CHECK(flow.value(Field::Name) == "Siti Aminah");
    CHECK(flow.form().priority == Priority::Regular);
}

TEST_CASE("cancel from every step clears everything") {
    for (int steps_forward = 0; steps_forward <= 7; ++steps_forward) {
        VisitorFlow flow = flow_at_consent();
        flow.set_consent(true);
        flow.set_language(Language::English);
        for (int i = 0; i < 7 - steps_forward; ++i) {
            flow.back();
        }
        CAPTURE(step_name(flow.step()));
        const auto session = flow.session();
        flow.cancel();
        CHECK(flow.step() == Step::Welcome);
        CHECK(every_field_empty(flow));
        CHECK(flow.language() == Language::Indonesian);
        CHECK(flow.session() == session + 1);
    }
}

TEST_CASE("booking flow goes back and cancels to the welcome screen") {
    VisitorFlow flow;
    flow.start_booking();
    CHECK(flow.step() == Step::Booking);
    CHECK(flow.step_position().total == 2);
    flow.booking().code = "K7M2";
    flow.back();
    CHECK(flow.step() == Step::Welcome);
    CHECK(flow.booking().code.empty());

    flow.start_booking();
    flow.booking().phone = "0812";
    flow.cancel();
    CHECK(flow.step() == Step::Welcome);
    CHECK(flow.booking().phone.empty());
}

TEST_CASE("identity step blocks invalid fields and shows their errors") {
    VisitorFlow flow;
    flow.start_walk_in();
    flow.choose_purpose(Purpose::Complaint);
    flow.choose_area("pbk");
    CHECK_FALSE(flow.field_error(Field::Name));  // untouched fields show nothing
    CHECK_FALSE(flow.next());
    CHECK(flow.step() == Step::Identity);
    REQUIRE(flow.field_error(Field::Name));
    CHECK(flow.field_error(Field::Name)->message_key == "error.name.required");
    REQUIRE(flow.field_error(Field::Phone));
    CHECK(flow.field_error(Field::Phone)->message_key == "error.phone.required");

    // The message follows the value as the visitor types.
    flow.value(Field::Name) = "Siti 2";
    CHECK(flow.field_error(Field::Name)->message_key == "error.name.characters");
    flow.value(Field::Name) = "Siti";
    CHECK_FALSE(flow.field_error(Field::Name));
}

TEST_CASE("optional fields are validated when filled") {
    VisitorFlow flow;
    flow.start_walk_in();
    flow.choose_purpose(Purpose::Complaint);
    flow.choose_area("pbk");
    fill_valid_identity(flow);
    REQUIRE(flow.next());
    flow.value(Field::Nik) = "12345";
    CHECK_FALSE(flow.next());
    REQUIRE(flow.field_error(Field::Nik));
    CHECK(flow.field_error(Field::Nik)->message_key == "error.nik.length");
    flow.value(Field::Nik) = "";
    flow.value(Field::Email) = "siti@";
    CHECK_FALSE(flow.next());
    flow.value(Field::Email) = "siti@contoh.id";
    CHECK(flow.next());
    CHECK(flow.step() == Step::Summary);
}

TEST_CASE("change from confirmation returns to confirmation") {
    VisitorFlow flow = flow_at_consent();
    flow.back();
    REQUIRE(flow.step() == Step::Confirm);

    flow.edit(ConfirmGroup::Identity);
    CHECK(flow.step() == Step::Identity);
    CHECK(flow.editing());
    flow.value(Field::Name) = "Siti Rahma";
    CHECK(flow.next());
    CHECK(flow.step() == Step::IdentityExtra);
    CHECK(flow.next());
    CHECK(flow.step() == Step::Confirm);
    CHECK_FALSE(flow.editing());
    CHECK(flow.value(Field::Name) == "Siti Rahma");

    flow.edit(ConfirmGroup::Visit);
    CHECK(flow.step() == Step::Purpose);
    flow.choose_purpose(Purpose::Consultation);
    CHECK(flow.step() == Step::Area);
    flow.choose_area("plk");
    CHECK(flow.step() == Step::Confirm);
    CHECK(flow.form().area == "plk");

    flow.edit(ConfirmGroup::Priority);
    flow.choose_priority(Priority::Priority);
    CHECK(flow.step() == Step::Confirm);

    // Back from the first step of an edited group also returns to confirmation.
    flow.edit(ConfirmGroup::Summary);
    CHECK(flow.step() == Step::Summary);
    flow.back();
    CHECK(flow.step() == Step::Confirm);
}

TEST_CASE("check-in needs the consent box ticked") {
    VisitorFlow flow = flow_at_consent();
    CHECK_FALSE(flow.begin_check_in("2026-12"));
    CHECK(flow.step() == Step::Consent);

    flow.set_consent(true);
    flow.value(Field::Summary) = "Dana tidak bisa ditarik.";
    const auto request = flow.begin_check_in("2026-12");
    REQUIRE(request);
    CHECK(flow.step() == Step::Submitting);
    CHECK((*request)["consent"] == true);
    CHECK((*request)["consent_version"] == "2026-12");
    CHECK((*request)["visitor"]["name"] == "Siti Aminah");
    CHECK((*request)["visitor"]["phone"] == "+6281234567890");
    CHECK_FALSE((*request)["visitor"].contains("nik"));
    CHECK((*request)["area"] == "pbk");
    CHECK((*request)["purpose"] == "complaint");
    CHECK((*request)["priority"] == "regular");
    CHECK((*request)["summary"] == "Dana tidak bisa ditarik.");
    CHECK((*request)["language"] == "id");
    // Nothing can be cancelled while the request is in flight.
    flow.cancel();
    CHECK(flow.step() == Step::Submitting);
}

TEST_CASE("unreachable server keeps everything entered") {
    VisitorFlow flow = flow_at_consent();
    flow.set_consent(true);
    REQUIRE(flow.begin_check_in("2026-12"));
    flow.on_check_in_failed(Error(ErrorCode::Unavailable, "", "error.server_unreachable"));
    CHECK(flow.step() == Step::Consent);
    REQUIRE(flow.submit_error());
    CHECK(flow.submit_error()->code == ErrorCode::Unavailable);
    CHECK_FALSE(flow.server_reachable());
    CHECK(flow.value(Field::Name) == "Siti Aminah");
    CHECK(flow.form().consent);
    flow.dismiss_submit_error();
    // Trying again works once the server replies.
    REQUIRE(flow.begin_check_in("2026-12"));
    flow.on_check_in_succeeded(sample_ticket(), 1000);
    CHECK(flow.step() == Step::Ticket);
    CHECK(flow.server_reachable());
}

TEST_CASE("server field error returns to that field until it changes") {
    VisitorFlow flow = flow_at_consent();
    flow.set_consent(true);
    REQUIRE(flow.begin_check_in("2026-12"));
    flow.on_check_in_failed(Error(ErrorCode::InvalidPhone, "visitor.phone", "server.message",
                                  {{"message", "Nomor HP tidak aktif."}}));
    CHECK(flow.step() == Step::Identity);
    REQUIRE(flow.field_error(Field::Phone));
    CHECK(flow.field_error(Field::Phone)->message_key == "server.message");
    flow.value(Field::Phone) = "0813 1111 2222";
    CHECK_FALSE(flow.field_error(Field::Phone));

    // Any other rejection is shown on the consent step.
    VisitorFlow closed = flow_at_consent();
    closed.set_consent(true);
    REQUIRE(closed.begin_check_in("2026-12"));
    closed.on_check_in_failed(Error(ErrorCode::Conflict, "", "server.message", {{"message", "Layanan sedang tutup"}}));
    CHECK(closed.step() == Step::Consent);
    REQUIRE(closed.submit_error());
    CHECK(closed.server_reachable());
}

TEST_CASE("inactivity asks first and resets ten seconds later") {
    VisitorFlow flow = flow_at_consent();
    flow.note_input(0);
    CHECK_FALSE(flow.tick(59'999));
    CHECK_FALSE(flow.still_there_prompt());
    CHECK(flow.tick(60'000));
    CHECK(flow.still_there_prompt());
    CHECK(flow.countdown_seconds(60'000) == 10);
    CHECK(flow.countdown_seconds(63'500) == 7);
    // Touching elsewhere does not answer the question.
    flow.note_input(65'000);
    CHECK(flow.still_there_prompt());
    CHECK(flow.tick(70'000));
    CHECK(flow.step() == Step::Welcome);
    CHECK(every_field_empty(flow));
    CHECK_FALSE(flow.still_there_prompt());
}

TEST_CASE("inactivity reset clears every field of every form") {
    VisitorFlow flow;
    flow.start_walk_in();
    flow.choose_purpose(Purpose::Complaint);
    flow.choose_area("pbk");
    for (size_t i = 0; i < kFieldCount; ++i) {
        flow.value(static_cast<Field>(i)) = "x";
    }
    flow.note_input(1000);
    flow.tick(61'000);
    flow.tick(71'000);
    CHECK(flow.step() == Step::Welcome);
    CHECK(every_field_empty(flow));

    flow.start_booking();
    flow.booking().code = "K7M2QX";
    flow.note_input(100'000);
    flow.tick(160'000);
    flow.tick(170'000);
    CHECK(flow.step() == Step::Welcome);
    CHECK(every_field_empty(flow));
}

TEST_CASE("answering the prompt keeps the visitor's data") {
    VisitorFlow flow = flow_at_consent();
    flow.note_input(0);
    flow.tick(60'000);
    flow.confirm_presence(62'000);
    CHECK_FALSE(flow.still_there_prompt());
    CHECK_FALSE(flow.tick(121'999));
    CHECK(flow.step() == Step::Consent);
    CHECK(flow.tick(122'000));
    CHECK(flow.still_there_prompt());
}

TEST_CASE("welcome and submitting never time out") {
    VisitorFlow flow;
    CHECK_FALSE(flow.tick(1'000'000));
    CHECK_FALSE(flow.next_deadline());

    VisitorFlow submitting = flow_at_consent();
    submitting.set_consent(true);
    REQUIRE(submitting.begin_check_in("2026-12"));
    submitting.note_input(0);
    CHECK_FALSE(submitting.tick(500'000));
    CHECK(submitting.step() == Step::Submitting);
}

TEST_CASE("ticket screen returns to welcome after twenty seconds") {
    VisitorFlow flow = flow_at_consent();
    flow.set_consent(true);
    REQUIRE(flow.begin_check_in("2026-12"));
    flow.on_check_in_succeeded(sample_ticket(), 5'000);
    CHECK(flow.step() == Step::Ticket);
    CHECK(flow.countdown_seconds(5'000) == 20);
    CHECK(flow.countdown_seconds(24'001) == 1);
    CHECK(flow.next_deadline() == 25'000);
    flow.tick(24'999);
    CHECK(flow.step() == Step::Ticket);
    CHECK(flow.tick(25'000));
    CHECK(flow.step() == Step::Welcome);
    CHECK(every_field_empty(flow));
}

TEST_CASE("booking code is normalized and checked before sending") {
    CHECK(normalize_booking_code("k7m-2q x") == "K7M2QX");

    VisitorFlow flow;
    flow.start_booking();
    flow.booking().code = "K7M2";
    CHECK_FALSE(flow.begin_booking_check_in());
    REQUIRE(flow.booking_error());
    CHECK(flow.booking_error()->message_key == "kiosk.booking.error.length");

    flow.booking().code = "K7M2Q0";
    REQUIRE(flow.booking_error());
    CHECK(flow.booking_error()->message_key == "kiosk.booking.error.characters");
    CHECK(flow.booking_error()->params.at("character") == "0");

    flow.booking().code = "k7m2qx";
    const auto request = flow.begin_booking_check_in();
    REQUIRE(request);
    CHECK(request->mode == BookingMode::Code);
    CHECK(request->value == "K7M2QX");
    CHECK(flow.step() == Step::BookingSubmitting);

    flow.on_check_in_failed(Error(ErrorCode::NotFound, "booking_code", "server.message", {{"message", "x"}}));
    CHECK(flow.step() == Step::Booking);
    REQUIRE(flow.booking_error());
    CHECK(flow.booking_error()->message_key == "server.message");
    CHECK_FALSE(flow.submit_error());
}

TEST_CASE("booking by phone sends the typed number") {
    VisitorFlow flow;
    flow.start_booking();
    flow.set_booking_mode(BookingMode::Phone);
    flow.booking().phone = "0812-3456-7890";
    const auto request = flow.begin_booking_check_in();
    REQUIRE(request);
    CHECK(request->mode == BookingMode::Phone);
    CHECK(request->value == "0812-3456-7890");
    TicketInfo ticket = sample_ticket();
    ticket.appointment = AppointmentInfo{};
    flow.on_check_in_succeeded(ticket, 0);
    CHECK(flow.step() == Step::Ticket);
    CHECK(flow.step_position().number == 2);
    CHECK(flow.step_position().total == 2);
}

TEST_CASE("default language is restored by every reset") {
    VisitorFlow flow;
    flow.set_default_language(Language::English);
    flow.start_walk_in();
    flow.set_language(Language::Indonesian);
    flow.cancel();
    CHECK(flow.language() == Language::English);
}

TEST_CASE("retry sends the same request id") {
    VisitorFlow flow = flow_at_consent();
    flow.set_consent(true);
    const auto first = flow.begin_check_in("2026-12");
    REQUIRE(first);
    const std::string request_id = (*first)["request_id"].get<std::string>();
    CHECK(request_id.size() == 32);
    CHECK(request_id.find_first_not_of("0123456789abcdef") == std::string::npos);

    // The reply was lost: the visitor taps again and the request carries the same id.
    flow.on_check_in_failed(Error(ErrorCode::Unavailable, "", "error.server_unreachable"));
    flow.dismiss_submit_error();
    const auto retry = flow.begin_check_in("2026-12");
    REQUIRE(retry);
    CHECK((*retry)["request_id"] == request_id);

    // The next visitor gets a new id, on the walk-in and the booking path alike.
    flow.on_check_in_succeeded(sample_ticket(), 1000);
    flow.cancel();
    flow.start_booking();
    flow.booking().code = "K7M2QX";
    const auto booking = flow.begin_booking_check_in();
    REQUIRE(booking);
    CHECK(booking->request_id.size() == 32);
    CHECK(booking->request_id != request_id);
}
