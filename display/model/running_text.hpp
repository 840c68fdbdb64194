#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "domain/error.hpp"
#include "domain/types.hpp"
#include "i18n/catalog.hpp"
#include "model/office_config.hpp"

// The running text at the bottom of the wall display: which announcements it shows and how
// fast it moves. The shipped file is assets/display/running-text.toml.
namespace antrean::display {

// One announcement: a catalogue key (the shipped texts, translated in display.po), or a text
// the office wrote into the file itself.
struct RunningTextMessage {
    std::string key;       // empty for a written text
    LocalizedName text;    // used when `key` is empty
};

struct RunningTextConfig {
    // Pixels per second on a screen 1080 pixels high; other heights scale it.
    double speed = 105.0;
    // Redraws per second while the text moves. Each one costs CPU under software OpenGL.
    int frames_per_second = 15;
    std::vector<RunningTextMessage> messages;
};

// Parses the TOML text of a running-text file. `source_name` only names the file in errors.
// Errors use ErrorCode::InvalidInput and the message_key "error.running_text.invalid" with
// the params {file} and {reason} (English, for the operator's log).
Result<RunningTextConfig> parse_running_text(const std::string& toml_text,
                                             const std::string& source_name);

// Reads and parses a running-text file. A missing or unreadable file fails with the
// message_key "error.running_text.unreadable" and the param {file}.
Result<RunningTextConfig> load_running_text(const std::filesystem::path& path);

// Returns the messages in `language`. A key that the catalogue lacks in both languages is
// skipped and added to `missing_keys` when that is given, so the caller can log it.
std::vector<std::string> resolve_messages(const RunningTextConfig& config, const Catalog& catalog,
                                          Language language,
                                          std::vector<std::string>* missing_keys = nullptr);

}  // namespace antrean::display
