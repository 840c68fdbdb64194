#include "domain/error.hpp"

#include <array>

namespace antrean {
namespace {

struct ErrorCodeInfo {
    const char* name;
    int http_status;
};

constexpr std::array<ErrorCodeInfo, static_cast<size_t>(ErrorCode::kCount)> kErrorCodes{{
    {"invalid_input", 400},
    {"invalid_name", 422},
    {"invalid_phone", 422},
    {"invalid_nik", 422},
    {"invalid_email", 422},
    {"invalid_text", 422},
    {"missing_field", 422},
    {"consent_required", 422},
    {"unauthorized", 401},
    {"forbidden", 403},
    {"not_found", 404},
    {"conflict", 409},
    {"payload_too_large", 413},
    {"rate_limited", 429},
    {"unavailable", 503},
    {"internal", 500},
}};
static_assert(kErrorCodes.size() == static_cast<size_t>(ErrorCode::kCount));

}  // namespace

const char* error_code_name(ErrorCode code) { return kErrorCodes.at(static_cast<size_t>(code)).name; }

int error_code_http_status(ErrorCode code) {
    return kErrorCodes.at(static_cast<size_t>(code)).http_status;
}

ErrorCode parse_error_code(const std::string& name) {
    for (size_t i = 0; i < kErrorCodes.size(); ++i) {
        if (name == kErrorCodes[i].name) {
            return static_cast<ErrorCode>(i);
        }
    }
    return ErrorCode::Internal;
}

}  // namespace antrean
