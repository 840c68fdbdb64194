#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/error.hpp"
#include "domain/types.hpp"

// The part of GET /api/v1/config that the wall display uses: names to show and the office's
// time zone. None of it is personal data.
namespace antrean::display {

// A text in both languages of the catalogue, as the server's configuration gives it.
struct LocalizedName {
    std::string id;
    std::string en;

    // Returns the text in `language`, or the Indonesian one when that is empty.
    const std::string& in(Language language) const;
};

struct AreaInfo {
    AreaId id;
    std::string prefix;  // the ticket code letter, "A"
    LocalizedName name;
};

struct DeskInfo {
    DeskId id;
    std::string name;  // "Meja 1"
};

struct OfficeConfig {
    LocalizedName office_name;
    std::vector<AreaInfo> areas;  // in configuration order
    std::vector<DeskInfo> desks;  // in configuration order
    std::string time_zone = "Asia/Jakarta";
    std::string zone_label = "WIB";

    const AreaInfo* find_area(const AreaId& id) const;
};

// Parses the body of GET /api/v1/config. Fails with ErrorCode::InvalidInput and message_key
// "error.invalid_response" naming the first missing or mistyped field.
Result<OfficeConfig> parse_office_config(const nlohmann::json& json);

}  // namespace antrean::display
