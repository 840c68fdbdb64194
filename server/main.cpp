// antrean-server: the queue server, and its account administration commands.
#include <CLI/CLI.hpp>
#include <sodium.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <condition_variable>
#include <csignal>
#include <iostream>
#include <memory>
#include <thread>

#include "auth/accounts.hpp"
#include "cli/user_command.hpp"
#include "engine/appointments.hpp"
#include "engine/retention.hpp"
#include "http/http_server.hpp"
#include "storage/records.hpp"

namespace {

using namespace antrean;
using namespace antrean::server;

struct ServeOptions {
    std::string db_path;
    std::string listen = "127.0.0.1:8080";
    std::string config_path;
    std::string log_file;
    // Simulated clock for a replay of an office day. Without --clock-start and --clock-rate
    // the server runs on the system clock.
    std::string clock_start;
    double clock_rate = 1.0;
    bool clock_rate_given = false;
};

void setup_logging(const std::string& log_file) {
    std::vector<spdlog::sink_ptr> sinks{std::make_shared<spdlog::sinks::stderr_color_sink_mt>()};
    if (!log_file.empty()) {
        sinks.push_back(std::make_shared<spdlog::sinks::basic_file_sink_mt>(log_file));
    }
    auto logger = std::make_shared<spdlog::logger>("antrean", sinks.begin(), sinks.end());
    logger->flush_on(spdlog::level::info);
    spdlog::set_default_logger(logger);
    spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e%z %l %v");
}

Result<std::pair<std::string, int>> parse_listen(const std::string& text) {
    const auto colon = text.rfind(':');
    if (colon == std::string::npos) {
        return fail(ErrorCode::InvalidInput, "listen", "cli.listen_format");
    }
    try {
        const int port = std::stoi(text.substr(colon + 1));
        if (port < 0 || port > 65535) throw std::out_of_range("port");
        return std::pair{text.substr(0, colon), port};
    } catch (const std::exception&) {
        return fail(ErrorCode::InvalidInput, "listen", "cli.listen_format");
    }
}

// Loads the configuration, reporting which file is used and why.
std::optional<ServerConfig> load_server_config(const std::string& config_path) {
    const std::filesystem::path path = config_path.empty() ? default_config_path() : std::filesystem::path(config_path);
    if (config_path.empty()) {
        spdlog::info("no --config given: using the shipped default configuration {}", path.string());
    }
    auto config = load_config(path);
    if (!config) {
        const Error& error = config.error();
        spdlog::critical("configuration {} is invalid at '{}': {}", path.string(), error.field,
                         error.params.count("problem") ? error.params.at("problem") : error.message_key);
        return std::nullopt;
    }
    if (config->evidence_whatsapp.empty() || config->evidence_email.empty()) {
        spdlog::warn("evidence.whatsapp or evidence.email is empty in {}: officers cannot give "
                     "complainants the evidence channels after a referral", path.string());
    }
    return *config;
}

// Builds the clock the server runs on: the system clock, or a CompressedClock when
// --clock-start or --clock-rate is given. Creating it before anything else is loaded keeps
// the simulated time close to the start time that a replay passes. Returns nullptr and
// logs why when an option is invalid.
std::unique_ptr<Clock> make_clock(const ServeOptions& options) {
    if (options.clock_start.empty() && !options.clock_rate_given) {
        return std::make_unique<SystemClock>();
    }
    TimestampMs start = SystemClock().now();
    if (!options.clock_start.empty()) {
        auto parsed = parse_rfc3339(options.clock_start);
        if (!parsed) {
            spdlog::critical("--clock-start '{}' is invalid: give an RFC 3339 time with an offset, "
                             "for example 2026-12-07T08:00:00+07:00",
                             options.clock_start);
            return nullptr;
        }
        start = *parsed;
    }
    try {
        return std::make_unique<CompressedClock>(start, options.clock_rate);
    } catch (const std::invalid_argument& error) {
        spdlog::critical("--clock-rate: {}", error.what());
        return nullptr;
    }
}

std::filesystem::path assets_dir() {
    if (const char* assets = std::getenv("ANTREAN_ASSETS_DIR")) return assets;
    return ANTREAN_ASSETS_DIR_PATH;
}

int serve(const ServeOptions& options) {
    setup_logging(options.log_file);
    std::unique_ptr<Clock> clock = make_clock(options);
    if (!clock) return 2;
    auto config = load_server_config(options.config_path);
    if (!config) return 2;
    auto office_time = OfficeTime::create(config->time_zone);
    if (!office_time) {
        spdlog::critical("time zone '{}' is not in the system tz database; install tzdata or fix office.time_zone",
                         config->time_zone);
        return 2;
    }
    auto listen = parse_listen(options.listen);
    if (!listen) {
        spdlog::critical("--listen '{}' must be HOST:PORT, for example 127.0.0.1:8080", options.listen);
        return 2;
    }
    auto catalog = Catalog::load_directory(assets_dir() / "i18n");
    if (!catalog) {
        spdlog::critical("translations in {} could not be loaded: {}", (assets_dir() / "i18n").string(),
                         describe_untranslated(catalog.error()));
        return 2;
    }

    const std::filesystem::path db_path =
        options.db_path.empty() ? std::filesystem::current_path() / "antrean.db" : std::filesystem::path(options.db_path);
    if (options.db_path.empty()) {
        spdlog::info("no --db given: using {}", db_path.string());
    }
    Store store;
    auto db = Database::open(db_path);
    if (!db) {
        spdlog::critical("cannot open database {}: {}", db_path.string(), describe_untranslated(db.error()));
        return 2;
    }
    store.db = std::move(*db);
    if (auto migrated = migrate(*store.db); !migrated) {
        spdlog::critical("database {} cannot be migrated: {}", db_path.string(), describe_untranslated(migrated.error()));
        return 2;
    }

    if (const auto* simulated = dynamic_cast<const CompressedClock*>(clock.get())) {
        // A restarted replay must not store times before those of its first part.
        const TimestampMs newest = records::newest_event_time(*store.db);
        if (newest > simulated->now()) {
            spdlog::warn("--clock-start {} is earlier than the newest stored event at {}; the simulated clock "
                         "starts at {} so that no record goes back in time",
                         office_time->rfc3339(simulated->start()), office_time->rfc3339(newest),
                         office_time->rfc3339(newest));
            clock = std::make_unique<CompressedClock>(newest, simulated->rate());
            simulated = dynamic_cast<const CompressedClock*>(clock.get());
        }
        spdlog::warn("SIMULATED CLOCK: office time started at {} and runs {} times real time. "
                     "Every ticket, session and report uses it, so never serve a real office "
                     "day with --clock-start or --clock-rate",
                     office_time->rfc3339(simulated->start()), simulated->rate());
    }
    EventHub hub;
    QueueEngine engine(store, *config, *office_time, *clock, hub);
    engine.start();
    Accounts accounts(engine);
    AppointmentBook appointments(engine);
    SurveyBook surveys(engine);
    http::HttpServer server(engine, accounts, appointments, surveys, *catalog);
    const int port = server.bind(listen->first, listen->second);
    if (port < 0) {
        spdlog::critical("cannot listen on {}: the port is in use or the address is not local", options.listen);
        return 2;
    }

    if (config->public_base_url.empty()) {
        config->public_base_url = "http://" + listen->first + ":" + std::to_string(port);
        spdlog::info("office.public_base_url is empty: ticket QR codes point to {}", config->public_base_url);
    }

    // Signals are taken by a dedicated thread so shutdown runs outside a signal handler.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::thread waiter([&] {
        int received = 0;
        sigwait(&signals, &received);
        spdlog::info("signal {} received, stopping", received);
        server.stop();
    });

    // Personal data past the retention period is erased at start and then every hour.
    std::mutex maintenance_mutex;
    std::condition_variable maintenance_wake;
    bool stopping = false;
    std::thread maintenance([&] {
        std::unique_lock lock(maintenance_mutex);
        do {
            lock.unlock();
            (void)erase_expired_personal_data(engine);
            lock.lock();
        } while (!maintenance_wake.wait_for(lock, std::chrono::hours(1), [&] { return stopping; }));
    });

    spdlog::info("antrean-server {} listening on http://{}:{} with database {}", ANTREAN_VERSION, listen->first,
                 port, db_path.string());
    server.serve();
    {
        std::lock_guard lock(maintenance_mutex);
        stopping = true;
    }
    maintenance_wake.notify_all();
    maintenance.join();
    if (waiter.joinable()) {
        // Wake the waiter when the server stopped for another reason.
        pthread_kill(waiter.native_handle(), SIGTERM);
        waiter.join();
    }
    spdlog::info("antrean-server stopped");
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (sodium_init() < 0) {
        std::cerr << "libsodium failed to initialise\n";
        return 2;
    }
    CLI::App app{"Antrean queue server: tickets, calls and the event stream for the kiosk, consoles and displays"};
    app.require_subcommand(0, 1);
    ServeOptions serve_options;
    app.add_option("--db", serve_options.db_path, "SQLite database file (default: antrean.db in the working directory)");
    app.add_option("--listen", serve_options.listen, "HOST:PORT to listen on; port 0 picks a free port")
        ->capture_default_str();
    app.add_option("--config", serve_options.config_path, "configuration file (default: the one shipped in assets/)");
    app.add_option("--log-file", serve_options.log_file, "also write the log to this file");
    app.add_option("--clock-start", serve_options.clock_start,
                   "run on a simulated clock that starts at this RFC 3339 time, for example "
                   "2026-12-07T08:00:00+07:00 (default: the real time now); for replays and "
                   "demonstrations only");
    CLI::Option* clock_rate = app.add_option("--clock-rate", serve_options.clock_rate,
                   "run on a simulated clock this many times faster than real time, a number "
                   "greater than 0 (default 1 when --clock-start is given); for replays and "
                   "demonstrations only");

    UserAddOptions user_options;
    CLI::App* user = app.add_subcommand("user", "manage staff accounts");
    user->require_subcommand(1);
    CLI::App* add = user->add_subcommand("add", "create a staff account");
    add->add_option("--db", user_options.db_path, "SQLite database file")->required();
    add->add_option("--config", user_options.config_path, "configuration file, to check the areas");
    add->add_option("--username", user_options.username, "login name")->required();
    add->add_option("--name", user_options.display_name, "full name shown to colleagues");
    add->add_option("--role", user_options.role, "officer, receptionist or admin")->required();
    add->add_option("--areas", user_options.areas, "service areas served, comma separated (officers)");
    add->add_option("--purposes", user_options.purposes,
                    "purposes served, comma separated (default: complaint,information,consultation)");
    add->add_flag("--password-stdin", user_options.password_stdin,
                  "read the password from standard input; without it a random password is generated and printed once");

    CLI11_PARSE(app, argc, argv);
    serve_options.clock_rate_given = clock_rate->count() > 0;
    if (add->parsed()) {
        return run_user_add(user_options);
    }
    return serve(serve_options);
}
