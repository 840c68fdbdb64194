#include <doctest/doctest.h>

#include "console/staff_data.hpp"

using namespace antrean;
using namespace antrean::console;

TEST_CASE("staff ticket parses the queue form") {
    const nlohmann::json body = nlohmann::json::parse(R"({
      "service_date": "2026-12-04",
      "tickets": [{
        "id": 7, "code": "A-007", "area": "pbk", "area_name": {"id": "PBK", "en": "PBK"},
        "purpose": "complaint", "priority": "priority", "kind": "booked", "state": "called",
        "desk": {"id": "2", "name": "Meja 2", "location": "Lantai 2"},
        "created_at": "2026-12-04T09:00:00+07:00", "called_at": "2026-12-04T09:20:00+07:00",
        "recall_count": 1,
        "visitor": {"name": "Siti Aminah", "phone": "+6281234567890", "nik": "3174054107900003",
                    "passport": "", "email": "siti@contoh.id", "institution": ""},
        "summary": "Dana tidak bisa ditarik", "language": "en", "consent_by": "receptionist",
        "service_date": "2026-12-04", "queued_at": "2026-12-04T09:00:00+07:00",
        "started_at": null, "finished_at": null, "officer_id": 3, "assigned_officer_id": 3,
        "appointment_id": 5, "appointment_starts_at": "2026-12-04T09:15:00+07:00",
        "previous_ticket_id": null, "outcome": null, "notes": "", "cancel_reason": "",
        "estimated_wait_minutes": 15, "waiting_minutes": 20,
        "selection": {"rule": "booked_at_slot", "message": "Dipanggil karena janji temu"},
        "status_url": "http://127.0.0.1:8080/q/7?token=00112233445566778899aabbccddeeff"
      }, {"code": "no id"}]
    })");
    const Result<QueueSnapshot> queue = parse_queue(body);
    REQUIRE(queue.has_value());
    CHECK(queue->service_date == "2026-12-04");
    REQUIRE(queue->tickets.size() == 1);
    const StaffTicket& ticket = queue->tickets[0];
    CHECK(ticket.id == 7);
    CHECK(ticket.priority == Priority::Priority);
    CHECK(ticket.kind == TicketKind::Booked);
    CHECK(ticket.state == TicketState::Called);
    CHECK(ticket.desk_name == "Meja 2");
    CHECK(ticket.visitor.nik == "3174054107900003");
    CHECK(ticket.language == Language::English);
    CHECK(ticket.consent_by == ConsentBy::Receptionist);
    CHECK(ticket.officer_id == 3);
    CHECK(ticket.appointment_starts_at.has_value());
    CHECK_FALSE(ticket.previous_ticket_id.has_value());
    CHECK_FALSE(ticket.outcome.has_value());
    CHECK(ticket.estimated_wait_minutes == 15);
    CHECK(ticket.selection_rule == "booked_at_slot");
    CHECK(ticket.status_url == "http://127.0.0.1:8080/q/7?token=00112233445566778899aabbccddeeff");
    CHECK(ticket.waited_minutes(0) == 20);
}

TEST_CASE("queue without tickets is an invalid response") {
    CHECK_FALSE(parse_queue(nlohmann::json::object()).has_value());
    CHECK(parse_queue(nlohmann::json::object()).error().message_key == "error.invalid_response");
}

TEST_CASE("console config reads desks and evidence") {
    const nlohmann::json body = nlohmann::json::parse(R"({
      "office_name": {"id": "Lini Bappebti", "en": "Lini Bappebti"},
      "areas": [{"id": "pbk", "prefix": "A", "name": {"id": "PBK", "en": "PBK"}}],
      "purposes": [{"id": "complaint", "name": {"id": "Pengaduan", "en": "Complaint"}}],
      "desks": [{"id": "1", "name": "Meja 1", "location": "Lantai 2"}, {"name": "no id"}],
      "time_zone": "Asia/Jakarta", "zone_label": "WIB",
      "evidence": {"whatsapp": "0811-1000-2000", "email": "bukti@contoh.go.id"}
    })");
    const Result<ConsoleConfig> config = parse_console_config(body);
    REQUIRE(config.has_value());
    REQUIRE(config->desks.size() == 1);
    CHECK(config->find_desk("1")->name == "Meja 1");
    CHECK(config->find_desk("9") == nullptr);
    CHECK(config->evidence_whatsapp == "0811-1000-2000");
    CHECK(config->evidence_email == "bukti@contoh.go.id");
    CHECK(config->zone_label == "WIB");
    CHECK(config->find_area("pbk") != nullptr);
}

