#include "services/ticket_printer.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace antrean::kiosk {
namespace {

bool is_under_dev(const std::filesystem::path& path) {
    const std::filesystem::path absolute = std::filesystem::absolute(path).lexically_normal();
    auto it = absolute.begin();
    return it != absolute.end() && ++it != absolute.end() && *it == "dev";
}

std::string system_error(const std::filesystem::path& path, const char* action) {
    return std::string(action) + " " + path.string() + " failed: " + std::strerror(errno);
}

}  // namespace

PrintOutcome write_to_printer(const std::filesystem::path& path, const std::vector<std::uint8_t>& bytes) {
    std::error_code error;
    const bool exists = std::filesystem::exists(path, error);
    if (!exists && is_under_dev(path)) {
        return {PrintStatus::Missing, "printer device " + path.string() + " does not exist"};
    }

    const int flags = O_WRONLY | O_APPEND | O_NOCTTY | O_CLOEXEC | (exists ? 0 : O_CREAT);
    const int fd = ::open(path.c_str(), flags, 0644);
    if (fd < 0) {
        const PrintStatus status = errno == ENOENT ? PrintStatus::Missing : PrintStatus::Failed;
        return {status, system_error(path, "opening")};
    }

    size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t count = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (count < 0) {
            if (errno == EINTR) {
                continue;
            }
            PrintOutcome outcome{PrintStatus::Failed, system_error(path, "writing to")};
            ::close(fd);
            return outcome;
        }
        written += static_cast<size_t>(count);
    }
    if (::close(fd) != 0) {
        return {PrintStatus::Failed, system_error(path, "closing")};
    }
    return {PrintStatus::Printed, ""};
}

}  // namespace antrean::kiosk
