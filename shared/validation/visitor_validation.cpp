#include "validation/visitor_validation.hpp"

#include <algorithm>
#include <utility>

namespace antrean {
namespace {

constexpr std::string_view kNameField = "visitor.name";
constexpr std::string_view kPhoneField = "visitor.phone";
constexpr std::string_view kNikField = "visitor.nik";
constexpr std::string_view kPassportField = "visitor.passport";
constexpr std::string_view kEmailField = "visitor.email";
constexpr std::string_view kInstitutionField = "visitor.institution";
constexpr std::string_view kSummaryField = "summary";

// Digit counts of an Indonesian national significant number (the national form without
// its leading 0). Mobile numbers have 10-13 digits in the national form.
// NOTE: the landline range is a tolerant estimate, not a check of the numbering plan. It
// covers a 2-digit area code with a 6-9 digit subscriber number and a 3-digit area code
// with a 5-8 digit one.
constexpr size_t kMinMobileDigits = 9;
constexpr size_t kMaxMobileDigits = 12;
constexpr size_t kMinLandlineDigits = 8;
constexpr size_t kMaxLandlineDigits = 11;
// E.164 allows at most 15 digits, country code included. Shorter than 8 digits is
// treated as a number typed incompletely.
constexpr size_t kMinForeignDigits = 8;
constexpr size_t kMaxForeignDigits = 15;

constexpr size_t kMaxDomainLabelLength = 63;

// --- UTF-8 decoding ------------------------------------------------------------------------

// Decodes the code point that starts at `position` and moves `position` past it, or returns
// std::nullopt and leaves `position` unchanged. The byte ranges follow the table of
// well-formed UTF-8 sequences in the Unicode Standard (chapter 3): the narrowed second-byte
// ranges after E0, ED, F0 and F4 are what exclude overlong forms, surrogates and values
// above U+10FFFF.
std::optional<char32_t> decode_code_point(std::string_view text, size_t& position) {
    const auto lead = static_cast<unsigned char>(text[position]);
    if (lead < 0x80) {
        ++position;
        return static_cast<char32_t>(lead);
    }

    size_t length = 0;
    char32_t code_point = 0;
    unsigned char second_min = 0x80;
    unsigned char second_max = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        code_point = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        code_point = lead & 0x0Fu;
        second_min = lead == 0xE0 ? 0xA0 : 0x80;
        second_max = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        code_point = lead & 0x07u;
        second_min = lead == 0xF0 ? 0x90 : 0x80;
        second_max = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
        // A continuation byte, the overlong leads C0 and C1, or F5-FF.
        return std::nullopt;
    }
    if (text.size() - position < length) {
        return std::nullopt;
    }

