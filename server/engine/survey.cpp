#include "engine/survey.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <regex>
#include <sstream>

namespace antrean::server {
namespace {

tl::unexpected<Error> storage_failure(const DatabaseError& error) {
    spdlog::error("storage failure in survey: {}", error.what());
    return fail(ErrorCode::Unavailable, "", "error.storage_unavailable");
}

std::string join_scores(const std::vector<int>& scores) {
    std::string text;
    for (int score : scores) {
        if (!text.empty()) text += ',';
        text += std::to_string(score);
    }
    return text;
}

std::vector<int> split_scores(const std::string& text) {
    std::vector<int> scores;
    std::stringstream stream(text);
    std::string item;
    while (std::getline(stream, item, ',')) {
        scores.push_back(std::stoi(item));
    }
    return scores;
}

// A CSV field with quotes doubled, so commas and line breaks in comments stay inside it.
std::string csv_field(const std::string& text) {
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

}  // namespace

Result<SurveyBook::Availability> SurveyBook::availability(const Ticket& ticket) {
    if (engine_.config().survey_elements.empty()) return Availability::NoSurvey;
    if (ticket.state != TicketState::Done || ticket.outcome == Outcome::Transferred) {
        return Availability::NotFinished;
    }
    std::lock_guard lock(engine_.store().mutex);
    try {
        Statement stmt = engine_.store().db->prepare("SELECT 1 FROM survey_responses WHERE ticket_id = ?1");
        stmt.bind(1, ticket.id);
        return stmt.step() ? Availability::Answered : Availability::Open;
    } catch (const DatabaseError& error) {
        engine_.discard_pending();
        return storage_failure(error);
    }
}

Result<void> SurveyBook::submit(const Ticket& ticket, const SurveyAnswer& answer) {
    const size_t elements = engine_.config().survey_elements.size();
    if (elements == 0) {
        return fail(ErrorCode::NotFound, "", "error.survey_not_offered");
    }
    if (answer.scores.size() != elements) {
        return fail(ErrorCode::InvalidInput, "scores", "error.survey_score_count",
                    {{"expected", std::to_string(elements)}, {"response", "1"}});
    }
    for (size_t i = 0; i < answer.scores.size(); ++i) {
        if (answer.scores[i] < 1 || answer.scores[i] > 4) {
            return fail(ErrorCode::InvalidInput, "scores", "error.survey_score_range",
                        {{"element", std::to_string(i + 1)}, {"response", "1"}});
        }
    }
    if (ticket.state != TicketState::Done || ticket.outcome == Outcome::Transferred) {
        return fail(ErrorCode::Conflict, "", "error.survey_not_finished");
    }
    std::lock_guard lock(engine_.store().mutex);
    try {
        Database& db = *engine_.store().db;
        Transaction transaction(db);
        Statement insert = db.prepare(
            "INSERT INTO survey_responses (ticket_id, service_date, area, scores, comment, submitted_at) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (ticket_id) DO NOTHING");
        insert.bind(1, ticket.id).bind(2, ticket.service_date).bind(3, ticket.area);
        insert.bind(4, join_scores(answer.scores)).bind(5, answer.comment).bind(6, engine_.clock().now());
        insert.run();
        if (db.changes() == 0) {
            return fail(ErrorCode::Conflict, "", "error.survey_answered");
        }
        // Other open pages of the same ticket learn from this event to hide their form.
        engine_.record_event("survey.recorded", nlohmann::json{{"ticket_id", ticket.id}}.dump());
        transaction.commit();
        engine_.publish_pending();
        return {};
    } catch (const DatabaseError& error) {
        engine_.discard_pending();
        return storage_failure(error);
    }
}

Result<IkmReport> SurveyBook::report(const std::string& from, const std::string& to, const std::optional<AreaId>& area) {
    static const std::regex date_pattern(R"(^\d{4}-\d{2}-\d{2}$)");
    for (const std::string& date : {from, to}) {
        if (!std::regex_match(date, date_pattern)) {
            return fail(ErrorCode::InvalidInput, "date", "error.invalid_date", {{"value", date}});
        }
    }
    if (area && engine_.config().find_area(*area) == nullptr) {
        return fail(ErrorCode::InvalidInput, "area", "error.unknown_area", {{"area", *area}});
    }
    IkmReport report{from, to, area, std::nullopt, {}};
    std::vector<std::vector<int>> responses;
    {
        std::lock_guard lock(engine_.store().mutex);
        try {
            Statement stmt = engine_.store().db->prepare(
                "SELECT scores, comment FROM survey_responses WHERE service_date >= ?1 AND service_date <= ?2 "
                "AND (?3 IS NULL OR area = ?3) ORDER BY submitted_at");
            stmt.bind(1, from).bind(2, to).bind(3, area);
            while (stmt.step()) {
                responses.push_back(split_scores(stmt.column_text(0)));
                if (!stmt.column_text(1).empty()) report.comments.push_back(stmt.column_text(1));
            }
        } catch (const DatabaseError& error) {
            return storage_failure(error);
        }
    }
    // Answers given under an older element list cannot be averaged with the current one.
    const size_t elements = engine_.config().survey_elements.size();
    std::erase_if(responses, [elements](const std::vector<int>& scores) { return scores.size() != elements; });
    if (!responses.empty()) {
        auto result = compute_ikm(responses, elements);
        if (!result) return tl::unexpected(result.error());
        report.result = *result;
    }
    return report;
}

std::string ikm_report_csv(const IkmReport& report, const ServerConfig& config) {
    std::string csv = "from,to,area,responses,element,average\r\n";
    const std::string area = report.area.value_or("all");
    if (!report.result) {
        return csv + fmt::format("{},{},{},0,ikm,\r\n", report.from, report.to, area);
    }
    const IkmResult& result = *report.result;
    for (size_t i = 0; i < result.element_averages.size() && i < config.survey_elements.size(); ++i) {
        csv += fmt::format("{},{},{},{},{},{:.2f}\r\n", report.from, report.to, area, result.responses,
                           config.survey_elements[i].id, result.element_averages[i]);
    }
    csv += fmt::format("{},{},{},{},ikm,{:.2f}\r\n", report.from, report.to, area, result.responses, result.index);
    csv += fmt::format("{},{},{},{},category,{}\r\n", report.from, report.to, area, result.responses,
                       csv_field(std::string(ikm_category_letter(result.category)) + " " +
                                 ikm_category_name(result.category, true)));
    return csv;
}

}  // namespace antrean::server
