#include "console/staff_data.hpp"

#include <algorithm>

#include "domain/office_time.hpp"

namespace antrean::console {
namespace {

using Json = nlohmann::json;

std::string string_field(const Json& object, const char* key) {
    if (!object.is_object()) {
        return {};
    }
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string()) {
        return {};
    }
    return it->get<std::string>();
}

std::optional<std::int64_t> integer_field(const Json& object, const char* key) {
    if (!object.is_object()) {
        return std::nullopt;
    }
    const auto it = object.find(key);
    if (it == object.end() || !it->is_number_integer()) {
        return std::nullopt;
    }
    return it->get<std::int64_t>();
}

int int_field(const Json& object, const char* key, int fallback = 0) {
    const auto value = integer_field(object, key);
    return value ? static_cast<int>(*value) : fallback;
}

double double_field(const Json& object, const char* key) {
    if (!object.is_object()) {
        return 0;
    }
    const auto it = object.find(key);
    return it != object.end() && it->is_number() ? it->get<double>() : 0;
}

LocalizedText localized_field(const Json& object, const char* key) {
    if (!object.is_object()) {
        return {};
    }
    const auto it = object.find(key);
    if (it == object.end()) {
        return {};
    }
    if (it->is_string()) {
        return {it->get<std::string>(), it->get<std::string>()};
    }
    return {string_field(*it, "id"), string_field(*it, "en")};
}

Visitor parse_visitor(const Json& object) {
    Visitor visitor;
    visitor.name = string_field(object, "name");
    visitor.phone = string_field(object, "phone");
    visitor.nik = string_field(object, "nik");
    visitor.passport = string_field(object, "passport");
    visitor.email = string_field(object, "email");
    visitor.institution = string_field(object, "institution");
    return visitor;
}

template <typename Enum, typename Parser>
Enum enum_field(const Json& object, const char* key, Parser parse, Enum fallback) {
    return parse(string_field(object, key)).value_or(fallback);
}

tl::unexpected<Error> invalid_response() {
    return fail(ErrorCode::Internal, "", "error.invalid_response", {{"status", "200"}});
}

}  // namespace

std::optional<TimestampMs> time_field(const Json& object, const char* key) {
    const std::string text = string_field(object, key);
    if (text.empty()) {
        return std::nullopt;
    }
    const Result<TimestampMs> parsed = parse_rfc3339(text);
    return parsed ? std::optional<TimestampMs>(*parsed) : std::nullopt;
}

const AreaInfo* ConsoleConfig::find_area(const AreaId& id) const {
    const auto it = std::find_if(areas.begin(), areas.end(), [&](const AreaInfo& area) { return area.id == id; });
    return it == areas.end() ? nullptr : &*it;
}

const DeskInfo* ConsoleConfig::find_desk(const DeskId& id) const {
    const auto it = std::find_if(desks.begin(), desks.end(), [&](const DeskInfo& desk) { return desk.id == id; });
    return it == desks.end() ? nullptr : &*it;
}

Result<ConsoleConfig> parse_console_config(const Json& body) {
    Result<kiosk::KioskConfig> base = kiosk::parse_kiosk_config(body);
    if (!base) {
        return tl::unexpected(base.error());
    }
    ConsoleConfig config;
    config.office_name = base->office_name;
    config.areas = std::move(base->areas);
    config.purposes = std::move(base->purposes);
    config.zone_label = base->zone_label;
    config.time_zone = base->time_zone;
    if (const auto desks = body.find("desks"); desks != body.end() && desks->is_array()) {
        for (const Json& entry : *desks) {
            DeskInfo desk{string_field(entry, "id"), string_field(entry, "name"), string_field(entry, "location")};
            if (!desk.id.empty()) {
                config.desks.push_back(std::move(desk));
            }
        }
    }
    if (const auto evidence = body.find("evidence"); evidence != body.end() && evidence->is_object()) {
        config.evidence_whatsapp = string_field(*evidence, "whatsapp");
        config.evidence_email = string_field(*evidence, "email");
    }
    return config;
}

