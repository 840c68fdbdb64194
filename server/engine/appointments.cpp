#include "engine/appointments.hpp"

#include <nlohmann/json.hpp>
#include <sodium.h>
#include <spdlog/spdlog.h>

#include "storage/officer_records.hpp"
#include "storage/records.hpp"

namespace antrean::server {
namespace {

constexpr const char* kAppointmentSelect =
    "SELECT a.id, a.booking_code, a.area, a.purpose, a.summary, a.starts_at, a.length_minutes, "
    "a.officer_id, a.source, a.status, a.ticket_id, a.created_at, v.name, v.phone, v.nik, "
    "v.passport, v.email, v.institution FROM appointments a JOIN visitors v ON v.id = a.visitor_id ";

Appointment read_appointment(const Statement& row) {
    Appointment a;
    a.id = row.column_int(0);
    a.booking_code = row.column_text(1);
    a.area = row.column_text(2);
    a.purpose = parse_purpose_names(row.column_text(3)).value_or(Purpose::Complaint);
    a.summary = row.column_text(4);
    a.starts_at = row.column_int(5);
    a.length_minutes = static_cast<int>(row.column_int(6));
    a.officer_id = row.column_optional_int(7);
    a.source = parse_appointment_source_names(row.column_text(8)).value_or(AppointmentSource::Email);
    a.status = parse_appointment_status_names(row.column_text(9)).value_or(AppointmentStatus::Scheduled);
    a.ticket_id = row.column_optional_int(10);
    a.created_at = row.column_int(11);
    a.visitor = Visitor{row.column_text(12), row.column_text(13), row.column_text(14),
                        row.column_text(15), row.column_text(16), row.column_text(17)};
    return a;
}

tl::unexpected<Error> storage_failure(const DatabaseError& error) {
    spdlog::error("storage failure in appointments: {}", error.what());
    return fail(ErrorCode::Unavailable, "", "error.storage_unavailable");
}

tl::unexpected<Error> appointment_not_found() {
    return fail(ErrorCode::NotFound, "booking_code", "error.appointment_not_found");
}

std::string random_booking_code() {
    std::string code;
    for (size_t i = 0; i < kBookingCodeLength; ++i) {
        code += kBookingAlphabet[randombytes_uniform(static_cast<uint32_t>(kBookingAlphabet.size()))];
    }
    return code;
}

std::optional<Appointment> select_one(Database& db, const std::string& where, auto bind) {
    Statement stmt = db.prepare(std::string(kAppointmentSelect) + where);
    bind(stmt);
    if (!stmt.step()) return std::nullopt;
    return read_appointment(stmt);
}

}  // namespace

Result<std::string> normalize_booking_code(std::string_view text) {
    std::string code;
    for (char c : text) {
        if (c == ' ' || c == '-') continue;
        const char upper = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (kBookingAlphabet.find(upper) == std::string_view::npos) {
            return fail(ErrorCode::InvalidInput, "booking_code", "error.booking_code_format",
                        {{"length", std::to_string(kBookingCodeLength)}});
        }
        code += upper;
    }
    if (code.size() != kBookingCodeLength) {
        return fail(ErrorCode::InvalidInput, "booking_code", "error.booking_code_format",
                    {{"length", std::to_string(kBookingCodeLength)}});
    }
    return code;
}

Result<void> AppointmentBook::check_officer(const std::optional<OfficerId>& officer_id, const AreaId& area) {
    if (engine_.config().find_area(area) == nullptr) {
        return fail(ErrorCode::InvalidInput, "area", "error.unknown_area", {{"area", area}});
    }
    if (!officer_id) return {};
    auto officer = officer_records::find_by_id(*engine_.store().db, *officer_id, engine_.clock().now());
    if (!officer || !officer->active || officer->role != Role::Officer) {
        return fail(ErrorCode::InvalidInput, "officer_id", "error.officer_not_found",
                    {{"id", std::to_string(*officer_id)}});
    }
    return {};
}

Result<Appointment> AppointmentBook::create(const NewAppointment& request) {
    if (request.length_minutes < 5 || request.length_minutes > 240) {
        return fail(ErrorCode::InvalidInput, "length_minutes", "error.appointment_length");
    }
    const TimestampMs now = engine_.clock().now();
    std::lock_guard lock(engine_.store().mutex);
    try {
        Database& db = *engine_.store().db;
        if (auto valid = check_officer(request.officer_id, request.area); !valid) {
            return tl::unexpected(valid.error());
        }
        Transaction transaction(db);
        // Staff record the consent given in the email or phone call.
        const std::int64_t visitor_id = records::insert_visitor(
            db, request.visitor, ConsentBy::Receptionist, engine_.config().consent_version, now);
        std::string code;
        for (int attempt = 0; attempt < 20 && code.empty(); ++attempt) {
            std::string candidate = random_booking_code();
            Statement taken = db.prepare("SELECT 1 FROM appointments WHERE booking_code = ?1");
            taken.bind(1, candidate);
            if (!taken.step()) code = candidate;
        }
        if (code.empty()) {
            return fail(ErrorCode::Unavailable, "", "error.storage_unavailable");
        }
        Statement insert = db.prepare(
            "INSERT INTO appointments (booking_code, visitor_id, area, purpose, summary, starts_at, "
            "length_minutes, officer_id, source, status, created_at, updated_at) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'scheduled', ?10, ?10)");
        insert.bind(1, code).bind(2, visitor_id).bind(3, request.area).bind(4, to_string(request.purpose));
        insert.bind(5, request.summary).bind(6, request.starts_at).bind(7, request.length_minutes);
        insert.bind(8, request.officer_id).bind(9, to_string(request.source)).bind(10, now);
        insert.run();
        const AppointmentId id = db.last_insert_id();
        engine_.record_event("appointment.updated", nlohmann::json{{"appointment_id", id}}.dump());
        transaction.commit();
        engine_.publish_pending();
        return *select_one(db, "WHERE a.id = ?1", [&](Statement& s) { s.bind(1, id); });
    } catch (const DatabaseError& error) {
        engine_.discard_pending();
        return storage_failure(error);
    }
}

Result<Appointment> AppointmentBook::update(AppointmentId id, const AppointmentChanges& changes) {
    if (changes.status && *changes.status != AppointmentStatus::Cancelled &&
        *changes.status != AppointmentStatus::Scheduled) {
        return fail(ErrorCode::InvalidInput, "status", "error.appointment_status");
    }
    if (changes.length_minutes && (*changes.length_minutes < 5 || *changes.length_minutes > 240)) {
        return fail(ErrorCode::InvalidInput, "length_minutes", "error.appointment_length");
    }
    std::lock_guard lock(engine_.store().mutex);
    try {
        Database& db = *engine_.store().db;
        auto current = select_one(db, "WHERE a.id = ?1", [&](Statement& s) { s.bind(1, id); });
        if (!current) {
            return fail(ErrorCode::NotFound, "", "error.appointment_not_found");
        }
        if (current->status != AppointmentStatus::Scheduled) {
            return fail(ErrorCode::Conflict, "", "error.appointment_not_scheduled",
                        {{"status", to_string(current->status)}});
        }
        Appointment next = *current;
        if (changes.starts_at) next.starts_at = *changes.starts_at;
        if (changes.length_minutes) next.length_minutes = *changes.length_minutes;
        if (changes.officer_id) next.officer_id = changes.officer_id;
        if (changes.status) next.status = *changes.status;
        if (changes.summary) next.summary = *changes.summary;
        if (auto valid = check_officer(next.officer_id, next.area); !valid) {
            return tl::unexpected(valid.error());
        }
        Transaction transaction(db);
        Statement stmt = db.prepare(
            "UPDATE appointments SET starts_at = ?2, length_minutes = ?3, officer_id = ?4, status = ?5, "
            "summary = ?6, updated_at = ?7 WHERE id = ?1");
        stmt.bind(1, id).bind(2, next.starts_at).bind(3, next.length_minutes).bind(4, next.officer_id);
        stmt.bind(5, to_string(next.status)).bind(6, next.summary).bind(7, engine_.clock().now());
        stmt.run();
        engine_.record_event("appointment.updated", nlohmann::json{{"appointment_id", id}}.dump());
        transaction.commit();
        engine_.publish_pending();
        return next;
    } catch (const DatabaseError& error) {
        engine_.discard_pending();
        return storage_failure(error);
    }
}

Result<std::vector<Appointment>> AppointmentBook::on_date(const std::string& local_date) {
    int year = 0;
    int month = 0;
    int day = 0;
    if (std::sscanf(local_date.c_str(), "%4d-%2d-%2d", &year, &month, &day) != 3 || month < 1 ||
        month > 12 || day < 1 || day > 31 || local_date.size() != 10) {
        return fail(ErrorCode::InvalidInput, "date", "error.invalid_date", {{"value", local_date}});
    }
    const TimestampMs start = engine_.office_time().from_local(year, month, day, 0, 0);
    const TimestampMs end = start + TimestampMs{24} * 3'600'000;
    std::lock_guard lock(engine_.store().mutex);
    try {
        Statement stmt = engine_.store().db->prepare(std::string(kAppointmentSelect) +
                                                     "WHERE a.starts_at >= ?1 AND a.starts_at < ?2 ORDER BY a.starts_at, a.id");
        stmt.bind(1, start).bind(2, end);
        std::vector<Appointment> list;
        while (stmt.step()) {
            list.push_back(read_appointment(stmt));
        }
        return list;
    } catch (const DatabaseError& error) {
        engine_.discard_pending();
        return storage_failure(error);
    }
}

Result<Appointment> AppointmentBook::find(AppointmentId id) {
    std::lock_guard lock(engine_.store().mutex);
    try {
        auto found = select_one(*engine_.store().db, "WHERE a.id = ?1", [&](Statement& s) { s.bind(1, id); });
        if (!found) return fail(ErrorCode::NotFound, "", "error.appointment_not_found");
        return *found;
    } catch (const DatabaseError& error) {
        engine_.discard_pending();
        return storage_failure(error);
    }
}

Result<Appointment> AppointmentBook::find_by_code(const std::string& booking_code) {
    auto code = normalize_booking_code(booking_code);
    if (!code) return tl::unexpected(code.error());
    std::lock_guard lock(engine_.store().mutex);
    try {
        auto found = select_one(*engine_.store().db, "WHERE a.booking_code = ?1",
                                [&](Statement& s) { s.bind(1, *code); });
        if (!found) return appointment_not_found();
        return *found;
    } catch (const DatabaseError& error) {
        engine_.discard_pending();
        return storage_failure(error);
    }
}

Result<Appointment> AppointmentBook::find_today_by_phone(const std::string& phone) {
    const TimestampMs now = engine_.clock().now();
    const LocalTime local = engine_.office_time().local(now);
    const TimestampMs start = engine_.office_time().from_local(local.year, local.month, local.day, 0, 0);
    std::lock_guard lock(engine_.store().mutex);
    try {
        auto found = select_one(*engine_.store().db,
                                "WHERE v.phone = ?1 AND a.starts_at >= ?2 AND a.starts_at < ?3 "
                                "AND a.status = 'scheduled' ORDER BY a.starts_at LIMIT 1",
                                [&](Statement& s) { s.bind(1, phone).bind(2, start).bind(3, start + TimestampMs{24} * 3'600'000); });
        if (!found) return fail(ErrorCode::NotFound, "phone", "error.appointment_not_found_phone");
        return *found;
    } catch (const DatabaseError& error) {
        engine_.discard_pending();
        return storage_failure(error);
    }
}

Result<IssuedTicket> AppointmentBook::check_in(const std::string& booking_code) {
    auto appointment = find_by_code(booking_code);
    if (!appointment) return tl::unexpected(appointment.error());
    return engine_.check_in_appointment(appointment->id);
}

}  // namespace antrean::server
