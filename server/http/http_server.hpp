#pragma once

#include <httplib.h>

#include <memory>
#include <string>

#include "http/routes.hpp"

namespace antrean::server::http {

// The HTTP front of the queue server: routes, limits, access log and error bodies.
class HttpServer {
public:
    HttpServer(QueueEngine& engine, Accounts& accounts, AppointmentBook& appointments, SurveyBook& surveys,
               const Catalog& catalog);

    // Binds to host:port (port 0 picks a free one); returns the bound port or -1.
    int bind(const std::string& host, int port);
    // Serves until stop(); blocks.
    bool serve();
    void stop();

private:
    LoginThrottle token_guesses_;
    Services services_;
    httplib::Server server_;
    // The socket that bind() listens on, recorded by the socket-options callback.
    socket_t listening_socket_ = INVALID_SOCKET;
};

}  // namespace antrean::server::http
