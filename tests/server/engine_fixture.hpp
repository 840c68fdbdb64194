#pragma once

// A queue server core on a real SQLite file in a temporary folder, with a clock that moves
// only when a test moves it. Shared by the engine, storage and account tests.

#include <doctest/doctest.h>
#include <sodium.h>
#include <stdlib.h>

#include <filesystem>
#include <functional>
#include <string>
#include <system_error>
#include <vector>

#include "auth/accounts.hpp"
#include "config/config.hpp"
#include "domain/office_time.hpp"
#include "engine/appointments.hpp"
#include "engine/queue_engine.hpp"
#include "events/event_hub.hpp"
#include "storage/database.hpp"
#include "storage/records.hpp"
#include "storage/store.hpp"

namespace antrean::server::test_support {

// Friday 2026-12-04 09:00 in Jakarta (UTC+7), inside the shipped opening hours.
inline constexpr TimestampMs kFridayMorning = 1'796'349'600'000;
inline constexpr TimestampMs kMinuteMs = 60'000;
// Password of every test account, longer than the 10 characters Accounts::create requires.
inline constexpr const char* kPassword = "rahasia-meja-layanan";

// A folder under the system temp directory, removed with everything in it when the
// guard goes out of scope, also when a REQUIRE has thrown.
class TempFolder {
public:
    TempFolder() {
        std::string pattern = (std::filesystem::temp_directory_path() / "antrean-test-XXXXXX").string();
        REQUIRE(mkdtemp(pattern.data()) != nullptr);
        path_ = pattern;
    }
    ~TempFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;

    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

// Returns the value of a result that the test cannot go on without. A failed result fails
// the test with its error code and message key.
template <typename T>
T require_value(Result<T> result) {
    if (!result) {
        FAIL("unexpected error " << error_code_name(result.error().code) << " "
                                 << result.error().message_key << " (field '"
                                 << result.error().field << "')");
    }
    return std::move(*result);
}

inline void require_ok(const Result<void>& result) {
    if (!result) {
        FAIL("unexpected error " << error_code_name(result.error().code) << " "
                                 << result.error().message_key);
    }
}

// Returns the error code of a failed result, or nullopt when it succeeded.
template <typename T>
std::optional<ErrorCode> error_of(const Result<T>& result) {
    if (result) return std::nullopt;
    return result.error().code;
}

template <typename T>
std::string message_key_of(const Result<T>& result) {
    return result ? std::string() : result.error().message_key;
}

// The shipped configuration with walk-in hours switched off, so a test may check in at
// any hour the clock shows.
inline ServerConfig load_test_config(const std::function<void(ServerConfig&)>& adjust) {
    ServerConfig config = require_value(load_config(default_config_path()));
    config.enforce_opening_hours = false;
    if (adjust) adjust(config);
    return config;
}

inline std::unique_ptr<Database> open_migrated(const std::filesystem::path& path) {
    std::unique_ptr<Database> db = require_value(Database::open(path));
    require_value(migrate(*db));
    return db;
}

// An officer logged in through Accounts, with the token and the actor it authenticates as.
struct LoggedIn {
    OfficerId id = 0;
    std::string token;
    Actor actor;
};

// Everything the HTTP layer would hold: config, clock, store, engine, accounts and the
// appointment book, on a fresh database file.
class EngineFixture {
public:
    explicit EngineFixture(const std::function<void(ServerConfig&)>& adjust = {})
        : config(load_test_config(adjust)),
          office_time(require_value(OfficeTime::create(config.time_zone))),
          clock(kFridayMorning),
          engine(store, config, office_time, clock, hub),
          appointments(engine) {
        REQUIRE(sodium_init() >= 0);
        database_path = folder.path() / "antrean.db";
        store.db = open_migrated(database_path);
        engine.start();
    }

    // Accounts hashes a throwaway password when it is built, so it is built on first use:
    // tests without staff do not pay for Argon2id.
    Accounts& accounts() {
        if (!accounts_) accounts_ = std::make_unique<Accounts>(engine);
        return *accounts_;
    }

    Database& db() { return *store.db; }

    void advance_minutes(int minutes) { clock.advance_minutes(minutes); }

