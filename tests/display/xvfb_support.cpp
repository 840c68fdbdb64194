#include "xvfb_support.hpp"

#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <thread>

// Xlib last: its macros (None, Status, Bool) would break the headers above.
#include <X11/Xlib.h>
#include <X11/Xutil.h>

extern char** environ;

namespace antrean::display::testing {
namespace {

bool program_in_path(const std::string& name) {
    const char* path = std::getenv("PATH");
    std::stringstream folders(path != nullptr ? path : "");
    std::string folder;
    while (std::getline(folders, folder, ':')) {
        if (!folder.empty() && ::access((folder + "/" + name).c_str(), X_OK) == 0) {
            return true;
        }
    }
    return false;
}

// Returns the lowest bit set in `mask`, to turn an X visual's colour mask into a shift.
int mask_shift(unsigned long mask) {
    int shift = 0;
    while (mask != 0 && (mask & 1u) == 0) {
        mask >>= 1;
        ++shift;
    }
    return shift;
}

}  // namespace

bool xvfb_installed() {
    return program_in_path("Xvfb");
}

int free_tcp_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof(address);
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        throw std::runtime_error("cannot find a free TCP port on 127.0.0.1");
    }
    const int port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

TempFolder::TempFolder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "antrean-display-test-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
        throw std::runtime_error("mkdtemp failed for " + pattern);
    }
    path_ = pattern;
}

TempFolder::~TempFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

