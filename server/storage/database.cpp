#include "storage/database.hpp"

#include <spdlog/spdlog.h>

namespace antrean::server {
namespace {

[[noreturn]] void throw_sqlite(sqlite3* db, int code, std::string_view what) {
    throw DatabaseError(std::string(what) + ": " + sqlite3_errmsg(db), code);
}

}  // namespace

Statement::~Statement() {
    if (stmt_ != nullptr) {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }
}

void Statement::release() {
    if (stmt_ != nullptr) {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
        stmt_ = nullptr;
    }
}

Statement& Statement::bind(int index, std::int64_t value) {
    const int rc = sqlite3_bind_int64(stmt_, index, value);
    if (rc != SQLITE_OK) throw_sqlite(db_, rc, "bind failed");
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    const int rc = sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()),
                                     SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) throw_sqlite(db_, rc, "bind failed");
    return *this;
}

Statement& Statement::bind(int index, std::nullopt_t) {
    const int rc = sqlite3_bind_null(stmt_, index);
    if (rc != SQLITE_OK) throw_sqlite(db_, rc, "bind failed");
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw_sqlite(db_, rc, "statement failed");
}

void Statement::run() {
    while (step()) {
    }
}

std::int64_t Statement::column_int(int index) const { return sqlite3_column_int64(stmt_, index); }

std::optional<std::int64_t> Statement::column_optional_int(int index) const {
    if (column_is_null(index)) return std::nullopt;
    return column_int(index);
}

std::string Statement::column_text(int index) const {
    const auto* text = sqlite3_column_text(stmt_, index);
    if (text == nullptr) return {};
    return std::string(reinterpret_cast<const char*>(text),
                       static_cast<size_t>(sqlite3_column_bytes(stmt_, index)));
}

bool Statement::column_is_null(int index) const {
    return sqlite3_column_type(stmt_, index) == SQLITE_NULL;
}

Result<std::unique_ptr<Database>> Database::open(const std::filesystem::path& path,
                                                 Durability durability) {
    sqlite3* handle = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.c_str(), &handle, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string reason = handle ? sqlite3_errmsg(handle) : sqlite3_errstr(rc);
        sqlite3_close(handle);
        return fail(ErrorCode::Unavailable, "", "storage.open_failed",
                    {{"path", path.string()}, {"reason", reason}});
    }
    std::unique_ptr<Database> db(new Database(handle, path));
    try {
        // busy_timeout first: the journal-mode switch itself may wait for another process.
        db->exec("PRAGMA busy_timeout = 5000");
        db->exec("PRAGMA journal_mode = WAL");
        db->exec(durability == Durability::Full ? "PRAGMA synchronous = FULL"
                                                : "PRAGMA synchronous = NORMAL");
        db->exec("PRAGMA foreign_keys = ON");
        Statement mode = db->prepare("PRAGMA journal_mode");
        if (!mode.step() || mode.column_text(0) != "wal") {
            return fail(ErrorCode::Unavailable, "", "storage.open_failed",
                        {{"path", path.string()}, {"reason", "WAL journal mode is not available"}});
        }
    } catch (const DatabaseError& error) {
        return fail(ErrorCode::Unavailable, "", "storage.open_failed",
                    {{"path", path.string()}, {"reason", error.what()}});
    }
    return db;
}

Database::~Database() {
    for (auto& [sql, stmt] : cache_) {
        sqlite3_finalize(stmt);
    }
    sqlite3_close(db_);
}

Statement Database::prepare(const std::string& sql) {
    auto found = cache_.find(sql);
    if (found != cache_.end()) {
        return Statement(db_, found->second);
    }
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) throw_sqlite(db_, rc, "prepare failed for [" + sql + "]");
    cache_.emplace(sql, stmt);
    return Statement(db_, stmt);
}

void Database::exec(const std::string& sql) {
    char* message = nullptr;
    const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        std::string text = message ? message : sqlite3_errstr(rc);
        sqlite3_free(message);
        throw DatabaseError("exec failed: " + text, rc);
    }
}

std::int64_t Database::last_insert_id() const { return sqlite3_last_insert_rowid(db_); }

int Database::changes() const { return sqlite3_changes(db_); }

int Database::user_version() {
    Statement stmt = prepare("PRAGMA user_version");
    stmt.step();
    return static_cast<int>(stmt.column_int(0));
}

Transaction::Transaction(Database& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
    if (done_) return;
    try {
        db_.exec("ROLLBACK");
    } catch (const DatabaseError& error) {
        spdlog::error("rollback failed: {}", error.what());
    }
}

void Transaction::commit() {
    db_.exec("COMMIT");
    done_ = true;
}

}  // namespace antrean::server
