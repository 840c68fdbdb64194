#pragma once

// The consoles' view of the server's event stream. An EventSubscriber reads the stream on
// its own thread; this class queues what it delivers and wakes the drawing loop, which
// takes the messages in take() and applies them on its own thread.

#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "client/event_stream.hpp"
#include "services/background_worker.hpp"

namespace antrean::console {

struct FeedMessage {
    std::optional<SseEvent> event;    // an event of the stream
    std::optional<bool> connected;    // or a change of the connection
};

class EventFeed {
  public:
    EventFeed(ServerAddress address, kiosk::Wakeup& wakeup);
    ~EventFeed();
    EventFeed(const EventFeed&) = delete;
    EventFeed& operator=(const EventFeed&) = delete;

    // Connects, or does nothing while connected. Each start() follows the stream from its
    // current end, because a console loads the whole queue after connecting anyway.
    void start();
    // Disconnects and drops queued messages.
    void stop();
    std::vector<FeedMessage> take();
    bool connected() const;

  private:
    void push(FeedMessage message);

    const ServerAddress address_;
    kiosk::Wakeup& wakeup_;
    std::unique_ptr<EventSubscriber> subscriber_;
    mutable std::mutex mutex_;
    std::vector<FeedMessage> messages_;
    bool connected_ = false;
};

}  // namespace antrean::console
