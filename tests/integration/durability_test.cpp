// A check-in that got its 201 survives the server being killed with SIGKILL right after.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "api_test_support.hpp"

using antrean::testing::add_staff;
using antrean::testing::HttpReply;
using antrean::testing::Json;
using antrean::testing::RawHttpClient;
using antrean::testing::ServerProcess;

namespace {

struct IssuedTicket {
    std::int64_t id = 0;
    std::string code;
    std::string status_token;
};

IssuedTicket issued_from(const HttpReply& reply) {
    const Json ticket = reply.json()["ticket"];
    return IssuedTicket{ticket["id"].get<std::int64_t>(), ticket["code"].get<std::string>(),
                        ticket["status_token"].get<std::string>()};
}

// The code of every ticket in GET /api/v1/queue, by id, as the receptionist reads it.
std::map<std::int64_t, std::string> queued_codes(int port) {
    RawHttpClient reception(port);
    reception.set_token(antrean::testing::log_in(port, "resepsionis").token);
    const HttpReply queue = reception.get("/api/v1/queue");
    REQUIRE_MESSAGE(queue.status == 200, queue.body);
    const Json tickets = queue.json()["tickets"];
    std::map<std::int64_t, std::string> codes;
    for (const Json& ticket : tickets) {
        codes[ticket["id"].get<std::int64_t>()] = ticket["code"].get<std::string>();
    }
    return codes;
}

std::string code_number(int number) {
    const std::string digits = std::to_string(number);
    return "A-" + std::string(digits.size() < 3 ? 3 - digits.size() : 0, '0') + digits;
}

}  // namespace

TEST_CASE("acknowledged check-ins survive SIGKILL") {
    constexpr int kTickets = 20;
    ServerProcess server;
    add_staff(server, {{"resepsionis", "receptionist", ""}});
    server.start();

    std::vector<IssuedTicket> acknowledged;
    const RawHttpClient kiosk(server.port());
    for (int i = 0; i < kTickets; ++i) {
        const HttpReply reply =
            kiosk.post("/api/v1/tickets", antrean::testing::walk_in_request("Pengunjung", "0812000" + std::to_string(10000 + i)));
        REQUIRE_MESSAGE(reply.status == 201, reply.body);
        acknowledged.push_back(issued_from(reply));
    }
    // No clean shutdown: the process dies right after the last 201.
    server.kill_hard();

    server.start();
    const std::map<std::int64_t, std::string> codes = queued_codes(server.port());
    CHECK(codes.size() == acknowledged.size());
    for (const IssuedTicket& ticket : acknowledged) {
        INFO("ticket ", ticket.id, " ", ticket.code);
        REQUIRE(codes.count(ticket.id) == 1);
        CHECK(codes.at(ticket.id) == ticket.code);
    }

    // The visitor's status link still works after the restart.
    const IssuedTicket& last = acknowledged.back();
    const HttpReply status = RawHttpClient(server.port())
                                 .get("/api/v1/tickets/" + std::to_string(last.id) + "/status?token=" + last.status_token);
    CHECK(status.status == 200);

    // Numbering goes on from the last acknowledged code.
    const HttpReply next = RawHttpClient(server.port())
                               .post("/api/v1/tickets", antrean::testing::walk_in_request("Pengunjung Baru", "081399990000"));
    REQUIRE(next.status == 201);
    CHECK(issued_from(next).code == code_number(kTickets + 1));
    CHECK(issued_from(next).id > last.id);
}

TEST_CASE("concurrent check-ins survive SIGKILL") {
    constexpr int kThreads = 4;
    constexpr size_t kAcknowledgedBeforeKill = 40;
    ServerProcess server;
    add_staff(server, {{"resepsionis", "receptionist", ""}});
    server.start();

    // Kiosks keep checking visitors in while the server is killed. A request cut off by
    // the kill may or may not have committed; only the 201s are promises.
    std::mutex acknowledged_mutex;
    std::vector<IssuedTicket> acknowledged;
    std::vector<std::thread> kiosks;
    const int port = server.port();
    for (int k = 0; k < kThreads; ++k) {
        kiosks.emplace_back([&, k] {
            const RawHttpClient kiosk(port, std::chrono::seconds(5));
            for (int i = 0; i < 1000; ++i) {
                const std::string phone = "0813" + std::to_string(10000000 + k * 1000 + i);
                const HttpReply reply = kiosk.post("/api/v1/tickets", antrean::testing::walk_in_request("Pengunjung", phone));
                if (reply.status != 201) return;  // the server is gone
                const std::lock_guard lock(acknowledged_mutex);
                acknowledged.push_back(issued_from(reply));
            }
        });
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline) {
        {
            const std::lock_guard lock(acknowledged_mutex);
            if (acknowledged.size() >= kAcknowledgedBeforeKill) break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    server.kill_hard();
    for (std::thread& kiosk : kiosks) kiosk.join();
    REQUIRE(acknowledged.size() >= kAcknowledgedBeforeKill);

    server.start();
    const std::map<std::int64_t, std::string> codes = queued_codes(server.port());
    MESSAGE(acknowledged.size(), " check-ins acknowledged before SIGKILL, ", codes.size(), " stored after restart");
    CHECK(codes.size() >= acknowledged.size());
    for (const IssuedTicket& ticket : acknowledged) {
        INFO("ticket ", ticket.id, " ", ticket.code);
        REQUIRE(codes.count(ticket.id) == 1);
        CHECK(codes.at(ticket.id) == ticket.code);
    }

    // Stored codes are A-001 up to the number of stored tickets, with no gap and no repeat,
    // and the next check-in takes the following number.
    std::set<std::string> stored_codes;
    for (const auto& [id, code] : codes) stored_codes.insert(code);
    CHECK(stored_codes.size() == codes.size());
    std::set<std::string> expected_codes;
    for (int number = 1; number <= static_cast<int>(codes.size()); ++number) expected_codes.insert(code_number(number));
    CHECK(stored_codes == expected_codes);

    const HttpReply next = RawHttpClient(server.port())
                               .post("/api/v1/tickets", antrean::testing::walk_in_request("Pengunjung Baru", "081399990000"));
    REQUIRE(next.status == 201);
    CHECK(issued_from(next).code == code_number(static_cast<int>(codes.size()) + 1));
}

TEST_CASE("earlier simulated restart keeps time forward") {
    ServerProcess server;
    server.start(0, {"--clock-start", "2026-12-07T11:10:00+07:00", "--clock-rate", "1"});
    const RawHttpClient kiosk(server.port());
    const HttpReply first = kiosk.post("/api/v1/tickets", antrean::testing::walk_in_request("Pengunjung", "081200010000"));
    REQUIRE(first.status == 201);
    server.kill_hard();

    // A replay that restarts at an earlier time must not store a check-in before the first.
    server.start(0, {"--clock-start", "2026-12-07T10:00:00+07:00", "--clock-rate", "1"});
    CHECK(server.log_text().find("is earlier than the newest stored event") != std::string::npos);
    const HttpReply second = RawHttpClient(server.port())
                                 .post("/api/v1/tickets", antrean::testing::walk_in_request("Pengunjung", "081200020000"));
    REQUIRE(second.status == 201);
    const std::string first_time = first.json()["ticket"]["created_at"].get<std::string>();
    const std::string second_time = second.json()["ticket"]["created_at"].get<std::string>();
    CHECK(first_time.substr(0, 16) == "2026-12-07T11:10");
    // Both times are in the same zone and format, so the text order is the time order.
    CHECK(second_time >= first_time);
}
