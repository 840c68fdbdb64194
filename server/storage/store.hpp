#pragma once

#include <memory>
#include <mutex>

#include "storage/database.hpp"

namespace antrean::server {

// The one SQLite connection of the server and the lock that serializes its use. Every
// state change takes the lock for its whole transaction, which is also what makes
// "never the same ticket to two officers" hold.
struct Store {
    std::mutex mutex;
    std::unique_ptr<Database> db;
};

}  // namespace antrean::server
