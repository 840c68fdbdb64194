#include "x_session.hpp"

#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace antrean::testing {
namespace {

using Clock = std::chrono::steady_clock;

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

pid_t spawn(const std::vector<std::string>& argv, const std::map<std::string, std::string>& extra_environment,
            const std::filesystem::path& log_file) {
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

    const pid_t pid = fork();
    if (pid < 0) {
        throw std::runtime_error("fork failed for " + argv.front());
    }
    if (pid == 0) {
        const int fd = log_file.empty() ? ::open("/dev/null", O_WRONLY)
                                        : ::open(log_file.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        if (fd >= 0) {
            dup2(fd, STDOUT_FILENO);
            dup2(fd, STDERR_FILENO);
            close(fd);
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
        throw std::runtime_error("Xvfb is not installed");
    }
    // Parallel test processes pick different numbers: the first whose lock file is absent,
    // and the next one when Xvfb loses a race for it.
    for (int display = 90; display < 190; ++display) {
        if (std::filesystem::exists("/tmp/.X" + std::to_string(display) + "-lock")) {
            continue;
        }
        name_ = ":" + std::to_string(display);
        std::vector<std::string> argv{xvfb->string(), name_, "-screen", "0", "1920x1080x24", "-nolisten", "tcp"};
        if (outlive_clients) {
            argv.insert(argv.end(), {"-terminate", "3"});
        }
        process_.start(argv, {}, log_folder / ("xvfb" + std::to_string(display) + ".log"));
        const std::filesystem::path socket = "/tmp/.X11-unix/X" + std::to_string(display);
        const auto deadline = Clock::now() + std::chrono::seconds(10);
        while (Clock::now() < deadline && process_.running()) {
            if (std::filesystem::exists(socket) &&
                run_command({find_program("xdotool").value_or("/usr/bin/xdotool").string(), "getmouselocation"},
                            {{"DISPLAY", name_}}) == 0) {
                return;
            }
            sleep_ms(50);
        }
        process_.stop();
    }
    throw std::runtime_error("no free X display number between :90 and :189 for Xvfb");
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
