#include "office_process.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace antrean::replay {
namespace {

std::string read_text(const std::filesystem::path& path) {
    std::ifstream file(path);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

std::string replace_line(std::string text, const std::string& line,
                         const std::string& replacement) {
    const auto position = text.find(line);
    if (position == std::string::npos) {
        throw std::runtime_error("the shipped configuration has no line '" + line + "'");
    }
    return text.replace(position, line.size(), replacement);
}

}  // namespace

OfficeProcess::OfficeProcess(std::filesystem::path server_binary,
                             const std::filesystem::path& assets_dir, std::filesystem::path folder)
    : server_binary_(std::move(server_binary)), folder_(std::move(folder)) {
    if (std::filesystem::exists(folder_)) {
        throw std::runtime_error("office folder " + folder_.string() +
                                 " already exists: give a folder that does not exist yet");
    }
    std::filesystem::create_directories(folder_);
    std::filesystem::permissions(folder_, std::filesystem::perms::owner_all);

    // The shipped configuration with its opening hours enforced, so a walk-in ticket is
    // issued only while the simulated clock is inside them. The evidence channels are sample
    // values, which keeps the server's warning about empty channels out of the log.
    std::string config = read_text(assets_dir / "config" / "antrean.toml");
    config = replace_line(config, "whatsapp = \"\"", "whatsapp = \"0811-7000-0000\"");
    config = replace_line(config, "email = \"\"", "email = \"bukti.pengaduan@example.com\"");
    std::ofstream(folder_ / "antrean.toml") << config;
}

OfficeProcess::~OfficeProcess() {
    kill_hard();
}

void OfficeProcess::add_user(const std::string& username, const std::string& role,
                             const std::string& areas, const std::string& name,
                             const std::string& password) {
    std::string command = "'" + server_binary_.string() + "' user add --db '" +
                          (folder_ / "antrean.db").string() + "' --config '" +
                          (folder_ / "antrean.toml").string() + "' --username " + username +
                          " --role " + role + " --name '" + name + "' --password-stdin";
    if (!areas.empty())
        command += " --areas " + areas;
    command += " >> '" + (folder_ / "user-add.log").string() + "' 2>&1";
    FILE* pipe = popen(command.c_str(), "w");
    if (pipe == nullptr)
        throw std::runtime_error("cannot run " + command);
    std::fputs((password + "\n").c_str(), pipe);
    if (pclose(pipe) != 0) {
        throw std::runtime_error("antrean-server user add failed for " + username + ": " +
                                 read_text(folder_ / "user-add.log"));
    }
}

void OfficeProcess::start(const std::string& clock_start, double rate) {
    if (pid_ > 0)
        throw std::runtime_error("antrean-server already runs with pid " + std::to_string(pid_));
    // The log file is appended to across restarts, so only lines after this offset count.
    std::error_code ignored;
    const auto log_offset =
        std::filesystem::exists(log_path()) ? std::filesystem::file_size(log_path(), ignored) : 0;
    const std::string stderr_path = (folder_ / "server-stderr.log").string();
    const std::string rate_text = std::to_string(rate);
    std::fflush(nullptr);
    pid_ = fork();
    if (pid_ < 0)
        throw std::runtime_error("fork failed");
    if (pid_ == 0) {
        std::freopen(stderr_path.c_str(), "a", stderr);
        std::freopen("/dev/null", "w", stdout);
        execl(server_binary_.c_str(), "antrean-server", "--db", (folder_ / "antrean.db").c_str(),
              "--config", (folder_ / "antrean.toml").c_str(), "--listen", "127.0.0.1:0",
              "--log-file", log_path().c_str(), "--clock-start", clock_start.c_str(),
              "--clock-rate", rate_text.c_str(), static_cast<char*>(nullptr));
        std::_Exit(127);
    }

    const std::regex listening(R"(listening on http://127\.0\.0\.1:(\d+))");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < deadline) {
        const std::string whole_log = read_text(log_path());
        const std::string log = whole_log.substr(std::min<size_t>(log_offset, whole_log.size()));
        std::smatch match;
        if (std::regex_search(log, match, listening)) {
            if (log.find("SIMULATED CLOCK") == std::string::npos) {
                kill_hard();
                throw std::runtime_error(
                    "antrean-server started without the simulated-clock warning in " +
                    log_path().string());
            }
            port_ = std::stoi(match[1]);
            return;
        }
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            throw std::runtime_error("antrean-server exited at start; see " + stderr_path + ": " +
                                     read_text(stderr_path));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    kill_hard();
    throw std::runtime_error("antrean-server did not listen within 20 s; see " +
                             log_path().string());
}

void OfficeProcess::kill_hard() {
    if (pid_ <= 0)
        return;
    ::kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
}

}  // namespace antrean::replay
