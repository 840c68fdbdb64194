// antrean-replay: plays an office day from a scenario file through the real antrean-server
// on a compressed clock, prints the day's figures from the server and checks them.
#include <fmt/format.h>
#include <sodium.h>
#include <stdlib.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <filesystem>

#include "day_figures.hpp"
#include "day_replay.hpp"
#include "office_process.hpp"
#include "scenario.hpp"

namespace {

using namespace antrean;
using namespace antrean::replay;

// Exit statuses: the day matched the scenario, a figure did not, or the replay could not run.
constexpr int kExitMatched = 0;
constexpr int kExitMismatch = 1;
constexpr int kExitError = 2;

struct Options {
    std::filesystem::path scenario =
        std::filesystem::path(ANTREAN_ASSETS_DIR) / "scenarios" / "lini-bappebti-day.toml";
    std::filesystem::path server = ANTREAN_SERVER_BINARY;
    std::filesystem::path office;
    double rate = 0;
    int visits = -1;
    bool keep_office = false;
    bool verbose = false;
};

std::filesystem::path new_office_folder() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "antrean-replay-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr)
        throw std::runtime_error("mkdtemp failed for " + pattern);
    // OfficeProcess wants a folder that does not exist yet, and the unique name is what counts.
    std::filesystem::remove(pattern);
    return pattern;
}

int replay_day(const Options& options) {
    auto office_time = OfficeTime::create("Asia/Jakarta");
    if (!office_time) {
        fmt::print(stderr,
                   "antrean-replay: time zone Asia/Jakarta not found in the tz database: install "
                   "the tzdata package\n");
        return kExitError;
    }
    Scenario scenario = load_scenario(options.scenario, *office_time);
    if (options.visits >= 0)
        keep_first_visits(scenario, options.visits);
    const double rate = options.rate > 0 ? options.rate : scenario.rate;
    const std::filesystem::path folder =
        options.office.empty() ? new_office_folder() : options.office;

    fmt::print("antrean-replay: {} from {}, {} visits at {} times real time; office folder {}\n",
               scenario.date, options.scenario.string(), scenario.visits.size(), rate,
               folder.string());
    const auto started = std::chrono::steady_clock::now();
    int failures = 0;
    {
        OfficeProcess office(options.server, ANTREAN_ASSETS_DIR, folder);
        DayReplay day(scenario, *office_time, office, rate, options.verbose);
        day.open_office();
        day.run();
        failures = print_and_check_day(scenario, day.log(), *office_time, day.reception());
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    fmt::print("\nReplay took {:.1f} s of real time.\n", seconds);

    if (failures > 0) {
        fmt::print(
            stderr,
            "antrean-replay: {} check(s) failed; the office folder {} is kept for inspection\n",
            failures, folder.string());
        return kExitMismatch;
    }
    if (!options.keep_office && options.office.empty()) {
        std::filesystem::remove_all(folder);
    } else {
        fmt::print("The office folder {} is kept.\n", folder.string());
    }
    fmt::print("antrean-replay: every check passed\n");
    return kExitMatched;
}

}  // namespace

int main(int argc, char** argv) {
    if (sodium_init() < 0) {
        fmt::print(stderr, "antrean-replay: libsodium failed to initialise\n");
        return kExitError;
    }
    CLI::App app{
        "Replays an office day from a scenario file through the real antrean-server on a "
        "compressed "
        "clock, prints the day's figures from the server and checks them against the scenario"};
    Options options;
    app.add_option("--scenario", options.scenario, "scenario file (TOML)")->capture_default_str();
    app.add_option("--server", options.server, "the antrean-server program to run")
        ->capture_default_str();
    app.add_option(
        "--office", options.office,
        "office folder to create, which must not exist yet (default: a new folder under the "
        "temporary directory, removed after a run whose checks all pass)");
    app.add_option("--rate", options.rate,
                   "simulated seconds per real second (default: [day] rate of the scenario)")
        ->check(CLI::PositiveNumber);
    app.add_option("--visits", options.visits, "replay only the first N visits in arrival order")
        ->check(CLI::NonNegativeNumber);
    app.add_flag("--keep-office", options.keep_office,
                 "keep the office folder after a run whose checks pass");
    app.add_flag("-v,--verbose", options.verbose, "print every check-in, call and state change");
    CLI11_PARSE(app, argc, argv);

    try {
        return replay_day(options);
    } catch (const ScenarioError& error) {
        fmt::print(stderr, "antrean-replay: {}\n", error.what());
        return kExitError;
    } catch (const ReplayError& error) {
        fmt::print(stderr, "antrean-replay: the day did not go as the scenario says: {}\n",
                   error.what());
        return kExitMismatch;
    } catch (const std::exception& error) {
        fmt::print(stderr, "antrean-replay: {}\n", error.what());
        return kExitError;
    }
}
