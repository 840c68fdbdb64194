#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "validation/visitor_validation.hpp"

using namespace antrean;

namespace {

struct ValidCase {
    std::string_view input;
    std::string_view expected;
};

struct InvalidCase {
    std::string_view input;
    std::string_view expected_key;
};

// Returns `count` copies of `piece`, for inputs at and past a length limit.
std::string repeat(std::string_view piece, size_t count) {
    std::string text;
    for (size_t i = 0; i < count; ++i) {
        text += piece;
    }
    return text;
}

std::string error_key(const Result<std::string>& result) {
    return result ? std::string() : result.error().message_key;
}

bool is_known_key(const std::string& key) {
    return std::find(kValidationMessageKeys.begin(), kValidationMessageKeys.end(), key) !=
           kValidationMessageKeys.end();
}

}  // namespace

// --- UTF-8 ---------------------------------------------------------------------------------

TEST_CASE("decode_utf8 accepts boundary code points") {
    const std::vector<std::pair<std::string_view, char32_t>> cases{
        {"\x7F", 0x7F},
        {"\xC2\x80", 0x80},
        {"\xDF\xBF", 0x7FF},
        {"\xE0\xA0\x80", 0x800},
        {"\xED\x9F\xBF", 0xD7FF},
        {"\xEE\x80\x80", 0xE000},
        {"\xEF\xBF\xBF", 0xFFFF},
        {"\xF0\x90\x80\x80", 0x10000},
        {"\xF4\x8F\xBF\xBF", 0x10FFFF},
    };
    for (const auto& [bytes, code_point] : cases) {
        CAPTURE(code_point);
        const std::optional<std::u32string> decoded = decode_utf8(bytes);
        REQUIRE(decoded.has_value());
        CHECK(*decoded == std::u32string(1, code_point));
        CHECK(encode_utf8(*decoded) == bytes);
    }
}

TEST_CASE("decode_utf8 rejects invalid sequences") {
    const std::vector<std::string_view> cases{
        "\x80",                  // continuation byte without a lead
        "Bud\xBFi",              // continuation byte in the middle
        "\xC3",                  // truncated 2-byte sequence
        "\xE2\x82",              // truncated 3-byte sequence
        "\xF0\x9F\x98",          // truncated 4-byte sequence
        "\xC3\x28",              // lead followed by ASCII
        "\xC0\xAF",              // overlong '/'
        "\xC1\xBF",              // overlong U+007F
        "\xE0\x80\xAF",          // overlong 3-byte '/'
        "\xE0\x9F\xBF",          // overlong U+07FF
        "\xF0\x80\x80\xAF",      // overlong 4-byte '/'
        "\xF0\x8F\xBF\xBF",      // overlong U+FFFF
        "\xED\xA0\x80",          // surrogate U+D800
        "\xED\xBF\xBF",          // surrogate U+DFFF
        "\xF4\x90\x80\x80",      // U+110000
        "\xF5\x80\x80\x80",      // lead byte past U+10FFFF
        "\xF8\x88\x80\x80\x80",  // old 5-byte form
        "\xFE",
        "\xFF",
    };
    for (const std::string_view bytes : cases) {
        CAPTURE(bytes);
        CHECK_FALSE(decode_utf8(bytes).has_value());
        CHECK(find_invalid_utf8(bytes).has_value());
    }
}

TEST_CASE("find_invalid_utf8 returns offset of first error") {
    CHECK(find_invalid_utf8("Budi") == std::nullopt);
    CHECK(find_invalid_utf8("Ba\xC3\xB1o") == std::nullopt);
    CHECK(find_invalid_utf8("Ba\xC3\xB1o\xFF") == std::optional<size_t>(5));
    CHECK(find_invalid_utf8("\xC0\xAF") == std::optional<size_t>(0));
}

TEST_CASE("invalid UTF-8 is rejected in every field") {
    const std::string bad = "Budi\xC0\xAF";
    CHECK(error_key(validate_name(bad)) == "error.name.encoding");
    CHECK(error_key(normalize_phone("0812\xED\xA0\x80")) == "error.phone.encoding");
    CHECK(error_key(validate_nik("3171\xFF")) == "error.nik.encoding");
    CHECK(error_key(validate_passport("A12\xF4\x90\x80\x80")) == "error.passport.encoding");
    CHECK(error_key(validate_email("budi\xC3@example.com")) == "error.email.encoding");
    CHECK(error_key(validate_institution(bad)) == "error.institution.encoding");
    CHECK(error_key(validate_summary(bad)) == "error.summary.encoding");
}

