#include <doctest/doctest.h>

#include "console/console_test_support.hpp"
#include "reception/booking_form.hpp"
#include "reception/registration_form.hpp"
#include "reception/ticket_print.hpp"
#include "services/escpos.hpp"

using namespace antrean;
using namespace antrean::reception;
using antrean::testing::real_catalog;

namespace {

const OfficeTime& jakarta() {
    static const OfficeTime office = *OfficeTime::create("Asia/Jakarta");
    return office;
}

// 4 December 2026, 09:30 WIB.
const TimestampMs kNow = jakarta().from_local(2026, 12, 4, 9, 30);

RegistrationForm filled_registration() {
    RegistrationForm form;
    form.visitor.name = "  Siti   Aminah ";
    form.visitor.phone = "0812-3456-7890";
    form.area = "pbk";
    form.purpose = Purpose::Complaint;
    form.consent_given_orally = true;
    return form;
}

BookingForm filled_booking() {
    BookingForm form;
    form.visitor.name = "Budi Santoso";
    form.visitor.phone = "081377778888";
    form.area = "srg";
    form.purpose = Purpose::Consultation;
    form.date = "2026-12-07";
    form.time = "10.00";
    return form;
}

}  // namespace

TEST_CASE("registration uses the kiosk's visitor checks") {
    RegistrationForm form = filled_registration();
    CHECK(form.validate().empty());

    form.visitor.nik = "12345";
    form.visitor.phone = "0812";
    form.visitor.email = "siti@";
    const std::map<RegistrationField, Error> errors = form.validate();
    REQUIRE(errors.count(RegistrationField::Nik) == 1);
    CHECK(errors.at(RegistrationField::Nik).message_key == "error.nik.length");
    REQUIRE(errors.count(RegistrationField::Phone) == 1);
    CHECK(errors.at(RegistrationField::Phone).message_key == "error.phone.too_short");
    CHECK(errors.count(RegistrationField::Email) == 1);
    CHECK(errors.count(RegistrationField::Name) == 0);
    // The same sentences as on the kiosk.
    CHECK(real_catalog().render(Language::Indonesian, errors.at(RegistrationField::Nik)).find("16") !=
          std::string::npos);
}

TEST_CASE("registration requires choices and oral consent") {
    RegistrationForm form;
    const std::map<RegistrationField, Error> errors = form.validate();
    CHECK(errors.count(RegistrationField::Name) == 1);
    CHECK(errors.count(RegistrationField::Phone) == 1);
    CHECK(errors.count(RegistrationField::Area) == 1);
    CHECK(errors.count(RegistrationField::Purpose) == 1);
    REQUIRE(errors.count(RegistrationField::Consent) == 1);
    CHECK(errors.at(RegistrationField::Consent).code == ErrorCode::ConsentRequired);
}

TEST_CASE("registration body is normalized with consent") {
    RegistrationForm form = filled_registration();
    form.priority = Priority::Priority;
    form.summary = "Dana saya tidak bisa ditarik.\r\nMohon bantuan.";
    form.visitor_language = Language::English;
    const nlohmann::json body = form.body();
    CHECK(body["visitor"]["name"] == "Siti Aminah");
    CHECK(body["visitor"]["phone"] == "+6281234567890");
    CHECK_FALSE(body["visitor"].contains("nik"));
    CHECK(body["area"] == "pbk");
    CHECK(body["purpose"] == "complaint");
    CHECK(body["priority"] == "priority");
    CHECK(body["consent"] == true);
    CHECK(body["language"] == "en");
    CHECK(body["summary"] == "Dana saya tidak bisa ditarik.\nMohon bantuan.");

    form.clear();
    CHECK(form.visitor.name.empty());
    CHECK_FALSE(form.consent_given_orally);
}

TEST_CASE("local slot parses dots and colons") {
    CHECK(parse_local_slot(jakarta(), "2026-12-07", "10.00") == jakarta().from_local(2026, 12, 7, 10, 0));
    CHECK(parse_local_slot(jakarta(), "2026-12-07", "9:05") == jakarta().from_local(2026, 12, 7, 9, 5));
    CHECK_FALSE(parse_local_slot(jakarta(), "2026-02-30", "10.00").has_value());
    CHECK_FALSE(parse_local_slot(jakarta(), "07-12-2026", "10.00").has_value());
    CHECK_FALSE(parse_local_slot(jakarta(), "2026-12-07", "24.00").has_value());
    CHECK_FALSE(parse_local_slot(jakarta(), "2026-12-07", "10.0").has_value());
    CHECK_FALSE(parse_local_slot(jakarta(), "2026-12-07", "").has_value());
    CHECK(parse_local_slot(jakarta(), "2028-02-29", "08.00").has_value());
}

