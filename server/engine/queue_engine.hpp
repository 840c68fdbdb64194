#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "domain/office_time.hpp"
#include "domain/ticket.hpp"
#include "domain/ticket_state.hpp"
#include "events/event_hub.hpp"
#include "storage/store.hpp"

namespace antrean::server {

// The staff member performing an action, from the bearer token.
struct Actor {
    OfficerId officer_id = 0;
    Role role = Role::Officer;
    std::string display_name;
    std::optional<DeskId> desk_id;
};

struct CheckInRequest {
    Visitor visitor;  // validated and normalized by the caller
    AreaId area;
    Purpose purpose = Purpose::Complaint;
    Priority priority = Priority::Regular;
    std::string summary;
    Language language = Language::Indonesian;
    ConsentBy consent_by = ConsentBy::Visitor;
    std::string consent_version;
    // Chosen by the client for one visitor's check-in; a repeat with the same id returns the
    // ticket issued the first time. Empty when the client sends none.
    std::string request_id;
};

// The wait estimate a visitor gets at check-in.
struct WaitEstimate {
    int position = 1;  // 1 = next
    int minutes = 0;
    int range_min = 0;
    int range_max = 0;
};

struct IssuedTicket {
    Ticket ticket;
    WaitEstimate estimate;
};

struct CallResult {
    Ticket ticket;
    SelectionRule rule = SelectionRule::LongestWait;
};

// Optional parts of a state change request.
struct ActionDetails {
    std::optional<Outcome> outcome;  // complete
    std::string notes;               // complete
    std::string reason;              // cancel
    std::optional<AreaId> area;      // transfer
    std::optional<OfficerId> officer_id;  // transfer
};

// The queue: check-in, who is called next, and every state change, each one SQLite
// transaction plus one event on the stream.
class QueueEngine {
public:
    QueueEngine(Store& store, const ServerConfig& config, const OfficeTime& office_time,
                const Clock& clock, EventHub& hub);

    // Loads the event id and the board from the database; call once before serving.
    void start();

    Result<IssuedTicket> check_in(const CheckInRequest& request);
    // Creates the ticket for a booked visitor who arrived, assigned to the booked officer.
    Result<IssuedTicket> check_in_appointment(AppointmentId appointment_id, const std::string& request_id = {});

    // Picks the next ticket for the officer at the desk, or nullopt when nobody matching waits.
    Result<std::optional<CallResult>> call_next(const Actor& actor, const DeskId& desk_id);
    Result<Ticket> apply(TicketId id, TicketAction action, const Actor& actor,
                         const ActionDetails& details);
    // Reception marks or unmarks priority on a waiting ticket.
    Result<Ticket> set_priority(TicketId id, Priority priority, const Actor& actor);

    Result<Ticket> find(TicketId id);
    // The ticket an earlier check-in with `request_id` issued, or nullopt.
    Result<std::optional<Ticket>> find_by_request(const std::string& request_id);
    Result<Ticket> find_by_token(TicketId id, const std::string& token);
    // The ticket a transfer of `id` created; NotFound when there is none.
    Result<Ticket> find_follow_up(TicketId id);
    Result<std::vector<TicketHistoryEntry>> history(TicketId id);
    Result<std::vector<Ticket>> today();
    Result<WaitEstimate> estimate(const Ticket& ticket);

    // The wall display's view with the id of the newest event it includes; rebuilt on the
    // first read after a change, so repeated reads cost no database access.
    struct BoardSnapshot {
        std::string json;
        std::int64_t last_event_id = 0;
    };
    std::shared_ptr<const BoardSnapshot> board();

    std::string service_date() const;
    const ServerConfig& config() const { return config_; }
    const OfficeTime& office_time() const { return office_time_; }
    const Clock& clock() const { return clock_; }
    Store& store() { return store_; }
    EventHub& hub() { return hub_; }

    // Stores one event in the open transaction; published after commit by the caller
    // through publish_pending(). Used by other services sharing the store.
    void record_event(const std::string& name, const std::string& data);
    void publish_pending();
    // Drops the events of a transaction that rolled back; callers of record_event call it
    // when their transaction fails.
    void discard_pending() { pending_.clear(); }
    // Marks the cached board stale; the caller holds the store lock.
    void mark_board_stale();

private:
    // Check-ins share commits: those that arrive while one batch commits run together in
    // the next transaction, each in its own savepoint, so one flush serves them all. Every
    // caller receives its result only after the commit that stored its ticket.
    using CheckInWork = std::function<Result<IssuedTicket>()>;
    struct CheckInJob;
    Result<IssuedTicket> commit_check_in(const CheckInWork& work);
    std::vector<Result<IssuedTicket>> run_check_in_batch(const std::vector<CheckInJob*>& jobs);
    // The ticket issued earlier for `request_id`, with its current place in the queue.
    std::optional<IssuedTicket> repeated_check_in_locked(const std::string& request_id);
    // Stores a new waiting ticket. The caller has the store lock and an open transaction.
    Result<IssuedTicket> insert_ticket_in_transaction(Ticket ticket, const Visitor& visitor,
                                                      const std::string& consent_version,
                                                      std::optional<std::int64_t> visitor_id,
                                                      const std::string& request_id);
    Result<std::optional<CallResult>> select_next_locked(const Officer& officer, TimestampMs now);
    Result<Ticket> transfer_locked(Ticket ticket, const Actor& actor, const ActionDetails& details);
    // `ahead` is the number of waiting tickets that will be called before this one.
    WaitEstimate estimate_locked(const Ticket& ticket, int ahead);
    void record_ticket_event(const std::string& name, const Ticket& ticket);
    std::string new_status_token() const;

    Store& store_;
    const ServerConfig& config_;
    const OfficeTime& office_time_;
    const Clock& clock_;
    EventHub& hub_;
    std::vector<StreamEvent> pending_;
    std::shared_ptr<const BoardSnapshot> board_;
    std::atomic<bool> board_stale_{true};
    mutable std::mutex board_mutex_;
    std::mutex batch_mutex_;
    std::condition_variable batch_done_;
    std::vector<CheckInJob*> batch_queue_;
    bool batch_running_ = false;
};

}  // namespace antrean::server
