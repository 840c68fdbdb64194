#include "console/console_samples.hpp"

#include <toml++/toml.h>


namespace antrean::console {
namespace {

// Every name, number and text below is made up for pictures of the screens.
Visitor visitor(const char* name, const char* phone, const char* nik = "", const char* email = "") {
    Visitor result;
    result.name = name;
    result.phone = phone;
    result.nik = nik;
    result.email = email;
    return result;
}

StaffTicket ticket(TicketId id, const char* code, const char* area, Purpose purpose, TicketState state,
                   int queued_minutes_ago, Visitor who) {
    StaffTicket result;
    result.id = id;
    result.code = code;
    result.area = area;
    result.purpose = purpose;
    result.state = state;
    result.queued_at = sample_time(-queued_minutes_ago);
    result.created_at = result.queued_at;
    result.visitor = std::move(who);
    return result;
}

}  // namespace

TimestampMs sample_now() {
    static const TimestampMs now = [] {
        const Result<OfficeTime> office = OfficeTime::create("Asia/Jakarta");
        return office ? office->from_local(2026, 12, 4, 9, 30) : TimestampMs{1796351400000};
    }();
    return now;
}

TimestampMs sample_time(int minutes) {
    return sample_now() + static_cast<TimestampMs>(minutes) * 60'000;
}

Result<ConsoleConfig> load_console_sample_config(const std::filesystem::path& toml_file) {
    auto localized = [](const toml::node_view<const toml::node>& node) {
        if (const toml::table* table = node.as_table()) {
            return LocalizedText{(*table)["id"].value_or(std::string()), (*table)["en"].value_or(std::string())};
        }
        const std::string text = node.value_or(std::string());
        return LocalizedText{text, text};
    };
    ConsoleConfig config;
    try {
        const toml::table root = toml::parse_file(toml_file.string());
        const toml::node_view<const toml::node> office = root["office"];
        config.office_name = localized(office["name"]);
        config.zone_label = office["zone_label"].value_or(std::string("WIB"));
        config.time_zone = office["time_zone"].value_or(std::string("Asia/Jakarta"));
        if (const toml::array* areas = root["areas"].as_array()) {
            for (const toml::node& node : *areas) {
                const toml::node_view<const toml::node> area(node);
                config.areas.push_back(AreaInfo{area["id"].value_or(std::string()),
                                                area["prefix"].value_or(std::string()), localized(area["name"]),
                                                localized(area["description"])});
            }
        }
        if (const toml::array* desks = root["desks"].as_array()) {
            for (const toml::node& node : *desks) {
                const toml::node_view<const toml::node> desk(node);
                config.desks.push_back(DeskInfo{desk["id"].value_or(std::string()),
                                                desk["name"].value_or(std::string()),
                                                desk["location"].value_or(std::string())});
            }
        }
        config.evidence_whatsapp = root["evidence"]["whatsapp"].value_or(std::string());
        config.evidence_email = root["evidence"]["email"].value_or(std::string());
    } catch (const toml::parse_error& error) {
        return fail(ErrorCode::InvalidInput, "", "kiosk.error.sample_config",
                    {{"path", toml_file.string()}, {"reason", std::string(error.description())}});
    }
    if (config.areas.empty()) {
        return fail(ErrorCode::InvalidInput, "", "kiosk.error.sample_config",
                    {{"path", toml_file.string()}, {"reason", "no [[areas]]"}});
    }
    // The purposes are fixed by the API, so their names come from the catalogue.
    // The shipped file leaves the evidence channels empty; pictures show sample ones.
    if (config.evidence_whatsapp.empty()) {
        config.evidence_whatsapp = "0811-1000-2000";
    }
    if (config.evidence_email.empty()) {
        config.evidence_email = "bukti.pengaduan@contoh.go.id";
    }
    return config;
}

std::vector<StaffAccount> sample_staff() {
    const std::vector<Purpose> all{Purpose::Complaint, Purpose::Information, Purpose::Consultation};
    StaffAccount budi{1, "budi", "Budi Santoso", Role::Officer, {"pbk", "srg"}, all, OfficerStatus::Available, "",
                      DeskId("1")};
    StaffAccount rina{2, "rina", "Rina Wulandari", Role::Receptionist, {}, all, OfficerStatus::Available, "",
                      std::nullopt};
    StaffAccount dewi{3, "dewi", "Dewi Lestari", Role::Officer, {"srg", "plk"}, all, OfficerStatus::Paused,
                      "Salat", DeskId("2")};
    StaffAccount agus{4, "agus", "Agus Pratama", Role::Officer, {"pbk", "srg", "plk", "general"}, all,
                      OfficerStatus::Offline, "", std::nullopt};
    return {budi, rina, dewi, agus};
}

QueueSnapshot sample_queue() {
    QueueSnapshot snapshot;
    snapshot.service_date = "2026-12-04";
    std::vector<StaffTicket>& tickets = snapshot.tickets;

    StaffTicket done = ticket(1, "A-001", "pbk", Purpose::Complaint, TicketState::Done, 85,
                              visitor("Hendra Gunawan", "+6281311112222"));
    done.officer_id = 1;
    done.called_at = sample_time(-80);
    done.started_at = sample_time(-79);
    done.finished_at = sample_time(-62);
    done.outcome = Outcome::Referred;
    tickets.push_back(done);

    StaffTicket answered = ticket(2, "B-001", "srg", Purpose::Information, TicketState::Done, 70,
                                  visitor("Maria Ulfa", "+6285712340001"));
    answered.officer_id = 1;
    answered.called_at = sample_time(-60);
    answered.started_at = sample_time(-59);
    answered.finished_at = sample_time(-45);
    answered.outcome = Outcome::Answered;
    tickets.push_back(answered);

    StaffTicket no_show = ticket(3, "C-001", "plk", Purpose::Consultation, TicketState::NoShow, 66,
                                 visitor("Yusuf Hidayat", "+6281977776666"));
    no_show.officer_id = 3;
    no_show.called_at = sample_time(-50);
    tickets.push_back(no_show);

    StaffTicket serving = ticket(4, "A-002", "pbk", Purpose::Complaint, TicketState::Serving, 41,
                                 visitor("Siti Aminah", "+6281234567890", "3174054107900003",
                                         "siti.aminah@contoh.id"));
    serving.visitor.institution = "CV Maju Bersama";
    serving.officer_id = 1;
    serving.desk_id = "1";
    serving.desk_name = "Meja 1";
    serving.called_at = sample_time(-6);
    serving.started_at = sample_time(-5);
    serving.summary =
        "Saya ditawari investasi forex dengan keuntungan tetap 10 persen per bulan oleh pialang yang tidak "
        "terdaftar. Dana saya tidak dapat ditarik sejak bulan lalu.";
    serving.selection_rule = "longest_wait";
    tickets.push_back(serving);

    StaffTicket called = ticket(5, "B-002", "srg", Purpose::Consultation, TicketState::Called, 30,
                                visitor("Wayan Sudarma", "+6281833334444"));
    called.officer_id = 3;
    called.desk_id = "2";
    called.desk_name = "Meja 2";
    called.called_at = sample_time(-2);
    called.recall_count = 1;
    tickets.push_back(called);

    StaffTicket waiting_priority = ticket(6, "A-003", "pbk", Purpose::Complaint, TicketState::Waiting, 24,
                                          visitor("Sri Wahyuni", "+6287855556666"));
    waiting_priority.priority = Priority::Priority;
    tickets.push_back(waiting_priority);

    tickets.push_back(ticket(7, "A-004", "pbk", Purpose::Information, TicketState::Waiting, 18,
                             visitor("Andi Saputra", "+6281122223333", "3273012505880001")));
    tickets.push_back(ticket(8, "B-003", "srg", Purpose::Information, TicketState::Waiting, 12,
                             visitor("Nur Aisyah", "+6282144445555")));
    tickets.push_back(ticket(9, "D-001", "general", Purpose::Information, TicketState::Waiting, 9,
                             visitor("Rudi Hartono", "+6285266667777")));
    StaffTicket booked = ticket(10, "A-005", "pbk", Purpose::Consultation, TicketState::Waiting, 4,
                                visitor("Fajar Nugroho", "+6281377778888"));
    booked.kind = TicketKind::Booked;
    booked.assigned_officer_id = 1;
    booked.appointment_id = 2;
    booked.appointment_starts_at = sample_time(30);
    tickets.push_back(booked);
    tickets.push_back(ticket(11, "C-002", "plk", Purpose::Complaint, TicketState::Waiting, 3,
                             visitor("Lina Marlina", "+6281399990000")));
    return snapshot;
}

std::vector<AppointmentRecord> sample_appointments() {
    auto appointment = [](AppointmentId id, const char* code, const char* name, const char* area, Purpose purpose,
                          int minutes, std::optional<OfficerId> officer, AppointmentSource source,
                          AppointmentStatus status) {
        AppointmentRecord record;
        record.id = id;
        record.booking_code = code;
        record.visitor = visitor(name, "+6281200001111");
        record.area = area;
        record.purpose = purpose;
        record.starts_at = sample_time(minutes);
        record.length_minutes = 30;
        record.officer_id = officer;
        record.source = source;
        record.status = status;
        record.summary = "Konsultasi tentang legalitas pialang berjangka.";
        return record;
    };
    return {
        appointment(1, "K7M2QX", "Bambang Setiawan", "pbk", Purpose::Complaint, -60, 1, AppointmentSource::Email,
                    AppointmentStatus::Done),
        appointment(2, "R4TP9H", "Fajar Nugroho", "pbk", Purpose::Consultation, 30, 1, AppointmentSource::Phone,
                    AppointmentStatus::CheckedIn),
        appointment(3, "W8NC3D", "Ratna Sari", "srg", Purpose::Information, 90, 3, AppointmentSource::Email,
                    AppointmentStatus::Scheduled),
        appointment(4, "H2JX7A", "Teguh Prasetyo", "srg", Purpose::Complaint, 150, 1, AppointmentSource::Email,
                    AppointmentStatus::Scheduled),
        appointment(5, "P6VB2M", "Dian Puspita", "general", Purpose::Information, 210, std::nullopt,
                    AppointmentSource::Reception, AppointmentStatus::Scheduled),
    };
}

void fill_sample_session(StaffSession& session, const ConsoleConfig& config, const StaffAccount& account,
                         Language language) {
    session.set_config(config);
    session.set_fixed_now(sample_now());
    session.set_language(language);
    session.set_staff(sample_staff());
    session.set_me(account);
    QueueSnapshot queue = sample_queue();
    for (StaffTicket& ticket : queue.tickets) {
        if (!ticket.selection_rule.empty()) {
            // The server explains its choice in the request's language, as the catalogue does here.
            ticket.selection_message = session.catalog().translate(language, "selection." + ticket.selection_rule);
        }
    }
    session.mutable_queue().replace(std::move(queue));
}

}  // namespace antrean::console
