// bench_check_in: durable walk-in check-ins per second through the real server.
//
// Starts antrean-server on loopback with a fresh SQLite file (WAL, synchronous=FULL, as the
// server always opens it), then N client threads, each with its own keep-alive connection,
// post check-ins back to back for a fixed time. Afterwards the server is stopped and the
// tickets table is counted, so the figure only includes check-ins that reached the file.

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <map>
#include <thread>
#include <vector>

#include "bench_support.hpp"
#include "client/api_client.hpp"
#include "server_process.hpp"
#include "storage/database.hpp"

namespace {

using namespace antrean;
using bench::SteadyClock;

struct Options {
    int clients = 8;
    int seconds = 10;
    int max_check_ins = 300'000;  // an upper bound on the whole run, whatever the rate
    bool api_client = false;
};

// What one client thread measured.
struct ClientTally {
    std::vector<double> latencies_us;
    std::map<long, int> per_second;  // second of the run -> check-ins completed in it
    int warm_up_done = 0;
    int failures = 0;
    std::string first_failure;
};

nlohmann::json check_in_body(const server::ServerConfig& config, int client, int sequence) {
    const auto& area = config.areas[static_cast<size_t>(client + sequence + 1) % config.areas.size()];
    return {{"visitor", {{"name", bench::visitor_name(client * 1000 + sequence)}, {"phone", "081234567890"}}},
            {"area", area.id},
            {"purpose", "complaint"},
            {"consent", true}};
}

// Posts check-ins through either ApiClient or a bare cpp-httplib connection with TCP_NODELAY.
class CheckInSender {
public:
    CheckInSender(const std::string& base_url, bool api_client) {
        if (api_client) {
            api_ = std::make_unique<ApiClient>(base_url);
        } else {
            connection_ = bench::open_connection(base_url);
        }
    }

