#include "x_session.hpp"

#include <doctest/doctest.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <fcntl.h>
#include <poll.h>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace antrean::testing {
namespace {

using Clock = std::chrono::steady_clock;

// The descriptor number on which a child receives a pipe from spawn(); Xvfb writes its
// display number there.
constexpr int kPassedFd = 3;

void sleep_ms(int milliseconds) {
    std::this_thread::sleep_for(std::chrono::milliseconds(milliseconds));
}

// Builds the child's environment: this process's, with `extra` set on top.
std::vector<std::string> make_environment(const std::map<std::string, std::string>& extra) {
    std::vector<std::string> entries;
    for (char** entry = environ; *entry != nullptr; ++entry) {
        const std::string text(*entry);
        const std::string key = text.substr(0, text.find('='));
        if (extra.count(key) == 0) {
            entries.push_back(text);
        }
    }
    for (const auto& [key, value] : extra) {
        entries.push_back(key + "=" + value);
    }
    return entries;
}

// Starts `argv` with output to `log_file` (or nowhere). A `passed_fd` of 0 or more is
// handed to the child as descriptor kPassedFd.
pid_t spawn(const std::vector<std::string>& argv, const std::map<std::string, std::string>& extra_environment,
            const std::filesystem::path& log_file, int passed_fd = -1) {
    std::vector<std::string> environment = make_environment(extra_environment);
    std::vector<char*> arguments;
    for (const std::string& argument : argv) {
        arguments.push_back(const_cast<char*>(argument.c_str()));
    }
    arguments.push_back(nullptr);
    std::vector<char*> variables;
    for (const std::string& variable : environment) {
        variables.push_back(const_cast<char*>(variable.c_str()));
    }
    variables.push_back(nullptr);

    const pid_t parent = getpid();
    const pid_t pid = fork();
    if (pid < 0) {
        throw std::runtime_error("fork failed for " + argv.front());
    }
    if (pid == 0) {
        // The child ends with this process, so a test or a demo that dies leaves no Xvfb
        // or window behind.
        prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (getppid() != parent) {
            _exit(127);
        }
        const int fd = log_file.empty() ? ::open("/dev/null", O_WRONLY)
                                        : ::open(log_file.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        if (fd >= 0) {
            dup2(fd, STDOUT_FILENO);
            dup2(fd, STDERR_FILENO);
            close(fd);
        }
        if (passed_fd >= 0) {
            dup2(passed_fd, kPassedFd);
        }
        execve(arguments[0], arguments.data(), variables.data());
        _exit(127);
    }
    return pid;
}

}  // namespace

std::optional<std::filesystem::path> find_program(const std::string& program) {
    const char* path = std::getenv("PATH");
    std::stringstream folders(path != nullptr ? path : "/usr/bin:/bin");
    std::string folder;
    while (std::getline(folders, folder, ':')) {
        const std::filesystem::path candidate = std::filesystem::path(folder) / program;
        if (access(candidate.c_str(), X_OK) == 0) {
            return candidate;
        }
    }
    return std::nullopt;
}

ChildProcess::~ChildProcess() {
    stop(std::chrono::milliseconds(500));
}

void ChildProcess::start(const std::vector<std::string>& argv,
                         const std::map<std::string, std::string>& extra_environment,
                         const std::filesystem::path& log_file) {
    pid_ = spawn(argv, extra_environment, log_file);
}

void ChildProcess::start_with_fd(const std::vector<std::string>& argv, const std::filesystem::path& log_file,
                                 int passed_fd) {
    pid_ = spawn(argv, {}, log_file, passed_fd);
}

bool ChildProcess::running() {
    if (pid_ <= 0) {
        return false;
    }
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return false;
    }
    return true;
}

void ChildProcess::stop(std::chrono::milliseconds grace) {
    if (pid_ <= 0) {
        return;
    }
    ::kill(pid_, SIGTERM);
    const auto deadline = Clock::now() + grace;
    while (Clock::now() < deadline) {
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            return;
        }
        sleep_ms(20);
    }
    ::kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
}

int run_command(const std::vector<std::string>& argv, const std::map<std::string, std::string>& extra_environment) {
    const pid_t pid = spawn(argv, extra_environment, "");
    int status = 0;
    if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) {
        return -1;
    }
    return WEXITSTATUS(status);
}

XvfbDisplay::~XvfbDisplay() {
    stop();
}

