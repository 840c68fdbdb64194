#include "i18n/catalog.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "validation/visitor_validation.hpp"

using namespace antrean;

namespace {

const std::filesystem::path kI18nDir = std::filesystem::path(ANTREAN_ASSETS_DIR) / "i18n";

// A catalogue folder with id/ and en/ under the system temp folder, removed when the
// object goes out of scope.
class TempCatalogDir {
  public:
    TempCatalogDir() {
        static std::atomic<int> counter{0};
        const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
        path_ = std::filesystem::temp_directory_path() /
                ("antrean_catalog_test_" + std::to_string(stamp) + "_" + std::to_string(counter++));
        std::filesystem::create_directories(path_ / "id");
        std::filesystem::create_directories(path_ / "en");
    }
    ~TempCatalogDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempCatalogDir(const TempCatalogDir&) = delete;
    TempCatalogDir& operator=(const TempCatalogDir&) = delete;

    const std::filesystem::path& path() const { return path_; }

    void write(const std::string& relative_path, std::string_view text) const {
        std::ofstream file(path_ / relative_path, std::ios::binary);
        file << text;
    }

  private:
    std::filesystem::path path_;
};

// Returns the {name} placeholders of a text.
std::set<std::string> placeholders(std::string_view text) {
    std::set<std::string> names;
    size_t open = text.find('{');
    while (open != std::string_view::npos) {
        const size_t close = text.find('}', open);
        if (close == std::string_view::npos) {
            break;
        }
        names.emplace(text.substr(open + 1, close - open - 1));
        open = text.find('{', close);
    }
    return names;
}

Catalog load_real_catalog() {
    Result<Catalog> catalog = Catalog::load_directory(kI18nDir);
    if (!catalog) {
        FAIL("loading " << kI18nDir << " failed: " << describe_untranslated(catalog.error()));
    }
    return std::move(*catalog);
}

// Parses `text` and returns the syntax error, failing the test if parsing succeeds.
Error parse_error(std::string_view text) {
    Result<PoFile> po = parse_po(text, "test.po");
    REQUIRE_FALSE(po.has_value());
    return po.error();
}

}  // namespace

// --- The catalogue in assets/i18n ------------------------------------------------------------

TEST_CASE("real catalogue loads") {
    Result<Catalog> catalog = Catalog::load_directory(kI18nDir);
    REQUIRE_MESSAGE(catalog.has_value(),
                    (catalog ? std::string() : describe_untranslated(catalog.error())));
    CHECK(catalog->translate(Language::Indonesian, "error.nik.length", {{"length", "15"}}) ==
          "NIK harus 16 digit angka, tetapi yang Anda tulis 15 digit. Silakan periksa kembali "
          "NIK pada KTP Anda.");
    CHECK(catalog->translate(Language::English, "error.nik.length", {{"length", "15"}}) ==
          "NIK must be 16 digits, but you entered 15. Please check the NIK on your identity "
          "card (KTP).");
}

TEST_CASE("every validation key is translated in both languages") {
    const Catalog catalog = load_real_catalog();
    for (const std::string_view key : kValidationMessageKeys) {
        CAPTURE(key);
        CHECK(catalog.has_translation(Language::Indonesian, key));
        CHECK(catalog.has_translation(Language::English, key));
    }
}

TEST_CASE("real catalogue has same keys in both languages") {
    const Catalog catalog = load_real_catalog();
    CHECK(catalog.keys(Language::Indonesian) == catalog.keys(Language::English));
}

TEST_CASE("real catalogue placeholders match across languages") {
    const Catalog catalog = load_real_catalog();
    for (const std::string& key : catalog.keys(Language::Indonesian)) {
        CAPTURE(key);
        CHECK(placeholders(catalog.translate(Language::Indonesian, key)) ==
              placeholders(catalog.translate(Language::English, key)));
    }
}

