#include "http/http_server.hpp"

#include <spdlog/spdlog.h>
#include <sys/socket.h>

#include <cerrno>
#include <chrono>
#include <cstring>

namespace antrean::server::http {
namespace {

constexpr int kListenBacklog = 1024;

thread_local std::chrono::steady_clock::time_point request_started;

// A phone page makes a handful of status requests; 30 wrong tokens from one address in
// 10 minutes is guessing, and further wrong guesses get 429.
constexpr int kTokenGuessesPerWindow = 30;
constexpr int kTokenGuessWindowMinutes = 10;

}  // namespace

HttpServer::HttpServer(QueueEngine& engine, Accounts& accounts, AppointmentBook& appointments,
                       SurveyBook& surveys, const Catalog& catalog)
    : token_guesses_(kTokenGuessesPerWindow, kTokenGuessWindowMinutes),
      services_{engine, accounts, appointments, surveys, catalog, token_guesses_} {
    const ServerConfig& config = engine.config();
    const size_t workers = static_cast<size_t>(config.worker_threads);
    server_.new_task_queue = [workers] { return new httplib::ThreadPool(workers); };
    server_.set_payload_max_length(config.max_body_bytes);
    server_.set_tcp_nodelay(true);
    // The callback receives every socket the server creates, and the last one is the socket
    // that bind() listens on. httplib's own options (SO_REUSEADDR, SO_REUSEPORT) are kept.
    server_.set_socket_options([this](socket_t socket) {
        httplib::default_socket_options(socket);
        listening_socket_ = socket;
    });
    server_.set_keep_alive_max_count(1000);
    server_.set_keep_alive_timeout(5);

    server_.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
        request_started = std::chrono::steady_clock::now();
        return httplib::Server::HandlerResponse::Unhandled;
    });
    // One line per request. The path never carries personal data; the query string can
    // carry a status token, so it is left out.
    server_.set_logger([](const httplib::Request& request, const httplib::Response& response) {
        const double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - request_started).count();
        spdlog::info("{} {} {} {:.2f}ms {}", request.method, request.path, response.status, ms, request.remote_addr);
    });
    server_.set_error_handler([this](const httplib::Request& request, httplib::Response& response) {
        if (!response.body.empty()) return;
        ErrorCode code = ErrorCode::NotFound;
        std::string key = "error.route_not_found";
        if (response.status == 413) {
            code = ErrorCode::PayloadTooLarge;
            key = "error.payload_too_large";
        } else if (response.status == 400) {
            code = ErrorCode::InvalidInput;
            key = "error.invalid_request";
        } else if (response.status != 404) {
            code = ErrorCode::Internal;
            key = "error.internal";
        }
        const int status = response.status;
        send_error(request, response, services_.catalog,
                   Error(code, "", key, {{"max_kib", std::to_string(services_.engine.config().max_body_bytes / 1024)}}));
        if (code == ErrorCode::Internal) response.status = status;
    });
    server_.set_exception_handler([this](const httplib::Request& request, httplib::Response& response,
                                         std::exception_ptr failure) {
        std::string what = "unknown exception";
        try {
            std::rethrow_exception(failure);
        } catch (const std::exception& error) {
            what = error.what();
        } catch (...) {
        }
        spdlog::error("unhandled exception on {} {}: {}", request.method, request.path, what);
        send_error(request, response, services_.catalog, Error(ErrorCode::Unavailable, "", "error.storage_unavailable"));
    });

    register_public_routes(server_, services_);
    register_staff_routes(server_, services_);
    register_appointment_routes(server_, services_);
    register_event_routes(server_, services_);
    register_visitor_page_routes(server_, services_);
}

int HttpServer::bind(const std::string& host, int port) {
    const int bound = port == 0 ? server_.bind_to_any_port(host) : (server_.bind_to_port(host, port) ? port : -1);
    if (bound < 0) return bound;
    // cpp-httplib 0.11 listens with a backlog of 5 (CPPHTTPLIB_LISTEN_BACKLOG, fixed when the
    // Debian library was built). When every display, console and phone reconnects at once,
    // for example after a restart, the kernel's accept queue overflows: connections wait
    // for a SYN retransmission and some fail with a read error. Linux updates the backlog
    // of a listening socket on a second listen(), capped by net.core.somaxconn.
    if (::listen(listening_socket_, kListenBacklog) != 0) {
        spdlog::warn("raising the listen backlog to {} failed: {}; bursts of connections may be refused",
                     kListenBacklog, std::strerror(errno));
    }
    return bound;
}

bool HttpServer::serve() { return server_.listen_after_bind(); }

void HttpServer::stop() {
    services_.engine.hub().close();
    server_.stop();
}

}  // namespace antrean::server::http
