#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/ikm.hpp"
#include "engine/queue_engine.hpp"

namespace antrean::server {

struct SurveyAnswer {
    std::vector<int> scores;  // one per configured element, 1 to 4
    std::string comment;
};

struct IkmReport {
    std::string from;  // first service date, "2026-12-01"
    std::string to;    // last service date, inclusive
    std::optional<AreaId> area;
    std::optional<IkmResult> result;  // nullopt when nobody answered
    std::vector<std::string> comments;
};

// The public satisfaction survey: one anonymous answer per finished visit, and the
// index over a period.
class SurveyBook {
public:
    explicit SurveyBook(QueueEngine& engine) : engine_(engine) {}

    // Whether the ticket may be surveyed now: done (not transferred), not answered yet.
    enum class Availability { Open, NotFinished, Answered, NoSurvey };
    Result<Availability> availability(const Ticket& ticket);
    Result<void> submit(const Ticket& ticket, const SurveyAnswer& answer);
    Result<IkmReport> report(const std::string& from, const std::string& to, const std::optional<AreaId>& area);

private:
    QueueEngine& engine_;
};

std::string ikm_report_csv(const IkmReport& report, const ServerConfig& config);

}  // namespace antrean::server
