// bench_display_call_to_pixels: from an officer's call-next request to the wall display frame
// that shows the called ticket, and the wall display's idle cost.
//
// Starts its own Xvfb (1920x1080) and antrean-server on loopback, with one officer per desk.
// The display runs in this process, so that its frame observer can stamp the moment each
// frame has reached the X server (glFinish and XSync after the frame is copied to the
// window). An officer thread sends call-next requests round-robin over the desks at a fixed
// spacing, through cpp-httplib with TCP_NODELAY. With --api-client they go through
// antrean::ApiClient instead, whose requests took about 40 ms more here (Nagle's algorithm
// and a delayed ACK). The clock starts just before each request and stops at the first frame
// whose large panel, desk grid or recent list shows the called code. The same calls are measured
// twice: with the event stream (the display's normal mode) and with a display that polls
// GET /api/v1/board every 3 s (the baseline). Then the real antrean-display program runs
// idle for a while, and its CPU time and memory are read from /proc.

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <httplib.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <condition_variable>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

#include "app/display_app.hpp"
#include "bench_support.hpp"
#include "client/api_client.hpp"
#include "server_process.hpp"
#include "xvfb_support.hpp"

namespace {

using namespace antrean;
using bench::SteadyClock;

constexpr const char* kPassword = "bench-password-1";

struct Options {
    int calls = 200;
    int desks = 20;
    int spacing_ms = 200;
    double poll_seconds = 3.0;
    int idle_seconds = 30;
    bool skip_poll = false;
    bool skip_idle = false;
    bool api_client = false;
};

// A desk and the officer logged in at it.
struct Officer {
    DeskId desk;
    std::unique_ptr<ApiClient> client;
    std::unique_ptr<httplib::Client> connection;  // keep-alive with TCP_NODELAY, for call-next
    std::string token;
    std::optional<TicketId> current_ticket;
};

// Sends call-next for `officer` and returns the response body: {"ticket":{...}}.
nlohmann::json call_next(Officer& officer, bool through_api_client) {
    if (through_api_client) {
        auto called = officer.client->call_next(officer.desk);
        if (!called || called->body.is_null()) {
            throw std::runtime_error("call-next at desk " + officer.desk + " failed: " +
                                     (called ? std::string("nobody waiting") : bench::describe(called.error())));
        }
        return called->body;
    }
    const auto reply = officer.connection->Post("/api/v1/desks/" + officer.desk + "/call-next",
                                                {{"Authorization", "Bearer " + officer.token}}, "{}",
                                                "application/json");
    if (!reply || reply->status != 200) {
        throw std::runtime_error("call-next at desk " + officer.desk + " failed: " +
                                 (reply ? "HTTP " + std::to_string(reply->status) : httplib::to_string(reply.error())));
    }
    return nlohmann::json::parse(reply->body);
}

// The first frame on which each ticket code was visible.
class FrameLog {
public:
    void record(const display::FrameReport& report) {
        {
            const std::lock_guard lock(mutex_);
            ++frames_;
            for (const std::string& code : report.visible_codes) {
                first_seen_.emplace(code, report.shown_at);
            }
        }
        changed_.notify_all();
    }

    size_t frames() const {
        const std::lock_guard lock(mutex_);
        return frames_;
    }

    std::optional<SteadyClock::time_point> first_seen(const std::string& code) const {
        const std::lock_guard lock(mutex_);
        const auto found = first_seen_.find(code);
        if (found == first_seen_.end()) {
            return std::nullopt;
        }
        return found->second;
    }

    // Waits until every code in `codes` was seen, or `timeout` passes.
    void wait_for_all(const std::vector<std::string>& codes, std::chrono::milliseconds timeout) {
        std::unique_lock lock(mutex_);
        changed_.wait_for(lock, timeout, [&] {
            return std::all_of(codes.begin(), codes.end(),
                               [&](const std::string& code) { return first_seen_.count(code) > 0; });
        });
    }

private:
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    size_t frames_ = 0;
    std::map<std::string, SteadyClock::time_point> first_seen_;
};

struct ModeResult {
    bench::LatencySummary latency;
    bench::LatencySummary request;  // the call-next request until its response
    size_t calls = 0;
    size_t never_shown = 0;
};

[[noreturn]] void fail_run(const std::string& step, const Error& error) {
    throw std::runtime_error(step + " failed: " + bench::describe(error));
}

// Sends `options.calls` call-next requests while `app` runs on the main thread.
void run_officers(std::vector<Officer>& officers, const Options& options, display::DisplayApp& app,
                  FrameLog& frames, std::vector<std::pair<std::string, SteadyClock::time_point>>& sent,
                  std::vector<double>& request_micros) {
    // Let the display connect and draw its first board.
    while (frames.frames() == 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));

