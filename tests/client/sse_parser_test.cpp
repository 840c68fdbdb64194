#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <limits>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "client/event_stream.hpp"

using namespace std::chrono_literals;
using namespace std::string_view_literals;
using antrean::SseEvent;
using antrean::SseParser;

namespace {

struct ParserCase {
    const char* rule;
    std::string_view stream;
    std::vector<SseEvent> expected;
};

// Formats events one per line, so that a failed comparison shows both sides in full.
std::string describe(const std::vector<SseEvent>& events) {
    std::string text;
    for (const SseEvent& event : events) {
        text +=
            "{id=\"" + event.id + "\" name=\"" + event.name + "\" data=\"" + event.data + "\"}\n";
    }
    return text;
}

std::vector<SseEvent> parse_in_chunks(const std::vector<std::string_view>& chunks) {
    SseParser parser;
    std::vector<SseEvent> events;
    for (std::string_view chunk : chunks) {
        for (SseEvent& event : parser.feed(chunk)) {
            events.push_back(std::move(event));
        }
    }
    return events;
}

std::vector<SseEvent> parse_whole(std::string_view stream) {
    return parse_in_chunks({stream});
}

// A loopback port that nothing listens on: the kernel picks a free one and the socket is
// closed again before the test connects.
int unused_loopback_port() {
    const int socket_fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(socket_fd >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    REQUIRE(::bind(socket_fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0);
    socklen_t length = sizeof(address);
    REQUIRE(::getsockname(socket_fd, reinterpret_cast<sockaddr*>(&address), &length) == 0);
    ::close(socket_fd);
    return ntohs(address.sin_port);
}

antrean::ServerAddress unused_server_address() {
    return antrean::ServerAddress{"http", "127.0.0.1", unused_loopback_port()};
}

// Collects the status callbacks of a subscriber so the test thread can wait for them.
class StatusRecorder {
public:
    void record(const antrean::ConnectionStatus& status) {
        {
            const std::lock_guard lock(mutex_);
            statuses_.push_back(status);
        }
        changed_.notify_all();
    }

    // Waits until `count` statuses arrived or `timeout` passed, then returns those so far.
    std::vector<antrean::ConnectionStatus> wait_for(size_t count,
                                                    std::chrono::milliseconds timeout) {
        std::unique_lock lock(mutex_);
        changed_.wait_for(lock, timeout, [&] { return statuses_.size() >= count; });
        return statuses_;
    }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<antrean::ConnectionStatus> statuses_;
};

// A stream that uses every rule at once: a byte order mark, the three line endings, comments,
// ids, event names, several data lines, an id-only block and an unknown field.
constexpr std::string_view kSampleStream =
    "\xEF\xBB\xBF"
    ": connected\n"
    "id: 1\n"
    "event: board\n"
    "data: {\"calls\":[]}\n"
    "\n"
    "id: 2\r\n"
    "event: ticket.called\r\n"
    "data: {\"ticket_code\":\"A-001\",\r\n"
    "data: \"desk\":{\"id\":\"1\",\"name\":\"Meja 1\"}}\r\n"
    "\r\n"
    ":\r"
    "id: 3\r"
    "data:no space\r"
    "retry: 3000\r"
    "\r"
    "id: 4\n"
    "\n"
    "colour: blue\n"
    "data\n"
    "\n"
    "event: ticket.updated\r\n"
    "data: last\r\n"
    "\r\n"
    "data: unfinished\n";

const std::vector<SseEvent> kSampleEvents{
    {"1", "board", "{\"calls\":[]}"},
    {"2", "ticket.called",
     "{\"ticket_code\":\"A-001\",\n\"desk\":{\"id\":\"1\",\"name\":\"Meja 1\"}}"},
    {"3", "message", "no space"},
    {"4", "message", ""},
    {"4", "ticket.updated", "last"},
};

}  // namespace

TEST_CASE("parser applies field rules") {
    const std::vector<ParserCase> cases{
        {"a blank line dispatches the event", "data: hello\n\n", {{"", "message", "hello"}}},
        {"an event without event: is named message", "data: a\n\n", {{"", "message", "a"}}},
        {"event: sets the name",
         "event: ticket.called\ndata: {}\n\n",
         {{"", "ticket.called", "{}"}}},
        {"id: sets the id", "id: 7\ndata: a\n\n", {{"7", "message", "a"}}},
        {"data lines are joined with LF",
         "data: a\ndata: b\ndata: c\n\n",
         {{"", "message", "a\nb\nc"}}},
        {"one space after the colon is stripped",
         "data:  two spaces\n\n",
         {{"", "message", " two spaces"}}},
        {"a value without a space is kept whole", "data:tight\n\n", {{"", "message", "tight"}}},
        {"colons inside the value are kept", "data: a:b: c\n\n", {{"", "message", "a:b: c"}}},
        {"a comment line is ignored",
         ": heartbeat\ndata: a\n: another\ndata: b\n\n",
         {{"", "message", "a\nb"}}},
        {"CRLF ends lines", "event: board\r\ndata: a\r\n\r\n", {{"", "board", "a"}}},
        {"CR ends lines", "event: board\rdata: a\r\r", {{"", "board", "a"}}},
        {"mixed line endings", "data: a\r\ndata: b\rdata: c\n\r\n", {{"", "message", "a\nb\nc"}}},
        {"an event without data is not dispatched", "event: board\nid: 3\n\n", {}},
        {"a data line without a colon adds an empty line", "data\n\n", {{"", "message", ""}}},
        {"an empty data value dispatches empty data", "data:\n\n", {{"", "message", ""}}},
        {"two empty data lines give one LF", "data\ndata\n\n", {{"", "message", "\n"}}},
        {"an id containing NUL is ignored",
         "id: 1\ndata: a\n\nid: 2\0x\ndata: b\n\n"sv,
         {{"1", "message", "a"}, {"1", "message", "b"}}},
        {"the id carries over to later events",
         "id: 5\ndata: a\n\ndata: b\n\n",
         {{"5", "message", "a"}, {"5", "message", "b"}}},
        {"an empty id clears the id",
         "id: 5\ndata: a\n\nid\ndata: b\n\n",
         {{"5", "message", "a"}, {"", "message", "b"}}},
        {"an id-only block sets the id of later events",
         "id: 9\n\ndata: a\n\n",
         {{"9", "message", "a"}}},
        {"the event name resets after dispatch",
         "event: board\ndata: a\n\ndata: b\n\n",
         {{"", "board", "a"}, {"", "message", "b"}}},
        {"the event name resets after an empty block",
         "event: board\n\ndata: b\n\n",
         {{"", "message", "b"}}},
        {"unknown fields are ignored",
         "colour: blue\nDATA: shout\ndata: a\n\n",
         {{"", "message", "a"}}},
        {"an unfinished event is not dispatched", "data: a\n\ndata: b\n", {{"", "message", "a"}}},
        {"a leading byte order mark is skipped",
         "\xEF\xBB\xBF"
         "data: a\n\n",
         {{"", "message", "a"}}},
        {"a byte order mark after the start is text",
         "data: a\n\n\xEF\xBB\xBF"
         "data: b\n\n",
         {{"", "message", "a"}}},
        {"a partial byte order mark is text",
         "\xEF\xBB"
         "data: b\n\ndata: c\n\n",
         {{"", "message", "c"}}},
        {"consecutive blank lines dispatch once", "data: a\n\n\n\n", {{"", "message", "a"}}},
        {"UTF-8 text passes through",
         "data: Koneksi terputus, menyambung kembali\xE2\x80\xA6\n\n",
         {{"", "message", "Koneksi terputus, menyambung kembali\xE2\x80\xA6"}}},
    };

    for (const ParserCase& parser_case : cases) {
        INFO("rule: ", parser_case.rule);
        CHECK(describe(parse_whole(parser_case.stream)) == describe(parser_case.expected));
    }
}

TEST_CASE("parser counts comments as heartbeats") {
    SseParser parser;
    const std::vector<SseEvent> events = parser.feed(": ping\n:\r\n: with data: inside\rdata: a\n");

    CHECK(events.empty());
    CHECK(parser.heartbeat_count() == 3);
}

TEST_CASE("parser reads retry field") {
    SseParser parser;
    CHECK_FALSE(parser.retry_delay().has_value());

    parser.feed("retry: 1500\n");
    CHECK(parser.retry_delay() == 1500ms);

    parser.feed("retry: 15s\nretry:\nretry: -2\n");
    CHECK(parser.retry_delay() == 1500ms);
}

TEST_CASE("parser tracks last event id") {
    SseParser parser;
    CHECK(parser.last_event_id().empty());

    parser.feed("id: 41\n\n");
    CHECK(parser.last_event_id() == "41");

    parser.feed("id: 42\ndata: a\n");
    CHECK(parser.last_event_id() == "42");
}

TEST_CASE("parser handles split at every byte") {
    REQUIRE(describe(parse_whole(kSampleStream)) == describe(kSampleEvents));

    for (size_t split = 0; split <= kSampleStream.size(); ++split) {
        INFO("split before byte ", split);
        const std::vector<SseEvent> events =
            parse_in_chunks({kSampleStream.substr(0, split), kSampleStream.substr(split)});
        CHECK(describe(events) == describe(kSampleEvents));
    }
}

TEST_CASE("parser handles two splits anywhere") {
    for (size_t first = 0; first <= kSampleStream.size(); ++first) {
        for (size_t second = first; second <= kSampleStream.size(); ++second) {
            INFO("splits before bytes ", first, " and ", second);
            const std::vector<SseEvent> events = parse_in_chunks(
                {kSampleStream.substr(0, first), kSampleStream.substr(first, second - first),
                 kSampleStream.substr(second)});
            CHECK(describe(events) == describe(kSampleEvents));
        }
    }
}

TEST_CASE("parser handles one byte per chunk") {
    std::vector<std::string_view> chunks;
    for (size_t i = 0; i < kSampleStream.size(); ++i) {
        chunks.push_back(kSampleStream.substr(i, 1));
    }

    CHECK(describe(parse_in_chunks(chunks)) == describe(kSampleEvents));
}

TEST_CASE("parser joins CR and LF across chunks") {
    SseParser parser;
    CHECK(parser.feed("data: a\r").empty());
    CHECK(parser.feed("\n").empty());
    CHECK(parser.feed("").empty());

    const std::vector<SseEvent> events = parser.feed("\r\n");
    CHECK(describe(events) == describe({{"", "message", "a"}}));
}

TEST_CASE("backoff delay doubles up to the cap") {
    struct DelayCase {
        int failed_attempts;
        std::chrono::milliseconds expected;
    };
    const std::vector<DelayCase> cases{
        {-1, 0ms},
        {0, 0ms},
        {1, 250ms},
        {2, 500ms},
        {3, 1000ms},
        {4, 2000ms},
        {5, 4000ms},
        {6, 5000ms},
        {7, 5000ms},
        {1000, 5000ms},
        {std::numeric_limits<int>::max(), 5000ms},
    };

    for (const DelayCase& delay_case : cases) {
        INFO("failed attempts: ", delay_case.failed_attempts);
        CHECK(antrean::backoff_delay(delay_case.failed_attempts, {}) == delay_case.expected);
    }
}

TEST_CASE("backoff delay follows a custom policy") {
    const antrean::BackoffPolicy policy{100ms, 1000ms};

    CHECK(antrean::backoff_delay(1, policy) == 100ms);
    CHECK(antrean::backoff_delay(4, policy) == 800ms);
    CHECK(antrean::backoff_delay(5, policy) == 1000ms);
}

TEST_CASE("backoff delay caps large initial delay") {
    const antrean::BackoffPolicy policy{10s, 5s};

    CHECK(antrean::backoff_delay(1, policy) == 5s);
}

TEST_CASE("reconnect backoff restarts after reset") {
    antrean::ReconnectBackoff backoff;
    CHECK(backoff.record_failure() == 250ms);
    CHECK(backoff.record_failure() == 500ms);
    CHECK(backoff.record_failure() == 1000ms);
    CHECK(backoff.failed_attempts() == 3);

    backoff.reset();
    CHECK(backoff.failed_attempts() == 0);
    CHECK(backoff.record_failure() == 250ms);
}

TEST_CASE("subscriber reports a refused connection") {
    StatusRecorder recorder;
    antrean::EventSubscriberOptions options;
    options.backoff = {50ms, 100ms};
    antrean::EventSubscriber subscriber(
        unused_server_address(), [](const SseEvent&) {},
        [&](const antrean::ConnectionStatus& status) { recorder.record(status); }, options);

    subscriber.start();
    const std::vector<antrean::ConnectionStatus> statuses = recorder.wait_for(3, 5s);
    subscriber.stop();

    REQUIRE(statuses.size() >= 3);
    CHECK(statuses[0].state == antrean::ConnectionState::Disconnected);
    CHECK(statuses[0].reason == antrean::DisconnectReason::ConnectFailed);
    CHECK_FALSE(statuses[0].detail.empty());
    CHECK(statuses[0].failed_attempts == 1);
    CHECK(statuses[0].retry_in == 50ms);
    CHECK(statuses[1].failed_attempts == 2);
    CHECK(statuses[1].retry_in == 100ms);
    CHECK(statuses[2].retry_in == 100ms);
    CHECK_FALSE(subscriber.is_connected());
}

TEST_CASE("subscriber stop ends the backoff wait") {
    StatusRecorder recorder;
    antrean::EventSubscriberOptions options;
    options.backoff = {30s, 30s};
    antrean::EventSubscriber subscriber(
        unused_server_address(), [](const SseEvent&) {},
        [&](const antrean::ConnectionStatus& status) { recorder.record(status); }, options);

    subscriber.start();
    REQUIRE(recorder.wait_for(1, 5s).size() == 1);

    const auto stop_began = std::chrono::steady_clock::now();
    subscriber.stop();
    const auto stop_took = std::chrono::steady_clock::now() - stop_began;

    CHECK(stop_took < 1s);
}

TEST_CASE("subscriber keeps configured last event id") {
    antrean::EventSubscriberOptions options;
    options.last_event_id = "17";
    const antrean::EventSubscriber subscriber(unused_server_address(), {}, {}, options);

    CHECK(subscriber.last_event_id() == "17");
}

TEST_CASE("subscriber can restart after stop") {
    StatusRecorder recorder;
    antrean::EventSubscriberOptions options;
    options.backoff = {30s, 30s};
    antrean::EventSubscriber subscriber(
        unused_server_address(), {},
        [&](const antrean::ConnectionStatus& status) { recorder.record(status); }, options);

    subscriber.start();
    REQUIRE(recorder.wait_for(1, 5s).size() == 1);
    subscriber.stop();

    subscriber.start();
    CHECK(recorder.wait_for(2, 5s).size() == 2);
}
