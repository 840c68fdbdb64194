#pragma once

#include <map>
#include <string>

#include "engine/queue_engine.hpp"

namespace antrean::server {

struct Percentiles {
    int count = 0;
    double p50_minutes = 0;
    double p90_minutes = 0;
    double max_minutes = 0;
};

// One service day in figures. Built from tickets alone: no visitor identity is read.
struct DailyReport {
    std::string date;
    int tickets = 0;
    std::map<std::string, int> by_area;
    std::map<std::string, int> by_purpose;
    std::map<std::string, int> by_state;
    std::map<std::string, int> by_outcome;
    int no_shows = 0;
    int booked = 0;
    int booked_served_by_booked_officer = 0;
    Percentiles waiting;  // check-in to first call
    Percentiles service;  // start to finish
    double estimate_mean_error_minutes = 0;  // estimate minus the real wait, mean
    int estimate_samples = 0;
};

Result<DailyReport> build_daily_report(QueueEngine& engine, const std::string& service_date);
std::string daily_report_csv(const DailyReport& report);

}  // namespace antrean::server
