// Many officers calling at once: the server hands each waiting ticket to one officer only.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <barrier>
#include <chrono>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "api_test_support.hpp"
#include "client/api_client.hpp"

using antrean::ApiClient;
using antrean::ErrorCode;
using antrean::testing::add_staff;
using antrean::testing::HttpReply;
using antrean::testing::Json;
using antrean::testing::NewStaff;
using antrean::testing::RawHttpClient;
using antrean::testing::ServerProcess;

namespace {

using Clock = std::chrono::steady_clock;

double elapsed_ms(Clock::time_point since) {
    return std::chrono::duration<double, std::milli>(Clock::now() - since).count();
}

// Checks in `count` walk-in visitors for pbk and returns their ticket ids in order.
std::vector<std::int64_t> check_in_visitors(int port, int count) {
    std::vector<std::int64_t> ids;
    const RawHttpClient kiosk(port);
    for (int i = 0; i < count; ++i) {
        const std::string phone = "08120" + std::to_string(1000000 + i);
        const HttpReply reply = kiosk.post("/api/v1/tickets", antrean::testing::walk_in_request("Pengunjung", phone));
        REQUIRE_MESSAGE(reply.status == 201, reply.body);
        ids.push_back(reply.json()["ticket"]["id"].get<std::int64_t>());
    }
    return ids;
}

// Logs each officer in at the desk of the same index and returns their tokens in order.
// Four logins run at a time, because each verifies an Argon2id hash in 64 MiB of server
// memory.
std::vector<std::string> log_in_officers(int port, const std::vector<std::string>& usernames,
                                         const std::vector<std::string>& desks) {
    std::vector<std::string> tokens(usernames.size());
    std::mutex failures_mutex;
    std::vector<std::string> failures;
    std::atomic<size_t> next{0};
    std::vector<std::thread> workers;
    for (int worker = 0; worker < 4; ++worker) {
        workers.emplace_back([&] {
            for (size_t i = next++; i < usernames.size(); i = next++) {
                try {
                    tokens[i] = antrean::testing::log_in(port, usernames[i], desks[i]).token;
                } catch (const std::runtime_error& error) {
                    const std::lock_guard lock(failures_mutex);
                    failures.push_back(error.what());
                }
            }
        });
    }
    for (std::thread& worker : workers) worker.join();
    for (const std::string& failure : failures) FAIL_CHECK(failure);
    REQUIRE(failures.empty());
    return tokens;
}

// The state of every ticket in GET /api/v1/queue, by id.
std::map<std::int64_t, std::string> ticket_states(int port, const std::string& token) {
    RawHttpClient staff(port);
    staff.set_token(token);
    const HttpReply queue = staff.get("/api/v1/queue");
    REQUIRE_MESSAGE(queue.status == 200, queue.body);
    const Json tickets = queue.json()["tickets"];
    std::map<std::int64_t, std::string> states;
    for (const Json& ticket : tickets) {
        states[ticket["id"].get<std::int64_t>()] = ticket["state"].get<std::string>();
    }
    return states;
}

// What the threads of one run saw, merged under a mutex.
struct CallLog {
    std::mutex mutex;
    std::vector<std::int64_t> called_ids;  // in the order the 200 responses arrived
    std::map<std::int64_t, int> completions;  // successful /complete responses per ticket
    std::vector<std::string> unexpected;  // any response other than 200, 204 and the busy 409
    int busy_conflicts = 0;
    int empty_queue_answers = 0;

