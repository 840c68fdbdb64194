#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>

#include "domain/types.hpp"

namespace antrean::replay {

// A fresh office folder (SQLite file, configuration, staff accounts, logs) and the real
// antrean-server running on it on a loopback port with a simulated clock.
class OfficeProcess {
  public:
    // Creates `folder`, which must not exist yet, with the shipped configuration from
    // `assets_dir`. Throws std::runtime_error naming the folder on failure.
    OfficeProcess(std::filesystem::path server_binary, const std::filesystem::path& assets_dir,
                  std::filesystem::path folder);
    // Kills a server that still runs.
    ~OfficeProcess();
    OfficeProcess(const OfficeProcess&) = delete;
    OfficeProcess& operator=(const OfficeProcess&) = delete;

    // Creates a staff account with `antrean-server user add --password-stdin`, as scripts/run
    // does. `areas` is comma separated, empty for a receptionist.
    void add_user(const std::string& username, const std::string& role, const std::string& areas,
                  const std::string& name, const std::string& password);

    // Starts the server on 127.0.0.1 with a free port and a clock that starts at
    // `clock_start` (RFC 3339) and runs `rate` times real time. Waits until it listens and
    // has logged the simulated-clock warning; throws std::runtime_error otherwise.
    void start(const std::string& clock_start, double rate);
    // SIGKILL and wait: what a power cut is to the process.
    void kill_hard();

    bool running() const { return pid_ > 0; }
    std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    const std::filesystem::path& folder() const { return folder_; }
    std::filesystem::path log_path() const { return folder_ / "server.log"; }

  private:
    std::filesystem::path server_binary_;
    std::filesystem::path folder_;
    pid_t pid_ = -1;
    int port_ = 0;
};

}  // namespace antrean::replay
