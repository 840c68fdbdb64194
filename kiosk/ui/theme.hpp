#pragma once

// The touch theme shared by the kiosk's screens: colours with high contrast on a calm
// light background, and NotoSans fonts of at least 28 px. Sizes are in design pixels of
// a 1920 x 1080 screen; UiContext scales them to the window.

#include <imgui.h>

#include <filesystem>
#include <string>

#include "domain/error.hpp"

namespace antrean::ui {

inline constexpr float kDesignWidth = 1920.0f;
inline constexpr float kDesignHeight = 1080.0f;
inline constexpr float kMinTargetSize = 90.0f;  // about 15 mm on a 21-inch 1080p screen
inline constexpr float kMinTextSize = 28.0f;

struct Palette {
    ImU32 background = IM_COL32(0xF3, 0xF5, 0xF8, 0xFF);
    ImU32 surface = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
    ImU32 surface_border = IM_COL32(0xB8, 0xC2, 0xCF, 0xFF);
    ImU32 text = IM_COL32(0x0F, 0x1B, 0x2D, 0xFF);
    ImU32 text_muted = IM_COL32(0x3A, 0x46, 0x57, 0xFF);
    // Lighter than typed text so an example is not mistaken for a value; 4.7:1 on white.
    ImU32 placeholder = IM_COL32(0x6B, 0x75, 0x84, 0xFF);
    ImU32 header = IM_COL32(0x0A, 0x3A, 0x66, 0xFF);
    ImU32 header_text = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
    ImU32 primary = IM_COL32(0x0A, 0x4D, 0x8C, 0xFF);
    ImU32 primary_pressed = IM_COL32(0x06, 0x30, 0x5A, 0xFF);
    ImU32 primary_text = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
    ImU32 selected = IM_COL32(0xDD, 0xEB, 0xF9, 0xFF);
    ImU32 pressed_surface = IM_COL32(0xC9, 0xDC, 0xF0, 0xFF);
    ImU32 danger = IM_COL32(0x9E, 0x1B, 0x1B, 0xFF);
    ImU32 error = IM_COL32(0xA8, 0x00, 0x1D, 0xFF);
    ImU32 error_background = IM_COL32(0xFD, 0xEC, 0xEC, 0xFF);
    ImU32 success = IM_COL32(0x1B, 0x6E, 0x31, 0xFF);
    ImU32 success_background = IM_COL32(0xE6, 0xF4, 0xEA, 0xFF);
    ImU32 warning = IM_COL32(0x8A, 0x55, 0x00, 0xFF);
    ImU32 warning_background = IM_COL32(0xFF, 0xF3, 0xD6, 0xFF);
    ImU32 disabled = IM_COL32(0xD5, 0xDA, 0xE1, 0xFF);
    ImU32 disabled_text = IM_COL32(0x5A, 0x64, 0x72, 0xFF);
    ImU32 key = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
    ImU32 key_special = IM_COL32(0xE2, 0xE7, 0xEE, 0xFF);
    ImU32 overlay_dim = IM_COL32(0x0F, 0x1B, 0x2D, 0xB0);
};

// The fonts, all NotoSans; sizes in design pixels.
struct Fonts {
    ImFont* small = nullptr;       // 28 regular: helper lines, errors, step labels
    ImFont* body = nullptr;        // 32 regular
    ImFont* body_bold = nullptr;   // 32 bold
    ImFont* label = nullptr;       // 40 bold: buttons and keys
    ImFont* heading = nullptr;     // 52 bold: screen titles
    ImFont* title = nullptr;       // 68 bold: the welcome screen
    ImFont* code = nullptr;        // 240 bold, ticket-code characters only
};

struct Theme {
    Palette palette;
    Fonts fonts;
    float rounding = 14.0f;
};

// The folder of fonts-noto-core on Debian.
inline constexpr const char* kDefaultFontDirectory = "/usr/share/fonts/truetype/noto";

// Adds the theme's fonts to the current ImGui context's atlas, scaled by `scale` (window
// size over design size), and sets ImGui's style colours. Fails with
// "kiosk.error.font_missing" {path} naming the first missing font file.
Result<Theme> load_theme(const std::filesystem::path& font_directory, float scale);

}  // namespace antrean::ui
