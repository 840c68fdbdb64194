#pragma once

// Rectangles of the layout dump that `antrean-kiosk --layout-dump` and `--screenshot-all`
// write, for the screenshot tests of the kiosk and the consoles.

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
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

}  // namespace antrean::testing