    for (size_t i = 1; i < length; ++i) {
        const auto byte = static_cast<unsigned char>(text[position + i]);
        const unsigned char min = i == 1 ? second_min : 0x80;
        const unsigned char max = i == 1 ? second_max : 0xBF;
        if (byte < min || byte > max) {
            return std::nullopt;
        }
        code_point = (code_point << 6) | (byte & 0x3Fu);
    }
    position += length;
    return code_point;
}

void append_utf8(std::string& output, char32_t code_point) {
    if (code_point < 0x80) {
        output += static_cast<char>(code_point);
    } else if (code_point < 0x800) {
        output += static_cast<char>(0xC0 | (code_point >> 6));
        output += static_cast<char>(0x80 | (code_point & 0x3F));
    } else if (code_point < 0x10000) {
        output += static_cast<char>(0xE0 | (code_point >> 12));
        output += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
        output += static_cast<char>(0x80 | (code_point & 0x3F));
    } else {
        output += static_cast<char>(0xF0 | (code_point >> 18));
        output += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
        output += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
        output += static_cast<char>(0x80 | (code_point & 0x3F));
    }
}

// --- Character classes -----------------------------------------------------------------------

struct CodePointRange {
    char32_t first;
    char32_t last;
};

template <size_t N>
bool in_ranges(const std::array<CodePointRange, N>& ranges, char32_t code_point) {
    return std::any_of(ranges.begin(), ranges.end(), [code_point](const CodePointRange& range) {
        return code_point >= range.first && code_point <= range.last;
    });
}

// Letter ranges for names. The comment on is_name_letter in the header lists the blocks.
// clang-format off
constexpr std::array<CodePointRange, 37> kNameLetterRanges{{
    {U'A', U'Z'},
    {U'a', U'z'},
    {0x00C0, 0x00D6},  // Latin-1 Supplement, without U+00D7 multiplication sign
    {0x00D8, 0x00F6},  // without U+00F7 division sign
    {0x00F8, 0x024F},  // rest of Latin-1 Supplement, Latin Extended-A and -B
    {0x0386, 0x0386},  // Greek
    {0x0388, 0x038A},
    {0x038C, 0x038C},
    {0x038E, 0x03A1},
    {0x03A3, 0x03CE},
    {0x0400, 0x0481},  // Cyrillic, without U+0482 thousands sign and combining marks
    {0x048A, 0x052F},  // rest of Cyrillic and Cyrillic Supplement
    {0x0531, 0x0556},  // Armenian
    {0x0561, 0x0587},
    {0x05D0, 0x05EA},  // Hebrew
    {0x0620, 0x064A},  // Arabic, with U+0640 tatweel
    {0x066E, 0x066F},
    {0x0671, 0x06D3},
    {0x06D5, 0x06D5},
    {0x06FA, 0x06FC},
    {0x0E01, 0x0E30},  // Thai
    {0x0E32, 0x0E33},
    {0x0E40, 0x0E46},
    {0x1100, 0x11FF},  // Hangul Jamo
    {0x1E00, 0x1EFF},  // Latin Extended Additional (Vietnamese)
    {0x3041, 0x3096},  // Hiragana
    {0x309D, 0x309F},
    {0x30A1, 0x30FA},  // Katakana
    {0x30FC, 0x30FF},
    {0x3400, 0x4DBF},  // CJK Unified Ideographs Extension A
    {0x4E00, 0x9FFF},  // CJK Unified Ideographs
    {0xAC00, 0xD7A3},  // Hangul Syllables
    {0xF900, 0xFAFF},  // CJK Compatibility Ideographs
    {0x20000, 0x2A6DF},  // CJK Unified Ideographs Extension B
    {0x2A700, 0x2EBEF},  // CJK Extensions C to F
    {0x2F800, 0x2FA1F},  // CJK Compatibility Ideographs Supplement
    {0x30000, 0x3134F},  // CJK Extension G
}};
// clang-format on

// Combining marks, accepted in a name only after a letter. They let a name typed in
// decomposed form (N followed by U+0303) pass like its precomposed form (U+00D1).
// clang-format off
constexpr std::array<CodePointRange, 17> kCombiningMarkRanges{{
    {0x0300, 0x036F},  // Combining Diacritical Marks
    {0x0483, 0x0487},  // Cyrillic
    {0x0591, 0x05BD},  // Hebrew points and accents
    {0x05BF, 0x05BF},
    {0x05C1, 0x05C2},
    {0x05C4, 0x05C5},
    {0x05C7, 0x05C7},
    {0x064B, 0x065F},  // Arabic harakat
    {0x0670, 0x0670},
    {0x0E31, 0x0E31},  // Thai vowels and tone marks
    {0x0E34, 0x0E3A},
    {0x0E47, 0x0E4E},
    {0x1AB0, 0x1AFF},  // Combining Diacritical Marks Extended
    {0x1DC0, 0x1DFF},  // Combining Diacritical Marks Supplement
    {0x20D0, 0x20FF},  // Combining Diacritical Marks for Symbols
    {0x3099, 0x309A},  // Kana voicing marks
    {0xFE20, 0xFE2F},  // Combining Half Marks
}};
// clang-format on

bool is_combining_mark(char32_t code_point) {
    return in_ranges(kCombiningMarkRanges, code_point);
}

// Unicode space separators (general category Zs).
bool is_space_separator(char32_t code_point) {
    return code_point == 0x20 || code_point == 0xA0 || code_point == 0x1680 ||
           (code_point >= 0x2000 && code_point <= 0x200A) || code_point == 0x202F ||
           code_point == 0x205F || code_point == 0x3000;
}

// Unicode White_Space: space separators, tab to carriage return, NEL and the line and
// paragraph separators.
bool is_white_space(char32_t code_point) {
    return is_space_separator(code_point) || (code_point >= 0x09 && code_point <= 0x0D) ||
           code_point == 0x85 || code_point == 0x2028 || code_point == 0x2029;
}

// Unicode general category Cc: C0 controls, DEL and C1 controls.
bool is_control(char32_t code_point) {
    return code_point < 0x20 || (code_point >= 0x7F && code_point <= 0x9F);
}

bool is_ascii_digit(char32_t code_point) {
    return code_point >= U'0' && code_point <= U'9';
}

bool is_ascii_letter(char32_t code_point) {
    return (code_point >= U'A' && code_point <= U'Z') || (code_point >= U'a' && code_point <= U'z');
}

char32_t to_ascii_upper(char32_t code_point) {
    return code_point >= U'a' && code_point <= U'z' ? code_point - U'a' + U'A' : code_point;
}

char32_t to_ascii_lower(char32_t code_point) {
    return code_point >= U'A' && code_point <= U'Z' ? code_point - U'A' + U'a' : code_point;
}

// --- Errors and the steps that every field shares ------------------------------------------

// Returns "error.<last path segment>.<rule>", e.g. "error.nik.length" for "visitor.nik".
std::string message_key(std::string_view field, std::string_view rule) {
    const size_t dot = field.rfind('.');
    const std::string_view name = dot == std::string_view::npos ? field : field.substr(dot + 1);
    std::string key = "error.";
    key += name;
    key += '.';
    key += rule;
    return key;
}

tl::unexpected<Error> field_error(ErrorCode code, std::string_view field, std::string_view rule,
                                  std::map<std::string, std::string> params = {}) {
    return fail(code, std::string(field), message_key(field, rule), std::move(params));
}

std::string encode_code_point(char32_t code_point) {
    std::string text;
    append_utf8(text, code_point);
    return text;
}

std::u32string trim(std::u32string_view text) {
    const auto first = std::find_if_not(text.begin(), text.end(), is_white_space);
    const auto last = std::find_if_not(text.rbegin(), text.rend(), is_white_space).base();
    return first < last ? std::u32string(first, last) : std::u32string();
}

std::u32string normalize_line_breaks(std::u32string_view text) {
    std::u32string normalized;
    normalized.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] != U'\r') {
            normalized += text[i];
            continue;
        }
        normalized += U'\n';
        if (i + 1 < text.size() && text[i + 1] == U'\n') {
            ++i;
        }
    }
    return normalized;
}