// --- Names ---------------------------------------------------------------------------------

TEST_CASE("validate_name accepts names of many forms") {
    const std::vector<ValidCase> cases{
        {"Siti Nur'aini", "Siti Nur'aini"},
        {"Ñoño", "Ñoño"},
        {"N\u0303o\u0303o", "N\u0303o\u0303o"},  // decomposed: N + U+0303
        {"Sukarno", "Sukarno"},
        {"Jean-Luc", "Jean-Luc"},
        {"O\u2019Brien", "O\u2019Brien"},
        {"Moh. Hatta", "Moh. Hatta"},
        {"budi santoso", "budi santoso"},
        {"BUDI", "BUDI"},
        {"Nguyễn Văn An", "Nguyễn Văn An"},
        {"Zoë Ångström", "Zoë Ångström"},
        {"Παπαδόπουλος", "Παπαδόπουλος"},
        {"Дмитрий", "Дмитрий"},
        {"محمد", "محمد"},
        {"李小龍", "李小龍"},
        {"김민준", "김민준"},
        {"さくら", "さくら"},
        {"Ahmad  Yani", "Ahmad Yani"},
        {"  Budi   Santoso  ", "Budi Santoso"},
        {"Budi\u00A0Santoso", "Budi Santoso"},  // no-break space becomes a space
        {"\u3000Budi\u3000", "Budi"},           // ideographic spaces are trimmed
    };
    for (const auto& [input, expected] : cases) {
        CAPTURE(input);
        const Result<std::string> result = validate_name(input);
        REQUIRE(result.has_value());
        CHECK(*result == expected);
    }
}

TEST_CASE("validate_name rejects with a rule per case") {
    const std::vector<InvalidCase> cases{
        {"", "error.name.required"},
        {"   ", "error.name.required"},
        {"Budi2", "error.name.characters"},
        {"Budi@Santoso", "error.name.characters"},
        {"Budi_Santoso", "error.name.characters"},
        {"Budi \xF0\x9F\x98\x80", "error.name.characters"},  // emoji
        {"\u0303Budi", "error.name.characters"},             // combining mark without a letter
        {"Budi\tSantoso", "error.name.control_characters"},
        {"Budi\nSantoso", "error.name.control_characters"},
        {"Budi\x7FSantoso", "error.name.control_characters"},
        {"Budi\u0085Santoso", "error.name.control_characters"},  // U+0085 inside is C1
        {"...", "error.name.no_letter"},
        {"-", "error.name.no_letter"},
        {"' . -", "error.name.no_letter"},
    };
    for (const auto& [input, expected_key] : cases) {
        CAPTURE(input);
        const Result<std::string> result = validate_name(input);
        REQUIRE_FALSE(result.has_value());
        CHECK(result.error().message_key == expected_key);
        CHECK(result.error().field == "visitor.name");
    }
}

TEST_CASE("validate_name error codes") {
    CHECK(validate_name("").error().code == ErrorCode::MissingField);
    CHECK(validate_name("Budi2").error().code == ErrorCode::InvalidName);
    CHECK(validate_name("Budi\xFF").error().code == ErrorCode::InvalidName);
}

TEST_CASE("validate_name names the rejected character") {
    const Result<std::string> result = validate_name("Budi 2");
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().params.at("character") == "2");
}

TEST_CASE("validate_name maximum length in code points") {
    // "é" is 2 bytes and "李" 3 bytes, so the byte count is far past 100 at the limit.
    CHECK(validate_name(repeat("a", kMaxNameLength)).has_value());
    CHECK(validate_name(repeat("\xC3\xA9", kMaxNameLength)).has_value());
    CHECK(validate_name(repeat("李", kMaxNameLength)).has_value());

    const Result<std::string> too_long = validate_name(repeat("\xC3\xA9", kMaxNameLength + 1));
    REQUIRE_FALSE(too_long.has_value());
    CHECK(too_long.error().message_key == "error.name.too_long");
    CHECK(too_long.error().params.at("max") == "100");
    CHECK(error_key(validate_name(repeat("李", kMaxNameLength + 1))) == "error.name.too_long");
}

