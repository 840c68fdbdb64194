#include "protocol/public_views.hpp"

namespace antrean::protocol {
namespace {

using Json = nlohmann::json;

// Thrown inside the parsers and turned into an Error at their edge, so each field read
// stays one line.
struct FieldError {
    std::string field;
};

const Json& member(const Json& json, const std::string& key, const std::string& path) {
    if (!json.is_object() || !json.contains(key)) throw FieldError{path + key};
    return json[key];
}

std::string text(const Json& json, const std::string& key, const std::string& path) {
    const Json& value = member(json, key, path);
    if (!value.is_string()) throw FieldError{path + key};
    return value.get<std::string>();
}

std::optional<std::string> optional_text(const Json& json, const std::string& key, const std::string& path) {
    if (!json.contains(key) || json[key].is_null()) return std::nullopt;
    return text(json, key, path);
}

std::int64_t integer(const Json& json, const std::string& key, const std::string& path) {
    const Json& value = member(json, key, path);
    if (!value.is_number_integer()) throw FieldError{path + key};
    return value.get<std::int64_t>();
}

TicketState state_of(const std::string& value, const std::string& field) {
    const auto state = parse_ticket_state_names(value);
    if (!state) throw FieldError{field};
    return *state;
}

std::optional<DeskRef> parse_desk(const Json& json, const std::string& path) {
    if (!json.contains("desk") || json["desk"].is_null()) return std::nullopt;
    const Json& desk = json["desk"];
    return DeskRef{text(desk, "id", path + "desk."), text(desk, "name", path + "desk."),
                   desk.contains("location") ? text(desk, "location", path + "desk.") : std::string{}};
}

BoardCall parse_call(const Json& json, const std::string& path) {
    BoardCall call;
    call.ticket_code = text(json, "ticket_code", path);
    call.area = text(json, "area", path);
    call.desk = parse_desk(json, path);
    call.state = state_of(text(json, "state", path), path + "state");
    call.called_at = optional_text(json, "called_at", path).value_or("");
    call.recall_count = json.contains("recall_count") ? static_cast<int>(integer(json, "recall_count", path)) : 0;
    return call;
}

std::vector<BoardCall> parse_calls(const Json& json, const std::string& key) {
    const Json& list = member(json, key, "");
    if (!list.is_array()) throw FieldError{key};
    std::vector<BoardCall> calls;
    for (size_t i = 0; i < list.size(); ++i) {
        calls.push_back(parse_call(list[i], key + "[" + std::to_string(i) + "]."));
    }
    return calls;
}

tl::unexpected<Error> invalid(const FieldError& error) {
    return fail(ErrorCode::InvalidInput, error.field, "error.invalid_response");
}

}  // namespace

Json to_json(const DeskRef& desk) {
    return Json{{"id", desk.id}, {"name", desk.name}, {"location", desk.location}};
}

Json to_json(const BoardCall& call) {
    return Json{{"ticket_code", call.ticket_code},
                {"area", call.area},
                {"desk", call.desk ? to_json(*call.desk) : Json(nullptr)},
                {"state", to_string(call.state)},
                {"called_at", call.called_at.empty() ? Json(nullptr) : Json(call.called_at)},
                {"recall_count", call.recall_count}};
}

Json to_json(const Board& board) {
    Json calls = Json::array();
    for (const BoardCall& call : board.calls) calls.push_back(to_json(call));
    Json recent = Json::array();
    for (const BoardCall& call : board.recent) recent.push_back(to_json(call));
    Json desks = Json::array();
    for (const BoardDesk& desk : board.desks) {
        Json entry = to_json(desk.desk);
        entry["ticket_code"] = desk.ticket_code ? Json(*desk.ticket_code) : Json(nullptr);
        entry["state"] = desk.state ? Json(to_string(*desk.state)) : Json(nullptr);
        desks.push_back(std::move(entry));
    }
    Json waiting = Json::object();
    for (const auto& [area, count] : board.waiting) waiting[area] = count;
    return Json{{"calls", std::move(calls)},   {"desks", std::move(desks)},
                {"waiting", std::move(waiting)}, {"recent", std::move(recent)},
                {"last_event_id", board.last_event_id}, {"generated_at", board.generated_at}};
}

Json to_json(const TicketEvent& event) {
    return Json{{"ticket_id", event.ticket_id},
                {"ticket_code", event.ticket_code},
                {"area", event.area},
                {"state", to_string(event.state)},
                {"priority", to_string(event.priority)},
                {"desk", event.desk ? to_json(*event.desk) : Json(nullptr)},
                {"called_at", event.called_at ? Json(*event.called_at) : Json(nullptr)},
                {"recall_count", event.recall_count},
                {"previous_ticket_id", event.previous_ticket_id ? Json(*event.previous_ticket_id) : Json(nullptr)}};
}

Result<Board> parse_board(const Json& json) {
    try {
        Board board;
        board.calls = parse_calls(json, "calls");
        board.recent = parse_calls(json, "recent");
        const Json& desks = member(json, "desks", "");
        if (!desks.is_array()) throw FieldError{"desks"};
        for (size_t i = 0; i < desks.size(); ++i) {
            const std::string path = "desks[" + std::to_string(i) + "].";
            BoardDesk desk;
            desk.desk = DeskRef{text(desks[i], "id", path), text(desks[i], "name", path),
                                optional_text(desks[i], "location", path).value_or("")};
            desk.ticket_code = optional_text(desks[i], "ticket_code", path);
            if (auto state = optional_text(desks[i], "state", path)) desk.state = state_of(*state, path + "state");
            board.desks.push_back(std::move(desk));
        }
        const Json& waiting = member(json, "waiting", "");
        if (!waiting.is_object()) throw FieldError{"waiting"};
        for (const auto& [area, count] : waiting.items()) {
            if (!count.is_number_integer()) throw FieldError{"waiting." + area};
            board.waiting[area] = count.get<int>();
        }
        board.last_event_id = integer(json, "last_event_id", "");
        board.generated_at = optional_text(json, "generated_at", "").value_or("");
        return board;
    } catch (const FieldError& error) {
        return invalid(error);
    }
}

Result<TicketEvent> parse_ticket_event(const Json& json) {
    try {
        TicketEvent event;
        event.ticket_id = integer(json, "ticket_id", "");
        event.ticket_code = text(json, "ticket_code", "");
        event.area = text(json, "area", "");
        event.state = state_of(text(json, "state", ""), "state");
        event.priority = parse_priority_names(text(json, "priority", "")).value_or(Priority::Regular);
        event.desk = parse_desk(json, "");
        event.called_at = optional_text(json, "called_at", "");
        event.recall_count = static_cast<int>(integer(json, "recall_count", ""));
        if (json.contains("previous_ticket_id") && !json["previous_ticket_id"].is_null()) {
            event.previous_ticket_id = integer(json, "previous_ticket_id", "");
        }
        return event;
    } catch (const FieldError& error) {
        return invalid(error);
    }
}

}  // namespace antrean::protocol
