#include <doctest/doctest.h>

#include "display_test_support.hpp"
#include "model/spoken_text.hpp"

using namespace antrean;
using namespace antrean::display;
using antrean::display::testing::real_catalog;

TEST_CASE("number words in Indonesian") {
    const NumberWords words(real_catalog(), Language::Indonesian);

    SUBCASE("digits") {
        CHECK(words.digit(0) == "nol");
        CHECK(words.digit(7) == "tujuh");
        CHECK(words.digit(9) == "sembilan");
    }
    SUBCASE("teens use belas, and ten and eleven their own words") {
        CHECK(words.number(10) == "sepuluh");
        CHECK(words.number(11) == "sebelas");
        CHECK(words.number(12) == "dua belas");
        CHECK(words.number(19) == "sembilan belas");
    }
    SUBCASE("tens and hundreds") {
        CHECK(words.number(20) == "dua puluh");
        CHECK(words.number(21) == "dua puluh satu");
        CHECK(words.number(100) == "seratus");
        CHECK(words.number(105) == "seratus lima");
        CHECK(words.number(111) == "seratus sebelas");
        CHECK(words.number(999) == "sembilan ratus sembilan puluh sembilan");
    }
    SUBCASE("numbers from 1000 are read digit by digit") {
        CHECK(words.number(1000) == "satu nol nol nol");
    }
}

TEST_CASE("number words in English") {
    const NumberWords words(real_catalog(), Language::English);
    CHECK(words.number(0) == "zero");
    CHECK(words.number(12) == "twelve");
    CHECK(words.number(40) == "forty");
    CHECK(words.number(42) == "forty two");
    CHECK(words.number(300) == "three hundred");
}

TEST_CASE("ticket codes are spelled digit by digit") {
    const NumberWords id(real_catalog(), Language::Indonesian);
    const NumberWords en(real_catalog(), Language::English);

    CHECK(id.spell_code("A-007") == "A nol nol tujuh");
    CHECK(id.spell_code("A-012") == "A nol satu dua");
    CHECK(id.spell_code("B-1000") == "B satu nol nol nol");
    CHECK(en.spell_code("C-120") == "C one two zero");
}

TEST_CASE("numbers inside names become words") {
    const NumberWords words(real_catalog(), Language::Indonesian);
    CHECK(words.with_number_words("Loket 12") == "Loket dua belas");
    CHECK(words.with_number_words("Meja 02") == "Meja nol dua");
    CHECK(words.with_number_words("Informasi") == "Informasi");
}

TEST_CASE("desk names as the voice says them") {
    const Catalog& catalog = real_catalog();

    SUBCASE("the desk word and a number use the language's desk phrase") {
        CHECK(spoken_desk(catalog, Language::Indonesian, "Meja 2") == "meja dua");
        CHECK(spoken_desk(catalog, Language::Indonesian, "MEJA 12") == "meja dua belas");
        CHECK(spoken_desk(catalog, Language::English, "Meja 2") == "desk two");
        CHECK(spoken_desk(catalog, Language::Indonesian, "Desk 3") == "meja tiga");
    }
    SUBCASE("other names are read as written, numbers in words") {
        CHECK(spoken_desk(catalog, Language::Indonesian, "Loket Prioritas 1") == "Loket Prioritas satu");
        CHECK(spoken_desk(catalog, Language::English, "Ruang Konsultasi") == "Ruang Konsultasi");
    }
}

TEST_CASE("call announcement text") {
    const Catalog& catalog = real_catalog();

    SUBCASE("Indonesian") {
        CHECK(announcement_text(catalog, Language::Indonesian, {"A-007", "Meja 2", false}) ==
              "Nomor antrean A nol nol tujuh, silakan menuju meja dua.");
        CHECK(announcement_text(catalog, Language::Indonesian, {"A-012", "Meja 2", false}) ==
              "Nomor antrean A nol satu dua, silakan menuju meja dua.");
    }
    SUBCASE("English") {
        CHECK(announcement_text(catalog, Language::English, {"A-007", "Meja 2", false}) ==
              "Ticket number A zero zero seven, please go to desk two.");
    }
    SUBCASE("a recall says that it is one") {
        CHECK(announcement_text(catalog, Language::Indonesian, {"B-003", "Meja 1", true}) ==
              "Panggilan ulang. Nomor antrean B nol nol tiga, silakan menuju meja satu.");
        CHECK(announcement_text(catalog, Language::English, {"B-003", "Meja 1", true}) ==
              "Repeated call. Ticket number B zero zero three, please go to desk one.");
    }
}
