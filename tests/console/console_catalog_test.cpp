#include <doctest/doctest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "console/console_test_support.hpp"
#include "reception/queue_view.hpp"
#include "reception/reception_console.hpp"

using namespace antrean;
using antrean::testing::real_catalog;

namespace {

// Keys the consoles build from a prefix and an enum's wire name.
std::set<std::string> composed_keys() {
    std::set<std::string> keys;
    auto add_all = [&keys](const std::string& prefix, const auto& names) {
        for (const char* name : names) {
            keys.insert(prefix + name);
        }
    };
    add_all("console.state.", ticket_state_names);
    add_all("console.priority.", priority_names);
    add_all("console.outcome.", outcome_names);
    add_all("console.purpose.", purpose_names);
    add_all("console.appointment_status.", appointment_status_names);
    add_all("console.source.", appointment_source_names);
    add_all("console.officer_status.", officer_status_names);
    add_all("console.column.", reception::queue_column_names);
    add_all("console.queue.state_filter.", reception::state_filter_names);
    add_all("console.reception.action.", reception::reception_action_names);
    add_all("console.reception.tab.", reception::reception_tab_names);
    return keys;
}

// Every complete "console.…" string literal in the kiosk folder's sources.
std::set<std::string> keys_in_sources() {
    std::set<std::string> keys;
    const std::regex literal(R"re("(console\.[a-z0-9_.]+[a-z0-9_])")re");
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

std::set<std::string> placeholders(const std::string& text) {
    static const std::regex placeholder(R"(\{[a-z_]+\})");
    std::set<std::string> found;
    for (std::sregex_iterator it(text.begin(), text.end(), placeholder), end; it != end; ++it) {
        found.insert(it->str());
    }
    return found;
}

}  // namespace

TEST_CASE("every console text has Indonesian and English") {
    std::set<std::string> keys = keys_in_sources();
    const std::set<std::string> composed = composed_keys();
    keys.insert(composed.begin(), composed.end());
    REQUIRE(keys.size() > 200);
    for (const std::string& key : keys) {
        CAPTURE(key);
        CHECK(real_catalog().has_translation(Language::Indonesian, key));
        CHECK(real_catalog().has_translation(Language::English, key));
    }
    // And the catalogue contains no console key that the program never shows.
    for (const std::string& key : real_catalog().keys(Language::Indonesian)) {
        if (key.rfind("console.", 0) == 0) {
            CHECK_MESSAGE(keys.count(key) == 1, "unused key " << key);
        }
    }
}

TEST_CASE("console texts use the same placeholders in both languages") {
    for (const std::string& key : real_catalog().keys(Language::Indonesian)) {
        if (key.rfind("console.", 0) != 0) {
            continue;
        }
        CAPTURE(key);
        CHECK(placeholders(real_catalog().translate(Language::Indonesian, key)) ==
              placeholders(real_catalog().translate(Language::English, key)));
    }
}

TEST_CASE("console wording uses the glossary") {
    const Catalog& catalog = real_catalog();
    CHECK(catalog.translate(Language::Indonesian, "console.officer.action.call_next") == "Panggil Berikutnya");
    CHECK(catalog.translate(Language::Indonesian, "console.officer.action.recall") == "Panggil Ulang");
    CHECK(catalog.translate(Language::Indonesian, "console.officer.action.start") == "Mulai Layani");
    CHECK(catalog.translate(Language::Indonesian, "console.officer.action.no_show") == "Tidak Hadir");
    CHECK(catalog.translate(Language::Indonesian, "console.officer.action.requeue") == "Kembalikan ke Antrean");
    CHECK(catalog.translate(Language::Indonesian, "console.complete.referred") ==
          "Dirujuk sesuai SOP Biro Peraturan Perundang-Undangan dan Penindakan");
    CHECK(catalog.translate(Language::Indonesian, "console.booking.message.place") == "Lantai 2 Gedung Bappebti");
    // "antrean", never the misspelling.
    for (const std::string& key : catalog.keys(Language::Indonesian)) {
        if (key.rfind("console.", 0) == 0) {
            CAPTURE(key);
            CHECK(catalog.translate(Language::Indonesian, key).find("antrian") == std::string::npos);
        }
    }
}
