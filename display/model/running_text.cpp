#include "model/running_text.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>
#include <toml++/toml.h>

namespace antrean::display {
namespace {

tl::unexpected<Error> invalid(const std::string& source_name, std::string reason) {
    return fail(ErrorCode::InvalidInput, "", "error.running_text.invalid",
                {{"file", source_name}, {"reason", std::move(reason)}});
}

}  // namespace

Result<RunningTextConfig> parse_running_text(const std::string& toml_text,
                                             const std::string& source_name) {
    toml::table root;
    try {
        root = toml::parse(toml_text, source_name);
    } catch (const toml::parse_error& error) {
        return invalid(source_name, fmt::format("line {}: {}", error.source().begin.line,
                                                error.description()));
    }

    RunningTextConfig config;
    if (const toml::node* speed = root.get("speed")) {
        const std::optional<double> value = speed->value<double>();
        if (!value || *value <= 0.0 || *value > 2000.0) {
            return invalid(source_name, "speed must be a number of pixels per second from 1 to 2000");
        }
        config.speed = *value;
    }
    if (const toml::node* rate = root.get("frames_per_second")) {
        const std::optional<int64_t> value = rate->value<int64_t>();
        if (!value || *value < 1 || *value > 60) {
            return invalid(source_name, "frames_per_second must be a whole number from 1 to 60");
        }
        config.frames_per_second = static_cast<int>(*value);
    }

    const toml::node* list = root.get("message");
    if (list == nullptr) {
        return config;
    }
    const toml::array* messages = list->as_array();
    if (messages == nullptr) {
        return invalid(source_name, "message must be an array of tables ([[message]])");
    }
    for (size_t i = 0; i < messages->size(); ++i) {
        const toml::table* entry = messages->get(i)->as_table();
        if (entry == nullptr) {
            return invalid(source_name, fmt::format("message {} is not a table", i + 1));
        }
        RunningTextMessage message;
        if (const auto key = (*entry)["key"].value<std::string>()) {
            message.key = *key;
        } else if (const toml::table* text = (*entry)["text"].as_table()) {
            message.text.id = (*text)["id"].value_or(std::string{});
            message.text.en = (*text)["en"].value_or(std::string{});
            if (message.text.id.empty()) {
                return invalid(source_name,
                               fmt::format("message {} has a text without the Indonesian \"id\" entry", i + 1));
            }
        } else {
            return invalid(source_name,
                           fmt::format("message {} needs key = \"...\" or text = {{ id = \"...\", en = \"...\" }}", i + 1));
        }
        config.messages.push_back(std::move(message));
    }
    return config;
}

Result<RunningTextConfig> load_running_text(const std::filesystem::path& path) {
    std::ifstream file(path);
    if (!file) {
        return fail(ErrorCode::InvalidInput, "", "error.running_text.unreadable",
                    {{"file", path.string()}});
    }
    std::stringstream text;
    text << file.rdbuf();
    return parse_running_text(text.str(), path.string());
}

std::vector<std::string> resolve_messages(const RunningTextConfig& config, const Catalog& catalog,
                                          Language language,
                                          std::vector<std::string>* missing_keys) {
    std::vector<std::string> texts;
    for (const RunningTextMessage& message : config.messages) {
        if (message.key.empty()) {
            texts.push_back(message.text.in(language));
            continue;
        }
        if (catalog.has_translation(language, message.key) ||
            catalog.has_translation(Language::English, message.key)) {
            texts.push_back(catalog.translate(language, message.key));
        } else if (missing_keys != nullptr) {
            missing_keys->push_back(message.key);
        }
    }
    return texts;
}

}  // namespace antrean::display
