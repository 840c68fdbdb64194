#include <doctest/doctest.h>

#include "display_test_support.hpp"
#include "model/running_text.hpp"

using namespace antrean;
using namespace antrean::display;
using antrean::display::testing::kAssetsDir;
using antrean::display::testing::real_catalog;

TEST_CASE("shipped running text resolves in both languages") {
    const Result<RunningTextConfig> config = load_running_text(kAssetsDir / "display" / "running-text.toml");
    REQUIRE_MESSAGE(config.has_value(), (config ? "" : describe_untranslated(config.error())));
    REQUIRE(config->messages.size() >= 4);

    for (const Language language : {Language::Indonesian, Language::English}) {
        std::vector<std::string> missing;
        const std::vector<std::string> texts = resolve_messages(*config, real_catalog(), language, &missing);
        CHECK(missing.empty());
        CHECK(texts.size() == config->messages.size());
        for (const RunningTextMessage& message : config->messages) {
            CAPTURE(message.key);
            CHECK(real_catalog().has_translation(language, message.key));
        }
    }
    const std::vector<std::string> indonesian = resolve_messages(*config, real_catalog(), Language::Indonesian);
    CHECK(indonesian.front().find("pialang berjangka ilegal") != std::string::npos);
}

TEST_CASE("running text with office texts and settings") {
    const auto config = parse_running_text(R"(
speed = 80
frames_per_second = 12
[[message]]
text = { id = "Loket tutup pukul 16.00", en = "The desks close at 4 pm" }
[[message]]
text = { id = "Hanya bahasa Indonesia" }
[[message]]
key = "display.running_text.free_of_charge"
[[message]]
key = "display.running_text.no_such_key"
)",
                                           "test.toml");
    REQUIRE(config.has_value());
    CHECK(config->speed == 80);
    CHECK(config->frames_per_second == 12);

    std::vector<std::string> missing;
    const std::vector<std::string> english = resolve_messages(*config, real_catalog(), Language::English, &missing);
    REQUIRE(english.size() == 3);
    CHECK(english[0] == "The desks close at 4 pm");
    CHECK(english[1] == "Hanya bahasa Indonesia");
    CHECK(missing == std::vector<std::string>{"display.running_text.no_such_key"});
}

TEST_CASE("invalid running text files are rejected with the reason") {
    const auto invalid_reason = [](const std::string& toml) {
        const auto config = parse_running_text(toml, "bad.toml");
        REQUIRE_FALSE(config.has_value());
        CHECK(config.error().message_key == "error.running_text.invalid");
        CHECK(config.error().params.at("file") == "bad.toml");
        return config.error().params.at("reason");
    };

    CHECK(invalid_reason("speed = -3").find("speed") != std::string::npos);
    CHECK(invalid_reason("frames_per_second = 500").find("frames_per_second") != std::string::npos);
    CHECK(invalid_reason("[[message]]\nwhat = 1").find("message 1") != std::string::npos);
    CHECK(invalid_reason("[[message]]\ntext = { en = \"x\" }").find("Indonesian") != std::string::npos);
    CHECK(invalid_reason("speed = ").find("line 1") != std::string::npos);
}

TEST_CASE("missing running text file is reported by path") {
    const auto config = load_running_text("/nonexistent/running-text.toml");
    REQUIRE_FALSE(config.has_value());
    CHECK(config.error().message_key == "error.running_text.unreadable");
    CHECK(config.error().params.at("file") == "/nonexistent/running-text.toml");
}

TEST_CASE("display texts exist in both languages") {
    const Catalog& catalog = real_catalog();
    for (const std::string& key : catalog.keys(Language::Indonesian)) {
        if (key.rfind("display.", 0) != 0) {
            continue;
        }
        CAPTURE(key);
        CHECK(catalog.has_translation(Language::English, key));
    }
    CHECK(catalog.translate(Language::Indonesian, "display.connection_lost") ==
          "Koneksi terputus, menyambung kembali…");
}
