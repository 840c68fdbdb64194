#include "console/event_feed.hpp"

namespace antrean::console {

EventFeed::EventFeed(ServerAddress address, kiosk::Wakeup& wakeup) : address_(std::move(address)), wakeup_(wakeup) {}

EventFeed::~EventFeed() {
    stop();
}

void EventFeed::start() {
    if (subscriber_) {
        return;
    }
    subscriber_ = std::make_unique<EventSubscriber>(
        address_, [this](const SseEvent& event) { push(FeedMessage{event, std::nullopt}); },
        [this](const ConnectionStatus& status) {
            push(FeedMessage{std::nullopt, status.state == ConnectionState::Connected});
        });
    subscriber_->start();
}

void EventFeed::stop() {
    if (subscriber_) {
        subscriber_->stop();
        subscriber_.reset();
    }
    const std::lock_guard lock(mutex_);
    messages_.clear();
    connected_ = false;
}

void EventFeed::push(FeedMessage message) {
    {
        const std::lock_guard lock(mutex_);
        if (message.connected) {
            connected_ = *message.connected;
        }
        messages_.push_back(std::move(message));
    }
    wakeup_.notify();
}

std::vector<FeedMessage> EventFeed::take() {
    const std::lock_guard lock(mutex_);
    std::vector<FeedMessage> taken;
    taken.swap(messages_);
    return taken;
}

bool EventFeed::connected() const {
    const std::lock_guard lock(mutex_);
    return connected_;
}

}  // namespace antrean::console