    auto next_call = SteadyClock::now();
    for (int i = 0; i < options.calls; ++i) {
        Officer& officer = officers[static_cast<size_t>(i) % officers.size()];
        // Free the desk first; not part of the measurement.
        if (officer.current_ticket) {
            if (auto freed = officer.client->ticket_action(*officer.current_ticket, "no-show"); !freed) {
                fail_run("no-show", freed.error());
            }
        }
        std::this_thread::sleep_until(next_call);
        next_call += std::chrono::milliseconds(options.spacing_ms);

        const auto started = SteadyClock::now();
        const nlohmann::json called = call_next(officer, options.api_client);
        request_micros.push_back(bench::micros_between(started, SteadyClock::now()));
        officer.current_ticket = called["ticket"]["id"].get<TicketId>();
        sent.emplace_back(called["ticket"]["code"].get<std::string>(), started);
    }

    std::vector<std::string> codes;
    for (const auto& [code, started] : sent) {
        codes.push_back(code);
    }
    frames.wait_for_all(codes, std::chrono::milliseconds(10'000 + static_cast<int>(options.poll_seconds * 2000)));
    app.request_stop();
}

ModeResult run_mode(const std::string& server_url, std::optional<std::chrono::milliseconds> poll,
                    std::vector<Officer>& officers, const Options& options,
                    display::DisplayResources& resources) {
    display::DisplayOptions display_options;
    display_options.server_url = server_url;
    display_options.fullscreen = true;
    display_options.mute = true;
    display_options.poll_interval = poll;

    display::DisplayApp app(display_options, resources);
    FrameLog frames;
    app.set_frame_observer([&](const display::FrameReport& report) { frames.record(report); });

    std::vector<std::pair<std::string, SteadyClock::time_point>> sent;
    std::vector<double> request_micros;
    std::exception_ptr officer_error;
    std::thread officer_thread([&] {
        try {
            run_officers(officers, options, app, frames, sent, request_micros);
        } catch (...) {
            officer_error = std::current_exception();
            app.request_stop();
        }
    });
    const int exit_code = app.run();
    officer_thread.join();
    if (officer_error) {
        std::rethrow_exception(officer_error);
    }
    if (exit_code != 0) {
        throw std::runtime_error("the display stopped with exit code " + std::to_string(exit_code));
    }

    ModeResult result;
    std::vector<double> samples;
    for (const auto& [code, started] : sent) {
        const auto shown = frames.first_seen(code);
        if (!shown) {
            ++result.never_shown;
            continue;
        }
        samples.push_back(bench::micros_between(started, *shown));
    }
    result.calls = sent.size();
    result.latency = bench::summarize(std::move(samples));
    result.request = bench::summarize(std::move(request_micros));
    return result;
}

// CPU ticks (user + system) of a process, from /proc/PID/stat.
long cpu_ticks(pid_t pid) {
    std::ifstream file("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    // The command name in brackets may contain spaces, so count fields after its ')'.
    std::istringstream fields(text.substr(text.rfind(')') + 2));
    std::string field;
    long user = 0;
    long system = 0;
    for (int index = 3; fields >> field; ++index) {
        if (index == 14) {
            user = std::stol(field);
        } else if (index == 15) {
            system = std::stol(field);
            break;
        }
    }
    return user + system;
}

// A "Name:   1234 kB" value of /proc/PID/status or smaps_rollup, in KiB.
long proc_kib(pid_t pid, const std::string& file_name, const std::string& name) {
    std::ifstream file("/proc/" + std::to_string(pid) + "/" + file_name);
    std::string line;
    while (std::getline(file, line)) {
        if (line.rfind(name + ":", 0) == 0) {
            return std::stol(line.substr(name.size() + 1));
        }
    }
    return -1;
}

struct IdleResult {
    double cpu_percent = 0;
    double xvfb_cpu_percent = 0;
    long rss_kib = 0;
    long peak_rss_kib = 0;
    long pss_anon_kib = 0;
};

// Leaves the board as an idle office has it: three officers serve a visitor each, and no
// call waits to be announced, so the display started next stays quiet.
void settle_board(std::vector<Officer>& officers) {
    for (Officer& officer : officers) {
        if (officer.current_ticket) {
            if (auto freed = officer.client->ticket_action(*officer.current_ticket, "no-show"); !freed) {
                fail_run("no-show", freed.error());
            }
            officer.current_ticket.reset();
        }
    }
    for (size_t i = 0; i < 3 && i < officers.size(); ++i) {
        auto called = officers[i].client->call_next(officers[i].desk);
        if (!called || called->body.is_null()) {
            fail_run("call-next", called ? Error() : called.error());
        }
        const auto id = called->body["ticket"]["id"].get<TicketId>();
        if (auto started = officers[i].client->ticket_action(id, "start"); !started) {
            fail_run("start", started.error());
        }
        officers[i].current_ticket = id;
    }
}

// Runs the real antrean-display with sound on OpenAL's silent device, waits 10 s for it to
// settle, then measures `seconds`.
IdleResult measure_idle(const display::testing::XvfbServer& xvfb, const std::string& server_url,
                        int seconds, const std::filesystem::path& log) {
    display::testing::ChildProcess program(
        {ANTREAN_DISPLAY_BINARY, "--server", server_url, "--fullscreen"},
        {{"DISPLAY", xvfb.display_name()}, {"ALSOFT_DRIVERS", "null"}}, log);
    std::this_thread::sleep_for(std::chrono::seconds(10));

    const long ticks_per_second = ::sysconf(_SC_CLK_TCK);
    const long display_before = cpu_ticks(program.pid());
    const long xvfb_before = cpu_ticks(xvfb.pid());
    std::this_thread::sleep_for(std::chrono::seconds(seconds));
    const long display_after = cpu_ticks(program.pid());
    const long xvfb_after = cpu_ticks(xvfb.pid());

    IdleResult result;
    const double window = static_cast<double>(seconds) * static_cast<double>(ticks_per_second);
    result.cpu_percent = 100.0 * static_cast<double>(display_after - display_before) / window;
    result.xvfb_cpu_percent = 100.0 * static_cast<double>(xvfb_after - xvfb_before) / window;
    result.rss_kib = proc_kib(program.pid(), "status", "VmRSS");
    result.peak_rss_kib = proc_kib(program.pid(), "status", "VmHWM");
    result.pss_anon_kib = proc_kib(program.pid(), "smaps_rollup", "Pss_Anon");
    if (!program.running()) {
        throw std::runtime_error("antrean-display exited during the idle measurement: " + program.output());
    }
    return result;
}

std::string mib(long kib) {
    return fmt::format("{:.1f} MiB", static_cast<double>(kib) / 1024.0);
}

// Runs both latency modes and the idle measurement on `xvfb` and prints the result block.
// Returns the exit code.
int run_benchmark(const Options& options, const display::testing::XvfbServer& xvfb) {
    // A server with one officer per desk and enough waiting tickets for both modes.
    testing::ServerProcess server("", testing::extra_desks_toml(options.desks - 3));
    for (int desk = 1; desk <= options.desks; ++desk) {
        server.add_user(fmt::format("officer{}", desk), "officer", "pbk,srg,plk,general", kPassword);
    }
    server.start();
    ApiClient reception(server.base_url());
    for (int i = 0; i < 2 * options.calls + options.desks; ++i) {
        const auto ticket = reception.check_in({{"visitor", {{"name", bench::visitor_name(i)}, {"phone", "0812 3456 7890"}}},
                                                {"area", "pbk"},
                                                {"purpose", "complaint"},
                                                {"consent", true}});
        if (!ticket) {
            fail_run("check-in", ticket.error());
        }
    }
    std::vector<Officer> officers;
    for (int desk = 1; desk <= options.desks; ++desk) {
        Officer officer{std::to_string(desk), std::make_unique<ApiClient>(server.base_url()),
                        bench::open_connection(server.base_url()), "", std::nullopt};
        auto login = officer.client->login(fmt::format("officer{}", desk), kPassword, officer.desk);
        if (!login) {
            fail_run("login", login.error());
        }
        officer.token = login->body["token"].get<std::string>();
        officers.push_back(std::move(officer));
    }

    display::DisplayOptions resource_options;
    resource_options.assets_dir = ANTREAN_ASSETS_DIR;
    resource_options.font_dir = display::render::kDefaultFontDirectory;
    resource_options.running_text_file = resource_options.assets_dir / "display" / "running-text.toml";
    std::unique_ptr<display::DisplayResources> resources = display::load_resources(resource_options);
    if (!resources) {
        return 1;
    }

    bench::ResultBlock block("wall display: call-next request to the frame that shows the code");
    block.add("workload", fmt::format("{} calls per mode, one every {} ms, round-robin over {} desks, sent "
                                  "through {}; Xvfb 1920x1080, display full screen",
                                  options.calls, options.spacing_ms, options.desks,
                                  options.api_client ? "antrean::ApiClient" : "cpp-httplib with TCP_NODELAY"));

    const ModeResult stream = run_mode(server.base_url(), std::nullopt, officers, options, *resources);
    block.add_latency("latency event stream", stream.latency);
    block.add_latency("call-next response alone", stream.request);
    block.add("never shown (event stream)", fmt::format("{} of {}", stream.never_shown, stream.calls));
    if (!options.skip_poll) {
        const auto interval = std::chrono::milliseconds(static_cast<long>(options.poll_seconds * 1000));
        const ModeResult polled = run_mode(server.base_url(), interval, officers, options, *resources);
        block.add_latency(fmt::format("latency polling every {} s", options.poll_seconds), polled.latency);
        block.add(fmt::format("never shown (polling every {} s)", options.poll_seconds),
                  fmt::format("{} of {}", polled.never_shown, polled.calls));
    }
    block.add("goal", "event stream p99 < 50 ms");

    if (!options.skip_idle) {
        settle_board(officers);
        bench::TempDir logs("antrean-bench-display-idle");
        const IdleResult idle = measure_idle(xvfb, server.base_url(), options.idle_seconds, logs.path() / "idle.log");
        block.add("idle CPU", fmt::format("{:.2f} % of one core over {} s (Xvfb itself: {:.2f} %)", idle.cpu_percent,
                                          options.idle_seconds, idle.xvfb_cpu_percent));
        block.add("idle memory", fmt::format("VmRSS {}, peak VmHWM {}, Pss_Anon {}", mib(idle.rss_kib),
                                             mib(idle.peak_rss_kib), mib(idle.pss_anon_kib)));
        block.add("goal", "idle CPU <= 2 % of one core, RSS <= 120 MB");
    }
    block.print();
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    CLI::App app{"Measures the wall display's call-to-pixels latency against a 3 s polling "
                 "baseline, and its idle CPU and memory"};
    app.add_option("--calls", options.calls, "calls measured per mode")->capture_default_str()->check(CLI::Range(1, 2000));
    app.add_option("--desks", options.desks, "desks, one officer each; a desk's call stays on screen this many calls")
        ->capture_default_str()->check(CLI::Range(3, 24));
    app.add_option("--spacing-ms", options.spacing_ms, "time between two calls")->capture_default_str()->check(CLI::Range(10, 10'000));
    app.add_option("--poll-seconds", options.poll_seconds, "interval of the polling baseline")->capture_default_str();
    app.add_option("--idle-seconds", options.idle_seconds, "length of the idle measurement")->capture_default_str()->check(CLI::Range(5, 600));
    app.add_flag("--skip-poll", options.skip_poll, "leave out the polling baseline");
    app.add_flag("--skip-idle", options.skip_idle, "leave out the idle measurement");
    app.add_flag("--api-client", options.api_client,
                 "send call-next through antrean::ApiClient instead of cpp-httplib with TCP_NODELAY");
    CLI11_PARSE(app, argc, argv);
    spdlog::set_level(spdlog::level::warn);

    // SFML keeps its X connection open until the process ends and would report the end of
    // Xvfb as a fatal X error, so the program leaves with _Exit right after stopping Xvfb.
    int exit_code = 1;
    try {
        bench::TempDir folder("antrean-bench-display");
        auto xvfb = std::make_unique<display::testing::XvfbServer>(1920, 1080, folder.path() / "xvfb.log");
        ::setenv("DISPLAY", xvfb->display_name().c_str(), 1);
        exit_code = run_benchmark(options, *xvfb);
        std::fflush(stdout);
        xvfb.reset();
    } catch (const std::exception& error) {
        std::fprintf(stderr, "bench_display_call_to_pixels: %s\n", error.what());
    }
    std::fflush(stderr);
    std::_Exit(exit_code);
}
