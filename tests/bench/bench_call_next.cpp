// bench_call_next: call-next latency with 100,000 waiting tickets.
//
// Part 1, at the engine: a QueueEngine on a real SQLite file (WAL, synchronous=FULL) with a
// ManualClock. The waiting tickets are bulk-inserted in one transaction (see
// fill_waiting_tickets), because check-in through the engine counts the tickets ahead on
// every call and so slows down as the queue grows. One officer then runs
// call_next -> start -> complete in a loop; each of the three is its own durable transaction.
//
// Part 2, through HTTP: the same fill in the file of a real antrean-server process, then
// POST /api/v1/desks/1/call-next, start and complete over one keep-alive connection with
// TCP_NODELAY.

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <httplib.h>
#include <spdlog/spdlog.h>
#include <sodium.h>

#include <cstdio>
#include <thread>

#include "auth/accounts.hpp"
#include "bench_support.hpp"
#include "client/api_client.hpp"
#include "engine/queue_engine.hpp"
#include "events/event_hub.hpp"
#include "server_process.hpp"

namespace {

using namespace antrean;
using bench::SteadyClock;

struct Options {
    int waiting = 100'000;
    int engine_calls = 5'000;
    int http_calls = 2'000;
    int seconds_per_part = 15;  // each measured loop stops after this, whatever the count
};

constexpr const char* kPassword = "bench-password-1";

std::vector<Purpose> all_purposes() {
    std::vector<Purpose> purposes;
    for (int i = 0; i < static_cast<int>(Purpose::kCount); ++i) purposes.push_back(static_cast<Purpose>(i));
    return purposes;
}

std::vector<AreaId> all_areas(const server::ServerConfig& config) {
    std::vector<AreaId> areas;
    for (const auto& area : config.areas) areas.push_back(area.id);
    return areas;
}

std::string join(const std::vector<AreaId>& items) {
    std::string text;
    for (const auto& item : items) text += (text.empty() ? "" : ",") + item;
    return text;
}

[[noreturn]] void fail_run(const std::string& step, const Error& error) {
    throw std::runtime_error(step + " failed: " + bench::describe(error));
}

void run_engine_part(const Options& options, bench::ResultBlock& block) {
    bench::TempDir dir("antrean-bench-call-next");
    const server::ServerConfig config = bench::load_bench_config();
    auto office_time = OfficeTime::create(config.time_zone);
    if (!office_time) fail_run("OfficeTime::create", office_time.error());

    block.add("disk", bench::describe(bench::probe_fsync(dir.path())));
    server::Store store;
    auto db = server::Database::open(dir.path() / "antrean.db", server::Durability::Full);
    if (!db) fail_run("Database::open", db.error());
    store.db = std::move(*db);
    if (auto migrated = server::migrate(*store.db); !migrated) fail_run("migrate", migrated.error());

    // A Monday: tickets from 07:00 local, one every 250 ms, so 100,000 of them reach 13:56.
    const TimestampMs first_queued_at = office_time->from_local(2026, 12, 7, 7, 0);
    const auto fill_started = SteadyClock::now();
    bench::fill_waiting_tickets(*store.db, config, *office_time,
                                bench::FillPlan{options.waiting, first_queued_at, 250, 10});
    const double fill_s = bench::micros_between(fill_started, SteadyClock::now()) / 1e6;

    ManualClock clock(first_queued_at + static_cast<TimestampMs>(options.waiting) * 250 + 60'000);
    server::EventHub hub;
    server::QueueEngine engine(store, config, *office_time, clock, hub);
    engine.start();
    server::Accounts accounts(engine);
    if (auto created = accounts.create({"petugas1", "Petugas Satu", "", Role::Officer, all_areas(config), all_purposes()},
                                       kPassword);
        !created) {
        fail_run("Accounts::create", created.error());
    }
    auto login = accounts.login("petugas1", kPassword, DeskId("1"), "127.0.0.1");
    if (!login) fail_run("Accounts::login", login.error());
    auto actor = accounts.authenticate(login->token);
    if (!actor) fail_run("Accounts::authenticate", actor.error());

    std::vector<double> call_us;
    std::vector<double> start_us;
    std::vector<double> complete_us;
    std::map<std::string, int> rules;
    server::ActionDetails complete;
    complete.outcome = Outcome::Answered;
    const auto deadline = SteadyClock::now() + std::chrono::seconds(options.seconds_per_part);
    while (static_cast<int>(call_us.size()) < options.engine_calls && SteadyClock::now() < deadline) {
        clock.set(clock.now() + 1000);
        const auto t0 = SteadyClock::now();
        auto called = engine.call_next(*actor, "1");
        const auto t1 = SteadyClock::now();
        if (!called) fail_run("call_next", called.error());
        if (!*called) throw std::runtime_error("call_next found no waiting ticket; raise --waiting");
        const TicketId id = (*called)->ticket.id;
        ++rules[to_string((*called)->rule)];
        if (auto started = engine.apply(id, TicketAction::Start, *actor, {}); !started) fail_run("start", started.error());
        const auto t2 = SteadyClock::now();
        if (auto done = engine.apply(id, TicketAction::Complete, *actor, complete); !done) {
            fail_run("complete", done.error());
        }
        const auto t3 = SteadyClock::now();
        call_us.push_back(bench::micros_between(t0, t1));
        start_us.push_back(bench::micros_between(t1, t2));
        complete_us.push_back(bench::micros_between(t2, t3));
    }

    // A few check-ins through the engine at this queue length show why the fill is bulk.
    std::vector<double> check_in_us;
    for (int i = 0; i < 100; ++i) {
        server::CheckInRequest request;
        request.visitor = Visitor{bench::visitor_name(i), "+6281234567890", "", "", "", ""};
        request.area = config.areas[static_cast<size_t>(i) % config.areas.size()].id;
        request.consent_version = config.consent_version;
        const auto t0 = SteadyClock::now();
        if (auto issued = engine.check_in(request); !issued) fail_run("check_in", issued.error());
        check_in_us.push_back(bench::micros_between(t0, SteadyClock::now()));
    }

    std::string rule_text;
    for (const auto& [rule, count] : rules) rule_text += fmt::format("{}{} {}", rule_text.empty() ? "" : ", ", rule, count);
    const bench::LatencySummary calls = bench::summarize(call_us);
    block.add("engine fill", fmt::format("{} waiting tickets + visitors bulk-inserted in one transaction in {:.1f} s",
                                         bench::with_thousands(options.waiting), fill_s));
    block.add_latency("engine call_next", calls);
    block.add_latency("engine start", bench::summarize(start_us));
    block.add_latency("engine complete", bench::summarize(complete_us));
    block.add("engine rules used", rule_text);
    block.add_latency("engine check_in", bench::summarize(check_in_us));
    block.add("goal (engine)", fmt::format("call_next < 1 ms: p99 {} max {} -> {}", bench::as_millis(calls.p99),
                                           bench::as_millis(calls.max), calls.p99 < 1000 ? "met at p99" : "MISSED"));
}

void run_http_part(const Options& options, bench::ResultBlock& block) {
    const server::ServerConfig config = bench::load_bench_config();
    auto office_time = OfficeTime::create(config.time_zone);
    if (!office_time) fail_run("OfficeTime::create", office_time.error());

    testing::ServerProcess server;
    {
        // The server runs on the system clock, so the tickets are queued during the last
        // 100,000 * 250 ms before now.
        auto db = server::Database::open(server.db_path(), server::Durability::Full);
        if (!db) fail_run("Database::open", db.error());
        if (auto migrated = server::migrate(**db); !migrated) fail_run("migrate", migrated.error());
        const TimestampMs now = SystemClock().now();
        const TimestampMs first = now - static_cast<TimestampMs>(options.waiting) * 250 - 60'000;
        bench::fill_waiting_tickets(**db, config, *office_time, bench::FillPlan{options.waiting, first, 250, 10});
    }
    server.add_user("petugas1", "officer", join(all_areas(config)), kPassword, "Petugas Satu");
    server.start();

    // Login through ApiClient. The measured requests go over a bare cpp-httplib connection
    // with TCP_NODELAY, the default client of the other benchmarks too.
    ApiClient api(server.base_url());
    auto login = api.login("petugas1", kPassword, DeskId("1"));
    if (!login) fail_run("login", login.error());
    auto connection = bench::open_connection(server.base_url());
    const httplib::Headers authorization{{"Authorization", "Bearer " + login->body["token"].get<std::string>()}};
    auto post = [&](const std::string& path, const std::string& body) {
        auto reply = connection->Post(path, authorization, body, "application/json");
        if (!reply) throw std::runtime_error("POST " + path + " failed: " + httplib::to_string(reply.error()));
        if (reply->status != 200) {
            throw std::runtime_error(fmt::format("POST {} returned {}: {}", path, reply->status, reply->body));
        }
        return nlohmann::json::parse(reply->body);
    };

    std::vector<double> call_us;
    std::vector<double> cycle_us;
    const auto deadline = SteadyClock::now() + std::chrono::seconds(options.seconds_per_part);
    while (static_cast<int>(call_us.size()) < options.http_calls && SteadyClock::now() < deadline) {
        const auto t0 = SteadyClock::now();
        const nlohmann::json called = post("/api/v1/desks/1/call-next", "");
        const auto t1 = SteadyClock::now();
        const TicketId id = called["ticket"]["id"].get<TicketId>();
        post(fmt::format("/api/v1/tickets/{}/start", id), "");
        post(fmt::format("/api/v1/tickets/{}/complete", id), R"({"outcome":"answered"})");
        call_us.push_back(bench::micros_between(t0, t1));
        cycle_us.push_back(bench::micros_between(t0, SteadyClock::now()));
    }
    server.stop();

    const bench::LatencySummary calls = bench::summarize(call_us);
    block.add_latency("HTTP call-next", calls);
    block.add_latency("HTTP call+start+complete", bench::summarize(cycle_us));
    block.add("goal (HTTP)", fmt::format("call-next < 1 ms: p99 {} -> {}", bench::as_millis(calls.p99),
                                         calls.p99 < 1000 ? "met at p99" : "MISSED"));
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    bool skip_http = false;
    CLI::App app{"Measures call-next latency with a large waiting queue, at the engine and through HTTP"};
    app.add_option("--waiting", options.waiting, "waiting tickets bulk-inserted before measuring")
        ->capture_default_str()->check(CLI::Range(1'000, 1'000'000));
    app.add_option("--engine-calls", options.engine_calls, "call-next cycles measured at the engine")
        ->capture_default_str()->check(CLI::Range(1, 100'000));
    app.add_option("--http-calls", options.http_calls, "call-next cycles measured through HTTP")
        ->capture_default_str()->check(CLI::Range(1, 100'000));
    app.add_flag("--skip-http", skip_http, "measure the engine only");
    CLI11_PARSE(app, argc, argv);
    // Only the result block goes to the console; the server process writes its own log file.
    spdlog::set_level(spdlog::level::warn);
    if (sodium_init() < 0) {
        std::fputs("libsodium failed to initialise\n", stderr);
        return 2;
    }

    bench::ResultBlock block(fmt::format("bench_call_next: call-next latency with {} waiting tickets",
                                         bench::with_thousands(options.waiting)));
    block.add("how", "call_next -> start -> complete per cycle, one officer serving every area and purpose, "
                     "SQLite WAL + synchronous=FULL, each step its own transaction");
    try {
        run_engine_part(options, block);
        if (!skip_http) run_http_part(options, block);
    } catch (const std::exception& error) {
        block.print();
        std::fprintf(stderr, "bench_call_next: %s\n", error.what());
        return 1;
    }
    block.print();
    return 0;
}
