// The visitor's phone page (opened from the ticket's QR code), its live status feed and
// the satisfaction survey, plus the staff report of the survey index.
#include <spdlog/spdlog.h>

#include <fstream>
#include <sstream>
#include <thread>

#include "http/routes.hpp"
#include "validation/visitor_validation.hpp"

namespace antrean::server::http {
namespace {

// Every wrong token costs the guesser this long, whatever the reason it is wrong.
constexpr auto kWrongTokenDelay = std::chrono::milliseconds(250);
constexpr int kStatusHeartbeatMs = 3000;
constexpr size_t kMaxCommentLength = 1000;

std::filesystem::path web_dir() {
    if (const char* assets = std::getenv("ANTREAN_ASSETS_DIR")) return std::filesystem::path(assets) / "web";
    return std::filesystem::path(ANTREAN_ASSETS_DIR_PATH) / "web";
}

// Headers of every page resource: nothing may load from elsewhere, and the address (which
// holds the token) is not sent on as a referrer.
void set_page_headers(httplib::Response& response) {
    response.set_header("Content-Security-Policy",
                        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
                        "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    response.set_header("X-Content-Type-Options", "nosniff");
    response.set_header("Referrer-Policy", "no-referrer");
    response.set_header("Cache-Control", "no-store");
}

void serve_file(httplib::Response& response, const std::string& name, const char* content_type) {
    std::ifstream file(web_dir() / name, std::ios::binary);
    if (!file) {
        spdlog::error("visitor page file {} is missing", (web_dir() / name).string());
        response.status = 503;
        response.set_content("Antrean: halaman tidak tersedia / page unavailable", "text/plain; charset=utf-8");
        return;
    }
    std::stringstream content;
    content << file.rdbuf();
    set_page_headers(response);
    response.status = 200;
    response.set_content(content.str(), content_type);
}

Json status_json(const Ticket& ticket, Services& services) {
    Json json = public_ticket_json(ticket, services.engine);
    if (ticket.state == TicketState::Waiting) {
        if (auto estimate = services.engine.estimate(ticket)) {
            json["position"] = estimate->position;
            json["estimated_wait_minutes"] = estimate->minutes;
            json["estimated_wait_range"] = {{"min", estimate->range_min}, {"max", estimate->range_max}};
        }
    }
    if (ticket.outcome) json["outcome"] = to_string(*ticket.outcome);
    // The visitor's page moves on to the ticket that continues a transferred visit.
    if (ticket.outcome == Outcome::Transferred) {
        if (auto next = services.engine.find_follow_up(ticket.id)) {
            json["next_ticket"] = {{"id", next->id}, {"token", next->status_token}};
        }
    }
    if (auto survey = services.surveys.availability(ticket)) {
        constexpr std::array kNames{"open", "not_finished", "answered", "no_survey"};
        json["survey"] = kNames.at(static_cast<size_t>(*survey));
    }
    return json;
}

Json survey_elements_json(const ServerConfig& config) {
    Json elements = Json::array();
    for (const SurveyElement& element : config.survey_elements) {
        Json answers = Json::array();
        for (const LocalizedText& answer : element.answers) answers.push_back(localized_json(answer));
        elements.push_back({{"id", element.id}, {"question", localized_json(element.question)}, {"answers", answers}});
    }
    return elements;
}

Result<SurveyAnswer> read_survey_answer(const Json& body, size_t element_count) {
    if (!body.contains("scores") || !body["scores"].is_array()) {
        return fail(ErrorCode::MissingField, "scores", "error.field_required", {{"field", "scores"}});
    }
    SurveyAnswer answer;
    for (const Json& score : body["scores"]) {
        if (!score.is_number_integer()) {
            return fail(ErrorCode::InvalidInput, "scores", "error.survey_score_range",
                        {{"element", std::to_string(answer.scores.size() + 1)}, {"response", "1"}});
        }
        answer.scores.push_back(score.get<int>());
    }
    if (answer.scores.size() != element_count) {
        return fail(ErrorCode::InvalidInput, "scores", "error.survey_score_count",
                    {{"expected", std::to_string(element_count)}, {"response", "1"}});
    }
    auto comment = read_string(body, "comment", false);
    if (!comment) return tl::unexpected(comment.error());
    auto valid = validate_text("comment", *comment, kMaxCommentLength, Newlines::Allowed);
    if (!valid) return tl::unexpected(valid.error());
    answer.comment = *valid;
    return answer;
}

std::string html_escape(const std::string& text) {
    std::string escaped;
    for (char c : text) {
        switch (c) {
            case '&': escaped += "&amp;"; break;
            case '<': escaped += "&lt;"; break;
            case '>': escaped += "&gt;"; break;
            case '"': escaped += "&quot;"; break;
            default: escaped += c;
        }
    }
    return escaped;
}

}  // namespace

std::optional<Ticket> ticket_for_visitor(const httplib::Request& request, httplib::Response& response,
                                         Services& services) {
    const TimestampMs now = services.engine.clock().now();
    const std::string address = request.remote_addr;
    if (const int wait = services.token_guesses.retry_after_seconds("", address, now); wait > 0) {
        send_error(request, response, services.catalog,
                   Error(ErrorCode::RateLimited, "", "error.token_rate_limited", {{"seconds", std::to_string(wait)}}));
        return std::nullopt;
    }
    const auto id = parse_id(request.matches[1]);
    auto ticket = services.engine.find_by_token(id.value_or(0), request.get_param_value("token"));
    if (!ticket) {
        if (ticket.error().code == ErrorCode::NotFound) {
            services.token_guesses.record_failure("", address, now);
            std::this_thread::sleep_for(kWrongTokenDelay);
        }
        send_error(request, response, services.catalog, ticket.error());
        return std::nullopt;
    }
    return *ticket;
}

void register_visitor_page_routes(httplib::Server& server, Services& services) {
    server.Get(R"(/q/(\d+))", [](const httplib::Request&, httplib::Response& response) {
        serve_file(response, "visitor.html", "text/html; charset=utf-8");
    });
    server.Get("/web/visitor.js", [](const httplib::Request&, httplib::Response& response) {
        serve_file(response, "visitor.js", "text/javascript; charset=utf-8");
    });
    server.Get("/web/visitor.css", [](const httplib::Request&, httplib::Response& response) {
        serve_file(response, "visitor.css", "text/css; charset=utf-8");
    });
    // The page's texts, from the same .po catalogue as every other screen.
    server.Get("/web/strings.json", [&services](const httplib::Request&, httplib::Response& response) {
        Json strings = Json::object();
        for (Language language : {Language::Indonesian, Language::English}) {
            Json texts = Json::object();
            for (const std::string& key : services.catalog.keys(language)) {
                if (key.rfind("web.", 0) == 0) texts[key] = services.catalog.translate(language, key);
            }
            strings[to_string(language)] = texts;
        }
        strings["office_name"] = localized_json(services.engine.config().office_name);
        set_page_headers(response);
        send_json(response, 200, strings);
    });

    server.Get(R"(/api/v1/tickets/(\d+)/status)", [&services](const httplib::Request& request,
                                                              httplib::Response& response) {
        auto ticket = ticket_for_visitor(request, response, services);
        if (!ticket) return;
        response.set_header("Cache-Control", "no-store");
        send_json(response, 200, {{"ticket", status_json(*ticket, services)}});
    });

    // A status feed for one ticket: a "status" event whenever what the page shows changes.
    server.Get(R"(/api/v1/tickets/(\d+)/events)", [&services](const httplib::Request& request,
                                                              httplib::Response& response) {
        auto ticket = ticket_for_visitor(request, response, services);
        if (!ticket) return;
        const TicketId id = ticket->id;
        response.set_header("Cache-Control", "no-store");
        response.set_chunked_content_provider(
            "text/event-stream",
            [&services, id, last_sent = std::string{}, after = services.engine.hub().last_id(), first = true](
                size_t, httplib::DataSink& sink) mutable {
                if (!first) {
                    const auto waited = services.engine.hub().wait_after(after, kStatusHeartbeatMs);
                    if (waited.status == EventHub::WaitStatus::Closed) {
                        sink.done();
                        return false;
                    }
                    after = services.engine.hub().last_id();
                    if (waited.status == EventHub::WaitStatus::Timeout) {
                        const std::string beat = ": keep-alive\n\n";
                        return sink.is_writable() && sink.write(beat.data(), beat.size());
                    }
                }
                first = false;
                // A transfer continues under a new ticket; the page follows the newest link.
                auto current = services.engine.find(id);
                if (!current) return false;
                const std::string text = status_json(*current, services).dump();
                if (text == last_sent) return true;
                last_sent = text;
                const std::string event = "event: status\ndata: " + text + "\n\n";
                return sink.is_writable() && sink.write(event.data(), event.size());
            });
    });

    server.Get(R"(/api/v1/tickets/(\d+)/survey)", [&services](const httplib::Request& request,
                                                              httplib::Response& response) {
        auto ticket = ticket_for_visitor(request, response, services);
        if (!ticket) return;
        auto availability = services.surveys.availability(*ticket);
        if (!availability) return send_error(request, response, services.catalog, availability.error());
        constexpr std::array kNames{"open", "not_finished", "answered", "no_survey"};
        send_json(response, 200,
                  {{"state", kNames.at(static_cast<size_t>(*availability))},
                   {"elements", survey_elements_json(services.engine.config())}});
    });

    server.Post(R"(/api/v1/tickets/(\d+)/survey)", [&services](const httplib::Request& request,
                                                               httplib::Response& response) {
        auto ticket = ticket_for_visitor(request, response, services);
        if (!ticket) return;
        auto body = parse_body(request, response, services.catalog);
        if (!body) return;
        auto answer = read_survey_answer(*body, services.engine.config().survey_elements.size());
        if (!answer) return send_error(request, response, services.catalog, answer.error());
        auto stored = services.surveys.submit(*ticket, *answer);
        if (!stored) return send_error(request, response, services.catalog, stored.error());
        send_json(response, 201, {{"status", "recorded"}});
    });

    server.Get("/api/v1/reports/ikm", [&services](const httplib::Request& request, httplib::Response& response) {
        auto actor = authorize(request, response, services.accounts, services.catalog,
                               {Role::Receptionist, Role::Admin});
        if (!actor) return;
        const std::string today = services.engine.service_date();
        const std::string from = request.has_param("from") ? request.get_param_value("from") : today;
        const std::string to = request.has_param("to") ? request.get_param_value("to") : from;
        std::optional<AreaId> area;
        if (request.has_param("area") && !request.get_param_value("area").empty()) {
            area = request.get_param_value("area");
        }
        auto report = services.surveys.report(from, to, area);
        if (!report) return send_error(request, response, services.catalog, report.error());
        if (request.get_header_value("Accept").find("text/csv") != std::string::npos) {
            response.status = 200;
            response.set_header("Content-Disposition",
                                "attachment; filename=\"ikm-" + html_escape(from) + "-" + html_escape(to) + ".csv\"");
            response.set_content(ikm_report_csv(*report, services.engine.config()), "text/csv; charset=utf-8");
            return;
        }
        Json json{{"from", report->from}, {"to", report->to}, {"area", area ? Json(*area) : Json(nullptr)},
                  {"responses", report->result ? report->result->responses : 0}, {"comments", report->comments}};
        if (report->result) {
            Json elements = Json::array();
            const auto& config = services.engine.config();
            for (size_t i = 0; i < report->result->element_averages.size() && i < config.survey_elements.size(); ++i) {
                elements.push_back({{"id", config.survey_elements[i].id},
                                    {"average", report->result->element_averages[i]}});
            }
            json["elements"] = elements;
            json["ikm"] = report->result->index;
            json["category"] = {{"letter", ikm_category_letter(report->result->category)},
                                {"name", {{"id", ikm_category_name(report->result->category, true)},
                                          {"en", ikm_category_name(report->result->category, false)}}}};
        } else {
            json["ikm"] = nullptr;
            json["category"] = nullptr;
        }
        send_json(response, 200, json);
    });
}

}  // namespace antrean::server::http
