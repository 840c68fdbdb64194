#include "app/server_link.hpp"

#include <spdlog/spdlog.h>

#include <charconv>

#include "i18n/catalog.hpp"

namespace antrean::display {
namespace {

// How long the worker waits before asking again for a configuration it could not get.
constexpr auto kConfigRetryDelay = std::chrono::seconds(2);

std::int64_t parse_event_id(const std::string& text) {
    std::int64_t id = 0;
    std::from_chars(text.data(), text.data() + text.size(), id);
    return id;
}

std::optional<TicketEventKind> ticket_event_kind(const std::string& name) {
    if (name == "ticket.called") {
        return TicketEventKind::Called;
    }
    if (name == "ticket.recalled") {
        return TicketEventKind::Recalled;
    }
    if (name == "ticket.updated") {
        return TicketEventKind::Updated;
    }
    return std::nullopt;
}

}  // namespace

void Inbox::push(LinkMessage message) {
    {
        const std::lock_guard lock(mutex_);
        messages_.push_back(std::move(message));
    }
    arrived_.notify_all();
}

std::vector<LinkMessage> Inbox::take_all() {
    const std::lock_guard lock(mutex_);
    std::vector<LinkMessage> taken;
    taken.swap(messages_);
    return taken;
}

void Inbox::wait_until(std::chrono::steady_clock::time_point deadline) {
    std::unique_lock lock(mutex_);
    arrived_.wait_until(lock, deadline, [this] { return !messages_.empty() || woken_; });
    woken_ = false;
}

void Inbox::wake() {
    {
        const std::lock_guard lock(mutex_);
        woken_ = true;
    }
    arrived_.notify_all();
}

ServerLink::ServerLink(const ServerAddress& address, Inbox& inbox,
                       std::optional<std::chrono::milliseconds> poll_interval)
    : inbox_(inbox),
      poll_interval_(poll_interval),
      client_(address),
      subscriber_(
          address, [this](const SseEvent& event) { on_event(event); },
          [this](const ConnectionStatus& status) { on_status(status); }) {}

ServerLink::~ServerLink() {
    subscriber_.stop();
    {
        const std::lock_guard lock(mutex_);
        stop_ = true;
    }
    requested_.notify_all();
    if (fetcher_.joinable()) {
        fetcher_.join();
    }
}

void ServerLink::start() {
    if (poll_interval_) {
        fetcher_ = std::thread(&ServerLink::run_poller, this);
        return;
    }
    fetcher_ = std::thread(&ServerLink::run_fetcher, this);
    subscriber_.start();
}

void ServerLink::run_poller() {
    bool have_config = false;
    std::optional<bool> connected;
    std::unique_lock lock(mutex_);
    while (!stop_) {
        lock.unlock();
        have_config = have_config || fetch_config();
        const bool fetched = have_config && fetch_board();
        if (connected != fetched) {
            // Without a stream, a failed poll is what a lost connection looks like.
            if (!fetched) {
                spdlog::warn("Polling the board of {} failed; retrying every {} ms",
                             client_.address().to_url(), poll_interval_->count());
            }
            connected = fetched;
            inbox_.push(ConnectionMessage{fetched});
        }
        lock.lock();
        requested_.wait_for(lock, *poll_interval_, [this] { return stop_; });
    }
}

void ServerLink::on_event(const SseEvent& event) {
    const nlohmann::json data = nlohmann::json::parse(event.data, nullptr, false);
    if (data.is_discarded()) {
        spdlog::warn("Ignoring event \"{}\" with id {}: its data is not JSON", event.name, event.id);
        return;
    }

    if (event.name == "board") {
        Result<protocol::Board> board = protocol::parse_board(data);
        if (!board) {
            spdlog::warn("Ignoring board event {}: {}", event.id, describe_untranslated(board.error()));
            return;
        }
        inbox_.push(BoardMessage{std::move(*board), BoardSource::Stream});
        return;
    }

    const std::optional<TicketEventKind> kind = ticket_event_kind(event.name);
    if (!kind) {
        spdlog::debug("Ignoring event \"{}\" with id {}", event.name, event.id);
        return;
    }
    Result<protocol::TicketEvent> ticket = protocol::parse_ticket_event(data);
    if (!ticket) {
        spdlog::warn("Ignoring event \"{}\" with id {}: {}", event.name, event.id,
                     describe_untranslated(ticket.error()));
        return;
    }
    inbox_.push(TicketMessage{*kind, std::move(*ticket), parse_event_id(event.id)});
    // Waiting counts are only on the board, so every ticket event requests a fresh board.
    request_refresh(false);
}

void ServerLink::on_status(const ConnectionStatus& status) {
    const bool connected = status.state == ConnectionState::Connected;
    inbox_.push(ConnectionMessage{connected});
    if (connected) {
        // A server that restarted may have another configuration, and a replay brings
        // events but no waiting counts.
        request_refresh(true);
    }
}

void ServerLink::request_refresh(bool with_config) {
    {
        const std::lock_guard lock(mutex_);
        board_wanted_ = true;
        config_wanted_ = config_wanted_ || with_config;
    }
    requested_.notify_all();
}

void ServerLink::run_fetcher() {
    std::unique_lock lock(mutex_);
    while (!stop_) {
        if (config_wanted_) {
            config_wanted_ = false;
            lock.unlock();
            const bool fetched = fetch_config();
            lock.lock();
            if (!fetched) {
                config_wanted_ = true;
                requested_.wait_for(lock, kConfigRetryDelay, [this] { return stop_; });
                continue;
            }
        }
        if (board_wanted_) {
            // Requests that arrive while this one runs are served by the next round, so a
            // burst of events costs at most two requests.
            board_wanted_ = false;
            lock.unlock();
            fetch_board();
            lock.lock();
            continue;
        }
        requested_.wait(lock, [this] { return stop_ || board_wanted_ || config_wanted_; });
    }
}

bool ServerLink::fetch_config() {
    Result<ApiResponse> response = client_.config();
    if (!response) {
        spdlog::debug("GET /api/v1/config failed: {}", describe_untranslated(response.error()));
        return false;
    }
    Result<OfficeConfig> config = parse_office_config(response->body);
    if (!config) {
        spdlog::warn("The server's configuration is invalid: {}", describe_untranslated(config.error()));
        return false;
    }
    inbox_.push(ConfigMessage{std::move(*config)});
    return true;
}

bool ServerLink::fetch_board() {
    Result<ApiResponse> response = client_.board();
    if (!response) {
        // The event stream reports the lost connection, so this only logs the failed refresh.
        spdlog::debug("GET /api/v1/board failed: {}", describe_untranslated(response.error()));
        return false;
    }
    Result<protocol::Board> board = protocol::parse_board(response->body);
    if (!board) {
        spdlog::warn("The server's board is invalid: {}", describe_untranslated(board.error()));
        return false;
    }
    inbox_.push(BoardMessage{std::move(*board), BoardSource::Fetched});
    return true;
}

}  // namespace antrean::display
