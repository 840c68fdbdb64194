#include "console/staff_session.hpp"

#include <spdlog/spdlog.h>

#include <chrono>

namespace antrean::console {
namespace {

constexpr MonotonicMs kConfigRetryMs = 2'000;
constexpr const char* kDefaultTimeZone = "Asia/Jakarta";

}  // namespace

bool Reloader::request() {
    if (in_flight) {
        again = true;
        return false;
    }
    in_flight = true;
    return true;
}

bool Reloader::finish() {
    in_flight = false;
    if (again) {
        again = false;
        in_flight = true;
        return true;
    }
    return false;
}

StaffSession::StaffSession(const Catalog& catalog, ConsoleRole role, StaffApi* api, EventFeed* feed)
    : catalog_(catalog), role_(role), api_(api), feed_(feed) {
    if (auto zone = OfficeTime::create(kDefaultTimeZone)) {
        office_time_ = std::move(*zone);
    }
}

TimestampMs StaffSession::now() const {
    if (fixed_now_) {
        return *fixed_now_;
    }
    return SystemClock().now();
}

bool StaffSession::connected() const {
    return feed_ == nullptr || feed_->connected();
}

bool StaffSession::busy() const {
    return api_ != nullptr && api_->busy();
}

const StaffAccount* StaffSession::find_staff(OfficerId id) const {
    for (const StaffAccount& account : staff_) {
        if (account.id == id) {
            return &account;
        }
    }
    return nullptr;
}

std::string StaffSession::error_text(const Error& error) const {
    if (error.code == ErrorCode::Unavailable && error.message_key == "error.server_unreachable") {
        return catalog_.translate(language_, "console.error.unreachable");
    }
    return catalog_.render(language_, error);
}

void StaffSession::set_language(Language language) {
    language_ = language;
    if (api_ != nullptr) {
        api_->set_language(language);
    }
    changed_ = true;
}

void StaffSession::set_config(ConsoleConfig config) {
    if (auto zone = OfficeTime::create(config.time_zone.empty() ? kDefaultTimeZone : config.time_zone)) {
        office_time_ = std::move(*zone);
    }
    config_ = std::move(config);
    changed_ = true;
}

void StaffSession::set_me(StaffAccount account) {
    me_ = std::move(account);
    phase_ = SessionPhase::LoggedIn;
    changed_ = true;
}

void StaffSession::refresh_me(StaffAccount account) {
    if (!me_ || me_->id != account.id) {
        return;
    }
    const std::optional<DeskId> desk = me_->desk;
    me_ = std::move(account);
    me_->desk = desk;
    changed_ = true;
}

bool StaffSession::role_allowed(Role role) const {
    if (role_ == ConsoleRole::Officer) {
        return role == Role::Officer;
    }
    return role == Role::Receptionist || role == Role::Admin;
}

bool StaffSession::update(MonotonicMs now) {
    if (api_ != nullptr && api_->poll() > 0) {
        changed_ = true;
    }
    apply_feed();
    if (!config_) {
        load_config(now);
    }
    const bool changed = changed_;
    changed_ = false;
    return changed;
}

void StaffSession::load_config(MonotonicMs now) {
    if (api_ == nullptr || config_in_flight_ || now < next_config_attempt_) {
        return;
    }
    config_in_flight_ = true;
    next_config_attempt_ = now + kConfigRetryMs;
    api_->send(HttpMethod::Get, "/api/v1/config", nullptr, [this](Result<ApiResponse> response) {
        config_in_flight_ = false;
        changed_ = true;
        Result<ConsoleConfig> config =
            response ? parse_console_config(response->body) : Result<ConsoleConfig>(tl::unexpected(response.error()));
        if (!config) {
            spdlog::warn("Loading the configuration failed, retrying in {} s: {}", kConfigRetryMs / 1000,
                         describe_untranslated(config.error()));
            return;
        }
        spdlog::info("Loaded the configuration: {} service areas, {} desks", config->areas.size(),
                     config->desks.size());
        if (config->evidence_whatsapp.empty() || config->evidence_email.empty()) {
            spdlog::warn("The server's configuration has no evidence WhatsApp number or email address; "
                         "officers cannot give them to referred complainants");
        }
        set_config(std::move(*config));
    });
}

void StaffSession::login(std::string username, std::string password, std::optional<DeskId> desk) {
    if (api_ == nullptr || phase_ != SessionPhase::LoggedOut) {
        return;
    }
    phase_ = SessionPhase::LoggingIn;
    login_notice_.reset();
    changed_ = true;
    const std::uint64_t generation = generation_;
    api_->login(std::move(username), std::move(password), std::move(desk),
                [this, generation](Result<ApiResponse> response) {
                    if (generation == generation_) {
                        on_login(std::move(response));
                    }
                });
}

void StaffSession::on_login(Result<ApiResponse> response) {
    changed_ = true;
    phase_ = SessionPhase::LoggedOut;
    if (!response) {
        spdlog::warn("Login failed: {} ({})", error_code_name(response.error().code), response.error().message_key);
        login_notice_ = Notice{NoticeKind::Error, error_text(response.error())};
        return;
    }
    const nlohmann::json& body = response->body;
    Result<StaffAccount> account = body.is_object() && body.contains("officer")
                                       ? parse_staff_account(body["officer"])
                                       : Result<StaffAccount>(tl::unexpected(Error()));
    if (!account) {
        login_notice_ = Notice{NoticeKind::Error, catalog_.translate(language_, "console.login.failed")};
        api_->logout([](Result<ApiResponse>) {});
        return;
    }
    if (!role_allowed(account->role)) {
        spdlog::warn("Account {} has the role {}, which this console does not serve; logged out again",
                     account->id, to_string(account->role));
        const char* key = role_ == ConsoleRole::Officer ? "console.login.officers_only"
                                                        : "console.login.reception_only";
        login_notice_ = Notice{NoticeKind::Error, catalog_.translate(language_, key)};
        api_->logout([](Result<ApiResponse>) {});
        return;
    }
    spdlog::info("Staff account {} logged in at desk {}", account->id, account->desk.value_or("-"));
    me_ = std::move(*account);
    phase_ = SessionPhase::LoggedIn;
    if (feed_ != nullptr) {
        feed_->start();
    }
    reload_queue();
    reload_staff();
    if (on_logged_in) {
        on_logged_in();
    }
}

void StaffSession::logout() {
    if (phase_ != SessionPhase::LoggedIn) {
        return;
    }
    if (api_ != nullptr) {
        api_->logout([](Result<ApiResponse> response) {
            if (!response) {
                spdlog::warn("Logout failed on the server: {}", describe_untranslated(response.error()));
            }
        });
    }
    spdlog::info("Staff account {} logged out", me_ ? me_->id : 0);
    end_session(Notice{NoticeKind::Info, catalog_.translate(language_, "console.login.logged_out")});
}

void StaffSession::end_session(std::optional<Notice> notice) {
    ++generation_;
    phase_ = SessionPhase::LoggedOut;
    login_notice_ = std::move(notice);
    me_.reset();
    queue_.clear();
    staff_.clear();
    queue_reloader_.reset();
    staff_reloader_.reset();
    if (feed_ != nullptr) {
        feed_->stop();
    }
    changed_ = true;
    if (on_logged_out) {
        on_logged_out();
    }
}

void StaffSession::request(HttpMethod method, std::string path, nlohmann::json body, StaffApi::Callback done) {
    if (api_ == nullptr || phase_ != SessionPhase::LoggedIn) {
        return;
    }
    const std::uint64_t generation = generation_;
    api_->send(method, std::move(path), std::move(body),
               [this, generation, done = std::move(done)](Result<ApiResponse> response) {
                   if (generation != generation_) {
                       return;
                   }
                   changed_ = true;
                   if (!response && response.error().code == ErrorCode::Unauthorized) {
                       spdlog::info("The server ended the session of staff account {}", me_ ? me_->id : 0);
                       api_->forget_token();
                       end_session(Notice{NoticeKind::Warning,
                                          catalog_.translate(language_, "console.login.expired")});
                       return;
                   }
                   done(std::move(response));
               });
}

void StaffSession::reload_queue() {
    if (queue_reloader_.request()) {
        start_queue_reload();
    }
}

void StaffSession::reload_staff() {
    if (staff_reloader_.request()) {
        start_staff_reload();
    }
}

void StaffSession::start_queue_reload() {
    request(HttpMethod::Get, "/api/v1/queue", nullptr, [this](Result<ApiResponse> response) {
        if (response) {
            if (Result<QueueSnapshot> snapshot = parse_queue(response->body)) {
                queue_.replace(std::move(*snapshot));
            }
        } else {
            spdlog::warn("Loading the queue failed: {}", describe_untranslated(response.error()));
        }
        if (queue_reloader_.finish()) {
            start_queue_reload();
        }
    });
}

void StaffSession::start_staff_reload() {
    request(HttpMethod::Get, "/api/v1/officers", nullptr, [this](Result<ApiResponse> response) {
        if (response) {
            staff_ = parse_staff_accounts(response->body);
            if (me_) {
                if (const StaffAccount* fresh = find_staff(me_->id)) {
                    refresh_me(*fresh);
                }
            }
        } else {
            spdlog::warn("Loading the staff list failed: {}", describe_untranslated(response.error()));
        }
        if (staff_reloader_.finish()) {
            start_staff_reload();
        }
    });
}

void StaffSession::apply_feed() {
    if (feed_ == nullptr) {
        return;
    }
    for (FeedMessage& message : feed_->take()) {
        changed_ = true;
        if (phase_ != SessionPhase::LoggedIn) {
            continue;
        }
        if (message.connected) {
            if (*message.connected) {
                // Whatever happened while the stream was down is in a full reload.
                reload_queue();
                reload_staff();
                if (on_connected) {
                    on_connected();
                }
            }
            continue;
        }
        if (message.event) {
            apply_event(*message.event);
        }
    }
}

void StaffSession::apply_event(const SseEvent& event) {
    if (event.name.rfind("ticket.", 0) == 0) {
        const nlohmann::json data = nlohmann::json::parse(event.data, nullptr, false);
        if (Result<protocol::TicketEvent> ticket = protocol::parse_ticket_event(data)) {
            queue_.apply(*ticket);
        } else {
            spdlog::warn("Ignoring event \"{}\" with id {}: {}", event.name, event.id,
                         describe_untranslated(ticket.error()));
        }
        // Events carry no identity, outcome or notes; the reload brings them.
        reload_queue();
    } else if (event.name == "officer.updated") {
        reload_staff();
    }
    if (on_event) {
        on_event(event);
    }
}

}  // namespace antrean::console
