#include "render/board_painter.hpp"

#include <SFML/Graphics/RectangleShape.hpp>
#include <cmath>

#include "render/text_painter.hpp"
#include "render/theme.hpp"

namespace antrean::display::render {
namespace {

void fill(sf::RenderTarget& target, const layout::Rect& rect, const sf::Color& color) {
    if (rect.empty()) {
        return;
    }
    sf::RectangleShape shape({std::round(rect.width), std::round(rect.height)});
    shape.setPosition(std::round(rect.x), std::round(rect.y));
    shape.setFillColor(color);
    target.draw(shape);
}

// A thin horizontal line along the bottom of `rect`.
void rule_below(sf::RenderTarget& target, const layout::Rect& rect, float thickness) {
    fill(target, layout::Rect{rect.x, rect.bottom() - thickness, rect.width, thickness}, theme::kRule);
}

float stroke(const layout::ScreenLayout& layout) {
    return std::max(1.0f, std::round(3 * layout.scale));
}

}  // namespace

layout::Rect panel_rect(Panel panel, const layout::ScreenLayout& layout) {
    switch (panel) {
        case Panel::Header:
            return layout.header;
        case Panel::Clock:
            return layout.clock;
        case Panel::Banner:
            return layout.banner.value_or(layout::Rect{});
        case Panel::Call:
            return layout.call_panel;
        case Panel::Desks:
            return layout.desks_panel;
        case Panel::Waiting:
            return layout.waiting_panel;
        case Panel::Recent:
            return layout.recent_panel;
        case Panel::Ticker:
            return layout.ticker;
        case Panel::kCount:
            break;
    }
    return {};
}

void BoardPainter::draw_background(sf::RenderTarget& target, const layout::ScreenLayout&) const {
    target.clear(theme::kBackground);
}

void BoardPainter::draw_panel(sf::RenderTarget& target, Panel panel,
                              const layout::ScreenLayout& layout, const ScreenContent& content,
                              CallEmphasis emphasis) const {
    switch (panel) {
        case Panel::Header:
            draw_header(target, layout, content);
            return;
        case Panel::Clock:
            draw_clock(target, layout, content);
            return;
        case Panel::Banner:
            draw_banner(target, layout, content);
            return;
        case Panel::Call:
            draw_call(target, layout, content, emphasis);
            return;
        case Panel::Desks:
            draw_desks(target, layout, content);
            return;
        case Panel::Waiting:
            draw_waiting(target, layout, content);
            return;
        case Panel::Recent:
            draw_recent(target, layout, content);
            return;
        case Panel::Ticker:
            draw_ticker_frame(target, layout, content);
            return;
        case Panel::kCount:
            return;
    }
}

void BoardPainter::draw_header(sf::RenderTarget& target, const layout::ScreenLayout& layout,
                               const ScreenContent& content) const {
    fill(target, layout.header, theme::kHeader);
    // An amber line under the header separates it from the board.
    const float line = std::max(2.0f, std::round(5 * layout.scale));
    fill(target, layout::Rect{layout.header.x, layout.header.bottom() - line, layout.header.width, line},
         theme::kAccent);

    draw_text_line(target, content.office_name, layout.title,
                   TextStyle{&fonts_.bold, theme::kText, Align::Left, Overflow::ShrinkThenEllipsis, 0.58f, 0.6f});
    const Align date_align = layout.orientation == layout::Orientation::Landscape ? Align::Right : Align::Left;
    draw_text_line(target, content.date, layout.date,
                   TextStyle{&fonts_.regular, theme::kMutedText, date_align, Overflow::Shrink, 0.55f});
    draw_clock(target, layout, content);
}

void BoardPainter::draw_clock(sf::RenderTarget& target, const layout::ScreenLayout& layout,
                              const ScreenContent& content) const {
    fill(target, layout.clock, theme::kHeader);
    draw_text_line(target, content.clock, layout.clock,
                   TextStyle{&fonts_.bold, theme::kText, Align::Right, Overflow::Shrink, 0.6f});
}

void BoardPainter::draw_banner(sf::RenderTarget& target, const layout::ScreenLayout& layout,
                               const ScreenContent& content) const {
    if (!layout.banner) {
        return;
    }
    fill(target, *layout.banner, theme::kBanner);
    draw_text_line(target, content.banner, layout.banner_text,
                   TextStyle{&fonts_.bold, theme::kText, Align::Center, Overflow::Shrink, 0.55f});
}

void BoardPainter::draw_call(sf::RenderTarget& target, const layout::ScreenLayout& layout,
                             const ScreenContent& content, CallEmphasis emphasis) const {
    // A flash turns the panel amber with dark text, which people notice without hearing.
    const bool flash = emphasis == CallEmphasis::FlashOn && !content.call_code.empty();
    fill(target, layout.call_panel, flash ? theme::kAccent : theme::kPanel);
    if (!flash) {
        const float edge = stroke(layout);
        fill(target, layout::Rect{layout.call_panel.x, layout.call_panel.y, edge, layout.call_panel.height},
             theme::kAccent);
    }
    const sf::Color label = flash ? theme::kTextOnAccent : theme::kMutedText;
    const sf::Color code = flash ? theme::kTextOnAccent : theme::kAccent;
    const sf::Color desk = flash ? theme::kTextOnAccent : theme::kText;

    draw_text_line(target, content.call_label, layout.call_label,
                   TextStyle{&fonts_.bold, label, Align::Center, Overflow::Shrink, 0.55f});
    if (content.call_code.empty()) {
        draw_text_line(target, content.no_call_text, layout.call_code,
                       TextStyle{&fonts_.regular, theme::kIdleText, Align::Center, Overflow::Shrink, 0.3f});
        return;
    }
    draw_text_line(target, content.call_code, layout.call_code,
                   TextStyle{&fonts_.bold, code, Align::Center, Overflow::Shrink, 0.78f});
    draw_text_line(target, content.call_desk_label, layout.call_desk_label,
                   TextStyle{&fonts_.bold, label, Align::Center, Overflow::Shrink, 0.55f});
    draw_text_line(target, content.call_desk, layout.call_desk,
                   TextStyle{&fonts_.bold, desk, Align::Center, Overflow::Ellipsis, 0.72f});
}

void BoardPainter::draw_desks(sf::RenderTarget& target, const layout::ScreenLayout& layout,
                              const ScreenContent& content) const {
    fill(target, layout.desks_panel, theme::kPanel);
    draw_text_line(target, content.desks_title, layout.desks_title,
                   TextStyle{&fonts_.bold, theme::kMutedText, Align::Left, Overflow::Ellipsis, 0.5f});

    // Names and states share one size across the cells, so the grid reads as one table.
    const size_t count = std::min(layout.desk_cells.size(), content.desks.size());
    std::vector<std::string> names;
    std::vector<std::string> states;
    std::vector<layout::Rect> name_boxes;
    std::vector<layout::Rect> state_boxes;
    for (size_t i = 0; i < count; ++i) {
        names.push_back(ascii_upper(content.desks[i].name));
        states.push_back(content.desks[i].state);
        name_boxes.push_back(layout.desk_cells[i].name);
        state_boxes.push_back(layout.desk_cells[i].state);
    }
    TextStyle name_style{&fonts_.bold, theme::kMutedText, Align::Center, Overflow::ShrinkThenEllipsis, 0.6f};
    name_style.max_character_size = shared_character_size(names, name_boxes, name_style);
    TextStyle state_style{&fonts_.regular, theme::kMutedText, Align::Center, Overflow::Shrink, 0.6f};
    state_style.max_character_size = shared_character_size(states, state_boxes, state_style);

    for (size_t i = 0; i < count; ++i) {
        const layout::DeskCellLayout& cell = layout.desk_cells[i];
        const DeskCell& desk = content.desks[i];
        fill(target, cell.cell, theme::kCell);

        sf::Color code_color = theme::kIdleText;
        state_style.color = theme::kMutedText;
        if (desk.tone == DeskTone::Called) {
            // A desk still waiting for its visitor gets an amber edge on top.
            fill(target, layout::Rect{cell.cell.x, cell.cell.y, cell.cell.width, stroke(layout)},
                 theme::kAccent);
            code_color = theme::kAccent;
            state_style.color = theme::kAccent;
        } else if (desk.tone == DeskTone::Serving) {
            code_color = theme::kText;
            state_style.color = theme::kServing;
        }

        draw_text_line(target, names[i], cell.name, name_style);
        draw_text_line(target, desk.ticket_code.empty() ? content.idle_desk_code : desk.ticket_code, cell.code,
                       TextStyle{&fonts_.bold, code_color, Align::Center, Overflow::Shrink, 0.72f});
        draw_text_line(target, desk.state, cell.state, state_style);
    }
}

void BoardPainter::draw_waiting(sf::RenderTarget& target, const layout::ScreenLayout& layout,
                                const ScreenContent& content) const {
    fill(target, layout.waiting_panel, theme::kPanel);
    draw_text_line(target, content.waiting_title, layout.waiting_title,
                   TextStyle{&fonts_.bold, theme::kMutedText, Align::Left, Overflow::Ellipsis, 0.5f});

    const size_t count = std::min(layout.area_rows.size(), content.waiting.size());
    std::vector<std::string> names;
    std::vector<layout::Rect> name_boxes;
    for (size_t i = 0; i < count; ++i) {
        names.push_back(content.waiting[i].name);
        name_boxes.push_back(layout.area_rows[i].left);
    }
    TextStyle name_style{&fonts_.regular, theme::kText, Align::Left, Overflow::ShrinkThenEllipsis, 0.5f, 0.7f};
    name_style.max_character_size = shared_character_size(names, name_boxes, name_style);

    const float line = std::max(1.0f, std::round(layout.scale * 2));
    for (size_t i = 0; i < count; ++i) {
        const layout::RowLayout& row = layout.area_rows[i];
        if (i + 1 < count) {
            rule_below(target, row.row, line);
        }
        draw_text_line(target, names[i], row.left, name_style);
        draw_text_line(target, content.waiting[i].count, row.right,
                       TextStyle{&fonts_.bold, theme::kAccent, Align::Right, Overflow::Shrink, 0.6f});
    }
}

void BoardPainter::draw_recent(sf::RenderTarget& target, const layout::ScreenLayout& layout,
                               const ScreenContent& content) const {
    fill(target, layout.recent_panel, theme::kPanel);
    draw_text_line(target, content.recent_title, layout.recent_title,
                   TextStyle{&fonts_.bold, theme::kMutedText, Align::Left, Overflow::Ellipsis, 0.5f});
    if (content.recent.empty()) {
        if (!layout.recent_rows.empty()) {
            draw_text_line(target, content.no_recent_text, layout.recent_rows.front().row,
                           TextStyle{&fonts_.regular, theme::kIdleText, Align::Left, Overflow::Ellipsis, 0.45f});
        }
        return;
    }

    const float line = std::max(1.0f, std::round(layout.scale * 2));
    const size_t count = std::min(layout.recent_rows.size(), content.recent.size());
    for (size_t i = 0; i < count; ++i) {
        const layout::RowLayout& row = layout.recent_rows[i];
        if (i + 1 < count) {
            rule_below(target, row.row, line);
        }
        draw_text_line(target, content.recent[i].ticket_code, row.left,
                       TextStyle{&fonts_.bold, theme::kText, Align::Left, Overflow::Shrink, 0.55f});
        draw_text_line(target, content.recent[i].desk_name, row.right,
                       TextStyle{&fonts_.regular, theme::kMutedText, Align::Right, Overflow::Ellipsis, 0.5f});
    }
}

void BoardPainter::draw_ticker_frame(sf::RenderTarget& target, const layout::ScreenLayout& layout,
                                     const ScreenContent& content) const {
    fill(target, layout.ticker, theme::kAccent);
    fill(target, layout.ticker_label, theme::kTextOnAccent);
    draw_text_line(target, content.running_text_label, layout.ticker_label.inset(layout.ticker_label.height * 0.2f, 0),
                   TextStyle{&fonts_.bold, theme::kAccent, Align::Center, Overflow::Shrink, 0.5f});
}

}  // namespace antrean::display::render
