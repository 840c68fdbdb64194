#include "model/spoken_text.hpp"

#include <cctype>
#include <string>

namespace antrean::display {
namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// Appends `word` to `text` with one space between non-empty parts.
void append_word(std::string& text, const std::string& word) {
    if (word.empty()) {
        return;
    }
    if (!text.empty()) {
        text += ' ';
    }
    text += word;
}

bool equals_ignoring_case(std::string_view left, std::string_view right) {
    if (left.size() != right.size()) {
        return false;
    }
    for (size_t i = 0; i < left.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(left[i])) !=
            std::tolower(static_cast<unsigned char>(right[i]))) {
            return false;
        }
    }
    return true;
}

}  // namespace

std::string NumberWords::word(const std::string& key) const {
    return catalog_.translate(language_, key);
}

std::string NumberWords::digit(int value) const {
    return word("display.voice.number." + std::to_string(value % 10));
}

std::string NumberWords::number(int value) const {
    if (value < 0 || value > 999) {
        std::string text;
        for (const char c : std::to_string(value)) {
            if (is_digit(c)) {
                append_word(text, digit(c - '0'));
            }
        }
        return text;
    }
    if (value < 20) {
        return word("display.voice.number." + std::to_string(value));
    }

    // Both languages build 20-999 the same way from their own word tables: the hundreds word
    // ("dua ratus", "two hundred"), the tens word ("tiga puluh", "thirty"), then the unit.
    std::string text;
    const int hundreds = value / 100;
    const int rest = value % 100;
    if (hundreds > 0) {
        append_word(text, word("display.voice.number.hundreds." + std::to_string(hundreds)));
    }
    if (rest == 0) {
        return text;
    }
    if (rest < 20) {
        append_word(text, word("display.voice.number." + std::to_string(rest)));
        return text;
    }
    append_word(text, word("display.voice.number.tens." + std::to_string(rest / 10)));
    if (rest % 10 != 0) {
        append_word(text, digit(rest % 10));
    }
    return text;
}

std::string NumberWords::spell_code(std::string_view code) const {
    std::string text;
    std::string letters;
    for (const char c : code) {
        if (is_digit(c)) {
            append_word(text, letters);
            letters.clear();
            append_word(text, digit(c - '0'));
        } else if (c == '-' || c == ' ') {
            append_word(text, letters);
            letters.clear();
        } else {
            letters += c;
        }
    }
    append_word(text, letters);
    return text;
}

std::string NumberWords::with_number_words(std::string_view text) const {
    std::string result;
    size_t i = 0;
    while (i < text.size()) {
        if (!is_digit(text[i])) {
            result += text[i];
            ++i;
            continue;
        }

        size_t end = i;
        while (end < text.size() && is_digit(text[end])) {
            ++end;
        }
        const std::string_view run = text.substr(i, end - i);
        std::string words;
        if ((run.size() > 1 && run.front() == '0') || run.size() > 3) {
            for (const char c : run) {
                append_word(words, digit(c - '0'));
            }
        } else {
            words = number(std::stoi(std::string(run)));
        }
        result += words;
        i = end;
    }
    return result;
}

std::string spoken_desk(const Catalog& catalog, Language language, std::string_view desk_name) {
    const NumberWords words(catalog, language);

    // "Meja 2" or "Desk 2": a desk word of either language, one space, then only digits.
    const size_t space = desk_name.rfind(' ');
    if (space != std::string_view::npos && space + 1 < desk_name.size()) {
        const std::string_view head = desk_name.substr(0, space);
        const std::string_view tail = desk_name.substr(space + 1);
        const bool tail_is_number = tail.size() <= 3 && tail.find_first_not_of("0123456789") ==
                                                            std::string_view::npos;
        const bool head_is_desk_word =
            equals_ignoring_case(head, catalog.translate(Language::Indonesian, "display.voice.desk_word")) ||
            equals_ignoring_case(head, catalog.translate(Language::English, "display.voice.desk_word"));
        if (tail_is_number && head_is_desk_word) {
            return catalog.translate(language, "display.voice.desk",
                                     {{"number", words.number(std::stoi(std::string(tail)))}});
        }
    }
    return words.with_number_words(desk_name);
}

std::string announcement_text(const Catalog& catalog, Language language,
                              const CallAnnouncement& call) {
    const NumberWords words(catalog, language);
    const std::map<std::string, std::string> params{
        {"code", words.spell_code(call.ticket_code)},
        {"desk", spoken_desk(catalog, language, call.desk_name)}};
    return catalog.translate(language, call.recall ? "display.voice.recall" : "display.voice.call",
                             params);
}

}  // namespace antrean::display
