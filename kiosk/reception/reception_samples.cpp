#include "reception/reception_samples.hpp"

#include "console/console_samples.hpp"
#include "console/console_text.hpp"

namespace antrean::reception {

const std::vector<std::string>& reception_sample_names() {
    static const std::vector<std::string> names{
        "login",        "queue",        "queue_all",     "cancel_ticket", "move_ticket",
        "register",     "register_errors", "register_done", "appointments", "booking",
        "booking_done", "reschedule",   "cancel_appointment", "summary"};
    return names;
}

bool set_up_reception_sample(ReceptionConsole& console, const console::ConsoleConfig& config,
                             const std::string& screen, Language language) {
    const auto& names = reception_sample_names();
    if (std::find(names.begin(), names.end(), screen) == names.end()) {
        return false;
    }
    const Catalog& catalog = console.session().catalog();
    if (screen == "login") {
        console.session().set_config(config);
        console.session().set_language(language);
        console.login_form().username = "rina";
        console.login_form().focus_username = false;
        return true;
    }
    const std::vector<console::StaffAccount> staff = console::sample_staff();
    console::fill_sample_session(console.session(), config, staff.at(1), language);
    const OfficeTime& office = *console.session().office_time();
    AppointmentsState& appointments = console.appointments();
    appointments.date = "2026-12-04";
    appointments.records = console::sample_appointments();

    if (screen == "queue" || screen == "cancel_ticket" || screen == "move_ticket") {
        console.select_tab(ReceptionTab::Queue);
        console.queue_view().selected = 6;  // A-003, a priority visitor who waits
        if (screen == "cancel_ticket") {
            console.cancel_reason() = catalog.translate(language, "console.sample.cancel_reason");
            console.open_dialog(ReceptionDialog::CancelTicket);
        } else if (screen == "move_ticket") {
            console.move().ticket_id = 6;
            console.move().ticket_code = "A-003";
            console.move().current_area = "pbk";
            console.move().area = "general";
            console.open_dialog(ReceptionDialog::MoveTicket);
        }
        return true;
    }
    if (screen == "queue_all") {
        console.select_tab(ReceptionTab::Queue);
        console.queue_view().state_filter = StateFilter::All;
        console.queue_view().sort_column = QueueColumn::Code;
        console.queue_view().ascending = true;
        console.queue_view().selected = 1;
        console.set_notice(console::Notice{
            console::NoticeKind::Success,
            catalog.translate(language, "console.reception.notice.priority_on", {{"code", "A-003"}})});
        return true;
    }
    if (screen == "register" || screen == "register_errors" || screen == "register_done") {
        console.select_tab(ReceptionTab::Register);
        RegistrationState& state = console.registration();
        state.form.visitor.name = "Slamet Riyadi";
        state.form.visitor.phone = "0813 2222 4444";
        state.form.area = "pbk";
        state.form.purpose = Purpose::Complaint;
        state.form.priority = Priority::Priority;
        state.form.summary = catalog.translate(language, "console.sample.summary");
        if (screen == "register_errors") {
            state.form.visitor.phone = "0812";
            state.form.visitor.nik = "31740541079";
            state.form.area.reset();
            state.submitted_once = true;
            state.errors = state.form.validate();
        } else if (screen == "register_done") {
            state.form = RegistrationForm{};
            kiosk::TicketInfo issued;
            issued.code = "A-006";
            issued.area_id = "pbk";
            issued.position = 3;
            issued.wait_min_minutes = 15;
            issued.wait_max_minutes = 25;
            state.issued = issued;
            state.print_status = kiosk::PrintStatus::Printed;
        } else {
            state.form.consent_given_orally = true;
        }
        return true;
    }
    console.select_tab(ReceptionTab::Appointments);
    if (screen == "appointments" || screen == "reschedule" || screen == "cancel_appointment") {
        appointments.selected = 4;  // H2JX7A, scheduled with Budi
        if (screen == "reschedule") {
            appointments.reschedule = RescheduleForm::from(appointments.records.at(3), office, catalog);
            appointments.reschedule.time = "14.00";
            console.open_dialog(ReceptionDialog::Reschedule);
        } else if (screen == "cancel_appointment") {
            console.open_dialog(ReceptionDialog::CancelAppointment);
        }
        return true;
    }
    if (screen == "booking") {
        appointments.panel = AppointmentPanel::NewBooking;
        BookingForm& form = appointments.booking;
        form.source = AppointmentSource::Phone;
        form.visitor.name = "Indah Permata";
        form.visitor.phone = "0812-7777-3333";
        form.visitor.email = "indah.permata@contoh.id";
        form.area = "pbk";
        form.purpose = Purpose::Complaint;
        form.summary = catalog.translate(language, "console.sample.summary");
        form.date = "2026-12-07";
        form.time = "10.00";
        form.officer_id = 1;
        return true;
    }
    if (screen == "booking_done") {
        console::AppointmentRecord booked = appointments.records.at(3);
        booked.booking_code = "Q3ZK8T";
        booked.visitor.name = "Indah Permata";
        appointments.booked = booked;
        appointments.panel = AppointmentPanel::Booked;
        appointments.message = confirmation_message(catalog, &config, office, booked);
        return true;
    }
    // summary
    console.select_tab(ReceptionTab::Summary);
    console::DailyFigures daily;
    daily.tickets = 11;
    daily.by_outcome = {{"answered", 1}, {"referred", 1}};
    daily.no_shows = 1;
    console.reports().daily = daily;
    console::IkmSummary today;
    today.responses = 2;
    today.index = 87.5;
    today.category_letter = "B";
    today.category_name = {"Baik", "Good"};
    console.reports().ikm_today = today;
    console::IkmSummary month;
    month.responses = 64;
    month.index = 91.23;
    month.category_letter = "A";
    month.category_name = {"Sangat Baik", "Very good"};
    console.reports().ikm_month = month;
    const std::pair<const char*, double> by_area[] = {{"pbk", 92.41}, {"srg", 88.02}, {"plk", 90.10}};
    for (const auto& [area, index] : by_area) {
        console::IkmSummary entry;
        entry.responses = area == std::string("pbk") ? 41 : 12;
        entry.index = index;
        entry.category_letter = index >= 88.31 ? "A" : "B";
        console.reports().ikm_month_by_area[area] = entry;
    }
    console.reports().ikm_month_by_area["general"] = console::IkmSummary{};
    return true;
}

}  // namespace antrean::reception
