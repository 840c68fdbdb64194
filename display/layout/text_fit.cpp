#include "layout/text_fit.hpp"

namespace antrean::display::layout {
namespace {

constexpr char32_t kReplacement = 0xFFFD;
constexpr char32_t kEllipsis = 0x2026;

// Returns the length of the UTF-8 sequence that starts with `lead`, or 0 when `lead` cannot
// start one.
size_t sequence_length(unsigned char lead) {
    if (lead < 0x80) {
        return 1;
    }
    if (lead >= 0xC2 && lead <= 0xDF) {
        return 2;
    }
    if (lead >= 0xE0 && lead <= 0xEF) {
        return 3;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        return 4;
    }
    return 0;
}

}  // namespace

std::u32string decode_utf8(std::string_view text) {
    std::u32string result;
    result.reserve(text.size());
    size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const size_t length = sequence_length(lead);
        if (length == 0 || i + length > text.size()) {
            result += kReplacement;
            ++i;
            continue;
        }
        if (length == 1) {
            result += lead;
            ++i;
            continue;
        }

        char32_t code_point = lead & (0x7F >> length);
        bool valid = true;
        for (size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) {
                valid = false;
                break;
            }
            code_point = (code_point << 6) | (next & 0x3F);
        }
        // Overlong forms, surrogates and values above U+10FFFF are invalid.
        const bool overlong = (length == 3 && code_point < 0x800) || (length == 4 && code_point < 0x10000);
        const bool surrogate = code_point >= 0xD800 && code_point <= 0xDFFF;
        if (!valid || overlong || surrogate || code_point > 0x10FFFF) {
            result += kReplacement;
            ++i;
            continue;
        }
        result += code_point;
        i += length;
    }
    return result;
}

std::string encode_utf8(std::u32string_view text) {
    std::string result;
    result.reserve(text.size());
    for (const char32_t c : text) {
        if (c < 0x80) {
            result += static_cast<char>(c);
        } else if (c < 0x800) {
            result += static_cast<char>(0xC0 | (c >> 6));
            result += static_cast<char>(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            result += static_cast<char>(0xE0 | (c >> 12));
            result += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            result += static_cast<char>(0x80 | (c & 0x3F));
        } else {
            result += static_cast<char>(0xF0 | (c >> 18));
            result += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
            result += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            result += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return result;
}

bool is_combining_mark(char32_t c) {
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
           (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
           (c >= 0xFE20 && c <= 0xFE2F);
}

std::u32string shorten_to_width(std::u32string_view text, float max_width,
                                const MeasureText& measure) {
    if (measure(text) <= max_width) {
        return std::u32string(text);
    }

    // Try ever shorter prefixes. Names are short, so a linear search is fast enough and stays
    // exact with kerning.
    for (size_t length = text.size(); length-- > 0;) {
        // A prefix may not end right before a combining mark, which belongs to its letter.
        if (length < text.size() && is_combining_mark(text[length])) {
            continue;
        }
        std::u32string candidate(text.substr(0, length));
        while (!candidate.empty() && candidate.back() == U' ') {
            candidate.pop_back();
        }
        candidate += kEllipsis;
        if (measure(candidate) <= max_width) {
            return candidate;
        }
    }
    return {};
}

}  // namespace antrean::display::layout
