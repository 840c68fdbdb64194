#pragma once

#include <cstddef>
#include <optional>
#include <vector>

// The geometry of the wall display: where each panel and each line of text goes, for any
// window size. It is designed at 1920x1080 and scales to other sizes and aspect ratios; a
// window taller than wide gets a stacked layout. Pure arithmetic, so tests check every size.
namespace antrean::display::layout {

struct Rect {
    float x = 0;
    float y = 0;
    float width = 0;
    float height = 0;

    float right() const { return x + width; }
    float bottom() const { return y + height; }
    bool empty() const { return width <= 0 || height <= 0; }
    // True when `other` lies inside this rectangle, edges included.
    bool contains(const Rect& other) const;
    // True when the two share an area, not only an edge.
    bool overlaps(const Rect& other) const;
    // Returns the rectangle shrunk by `margin` on every side, never below zero size.
    Rect inset(float margin) const;
    Rect inset(float horizontal, float vertical) const;

    bool operator==(const Rect&) const = default;
};

struct LayoutInput {
    unsigned width = 1920;
    unsigned height = 1080;
    size_t desk_count = 3;
    size_t area_count = 4;
    bool show_banner = false;
};

enum class Orientation { Landscape, Portrait, kCount };

struct DeskCellLayout {
    Rect cell;
    Rect name;
    Rect code;
    Rect state;
};

// A row with a text on the left and one on the right: an area and its count, or a ticket
// code and its desk.
struct RowLayout {
    Rect row;
    Rect left;
    Rect right;
};

struct ScreenLayout {
    Rect screen;
    Orientation orientation = Orientation::Landscape;
    // The window's size relative to 1920x1080 (the smaller of the two ratios), for gaps and
    // strokes that should keep their proportions.
    float scale = 1.0f;

    Rect header;
    Rect title;
    Rect date;
    Rect clock;

    std::optional<Rect> banner;
    Rect banner_text;

    Rect call_panel;
    Rect call_label;
    Rect call_code;
    Rect call_desk_label;
    Rect call_desk;

    Rect desks_panel;
    Rect desks_title;
    std::vector<DeskCellLayout> desk_cells;

    Rect waiting_panel;
    Rect waiting_title;
    std::vector<RowLayout> area_rows;

    Rect recent_panel;
    Rect recent_title;
    std::vector<RowLayout> recent_rows;  // as many as fit, at least one

    Rect ticker;
    Rect ticker_label;
    Rect ticker_viewport;  // where the running text moves

    // The panels, which tile the screen without overlapping.
    std::vector<Rect> panels() const;
    // Every rectangle that holds a line of text.
    std::vector<Rect> text_boxes() const;
};

// Desk cells beyond this many are not shown; the grid would become unreadable from a
// distance. An office with more desks needs a second screen with an area filter.
inline constexpr size_t kMaxDeskCells = 24;

ScreenLayout compute_layout(const LayoutInput& input);

}  // namespace antrean::display::layout
