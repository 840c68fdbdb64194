#include "auth/accounts.hpp"

#include <nlohmann/json.hpp>
#include <sodium.h>
#include <spdlog/spdlog.h>

#include <cctype>

namespace antrean::server {
namespace {

std::string token_hash(const std::string& token) {
    unsigned char digest[crypto_generichash_BYTES];
    crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(token.data()),
                       token.size(), nullptr, 0);
    char hex[sizeof digest * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

std::string random_token() {
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    char hex[sizeof bytes * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
    return hex;
}

tl::unexpected<Error> storage_failure(const DatabaseError& error) {
    spdlog::error("storage failure in accounts: {}", error.what());
    return fail(ErrorCode::Unavailable, "", "error.storage_unavailable");
}

// User names compare without case at login (COLLATE NOCASE), so the throttle counts
// "Dewi" and "dewi" as one user.
std::string throttle_key(const std::string& username) {
    std::string key = username;
    for (char& c : key) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return key;
}

}  // namespace

int LoginThrottle::wait_for(std::deque<TimestampMs>& failures, TimestampMs now) {
    while (!failures.empty() && failures.front() <= now - window_ms_) {
        failures.pop_front();
    }
    if (static_cast<int>(failures.size()) < max_failures_) return 0;
    const TimestampMs until = failures.front() + window_ms_;
    return static_cast<int>((until - now + 999) / 1000);
}

int LoginThrottle::retry_after_seconds(const std::string& username, const std::string& address,
                                       TimestampMs now) {
    std::lock_guard lock(mutex_);
    const int wait = std::max(wait_for(by_user_[throttle_key(username)], now), wait_for(by_address_[address], now));
    // Names and addresses whose failures have all expired are dropped, so the maps stay
    // as small as the recent failures.
    std::erase_if(by_user_, [](const auto& entry) { return entry.second.empty(); });
    std::erase_if(by_address_, [](const auto& entry) { return entry.second.empty(); });
    return wait;
}

void LoginThrottle::record_failure(const std::string& username, const std::string& address,
                                   TimestampMs now) {
    std::lock_guard lock(mutex_);
    by_user_[throttle_key(username)].push_back(now);
    by_address_[address].push_back(now);
}

void LoginThrottle::record_success(const std::string& username) {
    std::lock_guard lock(mutex_);
    by_user_.erase(throttle_key(username));
}

Accounts::Accounts(QueueEngine& engine)
    : engine_(engine),
      throttle_(engine.config().security.login_failures_before_delay,
                engine.config().security.login_failure_window_minutes) {
    dummy_hash_ = hash_password(random_token()).value_or("");
}

Result<std::string> Accounts::hash_password(const std::string& password) {
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(hash, password.c_str(), password.size(),
                              crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                              crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return fail(ErrorCode::Unavailable, "", "error.out_of_memory");
    }
    return std::string(hash);
}

bool Accounts::verify_password(const std::string& hash, const std::string& password) {
    return crypto_pwhash_str_verify(hash.c_str(), password.c_str(), password.size()) == 0;
}

Result<OfficerId> Accounts::create(officer_records::NewOfficer officer, const std::string& password) {
    if (password.size() < kMinPasswordLength) {
        return fail(ErrorCode::InvalidInput, "password", "error.password_too_short",
                    {{"min", std::to_string(kMinPasswordLength)}});
    }
    for (const AreaId& area : officer.areas) {
        if (engine_.config().find_area(area) == nullptr) {
            return fail(ErrorCode::InvalidInput, "areas", "error.unknown_area", {{"area", area}});
        }
    }
    auto hash = hash_password(password);
    if (!hash) return tl::unexpected(hash.error());
    officer.password_hash = *hash;
    if (officer.display_name.empty()) officer.display_name = officer.username;

    std::lock_guard lock(engine_.store().mutex);
    try {
        Database& db = *engine_.store().db;
        const TimestampMs now = engine_.clock().now();
        if (officer_records::find_by_username(db, officer.username, now)) {
            return fail(ErrorCode::Conflict, "username", "error.username_taken", {{"username", officer.username}});
        }
        Transaction transaction(db);
        const OfficerId id = officer_records::insert(db, officer, now);
        transaction.commit();
        return id;
    } catch (const DatabaseError& error) {
        engine_.discard_pending();
        return storage_failure(error);
    }
}

Result<LoginResult> Accounts::login(const std::string& username, const std::string& password,
                                    const std::optional<DeskId>& desk_id, const std::string& address) {
    const TimestampMs now = engine_.clock().now();
    if (const int wait = throttle_.retry_after_seconds(username, address, now); wait > 0) {
        return fail(ErrorCode::RateLimited, "", "error.login_rate_limited", {{"seconds", std::to_string(wait)}});
    }
    if (desk_id && engine_.config().find_desk(*desk_id) == nullptr) {
        return fail(ErrorCode::InvalidInput, "desk", "error.desk_not_found", {{"desk", *desk_id}});
    }

    std::optional<Officer> officer;
    std::optional<std::string> hash;
    {
        std::lock_guard lock(engine_.store().mutex);
        try {
            officer = officer_records::find_by_username(*engine_.store().db, username, now);
            if (officer) hash = officer_records::password_hash(*engine_.store().db, officer->id);
        } catch (const DatabaseError& error) {
            return storage_failure(error);
        }
    }
    // Hashing runs outside the store lock: it takes tens of milliseconds by design.
    const bool valid = verify_password(hash.value_or(dummy_hash_), password) && officer && officer->active;
    if (!valid) {
        throttle_.record_failure(username, address, now);
        spdlog::warn("login failed from {}", address);
        return fail(ErrorCode::Unauthorized, "", "error.login_failed");
    }
    throttle_.record_success(username);

    std::lock_guard lock(engine_.store().mutex);
    try {
        Database& db = *engine_.store().db;
        if (desk_id) {
            const auto occupant = officer_records::officer_at_desk(db, *desk_id, now);
            if (occupant && *occupant != officer->id) {
                auto other = officer_records::find_by_id(db, *occupant, now);
                return fail(ErrorCode::Conflict, "desk", "error.desk_in_use",
                            {{"desk", engine_.config().find_desk(*desk_id)->name},
                             {"officer", other ? other->display_name : ""}});
            }
        }
        LoginResult result;
        result.token = random_token();
        result.expires_at = now + static_cast<TimestampMs>(engine_.config().security.token_ttl_minutes) * 60'000;
        Transaction transaction(db);
        officer_records::insert_session(db, token_hash(result.token), officer->id, desk_id, now, result.expires_at);
        officer_records::set_status(db, officer->id, OfficerStatus::Available, "");
        nlohmann::json data{{"officer_id", officer->id}, {"status", "available"},
                            {"desk", desk_id ? nlohmann::json(*desk_id) : nlohmann::json(nullptr)}};
        engine_.record_event("officer.updated", data.dump());
        transaction.commit();
        engine_.publish_pending();
        result.officer = *officer_records::find_by_id(db, officer->id, now);
        spdlog::info("officer {} logged in at desk {}", officer->id, desk_id.value_or("-"));
        return result;
    } catch (const DatabaseError& error) {
        engine_.discard_pending();
        return storage_failure(error);
    }
}

Result<Actor> Accounts::authenticate(const std::string& token) {
    if (token.empty()) {
        return fail(ErrorCode::Unauthorized, "", "error.token_missing");
    }
    const TimestampMs now = engine_.clock().now();
    std::lock_guard lock(engine_.store().mutex);
    try {
        Database& db = *engine_.store().db;
        const auto session = officer_records::find_session(db, token_hash(token), now);
        if (!session) {
            return fail(ErrorCode::Unauthorized, "", "error.session_expired");
        }
        const auto officer = officer_records::find_by_id(db, session->officer_id, now);
        if (!officer || !officer->active) {
            return fail(ErrorCode::Unauthorized, "", "error.session_expired");
        }
        return Actor{officer->id, officer->role, officer->display_name, session->desk_id};
    } catch (const DatabaseError& error) {
        engine_.discard_pending();
        return storage_failure(error);
    }
}

Result<void> Accounts::logout(const std::string& token, const Actor& actor) {
    std::lock_guard lock(engine_.store().mutex);
    try {
        Database& db = *engine_.store().db;
        Transaction transaction(db);
        officer_records::delete_session(db, token_hash(token));
        if (!officer_records::has_session(db, actor.officer_id, engine_.clock().now())) {
            officer_records::set_status(db, actor.officer_id, OfficerStatus::Offline, "");
        }
        nlohmann::json data{{"officer_id", actor.officer_id}, {"status", "offline"}};
        engine_.record_event("officer.updated", data.dump());
        transaction.commit();
        engine_.publish_pending();
        spdlog::info("officer {} logged out", actor.officer_id);
        return {};
    } catch (const DatabaseError& error) {
        engine_.discard_pending();
        return storage_failure(error);
    }
}

Result<Officer> Accounts::set_status(const Actor& actor, OfficerStatus status, const std::string& reason) {
    if (status == OfficerStatus::Offline) {
        return fail(ErrorCode::InvalidInput, "status", "error.invalid_status");
    }
    std::lock_guard lock(engine_.store().mutex);
    try {
        Database& db = *engine_.store().db;
        Transaction transaction(db);
        officer_records::set_status(db, actor.officer_id, status, reason);
        nlohmann::json data{{"officer_id", actor.officer_id}, {"status", to_string(status)}};
        engine_.record_event("officer.updated", data.dump());
        transaction.commit();
        engine_.publish_pending();
        return *officer_records::find_by_id(db, actor.officer_id, engine_.clock().now());
    } catch (const DatabaseError& error) {
        engine_.discard_pending();
        return storage_failure(error);
    }
}

Result<std::vector<Officer>> Accounts::list() {
    std::lock_guard lock(engine_.store().mutex);
    try {
        return officer_records::list(*engine_.store().db, engine_.clock().now());
    } catch (const DatabaseError& error) {
        engine_.discard_pending();
        return storage_failure(error);
    }
}

Result<Officer> Accounts::find(OfficerId id) {
    std::lock_guard lock(engine_.store().mutex);
    try {
        auto officer = officer_records::find_by_id(*engine_.store().db, id, engine_.clock().now());
        if (!officer) {
            return fail(ErrorCode::NotFound, "", "error.officer_not_found", {{"id", std::to_string(id)}});
        }
        return *officer;
    } catch (const DatabaseError& error) {
        engine_.discard_pending();
        return storage_failure(error);
    }
}

}  // namespace antrean::server
