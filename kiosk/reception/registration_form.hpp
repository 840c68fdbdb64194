#pragma once

// Reception registration of a visitor who does not use the kiosk: the kiosk's fields and
// checks (shared/validation), typed on a real keyboard, with consent asked orally and
// recorded by the receptionist's tick.

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "domain/error.hpp"
#include "domain/types.hpp"

namespace antrean::reception {

// The form's fields; also the keys of its errors.
enum class RegistrationField { Name, Phone, Nik, Email, Institution, Area, Purpose, Summary, Consent, kCount };
inline constexpr std::array registration_field_names{"name",    "phone",   "nik",     "email",  "institution",
                                                     "area",    "purpose", "summary", "consent"};
static_assert(registration_field_names.size() == static_cast<size_t>(RegistrationField::kCount));

struct RegistrationForm {
    Visitor visitor;  // as typed
    std::optional<AreaId> area;
    std::optional<Purpose> purpose;
    Priority priority = Priority::Regular;
    std::string summary;
    bool consent_given_orally = false;
    Language visitor_language = Language::Indonesian;

    // Runs the checks of the kiosk and the server on every field. Returns each invalid
    // field's error (a catalogue key with params); empty when the form can be sent.
    std::map<RegistrationField, Error> validate() const;
    // The body of POST /api/v1/tickets with the normalized values. Only valid when
    // validate() returned no error.
    nlohmann::json body() const;
    void clear();
};

}  // namespace antrean::reception
