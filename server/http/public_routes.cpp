#include <spdlog/spdlog.h>

#include <algorithm>

#include "http/routes.hpp"
#include "validation/visitor_validation.hpp"

namespace antrean::server::http {
namespace {

constexpr std::array kPurposeNames{
    std::pair{"Pengaduan", "Complaint"},
    std::pair{"Permintaan Informasi", "Information request"},
    std::pair{"Konsultasi", "Consultation"},
};
static_assert(kPurposeNames.size() == static_cast<size_t>(Purpose::kCount));

Json config_json(const ServerConfig& config) {
    Json areas = Json::array();
    for (const AreaConfig& area : config.areas) {
        areas.push_back({{"id", area.id},
                         {"prefix", area.prefix},
                         {"name", localized_json(area.name)},
                         {"description", localized_json(area.description)}});
    }
    Json purposes = Json::array();
    for (size_t i = 0; i < kPurposeNames.size(); ++i) {
        purposes.push_back({{"id", to_string(static_cast<Purpose>(i))},
                            {"name", {{"id", kPurposeNames[i].first}, {"en", kPurposeNames[i].second}}}});
    }
    Json desks = Json::array();
    for (const DeskConfig& desk : config.desks) {
        desks.push_back({{"id", desk.id}, {"name", desk.name}, {"location", desk.location}});
    }
    Json hours = Json::object();
    for (const auto& [day, range] : config.opening_hours) {
        hours[day] = {{"open", range.open}, {"close", range.close}};
    }
    return Json{{"office_name", localized_json(config.office_name)},
                {"areas", areas},
                {"purposes", purposes},
                {"desks", desks},
                {"languages", {"id", "en"}},
                {"opening_hours", hours},
                {"time_zone", config.time_zone},
                {"zone_label", config.zone_label},
                {"consent_version", config.consent_version},
                {"evidence", {{"whatsapp", config.evidence_whatsapp}, {"email", config.evidence_email}}}};
}

// Reads and validates the visitor object of a check-in or appointment body.
Result<Visitor> read_visitor(const Json& body) {
    if (!body.contains("visitor") || !body["visitor"].is_object()) {
        return fail(ErrorCode::MissingField, "visitor", "error.field_required", {{"field", "visitor"}});
    }
    const Json& fields = body["visitor"];
    Visitor visitor;
    struct FieldTarget {
        const char* key;
        std::string* target;
        bool required;
    };
    for (const FieldTarget& field : {FieldTarget{"name", &visitor.name, true},
                                     FieldTarget{"phone", &visitor.phone, true},
                                     FieldTarget{"nik", &visitor.nik, false},
                                     FieldTarget{"passport", &visitor.passport, false},
                                     FieldTarget{"email", &visitor.email, false},
                                     FieldTarget{"institution", &visitor.institution, false}}) {
        auto value = read_string(fields, field.key, field.required, "visitor.");
        if (!value) return tl::unexpected(value.error());
        *field.target = std::move(*value);
    }
    return validate_visitor(visitor);
}

// The optional id a client chooses for one check-in, so a repeat returns the first ticket:
// 16 to 64 letters, digits, '-' or '_'.
Result<std::string> read_request_id(const Json& body) {
    auto request_id = read_string(body, "request_id", false);
    if (!request_id) return request_id;
    const bool valid_characters = std::all_of(request_id->begin(), request_id->end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
    if (!request_id->empty() && (request_id->size() < 16 || request_id->size() > 64 || !valid_characters)) {
        return fail(ErrorCode::InvalidInput, "request_id", "error.invalid_request_id");
    }
    return request_id;
}

Result<CheckInRequest> read_check_in(const Json& body, const ServerConfig& config, bool by_staff) {
    CheckInRequest request;
    auto visitor = read_visitor(body);
    if (!visitor) return tl::unexpected(visitor.error());
    request.visitor = std::move(*visitor);

    auto area = read_string(body, "area", true);
    if (!area) return tl::unexpected(area.error());
    if (config.find_area(*area) == nullptr) {
        return fail(ErrorCode::InvalidInput, "area", "error.unknown_area", {{"area", *area}});
    }
    request.area = *area;
    auto purpose = read_enum<Purpose>(body, "purpose", parse_purpose_names, std::nullopt,
                                      "complaint, information, consultation");
    if (!purpose) return tl::unexpected(purpose.error());
    request.purpose = *purpose;
    auto priority = read_enum<Priority>(body, "priority", parse_priority_names, Priority::Regular,
                                        "regular, priority");
    if (!priority) return tl::unexpected(priority.error());
    request.priority = *priority;

    auto summary = read_string(body, "summary", false);
    if (!summary) return tl::unexpected(summary.error());
    auto valid_summary = validate_summary(*summary);
    if (!valid_summary) return tl::unexpected(valid_summary.error());
    request.summary = *valid_summary;

    auto language = read_string(body, "language", false);
    if (!language) return tl::unexpected(language.error());
    request.language = *language == "en" ? Language::English : Language::Indonesian;

    // Personal data is stored only with consent: ticked on the kiosk, or asked orally by
    // the receptionist, who then sends the same flag.
    if (!body.contains("consent") || !body["consent"].is_boolean() || !body["consent"].get<bool>()) {
        return fail(ErrorCode::ConsentRequired, "consent", "error.consent_required");
    }
    request.consent_by = by_staff ? ConsentBy::Receptionist : ConsentBy::Visitor;
    auto version = read_string(body, "consent_version", false);
    if (!version) return tl::unexpected(version.error());
    request.consent_version = version->empty() ? config.consent_version : version->substr(0, 32);
    auto request_id = read_request_id(body);
    if (!request_id) return tl::unexpected(request_id.error());
    request.request_id = std::move(*request_id);
    return request;
}

Json booked_check_in_json(const IssuedTicket& issued, const Appointment& appointment, Services& services) {
    Json json{{"ticket", issued_ticket_json(issued, services.engine)}};
    Json booked{{"starts_at", services.engine.office_time().rfc3339(appointment.starts_at)},
                {"length_minutes", appointment.length_minutes},
                {"officer", nullptr},
                {"desk", nullptr}};
    if (appointment.officer_id) {
        if (auto officer = services.accounts.find(*appointment.officer_id)) {
            booked["officer"] = mask_name(officer->display_name);
            if (officer->desk_id) {
                const DeskConfig* desk = services.engine.config().find_desk(*officer->desk_id);
                if (desk) booked["desk"] = {{"id", desk->id}, {"name", desk->name}, {"location", desk->location}};
            }
        }
    }
    json["appointment"] = booked;
    return json;
}

}  // namespace

void register_public_routes(httplib::Server& server, Services& services) {
    server.Get("/api/v1/health", [](const httplib::Request&, httplib::Response& response) {
        send_json(response, 200, {{"status", "ok"}, {"version", ANTREAN_VERSION}});
    });

    server.Get("/api/v1/config", [&services](const httplib::Request&, httplib::Response& response) {
        send_json(response, 200, config_json(services.engine.config()));
    });

    server.Post("/api/v1/tickets", [&services](const httplib::Request& request, httplib::Response& response) {
        // A staff token turns this into a reception registration (consent given orally).
        bool by_staff = false;
        if (!bearer_token(request).empty()) {
            auto actor = authorize(request, response, services.accounts, services.catalog,
                                   {Role::Receptionist, Role::Admin});
            if (!actor) return;
            by_staff = true;
        }
        auto body = parse_body(request, response, services.catalog);
        if (!body) return;
        auto check_in = read_check_in(*body, services.engine.config(), by_staff);
        if (!check_in) return send_error(request, response, services.catalog, check_in.error());
        auto issued = services.engine.check_in(*check_in);
        if (!issued) return send_error(request, response, services.catalog, issued.error());
        send_json(response, 201, {{"ticket", issued_ticket_json(*issued, services.engine)}});
    });

    server.Post(R"(/api/v1/appointments/([^/]+)/check-in)",
                [&services](const httplib::Request& request, httplib::Response& response) {
                    // The body may be empty, or carry a request id.
                    std::string request_id;
                    if (!request.body.empty()) {
                        auto body = parse_body(request, response, services.catalog);
                        if (!body) return;
                        auto read = read_request_id(*body);
                        if (!read) return send_error(request, response, services.catalog, read.error());
                        request_id = std::move(*read);
                    }
                    auto appointment = services.appointments.find_by_code(request.matches[1]);
                    if (!appointment) return send_error(request, response, services.catalog, appointment.error());
                    auto issued = services.engine.check_in_appointment(appointment->id, request_id);
                    if (!issued) return send_error(request, response, services.catalog, issued.error());
                    send_json(response, 201, booked_check_in_json(*issued, *appointment, services));
                });

    // Booked check-in by phone number, for visitors who lost their booking code.
    server.Post("/api/v1/appointments/check-in", [&services](const httplib::Request& request,
                                                             httplib::Response& response) {
        auto body = parse_body(request, response, services.catalog);
        if (!body) return;
        auto phone = read_string(*body, "phone", true);
        if (!phone) return send_error(request, response, services.catalog, phone.error());
        auto normalized = normalize_phone(*phone);
        if (!normalized) return send_error(request, response, services.catalog, normalized.error());
        auto request_id = read_request_id(*body);
        if (!request_id) return send_error(request, response, services.catalog, request_id.error());
        // A repeat no longer finds a scheduled appointment, so it is looked up by its id.
        auto appointment = services.appointments.find_today_by_phone(*normalized);
        if (!appointment && !request_id->empty()) {
            auto earlier = services.engine.find_by_request(*request_id);
            if (earlier && *earlier && (*earlier)->appointment_id) {
                appointment = services.appointments.find(*(*earlier)->appointment_id);
            }
        }
        if (!appointment) return send_error(request, response, services.catalog, appointment.error());
        auto issued = services.engine.check_in_appointment(appointment->id, *request_id);
        if (!issued) return send_error(request, response, services.catalog, issued.error());
        send_json(response, 201, booked_check_in_json(*issued, *appointment, services));
    });

    server.Get("/api/v1/board", [&services](const httplib::Request&, httplib::Response& response) {
        const auto board = services.engine.board();
        response.status = 200;
        response.set_content(board->json, "application/json; charset=utf-8");
    });
}

}  // namespace antrean::server::http