// Decodes a field, trims it and rejects control characters. Every field check starts
// with this step. The returned text may be empty.
Result<std::u32string> decode_field(ErrorCode code, std::string_view field, std::string_view value,
                                    Newlines newlines) {
    std::optional<std::u32string> decoded = decode_utf8(value);
    if (!decoded) {
        return field_error(code, field, "encoding");
    }

    std::u32string text =
        newlines == Newlines::Allowed ? normalize_line_breaks(*decoded) : std::move(*decoded);
    text = trim(text);

    for (const char32_t code_point : text) {
        const bool allowed_newline = newlines == Newlines::Allowed && code_point == U'\n';
        if (is_control(code_point) && !allowed_newline) {
            return field_error(code, field, "control_characters");
        }
    }
    return text;
}

tl::unexpected<Error> too_long_error(ErrorCode code, std::string_view field, size_t max_length) {
    return field_error(code, field, "too_long", {{"max", std::to_string(max_length)}});
}

std::u32string collapse_spaces(std::u32string_view text) {
    std::u32string collapsed;
    collapsed.reserve(text.size());
    bool previous_was_space = false;
    for (const char32_t code_point : text) {
        const bool space = is_space_separator(code_point);
        if (space && previous_was_space) {
            continue;
        }
        collapsed += space ? U' ' : code_point;
        previous_was_space = space;
    }
    return collapsed;
}

