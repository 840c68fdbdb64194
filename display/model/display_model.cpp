#include "model/display_model.hpp"

#include <algorithm>

#include "domain/office_time.hpp"

namespace antrean::display {
namespace {

std::optional<TimestampMs> parse_time(const std::string& rfc3339) {
    if (rfc3339.empty()) {
        return std::nullopt;
    }
    const Result<TimestampMs> parsed = parse_rfc3339(rfc3339);
    if (!parsed) {
        return std::nullopt;
    }
    return *parsed;
}

bool has_left_desk(TicketState state) {
    return state == TicketState::Done || state == TicketState::NoShow ||
           state == TicketState::Cancelled || state == TicketState::Waiting;
}

PanelSet all_panels() {
    return PanelSet().set();
}

}  // namespace

std::string call_key(const std::string& ticket_code, const std::string& called_at,
                     int recall_count) {
    return ticket_code + "|" + called_at + "|" + std::to_string(recall_count);
}

DisplayModel::DisplayModel(AreaFilter filter, TimestampMs started_at)
    : filter_(std::move(filter)), started_at_(started_at) {}

ModelChange DisplayModel::apply_config(const OfficeConfig& config) {
    config_ = config;
    if (!has_board_) {
        rebuild_desks_from_config();
    }

    // Order the waiting counts as the configuration lists the areas, keeping known counts.
    std::vector<WaitingCount> waiting;
    for (const AreaInfo& area : config.areas) {
        if (!filter_.shows(area.id)) {
            continue;
        }
        WaitingCount entry{area.id, std::nullopt};
        for (const WaitingCount& known : waiting_) {
            if (known.area == area.id) {
                entry.count = known.count;
            }
        }
        waiting.push_back(entry);
    }
    waiting_ = std::move(waiting);

    // Names, the zone and the area list may all differ, so everything is redrawn.
    return ModelChange{all_panels(), false};
}

void DisplayModel::rebuild_desks_from_config() {
    desks_.clear();
    for (const DeskInfo& desk : config_->desks) {
        desks_.push_back(DeskStatus{desk.id, desk.name, std::nullopt, std::nullopt});
    }
}

ModelChange DisplayModel::apply_board(const protocol::Board& board, BoardSource source,
                                      TimestampMs now) {
    ModelChange change;
    if (source == BoardSource::Fetched && has_board_ && board.last_event_id < last_event_id_) {
        return change;
    }
    if (source == BoardSource::Stream) {
        // A snapshot from the stream may come from a server whose event ids started again.
        last_event_id_ = board.last_event_id;
    } else {
        last_event_id_ = std::max(last_event_id_, board.last_event_id);
    }
    if (!has_board_) {
        has_board_ = true;
        change.panels |= panels({Panel::Call, Panel::Desks, Panel::Waiting, Panel::Recent});
    }

    // The area of each ticket on the board, because desks carry only the ticket code.
    std::map<std::string, AreaId> area_of;
    for (const protocol::BoardCall& call : board.recent) {
        area_of[call.ticket_code] = call.area;
        ticket_states_[call.ticket_code] = call.state;
    }
    for (const protocol::BoardCall& call : board.calls) {
        area_of[call.ticket_code] = call.area;
        ticket_states_[call.ticket_code] = call.state;
    }

    // Desks.
    std::vector<DeskStatus> desks;
    for (const protocol::BoardDesk& desk : board.desks) {
        DeskStatus status{desk.desk.id, desk.desk.name, desk.ticket_code, desk.state};
        const auto area = desk.ticket_code ? area_of.find(*desk.ticket_code) : area_of.end();
        if (area != area_of.end() && !filter_.shows(area->second)) {
            status.ticket_code.reset();
            status.state.reset();
        }
        desks.push_back(std::move(status));
    }
    if (desks != desks_) {
        desks_ = std::move(desks);
        change.panels |= panels({Panel::Desks});
    }

    // Waiting counts, in configuration order when the configuration is known.
    std::vector<WaitingCount> waiting;
    if (config_) {
        for (const AreaInfo& area : config_->areas) {
            const auto count = board.waiting.find(area.id);
            if (filter_.shows(area.id)) {
                waiting.push_back(WaitingCount{
                    area.id, count == board.waiting.end() ? 0 : std::optional<int>(count->second)});
            }
        }
    }
    for (const auto& [area, count] : board.waiting) {
        const bool listed = std::any_of(waiting.begin(), waiting.end(),
                                        [&](const WaitingCount& entry) { return entry.area == area; });
        if (!listed && filter_.shows(area)) {
            waiting.push_back(WaitingCount{area, count});
        }
    }
    if (waiting != waiting_) {
        waiting_ = std::move(waiting);
        change.panels |= panels({Panel::Waiting});
    }

    // Calls waiting for their visitor that this screen has not announced yet. A call is known
    // once, whether it came first through an event or through a snapshot.
    const TimestampMs announce_from = started_at_ - kStartupLookbackMs;
    for (const protocol::BoardCall& call : board.calls) {
        if (!filter_.shows(call.area) || call.state != TicketState::Called) {
            continue;
        }
        const std::optional<TimestampMs> called_at = parse_time(call.called_at);
        const bool recent_enough = called_at && *called_at >= announce_from;
        note_call(call.ticket_code, call.called_at, call.recall_count,
                  call.desk ? call.desk->name : std::string{}, call.recall_count > 0,
                  is_late(call.called_at, now),
                  recent_enough ? AnnouncePolicy::Announce : AnnouncePolicy::OnlyMissedRecall);
    }
    // Everything else on the board is on screen now and must not be announced later.
    for (const protocol::BoardCall& call : board.recent) {
        if (filter_.shows(call.area)) {
            note_call(call.ticket_code, call.called_at, call.recall_count,
                      call.desk ? call.desk->name : std::string{}, false, false,
                      AnnouncePolicy::Never);
        }
    }

    // The recent calls and the featured call.
    std::vector<protocol::BoardCall> recent;
    for (const protocol::BoardCall& call : board.recent) {
        if (filter_.shows(call.area) && recent.size() < kMaxRecentCalls) {
            recent.push_back(call);
        }
    }
    const auto same_calls = [](const std::vector<protocol::BoardCall>& left,
                               const std::vector<protocol::BoardCall>& right) {
        return std::equal(left.begin(), left.end(), right.begin(), right.end(),
                          [](const protocol::BoardCall& a, const protocol::BoardCall& b) {
                              return a.ticket_code == b.ticket_code && a.called_at == b.called_at &&
                                     a.recall_count == b.recall_count && a.state == b.state &&
                                     (a.desk ? a.desk->name : "") == (b.desk ? b.desk->name : "");
                          });
    };
    if (!same_calls(recent, recent_)) {
        recent_ = std::move(recent);
        change.panels |= panels({Panel::Recent});
    }
    update_featured_from_recent(change);
    return change;
}

void DisplayModel::update_featured_from_recent(ModelChange& change) {
    if (recent_.empty()) {
        if (featured_) {
            featured_.reset();
            change.panels |= panels({Panel::Call, Panel::Recent});
        }
        return;
    }

    const protocol::BoardCall& newest = recent_.front();
    const bool featured_on_board =
        featured_ && std::any_of(recent_.begin(), recent_.end(), [&](const protocol::BoardCall& call) {
            return call.ticket_code == featured_->ticket_code && call.called_at == featured_->called_at;
        });
    if (featured_on_board && !is_newer_than_featured(newest)) {
        return;
    }

    FeaturedCall next{newest.ticket_code, newest.area,
                      newest.desk ? newest.desk->name : std::string{}, newest.called_at,
                      newest.recall_count, newest.state};
    if (featured_ && *featured_ == next) {
        return;
    }
    // A call that this snapshot just queued for announcement is new to the screen, so it
    // flashes as well.
    const std::string key = call_key(next.ticket_code, next.called_at, next.recall_count);
    change.new_call = change.new_call ||
                      std::any_of(pending_.begin(), pending_.end(),
                                  [&](const PendingAnnouncement& pending) { return pending.key == key; });
    featured_ = std::move(next);
    change.panels |= panels({Panel::Call, Panel::Recent});
}

bool DisplayModel::is_newer_than_featured(const protocol::BoardCall& call) const {
    if (!featured_) {
        return true;
    }
    if (call.ticket_code == featured_->ticket_code && call.called_at == featured_->called_at) {
        return call.recall_count > featured_->recall_count;
    }
    const std::optional<TimestampMs> candidate = parse_time(call.called_at);
    const std::optional<TimestampMs> current = parse_time(featured_->called_at);
    if (!candidate || !current) {
        return candidate.has_value();
    }
    return *candidate > *current;
}

ModelChange DisplayModel::apply_event(TicketEventKind kind, const protocol::TicketEvent& event,
                                      std::int64_t event_id, TimestampMs now) {
    ModelChange change;
    last_event_id_ = std::max(last_event_id_, event_id);
    ticket_states_[event.ticket_code] = event.state;

    if (kind == TicketEventKind::Updated) {
        // The visitor reached the desk, or the ticket left it.
        if (event.state == TicketState::Serving && event.desk && filter_.shows(event.area)) {
            set_desk(event.desk, event.ticket_code, TicketState::Serving);
            change.panels |= panels({Panel::Desks});
        } else if (has_left_desk(event.state) && clear_desks_holding(event.ticket_code)) {
            change.panels |= panels({Panel::Desks});
        }
        for (protocol::BoardCall& call : recent_) {
            if (call.ticket_code == event.ticket_code) {
                call.state = event.state;
            }
        }
        if (featured_ && featured_->ticket_code == event.ticket_code) {
            featured_->state = event.state;
        }
        return change;
    }

    // A call or a recall.
    if (!filter_.shows(event.area)) {
        return change;
    }
    const std::string desk_name = event.desk ? event.desk->name : std::string{};
    const std::string called_at = event.called_at.value_or("");

    clear_desks_holding(event.ticket_code);
    set_desk(event.desk, event.ticket_code, TicketState::Called);

    protocol::BoardCall call{event.ticket_code, event.area, event.desk, TicketState::Called,
                             called_at, event.recall_count};
    std::erase_if(recent_, [&](const protocol::BoardCall& known) {
        return known.ticket_code == event.ticket_code;
    });
    recent_.insert(recent_.begin(), call);
    if (recent_.size() > kMaxRecentCalls) {
        recent_.resize(kMaxRecentCalls);
    }

    featured_ = FeaturedCall{event.ticket_code, event.area, desk_name, called_at,
                             event.recall_count, TicketState::Called};
    change.new_call = note_call(event.ticket_code, called_at, event.recall_count, desk_name,
                                kind == TicketEventKind::Recalled, is_late(called_at, now),
                                AnnouncePolicy::Announce);
    change.panels |= panels({Panel::Call, Panel::Desks, Panel::Recent});
    return change;
}

ModelChange DisplayModel::set_connected(bool connected) {
    ModelChange change;
    connected_ = connected;
    const bool lost = !connected;
    if (lost != connection_lost_) {
        connection_lost_ = lost;
        // The banner takes a row of its own, so the whole layout moves.
        change.panels = all_panels();
    }
    return change;
}

void DisplayModel::set_desk(const std::optional<protocol::DeskRef>& desk,
                            const std::string& ticket_code, TicketState state) {
    if (!desk) {
        return;
    }
    for (DeskStatus& status : desks_) {
        if (status.id == desk->id) {
            status.ticket_code = ticket_code;
            status.state = state;
            return;
        }
    }
}

bool DisplayModel::clear_desks_holding(const std::string& ticket_code) {
    bool changed = false;
    for (DeskStatus& status : desks_) {
        if (status.ticket_code == ticket_code) {
            status.ticket_code.reset();
            status.state.reset();
            changed = true;
        }
    }
    return changed;
}

bool DisplayModel::note_call(const std::string& ticket_code, const std::string& called_at,
                             int recall_count, const std::string& desk_name, bool recall,
                             bool late, AnnouncePolicy policy) {
    const std::string key = call_key(ticket_code, called_at, recall_count);
    if (known_call_keys_.count(key) > 0) {
        return false;
    }
    known_call_keys_.insert(key);
    key_codes_[key] = ticket_code;

    const std::string call_id = ticket_code + "|" + called_at;
    const auto previous = recall_counts_.find(call_id);
    const bool missed_recall = previous != recall_counts_.end() && previous->second < recall_count;
    if (previous == recall_counts_.end() || previous->second <= recall_count) {
        recall_counts_[call_id] = recall_count;
        latest_key_of_code_[ticket_code] = key;
    }
    const bool announce = policy == AnnouncePolicy::Announce ||
                          (policy == AnnouncePolicy::OnlyMissedRecall && missed_recall);
    if (!announce) {
        return false;
    }

    pending_.push_back(PendingAnnouncement{key, CallAnnouncement{ticket_code, desk_name, recall}, late});
    return true;
}

bool DisplayModel::is_late(const std::string& called_at, TimestampMs now) const {
    const std::optional<TimestampMs> time = parse_time(called_at);
    return time && *time < now - kLateAfterMs;
}

std::vector<PendingAnnouncement> DisplayModel::take_announcements() {
    std::vector<PendingAnnouncement> result;
    for (size_t i = 0; i < pending_.size(); ++i) {
        const PendingAnnouncement& pending = pending_[i];
        if (pending.late) {
            // One late announcement per ticket is enough: the newest call or recall.
            const bool superseded =
                std::any_of(pending_.begin() + static_cast<std::ptrdiff_t>(i) + 1, pending_.end(),
                            [&](const PendingAnnouncement& later) {
                                return later.call.ticket_code == pending.call.ticket_code;
                            });
            if (superseded || !still_called(pending.key)) {
                continue;
            }
        }
        result.push_back(pending);
    }
    pending_.clear();
    return result;
}

bool DisplayModel::still_called(const std::string& key) const {
    const auto code = key_codes_.find(key);
    if (code == key_codes_.end()) {
        return false;
    }
    const auto state = ticket_states_.find(code->second);
    const auto latest = latest_key_of_code_.find(code->second);
    return state != ticket_states_.end() && state->second == TicketState::Called &&
           latest != latest_key_of_code_.end() && latest->second == key;
}

std::vector<RecentCall> DisplayModel::previous_calls() const {
    std::vector<RecentCall> calls;
    for (const protocol::BoardCall& call : recent_) {
        if (featured_ && call.ticket_code == featured_->ticket_code &&
            call.called_at == featured_->called_at) {
            continue;
        }
        calls.push_back(RecentCall{call.ticket_code, call.desk ? call.desk->name : std::string{}});
    }
    return calls;
}

}  // namespace antrean::display