TEST_CASE("validate_name counts length after collapsing spaces") {
    const std::string name = repeat("a", 50) + "   " + repeat("b", 49);
    const Result<std::string> result = validate_name(name);
    REQUIRE(result.has_value());
    CHECK(result->size() == kMaxNameLength);
}

// --- Phone numbers -------------------------------------------------------------------------

TEST_CASE("normalize_phone stores E.164") {
    const std::vector<ValidCase> cases{
        // Indonesian mobile numbers in every accepted form.
        {"081234567890", "+6281234567890"},
        {"0812345678", "+62812345678"},        // 10 digits, the shortest
        {"0812345678901", "+62812345678901"},  // 13 digits, the longest
        {"+6281234567890", "+6281234567890"},
        {"6281234567890", "+6281234567890"},
        {"+62 812-3456-7890", "+6281234567890"},
        {"0812 3456 7890", "+6281234567890"},
        {"0812.3456.7890", "+6281234567890"},
        {"(0812) 3456-7890", "+6281234567890"},
        {"+62 (0)812 3456 7890", "+6281234567890"},
        {"(+62) 812 3456 7890", "+6281234567890"},
        {"  081234567890  ", "+6281234567890"},
        {"0812\u00A03456\u00A07890", "+6281234567890"},  // no-break spaces
        // Landlines.
        {"021-3456789", "+62213456789"},
        {"(021) 3456789", "+62213456789"},
        {"021 3456 7890", "+622134567890"},
        {"+62 21 3456789", "+62213456789"},
        {"+62 (0)21 3456789", "+62213456789"},
        {"0274 512345", "+62274512345"},
        {"(0361) 234567", "+62361234567"},
        // Foreign numbers.
        {"+65 6123 4567", "+6561234567"},
        {"+1 (202) 555-0123", "+12025550123"},
        {"+44 20 7946 0958", "+442079460958"},
        {"+60 12-345 6789", "+60123456789"},
        {"+123456789012345", "+123456789012345"},  // 15 digits, the E.164 maximum
    };
    for (const auto& [input, expected] : cases) {
        CAPTURE(input);
        const Result<std::string> result = normalize_phone(input);
        REQUIRE(result.has_value());
        CHECK(*result == expected);
    }
}

TEST_CASE("normalize_phone rejects with a rule per case") {
    const std::vector<InvalidCase> cases{
        {"", "error.phone.required"},
        {"   ", "error.phone.required"},
        {"081234567", "error.phone.too_short"},  // 9 digits
        {"08", "error.phone.too_short"},
        {"+62", "error.phone.too_short"},
        {"021-34567", "error.phone.too_short"},
        {"+65 1234", "error.phone.too_short"},
        {"+", "error.phone.too_short"},
        {"08123456789012", "error.phone.too_long"},  // 14 digits
        {"+62 812 3456 789012", "error.phone.too_long"},
        {"+1234567890123456", "error.phone.too_long"},  // 16 digits
        {"021-345678901234", "error.phone.too_long"},
        {"0812-3456-ABCD", "error.phone.not_a_number"},
        {"nomor saya 0812", "error.phone.not_a_number"},
        {"0812/3456/7890", "error.phone.not_a_number"},
        {"81234567890", "error.phone.unknown_format"},  // no leading 0
        {"12345678", "error.phone.unknown_format"},
        {"0012025550123", "error.phone.unknown_format"},  // 00 prefix instead of +
        {"+0812345678", "error.phone.unknown_format"},
        {"0800-1-234567", "error.phone.unknown_format"},  // toll-free, not a mobile
        {"0123456789", "error.phone.unknown_format"},
        {"0812+34567890", "error.phone.unknown_format"},
        {"0812\t34567890", "error.phone.control_characters"},
    };
    for (const auto& [input, expected_key] : cases) {
        CAPTURE(input);
        const Result<std::string> result = normalize_phone(input);
        REQUIRE_FALSE(result.has_value());
        CHECK(result.error().message_key == expected_key);
        CHECK(result.error().field == "visitor.phone");
    }
}

TEST_CASE("normalize_phone error codes and params") {
    CHECK(normalize_phone("").error().code == ErrorCode::MissingField);
    CHECK(normalize_phone("08").error().code == ErrorCode::InvalidPhone);
    CHECK(normalize_phone("0812x").error().params.at("character") == "x");
}

