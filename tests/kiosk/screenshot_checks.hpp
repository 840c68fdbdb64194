#pragma once

// Checks shared by the screenshot tests of the kiosk and the consoles: the pictures, and
// the rectangles of the layout dump that `antrean-kiosk --screenshot-all` writes.

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <SFML/Graphics/Image.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace antrean::testing {

// One item's rectangle in window pixels.
struct Box {
    double x = 0;
    double y = 0;
    double w = 0;
    double h = 0;

    bool contains(const Box& other, double tolerance = 1.0) const {
        return other.x >= x - tolerance && other.y >= y - tolerance && other.x + other.w <= x + w + tolerance &&
               other.y + other.h <= y + h + tolerance;
    }
    bool overlaps(const Box& other, double tolerance = 1.0) const {
        return x + tolerance < other.x + other.w && other.x + tolerance < x + w && y + tolerance < other.y + other.h &&
               other.y + tolerance < y + h;
    }
};

inline Box box_of(const nlohmann::json& item) {
    return Box{item["x"].get<double>(), item["y"].get<double>(), item["w"].get<double>(), item["h"].get<double>()};
}

// Reads a whole JSON file; a parse error throws, which fails the test that reads it.
inline nlohmann::json read_json(const std::filesystem::path& path) {
    std::ifstream file(path);
    std::stringstream text;
    text << file.rdbuf();
    return nlohmann::json::parse(text.str());
}

// Checks a 1920 x 1080 screenshot on every 7th pixel: all opaque, and more than 20 colours
// (text, buttons and panels, not one flat colour).
inline void check_picture(const std::filesystem::path& png) {
    sf::Image image;
    REQUIRE(image.loadFromFile(png.string()));
    REQUIRE(image.getSize() == sf::Vector2u(1920, 1080));
    const sf::Uint8* pixels = image.getPixelsPtr();
    std::set<sf::Uint32> colors;
    bool opaque = true;
    for (size_t i = 0; i < static_cast<size_t>(1920 * 1080); i += 7) {
        opaque = opaque && pixels[i * 4 + 3] == 255;
        colors.insert(static_cast<sf::Uint32>(pixels[i * 4]) << 16 | static_cast<sf::Uint32>(pixels[i * 4 + 1]) << 8 |
                      pixels[i * 4 + 2]);
    }
    CHECK(opaque);
    CHECK(colors.size() > 20);
}

}  // namespace antrean::testing