// --- Phone numbers --------------------------------------------------------------------------

bool is_phone_separator(char32_t code_point) {
    return is_space_separator(code_point) || code_point == U'-' || code_point == U'.' ||
           code_point == U'(' || code_point == U')';
}

// Returns the E.164 form of an Indonesian number given without its country code 62 and
// without the leading 0 of the national form.
Result<std::string> normalize_indonesian_number(std::string_view national_significant) {
    if (national_significant.empty()) {
        return field_error(ErrorCode::InvalidPhone, kPhoneField, "too_short");
    }

    size_t min_digits = 0;
    size_t max_digits = 0;
    if (national_significant.front() == '8') {
        // 080… is not a mobile range (0800 numbers are toll-free lines).
        if (national_significant.size() >= 2 && national_significant[1] == '0') {
            return field_error(ErrorCode::InvalidPhone, kPhoneField, "unknown_format");
        }
        min_digits = kMinMobileDigits;
        max_digits = kMaxMobileDigits;
    } else if (national_significant.front() >= '2' && national_significant.front() <= '9') {
        // Area codes start with 2-7 or 9: 21 Jakarta, 274 Yogyakarta, 911 Ambon.
        min_digits = kMinLandlineDigits;
        max_digits = kMaxLandlineDigits;
    } else {
        return field_error(ErrorCode::InvalidPhone, kPhoneField, "unknown_format");
    }

    if (national_significant.size() < min_digits) {
        return field_error(ErrorCode::InvalidPhone, kPhoneField, "too_short");
    }
    if (national_significant.size() > max_digits) {
        return field_error(ErrorCode::InvalidPhone, kPhoneField, "too_long");
    }
    return "+62" + std::string(national_significant);
}

// --- NIK ----------------------------------------------------------------------------------

int two_digit_number(std::string_view digits, size_t offset) {
    return (digits[offset] - '0') * 10 + (digits[offset + 1] - '0');
}

// February counts 29 days because a NIK gives only two digits of the year, so a leap year
// cannot be ruled out.
int max_day_of_month(int month) {
    constexpr std::array<int, 12> kDays{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return kDays.at(static_cast<size_t>(month - 1));
}

// --- Email --------------------------------------------------------------------------------

// The characters of an RFC 5322 atom (atext).
bool is_atom_character(char32_t code_point) {
    constexpr std::u32string_view kSpecials = U"!#$%&'*+-/=?^_`{|}~";
    return is_ascii_letter(code_point) || is_ascii_digit(code_point) ||
           kSpecials.find(code_point) != std::u32string_view::npos;
}

bool is_valid_local_part(std::u32string_view local_part) {
    if (local_part.empty() || local_part.size() > kMaxEmailLocalPartLength) {
        return false;
    }
    if (local_part.front() == U'.' || local_part.back() == U'.') {
        return false;
    }
    for (size_t i = 0; i < local_part.size(); ++i) {
        const char32_t code_point = local_part[i];
        if (code_point == U'.') {
            if (local_part[i - 1] == U'.') {
                return false;
            }
        } else if (!is_atom_character(code_point)) {
            return false;
        }
    }
    return true;
}

bool is_valid_domain_label(std::u32string_view label) {
    if (label.empty() || label.size() > kMaxDomainLabelLength) {
        return false;
    }
    if (label.front() == U'-' || label.back() == U'-') {
        return false;
    }
    return std::all_of(label.begin(), label.end(), [](char32_t code_point) {
        return is_ascii_letter(code_point) || is_ascii_digit(code_point) || code_point == U'-';
    });
}

bool is_valid_domain(std::u32string_view domain) {
    size_t label_count = 0;
    std::u32string_view last_label;
    size_t start = 0;
    while (true) {
        const size_t dot = domain.find(U'.', start);
        const size_t end = dot == std::u32string_view::npos ? domain.size() : dot;
        last_label = domain.substr(start, end - start);
        if (!is_valid_domain_label(last_label)) {
            return false;
        }
        ++label_count;
        if (dot == std::u32string_view::npos) {
            break;
        }
        start = dot + 1;
    }

    // An all-digit top-level label means an IP address or a typing error, never a
    // registered top-level domain.
    const bool numeric_top_level =
        std::all_of(last_label.begin(), last_label.end(), is_ascii_digit);
    return label_count >= 2 && !numeric_top_level;
}

// --- Visitor -------------------------------------------------------------------------------

// Runs every field check, fills `normalized` with the values that passed and returns the
// errors of the others.
std::vector<Error> check_visitor(const Visitor& input, Visitor& normalized) {
    std::vector<Error> errors;
    const auto check = [&errors](Result<std::string> result, std::string& target) {
        if (result) {
            target = std::move(*result);
        } else {
            errors.push_back(std::move(result.error()));
        }
    };

    check(validate_name(input.name), normalized.name);
    check(normalize_phone(input.phone), normalized.phone);
    check(validate_nik(input.nik), normalized.nik);
    check(validate_passport(input.passport), normalized.passport);
    check(validate_email(input.email), normalized.email);
    check(validate_institution(input.institution), normalized.institution);
    return errors;
}

}  // namespace

