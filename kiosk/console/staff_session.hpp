#pragma once

// What both staff consoles share: the office configuration, the login and its end
// (logout, or a 401 once the token expired), the live queue and the staff list kept
// current from the event stream, and requests that are dropped when their session has
// ended. Nothing here draws; each console draws from this state.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "console/event_feed.hpp"
#include "console/live_queue.hpp"
#include "console/staff_api.hpp"
#include "console/staff_data.hpp"
#include "domain/office_time.hpp"
#include "i18n/catalog.hpp"

namespace antrean::console {

using MonotonicMs = std::int64_t;

enum class NoticeKind { Info, Success, Warning, Error, kCount };

// A message shown to the staff member, already in their language.
struct Notice {
    NoticeKind kind = NoticeKind::Info;
    std::string text;
};

enum class SessionPhase { LoggedOut, LoggingIn, LoggedIn };

// Which console runs: it decides the roles that may log in and whether a desk is needed.
enum class ConsoleRole { Officer, Reception };

// Runs a request again once the running one is done, however often it was asked for in
// between, so a burst of events costs at most two reloads.
struct Reloader {
    bool in_flight = false;
    bool again = false;

    // Returns whether the caller should start the request now.
    bool request();
    // Returns whether the caller should start it again.
    bool finish();
    void reset() { in_flight = again = false; }
};

class StaffSession {
  public:
    // `api` and `feed` may be null (screenshots): nothing is sent then, and the sample
    // content set through the mutable accessors stays as it is.
    StaffSession(const Catalog& catalog, ConsoleRole role, StaffApi* api, EventFeed* feed);

    // Runs finished requests' callbacks, applies the event stream and retries loading the
    // configuration. Returns true when something visible changed.
    bool update(MonotonicMs now);

    void login(std::string username, std::string password, std::optional<DeskId> desk);
    void logout();
    // Sends one request of this session. Its callback does not run when the session ends
    // first; a 401 ends the session with "please log in again" and skips the callback.
    void request(HttpMethod method, std::string path, nlohmann::json body, StaffApi::Callback done);

    void set_language(Language language);
    Language language() const { return language_; }

    // Asks for GET /api/v1/queue and GET /api/v1/officers again.
    void reload_queue();
    void reload_staff();

    // Hooks for what one console adds: other events (appointment.updated), a new
    // connection of the stream (reload everything), the start and end of a session.
    std::function<void(const SseEvent&)> on_event;
    std::function<void()> on_connected;
    std::function<void()> on_logged_in;
    std::function<void()> on_logged_out;

    SessionPhase phase() const { return phase_; }
    const std::optional<Notice>& login_notice() const { return login_notice_; }
    const std::optional<ConsoleConfig>& config() const { return config_; }
    const StaffAccount* me() const { return me_ ? &*me_ : nullptr; }
    const LiveQueue& queue() const { return queue_; }
    const std::vector<StaffAccount>& staff() const { return staff_; }
    const StaffAccount* find_staff(OfficerId id) const;
    const OfficeTime* office_time() const { return office_time_ ? &*office_time_ : nullptr; }
    bool connected() const;
    bool busy() const;
    // The wall clock in UTC milliseconds, or the fixed time of a screenshot.
    TimestampMs now() const;
    // The message for an error: the console's own sentence for an unreachable server,
    // otherwise the server's message in the session's language.
    std::string error_text(const Error& error) const;
    const Catalog& catalog() const { return catalog_; }
    ConsoleRole role() const { return role_; }

    // For screenshots and tests, which have no server.
    void set_config(ConsoleConfig config);
    void set_me(StaffAccount account);
    // Replaces the logged-in account with a fresh copy from the server (a status change),
    // keeping the desk of this login.
    void refresh_me(StaffAccount account);
    void set_staff(std::vector<StaffAccount> staff) { staff_ = std::move(staff); }
    LiveQueue& mutable_queue() { return queue_; }
    void set_fixed_now(TimestampMs now) { fixed_now_ = now; }
    void set_login_notice(Notice notice) { login_notice_ = std::move(notice); }

  private:
    void load_config(MonotonicMs now);
    void on_login(Result<ApiResponse> response);
    void end_session(std::optional<Notice> notice);
    void apply_feed();
    void apply_event(const SseEvent& event);
    void start_queue_reload();
    void start_staff_reload();
    bool role_allowed(Role role) const;

    const Catalog& catalog_;
    const ConsoleRole role_;
    StaffApi* api_;
    EventFeed* feed_;
    Language language_ = Language::Indonesian;

    SessionPhase phase_ = SessionPhase::LoggedOut;
    std::uint64_t generation_ = 0;
    std::optional<Notice> login_notice_;
    std::optional<ConsoleConfig> config_;
    std::optional<OfficeTime> office_time_;
    bool config_in_flight_ = false;
    MonotonicMs next_config_attempt_ = 0;
    std::optional<StaffAccount> me_;
    LiveQueue queue_;
    std::vector<StaffAccount> staff_;
    Reloader queue_reloader_;
    Reloader staff_reloader_;
    std::optional<TimestampMs> fixed_now_;
    bool changed_ = true;
};

}  // namespace antrean::console
