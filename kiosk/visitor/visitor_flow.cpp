#include "visitor/visitor_flow.hpp"

#include <algorithm>
#include <array>
#include <random>

#include "ui/keyboard_layout.hpp"
#include "validation/visitor_validation.hpp"

namespace antrean::kiosk {
namespace {

constexpr std::array kStepNames{"welcome",  "purpose",  "area",    "identity",
                                "identity_extra", "summary", "priority", "confirm",
                                "consent",  "submitting", "ticket", "booking",
                                "booking_submitting"};
static_assert(kStepNames.size() == static_cast<size_t>(Step::kCount));

constexpr std::array kFieldPaths{"visitor.name",  "visitor.phone",       "visitor.nik",
                                 "visitor.email", "visitor.institution", "summary"};
static_assert(kFieldPaths.size() == kFieldCount);

// The kiosk lets a visitor type a shorter summary than the server accepts (1000), because
// a few sentences are asked for and the officer hears the rest in person.
constexpr size_t kKioskSummaryLength = 500;

constexpr std::array kFieldMaxLengths{kMaxNameLength,  kMaxPhoneLength,       kMaxNikLength,
                                      kMaxEmailLength, kMaxInstitutionLength, kKioskSummaryLength};
static_assert(kFieldMaxLengths.size() == kFieldCount);

constexpr std::array kIdentityFields{Field::Name, Field::Phone};
constexpr std::array kIdentityExtraFields{Field::Nik, Field::Email, Field::Institution};

std::optional<Error> error_of(const auto& result) {
    if (result) {
        return std::nullopt;
    }
    return result.error();
}

// The step that each confirmation group starts and ends with.
Step first_step_of(ConfirmGroup group) {
    switch (group) {
        case ConfirmGroup::Visit:
            return Step::Purpose;
        case ConfirmGroup::Identity:
            return Step::Identity;
        case ConfirmGroup::Summary:
            return Step::Summary;
        case ConfirmGroup::Priority:
        case ConfirmGroup::kCount:
            break;
    }
    return Step::Priority;
}

Step last_step_of(ConfirmGroup group) {
    switch (group) {
        case ConfirmGroup::Visit:
            return Step::Area;
        case ConfirmGroup::Identity:
            return Step::IdentityExtra;
        case ConfirmGroup::Summary:
            return Step::Summary;
        case ConfirmGroup::Priority:
        case ConfirmGroup::kCount:
            break;
    }
    return Step::Priority;
}

bool is_walk_in_step(Step step) {
    return step >= Step::Purpose && step <= Step::Submitting;
}

}  // namespace

const char* step_name(Step step) {
    return kStepNames[static_cast<size_t>(step)];
}

const char* field_path(Field field) {
    return kFieldPaths[static_cast<size_t>(field)];
}

size_t field_max_length(Field field) {
    return kFieldMaxLengths[static_cast<size_t>(field)];
}

void wipe(std::string& text) {
    std::fill(text.begin(), text.end(), '\0');
    text.clear();
}

std::string normalize_booking_code(std::string_view typed) {
    std::string code;
    for (const char c : typed) {
        if (c == ' ' || c == '-') {
            continue;
        }
        code += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
    return code;
}

// --- Navigation ---------------------------------------------------------------------------

void VisitorFlow::go_to(Step step) {
    step_ = step;
}

void VisitorFlow::start_walk_in() {
    if (step_ != Step::Welcome) {
        return;
    }
    go_to(Step::Purpose);
}

void VisitorFlow::start_booking() {
    if (step_ != Step::Welcome) {
        return;
    }
    go_to(Step::Booking);
}

void VisitorFlow::choose_purpose(Purpose purpose) {
    if (step_ != Step::Purpose) {
        return;
    }
    form_.purpose = purpose;
    next();
}

void VisitorFlow::choose_area(const std::string& area_id) {
    if (step_ != Step::Area) {
        return;
    }
    form_.area = area_id;
    next();
}

void VisitorFlow::choose_priority(Priority priority) {
    if (step_ != Step::Priority) {
        return;
    }
    form_.priority = priority;
    next();
}

bool VisitorFlow::validate_step_fields() {
    bool valid = true;
    auto check = [&](auto fields) {
        for (const Field field : fields) {
            touch(field);
            if (field_error(field)) {
                valid = false;
            }
        }
    };
    switch (step_) {
        case Step::Identity:
            check(kIdentityFields);
            break;
        case Step::IdentityExtra:
            check(kIdentityExtraFields);
            break;
        case Step::Summary:
            check(std::array{Field::Summary});
            break;
        default:
            break;
    }
    return valid;
}

bool VisitorFlow::next() {
    if (!validate_step_fields()) {
        return false;
    }
    if (editing_ && step_ == last_step_of(*editing_)) {
        editing_.reset();
        go_to(Step::Confirm);
        return true;
    }
    switch (step_) {
        case Step::Purpose:
            if (!form_.purpose) {
                return false;
            }
            go_to(Step::Area);
            return true;
        case Step::Area:
            if (form_.area.empty()) {
                return false;
            }
            go_to(Step::Identity);
            return true;
        case Step::Identity:
            go_to(Step::IdentityExtra);
            return true;
        case Step::IdentityExtra:
            go_to(Step::Summary);
            return true;
        case Step::Summary:
            go_to(Step::Priority);
            return true;
        case Step::Priority:
            if (!form_.priority) {
                return false;
            }
            go_to(Step::Confirm);
            return true;
        case Step::Confirm:
            go_to(Step::Consent);
            return true;
        default:
            return false;
    }
}

void VisitorFlow::back() {
    if (!can_go_back()) {
        return;
    }
    submit_error_.reset();
    if (editing_ && step_ == first_step_of(*editing_)) {
        editing_.reset();
        go_to(Step::Confirm);
        return;
    }
    switch (step_) {
        case Step::Purpose:
        case Step::Booking:
            cancel();
            return;
        case Step::Area:
            go_to(Step::Purpose);
            return;
        case Step::Identity:
            go_to(Step::Area);
            return;
        case Step::IdentityExtra:
            go_to(Step::Identity);
            return;
        case Step::Summary:
            go_to(Step::IdentityExtra);
            return;
        case Step::Priority:
            go_to(Step::Summary);
            return;
        case Step::Confirm:
            go_to(Step::Priority);
            return;
        case Step::Consent:
            go_to(Step::Confirm);
            return;
        default:
            return;
    }
}

void VisitorFlow::cancel() {
    if (step_ == Step::Submitting || step_ == Step::BookingSubmitting) {
        return;
    }
    reset();
}

void VisitorFlow::reset() {
    for (std::string& text : form_.values) {
        wipe(text);
    }
    for (auto& error : server_errors_) {
        if (error) {
            wipe(error->value);
        }
    }
    wipe(booking_.code);
    wipe(booking_.phone);
    if (booking_server_error_) {
        wipe(booking_server_error_->value);
    }
    form_ = WalkInForm{};
    booking_ = BookingForm{};
    request_id_.clear();
    server_errors_ = {};
    booking_server_error_.reset();
    editing_.reset();
    ticket_.reset();
    submit_error_.reset();
    prompt_since_.reset();
    last_countdown_ = -1;
    language_ = default_language_;
    step_ = Step::Welcome;
    ++session_;
}

void VisitorFlow::edit(ConfirmGroup group) {
    if (step_ != Step::Confirm) {
        return;
    }
    editing_ = group;
    go_to(first_step_of(group));
}

StepPosition VisitorFlow::step_position() const {
    constexpr int kWalkInSteps = 8;
    switch (step_) {
        case Step::Purpose:
            return {1, kWalkInSteps};
        case Step::Area:
            return {2, kWalkInSteps};
        case Step::Identity:
        case Step::IdentityExtra:
            return {3, kWalkInSteps};
        case Step::Summary:
            return {4, kWalkInSteps};
        case Step::Priority:
            return {5, kWalkInSteps};
        case Step::Confirm:
            return {6, kWalkInSteps};
        case Step::Consent:
        case Step::Submitting:
            return {7, kWalkInSteps};
        case Step::Ticket:
            return ticket_ && ticket_->appointment ? StepPosition{2, 2} : StepPosition{8, kWalkInSteps};
        case Step::Booking:
        case Step::BookingSubmitting:
            return {1, 2};
        default:
            return {};
    }
}

bool VisitorFlow::can_go_back() const {
    return is_walk_in_step(step_) && step_ != Step::Submitting ? true : step_ == Step::Booking;
}

bool VisitorFlow::can_cancel() const {
    return can_go_back();
}

// --- Fields -------------------------------------------------------------------------------

std::optional<Error> VisitorFlow::validate_field(Field field) const {
    const std::string& text = value(field);
    switch (field) {
        case Field::Name:
            return error_of(validate_name(text));
        case Field::Phone:
            return error_of(normalize_phone(text));
        case Field::Nik:
            return error_of(validate_nik(text));
        case Field::Email:
            return error_of(validate_email(text));
        case Field::Institution:
            return error_of(validate_institution(text));
        case Field::Summary:
        case Field::kCount:
            break;
    }
    return error_of(validate_summary(text));
}

std::optional<Error> VisitorFlow::field_error(Field field) const {
    const auto& server = server_errors_[static_cast<size_t>(field)];
    if (server && server->value == value(field)) {
        return server->error;
    }
    if (!form_.touched[static_cast<size_t>(field)]) {
        return std::nullopt;
    }
    return validate_field(field);
}

void VisitorFlow::set_booking_mode(BookingMode mode) {
    if (booking_.mode == mode) {
        return;
    }
    booking_.mode = mode;
    booking_.touched = false;
}

std::optional<Error> VisitorFlow::local_booking_error() const {
    if (booking_.mode == BookingMode::Phone) {
        return error_of(normalize_phone(booking_.phone));
    }
    const std::string code = normalize_booking_code(booking_.code);
    for (const char c : code) {
        if (ui::kBookingCodeAlphabet.find(c) == std::string_view::npos) {
            return Error(ErrorCode::InvalidInput, "booking_code", "kiosk.booking.error.characters",
                         {{"character", std::string(1, c)}});
        }
    }
    if (code.size() != ui::kBookingCodeLength) {
        return Error(ErrorCode::InvalidInput, "booking_code", "kiosk.booking.error.length",
                     {{"length", std::to_string(ui::kBookingCodeLength)}});
    }
    return std::nullopt;
}

std::optional<Error> VisitorFlow::booking_error() const {
    const std::string& current = booking_.mode == BookingMode::Code ? booking_.code : booking_.phone;
    if (booking_server_error_ && booking_server_error_->value == current) {
        return booking_server_error_->error;
    }
    if (!booking_.touched) {
        return std::nullopt;
    }
    return local_booking_error();
}

// --- Submission ---------------------------------------------------------------------------

const std::string& VisitorFlow::request_id() {
    if (request_id_.empty()) {
        // 128 random bits as 32 hex digits, so two visitors practically never share one.
        std::random_device source;
        std::uniform_int_distribution<unsigned> nibble(0, 15);
        constexpr char kHex[] = "0123456789abcdef";
        for (int index = 0; index < 32; ++index) {
            request_id_ += kHex[nibble(source)];
        }
    }
    return request_id_;
}

std::optional<nlohmann::json> VisitorFlow::begin_check_in(const std::string& consent_version) {
    if (step_ != Step::Consent || !form_.consent || !form_.purpose || form_.area.empty() ||
        !form_.priority) {
        return std::nullopt;
    }
    Visitor visitor;
    visitor.name = value(Field::Name);
    visitor.phone = value(Field::Phone);
    visitor.nik = value(Field::Nik);
    visitor.email = value(Field::Email);
    visitor.institution = value(Field::Institution);
    const Result<Visitor> valid = validate_visitor(visitor);
    const Result<std::string> summary = validate_summary(value(Field::Summary));
    wipe(visitor.name);
    wipe(visitor.phone);
    wipe(visitor.nik);
    wipe(visitor.email);
    wipe(visitor.institution);
    if (!valid || !summary) {
        // Unreachable through the screens, which validate each step; kept as a guard.
        on_check_in_failed(!valid ? valid.error() : summary.error());
        return std::nullopt;
    }

    nlohmann::json person{{"name", valid->name}, {"phone", valid->phone}};
    if (!valid->nik.empty()) {
        person["nik"] = valid->nik;
    }
    if (!valid->email.empty()) {
        person["email"] = valid->email;
    }
    if (!valid->institution.empty()) {
        person["institution"] = valid->institution;
    }
    nlohmann::json request{{"visitor", std::move(person)},
                           {"area", form_.area},
                           {"purpose", to_string(*form_.purpose)},
                           {"priority", to_string(*form_.priority)},
                           {"consent", true},
                           {"consent_version", consent_version},
                           {"language", to_string(language_)},
                           {"request_id", request_id()}};
    if (!summary->empty()) {
        request["summary"] = *summary;
    }
    submit_error_.reset();
    go_to(Step::Submitting);
    return request;
}

std::optional<VisitorFlow::BookingRequest> VisitorFlow::begin_booking_check_in() {
    if (step_ != Step::Booking) {
        return std::nullopt;
    }
    booking_.touched = true;
    if (booking_error()) {
        return std::nullopt;
    }
    BookingRequest request;
    request.mode = booking_.mode;
    request.value = booking_.mode == BookingMode::Code ? normalize_booking_code(booking_.code)
                                                       : booking_.phone;
    request.request_id = request_id();
    submit_error_.reset();
    go_to(Step::BookingSubmitting);
    return request;
}

void VisitorFlow::on_check_in_succeeded(TicketInfo ticket, MonotonicMs now) {
    if (step_ != Step::Submitting && step_ != Step::BookingSubmitting) {
        return;
    }
    ticket_ = std::move(ticket);
    ticket_shown_at_ = now;
    last_countdown_ = -1;
    prompt_since_.reset();
    server_reachable_ = true;
    go_to(Step::Ticket);
}

void VisitorFlow::on_check_in_failed(const Error& error) {
    const bool booked = step_ == Step::BookingSubmitting || step_ == Step::Booking;
    if (error.code == ErrorCode::Unavailable) {
        server_reachable_ = false;
    }

    if (booked) {
        go_to(Step::Booking);
        const bool about_input = error.field == "booking_code" || error.field == "phone" ||
                                 error.field == "visitor.phone";
        if (about_input && error.code != ErrorCode::Unavailable) {
            const std::string& current = booking_.mode == BookingMode::Code ? booking_.code : booking_.phone;
            booking_server_error_ = ServerFieldError{error, current};
        } else {
            submit_error_ = error;
        }
        return;
    }

    for (size_t i = 0; i < kFieldCount; ++i) {
        const Field field = static_cast<Field>(i);
        if (error.field == field_path(field) && error.code != ErrorCode::Unavailable) {
            server_errors_[i] = ServerFieldError{error, value(field)};
            touch(field);
            editing_.reset();
            if (field == Field::Name || field == Field::Phone) {
                go_to(Step::Identity);
            } else if (field == Field::Summary) {
                go_to(Step::Summary);
            } else {
                go_to(Step::IdentityExtra);
            }
            return;
        }
    }
    go_to(Step::Consent);
    submit_error_ = error;
}

// --- Time ---------------------------------------------------------------------------------

void VisitorFlow::note_input(MonotonicMs now) {
    last_input_ = now;
}

void VisitorFlow::confirm_presence(MonotonicMs now) {
    prompt_since_.reset();
    last_countdown_ = -1;
    last_input_ = now;
}

int VisitorFlow::countdown_seconds(MonotonicMs now) const {
    MonotonicMs left = 0;
    if (step_ == Step::Ticket) {
        left = ticket_shown_at_ + kTicketDisplayMs - now;
    } else if (prompt_since_) {
        left = *prompt_since_ + kInactivityResetMs - now;
    } else {
        return 0;
    }
    // Round up, so the countdown shows 1 during the last second, never 0.
    return static_cast<int>(std::max<MonotonicMs>(0, (left + 999) / 1000));
}

std::optional<MonotonicMs> VisitorFlow::next_deadline() const {
    if (step_ == Step::Welcome || step_ == Step::Submitting || step_ == Step::BookingSubmitting) {
        return std::nullopt;
    }
    if (step_ == Step::Ticket) {
        return ticket_shown_at_ + kTicketDisplayMs;
    }
    if (prompt_since_) {
        return *prompt_since_ + kInactivityResetMs;
    }
    return last_input_ + kInactivityPromptMs;
}

bool VisitorFlow::tick(MonotonicMs now) {
    switch (step_) {
        case Step::Welcome:
        case Step::Submitting:
        case Step::BookingSubmitting:
            // Nothing to clear on the welcome screen, and a request in flight ends by itself
            // within the client's timeouts.
            return false;
        case Step::Ticket:
            if (now - ticket_shown_at_ >= kTicketDisplayMs) {
                reset();
                return true;
            }
            break;
        default:
            if (prompt_since_) {
                if (now - *prompt_since_ >= kInactivityResetMs) {
                    reset();
                    return true;
                }
            } else if (now - last_input_ >= kInactivityPromptMs) {
                prompt_since_ = now;
                last_countdown_ = countdown_seconds(now);
                return true;
            }
            break;
    }
    if (step_ != Step::Ticket && !prompt_since_) {
        return false;
    }
    const int countdown = countdown_seconds(now);
    if (countdown != last_countdown_) {
        last_countdown_ = countdown;
        return true;
    }
    return false;
}

}  // namespace antrean::kiosk
