#include "console/console_test_support.hpp"

#include <doctest/doctest.h>

namespace antrean::testing {

const Catalog& real_catalog() {
    static const Catalog loaded = [] {
        auto result = Catalog::load_directory(std::filesystem::path(ANTREAN_ASSETS_DIR) / "i18n");
        REQUIRE_MESSAGE(result.has_value(), describe_untranslated(result.error()));
        return std::move(*result);
    }();
    return loaded;
}

console::StaffTicket make_ticket(TicketId id, const std::string& code, const std::string& area, TicketState state,
                                 TimestampMs now, int queued_minutes_ago) {
    console::StaffTicket ticket;
    ticket.id = id;
    ticket.code = code;
    ticket.area = area;
    ticket.state = state;
    ticket.queued_at = now - static_cast<TimestampMs>(queued_minutes_ago) * 60'000;
    ticket.created_at = ticket.queued_at;
    return ticket;
}

console::StaffAccount make_officer(OfficerId id, std::vector<AreaId> areas) {
    console::StaffAccount account;
    account.id = id;
    account.role = Role::Officer;
    account.areas = std::move(areas);
    account.purposes = {Purpose::Complaint, Purpose::Information, Purpose::Consultation};
    account.status = OfficerStatus::Available;
    return account;
}

}  // namespace antrean::testing