TEST_CASE("booking validation checks visitor and slot") {
    BookingForm form = filled_booking();
    CHECK(form.validate(jakarta(), kNow).empty());

    form.date = "2026-13-01";
    form.time = "10";
    form.length_minutes = 300;
    form.visitor.nik = "00000000000000000";
    std::map<BookingField, Error> errors = form.validate(jakarta(), kNow);
    CHECK(errors.at(BookingField::Date).message_key == "console.booking.error.date");
    CHECK(errors.at(BookingField::Time).message_key == "console.booking.error.time");
    CHECK(errors.at(BookingField::Length).message_key == "console.booking.error.length");
    CHECK(errors.count(BookingField::Nik) == 1);

    form = filled_booking();
    form.date = "2026-12-04";
    form.time = "08.00";
    errors = form.validate(jakarta(), kNow);
    CHECK(errors.at(BookingField::Time).message_key == "console.booking.error.past");
    // A slot that began a few minutes ago is still accepted.
    form.time = "09.20";
    CHECK(form.validate(jakarta(), kNow).empty());
}

TEST_CASE("booking body carries the office offset") {
    BookingForm form = filled_booking();
    form.source = AppointmentSource::Phone;
    form.officer_id = 3;
    form.length_minutes = 45;
    form.visitor.email = "Budi@Contoh.ID";
    const nlohmann::json body = form.body(jakarta());
    CHECK(body["starts_at"] == "2026-12-07T10:00:00+07:00");
    CHECK(body["length_minutes"] == 45);
    CHECK(body["source"] == "phone");
    CHECK(body["officer_id"] == 3);
    CHECK(body["visitor"]["phone"] == "+6281377778888");
    CHECK(body["visitor"]["email"] == "Budi@contoh.id");
    CHECK_FALSE(body.contains("summary"));

    form.officer_id.reset();
    CHECK_FALSE(form.body(jakarta()).contains("officer_id"));
}

TEST_CASE("reschedule starts from the appointment") {
    console::AppointmentRecord appointment;
    appointment.id = 4;
    appointment.booking_code = "H2JX7A";
    appointment.starts_at = jakarta().from_local(2026, 12, 4, 12, 0);
    appointment.length_minutes = 30;
    appointment.officer_id = 1;
    RescheduleForm form = RescheduleForm::from(appointment, jakarta(), real_catalog());
    CHECK(form.date == "2026-12-04");
    CHECK(form.time == "12.00");
    CHECK(form.officer_id == 1);
    form.time = "14.30";
    CHECK(form.validate(jakarta(), kNow).empty());
    const nlohmann::json body = form.body(jakarta());
    CHECK(body["starts_at"] == "2026-12-04T14:30:00+07:00");
    CHECK(body["officer_id"] == 1);
    form.time = "07.00";
    CHECK(form.validate(jakarta(), kNow).count(BookingField::Time) == 1);
}

TEST_CASE("confirmation message is Indonesian with what to bring") {
    console::ConsoleConfig config;
    config.office_name = {"Lini Bappebti – Layanan Pengaduan dan Informasi", "Lini Bappebti"};
    config.zone_label = "WIB";
    config.areas.push_back({"pbk", "A", {"Perdagangan Berjangka Komoditi (PBK)", "Commodity Futures Trading (PBK)"}, {}});
    console::AppointmentRecord appointment;
    appointment.booking_code = "K7M2QX";
    appointment.visitor.name = "Budi Santoso";
    appointment.area = "pbk";
    appointment.purpose = Purpose::Complaint;
    appointment.starts_at = jakarta().from_local(2026, 12, 7, 10, 0);

    const std::string message = confirmation_message(real_catalog(), &config, jakarta(), appointment);
    CAPTURE(message);
    CHECK(message.find("Budi Santoso") != std::string::npos);
    CHECK(message.find("Senin, 7 Desember 2026") != std::string::npos);
    CHECK(message.find("10.00 WIB") != std::string::npos);
    CHECK(message.find("Lantai 2 Gedung Bappebti") != std::string::npos);
    CHECK(message.find("Perdagangan Berjangka Komoditi (PBK)") != std::string::npos);
    CHECK(message.find("Pengaduan") != std::string::npos);
    CHECK(message.find("Kode booking: K7M2QX") != std::string::npos);
    CHECK(message.find("KTP") != std::string::npos);
    CHECK(message.find("tidak dipungut biaya") != std::string::npos);
    CHECK(message.find("Lini Bappebti – Layanan Pengaduan dan Informasi") != std::string::npos);
    CHECK(message.find('{') == std::string::npos);
}

TEST_CASE("reprint carries the phone page QR") {
    console::StaffTicket ticket = antrean::testing::make_ticket(7, "A-007", "pbk", TicketState::Waiting, kNow, 12);
    ticket.status_url = "http://127.0.0.1:8080/q/7?token=00112233445566778899aabbccddeeff";

    const kiosk::PrintedTicket printed = printed_reprint(real_catalog(), nullptr, jakarta(), ticket);

    CHECK(printed.code == "A-007");
    CHECK(printed.qr_data == ticket.status_url);
    CHECK_FALSE(printed.qr_caption.empty());
    const std::vector<std::uint8_t> bytes = kiosk::encode_ticket(printed);
    const std::string text(bytes.begin(), bytes.end());
    CHECK(text.find(ticket.status_url) != std::string::npos);

    // A ticket from a server that sends no address is printed without the code.
    ticket.status_url.clear();
    const kiosk::PrintedTicket without = printed_reprint(real_catalog(), nullptr, jakarta(), ticket);
    CHECK(without.qr_data.empty());
    CHECK(without.qr_caption.empty());
}
