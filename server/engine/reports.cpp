#include "engine/reports.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>
#include <regex>
#include <vector>

namespace antrean::server {
namespace {

// Nearest-rank percentile of minutes.
double percentile(const std::vector<double>& sorted, double fraction) {
    if (sorted.empty()) return 0;
    const size_t rank = static_cast<size_t>(std::ceil(fraction * static_cast<double>(sorted.size())));
    return sorted[std::clamp<size_t>(rank, 1, sorted.size()) - 1];
}

Percentiles summarize(std::vector<double> minutes) {
    std::sort(minutes.begin(), minutes.end());
    Percentiles result;
    result.count = static_cast<int>(minutes.size());
    result.p50_minutes = percentile(minutes, 0.5);
    result.p90_minutes = percentile(minutes, 0.9);
    result.max_minutes = minutes.empty() ? 0 : minutes.back();
    return result;
}

}  // namespace

Result<DailyReport> build_daily_report(QueueEngine& engine, const std::string& service_date) {
    static const std::regex date_pattern(R"(^\d{4}-\d{2}-\d{2}$)");
    if (!std::regex_match(service_date, date_pattern)) {
        return fail(ErrorCode::InvalidInput, "date", "error.invalid_date", {{"value", service_date}});
    }
    DailyReport report;
    report.date = service_date;
    std::vector<double> waits;
    std::vector<double> services;
    double estimate_error_sum = 0;

    std::lock_guard lock(engine.store().mutex);
    try {
        // A transfer leaves two rows with one code; the visit counts once, by its first row.
        Statement stmt = engine.store().db->prepare(
            "SELECT area, purpose, state, outcome, kind, queued_at, COALESCE(first_called_at, called_at), started_at, finished_at, "
            "estimated_wait_minutes, assigned_officer_id, officer_id, previous_ticket_id, created_at "
            "FROM tickets WHERE service_date = ?1");
        stmt.bind(1, service_date);
        while (stmt.step()) {
            const bool follow_up = !stmt.column_is_null(12);
            const std::string state = stmt.column_text(2);
            if (!follow_up) {
                ++report.tickets;
                ++report.by_area[stmt.column_text(0)];
                ++report.by_purpose[stmt.column_text(1)];
                if (stmt.column_text(4) == "booked") ++report.booked;
                if (!stmt.column_is_null(6)) {
                    const double wait = static_cast<double>(stmt.column_int(6) - stmt.column_int(13)) / 60'000.0;
                    waits.push_back(wait);
                    if (!stmt.column_is_null(9)) {
                        estimate_error_sum += static_cast<double>(stmt.column_int(9)) - wait;
                        ++report.estimate_samples;
                    }
                }
            }
            ++report.by_state[state];
            if (state == "no_show") ++report.no_shows;
            if (!stmt.column_is_null(3)) ++report.by_outcome[stmt.column_text(3)];
            if (!stmt.column_is_null(7) && !stmt.column_is_null(8)) {
                services.push_back(static_cast<double>(stmt.column_int(8) - stmt.column_int(7)) / 60'000.0);
            }
            if (stmt.column_text(4) == "booked" && state == "done" && !stmt.column_is_null(10) &&
                stmt.column_optional_int(10) == stmt.column_optional_int(11)) {
                ++report.booked_served_by_booked_officer;
            }
        }
    } catch (const DatabaseError& error) {
        spdlog::error("daily report failed: {}", error.what());
        return fail(ErrorCode::Unavailable, "", "error.storage_unavailable");
    }
    report.waiting = summarize(std::move(waits));
    report.service = summarize(std::move(services));
    if (report.estimate_samples > 0) {
        report.estimate_mean_error_minutes = estimate_error_sum / report.estimate_samples;
    }
    return report;
}

std::string daily_report_csv(const DailyReport& report) {
    std::string csv = "date,metric,key,value\r\n";
    auto row = [&](std::string_view metric, std::string_view key, auto value) {
        csv += fmt::format("{},{},{},{}\r\n", report.date, metric, key, value);
    };
    row("tickets", "all", report.tickets);
    for (const auto& [key, count] : report.by_area) row("area", key, count);
    for (const auto& [key, count] : report.by_purpose) row("purpose", key, count);
    for (const auto& [key, count] : report.by_state) row("state", key, count);
    for (const auto& [key, count] : report.by_outcome) row("outcome", key, count);
    row("no_shows", "all", report.no_shows);
    row("booked", "all", report.booked);
    row("booked", "served_by_booked_officer", report.booked_served_by_booked_officer);
    row("waiting_minutes", "p50", fmt::format("{:.1f}", report.waiting.p50_minutes));
    row("waiting_minutes", "p90", fmt::format("{:.1f}", report.waiting.p90_minutes));
    row("waiting_minutes", "max", fmt::format("{:.1f}", report.waiting.max_minutes));
    row("service_minutes", "p50", fmt::format("{:.1f}", report.service.p50_minutes));
    row("service_minutes", "p90", fmt::format("{:.1f}", report.service.p90_minutes));
    row("service_minutes", "max", fmt::format("{:.1f}", report.service.max_minutes));
    row("estimate_error_minutes", "mean", fmt::format("{:.1f}", report.estimate_mean_error_minutes));
    return csv;
}

}  // namespace antrean::server
