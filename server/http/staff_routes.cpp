#include <spdlog/spdlog.h>

#include <cmath>

#include "engine/reports.hpp"
#include "http/routes.hpp"

namespace antrean::server::http {
namespace {

constexpr std::initializer_list<Role> kAllStaff{Role::Officer, Role::Receptionist, Role::Admin};

struct ActionRoute {
    const char* path;
    TicketAction action;
};
constexpr std::array kActionRoutes{
    ActionRoute{"recall", TicketAction::Recall},     ActionRoute{"start", TicketAction::Start},
    ActionRoute{"complete", TicketAction::Complete}, ActionRoute{"no-show", TicketAction::NoShow},
    ActionRoute{"requeue", TicketAction::Requeue},   ActionRoute{"transfer", TicketAction::Transfer},
    ActionRoute{"cancel", TicketAction::Cancel},
};

Result<ActionDetails> read_action_details(TicketAction action, const Json& body) {
    ActionDetails details;
    if (action == TicketAction::Complete) {
        auto outcome = read_enum<Outcome>(body, "outcome", parse_outcome_names, std::nullopt, "answered, referred");
        if (!outcome) return tl::unexpected(outcome.error());
        details.outcome = *outcome;
        auto notes = read_string(body, "notes", false);
        if (!notes) return tl::unexpected(notes.error());
        details.notes = notes->substr(0, 4000);
    }
    if (action == TicketAction::Cancel) {
        auto reason = read_string(body, "reason", false);
        if (!reason) return tl::unexpected(reason.error());
        details.reason = reason->substr(0, 500);
    }
    if (action == TicketAction::Transfer) {
        auto area = read_string(body, "area", false);
        if (!area) return tl::unexpected(area.error());
        if (!area->empty()) details.area = *area;
        auto officer = read_optional_id(body, "officer_id");
        if (!officer) return tl::unexpected(officer.error());
        details.officer_id = *officer;
    }
    return details;
}

void handle_action(Services& services, TicketAction action, const httplib::Request& request,
                   httplib::Response& response) {
    // Reception may cancel and move tickets; only officers (and admins) serve them.
    const bool reception_allowed = action == TicketAction::Cancel || action == TicketAction::Transfer;
    auto actor = reception_allowed
                     ? authorize(request, response, services.accounts, services.catalog, kAllStaff)
                     : authorize(request, response, services.accounts, services.catalog, {Role::Officer, Role::Admin});
    if (!actor) return;
    Json body = Json::object();
    if (!request.body.empty()) {
        auto parsed = parse_body(request, response, services.catalog);
        if (!parsed) return;
        body = std::move(*parsed);
    }
    auto details = read_action_details(action, body);
    if (!details) return send_error(request, response, services.catalog, details.error());
    const auto id = parse_id(request.matches[1]);
    auto ticket = services.engine.apply(id.value_or(0), action, *actor, *details);
    if (!ticket) return send_error(request, response, services.catalog, ticket.error());
    send_json(response, 200,
              {{"ticket", staff_ticket_json(*ticket, services.engine, services.catalog, request_language(request))}});
}

}  // namespace

void register_staff_routes(httplib::Server& server, Services& services) {
    server.Post("/api/v1/auth/login", [&services](const httplib::Request& request, httplib::Response& response) {
        auto body = parse_body(request, response, services.catalog);
        if (!body) return;
        auto username = read_string(*body, "username", true);
        if (!username) return send_error(request, response, services.catalog, username.error());
        auto password = read_string(*body, "password", true);
        if (!password) return send_error(request, response, services.catalog, password.error());
        auto desk = read_string(*body, "desk", false);
        if (!desk) return send_error(request, response, services.catalog, desk.error());
        auto login = services.accounts.login(*username, *password,
                                             desk->empty() ? std::nullopt : std::optional<DeskId>(*desk),
                                             request.remote_addr);
        if (!login) return send_error(request, response, services.catalog, login.error());
        send_json(response, 200,
                  {{"token", login->token},
                   {"expires_at", services.engine.office_time().rfc3339(login->expires_at)},
                   {"officer", officer_json(login->officer)}});
    });

    server.Post("/api/v1/auth/logout", [&services](const httplib::Request& request, httplib::Response& response) {
        auto actor = authorize(request, response, services.accounts, services.catalog, kAllStaff);
        if (!actor) return;
        auto done = services.accounts.logout(bearer_token(request), *actor);
        if (!done) return send_error(request, response, services.catalog, done.error());
        response.status = 204;
    });

    server.Get("/api/v1/queue", [&services](const httplib::Request& request, httplib::Response& response) {
        auto actor = authorize(request, response, services.accounts, services.catalog, kAllStaff);
        if (!actor) return;
        auto tickets = services.engine.today();
        if (!tickets) return send_error(request, response, services.catalog, tickets.error());
        Json list = Json::array();
        for (const Ticket& ticket : *tickets) {
            list.push_back(staff_ticket_json(ticket, services.engine, services.catalog, request_language(request)));
        }
        send_json(response, 200, {{"service_date", services.engine.service_date()}, {"tickets", list}});
    });

    server.Post(R"(/api/v1/desks/([^/]+)/call-next)", [&services](const httplib::Request& request,
                                                                  httplib::Response& response) {
        auto actor = authorize(request, response, services.accounts, services.catalog, {Role::Officer});
        if (!actor) return;
        auto call = services.engine.call_next(*actor, request.matches[1]);
        if (!call) return send_error(request, response, services.catalog, call.error());
        if (!*call) {
            response.status = 204;
            return;
        }
        const Language language = request_language(request);
        const CallResult& result = **call;
        send_json(response, 200,
                  {{"ticket", staff_ticket_json(result.ticket, services.engine, services.catalog, language)},
                   {"selection",
                    {{"rule", to_string(result.rule)},
                     {"message", services.catalog.translate(language, std::string("selection.") + to_string(result.rule))}}}});
    });

    server.Get(R"(/api/v1/tickets/(\d+))", [&services](const httplib::Request& request, httplib::Response& response) {
        auto actor = authorize(request, response, services.accounts, services.catalog, kAllStaff);
        if (!actor) return;
        const auto id = parse_id(request.matches[1]).value_or(0);
        auto ticket = services.engine.find(id);
        if (!ticket) return send_error(request, response, services.catalog, ticket.error());
        auto history = services.engine.history(id);
        if (!history) return send_error(request, response, services.catalog, history.error());
        Json entries = Json::array();
        for (const TicketHistoryEntry& entry : *history) {
            entries.push_back({{"at", services.engine.office_time().rfc3339(entry.at)},
                               {"action", entry.action},
                               {"from_state", entry.from_state ? Json(to_string(*entry.from_state)) : Json(nullptr)},
                               {"to_state", to_string(entry.to_state)},
                               {"officer_id", entry.officer_id ? Json(*entry.officer_id) : Json(nullptr)},
                               {"desk", entry.desk_id ? Json(*entry.desk_id) : Json(nullptr)},
                               {"detail", entry.detail}});
        }
        Json json = staff_ticket_json(*ticket, services.engine, services.catalog, request_language(request));
        json["history"] = entries;
        send_json(response, 200, {{"ticket", json}});
    });

    server.Patch(R"(/api/v1/tickets/(\d+))", [&services](const httplib::Request& request, httplib::Response& response) {
        auto actor = authorize(request, response, services.accounts, services.catalog,
                               {Role::Receptionist, Role::Admin});
        if (!actor) return;
        auto body = parse_body(request, response, services.catalog);
        if (!body) return;
        auto priority = read_enum<Priority>(*body, "priority", parse_priority_names, std::nullopt, "regular, priority");
        if (!priority) return send_error(request, response, services.catalog, priority.error());
        auto ticket = services.engine.set_priority(parse_id(request.matches[1]).value_or(0), *priority, *actor);
        if (!ticket) return send_error(request, response, services.catalog, ticket.error());
        send_json(response, 200,
                  {{"ticket", staff_ticket_json(*ticket, services.engine, services.catalog, request_language(request))}});
    });

    for (const ActionRoute& route : kActionRoutes) {
        const TicketAction action = route.action;
        server.Post(std::string(R"(/api/v1/tickets/(\d+)/)") + route.path,
                    [&services, action](const httplib::Request& request, httplib::Response& response) {
                        handle_action(services, action, request, response);
                    });
    }

    server.Post("/api/v1/officers/me/status", [&services](const httplib::Request& request,
                                                          httplib::Response& response) {
        auto actor = authorize(request, response, services.accounts, services.catalog, {Role::Officer});
        if (!actor) return;
        auto body = parse_body(request, response, services.catalog);
        if (!body) return;
        auto status = read_enum<OfficerStatus>(*body, "status", parse_officer_status_names, std::nullopt,
                                               "available, paused");
        if (!status) return send_error(request, response, services.catalog, status.error());
        auto reason = read_string(*body, "reason", false);
        if (!reason) return send_error(request, response, services.catalog, reason.error());
        auto officer = services.accounts.set_status(*actor, *status, reason->substr(0, 200));
        if (!officer) return send_error(request, response, services.catalog, officer.error());
        send_json(response, 200, {{"officer", officer_json(*officer)}});
    });

    server.Get("/api/v1/officers", [&services](const httplib::Request& request, httplib::Response& response) {
        auto actor = authorize(request, response, services.accounts, services.catalog, kAllStaff);
        if (!actor) return;
        auto officers = services.accounts.list();
        if (!officers) return send_error(request, response, services.catalog, officers.error());
        Json list = Json::array();
        for (const Officer& officer : *officers) list.push_back(officer_json(officer));
        send_json(response, 200, {{"officers", list}});
    });

    server.Get("/api/v1/reports/daily", [&services](const httplib::Request& request, httplib::Response& response) {
        auto actor = authorize(request, response, services.accounts, services.catalog,
                               {Role::Receptionist, Role::Admin});
        if (!actor) return;
        const std::string date =
            request.has_param("date") ? request.get_param_value("date") : services.engine.service_date();
        auto report = build_daily_report(services.engine, date);
        if (!report) return send_error(request, response, services.catalog, report.error());
        if (request.get_header_value("Accept").find("text/csv") != std::string::npos) {
            response.status = 200;
            response.set_header("Content-Disposition", "attachment; filename=\"antrean-" + date + ".csv\"");
            response.set_content(daily_report_csv(*report), "text/csv; charset=utf-8");
            return;
        }
        // Minutes to one decimal, as the CSV gives them: finer figures only look precise.
        auto minutes = [](double value) { return std::round(value * 10.0) / 10.0; };
        auto percentiles = [&minutes](const Percentiles& p) {
            return Json{{"count", p.count}, {"p50_minutes", minutes(p.p50_minutes)},
                        {"p90_minutes", minutes(p.p90_minutes)}, {"max_minutes", minutes(p.max_minutes)}};
        };
        send_json(response, 200,
                  {{"date", report->date},
                   {"tickets", report->tickets},
                   {"by_area", report->by_area},
                   {"by_purpose", report->by_purpose},
                   {"by_state", report->by_state},
                   {"by_outcome", report->by_outcome},
                   {"no_shows", report->no_shows},
                   {"booked", report->booked},
                   {"booked_served_by_booked_officer", report->booked_served_by_booked_officer},
                   {"waiting", percentiles(report->waiting)},
                   {"service", percentiles(report->service)},
                   {"estimate", {{"mean_error_minutes", minutes(report->estimate_mean_error_minutes)},
                                 {"samples", report->estimate_samples}}}});
    });
}

}  // namespace antrean::server::http
