#include <spdlog/spdlog.h>

#include "http/routes.hpp"
#include "storage/records.hpp"

namespace antrean::server::http {
namespace {

// A comment line at least this often keeps idle streams alive; cpp-httplib clients give
// up on a read after 5 s by default.
constexpr int kHeartbeatMs = 3000;
constexpr int kReplayBatch = 500;

bool write_text(httplib::DataSink& sink, const std::string& text) {
    return sink.is_writable() && sink.write(text.data(), text.size());
}

bool write_event(httplib::DataSink& sink, std::int64_t id, const std::string& name, const std::string& data) {
    return write_text(sink, "id: " + std::to_string(id) + "\nevent: " + name + "\ndata: " + data + "\n\n");
}

bool write_board(httplib::DataSink& sink, QueueEngine& engine, std::int64_t& last_sent) {
    const auto board = engine.board();
    last_sent = board->last_event_id;
    return write_event(sink, board->last_event_id, "board", board->json);
}

// Sends the stored events after `last_sent`; false when the client is gone.
enum class ReplayResult { Sent, Snapshot, ClientGone };
ReplayResult replay_from_table(httplib::DataSink& sink, QueueEngine& engine, std::int64_t& last_sent) {
    while (true) {
        std::vector<records::EventRow> rows;
        {
            std::lock_guard lock(engine.store().mutex);
            try {
                rows = records::events_after(*engine.store().db, last_sent, kReplayBatch);
            } catch (const DatabaseError& error) {
                spdlog::error("event replay failed: {}", error.what());
                return write_board(sink, engine, last_sent) ? ReplayResult::Snapshot : ReplayResult::ClientGone;
            }
        }
        // Rows missing before the first one mean the table was pruned: only a snapshot
        // can bring the client up to date.
        if (!rows.empty() && rows.front().id > last_sent + 1 && last_sent > 0) {
            return write_board(sink, engine, last_sent) ? ReplayResult::Snapshot : ReplayResult::ClientGone;
        }
        for (const records::EventRow& row : rows) {
            if (!write_event(sink, row.id, row.name, row.data)) return ReplayResult::ClientGone;
            last_sent = row.id;
        }
        if (rows.size() < static_cast<size_t>(kReplayBatch)) return ReplayResult::Sent;
    }
}

std::optional<std::int64_t> resume_id(const httplib::Request& request) {
    std::string text = request.get_header_value("Last-Event-ID");
    // EventSource in a browser cannot set headers on its first request.
    if (text.empty()) text = request.get_param_value("last_event_id");
    if (text.empty()) return std::nullopt;
    if (text == "0") return 0;
    return parse_id(text);
}

}  // namespace

void register_event_routes(httplib::Server& server, Services& services) {
    server.Get("/api/v1/events", [&services](const httplib::Request& request, httplib::Response& response) {
        const std::optional<std::int64_t> resume = resume_id(request);
        response.set_header("Cache-Control", "no-store");
        response.set_header("X-Accel-Buffering", "no");
        response.set_chunked_content_provider(
            "text/event-stream",
            [&services, resume, started = false, last_sent = std::int64_t{0}](
                size_t, httplib::DataSink& sink) mutable {
                QueueEngine& engine = services.engine;
                if (!started) {
                    started = true;
                    if (!write_text(sink, "retry: 2000\n\n")) return false;
                    if (!resume || *resume > engine.hub().last_id()) {
                        // New client, or an id from another database: start from a snapshot.
                        if (!write_board(sink, engine, last_sent)) return false;
                    } else {
                        last_sent = *resume;
                        if (replay_from_table(sink, engine, last_sent) == ReplayResult::ClientGone) return false;
                    }
                }
                const auto waited = engine.hub().wait_after(last_sent, kHeartbeatMs);
                switch (waited.status) {
                    case EventHub::WaitStatus::Closed:
                        sink.done();
                        return false;
                    case EventHub::WaitStatus::Timeout:
                        return write_text(sink, ": keep-alive\n\n");
                    case EventHub::WaitStatus::Gap:
                        return replay_from_table(sink, engine, last_sent) != ReplayResult::ClientGone;
                    case EventHub::WaitStatus::Events:
                        for (const StreamEvent& event : waited.events) {
                            if (!write_event(sink, event.id, event.name, event.data)) return false;
                            last_sent = event.id;
                        }
                        return true;
                }
                return false;
            });
    });
}

}  // namespace antrean::server::http
