#include "layout/screen_layout.hpp"

#include <algorithm>
#include <cmath>

namespace antrean::display::layout {
namespace {

constexpr float kDesignWidth = 1920.0f;
constexpr float kDesignHeight = 1080.0f;
// Windows narrower than this ratio of width to height get the stacked layout.
constexpr float kPortraitBelowAspect = 1.15f;
// Width to height ratio that desk cells aim for: three short lines of text.
constexpr float kDeskCellAspect = 1.6f;
constexpr size_t kMaxRecentRows = 9;

// Returns the share of the column height that the newest call takes above the desk grid.
// Offices with many desks give the grid more room, so its cells stay readable.
float call_panel_share(size_t desk_count, bool landscape) {
    if (desk_count <= 4) {
        return landscape ? 0.6f : 0.36f;
    }
    if (desk_count <= 8) {
        return landscape ? 0.52f : 0.32f;
    }
    return landscape ? 0.45f : 0.28f;
}

float non_negative(float value) {
    return std::max(0.0f, value);
}

// Cuts a top part of `height` off `rect` and returns it. `rect` keeps the rest below a gap.
Rect take_top(Rect& rect, float height, float gap = 0) {
    height = std::clamp(height, 0.0f, rect.height);
    const Rect top{rect.x, rect.y, rect.width, height};
    const float used = std::min(rect.height, height + gap);
    rect.y += used;
    rect.height = non_negative(rect.height - used);
    return top;
}

Rect take_bottom(Rect& rect, float height, float gap = 0) {
    height = std::clamp(height, 0.0f, rect.height);
    const Rect bottom{rect.x, rect.bottom() - height, rect.width, height};
    rect.height = non_negative(rect.height - std::min(rect.height, height + gap));
    return bottom;
}

Rect take_left(Rect& rect, float width, float gap = 0) {
    width = std::clamp(width, 0.0f, rect.width);
    const Rect left{rect.x, rect.y, width, rect.height};
    const float used = std::min(rect.width, width + gap);
    rect.x += used;
    rect.width = non_negative(rect.width - used);
    return left;
}

// Splits a row into a left and a right text box with a gap between them.
RowLayout split_row(const Rect& row, float left_share, float gap) {
    Rect rest = row;
    const Rect left = take_left(rest, (row.width - gap) * left_share, gap);
    return RowLayout{row, left, rest};
}

void lay_out_header(ScreenLayout& layout, Rect header, float gap) {
    layout.header = header;
    const Rect inner = header.inset(2 * gap, 0);
    if (layout.orientation == Orientation::Landscape) {
        // The service name goes on the left, and the date above the larger clock on the right.
        Rect rest = inner;
        const Rect title_column = take_left(rest, inner.width * 0.7f, gap);
        layout.title = title_column.inset(0, title_column.height * 0.22f);
        Rect right = rest.inset(0, header.height * 0.1f);
        layout.date = take_top(right, right.height * 0.36f);
        layout.clock = right;
        return;
    }
    // Stacked: the name on its own line, then the date on the left and the clock on the right.
    Rect rest = inner.inset(0, header.height * 0.08f);
    layout.title = take_top(rest, rest.height * 0.5f, gap * 0.5f);
    layout.date = take_left(rest, rest.width * 0.62f, gap);
    layout.clock = rest;
}

void lay_out_call_panel(ScreenLayout& layout, Rect panel, float gap) {
    layout.call_panel = panel;
    Rect inner = panel.inset(2 * gap, gap);
    const float height = inner.height;
    layout.call_label = take_top(inner, height * 0.12f, height * 0.03f);
    layout.call_code = take_top(inner, height * 0.45f, height * 0.04f);
    layout.call_desk_label = take_top(inner, height * 0.1f, height * 0.02f);
    layout.call_desk = take_top(inner, height * 0.22f);
}

// Picks the number of columns that gives the largest cells of the desired shape.
size_t desk_columns(size_t count, const Rect& area, float gap) {
    size_t best_columns = 1;
    float best_size = -1;
    for (size_t columns = 1; columns <= count; ++columns) {
        const size_t rows = (count + columns - 1) / columns;
        const float cell_width =
            (area.width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
        const float cell_height =
            (area.height - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows);
        const float size = std::min(cell_width / kDeskCellAspect, cell_height);
        if (size > best_size) {
            best_size = size;
            best_columns = columns;
        }
    }
    return best_columns;
}

void lay_out_desks(ScreenLayout& layout, Rect panel, size_t desk_count, float gap) {
    layout.desks_panel = panel;
    Rect inner = panel.inset(gap);
    layout.desks_title = take_top(inner, std::min(inner.height * 0.16f, 48 * layout.scale), gap * 0.5f);

    const size_t count = std::min(desk_count, kMaxDeskCells);
    if (count == 0) {
        return;
    }
    const size_t columns = desk_columns(count, inner, gap);
    const size_t rows = (count + columns - 1) / columns;
    const float cell_width =
        non_negative((inner.width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns));
    const float cell_height =
        non_negative((inner.height - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows));
    for (size_t i = 0; i < count; ++i) {
        const auto column = static_cast<float>(i % columns);
        const auto row = static_cast<float>(i / columns);
        DeskCellLayout desk;
        desk.cell = Rect{inner.x + column * (cell_width + gap), inner.y + row * (cell_height + gap),
                         cell_width, cell_height};
        // Text sizes follow the height, so a tall narrow cell centres a shorter text block
        // that its width can hold.
        Rect content = desk.cell.inset(gap, cell_height * 0.06f);
        const float text_height = std::min(content.height, content.width * 0.9f);
        content = content.inset(0, (content.height - text_height) / 2);
        const float height = content.height;
        desk.name = take_top(content, height * 0.26f, height * 0.04f);
        desk.code = take_top(content, height * 0.42f, height * 0.04f);
        desk.state = take_top(content, height * 0.24f);
        layout.desk_cells.push_back(desk);
    }
}

void lay_out_waiting(ScreenLayout& layout, Rect panel, size_t area_count, float row_height,
                     float gap) {
    layout.waiting_panel = panel;
    Rect inner = panel.inset(gap);
    layout.waiting_title = take_top(inner, row_height * 0.8f, gap * 0.5f);
    if (area_count == 0) {
        return;
    }
    // Rows shrink when many areas share a short panel, so every area keeps its row.
    const float height = std::min(row_height, inner.height / static_cast<float>(area_count));
    for (size_t i = 0; i < area_count; ++i) {
        const Rect row = take_top(inner, height);
        layout.area_rows.push_back(split_row(row.inset(0, row.height * 0.1f), 0.86f, gap));
    }
}

void lay_out_recent(ScreenLayout& layout, Rect panel, float row_height, float gap) {
    layout.recent_panel = panel;
    Rect inner = panel.inset(gap);
    layout.recent_title = take_top(inner, row_height * 0.8f, gap * 0.5f);
    size_t rows = row_height > 0 ? static_cast<size_t>(std::floor(inner.height / row_height)) : 0;
    rows = std::clamp<size_t>(rows, 1, kMaxRecentRows);
    const float height = std::min(row_height, inner.height / static_cast<float>(rows));
    for (size_t i = 0; i < rows; ++i) {
        const Rect row = take_top(inner, height);
        layout.recent_rows.push_back(split_row(row.inset(0, row.height * 0.1f), 0.42f, gap));
    }
}

void lay_out_ticker(ScreenLayout& layout, Rect ticker, float gap) {
    layout.ticker = ticker;
    Rect rest = ticker;
    const float label_width =
        layout.orientation == Orientation::Landscape ? ticker.width * 0.1f : ticker.width * 0.16f;
    layout.ticker_label = take_left(rest, label_width).inset(gap, ticker.height * 0.2f);
    layout.ticker_viewport = rest.inset(0, ticker.height * 0.12f);
}

}  // namespace

bool Rect::contains(const Rect& other) const {
    constexpr float kTolerance = 0.01f;
    return other.x >= x - kTolerance && other.y >= y - kTolerance &&
           other.right() <= right() + kTolerance && other.bottom() <= bottom() + kTolerance;
}

bool Rect::overlaps(const Rect& other) const {
    constexpr float kTolerance = 0.01f;
    return x + kTolerance < other.right() && other.x + kTolerance < right() &&
           y + kTolerance < other.bottom() && other.y + kTolerance < bottom();
}

Rect Rect::inset(float margin) const {
    return inset(margin, margin);
}

Rect Rect::inset(float horizontal, float vertical) const {
    const float dx = std::min(horizontal, width / 2);
    const float dy = std::min(vertical, height / 2);
    return Rect{x + dx, y + dy, non_negative(width - 2 * dx), non_negative(height - 2 * dy)};
}

std::vector<Rect> ScreenLayout::panels() const {
    std::vector<Rect> list{header, call_panel, desks_panel, waiting_panel, recent_panel, ticker};
    if (banner) {
        list.push_back(*banner);
    }
    return list;
}

std::vector<Rect> ScreenLayout::text_boxes() const {
    std::vector<Rect> boxes{title,      date,         clock,         call_label,    call_code,
                            call_desk_label, call_desk, desks_title, waiting_title, recent_title,
                            ticker_label, ticker_viewport};
    if (banner) {
        boxes.push_back(banner_text);
    }
    for (const DeskCellLayout& desk : desk_cells) {
        boxes.insert(boxes.end(), {desk.name, desk.code, desk.state});
    }
    for (const RowLayout& row : area_rows) {
        boxes.insert(boxes.end(), {row.left, row.right});
    }
    for (const RowLayout& row : recent_rows) {
        boxes.insert(boxes.end(), {row.left, row.right});
    }
    return boxes;
}

ScreenLayout compute_layout(const LayoutInput& input) {
    ScreenLayout layout;
    const auto width = static_cast<float>(input.width);
    const auto height = static_cast<float>(input.height);
    layout.screen = Rect{0, 0, width, height};
    layout.scale = std::min(width / kDesignWidth, height / kDesignHeight);
    const bool landscape = height > 0 && width / height >= kPortraitBelowAspect;
    layout.orientation = landscape ? Orientation::Landscape : Orientation::Portrait;
    const float gap = std::max(1.0f, std::round(16 * layout.scale));

    // Header and banner at the top, running text at the bottom.
    Rect rest = layout.screen;
    lay_out_header(layout, take_top(rest, height * (landscape ? 0.115f : 0.1f)), gap);
    if (input.show_banner) {
        layout.banner = take_top(rest, height * (landscape ? 0.07f : 0.05f));
        layout.banner_text = layout.banner->inset(2 * gap, layout.banner->height * 0.14f);
    }
    lay_out_ticker(layout, take_bottom(rest, height * (landscape ? 0.085f : 0.06f)), gap);
    Rect content = rest.inset(gap);

    // Rows of the waiting and recent lists follow the geometric mean of the two scale
    // ratios, so a portrait screen's long columns get taller rows than its width alone gives.
    const float row_scale = std::sqrt((width / kDesignWidth) * (height / kDesignHeight));
    const float row_height = std::max(1.0f, 64 * row_scale);
    if (landscape) {
        Rect right = content;
        Rect left = take_left(right, content.width * 0.58f, gap);
        lay_out_call_panel(layout, take_top(left, left.height * call_panel_share(input.desk_count, true), gap),
                           gap);
        lay_out_desks(layout, left, input.desk_count, gap);

        const float waiting_height =
            row_height * (0.8f + static_cast<float>(input.area_count)) + gap * 2.5f;
        lay_out_waiting(layout, take_top(right, std::min(waiting_height, right.height * 0.55f), gap),
                        input.area_count, row_height, gap);
        lay_out_recent(layout, right, row_height, gap);
        return layout;
    }

    // Stacked: the call, the desks, then the waiting counts beside the recent calls.
    const float content_height = content.height;
    const float call_share = call_panel_share(input.desk_count, false);
    lay_out_call_panel(layout, take_top(content, content_height * call_share, gap), gap);
    lay_out_desks(layout, take_top(content, content_height * (0.66f - call_share), gap), input.desk_count, gap);
    Rect recent = content;
    const Rect waiting = take_left(recent, content.width * 0.5f, gap);
    lay_out_waiting(layout, waiting, input.area_count, row_height, gap);
    lay_out_recent(layout, recent, row_height, gap);
    return layout;
}

}  // namespace antrean::display::layout
