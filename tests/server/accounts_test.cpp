#include <doctest/doctest.h>

#include "engine_fixture.hpp"

using namespace antrean;
using namespace antrean::server;
using namespace antrean::server::test_support;

namespace {

constexpr const char* kAddress = "127.0.0.1";
constexpr const char* kOtherAddress = "127.0.0.2";

// Keeps throttling tests short: each failed login costs one Argon2id verification.
void allow_three_failures(ServerConfig& config) {
    config.security.login_failures_before_delay = 3;
    config.security.login_failure_window_minutes = 15;
}

}  // namespace

TEST_CASE("login with right password opens a session") {
    EngineFixture fixture;
    const OfficerId id = fixture.create_staff("dewi", Role::Officer, {"pbk", "srg"});

    const LoginResult login = require_value(fixture.accounts().login("dewi", kPassword, "2", kAddress));

    CHECK(login.token.size() == 64);
    CHECK(login.officer.id == id);
    CHECK(login.officer.status == OfficerStatus::Available);
    CHECK(login.officer.desk_id == std::optional<DeskId>("2"));
    CHECK(login.expires_at == fixture.clock.now() + fixture.config.security.token_ttl_minutes * kMinuteMs);
    const Actor actor = require_value(fixture.accounts().authenticate(login.token));
    CHECK(actor.officer_id == id);
    CHECK(actor.role == Role::Officer);
    CHECK(actor.desk_id == std::optional<DeskId>("2"));
}

TEST_CASE("login failures share one error") {
    EngineFixture fixture;
    fixture.create_staff("dewi", Role::Officer);

    const auto wrong_password = fixture.accounts().login("dewi", "salah-sandi-123", "1", kAddress);
    const auto unknown_user = fixture.accounts().login("tidak-ada", kPassword, "1", kAddress);

    // Both fail with the same code and message key, so a caller cannot tell which user names exist.
    CHECK(error_of(wrong_password) == ErrorCode::Unauthorized);
    CHECK(error_of(unknown_user) == ErrorCode::Unauthorized);
    CHECK(message_key_of(wrong_password) == "error.login_failed");
    CHECK(message_key_of(unknown_user) == message_key_of(wrong_password));
    CHECK(wrong_password.error().field == unknown_user.error().field);
    CHECK(wrong_password.error().params == unknown_user.error().params);
}

TEST_CASE("authenticate rejects unknown tokens") {
    EngineFixture fixture;

    const auto empty = fixture.accounts().authenticate("");
    const auto unknown = fixture.accounts().authenticate(std::string(64, 'a'));

    CHECK(error_of(empty) == ErrorCode::Unauthorized);
    CHECK(message_key_of(empty) == "error.token_missing");
    CHECK(error_of(unknown) == ErrorCode::Unauthorized);
    CHECK(message_key_of(unknown) == "error.session_expired");
}

TEST_CASE("throttle limits failures per user") {
    EngineFixture fixture(allow_three_failures);
    fixture.create_staff("dewi", Role::Officer);
    // Each failure comes from another address, so only the per-user count can trip.
    const char* addresses[] = {"127.0.0.11", "127.0.0.12", "127.0.0.13"};
    for (const char* address : addresses) {
        CAPTURE(address);
        CHECK(error_of(fixture.accounts().login("dewi", "salah-sandi-123", "1", address)) ==
              ErrorCode::Unauthorized);
    }

    // Even the right password is turned away until the window has passed.
    const auto limited = fixture.accounts().login("dewi", kPassword, "1", kOtherAddress);
    CHECK(error_of(limited) == ErrorCode::RateLimited);
    CHECK(message_key_of(limited) == "error.login_rate_limited");
    CHECK(limited.error().params.at("seconds") == "900");

    fixture.advance_minutes(15);
    CHECK(fixture.accounts().login("dewi", kPassword, "1", kOtherAddress).has_value());
}

