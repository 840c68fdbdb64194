#include <doctest/doctest.h>

#include <set>
#include <string>

#include "ui/keyboard_layout.hpp"

using namespace antrean::ui;

namespace {

// Every character the layout's Insert keys type, in lower case.
std::set<std::string> typed_texts(KeyboardLayout layout) {
    std::set<std::string> texts;
    for (const KeyboardRow& row : keyboard_rows(layout)) {
        for (const KeyDefinition& key : row.keys) {
            if (key.action == KeyAction::Insert && !key.text.empty()) {
                texts.insert(key.text);
            }
        }
    }
    return texts;
}

bool has_action(KeyboardLayout layout, KeyAction action) {
    for (const KeyboardRow& row : keyboard_rows(layout)) {
        for (const KeyDefinition& key : row.keys) {
            if (key.action == action) {
                return true;
            }
        }
    }
    return false;
}

const KeyDefinition& find_key(KeyboardLayout layout, const std::string& id) {
    for (const KeyboardRow& row : keyboard_rows(layout)) {
        for (const KeyDefinition& key : row.keys) {
            if (key.id == id) {
                return key;
            }
        }
    }
    FAIL("no key " << id);
    static KeyDefinition none;
    return none;
}

}  // namespace

TEST_CASE("letters layout has the alphabet and name punctuation") {
    const auto texts = typed_texts(KeyboardLayout::Letters);
    for (char c = 'a'; c <= 'z'; ++c) {
        CHECK(texts.count(std::string(1, c)) == 1);
    }
    CHECK(texts.count("'") == 1);
    CHECK(texts.count("-") == 1);
    CHECK(texts.count(".") == 1);
    CHECK(texts.count("1") == 0);
    CHECK(texts.count("@") == 0);
    CHECK(has_action(KeyboardLayout::Letters, KeyAction::Shift));
    CHECK(has_action(KeyboardLayout::Letters, KeyAction::Space));
    CHECK(has_action(KeyboardLayout::Letters, KeyAction::Backspace));
}

TEST_CASE("number pads type only what NIK and phone accept") {
    std::set<std::string> digits;
    for (char c = '0'; c <= '9'; ++c) {
        digits.insert(std::string(1, c));
    }
    CHECK(typed_texts(KeyboardLayout::Digits) == digits);

    std::set<std::string> phone = digits;
    phone.insert("+");
    CHECK(typed_texts(KeyboardLayout::Phone) == phone);

    CHECK_FALSE(has_action(KeyboardLayout::Digits, KeyAction::Shift));
    CHECK(has_action(KeyboardLayout::Digits, KeyAction::Backspace));
    CHECK(has_action(KeyboardLayout::Phone, KeyAction::Backspace));
}

TEST_CASE("email layout has at sign, dot and domain endings") {
    const auto texts = typed_texts(KeyboardLayout::Email);
    CHECK(texts.count("@") == 1);
    CHECK(texts.count(".") == 1);
    CHECK(texts.count("_") == 1);
    CHECK(texts.count(".com") == 1);
    CHECK(texts.count(".co.id") == 1);
    CHECK(texts.count("7") == 1);
    CHECK_FALSE(has_action(KeyboardLayout::Email, KeyAction::Space));
}

TEST_CASE("booking layout has exactly the code alphabet") {
    std::set<std::string> expected;
    for (const char c : kBookingCodeAlphabet) {
        expected.insert(std::string(1, c));
    }
    CHECK(typed_texts(KeyboardLayout::BookingCode) == expected);
    for (const char* look_alike : {"0", "O", "1", "I", "L"}) {
        CHECK(expected.count(look_alike) == 0);
    }
}

TEST_CASE("every key is at least a letter key wide and ids are unique") {
    for (int i = 0; i < static_cast<int>(KeyboardLayout::kCount); ++i) {
        std::set<std::string> ids;
        for (const KeyboardRow& row : keyboard_rows(static_cast<KeyboardLayout>(i))) {
            for (const KeyDefinition& key : row.keys) {
                CHECK(key.width_units >= 1.0f);
                if (!key.id.empty()) {
                    CHECK_MESSAGE(ids.insert(key.id).second, "duplicate key id " << key.id);
                }
            }
        }
    }
}

TEST_CASE("shift upper-cases one letter") {
    std::string text;
    KeyboardTarget target{&text, 0, false, false};
    apply_key(find_key(KeyboardLayout::Letters, "key.shift"), target);
    CHECK(target.shift);
    CHECK(apply_key(find_key(KeyboardLayout::Letters, "key.s"), target));
    CHECK(text == "S");
    CHECK_FALSE(target.shift);
    apply_key(find_key(KeyboardLayout::Letters, "key.i"), target);
    CHECK(text == "Si");
    // Shift does not change punctuation.
    apply_key(find_key(KeyboardLayout::Letters, "key.shift"), target);
    apply_key(find_key(KeyboardLayout::Letters, "key.hyphen"), target);
    CHECK(text == "Si-");
}

TEST_CASE("capitalized words get shift after a space") {
    std::string text;
    KeyboardTarget target{&text, 0, false, true};
    target.shift = automatic_shift(target);
    for (const char* id : {"key.s", "key.i", "key.space", "key.a", "key.n"}) {
        apply_key(find_key(KeyboardLayout::Letters, id), target);
    }
    CHECK(text == "Si An");
    // Turning shift off at the start of a word keeps the letter small.
    apply_key(find_key(KeyboardLayout::Letters, "key.space"), target);
    CHECK(target.shift);
    apply_key(find_key(KeyboardLayout::Letters, "key.shift"), target);
    apply_key(find_key(KeyboardLayout::Letters, "key.v"), target);
    CHECK(text == "Si An v");
}

TEST_CASE("backspace removes one whole UTF-8 character") {
    std::string text = "Sé";
    KeyboardTarget target{&text, 0, false, false};
    CHECK(apply_key(find_key(KeyboardLayout::Letters, "key.backspace"), target));
    CHECK(text == "S");
    CHECK(apply_key(find_key(KeyboardLayout::Letters, "key.backspace"), target));
    CHECK(text.empty());
    CHECK_FALSE(apply_key(find_key(KeyboardLayout::Letters, "key.backspace"), target));
}

TEST_CASE("typing stops at the field's maximum length") {
    std::string text = "1234";
    KeyboardTarget target{&text, 5, false, false};
    CHECK(apply_key(find_key(KeyboardLayout::Digits, "key.5"), target));
    CHECK_FALSE(apply_key(find_key(KeyboardLayout::Digits, "key.6"), target));
    CHECK(text == "12345");

    std::string email = "a@b";
    KeyboardTarget email_target{&email, 6, false, false};
    CHECK_FALSE(apply_key(find_key(KeyboardLayout::Email, "key.dot_com"), email_target));
    CHECK(email == "a@b");
}

TEST_CASE("count_code_points counts characters, not bytes") {
    CHECK(count_code_points("") == 0);
    CHECK(count_code_points("abc") == 3);
    CHECK(count_code_points("Sé–") == 3);
}
