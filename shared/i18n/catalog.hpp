#pragma once

// The translation catalogue: every text shown to a person, in Indonesian and English.
//
// Conventions for the gettext .po files that feed it:
// - msgid is a stable key such as "error.nik.length", never the English text, so that
//   rewording a message changes no code. msgstr is the text in the file's language.
// - There is one .po file per language per program part, for example
//   assets/i18n/id/validation.po and assets/i18n/en/validation.po. A key must appear in
//   only one file of a language.
// - A text may contain placeholders such as {max}, which translate() fills from its params.
//   Both languages of a key should use the same placeholders.
// - An empty msgstr means "not translated yet", and so does an entry flagged "#, fuzzy",
//   which msgfmt (GNU gettext 0.21) leaves out as well. The lookup then falls back to
//   English, then to the key.
// - Files are UTF-8. A header entry (msgid "") whose Content-Type names another charset
//   is rejected, and its Language field, when given, must match the folder.
// - Plural forms (msgid_plural, msgstr[n]) are not supported: write one key per form.

#include <array>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.hpp"
#include "domain/types.hpp"

namespace antrean {

// The entries of one .po file.
struct PoFile {
    // Translated entries, msgid to msgstr. Entries with an empty msgstr or the fuzzy flag are
    // left out. An entry with a msgctxt is stored under context + '\x04' + msgid, as gettext
    // does.
    std::map<std::string, std::string, std::less<>> messages;
    // Line of the msgid of each entry in `messages`, for errors found later.
    std::map<std::string, size_t, std::less<>> message_lines;
    // Fields of the header entry, e.g. "Language" -> "id", and the line of its msgid.
    std::map<std::string, std::string> header;
    size_t header_line = 0;
};

// Parses the text of a .po file. `source_name` only names the file in errors.
// A syntax error is returned as ErrorCode::InvalidInput with the key "error.catalog.syntax"
// and the params {file}, {line} (1-based) and {reason} (English, for the operator's log).
Result<PoFile> parse_po(std::string_view text, const std::string& source_name);

// Replaces each {name} in `text` with params["name"]. A placeholder without a param stays
// as written, so a missing value shows in the output. Values are inserted verbatim and
// never expanded again.
std::string fill_placeholders(std::string_view text,
                              const std::map<std::string, std::string>& params);

// Formats an error as its key followed by its params ("error.catalog.syntax file=… line=3
// reason=…"), for logs and for errors that no catalogue can translate, such as the
// catalogue's own load errors. Params of validation errors may contain what a visitor
// typed, so do not log those.
std::string describe_untranslated(const Error& error);

// Messages of every language, loaded once at start-up. A loaded catalogue is never
// modified, so const calls from several threads are safe.
class Catalog {
  public:
    // Loads every *.po file in dir/id/ and dir/en/, in file-name order. Both folders must
    // exist. Errors: "error.catalog.missing_folder" {path}, "error.catalog.read_failed"
    // {file}, "error.catalog.syntax" {file} {line} {reason}, and the same key with a
    // reason for a duplicate key across files, a charset other than UTF-8 or a Language
    // header that does not match the folder.
    static Result<Catalog> load_directory(const std::filesystem::path& dir);

    // Returns the text for `key` in `language` with its placeholders filled. A key that
    // `language` lacks is looked up in English, and a key missing there too is returned
    // as it is.
    std::string translate(Language language, std::string_view key,
                          const std::map<std::string, std::string>& params = {}) const;

    // Translates error.message_key with error.params.
    std::string render(Language language, const Error& error) const;

    // Returns whether `language` itself has a non-empty text for `key` (no fallback).
    bool has_translation(Language language, std::string_view key) const;

    // Returns the translated keys of `language`, sorted.
    std::vector<std::string> keys(Language language) const;

  private:
    using Messages = std::map<std::string, std::string, std::less<>>;

    const Messages& messages(Language language) const;

    std::array<Messages, static_cast<size_t>(Language::kCount)> messages_;
};

}  // namespace antrean