std::optional<std::u32string> decode_utf8(std::string_view text) {
    std::u32string code_points;
    code_points.reserve(text.size());
    size_t position = 0;
    while (position < text.size()) {
        const std::optional<char32_t> code_point = decode_code_point(text, position);
        if (!code_point) {
            return std::nullopt;
        }
        code_points += *code_point;
    }
    return code_points;
}

std::optional<size_t> find_invalid_utf8(std::string_view text) {
    size_t position = 0;
    while (position < text.size()) {
        if (!decode_code_point(text, position)) {
            return position;
        }
    }
    return std::nullopt;
}

std::string encode_utf8(std::u32string_view code_points) {
    std::string text;
    text.reserve(code_points.size());
    for (const char32_t code_point : code_points) {
        append_utf8(text, code_point);
    }
    return text;
}

bool is_name_letter(char32_t code_point) {
    return in_ranges(kNameLetterRanges, code_point);
}

Result<std::string> validate_text(std::string_view field, std::string_view value, size_t max_length,
                                  Newlines newlines) {
    Result<std::u32string> text = decode_field(ErrorCode::InvalidText, field, value, newlines);
    if (!text) {
        return tl::unexpected(std::move(text.error()));
    }
    if (text->size() > max_length) {
        return too_long_error(ErrorCode::InvalidText, field, max_length);
    }
    return encode_utf8(*text);
}

Result<std::string> validate_name(std::string_view value) {
    Result<std::u32string> text =
        decode_field(ErrorCode::InvalidName, kNameField, value, Newlines::Rejected);
    if (!text) {
        return tl::unexpected(std::move(text.error()));
    }
    if (text->empty()) {
        return field_error(ErrorCode::MissingField, kNameField, "required");
    }

    const std::u32string name = collapse_spaces(*text);
    if (name.size() > kMaxNameLength) {
        return too_long_error(ErrorCode::InvalidName, kNameField, kMaxNameLength);
    }

    bool has_letter = false;
    bool mark_allowed = false;  // a combining mark needs a letter (or a mark) before it
    for (const char32_t code_point : name) {
        if (is_name_letter(code_point)) {
            has_letter = true;
            mark_allowed = true;
            continue;
        }
        if (is_combining_mark(code_point) && mark_allowed) {
            continue;
        }

        mark_allowed = false;
        const bool punctuation = code_point == U' ' || code_point == U'\'' ||
                                 code_point == U'\u2019' || code_point == U'.' ||
                                 code_point == U'-';
        if (!punctuation) {
            return field_error(ErrorCode::InvalidName, kNameField, "characters",
                               {{"character", encode_code_point(code_point)}});
        }
    }
    if (!has_letter) {
        return field_error(ErrorCode::InvalidName, kNameField, "no_letter");
    }
    return encode_utf8(name);
}

