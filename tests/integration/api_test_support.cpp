#include "api_test_support.hpp"

#include <atomic>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "domain/office_time.hpp"

namespace antrean::testing {

Json HttpReply::json() const { return Json::parse(body, nullptr, false); }

namespace {

std::string error_member(const HttpReply& reply, const char* key) {
    const Json parsed = reply.json();
    if (!parsed.is_object() || !parsed.contains("error") || !parsed["error"].is_object()) return {};
    const Json& error = parsed["error"];
    if (!error.contains(key) || !error[key].is_string()) return {};
    return error[key].get<std::string>();
}

}  // namespace

std::string HttpReply::error_code() const { return error_member(*this, "code"); }
std::string HttpReply::error_field() const { return error_member(*this, "field"); }
std::string HttpReply::error_message() const { return error_member(*this, "message"); }

std::string HttpReply::header(const std::string& name) const {
    const auto found = headers.find(name);
    return found == headers.end() ? std::string{} : found->second;
}

RawHttpClient::RawHttpClient(int port, std::chrono::milliseconds read_timeout)
    : port_(port), read_timeout_(read_timeout) {}

httplib::Headers RawHttpClient::headers_with(const httplib::Headers& extra_headers) const {
    httplib::Headers headers = extra_headers;
    if (!token_.empty()) headers.emplace("Authorization", "Bearer " + token_);
    if (!language_.empty()) headers.emplace("Accept-Language", language_);
    return headers;
}

HttpReply RawHttpClient::to_reply(const httplib::Result& result) {
    HttpReply reply;
    if (!result) return reply;
    reply.status = result->status;
    reply.body = result->body;
    reply.headers = result->headers;
    return reply;
}

HttpReply RawHttpClient::get(const std::string& path, const httplib::Headers& extra_headers) const {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(read_timeout_);
    return to_reply(client.Get(path, headers_with(extra_headers)));
}

HttpReply RawHttpClient::post_text(const std::string& path, const std::string& body,
                                   const httplib::Headers& extra_headers) const {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(read_timeout_);
    return to_reply(client.Post(path, headers_with(extra_headers), body, "application/json"));
}

HttpReply RawHttpClient::post(const std::string& path, const Json& body, const httplib::Headers& extra_headers) const {
    return post_text(path, body.dump(), extra_headers);
}

HttpReply RawHttpClient::patch(const std::string& path, const Json& body, const httplib::Headers& extra_headers) const {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(read_timeout_);
    return to_reply(client.Patch(path, headers_with(extra_headers), body.dump(), "application/json"));
}

RawEventStream::RawEventStream(int port, const std::string& path) : client_("127.0.0.1", port) {
    // Longer than the server's 3 s heartbeat interval, so only a dead stream times out.
    client_.set_read_timeout(std::chrono::seconds(10));
    reader_ = std::thread([this, path] {
        client_.Get(path, [this](const char* data, size_t length) {
            {
                const std::lock_guard lock(mutex_);
                const std::vector<SseEvent> parsed = parser_.feed(std::string_view(data, length));
                events_.insert(events_.end(), parsed.begin(), parsed.end());
                chunk_times_.push_back(Clock::now());
                text_.append(data, length);
            }
            changed_.notify_all();
            return !stop_requested_.load();
        });
    });
}

RawEventStream::~RawEventStream() { stop(); }

void RawEventStream::stop() {
    // The receiver ends the stream on its next chunk, and Client::stop() cuts a read that
    // is still waiting for one. A GET that has not connected yet reads the flag on its
    // first chunk, at the latest with the next heartbeat.
    stop_requested_ = true;
    client_.stop();
    if (reader_.joinable()) reader_.join();
}

bool RawEventStream::wait_until(const std::function<bool()>& done, std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, done);
}

bool RawEventStream::wait_for_events(size_t count, std::chrono::milliseconds timeout) {
    return wait_until([&] { return events_.size() >= count; }, timeout);
}

