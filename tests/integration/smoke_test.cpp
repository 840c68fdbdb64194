#include <doctest/doctest.h>

#include "client/api_client.hpp"
#include "server_process.hpp"

using antrean::ApiClient;
using antrean::testing::ServerProcess;

TEST_CASE("server answers health over loopback") {
    ServerProcess server;
    server.start();
    ApiClient client(server.base_url());
    auto health = client.health();
    REQUIRE(health.has_value());
    CHECK(health->status == 200);
    CHECK(health->body["status"] == "ok");
}
