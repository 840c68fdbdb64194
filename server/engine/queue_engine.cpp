#include "engine/queue_engine.hpp"

#include <nlohmann/json.hpp>
#include <sodium.h>
#include <spdlog/spdlog.h>

#include <fmt/format.h>

#include "engine/board.hpp"
#include "storage/officer_records.hpp"
#include "storage/records.hpp"

namespace antrean::server {
namespace {

using Json = nlohmann::json;

tl::unexpected<Error> ticket_not_found(TicketId id) {
    return fail(ErrorCode::NotFound, "", "error.ticket_not_found", {{"id", std::to_string(id)}});
}

tl::unexpected<Error> storage_failure(const DatabaseError& error) {
    spdlog::error("storage failure: {}", error.what());
    return fail(ErrorCode::Unavailable, "", "error.storage_unavailable");
}

constexpr int kRecentCalls = 10;

// Runs a read under the store lock and turns a storage failure into an Unavailable error.
template <typename Read>
auto read_locked(Store& store, Read read) -> decltype(read(*store.db)) {
    std::lock_guard lock(store.mutex);
    try {
        return read(*store.db);
    } catch (const DatabaseError& error) {
        return storage_failure(error);
    }
}

constexpr std::array kWeekdayKeys{"sunday", "monday", "tuesday", "wednesday",
                                  "thursday", "friday", "saturday"};

// Rounds a minute estimate to a range people read easily ("sekitar 10-20 menit").
WaitEstimate make_range(int position, int minutes) {
    WaitEstimate estimate;
    estimate.position = position;
    estimate.minutes = minutes;
    if (minutes <= 0) {
        return estimate;
    }
    estimate.range_min = std::max(0, (minutes * 7 / 10) / 5 * 5);
    estimate.range_max = std::max(estimate.range_min + 5, ((minutes * 13 / 10) + 4) / 5 * 5);
    return estimate;
}

}  // namespace

QueueEngine::QueueEngine(Store& store, const ServerConfig& config, const OfficeTime& office_time,
                         const Clock& clock, EventHub& hub)
    : store_(store), config_(config), office_time_(office_time), clock_(clock), hub_(hub) {}

void QueueEngine::start() {
    std::lock_guard lock(store_.mutex);
    hub_.set_last_id(records::last_event_id(*store_.db));
    mark_board_stale();
}

std::string QueueEngine::service_date() const {
    return office_time_.service_date(clock_.now(), config_.queue.service_day_start_hour);
}

std::string QueueEngine::new_status_token() const {
    // 128 random bits: the token is the only key to a visitor's status page.
    unsigned char bytes[16];
    randombytes_buf(bytes, sizeof bytes);
    char hex[sizeof bytes * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
    return hex;
}

void QueueEngine::record_event(const std::string& name, const std::string& data) {
    const std::int64_t id = records::insert_event(*store_.db, name, data, clock_.now());
    pending_.push_back(StreamEvent{id, name, data});
}

void QueueEngine::publish_pending() {
    for (StreamEvent& event : pending_) {
        hub_.publish(std::move(event));
    }
    pending_.clear();
}

void QueueEngine::record_ticket_event(const std::string& name, const Ticket& ticket) {
    Json data = ticket_event_json(ticket, config_, office_time_);
    record_event(name, data.dump());
}

void QueueEngine::mark_board_stale() {
    // Marked stale here and rebuilt by the next reader, so a state change does not pay for
    // a board that nobody reads before the next change.
    board_stale_.store(true);
}

std::shared_ptr<const QueueEngine::BoardSnapshot> QueueEngine::board() {
    if (board_stale_.load()) {
        std::lock_guard lock(store_.mutex);
        if (board_stale_.exchange(false)) {
            try {
                const auto inputs = records::board_inputs(*store_.db, service_date(), kRecentCalls);
                const std::int64_t last_id = hub_.last_id();
                auto snapshot = std::make_shared<const BoardSnapshot>(BoardSnapshot{
                    build_board_json(inputs, config_, office_time_, last_id, clock_.now()).dump(), last_id});
                std::lock_guard board_lock(board_mutex_);
                board_ = std::move(snapshot);
            } catch (const DatabaseError& error) {
                board_stale_.store(true);
                spdlog::error("board rebuild failed, serving the previous board: {}", error.what());
            }
        }
    }
    std::lock_guard lock(board_mutex_);
    return board_ ? board_ : std::make_shared<const BoardSnapshot>(BoardSnapshot{"{}", 0});
}

Result<IssuedTicket> QueueEngine::check_in(const CheckInRequest& request) {
    const AreaConfig* area = config_.find_area(request.area);
    if (area == nullptr) {
        return fail(ErrorCode::InvalidInput, "area", "error.unknown_area", {{"area", request.area}});
    }
    const TimestampMs now = clock_.now();
    if (config_.enforce_opening_hours) {
        const LocalTime local = office_time_.local(now);
        const auto hours = config_.opening_hours.find(kWeekdayKeys.at(static_cast<size_t>(local.weekday)));
        const std::string clock_text = fmt::format("{:02}:{:02}", local.hour, local.minute);
        if (hours == config_.opening_hours.end() || clock_text < hours->second.open ||
            clock_text >= hours->second.close) {
            return fail(ErrorCode::Conflict, "", "error.office_closed");
        }
    }

    Ticket ticket;
    ticket.area = request.area;
    ticket.purpose = request.purpose;
    ticket.priority = request.priority;
    ticket.kind = TicketKind::WalkIn;
    ticket.summary = request.summary;
    ticket.language = request.language;
    ticket.consent_by = request.consent_by;
    ticket.queued_at = now;
    ticket.created_at = now;

    return commit_check_in([&]() -> Result<IssuedTicket> {
        if (auto repeated = repeated_check_in_locked(request.request_id)) {
            return std::move(*repeated);
        }
        return insert_ticket_in_transaction(ticket, request.visitor, request.consent_version, std::nullopt,
                                            request.request_id);
    });
}

Result<IssuedTicket> QueueEngine::check_in_appointment(AppointmentId appointment_id, const std::string& request_id) {
    const TimestampMs now = clock_.now();
    return commit_check_in([&]() -> Result<IssuedTicket> {
        // Before the appointment's status: a repeat finds it already checked in.
        if (auto repeated = repeated_check_in_locked(request_id)) {
            return std::move(*repeated);
        }
        Database& db = *store_.db;
        Statement stmt = db.prepare(
            "SELECT a.visitor_id, a.area, a.purpose, a.summary, a.starts_at, a.officer_id, a.status, "
            "v.name, v.phone, v.nik, v.passport, v.email, v.institution, v.consent_version "
            "FROM appointments a JOIN visitors v ON v.id = a.visitor_id WHERE a.id = ?1");
        stmt.bind(1, appointment_id);
        if (!stmt.step()) {
            return fail(ErrorCode::NotFound, "booking_code", "error.appointment_not_found");
        }
        const std::string status = stmt.column_text(6);
        const std::string booked_date =
            office_time_.service_date(stmt.column_int(4), config_.queue.service_day_start_hour);
        if (status == "scheduled" && booked_date != office_time_.service_date(now, config_.queue.service_day_start_hour)) {
            return fail(ErrorCode::Conflict, "booking_code", "error.appointment_other_day",
                        {{"date", booked_date}});
        }
        if (status == "cancelled") {
            return fail(ErrorCode::Conflict, "booking_code", "error.appointment_cancelled");
        }
        // The visit is over: served, or called and not come. Waiting would be in vain.
        if (status == "done" || status == "no_show") {
            return fail(ErrorCode::Conflict, "booking_code", "error.appointment_finished");
        }
        if (status != "scheduled") {
            return fail(ErrorCode::Conflict, "booking_code", "error.appointment_checked_in");
        }
        Ticket ticket;
        const std::int64_t visitor_id = stmt.column_int(0);
        ticket.area = stmt.column_text(1);
        ticket.purpose = parse_purpose_names(stmt.column_text(2)).value_or(Purpose::Complaint);
        ticket.summary = stmt.column_text(3);
        ticket.appointment_starts_at = stmt.column_int(4);
        ticket.assigned_officer_id = stmt.column_optional_int(5);
        ticket.appointment_id = appointment_id;
        ticket.kind = TicketKind::Booked;
        ticket.consent_by = ConsentBy::Receptionist;
        ticket.queued_at = now;
        ticket.created_at = now;
        const Visitor visitor{stmt.column_text(7),  stmt.column_text(8),  stmt.column_text(9),
                              stmt.column_text(10), stmt.column_text(11), stmt.column_text(12)};
        const std::string consent_version = stmt.column_text(13);
        stmt.release();
        return insert_ticket_in_transaction(ticket, visitor, consent_version, visitor_id, request_id);
    });
}

// One check-in waiting for the shared commit. `result` is set by the thread that ran the
// batch, under batch_mutex_.
struct QueueEngine::CheckInJob {
    const CheckInWork& work;
    std::optional<Result<IssuedTicket>> result;
};

Result<IssuedTicket> QueueEngine::commit_check_in(const CheckInWork& work) {
    CheckInJob job{work, std::nullopt};
    std::unique_lock lock(batch_mutex_);
    batch_queue_.push_back(&job);
    while (!job.result) {
        if (batch_running_) {
            batch_done_.wait(lock);
            continue;
        }
        // No batch is running: this thread runs every check-in queued so far, its own
        // included, in one transaction. Those that arrive meanwhile wait for the next one.
        batch_running_ = true;
        std::vector<CheckInJob*> jobs = std::exchange(batch_queue_, {});
        lock.unlock();
        std::vector<Result<IssuedTicket>> results = run_check_in_batch(jobs);
        lock.lock();
        for (size_t index = 0; index < jobs.size(); ++index) {
            jobs[index]->result = std::move(results[index]);
        }
        batch_running_ = false;
        batch_done_.notify_all();
    }
    return std::move(*job.result);
}

std::vector<Result<IssuedTicket>> QueueEngine::run_check_in_batch(const std::vector<CheckInJob*>& jobs) {
    std::vector<Result<IssuedTicket>> results;
    results.reserve(jobs.size());
    std::lock_guard lock(store_.mutex);
    Database& db = *store_.db;
    try {
        Transaction transaction(db);
        for (CheckInJob* job : jobs) {
            // A savepoint per check-in: one that fails (a booking code used twice, say)
            // is undone alone and the others in the batch still commit.
            const size_t events_before = pending_.size();
            db.exec("SAVEPOINT check_in");
            Result<IssuedTicket> result = [&]() -> Result<IssuedTicket> {
                try {
                    return job->work();
                } catch (const DatabaseError& error) {
                    return storage_failure(error);
                }
            }();
            if (!result) {
                db.exec("ROLLBACK TO check_in");
                pending_.erase(pending_.begin() + static_cast<std::ptrdiff_t>(events_before), pending_.end());
            }
            db.exec("RELEASE check_in");
            results.push_back(std::move(result));
        }
        transaction.commit();
    } catch (const DatabaseError& error) {
        // Nothing of the batch is stored, so every caller receives the storage failure.
        pending_.clear();
        const auto failure = storage_failure(error);
        results.assign(jobs.size(), failure);
        return results;
    }
    publish_pending();
    mark_board_stale();
    return results;
}

std::optional<IssuedTicket> QueueEngine::repeated_check_in_locked(const std::string& request_id) {
    if (request_id.empty()) {
        return std::nullopt;
    }
    Database& db = *store_.db;
    std::optional<Ticket> ticket = records::find_ticket_by_request(db, request_id);
    if (!ticket) {
        return std::nullopt;
    }
    spdlog::info("check-in request repeated, returning ticket {}", ticket->id);
    const int ahead = ticket->state == TicketState::Waiting ? records::count_waiting_ahead(db, *ticket) : 0;
    const WaitEstimate estimate = estimate_locked(*ticket, ahead);
    return IssuedTicket{std::move(*ticket), estimate};
}

Result<IssuedTicket> QueueEngine::insert_ticket_in_transaction(Ticket ticket, const Visitor& visitor,
                                                               const std::string& consent_version,
                                                               std::optional<std::int64_t> visitor_id,
                                                               const std::string& request_id) {
    const AreaConfig* area = config_.find_area(ticket.area);
    if (area == nullptr) {
        return fail(ErrorCode::InvalidInput, "area", "error.unknown_area", {{"area", ticket.area}});
    }
    if (!visitor_id) {
        visitor_id =
            records::insert_visitor(*store_.db, visitor, ticket.consent_by, consent_version, ticket.created_at);
    }
    if (ticket.appointment_id) {
        Statement appointment = store_.db->prepare(
            "UPDATE appointments SET status = 'checked_in', updated_at = ?2 WHERE id = ?1 AND status = 'scheduled'");
        appointment.bind(1, *ticket.appointment_id).bind(2, ticket.created_at);
        appointment.run();
        if (store_.db->changes() != 1) {
            return fail(ErrorCode::Conflict, "booking_code", "error.appointment_checked_in");
        }
    }
    ticket.service_date = office_time_.service_date(ticket.created_at, config_.queue.service_day_start_hour);
    const int number = records::next_ticket_number(*store_.db, ticket.service_date, ticket.area);
    ticket.code = fmt::format("{}-{:03}", area->prefix, number);
    ticket.status_token = new_status_token();
    ticket.state = TicketState::Waiting;
    ticket.id = records::insert_ticket(*store_.db, ticket, *visitor_id);
    if (ticket.appointment_id) {
        Statement link = store_.db->prepare("UPDATE appointments SET ticket_id = ?2 WHERE id = ?1");
        link.bind(1, *ticket.appointment_id).bind(2, ticket.id);
        link.run();
    }

    const WaitEstimate estimate =
        estimate_locked(ticket, records::count_waiting_before_newest(*store_.db, ticket.area, ticket.priority));
    ticket.estimated_wait_minutes = estimate.minutes;
    Statement store_estimate = store_.db->prepare("UPDATE tickets SET estimated_wait_minutes = ?2 WHERE id = ?1");
    store_estimate.bind(1, ticket.id).bind(2, estimate.minutes);
    store_estimate.run();

    records::insert_history(*store_.db, ticket.id,
                            TicketHistoryEntry{ticket.created_at, "check_in", std::nullopt, TicketState::Waiting,
                                               std::nullopt, std::nullopt, to_string(ticket.kind)});
    if (!request_id.empty()) {
        Statement remember =
            store_.db->prepare("INSERT INTO check_in_requests (request_id, ticket_id, created_at) VALUES (?1, ?2, ?3)");
        remember.bind(1, request_id).bind(2, ticket.id).bind(3, ticket.created_at);
        remember.run();
    }
    record_ticket_event("ticket.updated", ticket);
    ticket.visitor = visitor;
    return IssuedTicket{std::move(ticket), estimate};
}

WaitEstimate QueueEngine::estimate_locked(const Ticket& ticket, int ahead) {
    Database& db = *store_.db;
    const TimestampMs now = clock_.now();

    // Mean of the last 20 services in this area today; the configured default before any.
    Statement services = db.prepare(
        "SELECT AVG(finished_at - started_at) FROM (SELECT finished_at, started_at FROM tickets "
        "WHERE area = ?1 AND service_date = ?2 AND state = 'done' AND started_at IS NOT NULL "
        "ORDER BY finished_at DESC LIMIT 20)");
    services.bind(1, ticket.area).bind(2, ticket.service_date);
    double service_minutes = config_.queue.default_service_minutes;
    if (services.step() && !services.column_is_null(0)) {
        service_minutes = static_cast<double>(services.column_int(0)) / 60'000.0;
    }

    int able = 0;
    for (const Officer& officer : officer_records::list(db, now)) {
        if (officer.role == Role::Officer && officer.status != OfficerStatus::Offline &&
            std::find(officer.areas.begin(), officer.areas.end(), ticket.area) != officer.areas.end()) {
            ++able;
        }
    }
    const int servers = std::max(able, 1);
    const int minutes = static_cast<int>((ahead * service_minutes) / servers + 0.5);
    return make_range(ahead + 1, minutes);
}

Result<WaitEstimate> QueueEngine::estimate(const Ticket& ticket) {
    std::lock_guard lock(store_.mutex);
    try {
        return estimate_locked(ticket, records::count_waiting_ahead(*store_.db, ticket));
    } catch (const DatabaseError& error) {
        return storage_failure(error);
    }
}

Result<std::optional<CallResult>> QueueEngine::call_next(const Actor& actor, const DeskId& desk_id) {
    const DeskConfig* desk = config_.find_desk(desk_id);
    if (desk == nullptr) {
        return fail(ErrorCode::NotFound, "", "error.desk_not_found", {{"desk", desk_id}});
    }
    if (!actor.desk_id || *actor.desk_id != desk_id) {
        return fail(ErrorCode::Forbidden, "", "error.wrong_desk", {{"desk", desk->name}});
    }
    const TimestampMs now = clock_.now();

    std::lock_guard lock(store_.mutex);
    try {
        Database& db = *store_.db;
        auto officer = officer_records::find_by_id(db, actor.officer_id, now);
        if (!officer) {
            return fail(ErrorCode::Unauthorized, "", "error.session_expired");
        }
        if (officer->status == OfficerStatus::Paused) {
            return fail(ErrorCode::Conflict, "", "error.officer_paused");
        }
        if (auto active = records::active_ticket_of_officer(db, officer->id)) {
            return fail(ErrorCode::Conflict, "", "error.officer_busy", {{"code", active->code}});
        }

        Transaction transaction(db);
        auto selected = select_next_locked(*officer, now);
        if (!selected) return tl::unexpected(selected.error());
        if (!*selected) {
            return std::optional<CallResult>{};
        }
        CallResult call = std::move(**selected);
        const TicketState before = call.ticket.state;
        call.ticket.state = TicketState::Called;
        call.ticket.officer_id = officer->id;
        call.ticket.desk_id = desk_id;
        call.ticket.called_at = now;
        call.ticket.selection_rule = call.rule;
        Statement first_call = db.prepare(
            "UPDATE tickets SET first_called_at = COALESCE(first_called_at, ?2) WHERE id = ?1");
        first_call.bind(1, call.ticket.id).bind(2, now);
        first_call.run();
        first_call.release();
        if (!records::update_ticket_state(db, call.ticket, before)) {
            // Cannot happen while the store lock is held; kept as a guard for the invariant.
            return fail(ErrorCode::Conflict, "", "error.ticket_taken", {{"code", call.ticket.code}});
        }
        records::insert_history(db, call.ticket.id,
                                TicketHistoryEntry{now, "call", before, TicketState::Called,
                                                   officer->id, desk_id, to_string(call.rule)});
        record_ticket_event("ticket.called", call.ticket);
        transaction.commit();
        publish_pending();
        mark_board_stale();
        return std::optional<CallResult>(std::move(call));
    } catch (const DatabaseError& error) {
        pending_.clear();
        return storage_failure(error);
    }
}

Result<Ticket> QueueEngine::apply(TicketId id, TicketAction action, const Actor& actor,
                                  const ActionDetails& details) {
    const TimestampMs now = clock_.now();
    std::lock_guard lock(store_.mutex);
    try {
        Database& db = *store_.db;
        auto found = records::find_ticket(db, id);
        if (!found) return ticket_not_found(id);
        Ticket ticket = std::move(*found);
        if (action == TicketAction::Call) {
            // A call always goes through call_next, which picks the ticket and records why.
            return fail(ErrorCode::InvalidInput, "", "error.call_through_desk");
        }
        if (action == TicketAction::Transfer && ticket.state == TicketState::Waiting && actor.role == Role::Officer) {
            // Moving a visitor who waits is the reception's decision.
            return fail(ErrorCode::Forbidden, "", "error.role_forbidden", {{"roles", "receptionist, admin"}});
        }

        // Officers act on the tickets they called; reception and admin may cancel or move any.
        const bool staff_override = actor.role != Role::Officer;
        const bool own = ticket.officer_id && *ticket.officer_id == actor.officer_id;
        const bool needs_owner = action != TicketAction::Cancel &&
                                 !(action == TicketAction::Transfer && ticket.state == TicketState::Waiting);
        if (needs_owner && !own && !(staff_override && actor.role == Role::Admin)) {
            if (ticket.state == TicketState::Waiting || is_final(ticket.state)) {
                auto state_check = next_state(ticket.state, action);
                if (!state_check) return tl::unexpected(state_check.error());
            }
            return fail(ErrorCode::Forbidden, "", "error.not_your_ticket", {{"code", ticket.code}});
        }
        if (action == TicketAction::Cancel && actor.role == Role::Officer && !own) {
            return fail(ErrorCode::Forbidden, "", "error.not_your_ticket", {{"code", ticket.code}});
        }
        if (action == TicketAction::Transfer) {
            return transfer_locked(std::move(ticket), actor, details);
        }
        if (action == TicketAction::Complete && !details.outcome) {
            return fail(ErrorCode::MissingField, "outcome", "error.outcome_required");
        }
        if (action == TicketAction::Complete && *details.outcome == Outcome::Transferred) {
            return fail(ErrorCode::InvalidInput, "outcome", "error.outcome_required");
        }

        auto target = next_state(ticket.state, action);
        if (!target) return tl::unexpected(target.error());
        const TicketState before = ticket.state;
        ticket.state = *target;
        std::string detail;
        std::string event_name = "ticket.updated";
        switch (action) {
            case TicketAction::Recall:
                ++ticket.recall_count;
                event_name = "ticket.recalled";
                detail = std::to_string(ticket.recall_count);
                break;
            case TicketAction::Start:
                ticket.started_at = now;
                break;
            case TicketAction::Complete:
                ticket.finished_at = now;
                ticket.outcome = details.outcome;
                ticket.notes = details.notes;
                detail = to_string(*details.outcome);
                break;
            case TicketAction::NoShow:
                ticket.finished_at = now;
                break;
            case TicketAction::Requeue:
                // Back to waiting at the original place in line, free for any officer.
                ticket.officer_id.reset();
                ticket.desk_id.reset();
                ticket.called_at.reset();
                ticket.selection_rule.reset();
                break;
            case TicketAction::Cancel:
                ticket.finished_at = now;
                ticket.cancel_reason = details.reason;
                detail = details.reason;
                break;
            default:
                break;
        }

        Transaction transaction(db);
        if (!records::update_ticket_state(db, ticket, before)) {
            return fail(ErrorCode::Conflict, "", "error.ticket_taken", {{"code", ticket.code}});
        }
        records::insert_history(db, ticket.id,
                                TicketHistoryEntry{now, to_string(action), before, ticket.state,
                                                   actor.officer_id, actor.desk_id, detail});
        if (ticket.appointment_id && is_final(ticket.state)) {
            Statement appointment = db.prepare("UPDATE appointments SET status = ?2, updated_at = ?3 WHERE id = ?1");
            const AppointmentStatus status = ticket.state == TicketState::NoShow ? AppointmentStatus::NoShow
                                           : ticket.state == TicketState::Cancelled ? AppointmentStatus::Cancelled
                                                                                    : AppointmentStatus::Done;
            appointment.bind(1, *ticket.appointment_id).bind(2, to_string(status)).bind(3, now);
            appointment.run();
        }
        record_ticket_event(event_name, ticket);
        transaction.commit();
        publish_pending();
        mark_board_stale();
        return ticket;
    } catch (const DatabaseError& error) {
        pending_.clear();
        return storage_failure(error);
    }
}

Result<Ticket> QueueEngine::transfer_locked(Ticket ticket, const Actor& actor, const ActionDetails& details) {
    Database& db = *store_.db;
    const TimestampMs now = clock_.now();
    if (!details.area && !details.officer_id) {
        return fail(ErrorCode::MissingField, "area", "error.transfer_target_required");
    }
    if (details.area && config_.find_area(*details.area) == nullptr) {
        return fail(ErrorCode::InvalidInput, "area", "error.unknown_area", {{"area", *details.area}});
    }
    if (details.officer_id) {
        auto officer = officer_records::find_by_id(db, *details.officer_id, now);
        if (!officer || !officer->active || officer->role != Role::Officer) {
            return fail(ErrorCode::InvalidInput, "officer_id", "error.officer_not_found",
                        {{"id", std::to_string(*details.officer_id)}});
        }
    }

    Transaction transaction(db);
    if (ticket.state == TicketState::Waiting) {
        // Reception moves a waiting visitor: same ticket, new area or officer.
        const TicketState before = ticket.state;
        if (details.area) ticket.area = *details.area;
        ticket.assigned_officer_id = details.officer_id;
        if (!records::update_ticket_state(db, ticket, before)) {
            return fail(ErrorCode::Conflict, "", "error.ticket_taken", {{"code", ticket.code}});
        }
        records::insert_history(db, ticket.id,
                                TicketHistoryEntry{now, "move", before, before, actor.officer_id,
                                                   actor.desk_id, ticket.area});
        record_ticket_event("ticket.updated", ticket);
        transaction.commit();
        publish_pending();
        mark_board_stale();
        return ticket;
    }

    auto target = next_state(ticket.state, TicketAction::Transfer);
    if (!target) return tl::unexpected(target.error());
    const TicketState before = ticket.state;
    Ticket done = ticket;
    done.state = *target;
    done.finished_at = now;
    done.outcome = Outcome::Transferred;
    if (!records::update_ticket_state(db, done, before)) {
        return fail(ErrorCode::Conflict, "", "error.ticket_taken", {{"code", ticket.code}});
    }
    records::insert_history(db, done.id,
                            TicketHistoryEntry{now, "transfer", before, done.state, actor.officer_id,
                                               actor.desk_id, details.area.value_or(done.area)});
    record_ticket_event("ticket.updated", done);

    // The follow-up ticket keeps the code and the original queue time, so the visitor
    // does not start again at the back of the line.
    Ticket next;
    next.code = ticket.code;
    next.service_date = ticket.service_date;
    next.area = details.area.value_or(ticket.area);
    next.purpose = ticket.purpose;
    next.priority = ticket.priority;
    next.kind = ticket.kind;
    next.summary = ticket.summary;
    next.language = ticket.language;
    next.consent_by = ticket.consent_by;
    next.assigned_officer_id = details.officer_id;
    next.appointment_id = ticket.appointment_id;
    next.previous_ticket_id = ticket.id;
    next.status_token = new_status_token();
    next.queued_at = ticket.queued_at;
    next.created_at = now;
    next.state = TicketState::Waiting;
    Statement visitor = db.prepare("SELECT visitor_id FROM tickets WHERE id = ?1");
    visitor.bind(1, ticket.id);
    visitor.step();
    const std::int64_t visitor_id = visitor.column_int(0);
    visitor.release();
    next.id = records::insert_ticket(db, next, visitor_id);
    records::insert_history(db, next.id,
                            TicketHistoryEntry{now, "transfer_in", std::nullopt, TicketState::Waiting,
                                               actor.officer_id, actor.desk_id,
                                               "from ticket " + std::to_string(ticket.id)});
    record_ticket_event("ticket.updated", next);
    transaction.commit();
    publish_pending();
    mark_board_stale();
    next.visitor = ticket.visitor;
    return next;
}

Result<Ticket> QueueEngine::set_priority(TicketId id, Priority priority, const Actor& actor) {
    const TimestampMs now = clock_.now();
    std::lock_guard lock(store_.mutex);
    try {
        Database& db = *store_.db;
        auto found = records::find_ticket(db, id);
        if (!found) return ticket_not_found(id);
        Ticket ticket = std::move(*found);
        if (ticket.state != TicketState::Waiting) {
            return fail(ErrorCode::Conflict, "", "error.state_conflict",
                        {{"action", "priority"}, {"state", to_string(ticket.state)}});
        }
        Transaction transaction(db);
        ticket.priority = priority;
        if (!records::update_ticket_state(db, ticket, TicketState::Waiting)) {
            return fail(ErrorCode::Conflict, "", "error.ticket_taken", {{"code", ticket.code}});
        }
        records::insert_history(db, ticket.id,
                                TicketHistoryEntry{now, "priority", ticket.state, ticket.state,
                                                   actor.officer_id, actor.desk_id, to_string(priority)});
        record_ticket_event("ticket.updated", ticket);
        transaction.commit();
        publish_pending();
        mark_board_stale();
        return ticket;
    } catch (const DatabaseError& error) {
        pending_.clear();
        return storage_failure(error);
    }
}

Result<Ticket> QueueEngine::find(TicketId id) {
    return read_locked(store_, [id](Database& db) -> Result<Ticket> {
        auto ticket = records::find_ticket(db, id);
        if (!ticket) return ticket_not_found(id);
        return std::move(*ticket);
    });
}

Result<std::optional<Ticket>> QueueEngine::find_by_request(const std::string& request_id) {
    return read_locked(store_, [&request_id](Database& db) -> Result<std::optional<Ticket>> {
        return records::find_ticket_by_request(db, request_id);
    });
}

Result<Ticket> QueueEngine::find_by_token(TicketId id, const std::string& token) {
    auto ticket = find(id);
    // The same error for a wrong token as for a missing ticket, so ids cannot be probed.
    if (!ticket || token.size() != ticket->status_token.size() ||
        sodium_memcmp(token.data(), ticket->status_token.data(), token.size()) != 0) {
        return ticket_not_found(id);
    }
    return ticket;
}

Result<Ticket> QueueEngine::find_follow_up(TicketId id) {
    return read_locked(store_, [id](Database& db) -> Result<Ticket> {
        auto ticket = records::follow_up_ticket(db, id);
        if (!ticket) return ticket_not_found(id);
        return std::move(*ticket);
    });
}

Result<std::vector<TicketHistoryEntry>> QueueEngine::history(TicketId id) {
    return read_locked(store_, [id](Database& db) -> Result<std::vector<TicketHistoryEntry>> {
        return records::ticket_history(db, id);
    });
}

Result<std::vector<Ticket>> QueueEngine::today() {
    const std::string date = service_date();
    return read_locked(store_, [&date](Database& db) -> Result<std::vector<Ticket>> {
        return records::list_open_and_day(db, date);
    });
}

}  // namespace antrean::server
