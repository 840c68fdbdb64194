#include "sound/speech_synthesizer.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

extern char** environ;

namespace antrean::display::sound {
namespace {

tl::unexpected<Error> speech_failed(const std::string& program, std::string reason) {
    return fail(ErrorCode::Unavailable, "", "error.speech.failed",
                {{"program", program}, {"reason", std::move(reason)}});
}

// Closes a file descriptor when it goes out of scope.
class FileDescriptor {
public:
    explicit FileDescriptor(int fd = -1) : fd_(fd) {}
    ~FileDescriptor() { reset(); }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;

    int get() const { return fd_; }
    void reset() {
        if (fd_ >= 0) {
            ::close(fd_);
            fd_ = -1;
        }
    }

private:
    int fd_;
};

// Waits for the child and describes how it ended, or returns an empty text for exit 0.
std::string wait_for_exit(pid_t pid) {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
        return {};
    }
    if (WIFEXITED(status)) {
        return "exit status " + std::to_string(WEXITSTATUS(status));
    }
    if (WIFSIGNALED(status)) {
        return std::string("killed by signal ") + ::strsignal(WTERMSIG(status));
    }
    return "ended abnormally";
}

}  // namespace

std::string voice_for(const std::string& language_code) {
    return language_code == "en" ? "en" : "id";
}

Result<PcmAudio> synthesize_speech(const std::string& text, const std::string& voice,
                                   const SpeechOptions& options) {
    int pipe_ends[2];
    if (::pipe2(pipe_ends, O_CLOEXEC) != 0) {
        return speech_failed(options.program, std::string("pipe2: ") + std::strerror(errno));
    }
    FileDescriptor read_end(pipe_ends[0]);
    FileDescriptor write_end(pipe_ends[1]);

    // The child gets the pipe as standard output and /dev/null for the rest; espeak-ng's
    // warnings would only repeat what the exit status says.
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, write_end.get(), STDOUT_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);

    const std::string speed = std::to_string(options.words_per_minute);
    std::vector<char*> argv{const_cast<char*>(options.program.c_str()),
                            const_cast<char*>("-v"),
                            const_cast<char*>(voice.c_str()),
                            const_cast<char*>("-s"),
                            const_cast<char*>(speed.c_str()),
                            const_cast<char*>("--stdout"),
                            const_cast<char*>("--"),
                            const_cast<char*>(text.c_str()),
                            nullptr};
    pid_t pid = 0;
    const int spawn_error =
        ::posix_spawnp(&pid, options.program.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    write_end.reset();
    if (spawn_error == ENOENT) {
        return fail(ErrorCode::Unavailable, "", "error.speech.program_missing",
                    {{"program", options.program}});
    }
    if (spawn_error != 0) {
        return speech_failed(options.program, std::string("posix_spawnp: ") + std::strerror(spawn_error));
    }

    // Read the WAV until the child closes its end, within the time limit.
    std::vector<std::uint8_t> wav;
    const auto deadline = std::chrono::steady_clock::now() + options.timeout;
    std::uint8_t chunk[16384];
    while (true) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        pollfd ready{read_end.get(), POLLIN, 0};
        const int polled = left.count() > 0 ? ::poll(&ready, 1, static_cast<int>(left.count())) : 0;
        if (polled < 0 && errno == EINTR) {
            continue;
        }
        if (polled <= 0) {
            ::kill(pid, SIGKILL);
            wait_for_exit(pid);
            return fail(ErrorCode::Unavailable, "", "error.speech.timed_out",
                        {{"program", options.program},
                         {"milliseconds", std::to_string(options.timeout.count())}});
        }
        const ssize_t count = ::read(read_end.get(), chunk, sizeof(chunk));
        if (count < 0 && errno == EINTR) {
            continue;
        }
        if (count <= 0) {
            break;
        }
        wav.insert(wav.end(), chunk, chunk + count);
    }

    const std::string exit_problem = wait_for_exit(pid);
    if (!exit_problem.empty()) {
        return speech_failed(options.program, exit_problem);
    }
    return parse_wav(wav);
}

}  // namespace antrean::display::sound
