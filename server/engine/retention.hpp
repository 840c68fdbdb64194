#pragma once

#include "engine/queue_engine.hpp"

namespace antrean::server {

// Erases the identity, problem summary and notes of visits that ended more than
// `security.retention_days` ago, keeping the anonymous rows that reports count. A visitor
// with an open ticket or a scheduled appointment keeps their data. Returns the number of
// visitors erased.
Result<int> erase_expired_personal_data(QueueEngine& engine);

}  // namespace antrean::server
