#pragma once

// The on-screen keyboard's layouts and what each key does to the text of a field. No
// drawing here, so the layouts and the editing rules are tested without a window.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace antrean::ui {

enum class KeyboardLayout {
    Letters,      // names: letters, space, apostrophe, dot, hyphen
    Text,         // institution and summary: letters, digits and punctuation
    Digits,       // NIK: 0-9
    Phone,        // phone numbers: 0-9 and a leading +
    Email,        // letters, digits, @ . _ - and the endings .com and .co.id
    BookingCode,  // the 31 booking-code characters, which leave out 0, O, 1, I and L
    kCount,
};

enum class KeyAction {
    Insert,     // inserts `text` (upper-cased while shift is on, for letters)
    Backspace,  // deletes the last character
    Shift,      // toggles upper case for the next letter
    Space,      // inserts one space
};

// One key. `id` is stable across shift states ("key.a", "key.shift") so that tests and
// the layout dump can find it; `text` is what it types in lower case.
struct KeyDefinition {
    std::string id;
    KeyAction action = KeyAction::Insert;
    std::string text;
    float width_units = 1.0f;  // relative to a letter key
    // Translation key of the label for keys that show a word ("kiosk.keyboard.space");
    // empty for keys that show their text.
    std::string label_key;
};

struct KeyboardRow {
    std::vector<KeyDefinition> keys;
};

// The characters a booking code is made of, as the server generates them.
inline constexpr std::string_view kBookingCodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
inline constexpr size_t kBookingCodeLength = 6;

// Returns the rows of `layout` from top to bottom.
const std::vector<KeyboardRow>& keyboard_rows(KeyboardLayout layout);

// Whether the layout has a Shift key.
bool layout_has_shift(KeyboardLayout layout);

// Returns what a key shows or types given the shift state: the upper-case letter when
// shift is on, otherwise `text` unchanged.
std::string key_output(const KeyDefinition& key, bool shift);

// The editing state of the field the keyboard types into.
struct KeyboardTarget {
    std::string* text = nullptr;
    size_t max_code_points = 0;  // 0 = no limit
    bool shift = false;
    // Turns shift on at the start of the field and after a space, for names.
    bool capitalize_words = false;
};

// Applies one key press to the target and returns whether the text changed. Insertions
// that would pass max_code_points are ignored. Shift turns off after one letter.
bool apply_key(const KeyDefinition& key, KeyboardTarget& target);

// Deletes the last UTF-8 code point of `text`; returns false when it was empty.
bool erase_last_code_point(std::string& text);

// Counts the UTF-8 code points of `text` (continuation bytes are not counted).
size_t count_code_points(std::string_view text);

// Whether shift should be on for the next key: at the start of the text or after a space
// when the target capitalizes words.
bool automatic_shift(const KeyboardTarget& target);

}  // namespace antrean::ui
