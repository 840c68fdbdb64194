#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace antrean::testing {

// Returns `count` [[desks]] entries with the ids first_id, first_id + 1, ... and the names
// "Meja <id>", for ServerProcess's `appended_toml`. The shipped configuration has the desks
// "1" to "3", so the default first id follows them.
std::string extra_desks_toml(int count, int first_id = 4);

// A real antrean-server child process on a loopback port, with its own temporary folder
// holding the SQLite file, the configuration and the log. The folder is removed when the
// object goes out of scope, after the process is killed.
class ServerProcess {
public:
    // Writes a configuration like the shipped one but open every hour, so tests pass at
    // any time of day. `extra_queue_toml` is appended to the [queue] table and
    // `appended_toml` to the end of the file, after the shipped [[desks]] entries, so it
    // can add desks (see extra_desks_toml) or tables of its own.
    explicit ServerProcess(const std::string& extra_queue_toml = "", const std::string& appended_toml = "");
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    // Creates a staff account through `antrean-server user add --password-stdin`.
    void add_user(const std::string& username, const std::string& role, const std::string& areas,
                  const std::string& password, const std::string& display_name = "");

    // Starts the server on `port` (0 = a free one) with `extra_args` after the usual ones
    // and waits until it listens.
    void start(int port = 0, const std::vector<std::string>& extra_args = {});
    // SIGTERM and wait: a clean stop.
    void stop();
    // SIGKILL and wait: a crash or a power cut as far as the process is concerned.
    void kill_hard();
    bool running() const { return pid_ > 0; }

    int port() const { return port_; }
    std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    const std::filesystem::path& dir() const { return dir_; }
    std::filesystem::path db_path() const { return dir_ / "antrean.db"; }
    std::filesystem::path log_path() const { return dir_ / "server.log"; }
    std::string log_text() const;

private:
    std::filesystem::path dir_;
    pid_t pid_ = -1;
    int port_ = 0;
};

}  // namespace antrean::testing
