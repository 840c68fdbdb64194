#include "services/kiosk_api.hpp"

#include <chrono>

namespace antrean::kiosk {
namespace {

// A check-in touches SQLite with a full sync, so it gets more time than the client's
// default; a visitor still learns within 8 s that the server does not answer.
constexpr std::chrono::milliseconds kConnectTimeout{2000};
constexpr std::chrono::milliseconds kReadTimeout{8000};

}  // namespace

KioskApi::KioskApi(const ServerAddress& address, Wakeup& wakeup)
    : client_(std::make_unique<ApiClient>(address)), worker_(wakeup) {
    client_->set_connect_timeout(kConnectTimeout);
    client_->set_read_timeout(kReadTimeout);
}

void KioskApi::set_language(Language language) {
    client_->set_language(language);
}

void KioskApi::load_config(std::function<void(Result<KioskConfig>)> done) {
    ApiClient* client = client_.get();
    worker_.submit([client, done = std::move(done)]() -> std::function<void()> {
        Result<ApiResponse> response = client->config();
        Result<KioskConfig> config = response ? parse_kiosk_config(response->body)
                                              : Result<KioskConfig>(tl::unexpected(response.error()));
        return [done, config = std::move(config)]() mutable { done(std::move(config)); };
    });
}

void KioskApi::submit_ticket_call(std::function<Result<ApiResponse>(ApiClient&)> call,
                                  std::function<void(Result<TicketInfo>)> done) {
    ApiClient* client = client_.get();
    worker_.submit([client, call = std::move(call), done = std::move(done)]() -> std::function<void()> {
        Result<ApiResponse> response = call(*client);
        Result<TicketInfo> ticket = response ? parse_ticket_reply(response->body)
                                             : Result<TicketInfo>(tl::unexpected(response.error()));
        return [done, ticket = std::move(ticket)]() mutable { done(std::move(ticket)); };
    });
}

void KioskApi::check_in(nlohmann::json request, std::function<void(Result<TicketInfo>)> done) {
    submit_ticket_call(
        [request = std::move(request)](ApiClient& client) { return client.check_in(request); },
        std::move(done));
}

void KioskApi::check_in_booking(std::string code, std::string request_id,
                                std::function<void(Result<TicketInfo>)> done) {
    submit_ticket_call([code = std::move(code), request_id = std::move(request_id)](
                           ApiClient& client) { return client.check_in_booking(code, request_id); },
                       std::move(done));
}

void KioskApi::check_in_by_phone(std::string phone, std::string request_id,
                                 std::function<void(Result<TicketInfo>)> done) {
    submit_ticket_call(
        [phone = std::move(phone), request_id = std::move(request_id)](ApiClient& client) {
            return client.post("/api/v1/appointments/check-in",
                               nlohmann::json{{"phone", phone}, {"request_id", request_id}});
        },
        std::move(done));
}

void KioskApi::check_health(std::function<void(bool)> done) {
    ApiClient* client = client_.get();
    worker_.submit([client, done = std::move(done)]() -> std::function<void()> {
        const bool reachable = client->health().has_value();
        return [done, reachable] { done(reachable); };
    });
}

}  // namespace antrean::kiosk
