#include "ui/theme.hpp"

#include <system_error>

namespace antrean::ui {
namespace {

// Basic Latin, Latin-1 Supplement and Latin Extended-A: every letter of Indonesian and
// English, and the accented letters of names such as "Sébastien" or "Ňgurah".
constexpr ImWchar kTextGlyphs[] = {
    0x0020, 0x017F,
    0x2013, 0x2014,  // en and em dash: "10–20 menit"
    0x2018, 0x201E,  // typographic quotes
    0x2022, 0x2022,  // bullet
    0x2026, 0x2026,  // ellipsis
    0,
};

// The large ticket-code font holds only what a code contains ("A-001").
constexpr ImWchar kCodeGlyphs[] = {
    0x0020, 0x0020,
    0x002D, 0x002D,
    0x0030, 0x0039,
    0x0041, 0x005A,
    0,
};

ImFont* add_font(const std::filesystem::path& file, float size, const ImWchar* ranges, int oversample) {
    ImFontConfig config;
    config.OversampleH = oversample;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    return ImGui::GetIO().Fonts->AddFontFromFileTTF(file.c_str(), size, &config, ranges);
}

void apply_style(const Palette& palette) {
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowPadding = ImVec2(0, 0);
    style.WindowBorderSize = 0;
    style.WindowRounding = 0;
    style.ItemSpacing = ImVec2(0, 0);
    style.TouchExtraPadding = ImVec2(0, 0);
    style.Colors[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(palette.background);
    style.Colors[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(palette.text);
}

}  // namespace

Result<Theme> load_theme(const std::filesystem::path& font_directory, float scale) {
    const std::filesystem::path regular = font_directory / "NotoSans-Regular.ttf";
    const std::filesystem::path bold = font_directory / "NotoSans-Bold.ttf";
    for (const auto& file : {regular, bold}) {
        std::error_code error;
        if (!std::filesystem::is_regular_file(file, error)) {
            return fail(ErrorCode::Internal, "", "kiosk.error.font_missing", {{"path", file.string()}});
        }
    }

    Theme theme;
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    atlas.Clear();
    // Large glyphs gain nothing from horizontal oversampling; small ones get sharper.
    theme.fonts.body = add_font(regular, 32 * scale, kTextGlyphs, 2);
    theme.fonts.small = add_font(regular, 28 * scale, kTextGlyphs, 2);
    theme.fonts.body_bold = add_font(bold, 32 * scale, kTextGlyphs, 2);
    theme.fonts.label = add_font(bold, 40 * scale, kTextGlyphs, 1);
    theme.fonts.heading = add_font(bold, 52 * scale, kTextGlyphs, 1);
    theme.fonts.title = add_font(bold, 68 * scale, kTextGlyphs, 1);
    theme.fonts.code = add_font(bold, 240 * scale, kCodeGlyphs, 1);
    if (!theme.fonts.body || !theme.fonts.small || !theme.fonts.body_bold || !theme.fonts.label ||
        !theme.fonts.heading || !theme.fonts.title || !theme.fonts.code) {
        return fail(ErrorCode::Internal, "", "kiosk.error.font_missing", {{"path", font_directory.string()}});
    }
    atlas.Build();
    apply_style(theme.palette);
    return theme;
}

}  // namespace antrean::ui
