#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "i18n/catalog.hpp"
#include "visitor/display_text.hpp"
#include "visitor/server_data.hpp"

using namespace antrean;
using namespace antrean::kiosk;

namespace {

const Catalog& catalog() {
    static const Catalog loaded = [] {
        auto result = Catalog::load_directory(std::filesystem::path(ANTREAN_ASSETS_DIR) / "i18n");
        REQUIRE_MESSAGE(result.has_value(), describe_untranslated(result.error()));
        return std::move(*result);
    }();
    return loaded;
}

// Keys that the kiosk builds from parts at run time, so no source file spells them out.
std::set<std::string> composed_keys() {
    std::set<std::string> keys;
    for (const char* purpose : {"complaint", "information", "consultation"}) {
        keys.insert(std::string("kiosk.purpose.") + purpose);
        keys.insert(std::string("kiosk.purpose.") + purpose + ".description");
    }
    for (const char* field : {"name", "phone", "nik", "email", "institution", "summary"}) {
        keys.insert(std::string("kiosk.field.") + field);
        keys.insert(std::string("kiosk.field.") + field + ".placeholder");
    }
    for (const char* section : {"collected", "purpose", "retention", "access", "rights"}) {
        keys.insert(std::string("kiosk.consent.") + section + ".title");
        keys.insert(std::string("kiosk.consent.") + section + ".body");
    }
    for (int day = 0; day < 7; ++day) {
        keys.insert("kiosk.weekday." + std::to_string(day));
    }
    for (int month = 1; month <= 12; ++month) {
        keys.insert("kiosk.month." + std::to_string(month));
    }
    return keys;
}

// Every "kiosk.…" string literal in the kiosk's sources.
std::set<std::string> keys_in_sources() {
    std::set<std::string> keys;
    const std::regex literal(R"re("(kiosk\.[a-z0-9_.]+[a-z0-9_])")re");
    for (const auto& entry : std::filesystem::recursive_directory_iterator(ANTREAN_KIOSK_SOURCE_DIR)) {
        if (entry.path().extension() != ".cpp" && entry.path().extension() != ".hpp") {
            continue;
        }
        std::ifstream file(entry.path());
        std::stringstream text;
        text << file.rdbuf();
        const std::string source = text.str();
        for (std::sregex_iterator it(source.begin(), source.end(), literal), end; it != end; ++it) {
            keys.insert((*it)[1]);
        }
    }
    return keys;
}

}  // namespace

TEST_CASE("every kiosk text has Indonesian and English") {
    std::set<std::string> keys = keys_in_sources();
    const std::set<std::string> composed = composed_keys();
    keys.insert(composed.begin(), composed.end());
    REQUIRE(keys.size() > 100);
    for (const std::string& key : keys) {
        CAPTURE(key);
        CHECK(catalog().has_translation(Language::Indonesian, key));
        CHECK(catalog().has_translation(Language::English, key));
    }
    // And the catalogue contains no kiosk key that the program never shows.
    for (const std::string& key : catalog().keys(Language::Indonesian)) {
        if (key.rfind("kiosk.", 0) == 0) {
            CHECK_MESSAGE(keys.count(key) == 1, "unused key " << key);
        }
    }
}

TEST_CASE("both languages use the same placeholders and consent version") {
    const std::regex placeholder(R"(\{[a-z_]+\})");
    for (const std::string& key : catalog().keys(Language::Indonesian)) {
        if (key.rfind("kiosk.", 0) != 0) {
            continue;
        }
        CAPTURE(key);
        auto placeholders = [&](Language language) {
            std::set<std::string> found;
            const std::string text = catalog().translate(language, key);
            for (std::sregex_iterator it(text.begin(), text.end(), placeholder), end; it != end; ++it) {
                found.insert(it->str());
            }
            return found;
        };
        CHECK(placeholders(Language::Indonesian) == placeholders(Language::English));
    }
    CHECK(catalog().translate(Language::Indonesian, "kiosk.consent.version") ==
          catalog().translate(Language::English, "kiosk.consent.version"));
}

TEST_CASE("wait range text in both languages") {
    CHECK(wait_range_text(catalog(), Language::Indonesian, 10, 20) == "sekitar 10–20 menit");
    CHECK(wait_range_text(catalog(), Language::English, 10, 20) == "about 10–20 minutes");
    CHECK(wait_range_text(catalog(), Language::Indonesian, 15, 15) == "sekitar 15 menit");
    CHECK(wait_range_text(catalog(), Language::Indonesian, 0, 0) == "kurang dari 5 menit");
    CHECK(wait_range_text(catalog(), Language::English, 0, 4) == "less than 5 minutes");
    CHECK(wait_range_text(catalog(), Language::Indonesian, 20, 10) == "sekitar 10–20 menit");
}

