#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/office_time.hpp"
#include "domain/types.hpp"
#include "i18n/catalog.hpp"
#include "model/display_model.hpp"

// Every text on the wall display, resolved from the model and the catalogue, so that the
// renderer only places and paints strings.
namespace antrean::display {

enum class DeskTone { Idle, Called, Serving, kCount };

struct DeskCell {
    std::string name;        // "Meja 1"
    std::string ticket_code;  // empty when the desk has no ticket on this screen
    std::string state;        // "Dipanggil", "Sedang Dilayani" or empty
    DeskTone tone = DeskTone::Idle;
};

struct AreaRow {
    std::string name;
    std::string count;  // "3", or the catalogue's placeholder before the first board
};

struct RecentRow {
    std::string ticket_code;
    std::string desk_name;
};

struct ScreenContent {
    std::string office_name;
    std::string date;
    std::string clock;
    std::string banner;  // empty while connected

    std::string call_label;       // "NOMOR ANTREAN"
    std::string call_code;        // "A-012", empty before the first call
    std::string call_desk_label;  // "SILAKAN MENUJU"
    std::string call_desk;        // "MEJA 2"
    std::string no_call_text;     // shown while there is no call

    std::string desks_title;
    std::string idle_desk_code;  // shown in place of the code of a desk without a ticket
    std::vector<DeskCell> desks;
    std::string waiting_title;
    std::vector<AreaRow> waiting;
    std::string recent_title;
    std::string no_recent_text;
    std::vector<RecentRow> recent;
    std::string running_text_label;
};

// Upper-cases the ASCII letters of `text` and leaves every other byte as it is, so UTF-8
// sequences stay valid.
std::string ascii_upper(std::string text);

// Builds the texts of the whole screen. `office` converts the current instant `now` to the
// office's local date and clock. `zone_label` comes from the office configuration.
ScreenContent build_screen_content(const DisplayModel& model, const Catalog& catalog,
                                   Language language, const OfficeTime& office, TimestampMs now);

}  // namespace antrean::display