TEST_CASE("real catalogue renders validation errors") {
    const Catalog catalog = load_real_catalog();
    const Error error = validate_name(std::string(kMaxNameLength + 1, 'a')).error();
    CHECK(catalog.render(Language::Indonesian, error) ==
          "Nama Lengkap terlalu panjang, paling banyak 100 karakter. Silakan singkat nama Anda.");
    CHECK(catalog.render(Language::English, error) ==
          "Full name is too long: at most 100 characters. Please shorten it.");
}

// --- Lookup --------------------------------------------------------------------------------

TEST_CASE("fill_placeholders replaces named values") {
    const std::map<std::string, std::string> params{{"code", "A-007"}, {"desk", "2"}};
    CHECK(fill_placeholders("Nomor {code}, silakan ke meja {desk}.", params) ==
          "Nomor A-007, silakan ke meja 2.");
    CHECK(fill_placeholders("{code}{desk}", params) == "A-0072");
    CHECK(fill_placeholders("{code} lalu {code}", params) == "A-007 lalu A-007");
}

TEST_CASE("fill_placeholders keeps unknown placeholders") {
    const std::map<std::string, std::string> params{{"max", "100"}};
    CHECK(fill_placeholders("paling banyak {maks}", params) == "paling banyak {maks}");
    CHECK(fill_placeholders("kurung { kosong }", params) == "kurung { kosong }");
    CHECK(fill_placeholders("{} dan {max}", params) == "{} dan 100");
    CHECK(fill_placeholders("{{max}}", params) == "{100}");
    CHECK(fill_placeholders("tanpa tutup {max", params) == "tanpa tutup {max");
}

TEST_CASE("fill_placeholders does not expand values") {
    const std::map<std::string, std::string> params{{"a", "{b}"}, {"b", "x"}};
    CHECK(fill_placeholders("{a}", params) == "{b}");
}

TEST_CASE("translate falls back to English then key") {
    TempCatalogDir dir;
    dir.write("id/app.po",
              "msgid \"greeting\"\n"
              "msgstr \"Halo, {name}!\"\n"
              "\n"
              "msgid \"untranslated\"\n"
              "msgstr \"\"\n"
              "\n"
              "#, fuzzy\n"
              "msgid \"needs.review\"\n"
              "msgstr \"Teks lama\"\n");
    dir.write("en/app.po",
              "msgid \"greeting\"\n"
              "msgstr \"Hello, {name}!\"\n"
              "\n"
              "msgid \"untranslated\"\n"
              "msgstr \"Only in English\"\n"
              "\n"
              "msgid \"needs.review\"\n"
              "msgstr \"Reviewed text\"\n");
    Result<Catalog> catalog = Catalog::load_directory(dir.path());
    REQUIRE(catalog.has_value());

    CHECK(catalog->translate(Language::Indonesian, "greeting", {{"name", "Budi"}}) ==
          "Halo, Budi!");
    CHECK(catalog->translate(Language::English, "greeting", {{"name", "Budi"}}) == "Hello, Budi!");
    CHECK(catalog->translate(Language::Indonesian, "untranslated") == "Only in English");
    CHECK(catalog->translate(Language::Indonesian, "needs.review") == "Reviewed text");
    CHECK(catalog->translate(Language::Indonesian, "missing.key") == "missing.key");
    CHECK(catalog->translate(Language::English, "missing.key") == "missing.key");
    CHECK_FALSE(catalog->has_translation(Language::Indonesian, "untranslated"));
    CHECK_FALSE(catalog->has_translation(Language::Indonesian, "needs.review"));
}

TEST_CASE("render uses message key and params") {
    TempCatalogDir dir;
    dir.write("id/app.po", "msgid \"error.x\"\nmsgstr \"Paling banyak {max} karakter.\"\n");
    dir.write("en/app.po", "msgid \"error.x\"\nmsgstr \"At most {max} characters.\"\n");
    Result<Catalog> catalog = Catalog::load_directory(dir.path());
    REQUIRE(catalog.has_value());

    const Error error(ErrorCode::InvalidText, "visitor.institution", "error.x", {{"max", "150"}});
    CHECK(catalog->render(Language::Indonesian, error) == "Paling banyak 150 karakter.");
    CHECK(catalog->render(Language::English, error) == "At most 150 characters.");
}