Result<std::string> normalize_phone(std::string_view value) {
    Result<std::u32string> text =
        decode_field(ErrorCode::InvalidPhone, kPhoneField, value, Newlines::Rejected);
    if (!text) {
        return tl::unexpected(std::move(text.error()));
    }
    if (text->empty()) {
        return field_error(ErrorCode::MissingField, kPhoneField, "required");
    }
    if (text->size() > kMaxPhoneLength) {
        return too_long_error(ErrorCode::InvalidPhone, kPhoneField, kMaxPhoneLength);
    }

    // Keep the digits and note a leading '+'. "(+62) 812…" counts as leading, but a '+'
    // after the first digit does not.
    std::string digits;
    bool international = false;
    for (const char32_t code_point : *text) {
        if (is_ascii_digit(code_point)) {
            digits += static_cast<char>(code_point);
        } else if (code_point == U'+') {
            if (international || !digits.empty()) {
                return field_error(ErrorCode::InvalidPhone, kPhoneField, "unknown_format");
            }
            international = true;
        } else if (!is_phone_separator(code_point)) {
            return field_error(ErrorCode::InvalidPhone, kPhoneField, "not_a_number",
                               {{"character", encode_code_point(code_point)}});
        }
    }
    if (digits.empty()) {
        return field_error(ErrorCode::InvalidPhone, kPhoneField, "too_short");
    }

    const std::string_view number = digits;
    if (number.starts_with("62")) {
        // "+62 (0)21 …" is a common way to write a number for both domestic and foreign
        // callers, so one 0 after the country code is dropped.
        std::string_view national_significant = number.substr(2);
        if (national_significant.starts_with('0')) {
            national_significant.remove_prefix(1);
        }
        return normalize_indonesian_number(national_significant);
    }

    if (international) {
        if (number.front() == '0') {
            return field_error(ErrorCode::InvalidPhone, kPhoneField, "unknown_format");
        }
        if (number.size() < kMinForeignDigits) {
            return field_error(ErrorCode::InvalidPhone, kPhoneField, "too_short");
        }
        if (number.size() > kMaxForeignDigits) {
            return field_error(ErrorCode::InvalidPhone, kPhoneField, "too_long");
        }
        return "+" + digits;
    }

    // Indonesian international call prefixes (001, 007, …) are not recognised. A number
    // that starts with 00 gets unknown_format, whose message tells the visitor to write '+'.
    if (number.starts_with('0') && !number.starts_with("00")) {
        return normalize_indonesian_number(number.substr(1));
    }
    return field_error(ErrorCode::InvalidPhone, kPhoneField, "unknown_format");
}

