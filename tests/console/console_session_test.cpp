// The consoles' state against a real antrean-server on loopback, without a display: what
// a 409 does on the officer's desk, how a session ends on a 401, and how the live queue
// follows the event stream.

#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "console/console_test_support.hpp"
#include "integration/server_process.hpp"
#include "officer/officer_console.hpp"
#include "reception/reception_console.hpp"

using namespace antrean;
using namespace antrean::testing;

namespace {

constexpr const char* kPassword = "console-test-password-1";

using Clock = std::chrono::steady_clock;

console::MonotonicMs monotonic_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now().time_since_epoch()).count();
}

// Runs the console's update loop until `done` returns true or 10 s pass.
template <typename Predicate>
bool pump_until(console::Console& console, Predicate done) {
    const auto deadline = Clock::now() + std::chrono::seconds(10);
    while (Clock::now() < deadline) {
        console.update(monotonic_ms());
        if (done()) {
            return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
}

TicketId check_in(ApiClient& client, const std::string& name) {
    const auto reply = client.post("/api/v1/tickets", {{"visitor", {{"name", name}, {"phone", "081234567890"}}},
                                                       {"area", "pbk"},
                                                       {"purpose", "complaint"},
                                                       {"consent", true}});
    REQUIRE_MESSAGE(reply.has_value(), describe_untranslated(reply.error()));
    return reply->body["ticket"]["id"].get<TicketId>();
}

struct OfficerRig {
    kiosk::Wakeup wakeup;
    std::unique_ptr<console::StaffApi> api;
    std::unique_ptr<console::EventFeed> feed;
    std::unique_ptr<officer::OfficerConsole> console;

    OfficerRig(const ServerProcess& server, bool with_feed) {
        const ServerAddress address = *parse_server_address(server.base_url());
        api = std::make_unique<console::StaffApi>(address, wakeup);
        if (with_feed) {
            feed = std::make_unique<console::EventFeed>(address, wakeup);
        }
        console = std::make_unique<officer::OfficerConsole>(real_catalog(), api.get(), feed.get(), DeskId("1"));
    }
    ~OfficerRig() {
        if (feed) {
            feed->stop();
        }
    }

    void log_in() {
        REQUIRE(pump_until(*console, [&] { return console->session().config().has_value(); }));
        console->session().login("budi", kPassword, DeskId("1"));
        REQUIRE(pump_until(*console, [&] {
            return console->session().phase() == console::SessionPhase::LoggedIn && console->session().queue().loaded();
        }));
    }

    const console::StaffTicket* current() {
        return officer::OfficerDesk::current(console->session().queue(), console->session().me()->id);
    }
    bool idle() { return !console->desk().in_flight().has_value() && !console->session().busy(); }
};

}  // namespace

TEST_CASE("officer console shows a 409 and refreshes") {
    ServerProcess server;
    server.add_user("budi", "officer", "pbk,srg", kPassword, "Budi Santoso");
    server.add_user("rina", "receptionist", "", kPassword, "Rina Wulandari");
    server.start();
    ApiClient reception(server.base_url());
    REQUIRE(reception.login("rina", kPassword).has_value());
    const TicketId ticket = check_in(reception, "Siti Aminah");

    // No event stream here, so the console learns of reception's cancel only from the 409.
    OfficerRig rig(server, false);
    rig.log_in();
    rig.console->start_action(officer::OfficerAction::CallNext);
    REQUIRE(pump_until(*rig.console, [&] { return rig.idle() && rig.current() != nullptr; }));
    CHECK(rig.current()->id == ticket);
    CHECK(rig.current()->visitor.name == "Siti Aminah");
    REQUIRE(rig.console->notice().has_value());
    CHECK(rig.console->notice()->kind == console::NoticeKind::Success);

    REQUIRE(reception.ticket_action(ticket, "cancel", {{"reason", "pulang"}}).has_value());
    rig.console->start_action(officer::OfficerAction::Start);
    REQUIRE(pump_until(*rig.console, [&] { return rig.idle() && rig.current() == nullptr; }));

    // The server's words, in plain language, and the view shows the cancelled ticket.
    REQUIRE(rig.console->notice().has_value());
    CHECK(rig.console->notice()->kind == console::NoticeKind::Warning);
    CHECK(rig.console->notice()->text.find("Tindakan tidak dijalankan") == 0);
    CHECK(rig.console->notice()->text.find("Tampilan sudah diperbarui") != std::string::npos);
    CHECK(rig.console->session().queue().find(ticket)->state == TicketState::Cancelled);
    CHECK(officer::availability(officer::OfficerAction::CallNext,
                                rig.console->desk().snapshot(rig.console->session().queue(),
                                                             *rig.console->session().me()))
              .enabled);
}

TEST_CASE("officer console reports an empty queue") {
    ServerProcess server;
    server.add_user("budi", "officer", "pbk", kPassword, "Budi Santoso");
    server.start();
    OfficerRig rig(server, false);
    rig.log_in();
    rig.console->start_action(officer::OfficerAction::CallNext);
    REQUIRE(pump_until(*rig.console, [&] { return rig.idle() && rig.console->notice().has_value(); }));
    CHECK(rig.console->notice()->kind == console::NoticeKind::Info);
    CHECK(rig.console->notice()->text ==
          real_catalog().translate(Language::Indonesian, "console.officer.notice.nobody"));
    CHECK(rig.current() == nullptr);
}

TEST_CASE("console session ends on 401 with a message") {
    ServerProcess first;
    first.add_user("budi", "officer", "pbk", kPassword, "Budi Santoso");
    first.start();
    const int port = first.port();
    OfficerRig rig(first, false);
    rig.log_in();

    // Another server on the same address accepts no token of the first one, as after the
    // token expired.
    first.stop();
    ServerProcess second;
    second.add_user("budi", "officer", "pbk", kPassword, "Budi Santoso");
    second.start(port);
    rig.console->session().reload_queue();
    REQUIRE(pump_until(*rig.console,
                       [&] { return rig.console->session().phase() == console::SessionPhase::LoggedOut; }));
    REQUIRE(rig.console->session().login_notice().has_value());
    CHECK(rig.console->session().login_notice()->text ==
          real_catalog().translate(Language::Indonesian, "console.login.expired"));
    CHECK(rig.console->session().me() == nullptr);
    CHECK(rig.console->session().queue().tickets().empty());
}

TEST_CASE("console login rejects the wrong role and wrong password") {
    ServerProcess server;
    server.add_user("rina", "receptionist", "", kPassword, "Rina Wulandari");
    server.start();
    OfficerRig rig(server, false);
    REQUIRE(pump_until(*rig.console, [&] { return rig.console->session().config().has_value(); }));

    rig.console->session().login("rina", "not the password", DeskId("1"));
    REQUIRE(pump_until(*rig.console, [&] { return rig.console->session().login_notice().has_value(); }));
    CHECK(rig.console->session().phase() == console::SessionPhase::LoggedOut);
    CHECK(rig.console->session().login_notice()->kind == console::NoticeKind::Error);

    rig.console->session().login("rina", kPassword, DeskId("1"));
    REQUIRE(pump_until(*rig.console, [&] {
        return rig.console->session().login_notice().has_value() &&
               rig.console->session().phase() == console::SessionPhase::LoggedOut;
    }));
    CHECK(rig.console->session().login_notice()->text ==
          real_catalog().translate(Language::Indonesian, "console.login.officers_only"));
}

TEST_CASE("live queue follows the event stream") {
    ServerProcess server;
    server.add_user("budi", "officer", "pbk", kPassword, "Budi Santoso");
    server.add_user("dewi", "officer", "pbk", kPassword, "Dewi Lestari");
    server.start();
    OfficerRig rig(server, true);
    rig.log_in();
    REQUIRE(pump_until(*rig.console, [&] { return rig.console->session().connected(); }));

    // A check-in elsewhere appears with its identity after the reload the event starts.
    ApiClient kiosk(server.base_url());
    const TicketId ticket = check_in(kiosk, "Andi Saputra");
    REQUIRE(pump_until(*rig.console, [&] {
        const console::StaffTicket* seen = rig.console->session().queue().find(ticket);
        return seen != nullptr && seen->visitor.name == "Andi Saputra";
    }));

    // Another officer calls it: the state changes here without any request of this console.
    ApiClient dewi(server.base_url());
    REQUIRE(dewi.login("dewi", kPassword, DeskId("2")).has_value());
    REQUIRE(dewi.call_next("2").has_value());
    REQUIRE(pump_until(*rig.console, [&] {
        const console::StaffTicket* seen = rig.console->session().queue().find(ticket);
        return seen != nullptr && seen->state == TicketState::Called && seen->desk_name == "Meja 2";
    }));
    CHECK(rig.current() == nullptr);
    // And the staff list shows Dewi logged in.
    REQUIRE(pump_until(*rig.console, [&] {
        for (const console::StaffAccount& account : rig.console->session().staff()) {
            if (account.username == "dewi") {
                return account.status == OfficerStatus::Available;
            }
        }
        return false;
    }));
}

TEST_CASE("reception summary follows the survey") {
    ServerProcess server;
    server.add_user("budi", "officer", "pbk", kPassword, "Budi Santoso");
    server.add_user("rina", "receptionist", "", kPassword, "Rina Wulandari");
    server.start();
    const ServerAddress address = *parse_server_address(server.base_url());
    kiosk::Wakeup wakeup;
    console::StaffApi api(address, wakeup);
    console::EventFeed feed(address, wakeup);
    reception::ReceptionConsole console(real_catalog(), &api, &feed, std::nullopt);
    REQUIRE(pump_until(console, [&] { return console.session().config().has_value(); }));
    console.session().login("rina", kPassword, std::nullopt);
    REQUIRE(pump_until(console, [&] {
        return console.session().connected() && console.reports().ikm_month_by_area.count("srg") == 1;
    }));
    CHECK_FALSE(console.reports().ikm_month_by_area.at("pbk").index.has_value());

    // A visit is served, and its visitor gives every element the best score.
    ApiClient kiosk(server.base_url());
    const auto issued = kiosk.post("/api/v1/tickets", {{"visitor", {{"name", "Siti Aminah"}, {"phone", "081234567890"}}},
                                                       {"area", "pbk"},
                                                       {"purpose", "complaint"},
                                                       {"consent", true}});
    REQUIRE(issued.has_value());
    const TicketId ticket = issued->body["ticket"]["id"].get<TicketId>();
    const std::string token = issued->body["ticket"]["status_token"].get<std::string>();
    ApiClient budi(server.base_url());
    REQUIRE(budi.login("budi", kPassword, DeskId("1")).has_value());
    REQUIRE(budi.call_next("1").has_value());
    REQUIRE(budi.ticket_action(ticket, "start", nlohmann::json::object()).has_value());
    REQUIRE(budi.ticket_action(ticket, "complete", {{"outcome", "answered"}}).has_value());
    const std::string survey_path = "/api/v1/tickets/" + std::to_string(ticket) + "/survey?token=" + token;
    const auto survey = kiosk.get(survey_path);
    REQUIRE(survey.has_value());
    const std::vector<int> scores(survey->body["elements"].size(), 4);
    REQUIRE_FALSE(scores.empty());
    const auto answered = kiosk.post(survey_path, {{"scores", scores}});
    REQUIRE(answered.has_value());
    REQUIRE(answered->status == 201);
    // Wait until the survey's own event has reloaded the figures.
    REQUIRE(pump_until(console, [&] {
        const auto& by_area = console.reports().ikm_month_by_area;
        return by_area.count("pbk") == 1 && by_area.at("pbk").index.has_value();
    }));
    const console::IkmSummary& pbk = console.reports().ikm_month_by_area.at("pbk");
    CHECK(*pbk.index == doctest::Approx(100.0));
    CHECK(pbk.responses == 1);
    CHECK(pbk.category_letter == "A");
    CHECK_FALSE(console.reports().ikm_month_by_area.at("srg").index.has_value());
    REQUIRE(console.reports().ikm_month.has_value());
    CHECK(console.reports().ikm_month->responses == 1);
    feed.stop();
}
