#include "bench_support.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <httplib.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <numeric>
#include <stdexcept>

#include "storage/records.hpp"

namespace antrean::bench {

double micros_between(SteadyClock::time_point start, SteadyClock::time_point end) {
    return std::chrono::duration<double, std::micro>(end - start).count();
}

MachineInfo machine_info() {
    MachineInfo info;
    info.cores = sysconf(_SC_NPROCESSORS_ONLN);
    std::ifstream cpuinfo("/proc/cpuinfo");
    std::string line;
    while (std::getline(cpuinfo, line)) {
        if (line.rfind("model name", 0) == 0) {
            const auto colon = line.find(':');
            if (colon != std::string::npos) info.cpu_model = line.substr(line.find_first_not_of(' ', colon + 1));
            break;
        }
    }
    if (info.cpu_model.empty()) info.cpu_model = "unknown (no model name in /proc/cpuinfo)";
    return info;
}

FsyncProbe probe_fsync(const std::filesystem::path& folder) {
    const std::filesystem::path path = folder / "fsync-probe.tmp";
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) throw std::runtime_error("Failed to create " + path.string() + " for the fsync probe");
    const std::string block(4096, 'x');
    std::vector<double> samples;
    const auto deadline = SteadyClock::now() + std::chrono::milliseconds(500);
    while (SteadyClock::now() < deadline && samples.size() < 4000) {
        const auto start = SteadyClock::now();
        if (::write(fd, block.data(), block.size()) != static_cast<ssize_t>(block.size()) || ::fdatasync(fd) != 0) {
            break;
        }
        samples.push_back(micros_between(start, SteadyClock::now()));
    }
    ::close(fd);
    std::filesystem::remove(path);

    FsyncProbe probe;
    if (samples.empty()) return probe;
    const double total_us = std::accumulate(samples.begin(), samples.end(), 0.0);
    probe.per_second = static_cast<double>(samples.size()) / (total_us / 1e6);
    probe.median_us = summarize(samples).p50;
    return probe;
}

std::string describe(const FsyncProbe& probe) {
    return fmt::format("{} fdatasync/s, median {} (4 KiB append + fdatasync, just before the run)",
                       with_thousands(probe.per_second), as_millis(probe.median_us));
}

std::unique_ptr<httplib::Client> open_connection(const std::string& base_url) {
    auto connection = std::make_unique<httplib::Client>(base_url);
    connection->set_keep_alive(true);
    connection->set_tcp_nodelay(true);
    connection->set_connection_timeout(std::chrono::seconds(3));
    connection->set_read_timeout(std::chrono::seconds(5));
    return connection;
}

LatencySummary summarize(std::vector<double> samples_us) {
    LatencySummary summary;
    if (samples_us.empty()) return summary;
    std::sort(samples_us.begin(), samples_us.end());
    // Nearest rank: the smallest sample with at least p percent of the samples at or below it.
    auto percentile = [&](double p) {
        const auto rank = static_cast<size_t>(std::ceil(p / 100.0 * static_cast<double>(samples_us.size())));
        return samples_us[std::clamp<size_t>(rank, 1, samples_us.size()) - 1];
    };
    summary.count = samples_us.size();
    summary.p50 = percentile(50);
    summary.p90 = percentile(90);
    summary.p99 = percentile(99);
    summary.max = samples_us.back();
    summary.mean = std::accumulate(samples_us.begin(), samples_us.end(), 0.0) / static_cast<double>(samples_us.size());
    return summary;
}

std::string describe(const Error& error) {
    std::string text = error.message_key;
    if (const auto message = error.params.find("message"); message != error.params.end()) {
        text += ": " + message->second;
    }
    if (!error.field.empty()) text += " (field " + error.field + ")";
    return text;
}

std::string visitor_name(int n) {
    static constexpr std::array kFirst{"Budi", "Siti", "Agus", "Dewi", "Rudi", "Wati", "Joko", "Rina"};
    static constexpr std::array kLast{"Santoso", "Rahayu", "Wijaya", "Lestari", "Hidayat", "Kusuma", "Saputra"};
    const auto index = static_cast<size_t>(n < 0 ? -n : n);
    return std::string(kFirst[index % kFirst.size()]) + " " + kLast[(index / kFirst.size()) % kLast.size()];
}

std::string with_thousands(double value) {
    const std::string digits = fmt::format("{:.0f}", std::abs(value));
    std::string grouped = value < 0 ? "-" : "";
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
        grouped += digits[i];
    }
    return grouped;
}

std::string as_millis(double micros) { return fmt::format("{:.3f} ms", micros / 1000.0); }

