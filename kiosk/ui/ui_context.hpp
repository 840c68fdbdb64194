#pragma once

// What every drawing function of a kiosk screen needs: the catalogue and language, the
// theme, the layout recorder, and the mapping from design pixels (1920 x 1080) to the
// window.

#include <imgui.h>

#include <map>
#include <string>
#include <string_view>

#include "domain/types.hpp"
#include "i18n/catalog.hpp"
#include "ui/layout_recorder.hpp"
#include "ui/theme.hpp"

namespace antrean::ui {

struct UiContext {
    const Catalog* catalog = nullptr;
    Language language = Language::Indonesian;
    const Theme* theme = nullptr;
    LayoutRecorder* layout = nullptr;
    ImDrawList* draw = nullptr;
    float scale = 1.0f;
    ImVec2 origin{0, 0};  // window position of design point (0, 0)
    // False while a dialog covers the screen: buttons below it draw but do not react.
    bool interactive = true;

    std::string tr(std::string_view key, const std::map<std::string, std::string>& params = {}) const {
        return catalog->translate(language, key, params);
    }
    ImVec2 point(float x, float y) const { return ImVec2(origin.x + x * scale, origin.y + y * scale); }
    // A design rectangle in window pixels, for the layout recorder.
    Rect to_window(const Rect& design) const {
        return Rect{origin.x + design.x * scale, origin.y + design.y * scale, design.w * scale, design.h * scale};
    }
    const Palette& colors() const { return theme->palette; }
    const Fonts& fonts() const { return theme->fonts; }
};

}  // namespace antrean::ui
