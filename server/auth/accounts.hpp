#pragma once

#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "engine/queue_engine.hpp"
#include "storage/officer_records.hpp"

namespace antrean::server {

struct LoginResult {
    std::string token;  // shown once to the client; only its hash is stored
    Officer officer;
    TimestampMs expires_at = 0;
};

// Counts failed logins per user name and per client address and answers 429 once either
// passes the configured number within the window.
class LoginThrottle {
public:
    LoginThrottle(int max_failures, int window_minutes)
        : max_failures_(max_failures), window_ms_(static_cast<TimestampMs>(window_minutes) * 60'000) {}
    // Returns the seconds to wait, or 0 when an attempt is allowed.
    int retry_after_seconds(const std::string& username, const std::string& address, TimestampMs now);
    void record_failure(const std::string& username, const std::string& address, TimestampMs now);
    void record_success(const std::string& username);

private:
    int wait_for(std::deque<TimestampMs>& failures, TimestampMs now);

    std::mutex mutex_;
    int max_failures_;
    TimestampMs window_ms_;
    std::map<std::string, std::deque<TimestampMs>> by_user_;
    std::map<std::string, std::deque<TimestampMs>> by_address_;
};

// Staff accounts: Argon2id password hashes (libsodium), random bearer tokens stored as
// hashes with an expiry, roles and officer status.
class Accounts {
public:
    explicit Accounts(QueueEngine& engine);

    Result<OfficerId> create(officer_records::NewOfficer officer, const std::string& password);
    Result<LoginResult> login(const std::string& username, const std::string& password,
                              const std::optional<DeskId>& desk_id, const std::string& address);
    Result<Actor> authenticate(const std::string& token);
    Result<void> logout(const std::string& token, const Actor& actor);
    Result<Officer> set_status(const Actor& actor, OfficerStatus status, const std::string& reason);
    Result<std::vector<Officer>> list();
    Result<Officer> find(OfficerId id);

    static Result<std::string> hash_password(const std::string& password);
    static bool verify_password(const std::string& hash, const std::string& password);

private:
    QueueEngine& engine_;
    LoginThrottle throttle_;
    std::string dummy_hash_;  // verified for unknown users so both answers take as long
};

// Minimum password length for staff accounts.
inline constexpr size_t kMinPasswordLength = 10;

}  // namespace antrean::server