TEST_CASE("normalize_phone maximum input length") {
    // 20 code points with separators, 12 digits.
    CHECK(normalize_phone("(0812) - 3456 - 7890").has_value());

    const Result<std::string> too_long = normalize_phone("(0812)  - 3456 - 7890");
    REQUIRE_FALSE(too_long.has_value());
    CHECK(too_long.error().message_key == "error.phone.too_long");
    CHECK(too_long.error().params.at("max") == "20");
}

// --- NIK -----------------------------------------------------------------------------------

TEST_CASE("validate_nik accepts well-formed numbers") {
    const std::vector<ValidCase> cases{
        {"", ""},  // optional
        {"   ", ""},
        {"3171011708900001", "3171011708900001"},    // man born 17-08-90
        {"3171015708900002", "3171015708900002"},    // woman born 17-08-90: day 17 + 40
        {"3171010101000001", "3171010101000001"},    // day 01
        {"3171014101000001", "3171014101000001"},    // woman, day 01 + 40
        {"3171013101850003", "3171013101850003"},    // 31 January
        {"3171017101850003", "3171017101850003"},    // woman, 31 January
        {"3171013004900001", "3171013004900001"},    // 30 April
        {"3171012902000001", "3171012902000001"},    // 29 February, century unknown
        {"3171016902990001", "3171016902990001"},    // woman, 29 February
        {"9912341708909999", "9912341708909999"},    // unknown region 99 is accepted
        {" 3171011708900001 ", "3171011708900001"},  // trimmed
    };
    for (const auto& [input, expected] : cases) {
        CAPTURE(input);
        const Result<std::string> result = validate_nik(input);
        REQUIRE(result.has_value());
        CHECK(*result == expected);
    }
}

TEST_CASE("validate_nik rejects with a rule per case") {
    const std::vector<InvalidCase> cases{
        {"317101170890001", "error.nik.length"},    // 15 digits
        {"31710117089000011", "error.nik.length"},  // 17 digits
        {"3171", "error.nik.length"},
        {"31710117089A0001", "error.nik.digits"},     // a letter
        {"3171 0117 0890 0001", "error.nik.digits"},  // spaces inside
        {"3171-0117-0890-0001", "error.nik.digits"},
        {"３１７１０１１７０８９０００１", "error.nik.digits"},  // full-width digits
        {"0071011708900001", "error.nik.region"},                // province 00
        {"3171013104900001", "error.nik.birth_date"},            // 31 April
        {"3171017104900001", "error.nik.birth_date"},            // woman, 31 April
        {"3171013002000001", "error.nik.birth_date"},            // 30 February
        {"3171017002000001", "error.nik.birth_date"},            // woman, 30 February
        {"3171010001900001", "error.nik.birth_date"},            // day 00
        {"3171013201900001", "error.nik.birth_date"},            // day 32
        {"3171014001900001", "error.nik.birth_date"},            // day 40: woman with day 00
        {"3171017201900001", "error.nik.birth_date"},            // day 72: woman with day 32
        {"3171011700900001", "error.nik.birth_date"},            // month 00
        {"3171011713900001", "error.nik.birth_date"},            // month 13
        {"3171011708900000", "error.nik.serial"},
        {"3171\t011708900001", "error.nik.control_characters"},
    };
    for (const auto& [input, expected_key] : cases) {
        CAPTURE(input);
        const Result<std::string> result = validate_nik(input);
        REQUIRE_FALSE(result.has_value());
        CHECK(result.error().message_key == expected_key);
        CHECK(result.error().field == "visitor.nik");
        CHECK(result.error().code == ErrorCode::InvalidNik);
    }
}

TEST_CASE("validate_nik error params") {
    CHECK(validate_nik("317101170890001").error().params.at("length") == "15");
    CHECK(validate_nik("3171013104900001").error().params.at("digits") == "310490");
}

TEST_CASE("parse_nik reads man's birth date") {
    const Result<NikInfo> info = parse_nik("3171011708900001");
    REQUIRE(info.has_value());
    CHECK(info->region_code == "317101");
    CHECK(info->birth_day == 17);
    CHECK(info->birth_month == 8);
    CHECK(info->birth_year_two_digits == 90);
    CHECK(info->sex == Sex::Male);
}

TEST_CASE("parse_nik subtracts 40 for women") {
    const Result<NikInfo> info = parse_nik("3273027112050042");
    REQUIRE(info.has_value());
    CHECK(info->region_code == "327302");
    CHECK(info->birth_day == 31);
    CHECK(info->birth_month == 12);
    CHECK(info->birth_year_two_digits == 5);
    CHECK(info->sex == Sex::Female);
}