    // Returns an empty string on 201 Created, otherwise what went wrong.
    std::string send(const nlohmann::json& body) {
        if (api_) {
            auto reply = api_->check_in(body);
            if (!reply) return bench::describe(reply.error());
            return reply->status == 201 ? "" : fmt::format("status {}", reply->status);
        }
        auto reply = connection_->Post("/api/v1/tickets", body.dump(), "application/json");
        if (!reply) return "transport error " + httplib::to_string(reply.error());
        return reply->status == 201 ? "" : fmt::format("status {}: {}", reply->status, reply->body);
    }

private:
    std::unique_ptr<ApiClient> api_;
    std::unique_ptr<httplib::Client> connection_;
};

std::int64_t count_tickets(const std::filesystem::path& db_path) {
    auto db = server::Database::open(db_path);
    if (!db) throw std::runtime_error("Failed to reopen " + db_path.string() + " to count the tickets");
    server::Statement count = (*db)->prepare("SELECT COUNT(*) FROM tickets");
    count.step();
    return count.column_int(0);
}

// Returns the fewest and the most check-ins completed in one whole second of the run.
std::pair<int, int> per_second_spread(const std::map<long, int>& per_second) {
    if (per_second.size() < 2) return {0, 0};
    // The last bucket is a partial second, so it is left out.
    const auto full_end = std::prev(per_second.end());
    const auto [low, high] = std::minmax_element(per_second.begin(), full_end,
                                                 [](const auto& a, const auto& b) { return a.second < b.second; });
    return {low->second, high->second};
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    CLI::App app{"Measures durable check-ins per second through antrean-server on loopback"};
    app.add_option("--clients", options.clients, "concurrent HTTP clients, one keep-alive connection each")
        ->capture_default_str()->check(CLI::Range(1, 64));
    app.add_option("--seconds", options.seconds, "length of the measured run in seconds")
        ->capture_default_str()->check(CLI::Range(1, 50));
    app.add_option("--max-check-ins", options.max_check_ins, "stop earlier after this many check-ins")
        ->capture_default_str()->check(CLI::Range(1, 1'000'000));
    app.add_flag("--api-client", options.api_client,
                 "send through antrean::ApiClient instead of a bare cpp-httplib client with TCP_NODELAY");
    CLI11_PARSE(app, argc, argv);
    // Only the result block goes to the console; the server process writes its own log file.
    spdlog::set_level(spdlog::level::warn);

    const server::ServerConfig config = bench::load_bench_config();
    testing::ServerProcess server;
    const bench::FsyncProbe disk = bench::probe_fsync(server.dir());
    server.start();

    std::atomic<int> ready{0};
    std::atomic<bool> go{false};
    std::atomic<int> issued{0};
    std::vector<ClientTally> tallies(static_cast<size_t>(options.clients));
    SteadyClock::time_point started;
    SteadyClock::time_point deadline;

    std::vector<std::thread> threads;
    for (int client = 0; client < options.clients; ++client) {
        threads.emplace_back([&, client] {
            ClientTally& tally = tallies[static_cast<size_t>(client)];
            auto record_failure = [&tally](const std::string& what) {
                if (tally.failures++ == 0) tally.first_failure = what;
            };
            CheckInSender sender(server.base_url(), options.api_client);
            // One unmeasured check-in opens the keep-alive connection before the clock starts.
            if (const std::string failure = sender.send(check_in_body(config, client, -1)); failure.empty()) {
                ++tally.warm_up_done;
            } else {
                record_failure(failure);
            }
            ++ready;
            while (!go.load()) std::this_thread::yield();

            for (int sequence = 0; issued.fetch_add(1) < options.max_check_ins; ++sequence) {
                const auto sent = SteadyClock::now();
                if (sent >= deadline) break;
                const std::string failure = sender.send(check_in_body(config, client, sequence));
                const auto received = SteadyClock::now();
                if (!failure.empty()) {
                    record_failure(failure);
                    continue;
                }
                tally.latencies_us.push_back(bench::micros_between(sent, received));
                ++tally.per_second[std::chrono::duration_cast<std::chrono::seconds>(received - started).count()];
            }
        });
    }
    while (ready.load() < options.clients) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    started = SteadyClock::now();
    deadline = started + std::chrono::seconds(options.seconds);
    go.store(true);
    for (std::thread& thread : threads) thread.join();
    const auto finished = SteadyClock::now();

    // A clean stop, then count what the file holds: a check-in counts only once committed.
    server.stop();
    const std::int64_t stored = count_tickets(server.db_path());

    std::vector<double> latencies;
    std::map<long, int> per_second;
    int warm_ups = 0;
    int failures = 0;
    std::string first_failure;
    for (const ClientTally& tally : tallies) {
        latencies.insert(latencies.end(), tally.latencies_us.begin(), tally.latencies_us.end());
        for (const auto& [second, count] : tally.per_second) per_second[second] += count;
        warm_ups += tally.warm_up_done;
        failures += tally.failures;
        if (first_failure.empty()) first_failure = tally.first_failure;
    }
    const auto acknowledged = static_cast<std::int64_t>(latencies.size()) + warm_ups;
    const double elapsed_s = bench::micros_between(started, finished) / 1e6;
    const double rate = static_cast<double>(latencies.size()) / elapsed_s;
    const auto [slowest_second, fastest_second] = per_second_spread(per_second);

    bench::ResultBlock block("bench_check_in: durable check-ins per second");
    block.add("how", fmt::format("{} clients ({}), keep-alive, POST /api/v1/tickets to antrean-server on "
                                 "127.0.0.1, SQLite WAL + synchronous=FULL",
                                 options.clients,
                                 options.api_client ? "antrean::ApiClient" : "cpp-httplib with TCP_NODELAY"));
    block.add("disk", bench::describe(disk));
    block.add("check-ins", fmt::format("{} in {:.2f} s", bench::with_thousands(static_cast<double>(latencies.size())),
                                       elapsed_s));
    block.add("in the file", fmt::format("{} tickets after the stop, {} acknowledged with 201 (incl. {} warm-up): {}",
                                         bench::with_thousands(static_cast<double>(stored)),
                                         bench::with_thousands(static_cast<double>(acknowledged)), warm_ups,
                                         stored == acknowledged ? "all stored" : "MISMATCH"));
    block.add("rate", fmt::format("{} check-ins/s", bench::with_thousands(rate)));
    block.add("per second", fmt::format("slowest {}, fastest {} (whole seconds only)",
                                        bench::with_thousands(slowest_second), bench::with_thousands(fastest_second)));
    block.add_latency("latency", bench::summarize(latencies));
    block.add("failures", failures == 0 ? "0" : fmt::format("{} (first: {})", failures, first_failure));
    block.add("goal", fmt::format(">= 3,000 check-ins/s: {}", rate >= 3000 ? "met" : "MISSED"));
    block.print();
    return failures == 0 && stored == acknowledged ? 0 : 1;
}
