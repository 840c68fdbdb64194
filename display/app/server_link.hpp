#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "client/api_client.hpp"
#include "client/event_stream.hpp"
#include "model/display_model.hpp"
#include "model/office_config.hpp"
#include "protocol/public_views.hpp"

// The display's connection to the queue server: the event stream, plus GET /config and GET
// /board on a worker thread. Everything received goes into an Inbox that the main loop
// empties, so the model and SFML stay on the main thread.
namespace antrean::display {

struct ConfigMessage {
    OfficeConfig config;
};
struct BoardMessage {
    protocol::Board board;
    BoardSource source = BoardSource::Fetched;
};
struct TicketMessage {
    TicketEventKind kind = TicketEventKind::Updated;
    protocol::TicketEvent event;
    std::int64_t event_id = 0;
};
struct ConnectionMessage {
    bool connected = false;
};
using LinkMessage = std::variant<ConfigMessage, BoardMessage, TicketMessage, ConnectionMessage>;

// A queue of messages for the main loop, which also wakes the loop when one arrives.
class Inbox {
public:
    void push(LinkMessage message);
    std::vector<LinkMessage> take_all();
    // Returns when a message arrives, wake() is called or `deadline` passes.
    void wait_until(std::chrono::steady_clock::time_point deadline);
    void wake();

private:
    std::mutex mutex_;
    std::condition_variable arrived_;
    std::vector<LinkMessage> messages_;
    bool woken_ = false;
};

class ServerLink {
public:
    // Follows the event stream, or without it asks for the board every `poll_interval`.
    ServerLink(const ServerAddress& address, Inbox& inbox,
               std::optional<std::chrono::milliseconds> poll_interval = std::nullopt);
    // Stops the event stream and the worker thread.
    ~ServerLink();

    ServerLink(const ServerLink&) = delete;
    ServerLink& operator=(const ServerLink&) = delete;

    void start();

private:
    void on_event(const SseEvent& event);
    void on_status(const ConnectionStatus& status);
    void request_refresh(bool with_config);
    void run_fetcher();
    bool fetch_config();
    // Returns whether the board was fetched and parsed.
    bool fetch_board();
    void run_poller();

    Inbox& inbox_;
    const std::optional<std::chrono::milliseconds> poll_interval_;
    ApiClient client_;
    EventSubscriber subscriber_;

    std::mutex mutex_;
    std::condition_variable requested_;
    bool stop_ = false;
    bool board_wanted_ = false;
    bool config_wanted_ = true;
    std::thread fetcher_;
};

}  // namespace antrean::display