    void add_unexpected(const std::string& what) {
        const std::lock_guard lock(mutex);
        unexpected.push_back(what);
    }
};

std::string describe(const antrean::Error& error) {
    const auto message = error.params.find("message");
    return std::string(antrean::error_code_name(error.code)) + ": " +
           (message == error.params.end() ? error.message_key : message->second);
}

// Calls, starts and completes tickets for one officer until the queue is empty (204) or
// the deadline passes. Other threads may use the same officer's token, so a 409 because
// the officer already has a visitor is expected and retried after a short pause.
void serve_until_empty(ApiClient& client, const std::string& desk, Clock::time_point deadline, CallLog& log) {
    while (Clock::now() < deadline) {
        const auto call = client.call_next(desk);
        if (!call) {
            if (call.error().code != ErrorCode::Conflict) {
                log.add_unexpected("call-next: " + describe(call.error()));
                return;
            }
            {
                const std::lock_guard lock(log.mutex);
                ++log.busy_conflicts;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
            continue;
        }
        if (call->status == 204) {
            const std::lock_guard lock(log.mutex);
            ++log.empty_queue_answers;
            return;
        }

        const std::int64_t id = call->body["ticket"]["id"].get<std::int64_t>();
        {
            const std::lock_guard lock(log.mutex);
            log.called_ids.push_back(id);
        }
        const auto start = client.ticket_action(id, "start");
        if (!start) {
            log.add_unexpected("start " + std::to_string(id) + ": " + describe(start.error()));
            return;
        }
        const auto complete = client.ticket_action(id, "complete", {{"outcome", "answered"}});
        if (!complete) {
            log.add_unexpected("complete " + std::to_string(id) + ": " + describe(complete.error()));
            return;
        }
        const std::lock_guard lock(log.mutex);
        ++log.completions[id];
    }
    log.add_unexpected("the queue was not empty before the deadline");
}

}  // namespace

TEST_CASE("fifty threads never share a ticket") {
    constexpr int kTickets = 60;
    constexpr int kThreads = 50;
    ServerProcess server;
    add_staff(server, {{"petugas1", "officer", "pbk"}, {"petugas2", "officer", "pbk"}, {"petugas3", "officer", "pbk"}});
    server.start();
    const std::vector<std::int64_t> ticket_ids = check_in_visitors(server.port(), kTickets);
    const std::vector<std::string> desks{"1", "2", "3"};
    const std::vector<std::string> tokens = log_in_officers(server.port(), {"petugas1", "petugas2", "petugas3"}, desks);

    // Each thread acts for one of the three officers through a connection of its own.
    CallLog log;
    const auto started = Clock::now();
    const auto deadline = started + std::chrono::seconds(60);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        const size_t officer = static_cast<size_t>(t) % desks.size();
        threads.emplace_back([&, officer] {
            ApiClient client(server.base_url());
            client.set_token(tokens[officer]);
            client.set_read_timeout(std::chrono::seconds(30));
            serve_until_empty(client, desks[officer], deadline, log);
        });
    }
    for (std::thread& thread : threads) thread.join();
    MESSAGE(kThreads, " threads for 3 officers served ", kTickets, " tickets in ", elapsed_ms(started), " ms with ",
            log.busy_conflicts, " busy conflicts");

    for (const std::string& problem : log.unexpected) FAIL_CHECK(problem);
    CHECK(log.unexpected.empty());
    CHECK(log.empty_queue_answers == kThreads);

    // No ticket was handed out twice, and every ticket was handed out.
    const std::set<std::int64_t> distinct(log.called_ids.begin(), log.called_ids.end());
    CHECK(distinct.size() == log.called_ids.size());
    CHECK(distinct == std::set<std::int64_t>(ticket_ids.begin(), ticket_ids.end()));

    // Every ticket was completed exactly once and the server agrees that it is done.
    CHECK(log.completions.size() == ticket_ids.size());
    for (const auto& [id, count] : log.completions) {
        INFO("ticket ", id);
        CHECK(count == 1);
    }
    const std::map<std::int64_t, std::string> states = ticket_states(server.port(), tokens[0]);
    CHECK(states.size() == ticket_ids.size());
    for (const std::int64_t id : ticket_ids) {
        INFO("ticket ", id);
        CHECK(states.count(id) == 1);
        CHECK(states.at(id) == "done");
    }
}

