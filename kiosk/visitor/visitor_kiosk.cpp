#include "visitor/visitor_kiosk.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>

#include "services/escpos.hpp"
#include "visitor/display_text.hpp"

namespace antrean::kiosk {
namespace {

constexpr MonotonicMs kHealthIntervalMs = 5'000;
constexpr MonotonicMs kRetryIntervalMs = 2'000;  // while the server is unreachable
constexpr MonotonicMs kAnimationFrameMs = 250;
constexpr const char* kDefaultTimeZone = "Asia/Jakarta";

}  // namespace

VisitorKiosk::VisitorKiosk(const Catalog& catalog, KioskApi* api, Wakeup& wakeup, VisitorKioskSettings settings)
    : catalog_(catalog), api_(api), settings_(std::move(settings)), printer_worker_(wakeup) {
    if (auto zone = OfficeTime::create(kDefaultTimeZone)) {
        office_time_ = std::move(*zone);
    }
}

std::optional<LocalDateTime> VisitorKiosk::office_clock() const {
    if (settings_.fixed_clock) {
        return settings_.fixed_clock;
    }
    if (!office_time_) {
        return std::nullopt;
    }
    const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    const LocalTime local = office_time_->local(now);
    return LocalDateTime{local.year, local.month, local.day, local.hour, local.minute};
}

void VisitorKiosk::schedule_background_calls(MonotonicMs now) {
    if (api_ == nullptr || request_in_flight_ || now < next_health_check_) {
        return;
    }
    next_health_check_ = now + (flow_.server_reachable() ? kHealthIntervalMs : kRetryIntervalMs);
    request_in_flight_ = true;

    if (!config_) {
        api_->load_config([this](Result<KioskConfig> config) {
            request_in_flight_ = false;
            if (!config) {
                const bool reachable = config.error().code != ErrorCode::Unavailable;
                changed_ = changed_ || reachable != flow_.server_reachable();
                flow_.set_server_reachable(reachable);
                // Retries come every 2 s during an outage, so the log gets the first failure
                // and then one line per 30.
                ++config_failures_;
                if (config_failures_ % 30 == 1) {
                    spdlog::warn("Loading the configuration failed ({} attempts so far): {}", config_failures_,
                                 describe_untranslated(config.error()));
                }
                return;
            }
            if (const std::string& text_version = catalog_.translate(Language::Indonesian, "kiosk.consent.version");
                text_version != config->consent_version) {
                spdlog::warn("The kiosk's consent text is version {} but the server is configured for {}; "
                             "check-ins send {}",
                             text_version, config->consent_version, text_version);
            }
            if (auto zone = OfficeTime::create(config->time_zone.empty() ? kDefaultTimeZone : config->time_zone)) {
                office_time_ = std::move(*zone);
            }
            config_ = std::move(*config);
            config_failures_ = 0;
            changed_ = true;
            flow_.set_server_reachable(true);
            spdlog::info("Loaded the configuration: {} service areas", config_->areas.size());
        });
        return;
    }

    api_->check_health([this](bool reachable) {
        request_in_flight_ = false;
        if (reachable != flow_.server_reachable()) {
            changed_ = true;
            if (reachable) {
                spdlog::info("The queue server is reachable again");
            } else {
                spdlog::warn("The queue server does not answer; retrying every {} s", kRetryIntervalMs / 1000);
            }
        }
        flow_.set_server_reachable(reachable);
    });
}

bool VisitorKiosk::update(MonotonicMs now) {
    last_update_ = now;
    // The callbacks set changed_ when a reply changes what the screen shows; a health
    // check that finds nothing new costs no frame.
    if (api_ != nullptr) {
        api_->poll();
    }
    printer_worker_.run_completions();
    if (flow_.tick(now)) {
        changed_ = true;
    }
    schedule_background_calls(now);

    if (flow_.step() == Step::Welcome) {
        if (const auto clock = office_clock(); clock && clock->minute != shown_minute_) {
            shown_minute_ = clock->minute;
            changed_ = true;
        }
    }
    const bool changed = changed_;
    changed_ = false;
    return changed;
}

bool VisitorKiosk::animating() const {
    return flow_.step() == Step::Submitting || flow_.step() == Step::BookingSubmitting;
}

std::optional<MonotonicMs> VisitorKiosk::next_deadline() const {
    std::optional<MonotonicMs> deadline = flow_.next_deadline();
    auto earliest = [&](MonotonicMs candidate) {
        if (!deadline || candidate < *deadline) {
            deadline = candidate;
        }
    };
    if (animating()) {
        earliest(last_update_ + kAnimationFrameMs);
    }
    if (flow_.step() == Step::Ticket || flow_.still_there_prompt()) {
        // The countdown changes once a second.
        earliest(last_update_ + 1000 - last_update_ % 1000);
    }
    // While a health check is in flight its reply wakes the loop; a deadline in the past
    // would make the loop spin for as long as a connect to an unreachable host takes.
    if (api_ != nullptr && !request_in_flight_) {
        earliest(next_health_check_);
    }
    return deadline;
}

const char* VisitorKiosk::draw(ui::UiContext& ui, MonotonicMs now) {
    const Language before = flow_.language();
    ui.language = before;
    const bool dialog = flow_.still_there_prompt() || flow_.submit_error().has_value();
    ui.interactive = !dialog;

    ScreenContext screen{ui, flow_, config_ ? &*config_ : nullptr, now, office_clock(), Intent::None};
    const Step step = flow_.step();
    switch (step) {
        case Step::Welcome:
            draw_welcome_screen(screen);
            break;
        case Step::Purpose:
            draw_purpose_screen(screen);
            break;
        case Step::Area:
            draw_area_screen(screen);
            break;
        case Step::Identity:
        case Step::IdentityExtra:
            draw_identity_screen(screen, typing_state_);
            break;
        case Step::Summary:
            draw_summary_screen(screen, typing_state_);
            break;
        case Step::Priority:
            draw_priority_screen(screen);
            break;
        case Step::Confirm:
            draw_confirm_screen(screen);
            break;
        case Step::Consent:
            draw_consent_screen(screen);
            break;
        case Step::Submitting:
        case Step::BookingSubmitting:
            draw_submitting_screen(screen);
            break;
        case Step::Ticket:
            draw_ticket_screen(screen, ticket_state_);
            break;
        case Step::Booking:
            draw_booking_screen(screen, typing_state_);
            break;
        case Step::kCount:
            break;
    }
    if (dialog) {
        draw_dialogs(screen);
    }
    ui.interactive = true;

    if (flow_.step() != step) {
        typing_state_.entered_step = Step::kCount;
    }
    if (screen.intent == Intent::SubmitCheckIn) {
        submit_check_in();
    } else if (screen.intent == Intent::SubmitBooking) {
        submit_booking();
    }
    if (api_ != nullptr && flow_.language() != api_language_) {
        api_language_ = flow_.language();
        api_->set_language(api_language_);
    }
    return step_name(step);
}

void VisitorKiosk::submit_check_in() {
    const std::string version = catalog_.translate(flow_.language(), "kiosk.consent.version");
    std::optional<nlohmann::json> request = flow_.begin_check_in(version);
    if (!request || api_ == nullptr) {
        return;
    }
    api_->set_language(flow_.language());
    const std::uint64_t session = flow_.session();
    api_->check_in(std::move(*request), [this, session](Result<TicketInfo> result) { on_ticket(std::move(result), session); });
}

void VisitorKiosk::submit_booking() {
    std::optional<VisitorFlow::BookingRequest> request = flow_.begin_booking_check_in();
    if (!request || api_ == nullptr) {
        return;
    }
    api_->set_language(flow_.language());
    const std::uint64_t session = flow_.session();
    auto done = [this, session](Result<TicketInfo> result) { on_ticket(std::move(result), session); };
    if (request->mode == BookingMode::Code) {
        api_->check_in_booking(std::move(request->value), std::move(request->request_id), std::move(done));
    } else {
        api_->check_in_by_phone(std::move(request->value), std::move(request->request_id), std::move(done));
    }
}

void VisitorKiosk::on_ticket(Result<TicketInfo> result, std::uint64_t session) {
    changed_ = true;
    if (session != flow_.session()) {
        // NOTE: a reply for a visitor who already left is dropped; a ticket it created
        // stays in the queue, where the receptionist can cancel it.
        return;
    }
    if (!result) {
        // The message key and code only: params of validation errors may hold typed text.
        spdlog::warn("Check-in failed: {} ({})", error_code_name(result.error().code), result.error().message_key);
        flow_.on_check_in_failed(result.error());
        if (!flow_.server_reachable()) {
            // Look for the server's return sooner than the regular health check would.
            next_health_check_ = std::min(next_health_check_, last_update_ + kRetryIntervalMs);
        }
        return;
    }
    spdlog::info("Issued ticket {}", result->code);
    const TicketInfo ticket = *result;
    flow_.on_check_in_succeeded(std::move(*result), last_update_);
    ticket_state_ = TicketScreenState{};
    ticket_state_.update(ticket);
    print_ticket(ticket, session);
}

void VisitorKiosk::print_ticket(const TicketInfo& ticket, std::uint64_t session) {
    if (!settings_.printer) {
        ticket_state_.print_status = PrintStatus::NotConfigured;
        return;
    }
    const Language language = flow_.language();
    const std::string zone = config_ ? config_->zone_label : "";
    PrintedTicket printed;
    printed.office_name = config_ ? config_->office_name.in(language) : catalog_.translate(language, "kiosk.welcome.office");
    printed.heading = catalog_.translate(language, "kiosk.print.heading");
    printed.code = ticket.code;
    printed.area = catalog_.translate(language, "kiosk.print.area", {{"area", ticket.area_name.in(language)}});
    if (ticket.created_at) {
        printed.date_time = long_date_text(catalog_, language, ticket.created_at->year, ticket.created_at->month,
                                           ticket.created_at->day) +
                            ", " + time_text(catalog_, language, ticket.created_at->hour, ticket.created_at->minute, zone);
    }
    printed.wait = catalog_.translate(
        language, "kiosk.ticket.wait",
        {{"range", wait_range_text(catalog_, language, ticket.wait_min_minutes, ticket.wait_max_minutes)}});
    if (ticket.appointment && ticket.appointment->starts_at) {
        printed.appointment = catalog_.translate(
            language, "kiosk.ticket.appointment",
            {{"time", time_text(catalog_, language, ticket.appointment->starts_at->hour,
                                ticket.appointment->starts_at->minute, zone)},
             {"officer", ticket.appointment->officer}});
    }
    printed.qr_data = ticket.status_url;
    printed.qr_caption = catalog_.translate(language, "kiosk.ticket.scan");
    printed.footer = catalog_.translate(language, "kiosk.welcome.free");

    ticket_state_.print_status = PrintStatus::Printing;
    const std::filesystem::path path = *settings_.printer;
    printer_worker_.submit([this, path, bytes = encode_ticket(printed), session]() -> std::function<void()> {
        PrintOutcome outcome = write_to_printer(path, bytes);
        return [this, outcome = std::move(outcome), session] {
            if (outcome.status != PrintStatus::Printed) {
                spdlog::error("Printing a ticket failed: {}", outcome.reason);
            }
            if (session == flow_.session()) {
                ticket_state_.print_status = outcome.status;
                changed_ = true;
            }
        };
    });
}

}  // namespace antrean::kiosk
