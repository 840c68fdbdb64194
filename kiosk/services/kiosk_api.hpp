#pragma once

// The visitor kiosk's calls to the queue server, run on a background thread. Each call
// returns at once; its callback runs on the drawing thread inside poll().

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "client/api_client.hpp"
#include "services/background_worker.hpp"
#include "visitor/server_data.hpp"

namespace antrean::kiosk {

class KioskApi {
  public:
    // `address` must be valid (see parse_server_address).
    KioskApi(const ServerAddress& address, Wakeup& wakeup);

    // Sets the Accept-Language of later requests, so the server's error messages come in
    // the visitor's language.
    void set_language(Language language);

    void load_config(std::function<void(Result<KioskConfig>)> done);
    // POST /api/v1/tickets with `request` (the check-in body).
    void check_in(nlohmann::json request, std::function<void(Result<TicketInfo>)> done);
    // POST /api/v1/appointments/{code}/check-in
    void check_in_booking(std::string code, std::string request_id, std::function<void(Result<TicketInfo>)> done);
    // POST /api/v1/appointments/check-in with {"phone"}
    void check_in_by_phone(std::string phone, std::string request_id, std::function<void(Result<TicketInfo>)> done);
    // GET /api/v1/health; reports whether the server answered.
    void check_health(std::function<void(bool reachable)> done);

    // Runs the callbacks of finished calls; returns how many ran.
    int poll() { return worker_.run_completions(); }
    bool busy() const { return worker_.busy(); }

  private:
    void submit_ticket_call(std::function<Result<ApiResponse>(ApiClient&)> call,
                            std::function<void(Result<TicketInfo>)> done);

    std::unique_ptr<ApiClient> client_;
    BackgroundWorker worker_;
};

}  // namespace antrean::kiosk
