#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "layout/screen_layout.hpp"

using namespace antrean::display::layout;

namespace {

struct Size {
    unsigned width;
    unsigned height;
};

// Landscape, portrait, 4:3, ultrawide, 4K and small windows.
const std::vector<Size> kSizes{{1920, 1080}, {1280, 720}, {3840, 2160}, {1366, 768}, {1024, 768},
                               {2560, 1080}, {1080, 1920}, {768, 1024}, {800, 600},  {640, 360},
                               {320, 240}};

std::string describe(const Rect& rect) {
    return std::to_string(rect.x) + "," + std::to_string(rect.y) + " " + std::to_string(rect.width) +
           "x" + std::to_string(rect.height);
}

void check_layout(const LayoutInput& input) {
    const ScreenLayout layout = compute_layout(input);
    CAPTURE(input.width);
    CAPTURE(input.height);
    CAPTURE(input.desk_count);
    CAPTURE(input.show_banner);

    // Every panel and every text box lies on the screen.
    for (const Rect& panel : layout.panels()) {
        CAPTURE(describe(panel));
        CHECK(layout.screen.contains(panel));
    }
    const std::vector<Rect> boxes = layout.text_boxes();
    for (const Rect& box : boxes) {
        CAPTURE(describe(box));
        CHECK(layout.screen.contains(box));
        CHECK(box.width >= 0);
        CHECK(box.height >= 0);
    }

    // No two panels overlap, and no two text boxes overlap.
    const std::vector<Rect> panels = layout.panels();
    for (size_t i = 0; i < panels.size(); ++i) {
        for (size_t j = i + 1; j < panels.size(); ++j) {
            CAPTURE(describe(panels[i]));
            CAPTURE(describe(panels[j]));
            CHECK_FALSE(panels[i].overlaps(panels[j]));
        }
    }
    for (size_t i = 0; i < boxes.size(); ++i) {
        for (size_t j = i + 1; j < boxes.size(); ++j) {
            if (boxes[i].empty() || boxes[j].empty()) {
                continue;
            }
            CAPTURE(describe(boxes[i]));
            CAPTURE(describe(boxes[j]));
            CHECK_FALSE(boxes[i].overlaps(boxes[j]));
        }
    }

    // Each box lies inside its own panel.
    for (const Rect& box : {layout.title, layout.date, layout.clock}) {
        CHECK(layout.header.contains(box));
    }
    for (const Rect& box : {layout.call_label, layout.call_code, layout.call_desk_label, layout.call_desk}) {
        CHECK(layout.call_panel.contains(box));
    }
    for (const DeskCellLayout& desk : layout.desk_cells) {
        CHECK(layout.desks_panel.contains(desk.cell));
        CHECK(desk.cell.contains(desk.name));
        CHECK(desk.cell.contains(desk.code));
        CHECK(desk.cell.contains(desk.state));
    }
    for (const RowLayout& row : layout.area_rows) {
        CHECK(layout.waiting_panel.contains(row.row));
    }
    for (const RowLayout& row : layout.recent_rows) {
        CHECK(layout.recent_panel.contains(row.row));
    }
    CHECK(layout.ticker.contains(layout.ticker_label));
    CHECK(layout.ticker.contains(layout.ticker_viewport));
    if (layout.banner) {
        CHECK(layout.banner->contains(layout.banner_text));
    }
}

}  // namespace

TEST_CASE("layout fits every screen size without overlaps") {
    for (const Size& size : kSizes) {
        for (const bool banner : {false, true}) {
            check_layout(LayoutInput{size.width, size.height, 3, 4, banner});
        }
    }
}

TEST_CASE("layout fits any number of desks and areas") {
    for (const Size& size : {Size{1920, 1080}, Size{1080, 1920}, Size{1024, 768}}) {
        for (const size_t desks : {0u, 1u, 2u, 5u, 8u, 12u, 30u}) {
            for (const size_t areas : {0u, 1u, 4u, 9u}) {
                check_layout(LayoutInput{size.width, size.height, desks, areas, false});
            }
        }
    }
}

TEST_CASE("layout keeps one cell per desk up to the limit") {
    CHECK(compute_layout({1920, 1080, 3, 4, false}).desk_cells.size() == 3);
    CHECK(compute_layout({1920, 1080, 12, 4, false}).desk_cells.size() == 12);
    CHECK(compute_layout({1920, 1080, 40, 4, false}).desk_cells.size() == kMaxDeskCells);
}

TEST_CASE("layout gives every area a row") {
    CHECK(compute_layout({1920, 1080, 3, 4, false}).area_rows.size() == 4);
    CHECK(compute_layout({1080, 1920, 3, 9, false}).area_rows.size() == 9);
}

TEST_CASE("layout picks the orientation from the aspect ratio") {
    CHECK(compute_layout({1920, 1080, 3, 4, false}).orientation == Orientation::Landscape);
    CHECK(compute_layout({1080, 1920, 3, 4, false}).orientation == Orientation::Portrait);
    CHECK(compute_layout({1024, 1024, 3, 4, false}).orientation == Orientation::Portrait);
}

TEST_CASE("newest call gets the largest text box") {
    const ScreenLayout layout = compute_layout({1920, 1080, 3, 4, false});
    // Readable from across a room: the code's box is over a sixth of the screen height.
    CHECK(layout.call_code.height >= 1080 / 6.0f);
    for (const DeskCellLayout& desk : layout.desk_cells) {
        CHECK(layout.call_code.height > desk.code.height);
    }
}

TEST_CASE("layout scales with the window") {
    const ScreenLayout full_hd = compute_layout({1920, 1080, 3, 4, false});
    const ScreenLayout uhd = compute_layout({3840, 2160, 3, 4, false});
    CHECK(uhd.scale == doctest::Approx(2.0));
    CHECK(uhd.call_code.height == doctest::Approx(full_hd.call_code.height * 2).epsilon(0.02));
    CHECK(uhd.ticker.height == doctest::Approx(full_hd.ticker.height * 2).epsilon(0.02));
}

TEST_CASE("banner takes a row of its own") {
    const ScreenLayout without = compute_layout({1920, 1080, 3, 4, false});
    const ScreenLayout with = compute_layout({1920, 1080, 3, 4, true});
    REQUIRE(with.banner.has_value());
    CHECK_FALSE(without.banner.has_value());
    CHECK(with.banner->y == doctest::Approx(with.header.bottom()));
    CHECK(with.call_panel.y >= with.banner->bottom());
}