TEST_CASE("parse_nik does not trim") {
    CHECK(parse_nik(" 3171011708900001").error().message_key == "error.nik.digits");
}

// --- Passport ------------------------------------------------------------------------------

TEST_CASE("validate_passport accepts letters and digits") {
    const std::vector<ValidCase> cases{
        {"", ""},
        {"A1234567", "A1234567"},
        {"b7654321", "B7654321"},                          // upper-cased as printed in passports
        {"X12345", "X12345"},                              // 6, the minimum
        {"ABCDEFGHIJ1234567890", "ABCDEFGHIJ1234567890"},  // 20, the maximum
        {" C9876543 ", "C9876543"},
    };
    for (const auto& [input, expected] : cases) {
        CAPTURE(input);
        const Result<std::string> result = validate_passport(input);
        REQUIRE(result.has_value());
        CHECK(*result == expected);
    }
}

TEST_CASE("validate_passport rejects with a rule per case") {
    const std::vector<InvalidCase> cases{
        {"A1234", "error.passport.length"},                  // 5
        {"ABCDEFGHIJ12345678901", "error.passport.length"},  // 21
        {"A123 4567", "error.passport.characters"},
        {"A-1234567", "error.passport.characters"},
        {"É1234567", "error.passport.characters"},
    };
    for (const auto& [input, expected_key] : cases) {
        CAPTURE(input);
        const Result<std::string> result = validate_passport(input);
        REQUIRE_FALSE(result.has_value());
        CHECK(result.error().message_key == expected_key);
        CHECK(result.error().field == "visitor.passport");
    }
}

TEST_CASE("validate_passport length params") {
    const Error error = validate_passport("A1234").error();
    CHECK(error.params.at("min") == "6");
    CHECK(error.params.at("max") == "20");
    CHECK(error.params.at("length") == "5");
}

// --- Email ---------------------------------------------------------------------------------

TEST_CASE("validate_email accepts practical addresses") {
    const std::vector<ValidCase> cases{
        {"", ""},
        {"budi@example.com", "budi@example.com"},
        {"budi.santoso@kantor.co.id", "budi.santoso@kantor.co.id"},
        {"Budi.Santoso@Example.CO.ID", "Budi.Santoso@example.co.id"},  // only the domain is lowered
        {"budi+antrean@mail-server.example.org", "budi+antrean@mail-server.example.org"},
        {"o'brien@example.ie", "o'brien@example.ie"},
        {"x@a1.id", "x@a1.id"},
        {"  budi@example.com  ", "budi@example.com"},
    };
    for (const auto& [input, expected] : cases) {
        CAPTURE(input);
        const Result<std::string> result = validate_email(input);
        REQUIRE(result.has_value());
        CHECK(*result == expected);
    }
}

TEST_CASE("validate_email rejects with a rule per case") {
    const std::vector<InvalidCase> cases{
        {"budi", "error.email.at_sign"},
        {"budi.example.com", "error.email.at_sign"},
        {"budi@@example.com", "error.email.at_sign"},
        {"budi@kantor@example.com", "error.email.at_sign"},
        {"budi @example.com", "error.email.spaces"},
        {"budi@exa mple.com", "error.email.spaces"},
        {"budi\u00A0@example.com", "error.email.spaces"},  // no-break space
        {"@example.com", "error.email.local_part"},
        {".budi@example.com", "error.email.local_part"},
        {"budi.@example.com", "error.email.local_part"},
        {"budi..santoso@example.com", "error.email.local_part"},
        {"bu(di)@example.com", "error.email.local_part"},
        {"büdi@example.com", "error.email.local_part"},
        {"budi@", "error.email.domain"},
        {"budi@localhost", "error.email.domain"},
        {"budi@example..com", "error.email.domain"},
        {"budi@.example.com", "error.email.domain"},
        {"budi@example.com.", "error.email.domain"},
        {"budi@-example.com", "error.email.domain"},
        {"budi@example-.com", "error.email.domain"},
        {"budi@exa_mple.com", "error.email.domain"},
        {"budi@192.168.1.1", "error.email.domain"},
        {"budi@contoh.indonesia\u200B", "error.email.domain"},  // zero-width space
        {"budi@bücher.de", "error.email.domain"},
        {"budi@exam\nple.com", "error.email.control_characters"},
    };
    for (const auto& [input, expected_key] : cases) {
        CAPTURE(input);
        const Result<std::string> result = validate_email(input);
        REQUIRE_FALSE(result.has_value());
        CHECK(result.error().message_key == expected_key);
        CHECK(result.error().field == "visitor.email");
        CHECK(result.error().code == ErrorCode::InvalidEmail);
    }
}

