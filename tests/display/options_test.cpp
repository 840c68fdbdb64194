#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "app/options.hpp"

using namespace antrean;
using namespace antrean::display;

namespace {

std::variant<DisplayOptions, int> parse(std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), "antrean-display");
    std::vector<const char*> argv;
    for (const std::string& argument : arguments) {
        argv.push_back(argument.c_str());
    }
    return parse_options(static_cast<int>(argv.size()), argv.data());
}

}  // namespace

TEST_CASE("options have working defaults") {
    const auto parsed = parse({});
    REQUIRE(std::holds_alternative<DisplayOptions>(parsed));
    const DisplayOptions& options = std::get<DisplayOptions>(parsed);
    CHECK(options.server_url == "http://127.0.0.1:8080");
    CHECK_FALSE(options.fullscreen);
    CHECK_FALSE(options.mute);
    CHECK_FALSE(options.screenshot_path.has_value());
    CHECK(options.areas.empty());
    CHECK(options.width == 1920);
    CHECK(options.height == 1080);
    CHECK(options.voice_languages == std::vector<Language>{Language::Indonesian});
    CHECK(options.running_text_file == options.assets_dir / "display" / "running-text.toml");
}

TEST_CASE("options for a second screen") {
    const auto parsed = parse({"--server", "http://192.0.2.10:9000", "--fullscreen", "--mute", "--areas",
                               "pbk, srg", "--size", "1280x720", "--language", "en", "--voice-languages",
                               "id,en", "--screenshot", "/tmp/board.png", "--redraw", "full"});
    REQUIRE(std::holds_alternative<DisplayOptions>(parsed));
    const DisplayOptions& options = std::get<DisplayOptions>(parsed);
    CHECK(options.server_url == "http://192.0.2.10:9000");
    CHECK(options.fullscreen);
    CHECK(options.mute);
    CHECK(options.areas == std::vector<AreaId>{"pbk", "srg"});
    CHECK(options.width == 1280);
    CHECK(options.height == 720);
    CHECK(options.language == Language::English);
    CHECK(options.voice_languages == std::vector<Language>{Language::Indonesian, Language::English});
    CHECK(options.screenshot_path == "/tmp/board.png");
    CHECK(options.redraw == render::RedrawMode::Full);
}

TEST_CASE("invalid options stop with an error code") {
    for (const std::vector<std::string>& arguments :
         {std::vector<std::string>{"--size", "big"}, {"--size", "10x10"}, {"--language", "fr"},
          {"--voice-languages", "id,jv"}, {"--redraw", "sometimes"}, {"--no-such-option"}}) {
        CAPTURE(arguments.front());
        const auto parsed = parse(arguments);
        REQUIRE(std::holds_alternative<int>(parsed));
        CHECK(std::get<int>(parsed) != 0);
    }
}
