#include "ui/layout_recorder.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <system_error>

namespace antrean::ui {

bool Rect::contains(const Rect& other, float tolerance) const {
    return other.x >= x - tolerance && other.y >= y - tolerance &&
           other.right() <= right() + tolerance && other.bottom() <= bottom() + tolerance;
}

bool Rect::intersects(const Rect& other) const {
    return x < other.right() && other.x < right() && y < other.bottom() && other.y < bottom();
}

const char* item_kind_name(ItemKind kind) {
    switch (kind) {
        case ItemKind::Button:
            return "button";
        case ItemKind::Field:
            return "field";
        case ItemKind::Text:
            return "text";
        case ItemKind::Message:
            return "message";
        case ItemKind::Panel:
            return "panel";
    }
    return "unknown";
}

void LayoutRecorder::begin_frame() {
    items_.clear();
    ++frame_;
}

void LayoutRecorder::set_screen(std::string screen, std::string language) {
    screen_ = std::move(screen);
    language_ = std::move(language);
}

void LayoutRecorder::add(LayoutItem item) {
    items_.push_back(std::move(item));
}

std::string LayoutRecorder::to_json(int window_x, int window_y, int window_width, int window_height) const {
    nlohmann::json items = nlohmann::json::array();
    for (const LayoutItem& item : items_) {
        items.push_back({{"id", item.id},
                         {"kind", item_kind_name(item.kind)},
                         {"x", item.rect.x},
                         {"y", item.rect.y},
                         {"w", item.rect.w},
                         {"h", item.rect.h},
                         {"parent", item.parent},
                         {"enabled", item.enabled}});
    }
    const nlohmann::json frame{{"frame", frame_},
                               {"screen", screen_},
                               {"language", language_},
                               {"window", {{"x", window_x}, {"y", window_y}, {"w", window_width}, {"h", window_height}}},
                               {"items", std::move(items)}};
    return frame.dump();
}

bool LayoutRecorder::write(const std::filesystem::path& path, int window_x, int window_y, int window_width,
                           int window_height) const {
    const std::filesystem::path temporary = path.string() + ".tmp";
    {
        std::ofstream file(temporary, std::ios::trunc);
        if (!file) {
            return false;
        }
        file << to_json(window_x, window_y, window_width, window_height) << '\n';
        if (!file) {
            return false;
        }
    }
    std::error_code error;
    std::filesystem::rename(temporary, path, error);
    return !error;
}

}  // namespace antrean::ui