// --- .po parsing ---------------------------------------------------------------------------

TEST_CASE("parse_po joins multi-line strings") {
    const Result<PoFile> po = parse_po(
        "msgid \"\"\n"
        "\"multi.\"\n"
        "\"line\"\n"
        "msgstr \"\"\n"
        "\"Baris pertama, \"\n"
        "   \"lanjutan.\"\n",
        "test.po");
    REQUIRE(po.has_value());
    CHECK(po->messages.at("multi.line") == "Baris pertama, lanjutan.");
}

TEST_CASE("parse_po decodes escapes") {
    const Result<PoFile> po = parse_po(
        "msgid \"escapes\"\n"
        "msgstr \"a\\nb \\\"kutip\\\" \\\\ tab\\tend\"\n",
        "test.po");
    REQUIRE(po.has_value());
    CHECK(po->messages.at("escapes") == "a\nb \"kutip\" \\ tab\tend");
}

TEST_CASE("parse_po skips comments and reads header") {
    const Result<PoFile> po = parse_po(
        "\xEF\xBB\xBF# translator comment\r\n"
        "msgid \"\"\r\n"
        "msgstr \"\"\r\n"
        "\"Language: id\\n\"\r\n"
        "\"Content-Type: text/plain; charset=UTF-8\\n\"\r\n"
        "\r\n"
        "#. extracted comment\r\n"
        "#: kiosk/screen.cpp:12\r\n"
        "#, c-format\r\n"
        "msgid \"key\"\r\n"
        "msgstr \"nilai\"\r\n"
        "\r\n"
        "#~ msgid \"old.key\"\r\n"
        "#~ msgstr \"lama\"\r\n",
        "test.po");
    REQUIRE(po.has_value());
    CHECK(po->messages.size() == 1);
    CHECK(po->messages.at("key") == "nilai");
    CHECK(po->header.at("Language") == "id");
    CHECK(po->header.at("Content-Type") == "text/plain; charset=UTF-8");
}

TEST_CASE("parse_po stores context with separator") {
    const Result<PoFile> po = parse_po(
        "msgctxt \"button\"\n"
        "msgid \"back\"\n"
        "msgstr \"Kembali\"\n",
        "test.po");
    REQUIRE(po.has_value());
    const std::string key = std::string("button") + '\x04' + "back";
    CHECK(po->messages.at(key) == "Kembali");
}

TEST_CASE("parse_po syntax errors name the line") {
    struct Case {
        std::string_view text;
        std::string_view line;
        std::string_view reason_part;
    };
    const std::vector<Case> cases{
        {"msgid \"a\"\nmsgstr \"no end\n", "2", "missing closing double quote"},
        {"msgid \"a\"\nmsgstr \"x\\q\"\n", "2", "unknown escape sequence \\q"},
        {"msgid \"a\"\n\nmsgstr \"x\" extra\n", "3", "after the closing double quote"},
        {"msgstr \"x\"\n", "1", "msgstr without a msgid"},
        {"msgid \"a\"\nmsgstr \"x\"\nmsgstr \"y\"\n", "3", "msgstr without a msgid"},
        {"msgid \"a\"\nmsgid \"b\"\nmsgstr \"y\"\n", "1", "msgid without a msgstr"},
        {"msgid \"a\"\nmsgstr \"x\"\n\nmsgid \"b\"\n", "4", "msgid without a msgstr"},
        {"\"stray\"\n", "1", "a string must follow"},
        {"msgid \"a\"\nmsgstr \"x\"\n\nmsgid \"a\"\nmsgstr \"y\"\n", "4", "duplicate msgid"},
        {"msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[0] \"x\"\n", "2", "plural forms"},
        {"msgid \"a\"\nmsgstring \"x\"\n", "2", "unknown keyword 'msgstring'"},
        {"msgid a\nmsgstr \"x\"\n", "1", "expected a string in double quotes"},
        {"msgid \"a\"\n\nmsgstr \"\xC3\x28\"\n", "3", "invalid UTF-8"},
    };
    for (const auto& [text, line, reason_part] : cases) {
        CAPTURE(text);
        const Error error = parse_error(text);
        CHECK(error.message_key == "error.catalog.syntax");
        CHECK(error.params.at("file") == "test.po");
        CHECK(error.params.at("line") == line);
        CHECK(error.params.at("reason").find(reason_part) != std::string::npos);
    }
}

