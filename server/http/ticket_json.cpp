#include <fmt/format.h>

#include "engine/board.hpp"
#include "http/routes.hpp"

namespace antrean::server::http {
namespace {

Json optional_time(const std::optional<TimestampMs>& instant, const QueueEngine& engine) {
    return instant ? Json(engine.office_time().rfc3339(*instant)) : Json(nullptr);
}

Json area_name(const AreaId& area, const QueueEngine& engine) {
    const AreaConfig* config = engine.config().find_area(area);
    return config ? localized_json(config->name) : Json{{"id", area}, {"en", area}};
}

// The visitor's phone page, the address the ticket's QR code contains.
std::string status_url(const Ticket& ticket, const QueueEngine& engine) {
    return fmt::format("{}/q/{}?token={}", engine.config().public_base_url, ticket.id, ticket.status_token);
}

}  // namespace

Json public_ticket_json(const Ticket& ticket, const QueueEngine& engine) {
    return Json{{"id", ticket.id},
                {"code", ticket.code},
                {"area", ticket.area},
                {"area_name", area_name(ticket.area, engine)},
                {"purpose", to_string(ticket.purpose)},
                {"priority", to_string(ticket.priority)},
                {"kind", to_string(ticket.kind)},
                {"state", to_string(ticket.state)},
                {"desk", desk_json(ticket.desk_id, engine.config())},
                {"created_at", engine.office_time().rfc3339(ticket.created_at)},
                {"called_at", optional_time(ticket.called_at, engine)},
                {"recall_count", ticket.recall_count}};
}

Json issued_ticket_json(const IssuedTicket& issued, const QueueEngine& engine) {
    Json json = public_ticket_json(issued.ticket, engine);
    json["position"] = issued.estimate.position;
    json["estimated_wait_minutes"] = issued.estimate.minutes;
    json["estimated_wait_range"] = {{"min", issued.estimate.range_min}, {"max", issued.estimate.range_max}};
    json["status_token"] = issued.ticket.status_token;
    json["status_url"] = status_url(issued.ticket, engine);
    if (issued.ticket.appointment_starts_at) {
        json["appointment_starts_at"] = engine.office_time().rfc3339(*issued.ticket.appointment_starts_at);
    }
    return json;
}

Json staff_ticket_json(const Ticket& ticket, const QueueEngine& engine, const Catalog& catalog,
                       Language language) {
    Json json = public_ticket_json(ticket, engine);
    json["visitor"] = {{"name", ticket.visitor.name},
                       {"phone", ticket.visitor.phone},
                       {"nik", ticket.visitor.nik},
                       {"passport", ticket.visitor.passport},
                       {"email", ticket.visitor.email},
                       {"institution", ticket.visitor.institution}};
    json["summary"] = ticket.summary;
    json["language"] = to_string(ticket.language);
    json["consent_by"] = to_string(ticket.consent_by);
    json["service_date"] = ticket.service_date;
    json["queued_at"] = engine.office_time().rfc3339(ticket.queued_at);
    json["started_at"] = optional_time(ticket.started_at, engine);
    json["finished_at"] = optional_time(ticket.finished_at, engine);
    json["officer_id"] = ticket.officer_id ? Json(*ticket.officer_id) : Json(nullptr);
    json["assigned_officer_id"] = ticket.assigned_officer_id ? Json(*ticket.assigned_officer_id) : Json(nullptr);
    json["appointment_id"] = ticket.appointment_id ? Json(*ticket.appointment_id) : Json(nullptr);
    json["appointment_starts_at"] = optional_time(ticket.appointment_starts_at, engine);
    json["previous_ticket_id"] = ticket.previous_ticket_id ? Json(*ticket.previous_ticket_id) : Json(nullptr);
    json["outcome"] = ticket.outcome ? Json(to_string(*ticket.outcome)) : Json(nullptr);
    json["notes"] = ticket.notes;
    json["cancel_reason"] = ticket.cancel_reason;
    json["status_url"] = status_url(ticket, engine);
    json["estimated_wait_minutes"] = ticket.estimated_wait_minutes ? Json(*ticket.estimated_wait_minutes) : Json(nullptr);
    const TimestampMs waited_until = ticket.called_at.value_or(engine.clock().now());
    json["waiting_minutes"] = std::max<TimestampMs>(0, waited_until - ticket.queued_at) / 60'000;
    if (ticket.selection_rule) {
        json["selection"] = {{"rule", to_string(*ticket.selection_rule)},
                             {"message", catalog.translate(language, std::string("selection.") +
                                                                         to_string(*ticket.selection_rule))}};
    } else {
        json["selection"] = nullptr;
    }
    return json;
}

Json officer_json(const Officer& officer) {
    Json purposes = Json::array();
    for (Purpose purpose : officer.purposes) purposes.push_back(to_string(purpose));
    return Json{{"id", officer.id},
                {"username", officer.username},
                {"name", officer.display_name},
                {"role", to_string(officer.role)},
                {"areas", officer.areas},
                {"purposes", purposes},
                {"status", to_string(officer.status)},
                {"status_reason", officer.status_reason},
                {"desk", officer.desk_id ? Json(*officer.desk_id) : Json(nullptr)}};
}

Json appointment_json(const Appointment& a, const QueueEngine& engine) {
    return Json{{"id", a.id},
                {"booking_code", a.booking_code},
                {"visitor",
                 {{"name", a.visitor.name},
                  {"phone", a.visitor.phone},
                  {"nik", a.visitor.nik},
                  {"passport", a.visitor.passport},
                  {"email", a.visitor.email},
                  {"institution", a.visitor.institution}}},
                {"area", a.area},
                {"purpose", to_string(a.purpose)},
                {"summary", a.summary},
                {"starts_at", engine.office_time().rfc3339(a.starts_at)},
                {"length_minutes", a.length_minutes},
                {"officer_id", a.officer_id ? Json(*a.officer_id) : Json(nullptr)},
                {"source", to_string(a.source)},
                {"status", to_string(a.status)},
                {"ticket_id", a.ticket_id ? Json(*a.ticket_id) : Json(nullptr)}};
}

}  // namespace antrean::server::http
