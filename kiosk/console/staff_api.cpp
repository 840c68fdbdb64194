#include "console/staff_api.hpp"

#include <chrono>

namespace antrean::console {
namespace {

// A console on the office LAN gets its answers in milliseconds; a reply that takes longer
// than this means the server is in trouble, and the officer should learn it soon.
constexpr std::chrono::milliseconds kConnectTimeout{2000};
constexpr std::chrono::milliseconds kReadTimeout{8000};

}  // namespace

StaffApi::StaffApi(const ServerAddress& address, kiosk::Wakeup& wakeup)
    : client_(std::make_unique<ApiClient>(address)), worker_(wakeup) {
    client_->set_connect_timeout(kConnectTimeout);
    client_->set_read_timeout(kReadTimeout);
}

void StaffApi::set_language(Language language) {
    client_->set_language(language);
}

void StaffApi::submit(std::function<Result<ApiResponse>(ApiClient&)> call, Callback done) {
    ApiClient* client = client_.get();
    worker_.submit([client, call = std::move(call), done = std::move(done)]() -> std::function<void()> {
        Result<ApiResponse> response = call(*client);
        return [done, response = std::move(response)]() mutable { done(std::move(response)); };
    });
}

void StaffApi::send(HttpMethod method, std::string path, nlohmann::json body, Callback done) {
    submit(
        [method, path = std::move(path), body = std::move(body)](ApiClient& client) {
            switch (method) {
                case HttpMethod::Get:
                    return client.get(path);
                case HttpMethod::Patch:
                    return client.patch(path, body);
                case HttpMethod::Post:
                    break;
            }
            return client.post(path, body);
        },
        std::move(done));
}

void StaffApi::login(std::string username, std::string password, std::optional<DeskId> desk, Callback done) {
    submit(
        [username = std::move(username), password = std::move(password), desk = std::move(desk)](
            ApiClient& client) { return client.login(username, password, desk); },
        std::move(done));
}

void StaffApi::logout(Callback done) {
    submit([](ApiClient& client) { return client.logout(); }, std::move(done));
}

void StaffApi::forget_token() {
    client_->set_token("");
}

}  // namespace antrean::console
