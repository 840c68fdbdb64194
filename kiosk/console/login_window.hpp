#pragma once

// The login screen of both consoles: user name, password and, for officers, the desk
// they serve at. The password is kept only until it is sent.

#include <optional>
#include <string>

#include "console/console_ui.hpp"

namespace antrean::console {

struct LoginForm {
    std::string username;
    std::string password;
    std::optional<DeskId> desk;
    std::optional<std::string> error_key;  // a missing field, before anything is sent
    bool focus_username = true;

    // Checks that the fields are filled in: username, password, and a desk when
    // `needs_desk`. Sets error_key and returns false when one is missing.
    bool validate(bool needs_desk);
};

// Draws the login card in the middle of the window. Returns true when the staff member
// submits (the button or Enter in a field) and the form is complete.
bool draw_login_window(ConsoleUi& ui, LoginForm& form, const StaffSession& session, std::string_view title);
// Sends the form's login and clears its password, which is not kept after it is sent.
void submit_login(StaffSession& session, LoginForm& form, std::optional<DeskId> desk);

}  // namespace antrean::console
