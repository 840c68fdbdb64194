#include "officer/officer_samples.hpp"

#include "console/console_samples.hpp"

namespace antrean::officer {
namespace {

constexpr TicketId kBudiTicket = 4;  // A-002 in the sample queue

// Sets the state of the sample ticket that Budi holds, or finishes it for an empty desk.
void set_budi_ticket(OfficerConsole& console, std::optional<TicketState> state) {
    console::StaffTicket ticket = *console.session().queue().find(kBudiTicket);
    if (!state) {
        ticket.state = TicketState::Done;
        ticket.outcome = Outcome::Answered;
    } else {
        ticket.state = *state;
        if (*state == TicketState::Called) {
            ticket.started_at.reset();
        }
    }
    console.session().mutable_queue().upsert(std::move(ticket));
}

}  // namespace

const std::vector<std::string>& officer_sample_names() {
    static const std::vector<std::string> names{"login",    "login_error", "idle",   "called", "serving",
                                                "complete", "transfer",    "pause",  "paused", "conflict"};
    return names;
}

bool set_up_officer_sample(OfficerConsole& console, const console::ConsoleConfig& config, const std::string& screen,
                           Language language) {
    const Catalog& catalog = console.session().catalog();
    if (screen == "login" || screen == "login_error") {
        console.session().set_config(config);
        console.session().set_language(language);
        console.login_form().username = "budi";
        console.login_form().desk = "1";
        console.login_form().focus_username = false;
        if (screen == "login_error") {
            console.session().set_login_notice(
                console::Notice{console::NoticeKind::Error,
                                catalog.translate(language, "console.sample.wrong_password")});
        }
        return true;
    }

    const std::vector<console::StaffAccount> staff = console::sample_staff();
    console::StaffAccount budi = staff.front();
    if (screen == "paused") {
        budi.status = OfficerStatus::Paused;
        budi.status_reason = catalog.translate(language, "console.pause.preset.meeting");
    }
    console::fill_sample_session(console.session(), config, budi, language);
    console.set_appointments(console::sample_appointments());

    if (screen == "idle" || screen == "paused" || screen == "pause" || screen == "conflict") {
        set_budi_ticket(console, std::nullopt);
        if (screen == "idle") {
            console.set_notice(console::Notice{
                console::NoticeKind::Success,
                catalog.translate(language, "console.officer.notice.completed",
                                  {{"code", "A-002"}, {"outcome", catalog.translate(language, "console.outcome.answered")}})});
        }
        if (screen == "conflict") {
            console.set_notice(console::Notice{
                console::NoticeKind::Warning,
                catalog.translate(language, "console.officer.notice.conflict",
                                  {{"message", catalog.translate(language, "console.sample.conflict")}})});
        }
        if (screen == "pause") {
            console.pause_reason() = catalog.translate(language, "console.pause.preset.prayer");
            console.open_dialog(OfficerDialog::Pause);
        }
        return true;
    }
    if (screen == "called") {
        set_budi_ticket(console, TicketState::Called);
        console.set_notice(console::Notice{
            console::NoticeKind::Success,
            catalog.translate(language, "console.officer.notice.called", {{"code", "A-002"}, {"desk", "Meja 1"}})});
        return true;
    }
    if (screen == "serving" || screen == "complete" || screen == "transfer") {
        set_budi_ticket(console, TicketState::Serving);
        if (screen == "complete") {
            console.completion().report_confirmed = true;
            console.completion().outcome = Outcome::Referred;
            console.completion().notes = catalog.translate(language, "console.sample.notes");
            console.open_dialog(OfficerDialog::Complete);
        } else if (screen == "transfer") {
            console.move().ticket_id = kBudiTicket;
            console.move().ticket_code = "A-002";
            console.move().current_area = "pbk";
            console.move().area = "srg";
            console.move().officer_id = 3;
            console.open_dialog(OfficerDialog::Transfer);
        }
        return true;
    }
    return false;
}

}  // namespace antrean::officer
