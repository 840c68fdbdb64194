#include "i18n/catalog.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <optional>
#include <set>
#include <system_error>
#include <utility>

#include "validation/visitor_validation.hpp"

namespace antrean {
namespace {

constexpr std::string_view kSyntaxKey = "error.catalog.syntax";
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
// gettext joins msgctxt and msgid with EOT (U+0004) to form the lookup key.
constexpr char kContextSeparator = '\x04';

bool is_blank(char c) {
    return c == ' ' || c == '\t';
}

std::string_view trim_blanks(std::string_view text) {
    while (!text.empty() && (is_blank(text.front()) || text.front() == '\r')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (is_blank(text.back()) || text.back() == '\r')) {
        text.remove_suffix(1);
    }
    return text;
}

std::string to_lower_ascii(std::string_view text) {
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) {
        return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    });
    return lower;
}

tl::unexpected<Error> syntax_error(const std::string& file, size_t line, std::string reason) {
    return fail(ErrorCode::InvalidInput, "", std::string(kSyntaxKey),
                {{"file", file}, {"line", std::to_string(line)}, {"reason", std::move(reason)}});
}

// Parses a C-style quoted string that starts `text` and must end it, apart from blanks.
Result<std::string> parse_quoted(std::string_view text, const std::string& file, size_t line) {
    if (text.empty() || text.front() != '"') {
        return syntax_error(file, line, "expected a string in double quotes");
    }

    std::string value;
    size_t position = 1;
    while (true) {
        if (position >= text.size()) {
            return syntax_error(file, line, "missing closing double quote");
        }
        const char c = text[position++];
        if (c == '"') {
            break;
        }
        if (c != '\\') {
            value += c;
            continue;
        }
        if (position >= text.size()) {
            return syntax_error(file, line, "backslash at the end of the line");
        }
        const char escaped = text[position++];
        switch (escaped) {
            case 'n':
                value += '\n';
                break;
            case 't':
                value += '\t';
                break;
            case 'r':
                value += '\r';
                break;
            case '"':
                value += '"';
                break;
            case '\\':
                value += '\\';
                break;
            default:
                return syntax_error(file, line,
                                    std::string("unknown escape sequence \\") + escaped +
                                        " (supported: \\n \\t \\r \\\" \\\\)");
        }
    }

    if (!trim_blanks(text.substr(position)).empty()) {
        return syntax_error(file, line, "unexpected text after the closing double quote");
    }
    return value;
}

// Reads the "Name: value" lines of a header entry.
std::map<std::string, std::string> parse_header(std::string_view text) {
    std::map<std::string, std::string> fields;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        const std::string_view line = text.substr(start, end - start);
        const size_t colon = line.find(':');
        if (colon != std::string_view::npos) {
            fields.emplace(std::string(trim_blanks(line.substr(0, colon))),
                           std::string(trim_blanks(line.substr(colon + 1))));
        }
        start = end + 1;
    }
    return fields;
}

// The line-by-line reader of one .po file. An entry is an optional msgctxt, a msgid and a
// msgstr, each a quoted string that continues on following lines that hold only a string.
class PoParser {
  public:
    PoParser(std::string_view text, std::string file) : text_(text), file_(std::move(file)) {}

