#include "http/http_support.hpp"

#include <spdlog/spdlog.h>

#include <charconv>

namespace antrean::server::http {

Language request_language(const httplib::Request& request) {
    return parse_accept_language(request.get_header_value("Accept-Language"));
}

void send_json(httplib::Response& response, int status, const Json& body) {
    response.status = status;
    // Replacement characters keep a response valid even if stored text is not UTF-8.
    response.set_content(body.dump(-1, ' ', false, Json::error_handler_t::replace), "application/json; charset=utf-8");
}

void send_error(const httplib::Request& request, httplib::Response& response, const Catalog& catalog,
                const Error& error) {
    const int status = error_code_http_status(error.code);
    if (error.code == ErrorCode::Internal) {
        spdlog::error("internal error on {} {}: {}", request.method, request.path, error.message_key);
    }
    Json body{{"error",
               {{"code", error_code_name(error.code)},
                {"message", catalog.render(request_language(request), error)},
                {"field", error.field.empty() ? Json(nullptr) : Json(error.field)}}}};
    if (error.code == ErrorCode::RateLimited) {
        const auto seconds = error.params.find("seconds");
        if (seconds != error.params.end()) response.set_header("Retry-After", seconds->second);
    }
    send_json(response, status, body);
}

std::optional<Json> parse_body(const httplib::Request& request, httplib::Response& response,
                               const Catalog& catalog) {
    Json body = Json::parse(request.body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) {
        send_error(request, response, catalog, Error(ErrorCode::InvalidInput, "", "error.invalid_json"));
        return std::nullopt;
    }
    return body;
}

std::string bearer_token(const httplib::Request& request) {
    const std::string header = request.get_header_value("Authorization");
    constexpr std::string_view kPrefix = "Bearer ";
    if (header.size() <= kPrefix.size() || header.compare(0, kPrefix.size(), kPrefix) != 0) {
        return {};
    }
    return header.substr(kPrefix.size());
}

std::optional<Actor> authorize(const httplib::Request& request, httplib::Response& response,
                               Accounts& accounts, const Catalog& catalog,
                               std::initializer_list<Role> roles) {
    auto actor = accounts.authenticate(bearer_token(request));
    if (!actor) {
        send_error(request, response, catalog, actor.error());
        return std::nullopt;
    }
    for (Role role : roles) {
        if (actor->role == role) return *actor;
    }
    std::string allowed;
    for (Role role : roles) {
        if (!allowed.empty()) allowed += ", ";
        allowed += to_string(role);
    }
    send_error(request, response, catalog,
               Error(ErrorCode::Forbidden, "", "error.role_forbidden", {{"roles", allowed}}));
    return std::nullopt;
}

Result<std::string> read_string(const Json& body, const std::string& key, bool required,
                                const std::string& path_prefix) {
    const std::string field = path_prefix + key;
    if (!body.contains(key) || body[key].is_null()) {
        if (!required) return std::string{};
        return fail(ErrorCode::MissingField, field, "error.field_required", {{"field", field}});
    }
    if (!body[key].is_string()) {
        return fail(ErrorCode::InvalidInput, field, "error.field_not_text", {{"field", field}});
    }
    return body[key].get<std::string>();
}

Result<std::optional<std::int64_t>> read_optional_id(const Json& body, const std::string& key) {
    if (!body.contains(key) || body[key].is_null()) return std::optional<std::int64_t>{};
    if (body[key].is_number_integer()) return std::optional<std::int64_t>(body[key].get<std::int64_t>());
    if (body[key].is_string()) {
        if (auto id = parse_id(body[key].get<std::string>())) return std::optional<std::int64_t>(*id);
    }
    return fail(ErrorCode::InvalidInput, key, "error.field_not_id", {{"field", key}});
}

std::optional<std::int64_t> parse_id(const std::string& text) {
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value <= 0) return std::nullopt;
    return value;
}

Json localized_json(const LocalizedText& text) { return Json{{"id", text.id}, {"en", text.en}}; }

std::string mask_name(const std::string& name) {
    // Works on bytes of the first character of the first and last word, keeping a whole
    // UTF-8 sequence so a masked "Élodie" is still valid text.
    auto first_char = [](const std::string& word) {
        if (word.empty()) return std::string{};
        size_t length = 1;
        const auto lead = static_cast<unsigned char>(word[0]);
        if (lead >= 0xF0) length = 4;
        else if (lead >= 0xE0) length = 3;
        else if (lead >= 0xC0) length = 2;
        return word.substr(0, std::min(length, word.size()));
    };
    std::vector<std::string> words;
    size_t start = 0;
    while (start < name.size()) {
        size_t end = name.find(' ', start);
        if (end == std::string::npos) end = name.size();
        if (end > start) words.push_back(name.substr(start, end - start));
        start = end + 1;
    }
    if (words.empty()) return "";
    std::string masked = first_char(words.front()) + "***";
    if (words.size() > 1) masked += " " + first_char(words.back()) + ".";
    return masked;
}

}  // namespace antrean::server::http