TEST_CASE("validate_email length limits") {
    // 64 characters before the @ is the maximum, and 65 is one too many.
    CHECK(validate_email(repeat("a", 64) + "@example.com").has_value());
    CHECK(error_key(validate_email(repeat("a", 65) + "@example.com")) == "error.email.local_part");

    // A 63-character label is the maximum, and 64 is one too many.
    CHECK(validate_email("budi@" + repeat("a", 63) + ".com").has_value());
    CHECK(error_key(validate_email("budi@" + repeat("a", 64) + ".com")) == "error.email.domain");

    // 254 characters in all is the maximum: 2 + 3 * (63 + 1) + 60.
    const std::string label = repeat("a", 63);
    const std::string at_limit = "a@" + label + "." + label + "." + label + "." + repeat("b", 60);
    REQUIRE(at_limit.size() == kMaxEmailLength);
    CHECK(validate_email(at_limit).has_value());

    const Result<std::string> too_long = validate_email(at_limit + "b");
    REQUIRE_FALSE(too_long.has_value());
    CHECK(too_long.error().message_key == "error.email.too_long");
    CHECK(too_long.error().params.at("max") == "254");
}

// --- Free text -----------------------------------------------------------------------------

TEST_CASE("validate_institution trims and limits length") {
    CHECK(validate_institution("").value() == "");
    CHECK(validate_institution("  PT Maju Jaya  ").value() == "PT Maju Jaya");
    CHECK(validate_institution("Koperasi \"Sejahtera\" & Co. (Tbk) 100%").value() ==
          "Koperasi \"Sejahtera\" & Co. (Tbk) 100%");
    CHECK(validate_institution(repeat("\xC3\xA9", kMaxInstitutionLength)).has_value());

    const Result<std::string> too_long =
        validate_institution(repeat("\xC3\xA9", kMaxInstitutionLength + 1));
    REQUIRE_FALSE(too_long.has_value());
    CHECK(too_long.error().message_key == "error.institution.too_long");
    CHECK(too_long.error().field == "visitor.institution");
    CHECK(too_long.error().code == ErrorCode::InvalidText);
    CHECK(too_long.error().params.at("max") == "150");
}

TEST_CASE("validate_institution rejects line breaks") {
    CHECK(error_key(validate_institution("PT Maju\nJaya")) ==
          "error.institution.control_characters");
    CHECK(error_key(validate_institution("PT Maju\tJaya")) ==
          "error.institution.control_characters");
}

TEST_CASE("validate_summary keeps line breaks") {
    CHECK(validate_summary("Dana saya ditahan pialang.\nSaya punya bukti transfer.").value() ==
          "Dana saya ditahan pialang.\nSaya punya bukti transfer.");
    CHECK(validate_summary("Baris satu\r\nBaris dua\rBaris tiga").value() ==
          "Baris satu\nBaris dua\nBaris tiga");
    CHECK(validate_summary("\n\n  Uraian  \n").value() == "Uraian");
    CHECK(validate_summary("").value() == "");
}

TEST_CASE("validate_summary rejects other control characters") {
    CHECK(error_key(validate_summary("Kolom\tkolom")) == "error.summary.control_characters");
    CHECK(error_key(validate_summary(std::string("nol\0nol", 7))) ==
          "error.summary.control_characters");
    CHECK(error_key(validate_summary("bel\x07")) == "error.summary.control_characters");
}

TEST_CASE("validate_summary maximum length in code points") {
    CHECK(validate_summary(repeat("李", kMaxSummaryLength)).has_value());

    const Result<std::string> too_long = validate_summary(repeat("李", kMaxSummaryLength + 1));
    REQUIRE_FALSE(too_long.has_value());
    CHECK(too_long.error().message_key == "error.summary.too_long");
    CHECK(too_long.error().field == "summary");
    CHECK(too_long.error().params.at("max") == "1000");
}

