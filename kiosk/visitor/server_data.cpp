#include "visitor/server_data.hpp"

#include <charconv>

namespace antrean::kiosk {
namespace {

std::string string_field(const nlohmann::json& object, const char* key) {
    if (!object.is_object()) {
        return {};
    }
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string()) {
        return {};
    }
    return it->get<std::string>();
}

int int_field(const nlohmann::json& object, const char* key) {
    if (!object.is_object()) {
        return 0;
    }
    const auto it = object.find(key);
    if (it == object.end() || !it->is_number_integer()) {
        return 0;
    }
    return it->get<int>();
}

LocalizedText localized_field(const nlohmann::json& object, const char* key) {
    if (!object.is_object()) {
        return {};
    }
    const auto it = object.find(key);
    if (it == object.end()) {
        return {};
    }
    if (it->is_string()) {
        return {it->get<std::string>(), it->get<std::string>()};
    }
    return {string_field(*it, "id"), string_field(*it, "en")};
}

tl::unexpected<Error> invalid_response() {
    return fail(ErrorCode::Internal, "", "error.invalid_response", {{"status", "201"}});
}

std::optional<int> parse_digits(std::string_view text, size_t offset, size_t length) {
    if (offset + length > text.size()) {
        return std::nullopt;
    }
    int value = 0;
    const char* begin = text.data() + offset;
    const auto [end, error] = std::from_chars(begin, begin + length, value);
    if (error != std::errc() || end != begin + length) {
        return std::nullopt;
    }
    return value;
}

}  // namespace

const std::string& LocalizedText::in(Language language) const {
    if (language == Language::English) {
        return english.empty() ? indonesian : english;
    }
    return indonesian.empty() ? english : indonesian;
}

const AreaInfo* KioskConfig::find_area(const std::string& id) const {
    for (const AreaInfo& area : areas) {
        if (area.id == id) {
            return &area;
        }
    }
    return nullptr;
}

Result<KioskConfig> parse_kiosk_config(const nlohmann::json& body) {
    if (!body.is_object()) {
        return invalid_response();
    }
    KioskConfig config;
    config.office_name = localized_field(body, "office_name");
    config.consent_version = string_field(body, "consent_version");
    config.zone_label = string_field(body, "zone_label");
    config.time_zone = string_field(body, "time_zone");

    if (const auto areas = body.find("areas"); areas != body.end() && areas->is_array()) {
        for (const nlohmann::json& entry : *areas) {
            AreaInfo area{string_field(entry, "id"), string_field(entry, "prefix"),
                          localized_field(entry, "name"), localized_field(entry, "description")};
            if (!area.id.empty()) {
                config.areas.push_back(std::move(area));
            }
        }
    }
    if (const auto purposes = body.find("purposes"); purposes != body.end() && purposes->is_array()) {
        for (const nlohmann::json& entry : *purposes) {
            const auto purpose = parse_purpose_names(string_field(entry, "id"));
            if (purpose) {
                config.purposes.push_back({*purpose, localized_field(entry, "name")});
            }
        }
    }
    if (config.areas.empty()) {
        return invalid_response();
    }
    return config;
}

std::optional<LocalDateTime> parse_local_date_time(std::string_view text) {
    // "YYYY-MM-DDTHH:MM"; seconds and the offset that follow are not needed.
    if (text.size() < 16 || text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != ' ') ||
        text[13] != ':') {
        return std::nullopt;
    }
    const auto year = parse_digits(text, 0, 4);
    const auto month = parse_digits(text, 5, 2);
    const auto day = parse_digits(text, 8, 2);
    const auto hour = parse_digits(text, 11, 2);
    const auto minute = parse_digits(text, 14, 2);
    if (!year || !month || !day || !hour || !minute || *month < 1 || *month > 12 || *day < 1 ||
        *day > 31 || *hour > 23 || *minute > 59) {
        return std::nullopt;
    }
    return LocalDateTime{*year, *month, *day, *hour, *minute};
}

int weekday_of(int year, int month, int day) {
    // Sakamoto's method for the Gregorian calendar.
    static constexpr int kMonthOffsets[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    if (month < 3) {
        year -= 1;
    }
    return (year + year / 4 - year / 100 + year / 400 + kMonthOffsets[month - 1] + day) % 7;
}

Result<TicketInfo> parse_ticket_reply(const nlohmann::json& body) {
    if (!body.is_object() || !body.contains("ticket") || !body["ticket"].is_object()) {
        return invalid_response();
    }
    const nlohmann::json& ticket = body["ticket"];
    TicketInfo info;
    info.code = string_field(ticket, "code");
    if (info.code.empty()) {
        return invalid_response();
    }
    info.area_id = string_field(ticket, "area");
    info.area_name = localized_field(ticket, "area_name");
    info.position = int_field(ticket, "position");
    info.status_url = string_field(ticket, "status_url");
    info.created_at = parse_local_date_time(string_field(ticket, "created_at"));

    const int estimate = int_field(ticket, "estimated_wait_minutes");
    info.wait_min_minutes = estimate;
    info.wait_max_minutes = estimate;
    if (const auto range = ticket.find("estimated_wait_range"); range != ticket.end() && range->is_object()) {
        info.wait_min_minutes = int_field(*range, "min");
        info.wait_max_minutes = int_field(*range, "max");
    }

    if (const auto appointment = body.find("appointment");
        appointment != body.end() && appointment->is_object()) {
        AppointmentInfo booked;
        booked.starts_at = parse_local_date_time(string_field(*appointment, "starts_at"));
        booked.length_minutes = int_field(*appointment, "length_minutes");
        booked.officer = string_field(*appointment, "officer");
        if (const auto desk = appointment->find("desk"); desk != appointment->end() && desk->is_object()) {
            booked.desk_name = string_field(*desk, "name");
        }
        info.appointment = std::move(booked);
    }
    return info;
}

}  // namespace antrean::kiosk
