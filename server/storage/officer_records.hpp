#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/ticket.hpp"
#include "storage/database.hpp"

// Row mapping for staff accounts and their login sessions.
namespace antrean::server::officer_records {

struct NewOfficer {
    std::string username;
    std::string display_name;
    std::string password_hash;
    Role role = Role::Officer;
    std::vector<AreaId> areas;
    std::vector<Purpose> purposes;
};

std::optional<Officer> find_by_id(Database& db, OfficerId id, TimestampMs now);
std::optional<Officer> find_by_username(Database& db, const std::string& username, TimestampMs now);
std::optional<std::string> password_hash(Database& db, OfficerId id);
std::vector<Officer> list(Database& db, TimestampMs now);
OfficerId insert(Database& db, const NewOfficer& officer, TimestampMs now);
void set_status(Database& db, OfficerId id, OfficerStatus status, const std::string& reason);

void insert_session(Database& db, const std::string& token_hash, OfficerId officer_id,
                    const std::optional<DeskId>& desk_id, TimestampMs now, TimestampMs expires_at);
struct SessionRow {
    OfficerId officer_id;
    std::optional<DeskId> desk_id;
    TimestampMs expires_at;
};
std::optional<SessionRow> find_session(Database& db, const std::string& token_hash, TimestampMs now);
void delete_session(Database& db, const std::string& token_hash);
// Returns the officer logged in at the desk, if any.
std::optional<OfficerId> officer_at_desk(Database& db, const DeskId& desk_id, TimestampMs now);
bool has_session(Database& db, OfficerId officer_id, TimestampMs now);

}  // namespace antrean::server::officer_records