void XvfbDisplay::start(const std::filesystem::path& log_folder, bool outlive_clients) {
    outlive_clients_ = outlive_clients;
    const auto xvfb = find_program("Xvfb");
    if (!xvfb) {
        throw std::runtime_error("Xvfb is not installed (Debian package xvfb)");
    }
    int channel[2];
    if (pipe(channel) != 0) {
        throw std::runtime_error("pipe() failed for Xvfb -displayfd");
    }
    // Xvfb picks a free display number itself and writes it to the pipe, so tests that run
    // in parallel never share a display. Each start gets its own log file.
    static int started = 0;
    const std::filesystem::path log =
        log_folder / ("xvfb-" + std::to_string(getpid()) + "-" + std::to_string(++started) + ".log");
    std::vector<std::string> argv{xvfb->string(), "-displayfd", std::to_string(kPassedFd), "-screen", "0",
                                  "1920x1080x24", "-nolisten", "tcp"};
    if (outlive_clients) {
        argv.insert(argv.end(), {"-terminate", "3"});
    }
    try {
        process_.start_with_fd(argv, log, channel[1]);
    } catch (...) {
        close(channel[0]);
        close(channel[1]);
        throw;
    }
    close(channel[1]);

    // Xvfb writes the number and a newline once it accepts connections.
    std::string number;
    const auto deadline = Clock::now() + std::chrono::seconds(10);
    while (Clock::now() < deadline && number.find('\n') == std::string::npos) {
        pollfd ready{channel[0], POLLIN, 0};
        if (poll(&ready, 1, 100) <= 0) {
            continue;
        }
        char buffer[16];
        const ssize_t count = read(channel[0], buffer, sizeof buffer);
        if (count <= 0) {
            break;
        }
        number.append(buffer, static_cast<size_t>(count));
    }
    close(channel[0]);
    if (number.find('\n') == std::string::npos) {
        process_.stop();
        throw std::runtime_error("Xvfb did not report a display number within 10 s; see " + log.string());
    }
    name_ = ":" + number.substr(0, number.find('\n'));

    const std::string xdotool = find_program("xdotool").value_or("/usr/bin/xdotool").string();
    while (Clock::now() < deadline) {
        if (run_command({xdotool, "getmouselocation"}, {{"DISPLAY", name_}}) == 0) {
            return;
        }
        sleep_ms(50);
    }
    process_.stop();
    throw std::runtime_error("Xvfb " + name_ + " does not accept connections; see " + log.string());
}

void XvfbDisplay::stop() {
    if (outlive_clients_) {
        process_.release();
        return;
    }
    process_.stop();
}

KioskDriver::KioskDriver(std::filesystem::path layout_file, std::string display)
    : layout_file_(std::move(layout_file)), display_(std::move(display)) {}

nlohmann::json KioskDriver::frame() const {
    std::ifstream file(layout_file_);
    if (!file) {
        return nullptr;
    }
    std::stringstream text;
    text << file.rdbuf();
    nlohmann::json frame = nlohmann::json::parse(text.str(), nullptr, false);
    return frame.is_discarded() ? nlohmann::json(nullptr) : frame;
}

std::optional<ScreenRect> KioskDriver::find(const std::string& id) const {
    const nlohmann::json current = frame();
    if (!current.is_object()) {
        return std::nullopt;
    }
    for (const nlohmann::json& item : current["items"]) {
        if (item["id"] == id) {
            return ScreenRect{current["window"]["x"].get<double>() + item["x"].get<double>(),
                              current["window"]["y"].get<double>() + item["y"].get<double>(), item["w"].get<double>(),
                              item["h"].get<double>()};
        }
    }
    return std::nullopt;
}

bool KioskDriver::wait_for(const std::string& screen, const std::string& id, std::chrono::milliseconds timeout,
                           bool enabled) const {
    const auto deadline = Clock::now() + timeout;
    while (Clock::now() < deadline) {
        const nlohmann::json current = frame();
        if (current.is_object() && current["screen"] == screen) {
            for (const nlohmann::json& item : current["items"]) {
                if (item["id"] == id && (!enabled || item["enabled"] == true)) {
                    return true;
                }
            }
        }
        sleep_ms(30);
    }
    return false;
}

bool KioskDriver::wait_until_gone(const std::string& id, std::chrono::milliseconds timeout) const {
    const auto deadline = Clock::now() + timeout;
    while (Clock::now() < deadline) {
        if (frame().is_object() && !find(id)) {
            return true;
        }
        sleep_ms(50);
    }
    return false;
}

void KioskDriver::tap(const std::string& id) const {
    const std::optional<ScreenRect> rect = find(id);
    REQUIRE_MESSAGE(rect.has_value(), "nothing to tap with id " << id << " on screen " << frame().value("screen", ""));
    const long x = std::lround(rect->x + rect->w / 2);
    const long y = std::lround(rect->y + rect->h / 2);
    const int status = run_command({find_program("xdotool").value_or("/usr/bin/xdotool").string(), "mousemove",
                                    std::to_string(x), std::to_string(y), "click", "1"},
                                   {{"DISPLAY", display_}});
    REQUIRE_MESSAGE(status == 0, "xdotool failed to tap " << id);
}

}  // namespace antrean::testing