TEST_CASE("staff accounts parse skills and desk") {
    const nlohmann::json body = nlohmann::json::parse(R"({"officers": [
      {"id": 1, "username": "budi", "name": "Budi Santoso", "role": "officer", "areas": ["pbk", "srg"],
       "purposes": ["complaint", "consultation"], "status": "paused", "status_reason": "Rapat", "desk": "1"},
      {"id": 2, "username": "rina", "name": "Rina", "role": "receptionist", "areas": [], "purposes": [],
       "status": "offline", "status_reason": "", "desk": null}]})");
    const std::vector<StaffAccount> accounts = parse_staff_accounts(body);
    REQUIRE(accounts.size() == 2);
    CHECK(accounts[0].status == OfficerStatus::Paused);
    CHECK(accounts[0].status_reason == "Rapat");
    CHECK(accounts[0].desk == DeskId("1"));
    CHECK(accounts[0].serves("srg", Purpose::Consultation));
    CHECK_FALSE(accounts[0].serves("srg", Purpose::Information));
    CHECK_FALSE(accounts[0].serves("plk", Purpose::Complaint));
    CHECK(accounts[1].role == Role::Receptionist);
    CHECK_FALSE(accounts[1].desk.has_value());
}

TEST_CASE("appointments parse and sort by start") {
    const nlohmann::json body = nlohmann::json::parse(R"({"date": "2026-12-04", "appointments": [
      {"id": 2, "booking_code": "R4TP9H", "visitor": {"name": "Fajar", "phone": "+6281377778888"},
       "area": "pbk", "purpose": "consultation", "summary": "", "starts_at": "2026-12-04T11:00:00+07:00",
       "length_minutes": 45, "officer_id": null, "source": "phone", "status": "scheduled", "ticket_id": null},
      {"id": 1, "booking_code": "K7M2QX", "visitor": {"name": "Bambang", "phone": "+6281200001111"},
       "area": "srg", "purpose": "complaint", "summary": "Resi", "starts_at": "2026-12-04T09:00:00+07:00",
       "length_minutes": 30, "officer_id": 4, "source": "email", "status": "checked_in", "ticket_id": 9},
      {"id": 3, "booking_code": "BADTIME", "starts_at": "tomorrow"}]})");
    const std::vector<AppointmentRecord> records = parse_appointments(body);
    REQUIRE(records.size() == 2);
    CHECK(records[0].booking_code == "K7M2QX");
    CHECK(records[0].status == AppointmentStatus::CheckedIn);
    CHECK(records[0].ticket_id == 9);
    CHECK(records[1].source == AppointmentSource::Phone);
    CHECK(records[1].length_minutes == 45);
    CHECK_FALSE(records[1].officer_id.has_value());
}

TEST_CASE("ikm and daily figures parse") {
    const IkmSummary ikm = parse_ikm(nlohmann::json::parse(R"({"from": "2026-12-01", "to": "2026-12-04",
      "responses": 12, "ikm": 88.25, "category": {"letter": "B", "name": {"id": "Baik", "en": "Good"}}})"));
    CHECK(ikm.responses == 12);
    REQUIRE(ikm.index.has_value());
    CHECK(*ikm.index == doctest::Approx(88.25));
    CHECK(ikm.category_letter == "B");
    CHECK(ikm.category_name.in(Language::English) == "Good");

    const IkmSummary empty = parse_ikm(nlohmann::json::parse(R"({"responses": 0, "ikm": null, "category": null})"));
    CHECK_FALSE(empty.index.has_value());

    const DailyFigures daily = parse_daily_report(nlohmann::json::parse(R"({"date": "2026-12-04", "tickets": 9,
      "by_outcome": {"answered": 4, "referred": 2}, "no_shows": 1,
      "waiting": {"count": 7, "p50_minutes": 12.5, "p90_minutes": 30, "max_minutes": 41},
      "service": {"count": 6, "p50_minutes": 14, "p90_minutes": 20, "max_minutes": 25}})"));
    CHECK(daily.tickets == 9);
    CHECK(daily.by_outcome.at("referred") == 2);
    CHECK(daily.no_shows == 1);
    CHECK(daily.waiting_max_minutes == 41);
    CHECK(daily.service_p50_minutes == 14);
}
