#include <doctest/doctest.h>

#include <fstream>

#include "engine_fixture.hpp"

using namespace antrean;
using namespace antrean::server;
using namespace antrean::server::test_support;

namespace {

// Parts of a small valid file. Each bad case changes one part.
constexpr const char* kOffice = R"(
[office]
name = { id = "Lini Bappebti", en = "Lini Bappebti" }
)";
constexpr const char* kHours = R"(
[opening_hours]
monday = "08:00-16:00"
saturday = "closed"
)";
constexpr const char* kQueue = R"(
[queue]
starvation_limit_minutes = 30
)";
constexpr const char* kAreas = R"(
[[areas]]
id = "pbk"
prefix = "A"
name = { id = "PBK", en = "PBK" }

[[areas]]
id = "srg"
prefix = "B"
name = { id = "SRG", en = "SRG" }
)";
constexpr const char* kDesks = R"(
[[desks]]
id = "1"
name = "Meja 1"
location = "Lantai 2"
)";

struct Parts {
    std::string office = kOffice;
    std::string hours = kHours;
    std::string queue = kQueue;
    std::string areas = kAreas;
    std::string desks = kDesks;

    std::string text() const { return office + hours + queue + areas + desks; }
};

std::filesystem::path write_file(const TempFolder& folder, const std::string& text) {
    const auto path = folder.path() / "antrean.toml";
    std::ofstream out(path, std::ios::trunc);
    out << text;
    REQUIRE(out.good());
    return path;
}

}  // namespace

TEST_CASE("shipped config loads") {
    const ServerConfig config = require_value(load_config(default_config_path()));

    REQUIRE(config.areas.size() == 4);
    const std::pair<const char*, const char*> areas[] = {
        {"pbk", "A"}, {"srg", "B"}, {"plk", "C"}, {"general", "D"}};
    for (size_t i = 0; i < config.areas.size(); ++i) {
        CAPTURE(i);
        CHECK(config.areas[i].id == areas[i].first);
        CHECK(config.areas[i].prefix == areas[i].second);
        CHECK_FALSE(config.areas[i].name.id.empty());
        CHECK_FALSE(config.areas[i].name.en.empty());
    }
    REQUIRE(config.desks.size() == 3);
    CHECK(config.desks[0].id == "1");
    CHECK(config.desks[2].name == "Meja 3");
    CHECK(config.find_desk("2") != nullptr);
    CHECK(config.find_area("plk") != nullptr);
    CHECK(config.find_area("saham") == nullptr);
    CHECK(config.time_zone == "Asia/Jakarta");
    CHECK(config.enforce_opening_hours);
    CHECK(config.opening_hours.at("friday").close == "16:30");
    CHECK(config.opening_hours.count("saturday") == 0);
    CHECK(config.queue.booking_grace_minutes == 10);
    CHECK(config.queue.starvation_limit_minutes == 45);
    CHECK(config.queue.booked_officer_absent_minutes == 15);
    CHECK(config.queue.service_day_start_hour == 0);
    CHECK(config.security.token_ttl_minutes == 720);
    CHECK(config.security.login_failures_before_delay == 5);
    CHECK(config.max_body_bytes == 64 * 1024);
}

TEST_CASE("small config loads with defaults") {
    TempFolder folder;

    const ServerConfig config = require_value(load_config(write_file(folder, Parts{}.text())));

    CHECK(config.areas.size() == 2);
    CHECK(config.desks.size() == 1);
    CHECK(config.queue.starvation_limit_minutes == 30);
    CHECK(config.queue.booking_grace_minutes == 10);
    CHECK(config.opening_hours.at("monday").open == "08:00");
    CHECK(config.opening_hours.count("tuesday") == 0);
}

TEST_CASE("bad config names the key") {
    struct Case {
        const char* name;
        Parts parts;
        const char* expected_field;
    };
    const auto with = [](auto change) {
        Parts parts;
        change(parts);
        return parts;
    };
    const Case cases[] = {
        {"duplicate prefix",
         with([](Parts& p) {
             p.areas += "[[areas]]\nid = \"plk\"\nprefix = \"A\"\nname = { id = \"PLK\", en = \"PLK\" }\n";
         }),
         "areas"},
        {"duplicate id",
         with([](Parts& p) {
             p.areas += "[[areas]]\nid = \"pbk\"\nprefix = \"C\"\nname = { id = \"PLK\", en = \"PLK\" }\n";
         }),
         "areas"},
        {"two-letter prefix",
         with([](Parts& p) {
             p.areas += "[[areas]]\nid = \"plk\"\nprefix = \"CC\"\nname = { id = \"PLK\", en = \"PLK\" }\n";
         }),
         "areas.prefix"},
        {"missing areas", with([](Parts& p) { p.areas.clear(); }), "areas"},
        {"missing desks", with([](Parts& p) { p.desks.clear(); }), "desks"},
        {"missing office name", with([](Parts& p) { p.office.clear(); }), "office.name.id"},
        {"closing before opening",
         with([](Parts& p) { p.hours = "[opening_hours]\nmonday = \"16:00-08:00\"\n"; }),
         "opening_hours.monday"},
        {"hour past 23",
         with([](Parts& p) { p.hours = "[opening_hours]\ntuesday = \"08:00-24:00\"\n"; }),
         "opening_hours.tuesday"},
        {"hours without dash",
         with([](Parts& p) { p.hours = "[opening_hours]\nfriday = \"08:00\"\n"; }),
         "opening_hours.friday"},
        {"number as text",
         with([](Parts& p) { p.queue = "[queue]\nstarvation_limit_minutes = \"45\"\n"; }),
         "queue.starvation_limit_minutes"},
        {"negative number",
         with([](Parts& p) { p.queue = "[queue]\nbooking_grace_minutes = -5\n"; }),
         "queue.booking_grace_minutes"},
        {"fractional number",
         with([](Parts& p) { p.queue = "[queue]\nbooked_officer_absent_minutes = 1.5\n"; }),
         "queue.booked_officer_absent_minutes"},
        {"day start past 23",
         with([](Parts& p) { p.queue = "[queue]\nservice_day_start_hour = 24\n"; }),
         "queue.service_day_start_hour"},
    };

    for (const Case& c : cases) {
        CAPTURE(c.name);
        TempFolder folder;
        const auto path = write_file(folder, c.parts.text());

        const Result<ServerConfig> config = load_config(path);

        REQUIRE_FALSE(config.has_value());
        CHECK(config.error().code == ErrorCode::InvalidInput);
        CHECK(config.error().message_key == "config.invalid");
        CHECK(config.error().field == c.expected_field);
        CHECK(config.error().params.at("file") == path.string());
        CHECK_FALSE(config.error().params.at("problem").empty());
    }
}

TEST_CASE("config syntax error names the line") {
    TempFolder folder;
    Parts parts;
    parts.queue = "[queue]\nstarvation_limit_minutes = = 45\n";
    const auto path = write_file(folder, parts.text());

    const Result<ServerConfig> config = load_config(path);

    REQUIRE_FALSE(config.has_value());
    CHECK(config.error().message_key == "config.invalid");
    CHECK(config.error().params.at("problem").find("line") != std::string::npos);
}

TEST_CASE("missing config file is an error") {
    TempFolder folder;

    const Result<ServerConfig> config = load_config(folder.path() / "tidak-ada.toml");

    REQUIRE_FALSE(config.has_value());
    CHECK(config.error().message_key == "config.invalid");
    CHECK(config.error().params.at("file") == (folder.path() / "tidak-ada.toml").string());
}