int StaffTicket::waited_minutes(TimestampMs now) const {
    const TimestampMs until = called_at.value_or(now);
    return static_cast<int>(std::max<TimestampMs>(0, until - queued_at) / 60'000);
}

bool StaffTicket::is_active() const {
    return state == TicketState::Waiting || state == TicketState::Called || state == TicketState::Serving;
}

Result<StaffTicket> parse_staff_ticket(const Json& json) {
    const auto id = integer_field(json, "id");
    StaffTicket ticket;
    ticket.code = string_field(json, "code");
    if (!id || ticket.code.empty()) {
        return invalid_response();
    }
    ticket.id = *id;
    ticket.area = string_field(json, "area");
    ticket.purpose = enum_field(json, "purpose", parse_purpose_names, Purpose::Complaint);
    ticket.priority = enum_field(json, "priority", parse_priority_names, Priority::Regular);
    ticket.kind = enum_field(json, "kind", parse_ticket_kind_names, TicketKind::WalkIn);
    ticket.state = enum_field(json, "state", parse_ticket_state_names, TicketState::Waiting);
    if (const auto desk = json.find("desk"); desk != json.end() && desk->is_object()) {
        ticket.desk_id = string_field(*desk, "id");
        ticket.desk_name = string_field(*desk, "name");
    }
    if (const auto visitor = json.find("visitor"); visitor != json.end() && visitor->is_object()) {
        ticket.visitor = parse_visitor(*visitor);
    }
    ticket.summary = string_field(json, "summary");
    ticket.language = string_field(json, "language") == "en" ? Language::English : Language::Indonesian;
    ticket.consent_by = enum_field(json, "consent_by", parse_consent_by_names, ConsentBy::Visitor);
    ticket.created_at = time_field(json, "created_at").value_or(0);
    ticket.queued_at = time_field(json, "queued_at").value_or(ticket.created_at);
    ticket.called_at = time_field(json, "called_at");
    ticket.started_at = time_field(json, "started_at");
    ticket.finished_at = time_field(json, "finished_at");
    ticket.recall_count = int_field(json, "recall_count");
    ticket.officer_id = integer_field(json, "officer_id");
    ticket.assigned_officer_id = integer_field(json, "assigned_officer_id");
    ticket.appointment_id = integer_field(json, "appointment_id");
    ticket.appointment_starts_at = time_field(json, "appointment_starts_at");
    ticket.previous_ticket_id = integer_field(json, "previous_ticket_id");
    ticket.outcome = parse_outcome_names(string_field(json, "outcome"));
    ticket.notes = string_field(json, "notes");
    ticket.cancel_reason = string_field(json, "cancel_reason");
    ticket.status_url = string_field(json, "status_url");
    if (const auto estimate = integer_field(json, "estimated_wait_minutes")) {
        ticket.estimated_wait_minutes = static_cast<int>(*estimate);
    }
    if (const auto selection = json.find("selection"); selection != json.end() && selection->is_object()) {
        ticket.selection_rule = string_field(*selection, "rule");
        ticket.selection_message = string_field(*selection, "message");
    }
    return ticket;
}

Result<QueueSnapshot> parse_queue(const Json& body) {
    if (!body.is_object() || !body.contains("tickets") || !body["tickets"].is_array()) {
        return invalid_response();
    }
    QueueSnapshot snapshot;
    snapshot.service_date = string_field(body, "service_date");
    for (const Json& entry : body["tickets"]) {
        if (Result<StaffTicket> ticket = parse_staff_ticket(entry)) {
            snapshot.tickets.push_back(std::move(*ticket));
        }
    }
    return snapshot;
}

bool StaffAccount::serves(const AreaId& area, Purpose purpose) const {
    return std::find(areas.begin(), areas.end(), area) != areas.end() &&
           std::find(purposes.begin(), purposes.end(), purpose) != purposes.end();
}

Result<StaffAccount> parse_staff_account(const Json& json) {
    const auto id = integer_field(json, "id");
    if (!id) {
        return invalid_response();
    }
    StaffAccount account;
    account.id = *id;
    account.username = string_field(json, "username");
    account.name = string_field(json, "name");
    account.role = enum_field(json, "role", parse_role_names, Role::Officer);
    if (const auto areas = json.find("areas"); areas != json.end() && areas->is_array()) {
        for (const Json& area : *areas) {
            if (area.is_string()) {
                account.areas.push_back(area.get<std::string>());
            }
        }
    }
    if (const auto purposes = json.find("purposes"); purposes != json.end() && purposes->is_array()) {
        for (const Json& purpose : *purposes) {
            if (const auto parsed = parse_purpose_names(purpose.is_string() ? purpose.get<std::string>() : "")) {
                account.purposes.push_back(*parsed);
            }
        }
    }
    account.status = enum_field(json, "status", parse_officer_status_names, OfficerStatus::Offline);
    account.status_reason = string_field(json, "status_reason");
    const std::string desk = string_field(json, "desk");
    if (!desk.empty()) {
        account.desk = desk;
    }
    return account;
}

std::vector<StaffAccount> parse_staff_accounts(const Json& body) {
    std::vector<StaffAccount> accounts;
    if (!body.is_object() || !body.contains("officers") || !body["officers"].is_array()) {
        return accounts;
    }
    for (const Json& entry : body["officers"]) {
        if (Result<StaffAccount> account = parse_staff_account(entry)) {
            accounts.push_back(std::move(*account));
        }
    }
    return accounts;
}

Result<AppointmentRecord> parse_appointment(const Json& json) {
    const auto id = integer_field(json, "id");
    const auto starts_at = time_field(json, "starts_at");
    if (!id || !starts_at) {
        return invalid_response();
    }
    AppointmentRecord record;
    record.id = *id;
    record.starts_at = *starts_at;
    record.booking_code = string_field(json, "booking_code");
    if (const auto visitor = json.find("visitor"); visitor != json.end() && visitor->is_object()) {
        record.visitor = parse_visitor(*visitor);
    }
    record.area = string_field(json, "area");
    record.purpose = enum_field(json, "purpose", parse_purpose_names, Purpose::Complaint);
    record.summary = string_field(json, "summary");
    record.length_minutes = int_field(json, "length_minutes", 30);
    record.officer_id = integer_field(json, "officer_id");
    record.source = enum_field(json, "source", parse_appointment_source_names, AppointmentSource::Email);
    record.status = enum_field(json, "status", parse_appointment_status_names, AppointmentStatus::Scheduled);
    record.ticket_id = integer_field(json, "ticket_id");
    return record;
}

std::vector<AppointmentRecord> parse_appointments(const Json& body) {
    std::vector<AppointmentRecord> records;
    if (!body.is_object() || !body.contains("appointments") || !body["appointments"].is_array()) {
        return records;
    }
    for (const Json& entry : body["appointments"]) {
        if (Result<AppointmentRecord> record = parse_appointment(entry)) {
            records.push_back(std::move(*record));
        }
    }
    std::stable_sort(records.begin(), records.end(),
                     [](const AppointmentRecord& a, const AppointmentRecord& b) { return a.starts_at < b.starts_at; });
    return records;
}

IkmSummary parse_ikm(const Json& body) {
    IkmSummary summary;
    summary.responses = int_field(body, "responses");
    if (body.is_object() && body.contains("ikm") && body["ikm"].is_number()) {
        summary.index = body["ikm"].get<double>();
    }
    if (body.is_object() && body.contains("category") && body["category"].is_object()) {
        summary.category_letter = string_field(body["category"], "letter");
        summary.category_name = localized_field(body["category"], "name");
    }
    return summary;
}

DailyFigures parse_daily_report(const Json& body) {
    DailyFigures figures;
    figures.tickets = int_field(body, "tickets");
    figures.no_shows = int_field(body, "no_shows");
    if (body.is_object() && body.contains("by_outcome") && body["by_outcome"].is_object()) {
        for (const auto& [key, value] : body["by_outcome"].items()) {
            if (value.is_number_integer()) {
                figures.by_outcome[key] = value.get<int>();
            }
        }
    }
    if (body.is_object() && body.contains("waiting")) {
        figures.waiting_p50_minutes = static_cast<int>(double_field(body["waiting"], "p50_minutes"));
        figures.waiting_p90_minutes = static_cast<int>(double_field(body["waiting"], "p90_minutes"));
        figures.waiting_max_minutes = static_cast<int>(double_field(body["waiting"], "max_minutes"));
    }
    if (body.is_object() && body.contains("service")) {
        figures.service_p50_minutes = static_cast<int>(double_field(body["service"], "p50_minutes"));
    }
    return figures;
}

}  // namespace antrean::console
