#pragma once

#include <httplib.h>

#include "auth/accounts.hpp"
#include "engine/appointments.hpp"
#include "engine/queue_engine.hpp"
#include "engine/survey.hpp"
#include "http/http_support.hpp"
#include "i18n/catalog.hpp"

namespace antrean::server::http {

struct Services {
    QueueEngine& engine;
    Accounts& accounts;
    AppointmentBook& appointments;
    SurveyBook& surveys;
    const Catalog& catalog;
    // Wrong status tokens per client address, so guessing is slowed down.
    LoginThrottle& token_guesses;
};

void register_public_routes(httplib::Server& server, Services& services);
void register_staff_routes(httplib::Server& server, Services& services);
void register_appointment_routes(httplib::Server& server, Services& services);
void register_event_routes(httplib::Server& server, Services& services);
void register_visitor_page_routes(httplib::Server& server, Services& services);

// What a visitor or a public screen may see of a ticket: no identity, no summary.
Json public_ticket_json(const Ticket& ticket, const QueueEngine& engine);
// The check-in answer: the public view plus the status token, its URL and the estimate.
Json issued_ticket_json(const IssuedTicket& issued, const QueueEngine& engine);
// Everything staff need, identity included.
Json staff_ticket_json(const Ticket& ticket, const QueueEngine& engine, const Catalog& catalog,
                       Language language);
Json officer_json(const Officer& officer);
// Finds the ticket of a visitor's request by id and ?token=. A wrong token answers 404
// after a fixed delay and counts toward the per-address limit; returns nullopt once the
// response is written.
std::optional<Ticket> ticket_for_visitor(const httplib::Request& request, httplib::Response& response,
                                         Services& services);
Json appointment_json(const Appointment& appointment, const QueueEngine& engine);

}  // namespace antrean::server::http