TEST_CASE("throttle limits failures per address") {
    EngineFixture fixture(allow_three_failures);
    fixture.create_staff("dewi", Role::Officer);
    for (const char* username : {"andi", "budi", "citra"}) {
        CAPTURE(username);
        CHECK(error_of(fixture.accounts().login(username, kPassword, std::nullopt, kAddress)) ==
              ErrorCode::Unauthorized);
    }

    const auto same_address = fixture.accounts().login("dewi", kPassword, "1", kAddress);
    const auto other_address = fixture.accounts().login("dewi", kPassword, "1", kOtherAddress);

    CHECK(error_of(same_address) == ErrorCode::RateLimited);
    CHECK(other_address.has_value());
}

TEST_CASE("throttle forgets failures outside window") {
    EngineFixture fixture(allow_three_failures);
    fixture.create_staff("dewi", Role::Officer);
    // Two failures, then two more after the first two have left the 15-minute window, so
    // no window ever contains three.
    for (int round = 0; round < 2; ++round) {
        for (int attempt = 0; attempt < 2; ++attempt) {
            CHECK(error_of(fixture.accounts().login("dewi", "salah-sandi-123", "1", kAddress)) ==
                  ErrorCode::Unauthorized);
        }
        fixture.advance_minutes(15);
    }

    CHECK(fixture.accounts().login("dewi", kPassword, "1", kAddress).has_value());
}

TEST_CASE("session expires after token lifetime") {
    EngineFixture fixture;
    const int ttl = fixture.config.security.token_ttl_minutes;
    REQUIRE(ttl == 720);
    const LoggedIn officer = fixture.officer_at_desk("dewi", "1");

    fixture.advance_minutes(ttl - 1);
    CHECK(fixture.accounts().authenticate(officer.token).has_value());

    fixture.advance_minutes(1);
    const auto expired = fixture.accounts().authenticate(officer.token);
    CHECK(error_of(expired) == ErrorCode::Unauthorized);
    CHECK(message_key_of(expired) == "error.session_expired");
    // Without a live session the officer counts as gone and the desk is free.
    CHECK(require_value(fixture.accounts().find(officer.id)).status == OfficerStatus::Offline);
    CHECK_FALSE(require_value(fixture.accounts().find(officer.id)).desk_id.has_value());
}

TEST_CASE("logout ends the session") {
    EngineFixture fixture;
    const LoggedIn officer = fixture.officer_at_desk("dewi", "1");

    require_ok(fixture.accounts().logout(officer.token, officer.actor));

    CHECK(error_of(fixture.accounts().authenticate(officer.token)) == ErrorCode::Unauthorized);
    const Officer stored = require_value(fixture.accounts().find(officer.id));
    CHECK(stored.status == OfficerStatus::Offline);
    CHECK_FALSE(stored.desk_id.has_value());
}

TEST_CASE("desk in use by another officer") {
    EngineFixture fixture;
    const LoggedIn dewi = fixture.officer_at_desk("dewi", "1");
    fixture.create_staff("agus", Role::Officer);

    const auto desk_taken = fixture.accounts().login("agus", kPassword, "1", kAddress);

    CHECK(error_of(desk_taken) == ErrorCode::Conflict);
    CHECK(message_key_of(desk_taken) == "error.desk_in_use");
    CHECK(desk_taken.error().field == "desk");
    CHECK(desk_taken.error().params.at("officer") == "dewi");
    CHECK(desk_taken.error().params.at("desk") == "Meja 1");

    // The officer at the desk may log in there again, from a second device.
    const auto same_officer = fixture.accounts().login("dewi", kPassword, "1", kAddress);
    CHECK(same_officer.has_value());
    CHECK(require_value(fixture.accounts().find(dewi.id)).desk_id == std::optional<DeskId>("1"));
}

TEST_CASE("desk frees up when officer moves") {
    EngineFixture fixture;
    const LoggedIn dewi = fixture.officer_at_desk("dewi", "1");
    fixture.create_staff("agus", Role::Officer);
    fixture.advance_minutes(30);
    // Dewi moves to desk 3 without logging out at desk 1.
    require_value(fixture.accounts().login("dewi", kPassword, "3", kAddress));

    const auto at_old_desk = fixture.accounts().login("agus", kPassword, "1", kAddress);

    CHECK(require_value(fixture.accounts().find(dewi.id)).desk_id == std::optional<DeskId>("3"));
    REQUIRE(at_old_desk.has_value());
    CHECK(at_old_desk->officer.desk_id == std::optional<DeskId>("1"));
}

