#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "domain/error.hpp"

namespace antrean::server {

class Database;

// A prepared statement that resets itself when the holder goes out of scope, so a cached
// statement is always ready for the next use.
class Statement {
public:
    Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) { other.stmt_ = nullptr; }
    ~Statement();
    // Resets the statement now, before the holder goes out of scope, so a read does not
    // stay open while a later transaction runs.
    void release();

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, std::nullopt_t);
    template <typename T>
    Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bind(index, std::nullopt);
    }

    // Runs one step; true while a row is available. Throws DatabaseError on failure,
    // because a failing step inside a transaction must abort the whole transaction.
    bool step();
    // Runs a statement that returns no rows.
    void run();

    std::int64_t column_int(int index) const;
    std::optional<std::int64_t> column_optional_int(int index) const;
    std::string column_text(int index) const;
    bool column_is_null(int index) const;

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_;
};

// Thrown by the storage layer for SQLite failures (disk full, I/O error, busy past the
// timeout). Callers turn it into ErrorCode::Unavailable; bad input never reaches here.
class DatabaseError : public std::runtime_error {
public:
    DatabaseError(const std::string& what, int sqlite_code)
        : std::runtime_error(what), sqlite_code_(sqlite_code) {}
    int sqlite_code() const { return sqlite_code_; }

private:
    int sqlite_code_;
};

enum class Durability { Full, Normal };

// One SQLite connection in WAL mode with `synchronous=FULL`, so a committed transaction
// survives power loss. Not thread-safe: the owner serializes access.
class Database {
public:
    static Result<std::unique_ptr<Database>> open(const std::filesystem::path& path,
                                                  Durability durability = Durability::Full);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Returns a cached prepared statement for `sql`.
    Statement prepare(const std::string& sql);
    void exec(const std::string& sql);
    std::int64_t last_insert_id() const;
    int changes() const;
    int user_version();
    const std::filesystem::path& path() const { return path_; }

private:
    Database(sqlite3* db, std::filesystem::path path) : db_(db), path_(std::move(path)) {}

    sqlite3* db_;
    std::filesystem::path path_;
    std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

// BEGIN IMMEDIATE on construction; rolls back unless commit() was called.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& db_;
    bool done_ = false;
};

// Brings the schema to the newest version, one transaction per step, keyed on
// PRAGMA user_version. Returns the version reached.
Result<int> migrate(Database& db);

}  // namespace antrean::server
