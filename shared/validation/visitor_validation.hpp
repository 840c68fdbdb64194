#pragma once

// Checks and normalizes the identity a visitor enters at the kiosk or the reception.
// The kiosk runs these checks while the visitor types and the server runs them again,
// so both reject the same input with the same message.
//
// Every failure is an Error whose `field` is the JSON path of the input ("visitor.nik")
// and whose `message_key` is "error.<field>.<rule>", where <field> is the last segment of
// that path ("error.nik.length"). Three rules apply to every field:
//   encoding            the bytes are not valid UTF-8
//   control_characters  a control character (U+0000-U+001F, U+007F-U+009F) remains after
//                       trimming, except line breaks in the summary
//   too_long            more code points than the field's maximum, with param {max}
// The field functions below list the rules they add. kValidationMessageKeys lists every
// key, and each one needs an entry in assets/i18n/<language>/validation.po.

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.hpp"
#include "domain/types.hpp"

namespace antrean {

// Maximum lengths in Unicode code points (not bytes) of the trimmed, normalized value.
inline constexpr size_t kMaxNameLength = 100;
inline constexpr size_t kMaxPhoneLength = 20;  // as typed, separators included
inline constexpr size_t kMaxNikLength = 16;
inline constexpr size_t kMaxPassportLength = 20;
inline constexpr size_t kMaxEmailLength = 254;  // the SMTP limit on a forward path (RFC 5321)
inline constexpr size_t kMaxInstitutionLength = 150;
inline constexpr size_t kMaxSummaryLength = 1000;

inline constexpr size_t kMinPassportLength = 6;
inline constexpr size_t kMaxEmailLocalPartLength = 64;  // RFC 5321

// --- UTF-8 -------------------------------------------------------------------------------

// Decodes UTF-8 as RFC 3629 defines it. Returns std::nullopt for any invalid sequence: a
// stray continuation byte, a truncated sequence, an overlong form (such as C0 AF for '/'),
// an encoded surrogate (U+D800-U+DFFF) or a value above U+10FFFF.
std::optional<std::u32string> decode_utf8(std::string_view text);

// Returns the byte offset of the first invalid UTF-8 sequence, or std::nullopt when the
// whole text is valid.
std::optional<size_t> find_invalid_utf8(std::string_view text);

// Encodes Unicode scalar values (what decode_utf8 returns) as UTF-8.
std::string encode_utf8(std::u32string_view code_points);

// --- Fields -------------------------------------------------------------------------------

// Whether a text field may contain line breaks.
enum class Newlines { Rejected, Allowed };

// Validates a free-text field and returns it trimmed. With Newlines::Allowed, CR LF and a
// lone CR become LF before the checks. Adds no rules to the three above, and an empty
// value is valid. The error code is ErrorCode::InvalidText.
Result<std::string> validate_text(std::string_view field, std::string_view value, size_t max_length,
                                  Newlines newlines);

// Validates "visitor.name" and returns it trimmed, with each inner run of spaces
// collapsed into one U+0020. The case is kept as typed.
// A name may contain letters (see is_name_letter), combining marks that follow a letter,
// spaces, apostrophes (' and U+2019), dots and hyphens, and needs at least one letter.
// Rules: required (ErrorCode::MissingField), characters {character}, no_letter.
Result<std::string> validate_name(std::string_view value);

// Validates "visitor.phone" and returns it in E.164 form ("+6281234567890").
// Accepted forms, with spaces (any Unicode space separator), dashes, dots and parentheses
// as separators:
//   Indonesian mobile  08…, 628… or +628…, 10-13 digits in the national form (0 + 9-12)
//   Indonesian landline  0 + area code + subscriber, e.g. 021-3456789 or (0274) 512345
//   foreign            + and country code, 8-15 digits in all
// Rules: required (ErrorCode::MissingField), too_short, too_long,
// not_a_number {character}, unknown_format.
Result<std::string> normalize_phone(std::string_view value);

enum class Sex { Male, Female };

// The facts that a NIK (Nomor Induk Kependudukan) encodes.
struct NikInfo {
    std::string region_code;        // digits 1-6: province, regency or city, district
    int birth_day = 0;              // 1-31, with the 40 that women add already subtracted
    int birth_month = 0;            // 1-12
    int birth_year_two_digits = 0;  // 0-99, because the NIK does not encode the century
    Sex sex = Sex::Male;
};

// Checks a NIK as stored (16 digits, nothing to trim) and reads its parts.
// Rules (ErrorCode::InvalidNik): digits, length {length}, region (province code 00),
// birth_date {digits} (day 1-31 or 41-71 checked against the month, 29 February always
// allowed because the century is unknown), serial (digits 13-16 are 0000).
// A well-formed region code is never rejected for being unknown.
Result<NikInfo> parse_nik(std::string_view nik);

// Validates the optional "visitor.nik" and returns it trimmed. An empty value is valid.
// Rules: those of parse_nik.
Result<std::string> validate_nik(std::string_view value);

// Validates the optional "visitor.passport" and returns it with ASCII letters in upper
// case, as passports print them. An empty value is valid.
// Rules: characters {character} (only ASCII letters and digits), length {min} {max}
// {length}. The error code is ErrorCode::InvalidText.
Result<std::string> validate_passport(std::string_view value);

// Validates the optional "visitor.email" and returns it with the domain in lower case. An
// empty value is valid. This is a practical check, not the full RFC 5322 grammar, so
// quoted local parts, IP-address domains and non-ASCII addresses are rejected.
// Rules:
//   spaces      any white space inside the address
//   at_sign     not exactly one @
//   local_part  empty, longer than 64, a character outside the RFC 5322 atom set, or a
//               dot at the start, at the end or twice in a row
//   domain      fewer than two labels, or a label that is empty, longer than 63, starts or
//               ends with a hyphen or has characters other than ASCII letters, digits and
//               hyphens, or an all-digit top-level label
Result<std::string> validate_email(std::string_view value);

// Validates the optional "visitor.institution": validate_text with kMaxInstitutionLength.
Result<std::string> validate_institution(std::string_view value);

// Validates the optional "summary" of a ticket or appointment: validate_text with
// kMaxSummaryLength and line breaks allowed.
Result<std::string> validate_summary(std::string_view value);

// Validates every field and returns the visitor normalized as the field functions above
// do, or the error of the first invalid field in the order name, phone, NIK, passport,
// email, institution.
Result<Visitor> validate_visitor(const Visitor& input);

// Returns one error for each invalid field, in the order of validate_visitor, so that a
// form can mark all of them at once. An empty list means the visitor is valid.
std::vector<Error> validate_visitor_all(const Visitor& input);

// Returns whether a code point counts as a letter in a name. The rule is conservative:
// ASCII letters and the letter ranges of Latin-1 Supplement, Latin Extended-A and -B,
// Latin Extended Additional (Vietnamese), Greek, Cyrillic, Armenian, Hebrew, Arabic, Thai,
// Hangul, Hiragana, Katakana and CJK ideographs. Some of these ranges contain a few
// unassigned code points, which are accepted too.
// NOTE: letters of other scripts (Devanagari, Javanese, Balinese, ...) are rejected until
// a range is added here.
bool is_name_letter(char32_t code_point);

// Every message key that the functions above return, for the catalogue check in tests.
inline constexpr std::array<std::string_view, 37> kValidationMessageKeys{
    "error.name.required",
    "error.name.encoding",
    "error.name.control_characters",
    "error.name.too_long",
    "error.name.characters",
    "error.name.no_letter",
    "error.phone.required",
    "error.phone.encoding",
    "error.phone.control_characters",
    "error.phone.too_long",
    "error.phone.too_short",
    "error.phone.not_a_number",
    "error.phone.unknown_format",
    "error.nik.encoding",
    "error.nik.control_characters",
    "error.nik.digits",
    "error.nik.length",
    "error.nik.region",
    "error.nik.birth_date",
    "error.nik.serial",
    "error.passport.encoding",
    "error.passport.control_characters",
    "error.passport.characters",
    "error.passport.length",
    "error.email.encoding",
    "error.email.control_characters",
    "error.email.too_long",
    "error.email.spaces",
    "error.email.at_sign",
    "error.email.local_part",
    "error.email.domain",
    "error.institution.encoding",
    "error.institution.control_characters",
    "error.institution.too_long",
    "error.summary.encoding",
    "error.summary.control_characters",
    "error.summary.too_long",
};

}  // namespace antrean