TEST_CASE("dates and times read the Indonesian way") {
    CHECK(long_date_text(catalog(), Language::Indonesian, 2026, 12, 4) == "Jumat, 4 Desember 2026");
    CHECK(long_date_text(catalog(), Language::English, 2026, 12, 4) == "Friday, 4 December 2026");
    CHECK(long_date_text(catalog(), Language::Indonesian, 2027, 1, 3) == "Minggu, 3 Januari 2027");
    CHECK(time_text(catalog(), Language::Indonesian, 9, 5, "WIB") == "09.05 WIB");
    CHECK(time_text(catalog(), Language::English, 14, 30, "WITA") == "14:30 WITA");
    CHECK(time_text(catalog(), Language::Indonesian, 8, 0, "") == "08.00");
}

TEST_CASE("unreachable server sends the visitor to the receptionist") {
    const Error unreachable(ErrorCode::Unavailable, "", "error.server_unreachable", {{"url", "http://x"}});
    CHECK(error_text(catalog(), Language::Indonesian, unreachable) ==
          "Maaf, layanan antrean sedang terganggu. Silakan menuju meja resepsionis.");
    const Error rejected(ErrorCode::InvalidNik, "visitor.nik", "server.message", {{"message", "NIK tidak valid"}});
    CHECK(error_text(catalog(), Language::English, rejected) == "NIK tidak valid");
    const Error local(ErrorCode::InvalidNik, "visitor.nik", "error.nik.length", {{"length", "5"}});
    CHECK(error_text(catalog(), Language::Indonesian, local).find("16") != std::string::npos);
}

TEST_CASE("config reply gives areas, purposes and the consent version") {
    const auto body = nlohmann::json::parse(R"({
        "office_name": {"id": "Lini Bappebti", "en": "Lini Bappebti"},
        "areas": [{"id": "pbk", "prefix": "A", "name": {"id": "PBK id", "en": "PBK en"},
                   "description": {"id": "Pialang", "en": "Brokers"}},
                  {"prefix": "Z"}],
        "purposes": [{"id": "complaint", "name": {"id": "Pengaduan", "en": "Complaint"}}, {"id": "bogus"}],
        "consent_version": "2026-12", "zone_label": "WIB", "time_zone": "Asia/Jakarta"})");
    const auto config = parse_kiosk_config(body);
    REQUIRE(config.has_value());
    REQUIRE(config->areas.size() == 1);
    CHECK(config->areas[0].name.in(Language::English) == "PBK en");
    CHECK(config->areas[0].description.in(Language::Indonesian) == "Pialang");
    REQUIRE(config->purposes.size() == 1);
    CHECK(config->purposes[0].purpose == Purpose::Complaint);
    CHECK(config->consent_version == "2026-12");
    CHECK(config->zone_label == "WIB");
    CHECK(config->find_area("pbk") != nullptr);
    CHECK(config->find_area("srg") == nullptr);
    CHECK_FALSE(parse_kiosk_config(nlohmann::json::parse(R"({"areas": []})")).has_value());
}

TEST_CASE("ticket reply gives code, range, status URL and appointment") {
    const auto body = nlohmann::json::parse(R"({
        "ticket": {"id": 7, "code": "A-007", "area": "pbk", "area_name": {"id": "PBK", "en": "PBK en"},
                   "position": 2, "estimated_wait_minutes": 14, "estimated_wait_range": {"min": 10, "max": 20},
                   "status_url": "http://s/7", "created_at": "2026-12-04T09:15:42+07:00"},
        "appointment": {"starts_at": "2026-12-04T10:00:00+07:00", "length_minutes": 30,
                        "officer": "B*** S.", "desk": {"id": "2", "name": "Meja 2"}}})");
    const auto ticket = parse_ticket_reply(body);
    REQUIRE(ticket.has_value());
    CHECK(ticket->code == "A-007");
    CHECK(ticket->wait_min_minutes == 10);
    CHECK(ticket->wait_max_minutes == 20);
    CHECK(ticket->status_url == "http://s/7");
    REQUIRE(ticket->created_at);
    CHECK(ticket->created_at->hour == 9);
    CHECK(ticket->created_at->minute == 15);
    REQUIRE(ticket->appointment);
    CHECK(ticket->appointment->officer == "B*** S.");
    CHECK(ticket->appointment->desk_name == "Meja 2");
    CHECK(ticket->appointment->starts_at->hour == 10);

    CHECK_FALSE(parse_ticket_reply(nlohmann::json::parse(R"({"ticket": {}})")).has_value());
}

TEST_CASE("local date time parsing and weekdays") {
    CHECK_FALSE(parse_local_date_time("2026-13-04T09:15:00+07:00"));
    CHECK_FALSE(parse_local_date_time("yesterday"));
    CHECK(weekday_of(2026, 12, 4) == 5);  // Friday
    CHECK(weekday_of(2024, 2, 29) == 4);  // Thursday
    CHECK(weekday_of(2000, 1, 1) == 6);   // Saturday
}