bool RawEventStream::wait_for_heartbeats(std::uint64_t count, std::chrono::milliseconds timeout) {
    return wait_until([&] { return parser_.heartbeat_count() >= count; }, timeout);
}

bool RawEventStream::wait_for_text(const std::string& text, std::chrono::milliseconds timeout) {
    return wait_until([&] { return text_.find(text) != std::string::npos; }, timeout);
}

std::vector<SseEvent> RawEventStream::events() const {
    const std::lock_guard lock(mutex_);
    return events_;
}

std::uint64_t RawEventStream::heartbeat_count() const {
    const std::lock_guard lock(mutex_);
    return parser_.heartbeat_count();
}

std::vector<RawEventStream::Clock::time_point> RawEventStream::chunk_times() const {
    const std::lock_guard lock(mutex_);
    return chunk_times_;
}

std::string RawEventStream::text() const {
    const std::lock_guard lock(mutex_);
    return text_;
}

Json walk_in_request(const std::string& name, const std::string& phone, const std::string& area) {
    return Json{{"visitor", {{"name", name}, {"phone", phone}}},
                {"area", area},
                {"purpose", "complaint"},
                {"priority", "regular"},
                {"consent", true},
                {"language", "id"}};
}

StaffLogin log_in(int port, const std::string& username, const std::string& desk) {
    Json body{{"username", username}, {"password", kStaffPassword}};
    if (!desk.empty()) body["desk"] = desk;
    const HttpReply reply = RawHttpClient(port).post("/api/v1/auth/login", body);
    const Json parsed = reply.json();
    if (reply.status != 200 || !parsed.is_object() || !parsed.contains("token")) {
        throw std::runtime_error("login of " + username + " at desk '" + desk + "' failed with HTTP " +
                                 std::to_string(reply.status) + ": " + reply.body);
    }
    return StaffLogin{parsed["token"].get<std::string>(), parsed["officer"]["id"].get<std::int64_t>()};
}

std::string office_now() {
    static const Result<OfficeTime> office_time = OfficeTime::create("Asia/Jakarta");
    if (!office_time) throw std::runtime_error("the tz database has no Asia/Jakarta; install tzdata");
    return office_time->rfc3339(SystemClock().now());
}

void add_staff(ServerProcess& server, const std::vector<NewStaff>& staff) {
    if (staff.empty()) return;
    server.add_user(staff[0].username, staff[0].role, staff[0].areas, kStaffPassword);

    constexpr size_t kParallelAdds = 4;
    std::atomic<size_t> next{1};
    std::mutex failure_mutex;
    std::exception_ptr failure;
    std::vector<std::thread> workers;
    for (size_t worker = 0; worker < kParallelAdds; ++worker) {
        workers.emplace_back([&] {
            for (size_t i = next++; i < staff.size(); i = next++) {
                try {
                    server.add_user(staff[i].username, staff[i].role, staff[i].areas, kStaffPassword);
                } catch (...) {
                    const std::lock_guard lock(failure_mutex);
                    if (!failure) failure = std::current_exception();
                }
            }
        });
    }
    for (std::thread& worker : workers) worker.join();
    if (failure) std::rethrow_exception(failure);
}

void copy_database(const ServerProcess& source, ServerProcess& target) {
    if (source.running() || target.running()) {
        throw std::runtime_error("copy_database needs both servers stopped");
    }
    // Each `user add` closes the database cleanly, which moves the WAL into the main file,
    // but a leftover WAL is copied too so that no committed account is lost.
    for (const std::string suffix : {"", "-wal"}) {
        const std::filesystem::path from = source.db_path().string() + suffix;
        if (std::filesystem::exists(from)) {
            std::filesystem::copy_file(from, target.db_path().string() + suffix,
                                       std::filesystem::copy_options::overwrite_existing);
        }
    }
}

}  // namespace antrean::testing