TEST_CASE("fifty officers calling at once") {
    constexpr int kOfficers = 50;
    constexpr int kTickets = 40;  // fewer than officers, so some calls find the queue empty
    // The shipped desks are "1" to "3"; the extra ones are "4" to "50".
    ServerProcess server("", antrean::testing::extra_desks_toml(kOfficers - 3));
    std::vector<NewStaff> staff;
    std::vector<std::string> usernames;
    std::vector<std::string> desks;
    for (int i = 1; i <= kOfficers; ++i) {
        usernames.push_back("petugas" + std::to_string(i));
        desks.push_back(std::to_string(i));
        staff.push_back(NewStaff{usernames.back(), "officer", "pbk"});
    }
    const auto setup_started = Clock::now();
    add_staff(server, staff);
    const double accounts_ms = elapsed_ms(setup_started);
    server.start();
    const std::vector<std::int64_t> ticket_ids = check_in_visitors(server.port(), kTickets);
    const auto logins_started = Clock::now();
    const std::vector<std::string> tokens = log_in_officers(server.port(), usernames, desks);
    MESSAGE("set-up: ", kOfficers, " accounts created in ", accounts_ms, " ms, logged in in ",
            elapsed_ms(logins_started), " ms");

    // All 50 threads connect first, then call at the same moment.
    std::vector<int> statuses(kOfficers, 0);
    std::vector<std::int64_t> called(kOfficers, 0);
    std::vector<std::string> errors(kOfficers);
    std::vector<double> finished_ms(kOfficers, 0);
    std::barrier ready(kOfficers + 1);
    Clock::time_point released;
    std::vector<std::thread> threads;
    for (int i = 0; i < kOfficers; ++i) {
        threads.emplace_back([&, i] {
            ApiClient client(server.base_url());
            client.set_token(tokens[static_cast<size_t>(i)]);
            client.set_read_timeout(std::chrono::seconds(30));
            // A first request opens the keep-alive connection before the barrier.
            const bool connected = client.health().has_value();
            ready.arrive_and_wait();
            if (!connected) {
                errors[static_cast<size_t>(i)] = "health check failed";
                return;
            }
            const auto call = client.call_next(desks[static_cast<size_t>(i)]);
            finished_ms[static_cast<size_t>(i)] = elapsed_ms(released);
            if (!call) {
                errors[static_cast<size_t>(i)] = describe(call.error());
                return;
            }
            statuses[static_cast<size_t>(i)] = call->status;
            if (call->status == 200) called[static_cast<size_t>(i)] = call->body["ticket"]["id"].get<std::int64_t>();
        });
    }
    released = Clock::now();
    ready.arrive_and_wait();
    for (std::thread& thread : threads) thread.join();
    MESSAGE(kOfficers, " simultaneous call-next requests all answered within ",
            *std::max_element(finished_ms.begin(), finished_ms.end()), " ms");

    std::vector<std::int64_t> called_ids;
    int empty_queue_answers = 0;
    for (int i = 0; i < kOfficers; ++i) {
        INFO(usernames[static_cast<size_t>(i)], " at desk ", desks[static_cast<size_t>(i)]);
        CHECK(errors[static_cast<size_t>(i)].empty());
        if (statuses[static_cast<size_t>(i)] == 200) called_ids.push_back(called[static_cast<size_t>(i)]);
        if (statuses[static_cast<size_t>(i)] == 204) ++empty_queue_answers;
    }
    CHECK(called_ids.size() == static_cast<size_t>(kTickets));
    CHECK(empty_queue_answers == kOfficers - kTickets);
    const std::set<std::int64_t> distinct(called_ids.begin(), called_ids.end());
    CHECK(distinct.size() == called_ids.size());
    CHECK(distinct == std::set<std::int64_t>(ticket_ids.begin(), ticket_ids.end()));

    // The server stores every ticket as called, none twice and none left waiting.
    const std::map<std::int64_t, std::string> states = ticket_states(server.port(), tokens[0]);
    for (const std::int64_t id : ticket_ids) {
        INFO("ticket ", id);
        CHECK(states.at(id) == "called");
    }
}
