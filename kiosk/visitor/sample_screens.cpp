#include "visitor/sample_screens.hpp"

#include <toml++/toml.h>

namespace antrean::kiosk {
namespace {

LocalizedText localized(const toml::node_view<const toml::node>& node) {
    if (const auto* table = node.as_table()) {
        return {table->get("id") ? table->get("id")->value_or(std::string()) : std::string(),
                table->get("en") ? table->get("en")->value_or(std::string()) : std::string()};
    }
    const std::string text = node.value_or(std::string());
    return {text, text};
}

// The walk-in visitor of every sample screen; made-up data.
void fill_sample_visitor(VisitorFlow& flow) {
    flow.value(Field::Name) = "Siti Aminah";
    flow.value(Field::Phone) = "0812 3456 7890";
    flow.value(Field::Email) = "siti.aminah@contoh.id";
    flow.value(Field::Summary) =
        "Saya ditawari investasi forex dengan keuntungan tetap 10 persen per bulan oleh pialang yang "
        "tidak terdaftar. Dana saya tidak dapat ditarik sejak bulan lalu.";
}

TicketInfo sample_ticket(const KioskConfig* config) {
    TicketInfo ticket;
    ticket.code = "A-012";
    ticket.area_id = "pbk";
    if (config != nullptr) {
        if (const AreaInfo* area = config->find_area("pbk")) {
            ticket.area_name = area->name;
        }
    }
    ticket.position = 3;
    ticket.wait_min_minutes = 10;
    ticket.wait_max_minutes = 20;
    ticket.status_url = "http://127.0.0.1:8080/api/v1/tickets/12/status?token=4f1c2b7a9d3e8f60a1b2c3d4e5f60718";
    ticket.created_at = LocalDateTime{2026, 12, 4, 9, 30};
    return ticket;
}

// Walks the flow to `target` the way a visitor would.
void walk_to(VisitorFlow& flow, Step target) {
    flow.start_walk_in();
    if (target == Step::Purpose) {
        return;
    }
    flow.choose_purpose(Purpose::Complaint);
    if (target == Step::Area) {
        return;
    }
    flow.choose_area("pbk");
    if (target == Step::Identity) {
        return;
    }
    fill_sample_visitor(flow);
    flow.next();
    if (target == Step::IdentityExtra) {
        return;
    }
    flow.next();
    if (target == Step::Summary) {
        return;
    }
    flow.next();
    if (target == Step::Priority) {
        return;
    }
    flow.choose_priority(Priority::Regular);
    if (target == Step::Confirm) {
        return;
    }
    flow.next();
}

}  // namespace

const std::vector<std::string>& sample_screen_names() {
    static const std::vector<std::string> names{
        "welcome",       "welcome_unavailable", "purpose",  "area",          "identity",
        "identity_errors", "identity_extra",   "summary",  "priority",      "confirm",
        "consent",       "consent_unavailable", "submitting", "ticket",     "ticket_printer_failed",
        "booking",       "booking_error",      "booked_ticket", "still_there"};
    return names;
}

Result<KioskConfig> load_sample_config(const std::filesystem::path& toml_file) {
    toml::table parsed;
    try {
        parsed = toml::parse_file(toml_file.string());
    } catch (const toml::parse_error& error) {
        return fail(ErrorCode::InvalidInput, "", "kiosk.error.sample_config",
                    {{"path", toml_file.string()}, {"reason", std::string(error.description())}});
    }
    const toml::table& table = parsed;
    KioskConfig config;
    config.office_name = localized(table["office"]["name"]);
    config.zone_label = table["office"]["zone_label"].value_or(std::string("WIB"));
    config.time_zone = table["office"]["time_zone"].value_or(std::string("Asia/Jakarta"));
    config.consent_version = table["office"]["consent_version"].value_or(std::string());
    if (const auto* areas = table["areas"].as_array()) {
        for (const toml::node& node : *areas) {
            const auto* area = node.as_table();
            if (area == nullptr) {
                continue;
            }
            const toml::node_view<const toml::node> view(area);
            config.areas.push_back(AreaInfo{view["id"].value_or(std::string()), view["prefix"].value_or(std::string()),
                                            localized(view["name"]), localized(view["description"])});
        }
    }
    if (config.areas.empty()) {
        return fail(ErrorCode::InvalidInput, "", "kiosk.error.sample_config",
                    {{"path", toml_file.string()}, {"reason", "no [[areas]] entries"}});
    }
    return config;
}

bool set_up_sample_screen(VisitorKiosk& kiosk, std::string_view name, MonotonicMs now) {
    VisitorFlow& flow = kiosk.flow();
    flow.note_input(now);
    if (name == "welcome") {
        return true;
    }
    if (name == "welcome_unavailable") {
        flow.set_server_reachable(false);
        return true;
    }
    if (name == "purpose") {
        walk_to(flow, Step::Purpose);
        return true;
    }
    if (name == "area") {
        walk_to(flow, Step::Area);
        return true;
    }
    if (name == "identity") {
        walk_to(flow, Step::Identity);
        flow.value(Field::Name) = "Siti Aminah";
        return true;
    }
    if (name == "identity_errors") {
        walk_to(flow, Step::Identity);
        flow.value(Field::Name) = "Siti 2";
        flow.value(Field::Phone) = "0812";
        flow.next();
        return true;
    }
    if (name == "identity_extra") {
        walk_to(flow, Step::IdentityExtra);
        flow.value(Field::Nik) = "31740112";
        flow.touch(Field::Nik);
        return true;
    }
    if (name == "summary") {
        walk_to(flow, Step::Summary);
        return true;
    }
    if (name == "priority") {
        walk_to(flow, Step::Priority);
        return true;
    }
    if (name == "confirm") {
        walk_to(flow, Step::Confirm);
        return true;
    }
    if (name == "consent" || name == "consent_unavailable" || name == "submitting") {
        walk_to(flow, Step::Consent);
        if (name == "consent") {
            return true;
        }
        flow.set_consent(true);
        if (!flow.begin_check_in("sample")) {
            return false;
        }
        if (name == "consent_unavailable") {
            flow.on_check_in_failed(Error(ErrorCode::Unavailable, "", "error.server_unreachable"));
        }
        return true;
    }
    if (name == "ticket" || name == "ticket_printer_failed") {
        walk_to(flow, Step::Consent);
        flow.set_consent(true);
        flow.begin_check_in("sample");
        flow.on_check_in_succeeded(sample_ticket(nullptr), now);
        kiosk.ticket_state().print_status = name == "ticket" ? PrintStatus::Printed : PrintStatus::Failed;
        return true;
    }
    if (name == "booking" || name == "booking_error") {
        flow.start_booking();
        flow.booking().code = name == "booking" ? "K7M2" : "K7M2QX";
        if (name == "booking_error") {
            flow.begin_booking_check_in();
            flow.on_check_in_failed(Error(ErrorCode::NotFound, "booking_code", "error.appointment_not_found"));
        }
        return true;
    }
    if (name == "booked_ticket") {
        flow.start_booking();
        flow.booking().code = "K7M2QX";
        flow.begin_booking_check_in();
        TicketInfo ticket = sample_ticket(nullptr);
        ticket.appointment = AppointmentInfo{LocalDateTime{2026, 12, 4, 10, 0}, 30, "B*** S.", "Meja 2"};
        flow.on_check_in_succeeded(std::move(ticket), now);
        kiosk.ticket_state().print_status = PrintStatus::Printed;
        return true;
    }
    if (name == "still_there") {
        walk_to(flow, Step::Identity);
        flow.value(Field::Name) = "Siti Aminah";
        // The prompt appeared 3 s ago, so its countdown shows 7 seconds.
        flow.note_input(now - kInactivityPromptMs - 3000);
        flow.tick(now - 3000);
        return true;
    }
    return false;
}

}  // namespace antrean::kiosk