    IssuedTicket check_in(const AreaId& area = "pbk", Purpose purpose = Purpose::Complaint,
                          Priority priority = Priority::Regular) {
        CheckInRequest request;
        request.visitor.name = "Siti Rahayu";
        request.visitor.phone = "+6281234567890";
        request.area = area;
        request.purpose = purpose;
        request.priority = priority;
        request.summary = "Dana di pialang berjangka belum dikembalikan";
        request.consent_version = config.consent_version;
        return require_value(engine.check_in(request));
    }

    // Books a 30-minute complaint meeting in `area`, with no officer when `officer_id` is empty.
    Appointment book(std::optional<OfficerId> officer_id, TimestampMs starts_at,
                     const std::string& phone = "+6285711112222", const AreaId& area = "pbk") {
        NewAppointment request;
        request.visitor.name = "Wayan";
        request.visitor.phone = phone;
        request.area = area;
        request.purpose = Purpose::Complaint;
        request.summary = "Sengketa resi gudang";
        request.starts_at = starts_at;
        request.length_minutes = 30;
        request.officer_id = officer_id;
        request.source = AppointmentSource::Email;
        return require_value(appointments.create(request));
    }

    // Books a meeting, checks the visitor in at once and returns the booked ticket.
    Ticket check_in_booked(std::optional<OfficerId> officer_id, TimestampMs starts_at) {
        const Appointment appointment = book(officer_id, starts_at);
        return require_value(appointments.check_in(appointment.booking_code)).ticket;
    }

    // Creates an account with the skills `areas` x `purposes` (used by officers only).
    OfficerId create_staff(const std::string& username, Role role, std::vector<AreaId> areas = {"pbk"},
                           std::vector<Purpose> purposes = {Purpose::Complaint, Purpose::Information,
                                                            Purpose::Consultation}) {
        officer_records::NewOfficer officer;
        officer.username = username;
        officer.display_name = username;
        officer.role = role;
        officer.areas = std::move(areas);
        officer.purposes = std::move(purposes);
        return require_value(accounts().create(officer, kPassword));
    }

    // Logs an existing account in. With a desk the officer counts as present there.
    LoggedIn log_in(OfficerId id, const std::string& username, const std::optional<DeskId>& desk) {
        LoginResult login = require_value(accounts().login(username, kPassword, desk, "127.0.0.1"));
        Actor actor = require_value(accounts().authenticate(login.token));
        return LoggedIn{id, login.token, actor};
    }

    LoggedIn officer_at_desk(const std::string& username, const DeskId& desk,
                             std::vector<AreaId> areas = {"pbk"},
                             std::vector<Purpose> purposes = {Purpose::Complaint, Purpose::Information,
                                                              Purpose::Consultation}) {
        const OfficerId id = create_staff(username, Role::Officer, std::move(areas), std::move(purposes));
        return log_in(id, username, desk);
    }

    LoggedIn receptionist(const std::string& username = "resepsionis") {
        const OfficerId id = create_staff(username, Role::Receptionist, {});
        return log_in(id, username, std::nullopt);
    }

    // Calls the next visitor for a logged-in officer at the desk of its session.
    std::optional<CallResult> call_next(const LoggedIn& officer) {
        REQUIRE(officer.actor.desk_id.has_value());
        return require_value(engine.call_next(officer.actor, *officer.actor.desk_id));
    }

    Ticket apply(TicketId id, TicketAction action, const LoggedIn& staff, ActionDetails details = {}) {
        return require_value(engine.apply(id, action, staff.actor, details));
    }

    // Starts and completes a called ticket, so the officer may call the next one.
    void serve(TicketId id, const LoggedIn& officer) {
        apply(id, TicketAction::Start, officer);
        ActionDetails details;
        details.outcome = Outcome::Answered;
        apply(id, TicketAction::Complete, officer, details);
    }

    Ticket find(TicketId id) { return require_value(engine.find(id)); }

    std::vector<records::EventRow> events_after(std::int64_t after_id) {
        return records::events_after(db(), after_id, 1000);
    }

    // Declared first so it is removed last, after the database file is closed.
    TempFolder folder;
    std::filesystem::path database_path;
    ServerConfig config;
    OfficeTime office_time;
    ManualClock clock;
    EventHub hub;
    Store store;
    QueueEngine engine;
    AppointmentBook appointments;

private:
    std::unique_ptr<Accounts> accounts_;
};

}  // namespace antrean::server::test_support