ChildProcess::ChildProcess(const std::vector<std::string>& arguments,
                           const std::map<std::string, std::string>& environment,
                           const std::filesystem::path& output_file)
    : output_file_(output_file) {
    // The environment: this process's, with the given entries replaced or added.
    std::map<std::string, std::string> merged;
    for (char** entry = environ; *entry != nullptr; ++entry) {
        const std::string text = *entry;
        const size_t equals = text.find('=');
        if (equals != std::string::npos) {
            merged[text.substr(0, equals)] = text.substr(equals + 1);
        }
    }
    for (const auto& [name, value] : environment) {
        merged[name] = value;
    }
    std::vector<std::string> entries;
    for (const auto& [name, value] : merged) {
        entries.push_back(name + "=" + value);
    }
    std::vector<char*> envp;
    for (std::string& entry : entries) {
        envp.push_back(entry.data());
    }
    envp.push_back(nullptr);
    std::vector<std::string> argument_copies = arguments;
    std::vector<char*> argv;
    for (std::string& argument : argument_copies) {
        argv.push_back(argument.data());
    }
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, output_file.c_str(),
                                     O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    const int error = ::posix_spawnp(&pid_, argv[0], &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (error != 0) {
        pid_ = -1;
        throw std::runtime_error("cannot start " + arguments.front() + ": " + std::strerror(error));
    }
}

ChildProcess::~ChildProcess() {
    stop();
}

int ChildProcess::wait_for_exit(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (pid_ > 0) {
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            exit_status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            break;
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            return -1;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return exit_status_;
}

bool ChildProcess::running() {
    return wait_for_exit(std::chrono::milliseconds(0)) == -1 && pid_ > 0;
}

void ChildProcess::stop() {
    if (pid_ <= 0) {
        return;
    }
    ::kill(pid_, SIGTERM);
    if (wait_for_exit(std::chrono::seconds(5)) == -1 && pid_ > 0) {
        ::kill(pid_, SIGKILL);
        wait_for_exit(std::chrono::seconds(5));
    }
}

std::string ChildProcess::output() const {
    std::ifstream file(output_file_);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

XvfbServer::XvfbServer(unsigned width, unsigned height, const std::filesystem::path& log_file) {
    const std::string screen = std::to_string(width) + "x" + std::to_string(height) + "x24";
    for (int number = 90; number < 250; ++number) {
        const std::string socket = "/tmp/.X11-unix/X" + std::to_string(number);
        const std::string lock = "/tmp/.X" + std::to_string(number) + "-lock";
        if (std::filesystem::exists(socket) || std::filesystem::exists(lock)) {
            continue;
        }
        const std::string name = ":" + std::to_string(number);
        auto process = std::make_unique<ChildProcess>(
            std::vector<std::string>{"Xvfb", name, "-screen", "0", screen, "-nolisten", "tcp"},
            std::map<std::string, std::string>{}, log_file);

        // Ready once the lock file names this Xvfb and its socket exists. Another X server that
        // took the number first owns the lock, and this Xvfb then exits.
        const auto owns_display = [&] {
            std::ifstream lock_file(lock);
            pid_t owner = -1;
            lock_file >> owner;
            return owner == process->pid() && std::filesystem::exists(socket);
        };
        const bool ready =
            wait_until([&] { return owns_display() || !process->running(); }, std::chrono::seconds(10));
        if (ready && process->running() && owns_display()) {
            display_name_ = name;
            process_ = std::move(process);
            return;
        }
    }
    throw std::runtime_error("cannot start Xvfb on any display from :90 to :249");
}

XvfbServer::~XvfbServer() {
    process_.reset();
}

sf::Image XvfbServer::grab_screen() const {
    ::Display* display = XOpenDisplay(display_name_.c_str());
    if (display == nullptr) {
        throw std::runtime_error("cannot open X display " + display_name_);
    }
    const ::Window root = DefaultRootWindow(display);
    XWindowAttributes attributes;
    XGetWindowAttributes(display, root, &attributes);
    XImage* image = XGetImage(display, root, 0, 0, static_cast<unsigned>(attributes.width),
                              static_cast<unsigned>(attributes.height), AllPlanes, ZPixmap);
    if (image == nullptr) {
        XCloseDisplay(display);
        throw std::runtime_error("XGetImage failed on " + display_name_);
    }

    const int red_shift = mask_shift(image->red_mask);
    const int green_shift = mask_shift(image->green_mask);
    const int blue_shift = mask_shift(image->blue_mask);
    sf::Image result;
    result.create(static_cast<unsigned>(attributes.width), static_cast<unsigned>(attributes.height));
    for (int y = 0; y < attributes.height; ++y) {
        for (int x = 0; x < attributes.width; ++x) {
            const unsigned long pixel = XGetPixel(image, x, y);
            result.setPixel(static_cast<unsigned>(x), static_cast<unsigned>(y),
                            sf::Color(static_cast<sf::Uint8>((pixel & image->red_mask) >> red_shift),
                                      static_cast<sf::Uint8>((pixel & image->green_mask) >> green_shift),
                                      static_cast<sf::Uint8>((pixel & image->blue_mask) >> blue_shift)));
        }
    }
    XDestroyImage(image);
    XCloseDisplay(display);
    return result;
}

size_t count_pixels(const sf::Image& image, const layout::Rect& box, const sf::Color& color, int tolerance) {
    const sf::Vector2u size = image.getSize();
    const auto left = static_cast<unsigned>(std::max(0.0f, box.x));
    const auto top = static_cast<unsigned>(std::max(0.0f, box.y));
    const auto right = std::min(size.x, static_cast<unsigned>(std::max(0.0f, box.right())));
    const auto bottom = std::min(size.y, static_cast<unsigned>(std::max(0.0f, box.bottom())));
    size_t count = 0;
    for (unsigned y = top; y < bottom; ++y) {
        for (unsigned x = left; x < right; ++x) {
            const sf::Color pixel = image.getPixel(x, y);
            if (std::abs(pixel.r - color.r) <= tolerance && std::abs(pixel.g - color.g) <= tolerance &&
                std::abs(pixel.b - color.b) <= tolerance) {
                ++count;
            }
        }
    }
    return count;
}

bool wait_until(const std::function<bool()>& condition, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
        if (condition()) {
            return true;
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}

}  // namespace antrean::display::testing
