#include "console/bar_chart.hpp"

#include <algorithm>
#include <cfloat>

namespace antrean::console {

int nice_ceiling(int value) {
    if (value <= 1) {
        return 1;
    }
    int power = 1;
    while (power * 10 < value) {
        power *= 10;
    }
    for (const int step : {1, 2, 5, 10}) {
        if (step * power >= value) {
            return step * power;
        }
    }
    return 10 * power;
}

void draw_bar_chart(ConsoleUi& ui, const char* id, const std::vector<std::string>& categories,
                    const std::vector<BarSeries>& series, ImVec2 size) {
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);
    record_rect(ui, id, ui::ItemKind::Panel, origin, ImVec2(origin.x + size.x, origin.y + size.y));
    if (categories.empty() || series.empty()) {
        return;
    }
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ui::Palette& palette = ui.colors();
    ImFont* font = ui.fonts().small;
    const float font_size = font->FontSize;

    // The legend on top.
    float legend_x = origin.x;
    for (const BarSeries& entry : series) {
        const float box = font_size * 0.8f;
        draw->AddRectFilled(ImVec2(legend_x, origin.y + (font_size - box) / 2),
                            ImVec2(legend_x + box, origin.y + (font_size + box) / 2), entry.color, ui.px(2));
        draw->AddText(font, font_size, ImVec2(legend_x + box + ui.px(6), origin.y), palette.text,
                      entry.label.c_str());
        legend_x += box + ui.px(20) + font->CalcTextSizeA(font_size, FLT_MAX, 0, entry.label.c_str()).x;
    }

    // The plot area: room for the legend above, values over the bars, labels below and the
    // scale on the left.
    int max_value = 0;
    for (const BarSeries& entry : series) {
        for (const int value : entry.values) {
            max_value = std::max(max_value, value);
        }
    }
    const int scale_max = nice_ceiling(max_value);
    const std::string scale_text = std::to_string(scale_max);
    const float scale_width = font->CalcTextSizeA(font_size, FLT_MAX, 0, scale_text.c_str()).x + ui.px(8);
    const ImVec2 plot_min(origin.x + scale_width, origin.y + font_size * 2.6f);
    const ImVec2 plot_max(origin.x + size.x, origin.y + size.y - font_size * 1.6f);
    const float plot_height = plot_max.y - plot_min.y;
    for (int line = 0; line <= 2; ++line) {
        // The middle line sits at its whole-number value, not at half the height, when
        // the scale is odd (5 has its middle line at 2).
        const int value = scale_max * line / 2;
        const float y = plot_max.y - plot_height * static_cast<float>(value) / static_cast<float>(scale_max);
        draw->AddLine(ImVec2(plot_min.x, y), ImVec2(plot_max.x, y), line == 0 ? palette.text_muted : palette.disabled,
                      ui.px(1));
        const std::string text = std::to_string(value);
        const float width = font->CalcTextSizeA(font_size, FLT_MAX, 0, text.c_str()).x;
        draw->AddText(font, font_size, ImVec2(plot_min.x - width - ui.px(6), y - font_size / 2), palette.text_muted,
                      text.c_str());
    }

    // The bars, grouped by category.
    const float group_width = (plot_max.x - plot_min.x) / static_cast<float>(categories.size());
    const float bar_width = std::min(ui.px(44), group_width * 0.8f / static_cast<float>(series.size()));
    for (size_t category = 0; category < categories.size(); ++category) {
        const float group_left = plot_min.x + group_width * static_cast<float>(category);
        const float bars_left = group_left + (group_width - bar_width * static_cast<float>(series.size())) / 2;
        for (size_t index = 0; index < series.size(); ++index) {
            const int value = category < series[index].values.size() ? series[index].values[category] : 0;
            const float height = plot_height * static_cast<float>(value) / static_cast<float>(scale_max);
            const float left = bars_left + bar_width * static_cast<float>(index);
            draw->AddRectFilled(ImVec2(left + ui.px(2), plot_max.y - height), ImVec2(left + bar_width - ui.px(2), plot_max.y),
                                series[index].color, ui.px(2), ImDrawFlags_RoundCornersTop);
            const std::string text = std::to_string(value);
            const float width = font->CalcTextSizeA(font_size, FLT_MAX, 0, text.c_str()).x;
            draw->AddText(font, font_size, ImVec2(left + (bar_width - width) / 2, plot_max.y - height - font_size - ui.px(2)),
                          palette.text, text.c_str());
        }
        const std::string& label = categories[category];
        const float width = font->CalcTextSizeA(font_size, FLT_MAX, 0, label.c_str()).x;
        draw->AddText(font, font_size, ImVec2(group_left + (group_width - width) / 2, plot_max.y + ui.px(4)),
                      palette.text, label.c_str());
    }
}

}  // namespace antrean::console
