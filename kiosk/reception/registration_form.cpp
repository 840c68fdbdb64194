#include "reception/registration_form.hpp"

#include "validation/visitor_validation.hpp"

namespace antrean::reception {
namespace {

std::optional<RegistrationField> field_of(const std::string& path) {
    if (path == "visitor.name") {
        return RegistrationField::Name;
    }
    if (path == "visitor.phone") {
        return RegistrationField::Phone;
    }
    if (path == "visitor.nik") {
        return RegistrationField::Nik;
    }
    if (path == "visitor.email") {
        return RegistrationField::Email;
    }
    if (path == "visitor.institution") {
        return RegistrationField::Institution;
    }
    return std::nullopt;
}

}  // namespace

std::map<RegistrationField, Error> RegistrationForm::validate() const {
    std::map<RegistrationField, Error> errors;
    for (Error& error : validate_visitor_all(visitor)) {
        if (const auto field = field_of(error.field)) {
            errors.emplace(*field, std::move(error));
        }
    }
    if (Result<std::string> checked = validate_summary(summary); !checked) {
        errors.emplace(RegistrationField::Summary, checked.error());
    }
    if (!area) {
        errors.emplace(RegistrationField::Area,
                       Error(ErrorCode::MissingField, "area", "console.register.error.area"));
    }
    if (!purpose) {
        errors.emplace(RegistrationField::Purpose,
                       Error(ErrorCode::MissingField, "purpose", "console.register.error.purpose"));
    }
    if (!consent_given_orally) {
        errors.emplace(RegistrationField::Consent,
                       Error(ErrorCode::ConsentRequired, "consent", "console.register.error.consent"));
    }
    return errors;
}

nlohmann::json RegistrationForm::body() const {
    const Result<Visitor> normalized = validate_visitor(visitor);
    const Visitor& checked = normalized ? *normalized : visitor;
    nlohmann::json person{{"name", checked.name}, {"phone", checked.phone}};
    if (!checked.nik.empty()) {
        person["nik"] = checked.nik;
    }
    if (!checked.email.empty()) {
        person["email"] = checked.email;
    }
    if (!checked.institution.empty()) {
        person["institution"] = checked.institution;
    }
    nlohmann::json body{{"visitor", person},
                        {"area", area.value_or("")},
                        {"purpose", to_string(purpose.value_or(Purpose::Complaint))},
                        {"priority", to_string(priority)},
                        // The receptionist asked and the visitor agreed aloud; the server
                        // records it as consent_by "receptionist" because of the token.
                        {"consent", consent_given_orally},
                        {"language", to_string(visitor_language)}};
    const Result<std::string> summary_checked = validate_summary(summary);
    if (summary_checked && !summary_checked->empty()) {
        body["summary"] = *summary_checked;
    }
    return body;
}

void RegistrationForm::clear() {
    *this = RegistrationForm{};
}

}  // namespace antrean::reception
