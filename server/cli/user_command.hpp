#pragma once

#include <string>

namespace antrean::server {

struct UserAddOptions {
    std::string db_path;
    std::string config_path;
    std::string username;
    std::string display_name;
    std::string role;
    std::string areas;
    std::string purposes = "complaint,information,consultation";
    bool password_stdin = false;
};

// Creates a staff account; returns the process exit code.
int run_user_add(const UserAddOptions& options);

}  // namespace antrean::server
