#include "day_replay.hpp"

#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <deque>
#include <thread>

#include "i18n/catalog.hpp"

namespace antrean::replay {
namespace {

using Json = nlohmann::json;

constexpr TimestampMs kMinute = 60'000;
// How often an idle officer requests the next visitor, in simulated time.
constexpr TimestampMs kCallInterval = 20'000;
// A called visitor needs this long to reach the desk.
constexpr TimestampMs kWalkToDesk = kMinute;
// An officer whose visitor does not come recalls after this long, and marks a no-show
// this long after the recall.
constexpr TimestampMs kNoShowWait = 2 * kMinute;
// The day fails when visitors still wait at this local hour.
constexpr int kLatestHour = 18;

std::string random_password() {
    unsigned char bytes[12];
    randombytes_buf(bytes, sizeof bytes);
    std::string password;
    for (const unsigned char byte : bytes) password += fmt::format("{:02x}", byte);
    return password;
}

}  // namespace

std::string describe(const Error& error) {
    const auto message = error.params.find("message");
    const std::string text =
        message != error.params.end() ? message->second : describe_untranslated(error);
    return fmt::format("{} {}{}", error_code_name(error.code), text,
                       error.field.empty() ? "" : " (field " + error.field + ")");
}

namespace {

std::string join(const std::vector<std::string>& items, const std::string& separator) {
    std::string text;
    for (const std::string& item : items) {
        if (!text.empty())
            text += separator;
        text += item;
    }
    return text;
}

}  // namespace

// One officer of the scenario and what they are doing now.
struct DayReplay::Officer {
    enum class Phase { Away, Idle, Called, Serving, Paused };

    const StaffMember* staff = nullptr;
    std::unique_ptr<ApiClient> client;
    std::string token;
    std::string desk;
    Phase phase = Phase::Away;
    // Logouts and pauses wait until the current visitor is finished. A login waits while
    // the desk is still taken.
    std::deque<DeskEvent> pending;