    Result<PoFile> parse() {
        if (text_.starts_with(kByteOrderMark)) {
            text_.remove_prefix(kByteOrderMark.size());
        }
        if (const std::optional<size_t> offset = find_invalid_utf8(text_)) {
            const std::string_view before = text_.substr(0, *offset);
            const size_t line =
                1 + static_cast<size_t>(std::count(before.begin(), before.end(), '\n'));
            return syntax_error(file_, line,
                                "invalid UTF-8 byte sequence. Save the file as UTF-8.");
        }

        size_t start = 0;
        size_t line_number = 0;
        while (start < text_.size()) {
            size_t end = text_.find('\n', start);
            if (end == std::string_view::npos) {
                end = text_.size();
            }
            ++line_number;
            if (Result<void> handled = handle_line(text_.substr(start, end - start), line_number);
                !handled) {
                return tl::unexpected(std::move(handled.error()));
            }
            start = end + 1;
        }

        if (entry_.id && !entry_.text) {
            return syntax_error(file_, entry_.id_line, "msgid without a msgstr");
        }
        if (entry_.context && !entry_.id) {
            return syntax_error(file_, entry_.context_line, "msgctxt without a msgid");
        }
        if (Result<void> finished = finish_entry(); !finished) {
            return tl::unexpected(std::move(finished.error()));
        }
        return std::move(result_);
    }

  private:
    enum class Part { None, Context, Id, Text };

    struct Entry {
        std::optional<std::string> context;
        std::optional<std::string> id;
        std::optional<std::string> text;
        size_t context_line = 0;
        size_t id_line = 0;
        bool fuzzy = false;
    };

    Result<void> handle_line(std::string_view raw_line, size_t line_number) {
        const std::string_view line = trim_blanks(raw_line);
        if (line.empty()) {
            return {};
        }
        if (line.front() == '#') {
            return handle_comment(line);
        }
        if (line.front() == '"') {
            return handle_continuation(line, line_number);
        }
        return handle_keyword(line, line_number);
    }

    Result<void> handle_comment(std::string_view line) {
        // A comment belongs to the entry after it, so a finished entry ends here.
        if (entry_.text) {
            if (Result<void> finished = finish_entry(); !finished) {
                return finished;
            }
        }
        part_ = Part::None;
        if (line.starts_with("#,") && line.find("fuzzy") != std::string_view::npos) {
            entry_.fuzzy = true;
        }
        return {};
    }

    Result<void> handle_continuation(std::string_view line, size_t line_number) {
        Result<std::string> value = parse_quoted(line, file_, line_number);
        if (!value) {
            return tl::unexpected(std::move(value.error()));
        }
        switch (part_) {
            case Part::Context:
                *entry_.context += *value;
                break;
            case Part::Id:
                *entry_.id += *value;
                break;
            case Part::Text:
                *entry_.text += *value;
                break;
            case Part::None:
                return syntax_error(file_, line_number,
                                    "a string must follow msgctxt, msgid or msgstr");
        }
        return {};
    }

    Result<void> handle_keyword(std::string_view line, size_t line_number) {
        size_t keyword_end = 0;
        while (keyword_end < line.size() && !is_blank(line[keyword_end]) &&
               line[keyword_end] != '"') {
            ++keyword_end;
        }
        const std::string_view keyword = line.substr(0, keyword_end);
        if (keyword == "msgid_plural" || keyword.starts_with("msgstr[")) {
            return syntax_error(file_, line_number,
                                "plural forms are not supported. Write one key per form.");
        }
        if (keyword != "msgctxt" && keyword != "msgid" && keyword != "msgstr") {
            return syntax_error(file_, line_number,
                                "unknown keyword '" + std::string(keyword) +
                                    "' (expected msgctxt, msgid, msgstr, a string or a comment)");
        }

        Result<std::string> value =
            parse_quoted(trim_blanks(line.substr(keyword_end)), file_, line_number);
        if (!value) {
            return tl::unexpected(std::move(value.error()));
        }

        if (keyword == "msgstr") {
            if (!entry_.id || entry_.text) {
                return syntax_error(file_, line_number, "msgstr without a msgid before it");
            }
            entry_.text = std::move(*value);
            part_ = Part::Text;
            return {};
        }

        // msgctxt or msgid starts a new entry unless it continues one that has no msgid yet.
        if (entry_.id && !entry_.text) {
            return syntax_error(file_, entry_.id_line, "msgid without a msgstr");
        }
        if (entry_.text) {
            if (Result<void> finished = finish_entry(); !finished) {
                return finished;
            }
        }
        if (keyword == "msgctxt") {
            if (entry_.context) {
                return syntax_error(file_, line_number, "second msgctxt in one entry");
            }
            entry_.context = std::move(*value);
            entry_.context_line = line_number;
            part_ = Part::Context;
        } else {
            entry_.id = std::move(*value);
            entry_.id_line = line_number;
            part_ = Part::Id;
        }
        return {};
    }

