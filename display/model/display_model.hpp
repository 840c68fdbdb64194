#pragma once

#include <array>
#include <bitset>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/types.hpp"
#include "model/office_config.hpp"
#include "model/spoken_text.hpp"
#include "protocol/public_views.hpp"

// What the wall display knows about the queue: the last board, the newest call, the
// connection, and which calls still have to be announced. It is fed by the server link on the
// display's main thread and includes no SFML, so its rules are tested directly.
namespace antrean::display {

// The parts of the screen. An update returns the ones it changed, and only those are redrawn.
enum class Panel { Header, Clock, Banner, Call, Desks, Waiting, Recent, Ticker, kCount };
using PanelSet = std::bitset<static_cast<size_t>(Panel::kCount)>;

inline PanelSet panels(std::initializer_list<Panel> list) {
    PanelSet set;
    for (const Panel panel : list) {
        set.set(static_cast<size_t>(panel));
    }
    return set;
}
inline bool contains(const PanelSet& set, Panel panel) {
    return set.test(static_cast<size_t>(panel));
}

// The service areas one screen shows. An empty list shows every area.
class AreaFilter {
public:
    AreaFilter() = default;
    explicit AreaFilter(std::vector<AreaId> areas) : areas_(areas.begin(), areas.end()) {}

    bool shows(const AreaId& area) const { return areas_.empty() || areas_.count(area) > 0; }
    bool shows_all() const { return areas_.empty(); }
    const std::set<AreaId>& areas() const { return areas_; }

private:
    std::set<AreaId> areas_;
};

// The call shown very large: the newest one this screen knows.
struct FeaturedCall {
    std::string ticket_code;
    AreaId area;
    std::string desk_name;
    std::string called_at;  // RFC 3339, as the server sent it
    int recall_count = 0;
    TicketState state = TicketState::Called;

    bool operator==(const FeaturedCall&) const = default;
};

struct DeskStatus {
    DeskId id;
    std::string name;
    std::optional<std::string> ticket_code;
    std::optional<TicketState> state;

    bool operator==(const DeskStatus&) const = default;
};

struct WaitingCount {
    AreaId area;
    std::optional<int> count;  // unknown until the first board arrives

    bool operator==(const WaitingCount&) const = default;
};

struct RecentCall {
    std::string ticket_code;
    std::string desk_name;

    bool operator==(const RecentCall&) const = default;
};

// A call that the display decided to announce.
struct PendingAnnouncement {
    // The ticket code, call time and recall count. A call and each of its recalls have
    // their own key, and each key is announced at most once.
    std::string key;
    CallAnnouncement call;
    // Late calls are those made while the display was not connected, or first seen in a
    // snapshot. One whose ticket has left the Called state before its turn is not announced,
    // because the visitor has already reached the desk.
    bool late = false;
};

enum class TicketEventKind { Called, Recalled, Updated, kCount };
enum class BoardSource { Stream, Fetched, kCount };

// What an update changed.
struct ModelChange {
    PanelSet panels;
    // A call or recall that this screen had not shown yet, which starts the visual flash.
    bool new_call = false;

    ModelChange& operator|=(const ModelChange& other) {
        panels |= other.panels;
        new_call = new_call || other.new_call;
        return *this;
    }
};

class DisplayModel {
public:
    // A call older than this when it reaches the display is treated as late.
    static constexpr TimestampMs kLateAfterMs = 10'000;
    // Calls made up to this long before the display started are still announced when the
    // first snapshot shows them waiting for their visitor, so a restarted display repeats them.
    static constexpr TimestampMs kStartupLookbackMs = 60'000;
    static constexpr size_t kMaxRecentCalls = 10;

    // `started_at` is the display's wall clock at start. The server's call times are compared
    // with it, so the two clocks are assumed to agree within a few seconds (NTP on one LAN).
    DisplayModel(AreaFilter filter, TimestampMs started_at);

    ModelChange apply_config(const OfficeConfig& config);
    // Takes a board snapshot. A `Stream` snapshot (the event stream's `board` event) is always
    // applied. A `Fetched` one (GET /api/v1/board) older than the last applied event is
    // skipped, because the event that made it stale has already asked for a newer one.
    ModelChange apply_board(const protocol::Board& board, BoardSource source, TimestampMs now);
    // `event_id` is the stream's event id, 0 when unknown.
    ModelChange apply_event(TicketEventKind kind, const protocol::TicketEvent& event,
                            std::int64_t event_id, TimestampMs now);
    ModelChange set_connected(bool connected);

    // Returns the announcements decided since the last call, oldest first, without the late
    // ones whose ticket is no longer called.
    std::vector<PendingAnnouncement> take_announcements();
    // Returns whether the ticket of announcement `key` is still in the Called state with that
    // call, so a queued late announcement can be withdrawn once it is not.
    bool still_called(const std::string& key) const;

    const AreaFilter& filter() const { return filter_; }
    const std::optional<OfficeConfig>& config() const { return config_; }
    bool connected() const { return connected_; }
    bool has_board() const { return has_board_; }
    // True after a connection attempt failed and until the stream is connected again.
    bool connection_lost() const { return connection_lost_; }

    const std::optional<FeaturedCall>& featured() const { return featured_; }
    // Every configured desk in configuration order, with its ticket when that ticket's area
    // is shown on this screen.
    const std::vector<DeskStatus>& desks() const { return desks_; }
    // The shown areas in configuration order.
    const std::vector<WaitingCount>& waiting() const { return waiting_; }
    // The calls before the featured one, newest first.
    std::vector<RecentCall> previous_calls() const;

private:
    struct KnownCall {
        std::string ticket_code;
        int recall_count = 0;
    };

    void rebuild_desks_from_config();
    void set_desk(const std::optional<protocol::DeskRef>& desk, const std::string& ticket_code,
                  TicketState state);
    bool clear_desks_holding(const std::string& ticket_code);
    // Records a call and, when it is new and `policy` allows, queues its announcement.
    // Returns whether an announcement was queued.
    enum class AnnouncePolicy { Announce, OnlyMissedRecall, Never, kCount };
    bool note_call(const std::string& ticket_code, const std::string& called_at,
                   int recall_count, const std::string& desk_name, bool recall, bool late,
                   AnnouncePolicy policy);
    bool is_late(const std::string& called_at, TimestampMs now) const;
    bool is_newer_than_featured(const protocol::BoardCall& call) const;
    void update_featured_from_recent(ModelChange& change);

    AreaFilter filter_;
    TimestampMs started_at_;
    std::optional<OfficeConfig> config_;

    bool connected_ = false;
    bool connection_lost_ = false;
    bool has_board_ = false;

    std::optional<FeaturedCall> featured_;
    std::vector<DeskStatus> desks_;
    std::vector<WaitingCount> waiting_;
    std::vector<protocol::BoardCall> recent_;  // newest first, shown areas only
    std::int64_t last_event_id_ = 0;

    // Latest known state of each ticket code seen today.
    std::map<std::string, TicketState> ticket_states_;
    // Keys of every call that was announced or already on screen, and the recall count last
    // seen for each ticket code and call time, which tells a missed recall from a known call.
    std::set<std::string> known_call_keys_;
    std::map<std::string, int> recall_counts_;
    std::map<std::string, std::string> key_codes_;         // announcement key -> ticket code
    std::map<std::string, std::string> latest_key_of_code_;  // ticket code -> newest call key
    std::vector<PendingAnnouncement> pending_;
};

// The announcement key of one call: ticket code, call time and recall count.
std::string call_key(const std::string& ticket_code, const std::string& called_at,
                     int recall_count);

}  // namespace antrean::display