    TicketId ticket_id = 0;
    size_t visit_index = 0;
    bool follow_up = false;  // serving the second part of a transferred visit
    int recalls = 0;
    TimestampMs next_step_at = 0;
    TimestampMs next_call_at = 0;
    bool tried_call_while_paused = false;
};

DayReplay::DayReplay(const Scenario& scenario, const OfficeTime& office_time, OfficeProcess& office,
                     double rate, bool verbose)
    : scenario_(scenario),
      office_time_(office_time),
      office_(office),
      rate_(rate),
      verbose_(verbose) {
    log_.visits.resize(scenario.visits.size());
}

DayReplay::~DayReplay() = default;

TimestampMs DayReplay::now() const {
    return clock_->now();
}

std::string DayReplay::clock_text(TimestampMs instant) const {
    const LocalTime local = office_time_.local(instant);
    return fmt::format("{:02}:{:02}:{:02}", local.hour, local.minute, local.second);
}

void DayReplay::note(const std::string& text) const {
    if (verbose_)
        fmt::print("{} {}\n", clock_text(now()), text);
}

std::unique_ptr<ApiClient> DayReplay::make_client(const std::string& token) const {
    auto client = std::make_unique<ApiClient>(office_.base_url());
    client->set_language(Language::English);
    client->set_token(token);
    return client;
}

Json DayReplay::expect(Result<ApiResponse> response, const std::string& what) const {
    if (!response) {
        throw ReplayError(
            fmt::format("{} {} failed: {}", clock_text(now()), what, describe(response.error())));
    }
    return response->body;
}

void DayReplay::acknowledge(const Json& ticket) {
    log_.acknowledged_state[ticket.at("id").get<TicketId>()] =
        ticket.at("state").get<std::string>();
}

DayReplay::Officer& DayReplay::officer_named(const std::string& username) {
    for (auto& officer : officers_) {
        if (officer->staff->username == username)
            return *officer;
    }
    throw ReplayError("no officer " + username);
}

void DayReplay::open_office() {
    for (const StaffMember& member : scenario_.staff) {
        passwords_[member.username] = random_password();
        office_.add_user(member.username, member.role, join(member.areas, ","), member.name,
                         passwords_[member.username]);
    }
    clock_ = std::make_unique<CompressedClock>(scenario_.begin_at, rate_);
    office_.start(rfc3339_with_millis(now()), rate_);
    sync_clock_with_server();
    kiosk_ = make_client();
    reception_ = make_client();

    const StaffMember* receptionist = nullptr;
    for (const StaffMember& member : scenario_.staff) {
        if (member.role == "receptionist" && receptionist == nullptr)
            receptionist = &member;
        if (member.role != "officer")
            continue;
        auto officer = std::make_unique<Officer>();
        officer->staff = &member;
        officers_.push_back(std::move(officer));
    }
    expect(reception_->login(receptionist->username, passwords_[receptionist->username]),
           "reception login");
    const Json staff = expect(reception_->get("/api/v1/officers"), "GET /officers");
    for (const Json& account : staff.at("officers")) {
        log_.officer_ids[account.at("username").get<std::string>()] =
            account.at("id").get<OfficerId>();
    }
    book_appointments();
}

void DayReplay::book_appointments() {
    for (size_t index = 0; index < scenario_.visits.size(); ++index) {
        const Visit& visit = scenario_.visits[index];
        if (!visit.booked)
            continue;
        Json visitor{{"name", visit.name}, {"phone", visit.phone}};
        if (!visit.email.empty())
            visitor["email"] = visit.email;
        const Json request{{"visitor", visitor},
                           {"area", visit.area},
                           {"purpose", visit.purpose},
                           {"summary", visit.summary},
                           {"starts_at", office_time_.rfc3339(visit.slot_at)},
                           {"length_minutes", visit.length_minutes},
                           {"officer_id", log_.officer_ids.at(visit.officer)},
                           {"source", "email"}};
        const Json body =
            expect(reception_->post("/api/v1/appointments", request), "booking " + visit.label);
        log_.visits[index].booking_code = body.at("booking_code").get<std::string>();
        note(fmt::format("rina books {} with {} at {}: code {}", visit.label, visit.officer,
                         clock_text(visit.slot_at), log_.visits[index].booking_code));
    }
}

void DayReplay::check_in(size_t visit_index) {
    const Visit& visit = scenario_.visits[visit_index];
    VisitRecord& record = log_.visits[visit_index];
    Json body;
    if (visit.booked && visit.check_in_by_phone) {
        body = expect(kiosk_->post("/api/v1/appointments/check-in", Json{{"phone", visit.phone}}),
                      "booked check-in by phone of " + visit.label);
    } else if (visit.booked) {
        body = expect(kiosk_->check_in_booking(record.booking_code),
                      "booked check-in of " + visit.label);
    } else {
        Json request{{"visitor", {{"name", visit.name}, {"phone", visit.phone}}},
                     {"area", visit.area},
                     {"purpose", visit.purpose},
                     {"summary", visit.summary},
                     {"consent", true},
                     {"language", "id"}};
        if (!visit.priority_reason.empty()) {
            // Reception registers elderly, disabled and pregnant visitors and those with a
            // small child as priority tickets, with consent asked orally.
            request["priority"] = "priority";
            body =
                expect(reception_->check_in(request), "reception registration of " + visit.label);
        } else {
            body = expect(kiosk_->check_in(request), "kiosk check-in of " + visit.label);
        }
    }
    const Json& ticket = body.at("ticket");
    record.checked_in = true;
    record.ticket_id = ticket.at("id").get<TicketId>();
    record.code = ticket.at("code").get<std::string>();
    visit_of_ticket_[record.ticket_id] = visit_index;
    acknowledge(ticket);
    note(
        fmt::format("{} checks in: ticket {} (id {})", visit.label, record.code, record.ticket_id));
}

void DayReplay::apply_desk_event(Officer& officer, const DeskEvent& event) {
    officer.pending.push_back(event);
    try_pending(officer);
}

// Applies the officer's first pending desk event if the officer is free for it. Returns
// whether one was applied.
bool DayReplay::try_pending(Officer& officer) {
    if (officer.pending.empty())
        return false;
    const DeskEvent event = officer.pending.front();
    const std::string& name = officer.staff->username;
    switch (event.action) {
        case DeskAction::Login: {
            if (officer.phase != Officer::Phase::Away)
                break;
            officer.client = make_client();
            auto response = officer.client->login(name, passwords_.at(name), event.desk);
            if (!response && response.error().code == ErrorCode::Conflict) {
                // The previous officer is still logged in at the desk, so try again after the
                // call interval.
                officer.next_call_at = now() + kCallInterval;
                return false;
            }
            const Json body = expect(std::move(response), name + " login at desk " + event.desk);
            officer.token = body.at("token").get<std::string>();
            officer.desk = event.desk;
            officer.phase = Officer::Phase::Idle;
            officer.next_call_at = now();
            officer.pending.pop_front();
            note(fmt::format("{} logs in at desk {}", name, event.desk));
            return true;
        }
        case DeskAction::Logout:
            if (officer.phase != Officer::Phase::Idle && officer.phase != Officer::Phase::Paused)
                break;
            expect(officer.client->logout(), name + " logout");
            officer.phase = Officer::Phase::Away;
            officer.pending.pop_front();
            note(name + " logs out");
            return true;
        case DeskAction::Pause:
            if (officer.phase != Officer::Phase::Idle)
                break;
            expect(officer.client->post("/api/v1/officers/me/status",
                                        Json{{"status", "paused"}, {"reason", event.reason}}),
                   name + " pause");
            officer.phase = Officer::Phase::Paused;
            officer.tried_call_while_paused = false;
            log_.pauses.push_back(PauseRecord{name, now(), 0});
            officer.pending.pop_front();
            note(fmt::format("{} pauses: {}", name, event.reason));
            return true;
        case DeskAction::Resume:
            if (officer.phase != Officer::Phase::Paused)
                break;
            expect(
                officer.client->post("/api/v1/officers/me/status", Json{{"status", "available"}}),
                name + " resume");
            officer.phase = Officer::Phase::Idle;
            officer.next_call_at = now();
            for (PauseRecord& pause : log_.pauses) {
                if (pause.officer == name && pause.to == 0)
                    pause.to = now();
            }
            officer.pending.pop_front();
            note(name + " is available again");
            return true;
    }
    return false;
}

void DayReplay::step_officer(Officer& officer) {
    const TimestampMs current = now();
    const std::string& name = officer.staff->username;
    if (officer.phase == Officer::Phase::Away) {
        if (current >= officer.next_call_at)
            try_pending(officer);
        return;
    }
    if (officer.phase == Officer::Phase::Paused) {
        if (!officer.tried_call_while_paused) {
            // A paused officer who presses "call next" must get 409.
            auto response = officer.client->call_next(officer.desk);
            if (response || response.error().code != ErrorCode::Conflict) {
                throw ReplayError(
                    fmt::format("{} call-next of paused officer {} was not rejected with 409",
                                clock_text(current), name));
            }
            ++log_.calls_rejected_while_paused;
            officer.tried_call_while_paused = true;
        }
        try_pending(officer);
        return;
    }
    if (officer.phase == Officer::Phase::Idle) {
        if (try_pending(officer))
            return;
        if (!officer.pending.empty() || current < officer.next_call_at)
            return;
        const Json body = expect(officer.client->call_next(officer.desk),
                                 name + " call-next at desk " + officer.desk);
        if (body.is_null()) {
            officer.next_call_at = current + kCallInterval;
            return;
        }
        take_call(officer, body);
        return;
    }
    if (current < officer.next_step_at)
        return;

    const Visit& visit = scenario_.visits[officer.visit_index];
    VisitRecord& record = log_.visits[officer.visit_index];
    const std::string ticket_path =
        "ticket " + record.code + " (id " + std::to_string(officer.ticket_id) + ")";
    if (officer.phase == Officer::Phase::Called && visit.no_show) {
        if (officer.recalls == 0) {
            acknowledge(expect(officer.client->ticket_action(officer.ticket_id, "recall"),
                               name + " recall of " + ticket_path)
                            .at("ticket"));
            ++officer.recalls;
            officer.next_step_at = current + kNoShowWait;
            note(fmt::format("{} recalls {}", name, record.code));
            return;
        }
        acknowledge(expect(officer.client->ticket_action(officer.ticket_id, "no-show"),
                           name + " no-show of " + ticket_path)
                        .at("ticket"));
        record.finished = true;
        officer.phase = Officer::Phase::Idle;
        officer.next_call_at = current;
        note(fmt::format("{} marks {} a no-show", name, record.code));
        return;
    }
    if (officer.phase == Officer::Phase::Called) {
        acknowledge(expect(officer.client->ticket_action(officer.ticket_id, "start"),
                           name + " start of " + ticket_path)
                        .at("ticket"));
        officer.phase = Officer::Phase::Serving;
        const bool first_of_transfer = !visit.transfer_to.empty() && !officer.follow_up;
        const int minutes =
            first_of_transfer ? visit.transfer_after_minutes : visit.service_minutes;
        officer.next_step_at = current + minutes * kMinute;
        note(fmt::format("{} starts serving {} for {} min", name, record.code, minutes));
        return;
    }
    finish_service(officer);
}

void DayReplay::take_call(Officer& officer, const Json& body) {
    const Json& ticket = body.at("ticket");
    const TicketId id = ticket.at("id").get<TicketId>();
    acknowledge(ticket);
    auto found = visit_of_ticket_.find(id);
    if (found == visit_of_ticket_.end()) {
        throw ReplayError(
            fmt::format("{} {} was called to ticket id {}, which the replay never checked in",
                        clock_text(now()), officer.staff->username, id));
    }
    officer.ticket_id = id;
    officer.visit_index = found->second;
    officer.follow_up = log_.visits[found->second].follow_up_id == id;
    officer.recalls = 0;
    officer.phase = Officer::Phase::Called;
    const bool no_show = scenario_.visits[found->second].no_show;
    officer.next_step_at = now() + (no_show ? kNoShowWait : kWalkToDesk);
    note(fmt::format("{} calls {} to desk {} (rule {})", officer.staff->username,
                     ticket.at("code").get<std::string>(), officer.desk,
                     body.at("selection").at("rule").get<std::string>()));
}

void DayReplay::finish_service(Officer& officer) {
    const Visit& visit = scenario_.visits[officer.visit_index];
    VisitRecord& record = log_.visits[officer.visit_index];
    const std::string& name = officer.staff->username;
    const std::string ticket_path =
        "ticket " + record.code + " (id " + std::to_string(officer.ticket_id) + ")";
    if (!visit.transfer_to.empty() && !officer.follow_up) {
        const Json body = expect(officer.client->ticket_action(officer.ticket_id, "transfer",
                                                               Json{{"area", visit.transfer_to}}),
                                 name + " transfer of " + ticket_path);
        const Json& next = body.at("ticket");
        acknowledge(next);
        log_.acknowledged_state[officer.ticket_id] = "done";
        record.follow_up_id = next.at("id").get<TicketId>();
        visit_of_ticket_[record.follow_up_id] = officer.visit_index;
        note(fmt::format("{} transfers {} to {}", name, record.code, visit.transfer_to));
    } else {
        const std::string notes =
            visit.outcome == "answered"
                ? "Informasi dan penjelasan diberikan langsung."
                : "Dijelaskan penyelesaian sesuai SOP Biro Peraturan Perundang-Undangan dan "
                  "Penindakan; pelapor mengirim bukti melalui WhatsApp dan email pengaduan.";
        acknowledge(expect(officer.client->ticket_action(
                               officer.ticket_id, "complete",
                               Json{{"outcome", visit.outcome}, {"notes", notes}}),
                           name + " complete of " + ticket_path)
                        .at("ticket"));
        record.finished = true;
        note(fmt::format("{} completes {}: {}", name, record.code, visit.outcome));
    }
    officer.phase = Officer::Phase::Idle;
    officer.next_call_at = now();
}

std::string DayReplay::rfc3339_with_millis(TimestampMs instant) const {
    // Milliseconds keep the restarted server's clock within a millisecond of the replay's.
    std::string text = office_time_.rfc3339(instant);
    return text.insert(19, fmt::format(".{:03}", ((instant % 1000) + 1000) % 1000));
}

// The server's simulated clock starts when its process has started, which lags the
// replay's by that start time times the rate: 100 ms is a simulated minute at rate 600.
// The replay therefore takes the time of the server's first board, which it builds on the
// first request, so a visitor who arrives at 08.01 is not turned away as before opening.
void DayReplay::sync_clock_with_server() {
    auto board = make_client()->board();
    if (!board)
        throw ReplayError("GET /board after the server start failed: " + describe(board.error()));
    auto generated = parse_rfc3339(board->body.at("generated_at").get<std::string>());
    if (!generated)
        throw ReplayError("the board's generated_at is not an RFC 3339 time");
    // generated_at has whole seconds, so the server's time is up to one second later.
    const TimestampMs server_now = *generated + 500;
    note(fmt::format(
        "the server's clock is {:.1f} simulated seconds behind the replay's; the replay follows it",
        static_cast<double>(now() - server_now) / 1000.0));
    clock_ = std::make_unique<CompressedClock>(server_now, rate_);
}

// FIXME: the replay sends one request at a time, so the kill never meets a request in
// flight. The SIGKILL tests in tests/integration/durability_test.cpp kill the server
// during concurrent check-ins.
void DayReplay::restart_server() {
    note("SIGKILL to antrean-server");
    log_.restarted_at = now();
    office_.kill_hard();
    office_.start(rfc3339_with_millis(now()), rate_);
    sync_clock_with_server();
    log_.restarted = true;
    note("antrean-server started again on " + office_.base_url());

    kiosk_ = make_client();
    reception_ = make_client(std::string());
    for (const StaffMember& member : scenario_.staff) {
        if (member.role == "receptionist") {
            expect(reception_->login(member.username, passwords_.at(member.username)),
                   "reception login after restart");
            break;
        }
    }
    // Officers keep their sessions: the server stores them in its database.
    for (auto& officer : officers_) {
        if (officer->phase != Officer::Phase::Away)
            officer->client = make_client(officer->token);
    }

    // Every state the server acknowledged before the kill must still be there.
    const Json queue = expect(reception_->get("/api/v1/queue"), "GET /queue after restart");
    std::map<TicketId, std::string> stored;
    for (const Json& ticket : queue.at("tickets")) {
        stored[ticket.at("id").get<TicketId>()] = ticket.at("state").get<std::string>();
    }
    for (const auto& [id, state] : log_.acknowledged_state) {
        const auto found = stored.find(id);
        if (found == stored.end()) {
            log_.restart_losses.push_back(fmt::format("ticket id {} ({}) is missing", id, state));
        } else if (found->second != state) {
            log_.restart_losses.push_back(fmt::format(
                "ticket id {} was {} before the kill but is {} after", id, state, found->second));
        }
    }
}

bool DayReplay::day_over() const {
    for (size_t index = 0; index < scenario_.visits.size(); ++index) {
        if (scenario_.visits[index].absent)
            continue;
        if (!log_.visits[index].finished)
            return false;
    }
    return !scenario_.restart_at || log_.restarted;
}

void DayReplay::run() {
    const LocalTime day = office_time_.local(scenario_.begin_at);
    const TimestampMs latest =
        office_time_.from_local(day.year, day.month, day.day, kLatestHour, 0);
    size_t next_visit = 0;
    size_t next_event = 0;

    while (!day_over()) {
        const TimestampMs current = now();
        if (current > latest) {
            throw ReplayError(fmt::format(
                "the day is not over at {}:00: visitors still wait or are served", kLatestHour));
        }
        if (scenario_.restart_at && !log_.restarted && current >= *scenario_.restart_at)
            restart_server();
        while (next_event < scenario_.desk_events.size() &&
               scenario_.desk_events[next_event].at <= current) {
            const DeskEvent& event = scenario_.desk_events[next_event++];
            apply_desk_event(officer_named(event.officer), event);
        }
        while (next_visit < scenario_.visits.size() &&
               scenario_.visits[next_visit].arrives_at <= current) {
            if (!scenario_.visits[next_visit].absent)
                check_in(next_visit);
            ++next_visit;
        }
        for (auto& officer : officers_) step_officer(*officer);

        // Sleep until the next thing is due, but at most a quarter of a real second.
        TimestampMs due = current + kCallInterval;
        if (next_visit < scenario_.visits.size())
            due = std::min(due, scenario_.visits[next_visit].arrives_at);
        if (next_event < scenario_.desk_events.size())
            due = std::min(due, scenario_.desk_events[next_event].at);
        for (const auto& officer : officers_) {
            if (officer->phase == Officer::Phase::Called ||
                officer->phase == Officer::Phase::Serving) {
                due = std::min(due, officer->next_step_at);
            } else if (officer->phase == Officer::Phase::Idle) {
                due = std::min(due, officer->next_call_at);
            }
        }
        const double real_ms = static_cast<double>(due - now()) / rate_;
        std::this_thread::sleep_for(std::chrono::microseconds(
            static_cast<std::int64_t>(std::clamp(real_ms, 1.0, 250.0) * 1000)));
    }

    // The last visitor has left: everybody still at a desk logs out.
    for (auto& officer : officers_) {
        if (officer->phase == Officer::Phase::Idle || officer->phase == Officer::Phase::Paused) {
            expect(officer->client->logout(),
                   officer->staff->username + " logout at the end of the day");
            officer->phase = Officer::Phase::Away;
        }
    }
    log_.ended_at = now();
}

}  // namespace antrean::replay
