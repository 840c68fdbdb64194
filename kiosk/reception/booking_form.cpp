#include "reception/booking_form.hpp"

#include <fmt/format.h>

#include <charconv>

#include "console/console_text.hpp"
#include "validation/visitor_validation.hpp"

namespace antrean::reception {
namespace {

// A booking may be entered for a time that began a few minutes ago (a walk-in who booked
// by phone on the way), not for one long past.
constexpr TimestampMs kPastToleranceMs = 15 * 60'000;

std::optional<int> number(std::string_view text) {
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || text.empty()) {
        return std::nullopt;
    }
    return value;
}

bool days_exist(int year, int month, int day) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1) {
        return false;
    }
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

std::optional<BookingField> visitor_field(const std::string& path) {
    static const std::map<std::string, BookingField> kFields{{"visitor.name", BookingField::Name},
                                                             {"visitor.phone", BookingField::Phone},
                                                             {"visitor.nik", BookingField::Nik},
                                                             {"visitor.email", BookingField::Email},
                                                             {"visitor.institution", BookingField::Institution}};
    const auto it = kFields.find(path);
    return it == kFields.end() ? std::nullopt : std::optional<BookingField>(it->second);
}

std::string slot_rfc3339(const OfficeTime& office, const std::string& date, const std::string& time) {
    const std::optional<TimestampMs> instant = parse_local_slot(office, date, time);
    return instant ? office.rfc3339(*instant) : std::string();
}

}  // namespace

std::optional<TimestampMs> parse_local_slot(const OfficeTime& office, const std::string& date,
                                            const std::string& time) {
    if (date.size() != 10 || date[4] != '-' || date[7] != '-') {
        return std::nullopt;
    }
    const auto year = number(std::string_view(date).substr(0, 4));
    const auto month = number(std::string_view(date).substr(5, 2));
    const auto day = number(std::string_view(date).substr(8, 2));
    if (!year || !month || !day || !days_exist(*year, *month, *day)) {
        return std::nullopt;
    }
    const size_t separator = time.find_first_of(".:");
    if (separator == std::string::npos || separator == 0 || separator > 2 || time.size() != separator + 3) {
        return std::nullopt;
    }
    const auto hour = number(std::string_view(time).substr(0, separator));
    const auto minute = number(std::string_view(time).substr(separator + 1));
    if (!hour || !minute || *hour > 23 || *minute > 59) {
        return std::nullopt;
    }
    return office.from_local(*year, *month, *day, *hour, *minute);
}

void validate_slot(const OfficeTime& office, TimestampMs now, const std::string& date, const std::string& time,
                   int length_minutes, std::map<BookingField, Error>& errors) {
    const bool date_ok = parse_local_slot(office, date, "12.00").has_value();
    if (!date_ok) {
        errors.emplace(BookingField::Date, Error(ErrorCode::InvalidInput, "starts_at", "console.booking.error.date"));
    }
    const std::optional<TimestampMs> slot = parse_local_slot(office, date_ok ? date : "2000-01-01", time);
    if (!slot) {
        errors.emplace(BookingField::Time, Error(ErrorCode::InvalidInput, "starts_at", "console.booking.error.time"));
    } else if (date_ok && *slot + kPastToleranceMs < now) {
        errors.emplace(BookingField::Time, Error(ErrorCode::InvalidInput, "starts_at", "console.booking.error.past"));
    }
    if (length_minutes < kMinAppointmentMinutes || length_minutes > kMaxAppointmentMinutes) {
        errors.emplace(BookingField::Length,
                       Error(ErrorCode::InvalidInput, "length_minutes", "console.booking.error.length",
                             {{"min", std::to_string(kMinAppointmentMinutes)},
                              {"max", std::to_string(kMaxAppointmentMinutes)}}));
    }
}

std::map<BookingField, Error> BookingForm::validate(const OfficeTime& office, TimestampMs now) const {
    std::map<BookingField, Error> errors;
    for (Error& error : validate_visitor_all(visitor)) {
        if (const auto field = visitor_field(error.field)) {
            errors.emplace(*field, std::move(error));
        }
    }
    if (Result<std::string> checked = validate_summary(summary); !checked) {
        errors.emplace(BookingField::Summary, checked.error());
    }
    if (!area) {
        errors.emplace(BookingField::Area, Error(ErrorCode::MissingField, "area", "console.register.error.area"));
    }
    if (!purpose) {
        errors.emplace(BookingField::Purpose,
                       Error(ErrorCode::MissingField, "purpose", "console.register.error.purpose"));
    }
    validate_slot(office, now, date, time, length_minutes, errors);
    return errors;
}

nlohmann::json BookingForm::body(const OfficeTime& office) const {
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
                        {"starts_at", slot_rfc3339(office, date, time)},
                        {"length_minutes", length_minutes},
                        {"source", to_string(source)}};
    if (const Result<std::string> text = validate_summary(summary); text && !text->empty()) {
        body["summary"] = *text;
    }
    if (officer_id) {
        body["officer_id"] = *officer_id;
    }
    return body;
}

RescheduleForm RescheduleForm::from(const console::AppointmentRecord& appointment, const OfficeTime& office,
                                    const Catalog& catalog) {
    RescheduleForm form;
    form.appointment_id = appointment.id;
    form.booking_code = appointment.booking_code;
    form.date = console::iso_date(office, appointment.starts_at);
    form.time = console::clock_text(catalog, Language::Indonesian, office, appointment.starts_at);
    form.length_minutes = appointment.length_minutes;
    form.officer_id = appointment.officer_id;
    return form;
}

std::map<BookingField, Error> RescheduleForm::validate(const OfficeTime& office, TimestampMs now) const {
    std::map<BookingField, Error> errors;
    validate_slot(office, now, date, time, length_minutes, errors);
    return errors;
}

nlohmann::json RescheduleForm::body(const OfficeTime& office) const {
    nlohmann::json body{{"starts_at", slot_rfc3339(office, date, time)}, {"length_minutes", length_minutes}};
    if (officer_id) {
        body["officer_id"] = *officer_id;
    }
    return body;
}

std::string confirmation_message(const Catalog& catalog, const console::ConsoleConfig* config,
                                 const OfficeTime& office, const console::AppointmentRecord& appointment) {
    constexpr Language kIndonesian = Language::Indonesian;
    const std::string zone = config != nullptr ? config->zone_label : "";
    const std::string office_name = config != nullptr && !config->office_name.indonesian.empty()
                                        ? config->office_name.indonesian
                                        : catalog.translate(kIndonesian, "console.booking.message.office");
    return catalog.translate(
        kIndonesian, "console.booking.message.body",
        {{"name", appointment.visitor.name},
         {"date", console::date_text(catalog, kIndonesian, office, appointment.starts_at)},
         {"time", console::clock_text(catalog, kIndonesian, office, appointment.starts_at, zone)},
         {"place", catalog.translate(kIndonesian, "console.booking.message.place")},
         {"area", console::area_text(config, kIndonesian, appointment.area)},
         {"purpose", console::purpose_text(config, catalog, kIndonesian, appointment.purpose)},
         {"code", appointment.booking_code},
         {"office", office_name}});
}

}  // namespace antrean::reception
