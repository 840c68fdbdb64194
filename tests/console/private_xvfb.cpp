#include "console/private_xvfb.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <thread>

#include "kiosk/x_session.hpp"

namespace antrean::testing {
namespace {

using Clock = std::chrono::steady_clock;

// The descriptor number the child's Xvfb writes its display number to.
constexpr int kDisplayFd = 3;

}  // namespace

PrivateXvfb::~PrivateXvfb() {
    stop();
}

void PrivateXvfb::start(const std::filesystem::path& log_folder) {
    const auto xvfb = find_program("Xvfb");
    if (!xvfb) {
        throw std::runtime_error("Xvfb is not installed (Debian package xvfb)");
    }
    int channel[2];
    if (pipe(channel) != 0) {
        throw std::runtime_error("pipe() failed for Xvfb -displayfd");
    }
    const std::string log = (log_folder / "xvfb.log").string();
    const std::string fd_text = std::to_string(kDisplayFd);
    pid_ = fork();
    if (pid_ < 0) {
        throw std::runtime_error("fork failed for Xvfb");
    }
    if (pid_ == 0) {
        const int log_fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        if (log_fd >= 0) {
            dup2(log_fd, STDOUT_FILENO);
            dup2(log_fd, STDERR_FILENO);
        }
        dup2(channel[1], kDisplayFd);
        execl(xvfb->c_str(), "Xvfb", "-displayfd", fd_text.c_str(), "-screen", "0", "1920x1080x24", "-nolisten",
              "tcp", static_cast<char*>(nullptr));
        _exit(127);
    }
    close(channel[1]);

    // Xvfb writes the number it chose and a newline once it accepts connections.
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
        stop();
        throw std::runtime_error("Xvfb did not report a display number within 10 s; see " + log);
    }
    name_ = ":" + number.substr(0, number.find('\n'));

    const std::string xdotool = find_program("xdotool").value_or("/usr/bin/xdotool").string();
    while (Clock::now() < deadline) {
        if (run_command({xdotool, "getmouselocation"}, {{"DISPLAY", name_}}) == 0) {
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    stop();
    throw std::runtime_error("Xvfb " + name_ + " does not accept connections; see " + log);
}

void PrivateXvfb::stop() {
    if (pid_ <= 0) {
        return;
    }
    ::kill(pid_, SIGTERM);
    const auto deadline = Clock::now() + std::chrono::seconds(2);
    int status = 0;
    while (Clock::now() < deadline) {
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ::kill(pid_, SIGKILL);
    waitpid(pid_, &status, 0);
    pid_ = -1;
}

}  // namespace antrean::testing
