#include "engine/board.hpp"

namespace antrean::server {
namespace {

using Json = nlohmann::json;

Json optional_time(const std::optional<TimestampMs>& instant, const OfficeTime& office_time) {
    return instant ? Json(office_time.rfc3339(*instant)) : Json(nullptr);
}

Json call_json(const Ticket& ticket, const ServerConfig& config, const OfficeTime& office_time) {
    return Json{{"ticket_code", ticket.code},
                {"area", ticket.area},
                {"desk", desk_json(ticket.desk_id, config)},
                {"state", to_string(ticket.state)},
                {"called_at", optional_time(ticket.called_at, office_time)},
                {"recall_count", ticket.recall_count}};
}

}  // namespace

Json desk_json(const std::optional<DeskId>& desk_id, const ServerConfig& config) {
    if (!desk_id) return nullptr;
    const DeskConfig* desk = config.find_desk(*desk_id);
    if (desk == nullptr) return Json{{"id", *desk_id}, {"name", *desk_id}, {"location", ""}};
    return Json{{"id", desk->id}, {"name", desk->name}, {"location", desk->location}};
}

Json ticket_event_json(const Ticket& ticket, const ServerConfig& config, const OfficeTime& office_time) {
    return Json{
        {"ticket_id", ticket.id},
        {"ticket_code", ticket.code},
        {"area", ticket.area},
        {"state", to_string(ticket.state)},
        {"priority", to_string(ticket.priority)},
        {"desk", desk_json(ticket.desk_id, config)},
        {"called_at", optional_time(ticket.called_at, office_time)},
        {"recall_count", ticket.recall_count},
        {"previous_ticket_id", ticket.previous_ticket_id ? Json(*ticket.previous_ticket_id) : Json(nullptr)},
    };
}

Json build_board_json(const records::BoardInputs& inputs, const ServerConfig& config,
                      const OfficeTime& office_time, std::int64_t last_event_id, TimestampMs now) {
    Json calls = Json::array();
    for (const Ticket& ticket : inputs.active) {
        calls.push_back(call_json(ticket, config, office_time));
    }

    Json desks = Json::array();
    for (const DeskConfig& desk : config.desks) {
        Json entry{{"id", desk.id}, {"name", desk.name}, {"location", desk.location},
                   {"ticket_code", nullptr}, {"state", nullptr}};
        for (const Ticket& ticket : inputs.active) {
            if (ticket.desk_id == desk.id) {
                entry["ticket_code"] = ticket.code;
                entry["state"] = to_string(ticket.state);
                break;
            }
        }
        desks.push_back(std::move(entry));
    }

    Json recent = Json::array();
    for (const Ticket& ticket : inputs.recent) {
        recent.push_back(call_json(ticket, config, office_time));
    }

    // Every configured area appears, with 0 when nobody waits.
    Json waiting = Json::object();
    for (const AreaConfig& area : config.areas) {
        waiting[area.id] = 0;
    }
    for (const auto& [area, count] : inputs.waiting) {
        waiting[area] = count;
    }
    return Json{{"calls", std::move(calls)},   {"desks", std::move(desks)},
                {"waiting", std::move(waiting)}, {"recent", std::move(recent)},
                {"last_event_id", last_event_id}, {"generated_at", office_time.rfc3339(now)}};
}

}  // namespace antrean::server
