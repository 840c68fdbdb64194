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

// Puts a kiosk into one sample screen.
using SampleSetUp = void (*)(VisitorKiosk& kiosk, MonotonicMs now);

void set_up_walk_in_to_consent(VisitorFlow& flow) {
    walk_to(flow, Step::Consent);
    flow.set_consent(true);
    flow.begin_check_in("sample");
}

// Every sample screen in flow order: its --screen name and how to reach it.
const std::vector<std::pair<std::string, SampleSetUp>>& sample_screens() {
    static const std::vector<std::pair<std::string, SampleSetUp>> screens{
        {"welcome", [](VisitorKiosk&, MonotonicMs) {}},
        {"welcome_unavailable", [](VisitorKiosk& kiosk, MonotonicMs) { kiosk.flow().set_server_reachable(false); }},
        {"purpose", [](VisitorKiosk& kiosk, MonotonicMs) { walk_to(kiosk.flow(), Step::Purpose); }},
        {"area", [](VisitorKiosk& kiosk, MonotonicMs) { walk_to(kiosk.flow(), Step::Area); }},
        {"identity",
         [](VisitorKiosk& kiosk, MonotonicMs) {
             walk_to(kiosk.flow(), Step::Identity);
             kiosk.flow().value(Field::Name) = "Siti Aminah";
         }},
        {"identity_errors",
         [](VisitorKiosk& kiosk, MonotonicMs) {
             VisitorFlow& flow = kiosk.flow();
             walk_to(flow, Step::Identity);
             flow.value(Field::Name) = "Siti 2";
             flow.value(Field::Phone) = "0812";
             flow.next();
         }},
        {"identity_extra",
         [](VisitorKiosk& kiosk, MonotonicMs) {
             walk_to(kiosk.flow(), Step::IdentityExtra);
             kiosk.flow().value(Field::Nik) = "31740112";
             kiosk.flow().touch(Field::Nik);
         }},
        {"summary", [](VisitorKiosk& kiosk, MonotonicMs) { walk_to(kiosk.flow(), Step::Summary); }},
        {"priority", [](VisitorKiosk& kiosk, MonotonicMs) { walk_to(kiosk.flow(), Step::Priority); }},
        {"confirm", [](VisitorKiosk& kiosk, MonotonicMs) { walk_to(kiosk.flow(), Step::Confirm); }},
        {"consent", [](VisitorKiosk& kiosk, MonotonicMs) { walk_to(kiosk.flow(), Step::Consent); }},
        {"consent_unavailable",
         [](VisitorKiosk& kiosk, MonotonicMs) {
             set_up_walk_in_to_consent(kiosk.flow());
             kiosk.flow().on_check_in_failed(Error(ErrorCode::Unavailable, "", "error.server_unreachable"));
         }},
        {"submitting", [](VisitorKiosk& kiosk, MonotonicMs) { set_up_walk_in_to_consent(kiosk.flow()); }},
        {"ticket",
         [](VisitorKiosk& kiosk, MonotonicMs now) {
             set_up_walk_in_to_consent(kiosk.flow());
             kiosk.flow().on_check_in_succeeded(sample_ticket(nullptr), now);
             kiosk.ticket_state().print_status = PrintStatus::Printed;
         }},
        {"ticket_printer_failed",
         [](VisitorKiosk& kiosk, MonotonicMs now) {
             set_up_walk_in_to_consent(kiosk.flow());
             kiosk.flow().on_check_in_succeeded(sample_ticket(nullptr), now);
             kiosk.ticket_state().print_status = PrintStatus::Failed;
         }},
        {"booking",
         [](VisitorKiosk& kiosk, MonotonicMs) {
             kiosk.flow().start_booking();
             kiosk.flow().booking().code = "K7M2";
         }},
        {"booking_error",
         [](VisitorKiosk& kiosk, MonotonicMs) {
             VisitorFlow& flow = kiosk.flow();
             flow.start_booking();
             flow.booking().code = "K7M2QX";
             flow.begin_booking_check_in();
             flow.on_check_in_failed(Error(ErrorCode::NotFound, "booking_code", "error.appointment_not_found"));
         }},
        {"booked_ticket",
         [](VisitorKiosk& kiosk, MonotonicMs now) {
             VisitorFlow& flow = kiosk.flow();
             flow.start_booking();
             flow.booking().code = "K7M2QX";
             flow.begin_booking_check_in();
             TicketInfo ticket = sample_ticket(nullptr);
             ticket.appointment = AppointmentInfo{LocalDateTime{2026, 12, 4, 10, 0}, 30, "B*** S.", "Meja 2"};
             flow.on_check_in_succeeded(std::move(ticket), now);
             kiosk.ticket_state().print_status = PrintStatus::Printed;
         }},
        {"still_there",
         [](VisitorKiosk& kiosk, MonotonicMs now) {
             VisitorFlow& flow = kiosk.flow();
             walk_to(flow, Step::Identity);
             flow.value(Field::Name) = "Siti Aminah";
             // The prompt appeared 3 s ago, so its countdown shows 7 seconds.
             flow.note_input(now - kInactivityPromptMs - 3000);
             flow.tick(now - 3000);
         }},
    };
    return screens;
}

}  // namespace

const std::vector<std::string>& sample_screen_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> list;
        for (const auto& [name, set_up] : sample_screens()) {
            list.push_back(name);
        }
        return list;
    }();
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
    kiosk.flow().note_input(now);
    for (const auto& [screen, set_up] : sample_screens()) {
        if (screen == name) {
            set_up(kiosk, now);
            return true;
        }
    }
    return false;
}

}  // namespace antrean::kiosk
