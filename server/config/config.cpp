#include "config/config.hpp"

#include <toml++/toml.h>

#include <array>
#include <cstdlib>
#include <regex>

namespace antrean::server {
namespace {

constexpr std::array kWeekdays{"monday", "tuesday", "wednesday", "thursday",
                               "friday", "saturday", "sunday"};

tl::unexpected<Error> config_error(const std::filesystem::path& path, std::string key,
                                   std::string problem) {
    return fail(ErrorCode::InvalidInput, std::move(key), "config.invalid",
                {{"file", path.string()}, {"problem", std::move(problem)}});
}

template <typename View>
LocalizedText read_localized(View table) {
    return LocalizedText{table["id"].value_or(std::string{}), table["en"].value_or(std::string{})};
}

bool is_clock_time(const std::string& text) {
    static const std::regex pattern("^([01][0-9]|2[0-3]):[0-5][0-9]$");
    return std::regex_match(text, pattern);
}

Result<std::vector<AreaConfig>> read_areas(const toml::table& root, const std::filesystem::path& path) {
    std::vector<AreaConfig> areas;
    const toml::array* list = root["areas"].as_array();
    if (list == nullptr || list->empty()) {
        return config_error(path, "areas", "at least one [[areas]] entry is required");
    }
    for (const toml::node& node : *list) {
        const toml::table* table = node.as_table();
        if (table == nullptr) {
            return config_error(path, "areas", "each entry must be a table");
        }
        const toml::table& view = *table;
        AreaConfig area;
        area.id = view["id"].value_or(std::string{});
        area.prefix = view["prefix"].value_or(std::string{});
        area.name = read_localized(view["name"]);
        area.description = read_localized(view["description"]);
        if (!std::regex_match(area.id, std::regex("^[a-z][a-z0-9_]{0,15}$"))) {
            return config_error(path, "areas.id",
                                "'" + area.id + "' must be 1-16 lower-case letters, digits or _");
        }
        if (area.prefix.size() != 1 || area.prefix[0] < 'A' || area.prefix[0] > 'Z') {
            return config_error(path, "areas.prefix",
                                "area '" + area.id + "' needs one capital letter A-Z as prefix");
        }
        if (area.name.id.empty() || area.name.en.empty()) {
            return config_error(path, "areas.name",
                                "area '" + area.id + "' needs name.id and name.en");
        }
        for (const AreaConfig& other : areas) {
            if (other.id == area.id || other.prefix == area.prefix) {
                return config_error(path, "areas",
                                    "area '" + area.id + "' repeats the id or prefix of '" + other.id + "'");
            }
        }
        areas.push_back(std::move(area));
    }
    return areas;
}

Result<std::vector<DeskConfig>> read_desks(const toml::table& root, const std::filesystem::path& path) {
    std::vector<DeskConfig> desks;
    const toml::array* list = root["desks"].as_array();
    if (list == nullptr || list->empty()) {
        return config_error(path, "desks", "at least one [[desks]] entry is required");
    }
    for (const toml::node& node : *list) {
        const toml::table* table = node.as_table();
        if (table == nullptr) {
            return config_error(path, "desks", "each entry must be a table");
        }
        const toml::table& view = *table;
        DeskConfig desk{view["id"].value_or(std::string{}), view["name"].value_or(std::string{}),
                        view["location"].value_or(std::string{})};
        if (!std::regex_match(desk.id, std::regex("^[A-Za-z0-9_-]{1,16}$"))) {
            return config_error(path, "desks.id",
                                "'" + desk.id + "' must be 1-16 letters, digits, - or _");
        }
        if (desk.name.empty()) {
            return config_error(path, "desks.name", "desk '" + desk.id + "' needs a name");
        }
        for (const DeskConfig& other : desks) {
            if (other.id == desk.id) {
                return config_error(path, "desks.id", "desk id '" + desk.id + "' is used twice");
            }
        }
        desks.push_back(std::move(desk));
    }
    return desks;
}

Result<int> read_minutes(const toml::table& root, const std::filesystem::path& path,
                         std::string_view section, std::string_view key, int fallback, int max) {
    const auto value = root[section][key].value<int64_t>();
    if (!value) {
        if (root[section][key]) {
            return config_error(path, std::string(section) + "." + std::string(key), "must be a whole number");
        }
        return fallback;
    }
    if (*value < 0 || *value > max) {
        return config_error(path, std::string(section) + "." + std::string(key),
                            "must be between 0 and " + std::to_string(max));
    }
    return static_cast<int>(*value);
}

Result<std::vector<SurveyElement>> read_survey(const toml::table& root, const std::filesystem::path& path) {
    std::vector<SurveyElement> elements;
    const toml::array* list = root["survey_elements"].as_array();
    if (list == nullptr) return elements;
    for (const toml::node& node : *list) {
        const toml::table* table = node.as_table();
        if (table == nullptr) {
            return config_error(path, "survey_elements", "each entry must be a table");
        }
        const toml::table& view = *table;
        SurveyElement element;
        element.id = view["id"].value_or(std::string{});
        element.question = read_localized(view["question"]);
        const toml::array* answers_id = view["answers"]["id"].as_array();
        const toml::array* answers_en = view["answers"]["en"].as_array();
        if (element.id.empty() || element.question.id.empty() || element.question.en.empty()) {
            return config_error(path, "survey_elements", "each element needs id and question.id and question.en");
        }
        if (answers_id == nullptr || answers_en == nullptr || answers_id->size() != 4 || answers_en->size() != 4) {
            return config_error(path, "survey_elements.answers",
                                "element '" + element.id + "' needs four answers in answers.id and answers.en");
        }
        for (size_t i = 0; i < 4; ++i) {
            element.answers[i] = LocalizedText{(*answers_id)[i].value_or(std::string{}),
                                               (*answers_en)[i].value_or(std::string{})};
        }
        elements.push_back(std::move(element));
    }
    return elements;
}

}  // namespace

const AreaConfig* ServerConfig::find_area(std::string_view id) const {
    for (const AreaConfig& area : areas) {
        if (area.id == id) return &area;
    }
    return nullptr;
}

const DeskConfig* ServerConfig::find_desk(std::string_view id) const {
    for (const DeskConfig& desk : desks) {
        if (desk.id == id) return &desk;
    }
    return nullptr;
}

std::filesystem::path default_config_path() {
    if (const char* assets = std::getenv("ANTREAN_ASSETS_DIR")) {
        return std::filesystem::path(assets) / "config" / "antrean.toml";
    }
    return std::filesystem::path(ANTREAN_ASSETS_DIR) / "config" / "antrean.toml";
}

Result<ServerConfig> load_config(const std::filesystem::path& path) {
    toml::table root;
    try {
        root = toml::parse_file(path.string());
    } catch (const toml::parse_error& error) {
        return config_error(path, "",
                            std::string(error.description()) + " at line " +
                                std::to_string(error.source().begin.line));
    }

    ServerConfig config;
    config.office_name = read_localized(root["office"]["name"]);
    if (config.office_name.id.empty()) {
        return config_error(path, "office.name.id", "the office name in Indonesian is required");
    }
    if (config.office_name.en.empty()) {
        config.office_name.en = config.office_name.id;
    }
    config.time_zone = root["office"]["time_zone"].value_or(config.time_zone);
    config.zone_label = root["office"]["zone_label"].value_or(config.zone_label);
    config.public_base_url = root["office"]["public_base_url"].value_or(config.public_base_url);
    config.consent_version = root["office"]["consent_version"].value_or(config.consent_version);
    config.evidence_whatsapp = root["evidence"]["whatsapp"].value_or(std::string{});
    config.evidence_email = root["evidence"]["email"].value_or(std::string{});

    auto areas = read_areas(root, path);
    if (!areas) return tl::unexpected(areas.error());
    config.areas = std::move(*areas);
    auto desks = read_desks(root, path);
    if (!desks) return tl::unexpected(desks.error());
    config.desks = std::move(*desks);

    auto survey = read_survey(root, path);
    if (!survey) return tl::unexpected(survey.error());
    config.survey_elements = std::move(*survey);

    for (const char* day : kWeekdays) {
        const auto hours = root["opening_hours"][day].value<std::string>();
        if (!hours || *hours == "closed") continue;
        const auto dash = hours->find('-');
        OpeningHours range{hours->substr(0, dash), dash == std::string::npos ? "" : hours->substr(dash + 1)};
        if (!is_clock_time(range.open) || !is_clock_time(range.close) || range.close <= range.open) {
            return config_error(path, std::string("opening_hours.") + day,
                                "'" + *hours + "' must look like \"08:00-16:00\" or \"closed\"");
        }
        config.opening_hours[day] = range;
    }

    config.enforce_opening_hours = root["queue"]["enforce_opening_hours"].value_or(true);

    struct MinutesKey {
        std::string_view section;
        std::string_view key;
        int* target;
        int max;
    };
    const std::array<MinutesKey, 9> minute_keys{{
        {"queue", "booking_grace_minutes", &config.queue.booking_grace_minutes, 240},
        {"queue", "starvation_limit_minutes", &config.queue.starvation_limit_minutes, 24 * 60},
        {"queue", "booked_officer_absent_minutes", &config.queue.booked_officer_absent_minutes, 24 * 60},
        {"queue", "default_service_minutes", &config.queue.default_service_minutes, 240},
        {"queue", "service_day_start_hour", &config.queue.service_day_start_hour, 23},
        {"security", "token_ttl_minutes", &config.security.token_ttl_minutes, 7 * 24 * 60},
        {"security", "login_failures_before_delay", &config.security.login_failures_before_delay, 100},
        {"security", "login_failure_window_minutes", &config.security.login_failure_window_minutes, 24 * 60},
        {"security", "retention_days", &config.security.retention_days, 3650},
    }};
    for (const MinutesKey& entry : minute_keys) {
        auto value = read_minutes(root, path, entry.section, entry.key, *entry.target, entry.max);
        if (!value) return tl::unexpected(value.error());
        *entry.target = *value;
    }
    auto workers = read_minutes(root, path, "server", "worker_threads", config.worker_threads, 1024);
    if (!workers) return tl::unexpected(workers.error());
    config.worker_threads = std::max(*workers, 8);
    auto body_kib = read_minutes(root, path, "server", "max_body_kib",
                                 static_cast<int>(config.max_body_bytes / 1024), 10 * 1024);
    if (!body_kib) return tl::unexpected(body_kib.error());
    config.max_body_bytes = static_cast<size_t>(std::max(*body_kib, 1)) * 1024;
    return config;
}

}  // namespace antrean::server
