#include "server_process.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace antrean::testing {
namespace {

std::string read_file(const std::filesystem::path& path) {
    std::ifstream file(path);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

}  // namespace

std::string extra_desks_toml(int count, int first_id) {
    std::string toml;
    for (int id = first_id; id < first_id + count; ++id) {
        toml += "\n[[desks]]\nid = \"" + std::to_string(id) + "\"\nname = \"Meja " + std::to_string(id) +
                "\"\nlocation = \"Lantai 2\"\n";
    }
    return toml;
}

ServerProcess::ServerProcess(const std::string& extra_queue_toml, const std::string& appended_toml) {
    std::string pattern = (std::filesystem::temp_directory_path() / "antrean-test-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
        throw std::runtime_error("mkdtemp failed for " + pattern);
    }
    dir_ = pattern;
    std::string config = read_file(std::filesystem::path(ANTREAN_ASSETS_DIR) / "config" / "antrean.toml");
    config = std::regex_replace(config, std::regex("enforce_opening_hours = true"),
                                "enforce_opening_hours = false\n" + extra_queue_toml);
    config += "\n" + appended_toml;
    std::ofstream(dir_ / "antrean.toml") << config;
}

ServerProcess::~ServerProcess() {
    if (pid_ > 0) kill_hard();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
}

void ServerProcess::add_user(const std::string& username, const std::string& role, const std::string& areas,
                             const std::string& password, const std::string& display_name) {
    std::string command = std::string(ANTREAN_SERVER_BINARY) + " user add --db '" + db_path().string() +
                          "' --config '" + (dir_ / "antrean.toml").string() + "' --username " + username +
                          " --role " + role + " --password-stdin";
    if (!areas.empty()) command += " --areas " + areas;
    if (!display_name.empty()) command += " --name '" + display_name + "'";
    command += " >> '" + (dir_ / "user-add.log").string() + "' 2>&1";
    FILE* pipe = popen(command.c_str(), "w");
    if (pipe == nullptr) throw std::runtime_error("cannot run " + command);
    std::fputs((password + "\n").c_str(), pipe);
    if (pclose(pipe) != 0) {
        throw std::runtime_error("user add failed for " + username + ": " + read_file(dir_ / "user-add.log"));
    }
}

void ServerProcess::start(int port, const std::vector<std::string>& extra_args) {
    if (pid_ > 0) throw std::runtime_error("server already running");
    std::filesystem::remove(log_path());
    const std::string listen = "127.0.0.1:" + std::to_string(port);
    const std::string stderr_path = (dir_ / "stderr.log").string();
    // The arguments are built before the fork: the child of a threaded process should not
    // allocate.
    std::vector<std::string> args{"antrean-server", "--db",     db_path().string(), "--config",
                                  (dir_ / "antrean.toml").string(), "--listen", listen, "--log-file",
                                  log_path().string()};
    args.insert(args.end(), extra_args.begin(), extra_args.end());
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    // The child gets a copy of unflushed stdio buffers, and its freopen() would write them
    // a second time.
    std::fflush(nullptr);
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
        std::freopen(stderr_path.c_str(), "a", stderr);
        std::freopen("/dev/null", "w", stdout);
        execv(ANTREAN_SERVER_BINARY, argv.data());
        std::_Exit(127);
    }
    // The server logs the bound port once it listens; port 0 makes that the only way to learn it.
    const std::regex listening(R"(listening on http://127\.0\.0\.1:(\d+))");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
    while (std::chrono::steady_clock::now() < deadline) {
        std::smatch match;
        const std::string log = log_text();
        if (std::regex_search(log, match, listening)) {
            port_ = std::stoi(match[1]);
            return;
        }
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            throw std::runtime_error("antrean-server exited at start: " + read_file(stderr_path));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    kill_hard();
    throw std::runtime_error("antrean-server did not start listening within 15 s: " + read_file(stderr_path));
}

void ServerProcess::stop() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
}

void ServerProcess::kill_hard() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
}

std::string ServerProcess::log_text() const { return read_file(log_path()); }

}  // namespace antrean::testing
