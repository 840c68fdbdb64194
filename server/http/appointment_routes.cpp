#include "http/routes.hpp"
#include "validation/visitor_validation.hpp"

namespace antrean::server::http {
namespace {

constexpr std::initializer_list<Role> kBookingStaff{Role::Officer, Role::Receptionist, Role::Admin};

Result<TimestampMs> read_time(const Json& body, const std::string& key, bool required) {
    auto text = read_string(body, key, required);
    if (!text) return tl::unexpected(text.error());
    auto instant = parse_rfc3339(*text);
    if (!instant) {
        return fail(ErrorCode::InvalidInput, key, "error.invalid_time", {{"value", *text}});
    }
    return *instant;
}

Result<std::optional<int>> read_length(const Json& body) {
    if (!body.contains("length_minutes") || body["length_minutes"].is_null()) return std::optional<int>{};
    if (!body["length_minutes"].is_number_integer()) {
        return fail(ErrorCode::InvalidInput, "length_minutes", "error.appointment_length");
    }
    return std::optional<int>(body["length_minutes"].get<int>());
}

Result<NewAppointment> read_new_appointment(const Json& body) {
    NewAppointment request;
    if (!body.contains("visitor") || !body["visitor"].is_object()) {
        return fail(ErrorCode::MissingField, "visitor", "error.field_required", {{"field", "visitor"}});
    }
    Visitor visitor;
    for (auto [key, target, required] : {std::tuple{"name", &visitor.name, true},
                                         std::tuple{"phone", &visitor.phone, true},
                                         std::tuple{"nik", &visitor.nik, false},
                                         std::tuple{"passport", &visitor.passport, false},
                                         std::tuple{"email", &visitor.email, false},
                                         std::tuple{"institution", &visitor.institution, false}}) {
        auto value = read_string(body["visitor"], key, required, "visitor.");
        if (!value) return tl::unexpected(value.error());
        *target = std::move(*value);
    }
    auto valid = validate_visitor(visitor);
    if (!valid) return tl::unexpected(valid.error());
    request.visitor = std::move(*valid);

    auto area = read_string(body, "area", true);
    if (!area) return tl::unexpected(area.error());
    request.area = *area;
    auto purpose = read_enum<Purpose>(body, "purpose", parse_purpose_names, std::nullopt,
                                      "complaint, information, consultation");
    if (!purpose) return tl::unexpected(purpose.error());
    request.purpose = *purpose;
    auto summary = read_string(body, "summary", false);
    if (!summary) return tl::unexpected(summary.error());
    auto valid_summary = validate_summary(*summary);
    if (!valid_summary) return tl::unexpected(valid_summary.error());
    request.summary = *valid_summary;
    auto starts_at = read_time(body, "starts_at", true);
    if (!starts_at) return tl::unexpected(starts_at.error());
    request.starts_at = *starts_at;
    auto length = read_length(body);
    if (!length) return tl::unexpected(length.error());
    request.length_minutes = length->value_or(30);
    auto officer = read_optional_id(body, "officer_id");
    if (!officer) return tl::unexpected(officer.error());
    request.officer_id = *officer;
    auto source = read_enum<AppointmentSource>(body, "source", parse_appointment_source_names,
                                               AppointmentSource::Reception, "email, phone, reception");
    if (!source) return tl::unexpected(source.error());
    request.source = *source;
    return request;
}

Result<AppointmentChanges> read_changes(const Json& body) {
    AppointmentChanges changes;
    if (body.contains("starts_at")) {
        auto starts_at = read_time(body, "starts_at", true);
        if (!starts_at) return tl::unexpected(starts_at.error());
        changes.starts_at = *starts_at;
    }
    auto length = read_length(body);
    if (!length) return tl::unexpected(length.error());
    changes.length_minutes = *length;
    auto officer = read_optional_id(body, "officer_id");
    if (!officer) return tl::unexpected(officer.error());
    changes.officer_id = *officer;
    if (body.contains("status")) {
        auto status = read_enum<AppointmentStatus>(body, "status", parse_appointment_status_names, std::nullopt,
                                                   "scheduled, cancelled");
        if (!status) return tl::unexpected(status.error());
        changes.status = *status;
    }
    if (body.contains("summary")) {
        auto summary = read_string(body, "summary", true);
        if (!summary) return tl::unexpected(summary.error());
        auto valid_summary = validate_summary(*summary);
        if (!valid_summary) return tl::unexpected(valid_summary.error());
        changes.summary = *valid_summary;
    }
    return changes;
}

}  // namespace

void register_appointment_routes(httplib::Server& server, Services& services) {
    server.Get("/api/v1/appointments", [&services](const httplib::Request& request, httplib::Response& response) {
        auto actor = authorize(request, response, services.accounts, services.catalog, kBookingStaff);
        if (!actor) return;
        const std::string date = request.has_param("date") ? request.get_param_value("date")
                                                           : services.engine.service_date();
        auto list = services.appointments.on_date(date);
        if (!list) return send_error(request, response, services.catalog, list.error());
        Json items = Json::array();
        for (const Appointment& appointment : *list) items.push_back(appointment_json(appointment, services.engine));
        send_json(response, 200, {{"date", date}, {"appointments", items}});
    });

    server.Post("/api/v1/appointments", [&services](const httplib::Request& request, httplib::Response& response) {
        auto actor = authorize(request, response, services.accounts, services.catalog, kBookingStaff);
        if (!actor) return;
        auto body = parse_body(request, response, services.catalog);
        if (!body) return;
        auto new_appointment = read_new_appointment(*body);
        if (!new_appointment) return send_error(request, response, services.catalog, new_appointment.error());
        auto created = services.appointments.create(*new_appointment);
        if (!created) return send_error(request, response, services.catalog, created.error());
        send_json(response, 201, {{"appointment", appointment_json(*created, services.engine)},
                                  {"booking_code", created->booking_code}});
    });

    server.Patch(R"(/api/v1/appointments/(\d+))", [&services](const httplib::Request& request,
                                                              httplib::Response& response) {
        auto actor = authorize(request, response, services.accounts, services.catalog, kBookingStaff);
        if (!actor) return;
        auto body = parse_body(request, response, services.catalog);
        if (!body) return;
        auto changes = read_changes(*body);
        if (!changes) return send_error(request, response, services.catalog, changes.error());
        auto updated = services.appointments.update(parse_id(request.matches[1]).value_or(0), *changes);
        if (!updated) return send_error(request, response, services.catalog, updated.error());
        send_json(response, 200, {{"appointment", appointment_json(*updated, services.engine)}});
    });
}

}  // namespace antrean::server::http
