// GET /api/v1/events on a real server, followed by the shared EventSubscriber or by raw
// cpp-httplib streams: first event, call events, resuming with Last-Event-ID (also across
// a SIGKILL and restart on the same port), heartbeats and many open streams.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "api_test_support.hpp"
#include "client/event_stream.hpp"

using antrean::EventSubscriber;
using antrean::EventSubscriberOptions;
using antrean::SseEvent;
using antrean::testing::add_staff;
using antrean::testing::HttpReply;
using antrean::testing::Json;
using antrean::testing::RawEventStream;
using antrean::testing::RawHttpClient;
using antrean::testing::ServerProcess;

namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

// Follows the server's event stream with EventSubscriber and keeps every event delivered.
class EventRecorder {
public:
    EventRecorder(const ServerProcess& server, const std::string& last_event_id = "")
        : subscriber_(
              *antrean::parse_server_address(server.base_url()),
              [this](const SseEvent& event) {
                  {
                      const std::lock_guard lock(mutex_);
                      events_.push_back(event);
                  }
                  changed_.notify_all();
              },
              nullptr, options(last_event_id)) {
        subscriber_.start();
    }
    ~EventRecorder() { subscriber_.stop(); }

    void stop() { subscriber_.stop(); }

    std::vector<SseEvent> events() const {
        const std::lock_guard lock(mutex_);
        return events_;
    }

    // Waits until an event with this name arrives after the first `skip` events, and returns it.
    std::optional<SseEvent> wait_for_name(const std::string& name, size_t skip = 0,
                                          std::chrono::milliseconds timeout = 5s) {
        std::optional<SseEvent> found;
        wait_until([&](const std::vector<SseEvent>& events) {
            for (size_t i = skip; i < events.size(); ++i) {
                if (events[i].name == name) {
                    found = events[i];
                    return true;
                }
            }
            return false;
        }, timeout);
        return found;
    }

    // Waits until an event with id `id` or higher has arrived; false on timeout.
    bool wait_for_id(std::int64_t id, std::chrono::milliseconds timeout = 10s) {
        return wait_until([id](const std::vector<SseEvent>& events) {
            return !events.empty() && std::stoll(events.back().id) >= id;
        }, timeout);
    }

private:
    static EventSubscriberOptions options(const std::string& last_event_id) {
        EventSubscriberOptions options;
        options.last_event_id = last_event_id;
        // Retries stay short so that a restarted server is found again quickly.
        options.backoff.initial_delay = 50ms;
        options.backoff.max_delay = 200ms;
        return options;
    }

    bool wait_until(const std::function<bool(const std::vector<SseEvent>&)>& done, std::chrono::milliseconds timeout) {
        std::unique_lock lock(mutex_);
        return changed_.wait_for(lock, timeout, [&] { return done(events_); });
    }

    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<SseEvent> events_;
    EventSubscriber subscriber_;  // last, so it stops before the members its callback uses
};

std::vector<std::int64_t> ids_of(const std::vector<SseEvent>& events) {
    std::vector<std::int64_t> ids;
    for (const SseEvent& event : events) ids.push_back(std::stoll(event.id));
    return ids;
}

std::vector<std::string> names_of(const std::vector<SseEvent>& events) {
    std::vector<std::string> names;
    for (const SseEvent& event : events) names.push_back(event.name);
    return names;
}

// The events with an id above `after`.
std::vector<SseEvent> events_after(const std::vector<SseEvent>& events, std::int64_t after) {
    std::vector<SseEvent> later;
    for (const SseEvent& event : events) {
        if (std::stoll(event.id) > after) later.push_back(event);
    }
    return later;
}

std::vector<std::int64_t> consecutive_ids(std::int64_t first, std::int64_t last) {
    std::vector<std::int64_t> ids;
    for (std::int64_t id = first; id <= last; ++id) ids.push_back(id);
    return ids;
}

Json check_in(const ServerProcess& server, const std::string& name, const std::string& phone) {
    const HttpReply reply =
        RawHttpClient(server.port()).post("/api/v1/tickets", antrean::testing::walk_in_request(name, phone));
    REQUIRE_MESSAGE(reply.status == 201, reply.body);
    return reply.json()["ticket"];
}

// The id of the newest event the board includes. Ticket events make the board stale, so
// after a check-in or a call this is the id of that event.
std::int64_t board_last_event_id(const ServerProcess& server) {
    const HttpReply board = RawHttpClient(server.port()).get("/api/v1/board");
    REQUIRE(board.status == 200);
    return board.json()["last_event_id"].get<std::int64_t>();
}

bool is_rfc3339(const Json& value) {
    static const std::regex pattern(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2})");
    return value.is_string() && std::regex_match(value.get<std::string>(), pattern);
}

}  // namespace

TEST_CASE("new subscriber first gets board") {
    ServerProcess server;
    server.start();
    check_in(server, "Siti Aminah", "081234567890");

    EventRecorder recorder(server);
    REQUIRE(recorder.wait_for_name("board"));
    const SseEvent first = recorder.events().front();
    CHECK(first.name == "board");

    const Json board = Json::parse(first.data, nullptr, false);
    REQUIRE(board.is_object());
    CHECK(board["waiting"]["pbk"] == 1);
    CHECK(board["calls"].is_array());
    CHECK(std::to_string(board["last_event_id"].get<std::int64_t>()) == first.id);
}