TEST_CASE("validate_text derives key from last path segment") {
    const Result<std::string> result =
        validate_text("appointment.notes", "abcd", 3, Newlines::Rejected);
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().field == "appointment.notes");
    CHECK(result.error().message_key == "error.notes.too_long");
}

// --- Whole visitor -------------------------------------------------------------------------

TEST_CASE("validate_visitor returns normalized visitor") {
    Visitor input;
    input.name = "  Siti  Nur'aini ";
    input.phone = "0812-3456-7890";
    input.nik = "3171015708900002";
    input.passport = "";
    input.email = "Siti@Contoh.CO.ID";
    input.institution = " PT Maju Jaya ";

    const Result<Visitor> result = validate_visitor(input);
    REQUIRE(result.has_value());
    CHECK(result->name == "Siti Nur'aini");
    CHECK(result->phone == "+6281234567890");
    CHECK(result->nik == "3171015708900002");
    CHECK(result->passport == "");
    CHECK(result->email == "Siti@contoh.co.id");
    CHECK(result->institution == "PT Maju Jaya");
}

TEST_CASE("validate_visitor returns first invalid field") {
    Visitor input;
    input.name = "Budi";
    input.phone = "0812";
    input.nik = "123";

    const Result<Visitor> result = validate_visitor(input);
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().field == "visitor.phone");
}

TEST_CASE("validate_visitor_all lists every invalid field") {
    Visitor input;
    input.name = "";
    input.phone = "abc";
    input.nik = "3171013104900001";
    input.passport = "A1";
    input.email = "budi";
    input.institution = repeat("x", kMaxInstitutionLength + 1);

    const std::vector<Error> errors = validate_visitor_all(input);
    REQUIRE(errors.size() == 6);
    CHECK(errors[0].field == "visitor.name");
    CHECK(errors[1].field == "visitor.phone");
    CHECK(errors[2].field == "visitor.nik");
    CHECK(errors[3].field == "visitor.passport");
    CHECK(errors[4].field == "visitor.email");
    CHECK(errors[5].field == "visitor.institution");
}

TEST_CASE("validate_visitor_all is empty for a valid visitor") {
    Visitor input;
    input.name = "Sukarno";
    input.phone = "+65 6123 4567";
    CHECK(validate_visitor_all(input).empty());
}

// --- Message keys --------------------------------------------------------------------------

TEST_CASE("every returned key is in kValidationMessageKeys") {
    // One input per rule, so a key added to the code but not to the list fails here.
    const std::vector<Result<std::string>> results{
        validate_name(""),
        validate_name("\xFF"),
        validate_name("a\tb"),
        validate_name(repeat("a", kMaxNameLength + 1)),
        validate_name("Budi2"),
        validate_name("."),
        normalize_phone(""),
        normalize_phone("\xFF"),
        normalize_phone("08\t12"),
        normalize_phone(repeat("0", kMaxPhoneLength + 1)),
        normalize_phone("08"),
        normalize_phone("08a"),
        normalize_phone("12345678"),
        validate_nik("\xFF"),
        validate_nik("1\t2"),
        validate_nik("abc"),
        validate_nik("123"),
        validate_nik("0071011708900001"),
        validate_nik("3171013104900001"),
        validate_nik("3171011708900000"),
        validate_passport("\xFF"),
        validate_passport("a\tb"),
        validate_passport("A-1"),
        validate_passport("A1"),
        validate_email("\xFF"),
        validate_email("a\tb"),
        validate_email(repeat("a", kMaxEmailLength + 1)),
        validate_email("a b"),
        validate_email("budi"),
        validate_email(".a@example.com"),
        validate_email("a@example"),
        validate_institution("\xFF"),
        validate_institution("a\tb"),
        validate_institution(repeat("a", kMaxInstitutionLength + 1)),
        validate_summary("\xFF"),
        validate_summary("a\tb"),
        validate_summary(repeat("a", kMaxSummaryLength + 1)),
    };
    REQUIRE(results.size() == kValidationMessageKeys.size());

    std::vector<std::string> produced;
    for (const Result<std::string>& result : results) {
        REQUIRE_FALSE(result.has_value());
        const std::string& key = result.error().message_key;
        CAPTURE(key);
        CHECK(is_known_key(key));
        produced.push_back(key);
    }

    // Each listed key is produced by one of the inputs above.
    std::sort(produced.begin(), produced.end());
    CHECK(std::unique(produced.begin(), produced.end()) == produced.end());
}