    // Stores the current entry, if any, and starts an empty one.
    Result<void> finish_entry() {
        Entry entry = std::exchange(entry_, Entry{});
        part_ = Part::None;
        if (!entry.id) {
            return {};
        }

        if (!entry.context && entry.id->empty()) {
            result_.header = parse_header(*entry.text);
            result_.header_line = entry.id_line;
            return {};
        }

        std::string key =
            entry.context ? *entry.context + kContextSeparator + *entry.id : *entry.id;
        if (!seen_keys_.insert(key).second) {
            return syntax_error(file_, entry.id_line, "duplicate msgid \"" + *entry.id + "\"");
        }
        if (!entry.fuzzy && !entry.text->empty()) {
            result_.message_lines.emplace(key, entry.id_line);
            result_.messages.emplace(std::move(key), std::move(*entry.text));
        }
        return {};
    }

    std::string_view text_;
    std::string file_;
    Entry entry_;
    Part part_ = Part::None;
    std::set<std::string> seen_keys_;
    PoFile result_;
};

// Checks the header fields that affect how the file is read.
Result<void> check_header(const PoFile& po, const std::string& file,
                          std::string_view language_code) {
    if (const auto content_type = po.header.find("Content-Type"); content_type != po.header.end()) {
        constexpr std::string_view kCharsetPrefix = "charset=";
        const std::string value = to_lower_ascii(content_type->second);
        const size_t prefix = value.find(kCharsetPrefix);
        if (prefix != std::string::npos) {
            std::string_view charset =
                std::string_view(value).substr(prefix + kCharsetPrefix.size());
            charset = trim_blanks(charset.substr(0, charset.find(';')));
            if (charset != "utf-8") {
                return syntax_error(file, po.header_line,
                                    "the header names charset '" + std::string(charset) +
                                        "'. Save the file as UTF-8 and write charset=UTF-8.");
            }
        }
    }

    if (const auto language = po.header.find("Language");
        language != po.header.end() && !language->second.empty()) {
        const std::string value = to_lower_ascii(language->second);
        const std::string base = value.substr(0, value.find_first_of("_-@"));
        if (base != language_code) {
            return syntax_error(file, po.header_line,
                                "the header says Language: " + language->second +
                                    " but the file is in the folder '" +
                                    std::string(language_code) + "'");
        }
    }
    return {};
}

Result<std::string> read_file(const std::filesystem::path& path) {
    std::ifstream stream(path, std::ios::binary);
    if (!stream) {
        return fail(ErrorCode::Internal, "", "error.catalog.read_failed",
                    {{"file", path.string()}});
    }
    std::string content{std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>()};
    if (stream.bad()) {
        return fail(ErrorCode::Internal, "", "error.catalog.read_failed",
                    {{"file", path.string()}});
    }
    return content;
}

// Returns the .po files of a folder sorted by name, so that loading does not depend on
// the order in which the file system lists them.
Result<std::vector<std::filesystem::path>> list_po_files(const std::filesystem::path& folder) {
    std::error_code error;
    if (!std::filesystem::is_directory(folder, error)) {
        return fail(ErrorCode::NotFound, "", "error.catalog.missing_folder",
                    {{"path", folder.string()}});
    }

    std::vector<std::filesystem::path> files;
    std::filesystem::directory_iterator entry(folder, error);
    for (; !error && entry != std::filesystem::directory_iterator(); entry.increment(error)) {
        std::error_code type_error;
        if (entry->is_regular_file(type_error) && entry->path().extension() == ".po") {
            files.push_back(entry->path());
        }
    }
    if (error) {
        return fail(ErrorCode::Internal, "", "error.catalog.read_failed",
                    {{"file", folder.string()}});
    }
    std::sort(files.begin(), files.end());
    return files;
}