TEST_CASE("call and recall produce events") {
    ServerProcess server;
    add_staff(server, {{"petugas1", "officer", "pbk"}});
    server.start();
    RawHttpClient officer(server.port());
    officer.set_token(antrean::testing::log_in(server.port(), "petugas1", "1").token);
    EventRecorder recorder(server);
    REQUIRE(recorder.wait_for_name("board"));

    const Json ticket = check_in(server, "Siti Aminah", "081234567890");
    const auto checked_in = recorder.wait_for_name("ticket.updated");
    REQUIRE(checked_in);
    CHECK(Json::parse(checked_in->data)["state"] == "waiting");

    REQUIRE(officer.post("/api/v1/desks/1/call-next").status == 200);
    const auto called = recorder.wait_for_name("ticket.called");
    REQUIRE(called);
    const Json called_data = Json::parse(called->data);
    CHECK(called_data["ticket_code"] == "A-001");
    CHECK(called_data["desk"]["id"] == "1");
    CHECK(called_data["desk"]["name"] == "Meja 1");
    CHECK(is_rfc3339(called_data["called_at"]));

    REQUIRE(officer.post("/api/v1/tickets/" + std::to_string(ticket["id"].get<std::int64_t>()) + "/recall").status == 200);
    const auto recalled = recorder.wait_for_name("ticket.recalled");
    REQUIRE(recalled);
    const Json recalled_data = Json::parse(recalled->data);
    CHECK(recalled_data["ticket_code"] == "A-001");
    CHECK(recalled_data["desk"]["id"] == "1");
    CHECK(recalled_data["desk"]["name"] == "Meja 1");
    CHECK(is_rfc3339(recalled_data["called_at"]));
    CHECK(recalled_data["recall_count"] == 1);
    CHECK(std::stoll(recalled->id) > std::stoll(called->id));
}

TEST_CASE("resumed stream gets missed events") {
    ServerProcess server;
    add_staff(server, {{"petugas1", "officer", "pbk"}});
    server.start();
    const Json first = check_in(server, "Siti Aminah", "081234567890");

    // One subscriber follows everything; the other leaves and comes back.
    EventRecorder continuous(server);
    EventRecorder leaving(server);
    REQUIRE(leaving.wait_for_name("board"));
    leaving.stop();
    const std::int64_t left_at = std::stoll(leaving.events().back().id);

    RawHttpClient officer(server.port());
    officer.set_token(antrean::testing::log_in(server.port(), "petugas1", "1").token);
    check_in(server, "Budi", "081298765432");
    REQUIRE(officer.post("/api/v1/desks/1/call-next").status == 200);
    REQUIRE(officer.post("/api/v1/tickets/" + std::to_string(first["id"].get<std::int64_t>()) + "/recall").status == 200);
    check_in(server, "Wayan Sudarta", "081311112222");
    const std::int64_t last = board_last_event_id(server);
    REQUIRE(continuous.wait_for_id(last));

    EventRecorder resumed(server, std::to_string(left_at));
    REQUIRE(resumed.wait_for_id(last));
    const std::vector<SseEvent> replayed = resumed.events();
    const std::vector<SseEvent> missed = events_after(continuous.events(), left_at);

    // Exactly the missed events, in order, and no board snapshot in front of them.
    CHECK(ids_of(replayed) == ids_of(missed));
    CHECK(names_of(replayed) == names_of(missed));
    CHECK(ids_of(replayed) == consecutive_ids(left_at + 1, last));
    CHECK(names_of(replayed) == std::vector<std::string>{"officer.updated", "ticket.updated", "ticket.called",
                                                          "ticket.recalled", "ticket.updated"});
    for (size_t i = 0; i < replayed.size() && i < missed.size(); ++i) {
        INFO("event ", replayed[i].id);
        CHECK(replayed[i].data == missed[i].data);
    }

    // The query parameter does the same for clients that cannot set headers.
    RawEventStream by_query(server.port(), "/api/v1/events?last_event_id=" + std::to_string(left_at));
    REQUIRE(by_query.wait_for_text("id: " + std::to_string(last) + "\n", 5s));
    by_query.stop();
    CHECK(ids_of(by_query.events()) == ids_of(missed));
}