// --- Loading folders -----------------------------------------------------------------------

TEST_CASE("load_directory reports malformed file and line") {
    TempCatalogDir dir;
    dir.write("id/good.po", "msgid \"a\"\nmsgstr \"A\"\n");
    dir.write("id/broken.po",
              "# komentar\n"
              "msgid \"b\"\n"
              "msgstr \"B tanpa penutup\n");
    dir.write("en/good.po", "msgid \"a\"\nmsgstr \"A\"\n");

    const Result<Catalog> catalog = Catalog::load_directory(dir.path());
    REQUIRE_FALSE(catalog.has_value());
    const Error& error = catalog.error();
    CHECK(error.message_key == "error.catalog.syntax");
    CHECK(error.params.at("file") == (dir.path() / "id" / "broken.po").string());
    CHECK(error.params.at("line") == "3");
    CHECK(describe_untranslated(error).find("line=3") != std::string::npos);
}

TEST_CASE("load_directory rejects key defined in two files") {
    TempCatalogDir dir;
    dir.write("id/a.po", "msgid \"same\"\nmsgstr \"satu\"\n");
    dir.write("id/b.po", "\nmsgid \"same\"\nmsgstr \"dua\"\n");

    const Result<Catalog> catalog = Catalog::load_directory(dir.path());
    REQUIRE_FALSE(catalog.has_value());
    CHECK(catalog.error().params.at("file") == (dir.path() / "id" / "b.po").string());
    CHECK(catalog.error().params.at("line") == "2");
}

TEST_CASE("load_directory rejects wrong charset") {
    TempCatalogDir dir;
    dir.write("id/app.po",
              "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=ISO-8859-1\\n\"\n");

    const Result<Catalog> catalog = Catalog::load_directory(dir.path());
    REQUIRE_FALSE(catalog.has_value());
    CHECK(catalog.error().params.at("reason").find("iso-8859-1") != std::string::npos);
}

TEST_CASE("load_directory rejects Language of other folder") {
    TempCatalogDir dir;
    dir.write("en/app.po", "msgid \"\"\nmsgstr \"Language: id\\n\"\n");

    const Result<Catalog> catalog = Catalog::load_directory(dir.path());
    REQUIRE_FALSE(catalog.has_value());
    CHECK(catalog.error().params.at("file") == (dir.path() / "en" / "app.po").string());
}

TEST_CASE("load_directory accepts regional Language header") {
    TempCatalogDir dir;
    dir.write("id/app.po",
              "msgid \"\"\nmsgstr \"Language: id_ID\\n\"\n\nmsgid \"k\"\nmsgstr \"v\"\n");
    dir.write("en/app.po", "msgid \"\"\nmsgstr \"Language: en-GB\\n\"\n");
    CHECK(Catalog::load_directory(dir.path()).has_value());
}

TEST_CASE("load_directory ignores files other than .po") {
    TempCatalogDir dir;
    dir.write("id/notes.txt", "this is not a catalogue");
    dir.write("id/app.po", "msgid \"k\"\nmsgstr \"v\"\n");
    dir.write("id/empty.po", "");

    const Result<Catalog> catalog = Catalog::load_directory(dir.path());
    REQUIRE(catalog.has_value());
    CHECK(catalog->keys(Language::Indonesian) == std::vector<std::string>{"k"});
    CHECK(catalog->keys(Language::English).empty());
}

TEST_CASE("load_directory reports missing language folder") {
    TempCatalogDir dir;
    std::filesystem::remove(dir.path() / "en");

    const Result<Catalog> catalog = Catalog::load_directory(dir.path());
    REQUIRE_FALSE(catalog.has_value());
    CHECK(catalog.error().message_key == "error.catalog.missing_folder");
    CHECK(catalog.error().params.at("path") == (dir.path() / "en").string());
}
