#pragma once

// Today's figures at a glance, computed from the live queue so they move with every
// event: per service area, how many wait, are being served, were served and did not
// come, and how long visitors waited.

#include <map>
#include <string>
#include <vector>

#include "console/live_queue.hpp"

namespace antrean::reception {

struct AreaFigures {
    AreaId area;
    int waiting = 0;
    int in_service = 0;  // called or being served
    int served = 0;      // done
    int no_shows = 0;
    int cancelled = 0;
    // Waits of visitors already called (queue to call), for the average.
    int called_count = 0;
    int called_wait_total_minutes = 0;
    // The maximum wait of the day, including visitors who still wait.
    int longest_wait_minutes = 0;

    int average_wait_minutes() const;
};

struct DaySummary {
    std::vector<AreaFigures> areas;  // in `area_order`, then any other area seen
    AreaFigures total;

    // Counts `queue` at `now`. Transferred tickets count once, by their latest ticket.
    static DaySummary compute(const console::LiveQueue& queue, TimestampMs now,
                              const std::vector<AreaId>& area_order);
};

}  // namespace antrean::reception
