#pragma once

#include <map>
#include <string>
#include <tl/expected.hpp>
#include <utility>

namespace antrean {

// The error codes of the HTTP contract (`error.code`), shared by the server and clients.
enum class ErrorCode {
    InvalidInput,
    InvalidName,
    InvalidPhone,
    InvalidNik,
    InvalidEmail,
    InvalidText,
    MissingField,
    ConsentRequired,
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
    PayloadTooLarge,
    RateLimited,
    Unavailable,
    Internal,
    kCount,
};

// Returns the wire name, for example "invalid_nik".
const char* error_code_name(ErrorCode code);
// Returns the HTTP status the server answers with for this code.
int error_code_http_status(ErrorCode code);
// Parses a wire name; unknown names map to ErrorCode::Internal.
ErrorCode parse_error_code(const std::string& name);

// A failure that a person can act on. The text is not stored here: `message_key` names an
// entry of the translation catalogue and `params` fill its `{name}` placeholders, so the same
// error is rendered in Indonesian or English by whoever shows it.
struct Error {
    ErrorCode code = ErrorCode::Internal;
    std::string field;  // JSON path of the offending input, e.g. "visitor.nik"; may be empty
    std::string message_key;
    std::map<std::string, std::string> params;

    Error() = default;
    Error(ErrorCode code_value, std::string field_path, std::string key,
          std::map<std::string, std::string> values = {})
        : code(code_value),
          field(std::move(field_path)),
          message_key(std::move(key)),
          params(std::move(values)) {}
};

template <typename T>
using Result = tl::expected<T, Error>;

inline tl::unexpected<Error> fail(ErrorCode code, std::string field, std::string key,
                                  std::map<std::string, std::string> params = {}) {
    return tl::unexpected<Error>(
        Error(code, std::move(field), std::move(key), std::move(params)));
}

}  // namespace antrean