bool is_placeholder_name(std::string_view name) {
    return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_';
    });
}

}  // namespace

Result<PoFile> parse_po(std::string_view text, const std::string& source_name) {
    return PoParser(text, source_name).parse();
}

std::string fill_placeholders(std::string_view text,
                              const std::map<std::string, std::string>& params) {
    std::string filled;
    filled.reserve(text.size());
    size_t position = 0;
    while (position < text.size()) {
        const size_t open = text.find('{', position);
        if (open == std::string_view::npos) {
            break;
        }
        const size_t close = text.find('}', open + 1);
        if (close == std::string_view::npos) {
            break;
        }

        const std::string_view name = text.substr(open + 1, close - open - 1);
        const auto param =
            is_placeholder_name(name) ? params.find(std::string(name)) : params.end();
        if (param == params.end()) {
            // No param has this name, so the '{' is copied and the search goes on after it.
            filled.append(text.substr(position, open + 1 - position));
            position = open + 1;
            continue;
        }
        filled.append(text.substr(position, open - position));
        filled.append(param->second);
        position = close + 1;
    }
    filled.append(text.substr(position));
    return filled;
}

std::string describe_untranslated(const Error& error) {
    std::string text = error.message_key;
    for (const auto& [name, value] : error.params) {
        text += ' ';
        text += name;
        text += '=';
        text += value;
    }
    return text;
}

Result<Catalog> Catalog::load_directory(const std::filesystem::path& dir) {
    Catalog catalog;
    for (size_t index = 0; index < language_codes.size(); ++index) {
        const std::string_view language_code = language_codes[index];
        Result<std::vector<std::filesystem::path>> files = list_po_files(dir / language_code);
        if (!files) {
            return tl::unexpected(std::move(files.error()));
        }

        Messages& messages = catalog.messages_[index];
        for (const std::filesystem::path& path : *files) {
            const std::string file = path.string();
            Result<std::string> text = read_file(path);
            if (!text) {
                return tl::unexpected(std::move(text.error()));
            }
            Result<PoFile> po = parse_po(*text, file);
            if (!po) {
                return tl::unexpected(std::move(po.error()));
            }
            if (Result<void> checked = check_header(*po, file, language_code); !checked) {
                return tl::unexpected(std::move(checked.error()));
            }

            for (auto& [key, message] : po->messages) {
                if (messages.contains(key)) {
                    return syntax_error(file, po->message_lines.at(key),
                                        "key \"" + key + "\" is already defined in another " +
                                            std::string(language_code) + " file");
                }
                messages.emplace(key, std::move(message));
            }
        }
    }
    return catalog;
}

std::string Catalog::translate(Language language, std::string_view key,
                               const std::map<std::string, std::string>& params) const {
    const Messages& requested = messages(language);
    if (const auto found = requested.find(key); found != requested.end()) {
        return fill_placeholders(found->second, params);
    }

    const Messages& english = messages(Language::English);
    if (const auto found = english.find(key); found != english.end()) {
        return fill_placeholders(found->second, params);
    }
    return std::string(key);
}

std::string Catalog::render(Language language, const Error& error) const {
    return translate(language, error.message_key, error.params);
}

bool Catalog::has_translation(Language language, std::string_view key) const {
    return messages(language).contains(key);
}

std::vector<std::string> Catalog::keys(Language language) const {
    std::vector<std::string> keys;
    for (const auto& [key, message] : messages(language)) {
        keys.push_back(key);
    }
    return keys;
}

const Catalog::Messages& Catalog::messages(Language language) const {
    return messages_.at(static_cast<size_t>(language));
}

}  // namespace antrean
