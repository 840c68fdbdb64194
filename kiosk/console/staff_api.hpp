#pragma once

// The consoles' calls to the queue server, run one at a time on a background thread so a
// frame never waits for the network. Each call returns at once; its callback runs on the
// drawing thread inside poll(). The bearer token lives only in the ApiClient's memory.

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "client/api_client.hpp"
#include "services/background_worker.hpp"

namespace antrean::console {

enum class HttpMethod { Get, Post, Patch };

class StaffApi {
  public:
    using Callback = std::function<void(Result<ApiResponse>)>;

    // `address` must be valid (see parse_server_address).
    StaffApi(const ServerAddress& address, kiosk::Wakeup& wakeup);

    const ServerAddress& address() const { return client_->address(); }
    // Sets the Accept-Language of later requests, which picks the language of the server's
    // error messages and selection explanations.
    void set_language(Language language);

    void send(HttpMethod method, std::string path, nlohmann::json body, Callback done);
    // POST /api/v1/auth/login; on success the client keeps the token for later calls.
    void login(std::string username, std::string password, std::optional<DeskId> desk, Callback done);
    // POST /api/v1/auth/logout; the client forgets the token even when the call fails.
    void logout(Callback done);
    // Forgets the token without a request, after the server answered 401.
    void forget_token();

    // Runs the callbacks of finished calls; returns how many ran.
    int poll() { return worker_.run_completions(); }
    // Whether a call is queued or running, for the progress indicator.
    bool busy() const { return worker_.busy(); }

  private:
    void submit(std::function<Result<ApiResponse>(ApiClient&)> call, Callback done);

    std::unique_ptr<ApiClient> client_;
    kiosk::BackgroundWorker worker_;
};

}  // namespace antrean::console
