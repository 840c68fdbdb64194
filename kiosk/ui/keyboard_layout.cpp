#include "ui/keyboard_layout.hpp"

#include <array>

namespace antrean::ui {
namespace {

KeyDefinition letter(char c) {
    return KeyDefinition{std::string("key.") + c, KeyAction::Insert, std::string(1, c), 1.0f, ""};
}

KeyDefinition symbol(std::string id, std::string text, float width = 1.0f) {
    return KeyDefinition{"key." + id, KeyAction::Insert, std::move(text), width, ""};
}

KeyDefinition backspace(float width) {
    return KeyDefinition{"key.backspace", KeyAction::Backspace, "", width, "kiosk.keyboard.backspace"};
}

KeyDefinition shift(float width) {
    return KeyDefinition{"key.shift", KeyAction::Shift, "", width, "kiosk.keyboard.shift"};
}

KeyDefinition space(float width) {
    return KeyDefinition{"key.space", KeyAction::Space, " ", width, "kiosk.keyboard.space"};
}

KeyboardRow letters_row(std::string_view letters) {
    KeyboardRow row;
    for (const char c : letters) {
        row.keys.push_back(letter(c));
    }
    return row;
}

KeyboardRow digit_row() {
    return letters_row("1234567890");
}

std::vector<KeyboardRow> make_letters() {
    KeyboardRow row3 = letters_row("zxcvbnm");
    row3.keys.insert(row3.keys.begin(), shift(1.5f));
    row3.keys.push_back(backspace(1.5f));
    KeyboardRow row4;
    row4.keys = {symbol("apostrophe", "'"), symbol("hyphen", "-"), space(6.0f), symbol("dot", ".")};
    return {letters_row("qwertyuiop"), letters_row("asdfghjkl"), row3, row4};
}

std::vector<KeyboardRow> make_text() {
    KeyboardRow row3 = letters_row("zxcvbnm");
    row3.keys.insert(row3.keys.begin(), shift(1.5f));
    row3.keys.push_back(backspace(1.5f));
    KeyboardRow row4;
    row4.keys = {symbol("comma", ","), symbol("dot", "."), space(5.0f), symbol("hyphen", "-"),
                 symbol("question", "?"), symbol("slash", "/")};
    return {digit_row(), letters_row("qwertyuiop"), letters_row("asdfghjkl"), row3, row4};
}

std::vector<KeyboardRow> make_digits(bool with_plus) {
    KeyboardRow last;
    if (with_plus) {
        last.keys.push_back(symbol("plus", "+"));
    } else {
        // An empty slot keeps 0 in the middle column, where number pads put it.
        last.keys.push_back(KeyDefinition{"", KeyAction::Insert, "", 1.0f, ""});
    }
    last.keys.push_back(letter('0'));
    last.keys.push_back(backspace(1.0f));
    return {letters_row("123"), letters_row("456"), letters_row("789"), last};
}

std::vector<KeyboardRow> make_email() {
    KeyboardRow row3 = letters_row("zxcvbnm");
    row3.keys.push_back(backspace(2.0f));
    KeyboardRow row4;
    row4.keys = {symbol("at", "@", 1.5f), symbol("dot", "."), symbol("underscore", "_"),
                 symbol("hyphen", "-"), symbol("dot_com", ".com", 2.0f),
                 symbol("dot_co_id", ".co.id", 2.5f)};
    return {digit_row(), letters_row("qwertyuiop"), letters_row("asdfghjkl"), row3, row4};
}

std::vector<KeyboardRow> make_booking_code() {
    // QWERTY order without the look-alike letters I, O and L, so the keys sit where
    // visitors expect them.
    KeyboardRow row3 = letters_row("ZXCVBNM");
    row3.keys.push_back(backspace(2.0f));
    return {letters_row("23456789"), letters_row("QWERTYUP"), letters_row("ASDFGHJK"), row3};
}

bool is_ascii_lower(char c) {
    return c >= 'a' && c <= 'z';
}

}  // namespace

const std::vector<KeyboardRow>& keyboard_rows(KeyboardLayout layout) {
    static const std::array<std::vector<KeyboardRow>, static_cast<size_t>(KeyboardLayout::kCount)>
        layouts{make_letters(), make_text(), make_digits(false), make_digits(true), make_email(),
                make_booking_code()};
    return layouts[static_cast<size_t>(layout)];
}

bool layout_has_shift(KeyboardLayout layout) {
    return layout == KeyboardLayout::Letters || layout == KeyboardLayout::Text;
}

std::string key_output(const KeyDefinition& key, bool shift_on) {
    if (!shift_on || key.text.size() != 1 || !is_ascii_lower(key.text[0])) {
        return key.text;
    }
    return std::string(1, static_cast<char>(key.text[0] - 'a' + 'A'));
}

size_t count_code_points(std::string_view text) {
    size_t count = 0;
    for (const char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++count;
        }
    }
    return count;
}

bool erase_last_code_point(std::string& text) {
    if (text.empty()) {
        return false;
    }
    size_t end = text.size() - 1;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
        --end;
    }
    text.erase(end);
    return true;
}

bool automatic_shift(const KeyboardTarget& target) {
    if (!target.capitalize_words || target.text == nullptr) {
        return false;
    }
    return target.text->empty() || target.text->back() == ' ';
}

bool apply_key(const KeyDefinition& key, KeyboardTarget& target) {
    if (target.text == nullptr) {
        return false;
    }
    std::string& text = *target.text;
    switch (key.action) {
        case KeyAction::Shift:
            target.shift = !target.shift;
            return false;
        case KeyAction::Backspace: {
            const bool changed = erase_last_code_point(text);
            target.shift = automatic_shift(target);
            return changed;
        }
        case KeyAction::Space:
        case KeyAction::Insert:
            break;
    }

    const std::string output = key_output(key, target.shift);
    if (output.empty()) {
        return false;
    }
    if (target.max_code_points > 0 &&
        count_code_points(text) + count_code_points(output) > target.max_code_points) {
        return false;
    }
    text += output;
    target.shift = automatic_shift(target);
    return true;
}

}  // namespace antrean::ui
