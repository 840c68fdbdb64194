#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "client/api_client.hpp"
#include "domain/office_time.hpp"
#include "office_process.hpp"
#include "scenario.hpp"

namespace antrean::replay {

// Raised when the server rejects a request that the scenario expects to succeed. The
// message names the simulated time, the request, the officer or visit and the server's error.
class ReplayError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// What happened to one visit of the scenario, as the server acknowledged it.
struct VisitRecord {
    bool checked_in = false;
    TicketId ticket_id = 0;
    TicketId follow_up_id = 0;  // the ticket a transfer created
    std::string code;
    std::string booking_code;
    bool finished = false;  // done or no-show
};

// An officer's pause as the replay saw it, in simulated time.
struct PauseRecord {
    std::string officer;
    TimestampMs from = 0;
    TimestampMs to = 0;
};

struct ReplayLog {
    std::vector<VisitRecord> visits;  // parallel to Scenario::visits
    std::map<TicketId, std::string> acknowledged_state;
    std::map<std::string, OfficerId> officer_ids;
    std::vector<PauseRecord> pauses;
    int calls_rejected_while_paused = 0;
    bool restarted = false;
    TimestampMs restarted_at = 0;
    // Tickets whose state after the restart differed from the last acknowledged one.
    std::vector<std::string> restart_losses;
    TimestampMs ended_at = 0;
};

// Plays a scenario through the real HTTP API of a running office: books the appointments,
// checks visitors in at their arrival times, lets each officer call, serve and finish
// visitors, and restarts the server at the scenario's time. Time is the simulated clock
// that the server also runs on.
// Formats a failed request's error as "conflict <server message> (field desk)".
std::string describe(const Error& error);

class DayReplay {
  public:
    DayReplay(const Scenario& scenario, const OfficeTime& office_time, OfficeProcess& office,
              double rate, bool verbose);
    ~DayReplay();

    // Creates the staff accounts and starts the server at the scenario's begin time.
    void open_office();
    // Runs the day until every visitor who came has been served or marked a no-show.
    // Throws ReplayError on an unexpected response, or when the day is not over at 18.00.
    void run();

    const ReplayLog& log() const { return log_; }
    // The receptionist's client, logged in, for the day's figures.
    ApiClient& reception() { return *reception_; }
    TimestampMs now() const;

  private:
    struct Officer;

    // "09:15:00": a simulated time for messages.
    std::string clock_text(TimestampMs instant) const;
    // "2026-12-07T09:15:00.250+07:00": a --clock-start value for the server.
    std::string rfc3339_with_millis(TimestampMs instant) const;
    std::unique_ptr<ApiClient> make_client(const std::string& token = "") const;
    nlohmann::json expect(Result<ApiResponse> response, const std::string& what) const;
    void note(const std::string& text) const;

    void book_appointments();
    void check_in(size_t visit_index);
    void apply_desk_event(Officer& officer, const DeskEvent& event);
    bool try_pending(Officer& officer);
    void step_officer(Officer& officer);
    void take_call(Officer& officer, const nlohmann::json& body);
    void finish_service(Officer& officer);
    void acknowledge(const nlohmann::json& ticket);
    void sync_clock_with_server();
    void restart_server();
    bool day_over() const;
    Officer& officer_named(const std::string& username);

    const Scenario& scenario_;
    const OfficeTime& office_time_;
    OfficeProcess& office_;
    double rate_;
    bool verbose_;
    std::unique_ptr<CompressedClock> clock_;
    std::map<std::string, std::string> passwords_;
    std::unique_ptr<ApiClient> kiosk_;
    std::unique_ptr<ApiClient> reception_;
    std::vector<std::unique_ptr<Officer>> officers_;
    std::map<TicketId, size_t> visit_of_ticket_;
    ReplayLog log_;
};

}  // namespace antrean::replay
