#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "client/api_client.hpp"

using antrean::ErrorCode;

namespace {

// A loopback port that nothing listens on: the kernel picks a free one and the
// socket is closed again before the test connects.
int unused_loopback_port() {
  const int socket_fd = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(socket_fd >= 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  REQUIRE(::bind(socket_fd, reinterpret_cast<sockaddr *>(&address),
                 sizeof(address)) == 0);
  socklen_t length = sizeof(address);
  REQUIRE(::getsockname(socket_fd, reinterpret_cast<sockaddr *>(&address),
                        &length) == 0);
  ::close(socket_fd);
  return ntohs(address.sin_port);
}

} // namespace

TEST_CASE("server address accepts base URLs") {
  struct ValidCase {
    const char *url;
    const char *scheme;
    const char *host;
    int port;
  };
  const std::vector<ValidCase> cases{
      {"http://127.0.0.1:8080", "http", "127.0.0.1", 8080},
      {"http://127.0.0.1:8080/", "http", "127.0.0.1", 8080},
      {"http://antrean.local", "http", "antrean.local", 80},
      {"https://antrean.local", "https", "antrean.local", 443},
      {"HTTP://Server-2:65535", "http", "Server-2", 65535},
      {"http://[::1]:8080", "http", "::1", 8080},
      {"http://[::1]", "http", "::1", 80},
  };

  for (const ValidCase &valid_case : cases) {
    INFO("url: ", valid_case.url);
    const antrean::Result<antrean::ServerAddress> address =
        antrean::parse_server_address(valid_case.url);
    REQUIRE(address.has_value());
    CHECK(address->scheme == valid_case.scheme);
    CHECK(address->host == valid_case.host);
    CHECK(address->port == valid_case.port);
  }
}

TEST_CASE("server address rejects other URLs") {
  const std::vector<const char *> urls{
      "",
      "127.0.0.1:8080",
      "ftp://127.0.0.1",
      "http://",
      "http://:8080",
      "http://127.0.0.1:",
      "http://127.0.0.1:0",
      "http://127.0.0.1:65536",
      "http://127.0.0.1:80x",
      "http://127.0.0.1:8080/api/v1",
      "http://127.0.0.1:8080?x=1",
      "http://127.0.0.1:8080#top",
      "http://user@127.0.0.1",
      "http://[::1",
      "http://[::1]x",
      "http://[zz::1]:80",
      "http://host name:80",
      " http://127.0.0.1:8080",
  };

  for (const char *url : urls) {
    INFO("url: \"", url, "\"");
    const antrean::Result<antrean::ServerAddress> address =
        antrean::parse_server_address(url);
    REQUIRE_FALSE(address.has_value());
    CHECK(address.error().code == ErrorCode::InvalidInput);
    CHECK(address.error().message_key == "error.invalid_server_url");
    CHECK(address.error().params.at("url") == url);
    CHECK_FALSE(address.error().params.at("reason").empty());
  }
}

TEST_CASE("server address formats URL") {
  CHECK(antrean::ServerAddress{"http", "127.0.0.1", 8080}.to_url() ==
        "http://127.0.0.1:8080");
  CHECK(antrean::ServerAddress{"http", "::1", 8080}.to_url() ==
        "http://[::1]:8080");
}

TEST_CASE("api client constructor rejects invalid URL") {
  CHECK_THROWS_AS(antrean::ApiClient("ftp://127.0.0.1"), std::invalid_argument);
}

TEST_CASE("path segment encoding") {
  CHECK(antrean::encode_path_segment("BK-7Q2X_a.b~") == "BK-7Q2X_a.b~");
  CHECK(antrean::encode_path_segment("Meja 1/2") == "Meja%201%2F2");
  CHECK(antrean::encode_path_segment("a?b#c%") == "a%3Fb%23c%25");
  CHECK(antrean::encode_path_segment("..") == "%2E%2E");
  CHECK(antrean::encode_path_segment(".") == "%2E");
  CHECK(antrean::encode_path_segment("\xC3\xA9") == "%C3%A9");
  CHECK(antrean::encode_path_segment("").empty());
}

TEST_CASE("error response in contract form") {
  const antrean::Error error = antrean::error_from_response(
      422,
      R"({"error":{"code":"invalid_nik","message":"NIK harus 16 angka","field":"visitor.nik"}})");

  CHECK(error.code == ErrorCode::InvalidNik);
  CHECK(error.field == "visitor.nik");
  CHECK(error.message_key == "server.message");
  CHECK(error.params ==
        std::map<std::string, std::string>{{"message", "NIK harus 16 angka"}});
}

TEST_CASE("error response without field") {
  const antrean::Error error = antrean::error_from_response(
      409, R"({"error":{"code":"conflict","message":"x"}})");

  CHECK(error.code == ErrorCode::Conflict);
  CHECK(error.field.empty());
}

TEST_CASE("error response with unknown code") {
  const antrean::Error error = antrean::error_from_response(
      400, R"({"error":{"code":"brand_new","message":"x"}})");

  CHECK(error.code == ErrorCode::Internal);
  CHECK(error.message_key == "server.message");
}

TEST_CASE("error response outside contract form") {
  struct StatusCase {
    int status;
    const char *body;
    ErrorCode expected;
  };
  const std::vector<StatusCase> cases{
      {400, "", ErrorCode::InvalidInput},
      {401, "not json", ErrorCode::Unauthorized},
      {403, "{}", ErrorCode::Forbidden},
      {404, R"({"error":"not found"})", ErrorCode::NotFound},
      {409, R"({"error":{"message":"no code"}})", ErrorCode::Conflict},
      {413, "", ErrorCode::PayloadTooLarge},
      {422, "", ErrorCode::InvalidInput},
      {429, "", ErrorCode::RateLimited},
      {500, "<html>", ErrorCode::Internal},
      {502, "<html>", ErrorCode::Unavailable},
      {503, "", ErrorCode::Unavailable},
      {302, "", ErrorCode::Internal},
  };

  for (const StatusCase &status_case : cases) {
    INFO("status: ", status_case.status, " body: ", status_case.body);
    const antrean::Error error =
        antrean::error_from_response(status_case.status, status_case.body);
    CHECK(error.code == status_case.expected);
    CHECK(error.message_key == "error.unexpected_status");
    CHECK(error.params.at("status") == std::to_string(status_case.status));
  }
}

TEST_CASE("api client reports unreachable server") {
  antrean::ApiClient client(
      antrean::ServerAddress{"http", "127.0.0.1", unused_loopback_port()});

  const antrean::Result<antrean::ApiResponse> response = client.health();

  REQUIRE_FALSE(response.has_value());
  CHECK(response.error().code == ErrorCode::Unavailable);
  CHECK(response.error().message_key == "error.server_unreachable");
  CHECK(response.error().params.at("url") == client.address().to_url());
}

TEST_CASE("api client rejects unknown ticket action") {
  antrean::ApiClient client(
      antrean::ServerAddress{"http", "127.0.0.1", unused_loopback_port()});

  const antrean::Result<antrean::ApiResponse> response =
      client.ticket_action(1, "../delete");

  REQUIRE_FALSE(response.has_value());
  CHECK(response.error().code == ErrorCode::InvalidInput);
  CHECK(response.error().message_key == "error.unknown_ticket_action");
}

TEST_CASE("api client logout clears token when server is unreachable") {
  antrean::ApiClient client(
      antrean::ServerAddress{"http", "127.0.0.1", unused_loopback_port()});
  client.set_token("abc");
  REQUIRE(client.has_token());

  const antrean::Result<antrean::ApiResponse> response = client.logout();

  CHECK_FALSE(response.has_value());
  CHECK_FALSE(client.has_token());
}