Result<NikInfo> parse_nik(std::string_view nik) {
    const auto nik_error = [](std::string_view rule,
                              std::map<std::string, std::string> params = {}) {
        return field_error(ErrorCode::InvalidNik, kNikField, rule, std::move(params));
    };

    if (!std::all_of(nik.begin(), nik.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return nik_error("digits");
    }
    if (nik.size() != kMaxNikLength) {
        return nik_error("length", {{"length", std::to_string(nik.size())}});
    }

    // Digits 1-2 are the province code, and no province has the code 00.
    if (nik.starts_with("00")) {
        return nik_error("region");
    }

    // Digits 7-12 are the birth date as DDMMYY, and women add 40 to the day.
    const int encoded_day = two_digit_number(nik, 6);
    const int month = two_digit_number(nik, 8);
    const Sex sex = encoded_day > 40 ? Sex::Female : Sex::Male;
    const int day = sex == Sex::Female ? encoded_day - 40 : encoded_day;
    const bool valid_date = month >= 1 && month <= 12 && day >= 1 && day <= max_day_of_month(month);
    if (!valid_date) {
        return nik_error("birth_date", {{"digits", std::string(nik.substr(6, 6))}});
    }

    if (nik.substr(12, 4) == "0000") {
        return nik_error("serial");
    }

    NikInfo info;
    info.region_code = std::string(nik.substr(0, 6));
    info.birth_day = day;
    info.birth_month = month;
    info.birth_year_two_digits = two_digit_number(nik, 10);
    info.sex = sex;
    return info;
}

Result<std::string> validate_nik(std::string_view value) {
    Result<std::u32string> text =
        decode_field(ErrorCode::InvalidNik, kNikField, value, Newlines::Rejected);
    if (!text) {
        return tl::unexpected(std::move(text.error()));
    }

    std::string nik = encode_utf8(*text);
    if (nik.empty()) {
        return nik;
    }
    Result<NikInfo> info = parse_nik(nik);
    if (!info) {
        return tl::unexpected(std::move(info.error()));
    }
    return nik;
}

Result<std::string> validate_passport(std::string_view value) {
    Result<std::u32string> text =
        decode_field(ErrorCode::InvalidText, kPassportField, value, Newlines::Rejected);
    if (!text) {
        return tl::unexpected(std::move(text.error()));
    }
    if (text->empty()) {
        return std::string();
    }

    std::string passport;
    for (const char32_t code_point : *text) {
        if (!is_ascii_letter(code_point) && !is_ascii_digit(code_point)) {
            return field_error(ErrorCode::InvalidText, kPassportField, "characters",
                               {{"character", encode_code_point(code_point)}});
        }
        passport += static_cast<char>(to_ascii_upper(code_point));
    }

    if (passport.size() < kMinPassportLength || passport.size() > kMaxPassportLength) {
        return field_error(ErrorCode::InvalidText, kPassportField, "length",
                           {{"min", std::to_string(kMinPassportLength)},
                            {"max", std::to_string(kMaxPassportLength)},
                            {"length", std::to_string(passport.size())}});
    }
    return passport;
}

Result<std::string> validate_email(std::string_view value) {
    Result<std::u32string> text =
        decode_field(ErrorCode::InvalidEmail, kEmailField, value, Newlines::Rejected);
    if (!text) {
        return tl::unexpected(std::move(text.error()));
    }
    const std::u32string& email = *text;
    if (email.empty()) {
        return std::string();
    }

    if (std::any_of(email.begin(), email.end(), is_white_space)) {
        return field_error(ErrorCode::InvalidEmail, kEmailField, "spaces");
    }
    if (email.size() > kMaxEmailLength) {
        return too_long_error(ErrorCode::InvalidEmail, kEmailField, kMaxEmailLength);
    }
    if (std::count(email.begin(), email.end(), U'@') != 1) {
        return field_error(ErrorCode::InvalidEmail, kEmailField, "at_sign");
    }

    const size_t at = email.find(U'@');
    const std::u32string_view local_part = std::u32string_view(email).substr(0, at);
    const std::u32string_view domain = std::u32string_view(email).substr(at + 1);
    if (!is_valid_local_part(local_part)) {
        return field_error(ErrorCode::InvalidEmail, kEmailField, "local_part");
    }
    if (!is_valid_domain(domain)) {
        return field_error(ErrorCode::InvalidEmail, kEmailField, "domain");
    }

    // Domains are case-insensitive. The local part may not be, so it is kept as typed.
    std::u32string normalized(local_part);
    normalized += U'@';
    std::transform(domain.begin(), domain.end(), std::back_inserter(normalized), to_ascii_lower);
    return encode_utf8(normalized);
}

Result<std::string> validate_institution(std::string_view value) {
    return validate_text(kInstitutionField, value, kMaxInstitutionLength, Newlines::Rejected);
}

Result<std::string> validate_summary(std::string_view value) {
    return validate_text(kSummaryField, value, kMaxSummaryLength, Newlines::Allowed);
}

Result<Visitor> validate_visitor(const Visitor& input) {
    Visitor normalized;
    std::vector<Error> errors = check_visitor(input, normalized);
    if (!errors.empty()) {
        return tl::unexpected(std::move(errors.front()));
    }
    return normalized;
}

std::vector<Error> validate_visitor_all(const Visitor& input) {
    Visitor normalized;
    return check_visitor(input, normalized);
}

}  // namespace antrean
