#pragma once

#include <httplib.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "auth/accounts.hpp"
#include "engine/queue_engine.hpp"
#include "i18n/catalog.hpp"

// Request parsing, authorization and response helpers shared by the route files.
namespace antrean::server::http {

using Json = nlohmann::json;

Language request_language(const httplib::Request& request);
void send_json(httplib::Response& response, int status, const Json& body);
void send_error(const httplib::Request& request, httplib::Response& response, const Catalog& catalog,
                const Error& error);

// Parses the body as a JSON object. Otherwise sends 400 and returns nullopt.
std::optional<Json> parse_body(const httplib::Request& request, httplib::Response& response,
                               const Catalog& catalog);

// Reads the bearer token and checks the role; answers 401 or 403 and returns nullopt when
// the request may not go on.
std::optional<Actor> authorize(const httplib::Request& request, httplib::Response& response,
                               Accounts& accounts, const Catalog& catalog,
                               std::initializer_list<Role> roles);
std::string bearer_token(const httplib::Request& request);

// Typed field readers: each returns an Error naming the field when the value is missing
// (for required fields) or of the wrong type.
Result<std::string> read_string(const Json& body, const std::string& key, bool required,
                                const std::string& path_prefix = "");
Result<std::optional<std::int64_t>> read_optional_id(const Json& body, const std::string& key);

template <typename Enum, typename Parser>
Result<Enum> read_enum(const Json& body, const std::string& key, Parser parser,
                       std::optional<Enum> fallback, const std::string& allowed) {
    if (!body.contains(key) || body[key].is_null()) {
        if (fallback) return *fallback;
        return fail(ErrorCode::MissingField, key, "error.field_required", {{"field", key}});
    }
    if (!body[key].is_string()) {
        return fail(ErrorCode::InvalidInput, key, "error.field_choice", {{"field", key}, {"allowed", allowed}});
    }
    const auto value = parser(body[key].get<std::string>());
    if (!value) {
        return fail(ErrorCode::InvalidInput, key, "error.field_choice", {{"field", key}, {"allowed", allowed}});
    }
    return *value;
}

// Parses a decimal id from a path segment.
std::optional<std::int64_t> parse_id(const std::string& text);

Json localized_json(const LocalizedText& text);
// "Budi Santoso" -> "B*** S.": enough for a visitor to recognise their officer on a
// public screen without showing the name.
std::string mask_name(const std::string& name);

}  // namespace antrean::server::http
