#pragma once

// Records where each button, field and text block of a frame was drawn, in window
// pixels. End-to-end tests read the JSON to know where to tap, and screenshot tests check
// that text stays inside its box. Only ids and rectangles are recorded, never what a
// visitor typed.

#include <filesystem>
#include <string>
#include <vector>

namespace antrean::ui {

struct Rect {
    float x = 0;
    float y = 0;
    float w = 0;
    float h = 0;

    float right() const { return x + w; }
    float bottom() const { return y + h; }
    bool contains(const Rect& other, float tolerance = 0.5f) const;
    bool intersects(const Rect& other) const;
};

enum class ItemKind { Button, Field, Text, Message, Panel };

struct LayoutItem {
    std::string id;
    ItemKind kind = ItemKind::Button;
    Rect rect;
    std::string parent;  // id of the button or panel a text belongs to; empty for none
    bool enabled = true;
};

class LayoutRecorder {
  public:
    // Clears the items of the previous frame.
    void begin_frame();
    // Names the screen and language of the frame, once the screen has been drawn.
    void set_screen(std::string screen, std::string language);
    void add(LayoutItem item);
    const std::vector<LayoutItem>& items() const { return items_; }
    const std::string& screen() const { return screen_; }

    // Serializes the frame as {"frame","screen","language","window":{"x","y","w","h"},
    // "items":[{"id","kind","x","y","w","h","parent","enabled"}]}.
    std::string to_json(int window_x, int window_y, int window_width, int window_height) const;
    // Writes to_json() to `path` through a temporary file and a rename, so a reader never
    // sees half a frame. Returns false when writing fails.
    bool write(const std::filesystem::path& path, int window_x, int window_y, int window_width,
               int window_height) const;

  private:
    std::string screen_;
    std::string language_;
    long frame_ = 0;
    std::vector<LayoutItem> items_;
};

const char* item_kind_name(ItemKind kind);

}  // namespace antrean::ui
