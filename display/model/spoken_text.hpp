#pragma once

#include <string>
#include <string_view>

#include "domain/types.hpp"
#include "i18n/catalog.hpp"

// Texts that the wall display speaks: numbers, ticket codes and desk names as a voice reads
// them, and the call announcement. The words come from the catalogue (display.po); only the
// rules that join them live here.
namespace antrean::display {

// Number words of one language, looked up in the catalogue.
class NumberWords {
public:
    NumberWords(const Catalog& catalog, Language language)
        : catalog_(catalog), language_(language) {}

    // Returns the word of one digit, 0-9 ("tujuh").
    std::string digit(int value) const;
    // Returns a whole number from 0 to 999 in words ("dua belas", "seratus lima"). Larger
    // numbers are read digit by digit, which is how people read long numbers aloud anyway.
    std::string number(int value) const;
    // Spells a ticket code the way staff read it aloud: letters stay, each digit becomes its
    // word and dashes are dropped, so "A-007" becomes "A nol nol tujuh".
    std::string spell_code(std::string_view code) const;
    // Replaces each run of digits in `text` with words ("Meja 12" -> "Meja dua belas"). A run
    // with a leading zero ("02") or more than three digits is read digit by digit.
    std::string with_number_words(std::string_view text) const;

private:
    std::string word(const std::string& key) const;

    const Catalog& catalog_;
    Language language_;
};

// One call as the display announces it.
struct CallAnnouncement {
    std::string ticket_code;  // "A-007"
    std::string desk_name;    // the configured name, "Meja 2"
    bool recall = false;      // an officer's "Panggil Ulang"
};

// Returns how the voice names a desk. A name made of the desk word of either language and a
// number ("Meja 2", "Desk 2") is read with this language's desk phrase ("meja dua", "desk
// two"). Any other name is read as written, with its numbers in words.
std::string spoken_desk(const Catalog& catalog, Language language, std::string_view desk_name);

// Returns the sentence the voice speaks for a call, for example "Nomor antrean A nol nol
// tujuh, silakan menuju meja dua." A recall has its own lead-in from the catalogue.
std::string announcement_text(const Catalog& catalog, Language language,
                              const CallAnnouncement& call);

}  // namespace antrean::display