TEST_CASE("desk frees up after logout") {
    EngineFixture fixture;
    const LoggedIn dewi = fixture.officer_at_desk("dewi", "1");
    fixture.create_staff("agus", Role::Officer);

    require_ok(fixture.accounts().logout(dewi.token, dewi.actor));
    const auto after_logout = fixture.accounts().login("agus", kPassword, "1", kAddress);

    REQUIRE(after_logout.has_value());
    CHECK(after_logout->officer.desk_id == std::optional<DeskId>("1"));
}

TEST_CASE("login rejects unknown desk") {
    EngineFixture fixture;

    const auto result = fixture.accounts().login("dewi", kPassword, "99", kAddress);

    CHECK(error_of(result) == ErrorCode::InvalidInput);
    CHECK(message_key_of(result) == "error.desk_not_found");
}

TEST_CASE("password shorter than 10 is rejected") {
    EngineFixture fixture;
    officer_records::NewOfficer officer;
    officer.username = "dewi";
    officer.role = Role::Officer;
    officer.areas = {"pbk"};

    const auto nine = fixture.accounts().create(officer, "123456789");
    const auto ten = fixture.accounts().create(officer, "1234567890");

    CHECK(error_of(nine) == ErrorCode::InvalidInput);
    CHECK(message_key_of(nine) == "error.password_too_short");
    CHECK(nine.error().field == "password");
    CHECK(nine.error().params.at("min") == "10");
    CHECK(ten.has_value());
}

TEST_CASE("create rejects taken username and unknown area") {
    EngineFixture fixture;
    fixture.create_staff("dewi", Role::Officer);
    officer_records::NewOfficer same_name;
    same_name.username = "DEWI";
    officer_records::NewOfficer unknown_area;
    unknown_area.username = "agus";
    unknown_area.areas = {"saham"};

    const auto name_taken = fixture.accounts().create(same_name, kPassword);
    const auto bad_area = fixture.accounts().create(unknown_area, kPassword);

    // User names compare without case, so "DEWI" is the same account as "dewi".
    CHECK(error_of(name_taken) == ErrorCode::Conflict);
    CHECK(message_key_of(name_taken) == "error.username_taken");
    CHECK(error_of(bad_area) == ErrorCode::InvalidInput);
    CHECK(message_key_of(bad_area) == "error.unknown_area");
}

TEST_CASE("officer status pauses and resumes") {
    EngineFixture fixture;
    const LoggedIn officer = fixture.officer_at_desk("dewi", "1");

    const Officer paused = require_value(fixture.accounts().set_status(officer.actor, OfficerStatus::Paused, "sholat"));
    const auto offline = fixture.accounts().set_status(officer.actor, OfficerStatus::Offline, "");

    CHECK(paused.status == OfficerStatus::Paused);
    CHECK(paused.status_reason == "sholat");
    CHECK(error_of(offline) == ErrorCode::InvalidInput);
    CHECK(require_value(fixture.accounts().find(officer.id)).status == OfficerStatus::Paused);
}

TEST_CASE("throttle ignores user name case") {
    EngineFixture fixture(allow_three_failures);
    fixture.create_staff("dewi", Role::Officer);
    // User names compare without case at login, so the per-user count must too.
    const char* spellings[] = {"dewi", "Dewi", "DEWI"};
    const char* addresses[] = {"127.0.0.11", "127.0.0.12", "127.0.0.13"};
    for (size_t i = 0; i < 3; ++i) {
        CAPTURE(spellings[i]);
        CHECK(error_of(fixture.accounts().login(spellings[i], "salah-sandi-123", "1", addresses[i])) ==
              ErrorCode::Unauthorized);
    }

    const auto limited = fixture.accounts().login("dEwI", kPassword, "1", kOtherAddress);

    CHECK(error_of(limited) == ErrorCode::RateLimited);
}
