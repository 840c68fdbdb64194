#include "domain/text_list.hpp"
#include "storage/officer_records.hpp"


namespace antrean::server::officer_records {
namespace {

template <typename Items, typename ToText>
std::string join_list(const Items& items, ToText to_text) {
    std::string text;
    for (const auto& item : items) {
        if (!text.empty()) text += ',';
        text += to_text(item);
    }
    return text;
}

// The officer's current desk is the desk of the newest unexpired session, so an expired
// login frees the desk without a clean-up job.
constexpr const char* kOfficerSelect =
    "SELECT o.id, o.username, o.display_name, o.role, o.areas, o.purposes, o.status, "
    "o.status_reason, o.active, "
    "(SELECT s.desk_id FROM sessions s WHERE s.officer_id = o.id AND s.expires_at > ?1 "
    " ORDER BY s.created_at DESC LIMIT 1), "
    "EXISTS (SELECT 1 FROM sessions s WHERE s.officer_id = o.id AND s.expires_at > ?1) "
    "FROM officers o ";

Officer read_officer(const Statement& row) {
    Officer officer;
    officer.id = row.column_int(0);
    officer.username = row.column_text(1);
    officer.display_name = row.column_text(2);
    officer.role = parse_role_names(row.column_text(3)).value_or(Role::Officer);
    officer.areas = split_list(row.column_text(4));
    for (const std::string& name : split_list(row.column_text(5))) {
        if (auto purpose = parse_purpose_names(name)) officer.purposes.push_back(*purpose);
    }
    officer.status = parse_officer_status_names(row.column_text(6)).value_or(OfficerStatus::Offline);
    officer.status_reason = row.column_text(7);
    officer.active = row.column_int(8) != 0;
    if (!row.column_is_null(9)) officer.desk_id = row.column_text(9);
    // Without a live session the stored status is stale: the officer is not there.
    if (row.column_int(10) == 0) officer.status = OfficerStatus::Offline;
    return officer;
}

}  // namespace

std::optional<Officer> find_by_id(Database& db, OfficerId id, TimestampMs now) {
    Statement stmt = db.prepare(std::string(kOfficerSelect) + "WHERE o.id = ?2");
    stmt.bind(1, now).bind(2, id);
    if (!stmt.step()) return std::nullopt;
    return read_officer(stmt);
}

std::optional<Officer> find_by_username(Database& db, const std::string& username, TimestampMs now) {
    Statement stmt = db.prepare(std::string(kOfficerSelect) + "WHERE o.username = ?2");
    stmt.bind(1, now).bind(2, username);
    if (!stmt.step()) return std::nullopt;
    return read_officer(stmt);
}

std::optional<std::string> password_hash(Database& db, OfficerId id) {
    Statement stmt = db.prepare("SELECT password_hash FROM officers WHERE id = ?1");
    stmt.bind(1, id);
    if (!stmt.step()) return std::nullopt;
    return stmt.column_text(0);
}

std::vector<Officer> list(Database& db, TimestampMs now) {
    Statement stmt = db.prepare(std::string(kOfficerSelect) + "ORDER BY o.display_name, o.id");
    stmt.bind(1, now);
    std::vector<Officer> officers;
    while (stmt.step()) {
        officers.push_back(read_officer(stmt));
    }
    return officers;
}

OfficerId insert(Database& db, const NewOfficer& officer, TimestampMs now) {
    Statement stmt = db.prepare(
        "INSERT INTO officers (username, display_name, password_hash, role, areas, purposes, "
        "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    stmt.bind(1, officer.username).bind(2, officer.display_name).bind(3, officer.password_hash);
    stmt.bind(4, to_string(officer.role));
    stmt.bind(5, join_list(officer.areas, [](const AreaId& area) { return area; }));
    stmt.bind(6, join_list(officer.purposes, [](Purpose purpose) { return std::string(to_string(purpose)); }));
    stmt.bind(7, now);
    stmt.run();
    return db.last_insert_id();
}

void set_status(Database& db, OfficerId id, OfficerStatus status, const std::string& reason) {
    Statement stmt = db.prepare("UPDATE officers SET status = ?2, status_reason = ?3 WHERE id = ?1");
    stmt.bind(1, id).bind(2, to_string(status)).bind(3, reason);
    stmt.run();
}

void insert_session(Database& db, const std::string& token_hash, OfficerId officer_id,
                    const std::optional<DeskId>& desk_id, TimestampMs now, TimestampMs expires_at) {
    Statement stmt = db.prepare(
        "INSERT INTO sessions (token_hash, officer_id, desk_id, created_at, expires_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5)");
    stmt.bind(1, token_hash).bind(2, officer_id).bind(3, desk_id).bind(4, now).bind(5, expires_at);
    stmt.run();
}

std::optional<SessionRow> find_session(Database& db, const std::string& token_hash, TimestampMs now) {
    Statement stmt = db.prepare(
        "SELECT officer_id, desk_id, expires_at FROM sessions WHERE token_hash = ?1 AND expires_at > ?2");
    stmt.bind(1, token_hash).bind(2, now);
    if (!stmt.step()) return std::nullopt;
    SessionRow row{stmt.column_int(0), std::nullopt, stmt.column_int(2)};
    if (!stmt.column_is_null(1)) row.desk_id = stmt.column_text(1);
    return row;
}

void delete_session(Database& db, const std::string& token_hash) {
    Statement stmt = db.prepare("DELETE FROM sessions WHERE token_hash = ?1");
    stmt.bind(1, token_hash);
    stmt.run();
}

std::optional<OfficerId> officer_at_desk(Database& db, const DeskId& desk_id, TimestampMs now) {
    // An officer sits at the desk of their newest live session, the rule kOfficerSelect
    // uses too. So an older session here no longer blocks the desk once they log in elsewhere.
    Statement stmt = db.prepare(
        "SELECT s.officer_id FROM sessions s WHERE s.desk_id = ?1 AND s.expires_at > ?2 "
        "AND NOT EXISTS (SELECT 1 FROM sessions n WHERE n.officer_id = s.officer_id "
        "AND n.expires_at > ?2 AND n.created_at > s.created_at) "
        "ORDER BY s.created_at DESC LIMIT 1");
    stmt.bind(1, desk_id).bind(2, now);
    if (!stmt.step()) return std::nullopt;
    return stmt.column_int(0);
}

bool has_session(Database& db, OfficerId officer_id, TimestampMs now) {
    Statement stmt = db.prepare("SELECT 1 FROM sessions WHERE officer_id = ?1 AND expires_at > ?2 LIMIT 1");
    stmt.bind(1, officer_id).bind(2, now);
    return stmt.step();
}

}  // namespace antrean::server::officer_records
