#include "model/office_config.hpp"

namespace antrean::display {
namespace {

using Json = nlohmann::json;

// Thrown inside the parser and turned into an Error at its edge, so each field read stays
// one line.
struct FieldError {
    std::string field;
};

std::string text(const Json& json, const char* key, const std::string& path) {
    if (!json.is_object() || !json.contains(key) || !json[key].is_string()) {
        throw FieldError{path + key};
    }
    return json[key].get<std::string>();
}

LocalizedName localized(const Json& json, const char* key, const std::string& path) {
    if (!json.is_object() || !json.contains(key) || !json[key].is_object()) {
        throw FieldError{path + key};
    }
    const Json& names = json[key];
    const std::string name_path = path + key + ".";
    LocalizedName name{text(names, "id", name_path), ""};
    if (names.contains("en") && names["en"].is_string()) {
        name.en = names["en"].get<std::string>();
    }
    return name;
}

const Json& array_member(const Json& json, const char* key) {
    if (!json.contains(key) || !json[key].is_array()) {
        throw FieldError{key};
    }
    return json[key];
}

}  // namespace

const std::string& LocalizedName::in(Language language) const {
    if (language == Language::English && !en.empty()) {
        return en;
    }
    return id;
}

const AreaInfo* OfficeConfig::find_area(const AreaId& area_id) const {
    for (const AreaInfo& area : areas) {
        if (area.id == area_id) {
            return &area;
        }
    }
    return nullptr;
}

Result<OfficeConfig> parse_office_config(const Json& json) {
    try {
        if (!json.is_object()) {
            throw FieldError{"(body)"};
        }
        OfficeConfig config;
        config.office_name = localized(json, "office_name", "");

        const Json& areas = array_member(json, "areas");
        for (size_t i = 0; i < areas.size(); ++i) {
            const std::string path = "areas[" + std::to_string(i) + "].";
            config.areas.push_back(AreaInfo{text(areas[i], "id", path),
                                            text(areas[i], "prefix", path),
                                            localized(areas[i], "name", path)});
        }

        const Json& desks = array_member(json, "desks");
        for (size_t i = 0; i < desks.size(); ++i) {
            const std::string path = "desks[" + std::to_string(i) + "].";
            config.desks.push_back(DeskInfo{text(desks[i], "id", path), text(desks[i], "name", path)});
        }

        config.time_zone = text(json, "time_zone", "");
        config.zone_label = text(json, "zone_label", "");
        return config;
    } catch (const FieldError& error) {
        return fail(ErrorCode::InvalidInput, error.field, "error.invalid_response",
                    {{"field", error.field}});
    }
}

}  // namespace antrean::display
