// bench_event_latency: from a staff action to the matching event at an EventSubscriber.
//
// Starts antrean-server on loopback, checks one visitor in and calls the ticket, then
// recalls it repeatedly. Each recall is one durable transaction that stores a
// "ticket.recalled" event and publishes it after the commit. The clock starts just before
// the HTTP recall is sent and stops when the subscriber's callback receives the event whose
// recall_count matches, so the figure includes the request, the commit (fsync) and the
// event's trip through the stream. The client cannot see the commit instant itself.

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <httplib.h>

#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>

#include "bench_support.hpp"
#include "client/api_client.hpp"
#include "client/event_stream.hpp"
#include "server_process.hpp"

namespace {

using namespace antrean;
using bench::SteadyClock;

struct Options {
    int recalls = 2'000;
    int seconds = 25;
    bool api_client = false;
};

constexpr const char* kPassword = "bench-password-1";

// The newest recall_count seen on the stream and when its event arrived.
class RecallMailbox {
public:
    void deliver(int recall_count, SteadyClock::time_point at) {
        {
            std::lock_guard lock(mutex_);
            if (recall_count <= latest_) return;
            latest_ = recall_count;
            received_at_ = at;
        }
        changed_.notify_all();
    }

    // Waits until an event with `recall_count` arrived; nullopt after `timeout`.
    std::optional<SteadyClock::time_point> wait_for(int recall_count, std::chrono::milliseconds timeout) {
        std::unique_lock lock(mutex_);
        if (!changed_.wait_for(lock, timeout, [&] { return latest_ >= recall_count; })) return std::nullopt;
        return received_at_;
    }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    int latest_ = 0;
    SteadyClock::time_point received_at_;
};

[[noreturn]] void fail_run(const std::string& step, const Error& error) {
    throw std::runtime_error(step + " failed: " + bench::describe(error));
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    CLI::App app{"Measures the time from an HTTP recall to the matching event at an EventSubscriber"};
    app.add_option("--recalls", options.recalls, "recalls measured, one at a time")
        ->capture_default_str()->check(CLI::Range(1, 100'000));
    app.add_option("--seconds", options.seconds, "stop earlier after this many seconds")
        ->capture_default_str()->check(CLI::Range(1, 50));
    app.add_flag("--api-client", options.api_client,
                 "send the recalls through antrean::ApiClient instead of a bare cpp-httplib client with TCP_NODELAY");
    CLI11_PARSE(app, argc, argv);
    // Only the result block goes to the console; the server process writes its own log file.
    spdlog::set_level(spdlog::level::warn);

    bench::ResultBlock block("bench_event_latency: recall -> event received by an EventSubscriber");
    block.add("how", fmt::format("POST /api/v1/tickets/{{id}}/recall over keep-alive ({}), event read from "
                                 "GET /api/v1/events by EventSubscriber, both on 127.0.0.1; one recall at a time",
                                 options.api_client ? "antrean::ApiClient" : "cpp-httplib with TCP_NODELAY"));
    try {
        testing::ServerProcess server;
        server.add_user("petugas1", "officer", "pbk", kPassword, "Petugas Satu");
        server.start();

        ApiClient kiosk(server.base_url());
        auto issued = kiosk.check_in({{"visitor", {{"name", "Budi Santoso"}, {"phone", "081234567890"}}},
                                      {"area", "pbk"},
                                      {"purpose", "complaint"},
                                      {"consent", true}});
        if (!issued) fail_run("check-in", issued.error());
        ApiClient staff(server.base_url());
        auto login = staff.login("petugas1", kPassword, DeskId("1"));
        if (!login) fail_run("login", login.error());
        const std::string token = login->body["token"].get<std::string>();
        auto called = staff.call_next("1");
        if (!called) fail_run("call-next", called.error());
        if (called->status != 200) throw std::runtime_error("call-next found no waiting ticket");
        const TicketId ticket_id = called->body["ticket"]["id"].get<TicketId>();

        RecallMailbox mailbox;
        std::atomic<bool> snapshot_seen{false};
        auto address = parse_server_address(server.base_url());
        EventSubscriber subscriber(
            *address,
            [&](const SseEvent& event) {
                const auto arrived = SteadyClock::now();
                if (event.name == "board") snapshot_seen.store(true);
                if (event.name != "ticket.recalled") return;
                const auto data = nlohmann::json::parse(event.data, nullptr, false);
                if (data.is_object() && data.value("ticket_id", TicketId{0}) == ticket_id) {
                    mailbox.deliver(data.value("recall_count", 0), arrived);
                }
            },
            [](const ConnectionStatus&) {});
        subscriber.start();
        // The first thing on a new stream is the board snapshot: after it the stream is live.
        const auto connect_deadline = SteadyClock::now() + std::chrono::seconds(5);
        while (!snapshot_seen.load() && SteadyClock::now() < connect_deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        if (!snapshot_seen.load()) throw std::runtime_error("the event stream sent no board snapshot within 5 s");

        auto connection = bench::open_connection(server.base_url());
        const httplib::Headers authorization{{"Authorization", "Bearer " + token}};
        const std::string recall_path = fmt::format("/api/v1/tickets/{}/recall", ticket_id);
        // Returns an empty string when the recall was accepted, otherwise what went wrong.
        auto send_recall = [&]() -> std::string {
            if (options.api_client) {
                auto reply = staff.ticket_action(ticket_id, "recall");
                return reply ? "" : bench::describe(reply.error());
            }
            auto reply = connection->Post(recall_path, authorization, "", "application/json");
            if (!reply) return "transport error " + httplib::to_string(reply.error());
            return reply->status == 200 ? "" : fmt::format("status {}: {}", reply->status, reply->body);
        };

        const bench::FsyncProbe disk = bench::probe_fsync(server.dir());
        block.add("disk", bench::describe(disk));
        std::vector<double> event_us;
        std::vector<double> reply_us;
        int lost = 0;
        const auto deadline = SteadyClock::now() + std::chrono::seconds(options.seconds);
        for (int recall = 1; recall <= options.recalls && SteadyClock::now() < deadline; ++recall) {
            const auto sent = SteadyClock::now();
            const std::string failure = send_recall();
            const auto replied = SteadyClock::now();
            if (!failure.empty()) throw std::runtime_error("recall failed: " + failure);
            const auto received = mailbox.wait_for(recall, std::chrono::seconds(2));
            if (!received) {
                ++lost;
                continue;
            }
            event_us.push_back(bench::micros_between(sent, *received));
            reply_us.push_back(bench::micros_between(sent, replied));
        }
        subscriber.stop();
        server.stop();

        const bench::LatencySummary events = bench::summarize(event_us);
        block.add_latency("recall sent -> event", events);
        block.add_latency("recall HTTP round trip", bench::summarize(reply_us));
        block.add("events lost", fmt::format("{} (no event within 2 s)", lost));
        block.add("goal", fmt::format("p99 < 5 ms: p99 {} -> {}", bench::as_millis(events.p99),
                                      events.p99 < 5000 && lost == 0 ? "met" : "MISSED"));
    } catch (const std::exception& error) {
        block.print();
        std::fprintf(stderr, "bench_event_latency: %s\n", error.what());
        return 1;
    }
    block.print();
    return 0;
}
