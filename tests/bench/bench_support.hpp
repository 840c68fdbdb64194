#pragma once

// Helpers shared by the benchmark programs: machine description, latency percentiles,
// the printed result block, and a bulk filler for a queue database.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "config/config.hpp"
#include "domain/office_time.hpp"
#include "storage/database.hpp"

namespace httplib {
class Client;
}

namespace antrean::bench {

using SteadyClock = std::chrono::steady_clock;

// Microseconds between two steady-clock points, as a double.
double micros_between(SteadyClock::time_point start, SteadyClock::time_point end);

// The number of online cores (what `nproc` prints) and the first "model name" of
// /proc/cpuinfo.
struct MachineInfo {
    long cores = 0;
    std::string cpu_model;
};
MachineInfo machine_info();

// How fast this disk completes a small durable write right now: a 4 KiB append followed by
// fdatasync, repeated for about half a second in `folder`. Every durable SQLite commit waits
// for one such flush, and other programs writing to the same disk slow it down, so each
// result block reports it next to the figures.
struct FsyncProbe {
    double per_second = 0;
    double median_us = 0;
};
FsyncProbe probe_fsync(const std::filesystem::path& folder);
std::string describe(const FsyncProbe& probe);

// Opens a keep-alive cpp-httplib connection to `base_url` ("http://127.0.0.1:PORT") with
// TCP_NODELAY on. cpp-httplib 0.11.4 writes a request's headers and body with two separate
// send() calls, so without TCP_NODELAY Nagle's algorithm delays the body until the server's
// delayed ACK, about 40 ms on Linux, for every request that has a body.
std::unique_ptr<httplib::Client> open_connection(const std::string& base_url);

// Percentiles of a set of latency samples in microseconds, nearest-rank method.
struct LatencySummary {
    size_t count = 0;
    double p50 = 0;
    double p90 = 0;
    double p99 = 0;
    double max = 0;
    double mean = 0;
};
LatencySummary summarize(std::vector<double> samples_us);

// Describes a failed call for the console: the message key, the server's message when the
// error came from a response, and the field.
std::string describe(const Error& error);

// A visitor name for the n-th generated check-in. Names accept letters only, so the
// sequence number picks a first and a last name from short lists instead of being printed.
std::string visitor_name(int n);

// Formats 12345.6 as "12,346", for rates and counts in the result block.
std::string with_thousands(double value);
// Formats a latency in microseconds as "0.213 ms".
std::string as_millis(double micros);

// One result block on standard output: a title line, the machine, the load average when
// the block was created, then "name: value" lines in the given order.
class ResultBlock {
public:
    explicit ResultBlock(std::string title);
    void add(std::string name, std::string value);
    // Adds "name: p50 .. p90 .. p99 .. max .. (n samples)".
    void add_latency(const std::string& name, const LatencySummary& summary);
    void print() const;

private:
    std::string title_;
    std::string load_average_;
    std::vector<std::pair<std::string, std::string>> lines_;
};

// A temporary folder removed with its contents when the object goes out of scope.
class TempDir {
public:
    explicit TempDir(const std::string& prefix);
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

// Loads the shipped configuration (assets/config/antrean.toml) with opening hours off,
// so a benchmark runs at any hour. Throws std::runtime_error when the file is invalid.
server::ServerConfig load_bench_config();

// How the bulk filler spreads the waiting tickets.
struct FillPlan {
    int tickets = 100'000;
    TimestampMs first_queued_at = 0;
    TimestampMs spacing_ms = 250;  // queued_at of ticket i is first_queued_at + i * spacing_ms
    int priority_every = 10;       // every n-th ticket is a priority ticket
};

// Inserts `plan.tickets` waiting walk-in tickets, each with its own visitor row, in ONE
// transaction through the storage layer's insert functions (records::insert_visitor and
// records::insert_ticket). Areas and purposes rotate over the configured ones. Unlike a
// check-in through the engine, it writes no history row, no event and no wait estimate,
// and it sets the per-area ticket counters once at the end.
void fill_waiting_tickets(server::Database& db, const server::ServerConfig& config,
                          const OfficeTime& office_time, const FillPlan& plan);

}  // namespace antrean::bench