ResultBlock::ResultBlock(std::string title) : title_(std::move(title)) {
    // Other programs on the same cores and disk change every figure, so the block records
    // the load average from when the benchmark started.
    std::ifstream loadavg("/proc/loadavg");
    std::string load_1_min;
    std::string load_5_min;
    std::string load_15_min;
    loadavg >> load_1_min >> load_5_min >> load_15_min;
    load_average_ = load_1_min.empty() ? "unknown"
                                       : fmt::format("{} {} {} (1, 5, 15 min, at the start)", load_1_min,
                                                     load_5_min, load_15_min);
}

void ResultBlock::add(std::string name, std::string value) { lines_.emplace_back(std::move(name), std::move(value)); }

void ResultBlock::add_latency(const std::string& name, const LatencySummary& summary) {
    add(name, fmt::format("p50 {}  p90 {}  p99 {}  max {}  mean {}  ({} samples)", as_millis(summary.p50),
                          as_millis(summary.p90), as_millis(summary.p99), as_millis(summary.max),
                          as_millis(summary.mean), with_thousands(static_cast<double>(summary.count))));
}

void ResultBlock::print() const {
    const MachineInfo machine = machine_info();
    size_t width = std::string("machine").size();
    for (const auto& line : lines_) width = std::max(width, line.first.size());

    std::string text = fmt::format("\n== {} ==\n", title_);
    text += fmt::format("{:<{}}  {} cores (nproc), {}\n", "machine", width, machine.cores, machine.cpu_model);
    text += fmt::format("{:<{}}  {}\n", "load", width, load_average_);
    for (const auto& [name, value] : lines_) {
        text += fmt::format("{:<{}}  {}\n", name, width, value);
    }
    std::fputs(text.c_str(), stdout);
    std::fflush(stdout);
}

TempDir::TempDir(const std::string& prefix) {
    std::string pattern = (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
    if (mkdtemp(pattern.data()) == nullptr) {
        throw std::runtime_error("Failed to create a temporary folder from " + pattern);
    }
    path_ = pattern;
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

server::ServerConfig load_bench_config() {
    const std::filesystem::path path = std::filesystem::path(ANTREAN_ASSETS_DIR) / "config" / "antrean.toml";
    auto config = server::load_config(path);
    if (!config) {
        throw std::runtime_error("Failed to load the configuration " + path.string() + " (field '" +
                                 config.error().field + "'); fix the file or pass a valid one");
    }
    config->enforce_opening_hours = false;
    return *config;
}

void fill_waiting_tickets(server::Database& db, const server::ServerConfig& config,
                          const OfficeTime& office_time, const FillPlan& plan) {
    if (config.areas.empty()) throw std::runtime_error("The configuration has no [[areas]] to fill");
    constexpr int kPurposeCount = static_cast<int>(Purpose::kCount);
    std::map<std::pair<std::string, AreaId>, int> last_numbers;

    server::Transaction transaction(db);
    for (int i = 0; i < plan.tickets; ++i) {
        const server::AreaConfig& area = config.areas[static_cast<size_t>(i) % config.areas.size()];
        const TimestampMs queued_at = plan.first_queued_at + static_cast<TimestampMs>(i) * plan.spacing_ms;

        Ticket ticket;
        ticket.area = area.id;
        // Divided by the area count so every area gets tickets of every purpose.
        ticket.purpose = static_cast<Purpose>((i / static_cast<int>(config.areas.size())) % kPurposeCount);
        ticket.priority = plan.priority_every > 0 && i % plan.priority_every == 0 ? Priority::Priority
                                                                                 : Priority::Regular;
        ticket.kind = TicketKind::WalkIn;
        ticket.state = TicketState::Waiting;
        ticket.service_date = office_time.service_date(queued_at, config.queue.service_day_start_hour);
        const int number = ++last_numbers[{ticket.service_date, area.id}];
        ticket.code = fmt::format("{}-{:03}", area.prefix, number);
        ticket.status_token = fmt::format("{:032x}", static_cast<std::uint64_t>(i) + 1);
        ticket.queued_at = queued_at;
        ticket.created_at = queued_at;

        const Visitor visitor{fmt::format("Pengunjung {}", i), "+6281234567890", "", "", "", ""};
        const std::int64_t visitor_id =
            server::records::insert_visitor(db, visitor, ConsentBy::Visitor, config.consent_version, queued_at);
        server::records::insert_ticket(db, ticket, visitor_id);
    }

    for (const auto& [key, number] : last_numbers) {
        // A fresh holder per row: the cached statement is reset when the holder is destroyed.
        server::Statement counter = db.prepare(
            "INSERT INTO ticket_counters (service_date, area, last_number) VALUES (?1, ?2, ?3) "
            "ON CONFLICT (service_date, area) DO UPDATE SET last_number = excluded.last_number");
        counter.bind(1, key.first).bind(2, key.second).bind(3, number);
        counter.run();
    }
    transaction.commit();
}

}  // namespace antrean::bench