TEST_CASE("resume works across restart") {
    ServerProcess server;
    server.start();
    check_in(server, "Siti Aminah", "081234567890");

    EventRecorder continuous(server);
    EventRecorder leaving(server);
    REQUIRE(leaving.wait_for_name("board"));
    REQUIRE(continuous.wait_for_name("board"));
    leaving.stop();
    const std::int64_t left_at = std::stoll(leaving.events().back().id);

    // Missed before the crash.
    check_in(server, "Budi", "081298765432");
    check_in(server, "Wayan Sudarta", "081311112222");
    const std::int64_t before_kill = board_last_event_id(server);
    REQUIRE(continuous.wait_for_id(before_kill));

    const int port = server.port();
    server.kill_hard();
    server.start(port);
    REQUIRE(server.port() == port);

    // Missed after the restart; ids go on from the stored ones.
    const Json after_restart = check_in(server, "Rina Wati", "081377788899");
    CHECK(after_restart["code"] == "A-004");
    const std::int64_t last = board_last_event_id(server);
    CHECK(last == before_kill + 1);

    EventRecorder resumed(server, std::to_string(left_at));
    REQUIRE(resumed.wait_for_id(last));
    const std::vector<SseEvent> replayed = resumed.events();
    CHECK(ids_of(replayed) == consecutive_ids(left_at + 1, last));
    CHECK(names_of(replayed) == std::vector<std::string>{"ticket.updated", "ticket.updated", "ticket.updated"});
    std::vector<std::string> codes;
    for (const SseEvent& event : replayed) codes.push_back(Json::parse(event.data)["ticket_code"].get<std::string>());
    CHECK(codes == std::vector<std::string>{"A-002", "A-003", "A-004"});

    // The subscriber that stayed on reconnected by itself with Last-Event-ID and has every
    // event once, in order, after its first board.
    REQUIRE(continuous.wait_for_id(last));
    const std::vector<SseEvent> followed = continuous.events();
    REQUIRE_FALSE(followed.empty());
    CHECK(followed.front().name == "board");
    const std::vector<SseEvent> after_board(followed.begin() + 1, followed.end());
    CHECK(ids_of(after_board) == consecutive_ids(std::stoll(followed.front().id) + 1, last));
}

TEST_CASE("idle stream gets heartbeat within 4 s") {
    ServerProcess server;
    server.start();
    RawEventStream stream(server.port());

    REQUIRE(stream.wait_for_events(1, 5s));
    // The first heartbeat is due 3 s after the board. The wait allows 5 s for a slow
    // machine, and the gap check below requires the server's 4 s.
    REQUIRE(stream.wait_for_heartbeats(1, 5s));
    stream.stop();

    const std::vector<Clock::time_point> times = stream.chunk_times();
    double longest_gap_ms = 0;
    for (size_t i = 1; i < times.size(); ++i) {
        longest_gap_ms = std::max(longest_gap_ms, std::chrono::duration<double, std::milli>(times[i] - times[i - 1]).count());
    }
    MESSAGE("longest silence on an idle stream: ", longest_gap_ms, " ms");
    CHECK(longest_gap_ms < 4000);
    CHECK(stream.events().front().name == "board");
    CHECK(stream.text().rfind("retry: 2000\n", 0) == 0);
    CHECK(stream.text().find("\n: keep-alive\n") != std::string::npos);
}

TEST_CASE("unusable Last-Event-ID gets board") {
    ServerProcess server;
    server.start();
    check_in(server, "Siti Aminah", "081234567890");
    const std::int64_t last = board_last_event_id(server);

    // An id from another database (higher than any stored one) and an id that is not a
    // number both start the client again from a snapshot.
    for (const std::string resume_from : {std::to_string(last + 1000), std::string("abc")}) {
        INFO("Last-Event-ID: ", resume_from);
        EventRecorder recorder(server, resume_from);
        REQUIRE(recorder.wait_for_name("board"));
        const std::vector<SseEvent> events = recorder.events();
        CHECK(events.front().name == "board");
        CHECK(events.front().id == std::to_string(last));
    }
}

TEST_CASE("fifty open streams leave requests served") {
    constexpr int kStreams = 50;
    ServerProcess server;
    server.start();

    std::vector<std::unique_ptr<RawEventStream>> streams;
    for (int i = 0; i < kStreams; ++i) streams.push_back(std::make_unique<RawEventStream>(server.port()));
    for (int i = 0; i < kStreams; ++i) {
        INFO("stream ", i);
        CHECK(streams[static_cast<size_t>(i)]->wait_for_events(1, 10s));
    }

    const auto board_started = Clock::now();
    const HttpReply board = RawHttpClient(server.port(), 2s).get("/api/v1/board");
    const double board_ms = std::chrono::duration<double, std::milli>(Clock::now() - board_started).count();
    MESSAGE("GET /api/v1/board with ", kStreams, " open streams took ", board_ms, " ms");
    CHECK(board.status == 200);
    CHECK(board_ms < 1000);

    const auto check_in_started = Clock::now();
    const Json ticket = check_in(server, "Siti Aminah", "081234567890");
    CHECK(std::chrono::duration<double, std::milli>(Clock::now() - check_in_started).count() < 1000);

    // Every stream gets the check-in.
    for (int i = 0; i < kStreams; ++i) {
        INFO("stream ", i);
        CHECK(streams[static_cast<size_t>(i)]->wait_for_events(2, 5s));
    }
    for (auto& stream : streams) stream->stop();
    for (int i = 0; i < kStreams; ++i) {
        INFO("stream ", i);
        const std::vector<SseEvent> events = streams[static_cast<size_t>(i)]->events();
        REQUIRE(events.size() >= 2);
        CHECK(events[1].name == "ticket.updated");
        CHECK(Json::parse(events[1].data)["ticket_id"] == ticket["id"]);
    }
}
