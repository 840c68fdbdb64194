#pragma once

// Tickets that reception prints on the kiosk's ESC/POS printer: a new registration (with
// the QR code of its status page) and a reprint of a ticket in the queue.

#include "console/staff_data.hpp"
#include "domain/office_time.hpp"
#include "i18n/catalog.hpp"
#include "services/escpos.hpp"
#include "visitor/server_data.hpp"

namespace antrean::reception {

// The ticket of a registration reply, in the visitor's language, as the kiosk prints it.
kiosk::PrintedTicket printed_registration(const Catalog& catalog, Language language,
                                          const console::ConsoleConfig* config, const kiosk::TicketInfo& ticket);

// A reprint from the queue. It has no QR code, because the staff form of a ticket has no
// status token. While the ticket waits, it shows the estimate given at check-in.
kiosk::PrintedTicket printed_reprint(const Catalog& catalog, const console::ConsoleConfig* config,
                                     const OfficeTime& office, const console::StaffTicket& ticket);

}  // namespace antrean::reception
