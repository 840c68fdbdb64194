#include "ui/onscreen_keyboard.hpp"

#include <algorithm>

#include "ui/widgets.hpp"

namespace antrean::ui {
namespace {

constexpr float kKeyGap = 8;
constexpr float kMaxKeyHeight = 104;
constexpr float kMaxKeyWidth = 220;

float row_units(const KeyboardRow& row) {
    float units = 0;
    for (const KeyDefinition& key : row.keys) {
        units += key.width_units;
    }
    return units;
}

// The key that types `character` in `layout`, matching letters in either case.
const KeyDefinition* find_key_for(KeyboardLayout layout, unsigned int character) {
    const char typed = static_cast<char>(character);
    const char lower = (typed >= 'A' && typed <= 'Z') ? static_cast<char>(typed - 'A' + 'a') : typed;
    const char upper = (typed >= 'a' && typed <= 'z') ? static_cast<char>(typed - 'a' + 'A') : typed;
    if (character > 0x7E) {
        return nullptr;
    }
    for (const KeyboardRow& row : keyboard_rows(layout)) {
        for (const KeyDefinition& key : row.keys) {
            if (key.text.size() != 1) {
                continue;
            }
            if (key.text[0] == typed || key.text[0] == lower || key.text[0] == upper) {
                return &key;
            }
        }
    }
    return nullptr;
}

}  // namespace

bool draw_onscreen_keyboard(UiContext& ui, KeyboardLayout layout, const Rect& area, KeyboardTarget& target) {
    const std::vector<KeyboardRow>& rows = keyboard_rows(layout);
    const auto row_count = static_cast<float>(rows.size());
    const float key_height =
        std::clamp((area.h - (row_count - 1) * kKeyGap) / row_count, kMinTargetSize, kMaxKeyHeight);

    // One unit width for every row, set by the row that needs the most room.
    float unit = kMaxKeyWidth;
    for (const KeyboardRow& row : rows) {
        const float gaps = static_cast<float>(row.keys.size() - 1) * kKeyGap;
        unit = std::min(unit, (area.w - gaps) / row_units(row));
    }
    unit = std::max(unit, kMinTargetSize);

    const float block_height = row_count * key_height + (row_count - 1) * kKeyGap;
    float y = area.y + std::max(0.0f, (area.h - block_height) / 2);
    bool changed = false;
    const Palette& palette = ui.colors();

    for (const KeyboardRow& row : rows) {
        const float gaps = static_cast<float>(row.keys.size() - 1) * kKeyGap;
        float x = area.x + (area.w - (row_units(row) * unit + gaps)) / 2;
        for (const KeyDefinition& key : row.keys) {
            const float width = key.width_units * unit;
            const Rect rect{x, y, width, key_height};
            x += width + kKeyGap;
            if (key.id.empty()) {
                continue;
            }

            ButtonOptions options;
            std::string label;
            switch (key.action) {
                case KeyAction::Insert:
                    options.kind = ButtonKind::Key;
                    label = key_output(key, target.shift);
                    if (label.size() > 1) {
                        options.font = ui.fonts().body_bold;
                    }
                    break;
                case KeyAction::Shift:
                    options.kind = ButtonKind::KeySpecial;
                    options.selected = target.shift;
                    break;
                case KeyAction::Backspace:
                case KeyAction::Space:
                    options.kind = ButtonKind::KeySpecial;
                    options.font = ui.fonts().body_bold;
                    label = ui.tr(key.label_key);
                    break;
            }
            if (button(ui, key.id.c_str(), label, rect, options)) {
                changed = apply_key(key, target) || changed;
            }
            if (key.action == KeyAction::Shift) {
                const ImU32 color = target.shift ? palette.primary_text : palette.text;
                draw_shift_arrow(ui, ImVec2(rect.x + rect.w / 2, rect.y + rect.h / 2), 44, color, target.shift);
            }
        }
        y += key_height + kKeyGap;
    }
    return changed;
}

bool apply_physical_keys(KeyboardLayout layout, KeyboardTarget& target) {
    ImGuiIO& io = ImGui::GetIO();
    bool changed = false;
    for (const ImWchar character : io.InputQueueCharacters) {
        const KeyDefinition* key = character == ' ' ? nullptr : find_key_for(layout, character);
        if (character == ' ') {
            static const KeyDefinition kSpace{"key.space", KeyAction::Space, " ", 1.0f, ""};
            if (layout == KeyboardLayout::Letters || layout == KeyboardLayout::Text) {
                changed = apply_key(kSpace, target) || changed;
            }
            continue;
        }
        if (key == nullptr) {
            continue;
        }
        // The typed case wins over the on-screen shift state.
        target.shift = character >= 'A' && character <= 'Z';
        changed = apply_key(*key, target) || changed;
    }
    io.InputQueueCharacters.resize(0);
    if (ImGui::IsKeyPressed(io.KeyMap[ImGuiKey_Backspace])) {
        static const KeyDefinition kBackspace{"key.backspace", KeyAction::Backspace, "", 1.0f, ""};
        changed = apply_key(kBackspace, target) || changed;
    }
    return changed;
}

}  // namespace antrean::ui
