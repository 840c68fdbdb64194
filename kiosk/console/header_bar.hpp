#pragma once

// The bar at the top of both consoles: the console's name, who is logged in at which
// desk, the connection to the server, a spinner while requests run, the language switch
// and "Keluar".

#include <string_view>

#include "console/console_ui.hpp"

namespace antrean::console {

enum class HeaderIntent { None, Indonesian, English, Logout };

// `status` is an extra badge after the name (the officer's Tersedia / Istirahat), or empty.
HeaderIntent draw_header_bar(ConsoleUi& ui, const StaffSession& session, std::string_view title,
                             std::string_view status, NoticeKind status_kind);
// Switches the session's language or logs out, as the header's buttons request.
void apply_header_intent(StaffSession& session, HeaderIntent intent);

}  // namespace antrean::console
