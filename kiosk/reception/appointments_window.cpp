#include <SFML/Window/Keyboard.hpp>
#include <imgui.h>

#include <algorithm>

#include "console/console_text.hpp"
#include "reception/reception_panels.hpp"

namespace antrean::reception {
namespace {

std::optional<std::string> booking_error(ConsoleUi& ui, const AppointmentsState& state, BookingField field) {
    const auto it = state.booking_errors.find(field);
    if (!state.booking_submitted_once || it == state.booking_errors.end()) {
        return std::nullopt;
    }
    return ui.catalog->render(ui.language, it->second);
}

bool key_pressed(const ConsoleUi& ui, sf::Keyboard::Key key) {
    return ui.shortcuts && ImGui::IsKeyPressed(key, false);
}

void draw_day_navigation(ConsoleUi& ui, const StaffSession& session, const AppointmentsState& state,
                         AppointmentsIntent& intent) {
    const ImVec2 nav(0, ImGui::GetFrameHeight() + ui.px(8));
    if (console::plain_button(ui, "appointments.previous", ui.tr("console.appointments.previous"), true, "", nav)) {
        intent = AppointmentsIntent::PreviousDay;
    }
    ImGui::SameLine();
    std::string day = state.date;
    if (const OfficeTime* office = session.office_time()) {
        if (const auto noon = parse_local_slot(*office, state.date, "12.00")) {
            day = console::date_text(session.catalog(), ui.language, *office, *noon);
        }
    }
    ImGui::PushFont(ui.fonts().heading);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (nav.y - ImGui::GetFontSize()) / 2);
    ImGui::TextUnformatted(day.c_str());
    ImGui::PopFont();
    console::record_item(ui, "appointments.day", ui::ItemKind::Text);
    ImGui::SameLine();
    if (console::plain_button(ui, "appointments.next", ui.tr("console.appointments.next"), true, "", nav)) {
        intent = AppointmentsIntent::NextDay;
    }
    ImGui::SameLine();
    if (console::plain_button(ui, "appointments.today", ui.tr("console.appointments.today"), true, "", nav)) {
        intent = AppointmentsIntent::Today;
    }
    if (ui.shortcuts && !ImGui::GetIO().WantTextInput) {
        if (ImGui::IsKeyPressed(sf::Keyboard::PageUp, false)) {
            intent = AppointmentsIntent::PreviousDay;
        } else if (ImGui::IsKeyPressed(sf::Keyboard::PageDown, false)) {
            intent = AppointmentsIntent::NextDay;
        }
    }
}

// One column per officer, and one for appointments that any officer may take.
void draw_day_view(ConsoleUi& ui, const StaffSession& session, AppointmentsState& state) {
    const OfficeTime* office = session.office_time();
    const console::ConsoleConfig* config = session.config() ? &*session.config() : nullptr;
    const Catalog& catalog = session.catalog();
    std::vector<std::optional<OfficerId>> columns;
    for (const console::StaffAccount& account : session.staff()) {
        if (account.role == Role::Officer) {
            columns.emplace_back(account.id);
        }
    }
    columns.emplace_back(std::nullopt);

    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX |
                                       ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("appointments.day_view", static_cast<int>(columns.size()), kFlags,
                           ImGui::GetContentRegionAvail())) {
        return;
    }
    ImGui::TableSetupScrollFreeze(0, 1);
    // The columns share the width, so five officers fit at 1920 px; with more, they keep
    // a readable width and the table scrolls sideways.
    const float cell_padding = 2 * ImGui::GetStyle().CellPadding.x + 1;
    const float column_width = std::max(
        ui.px(180), ImGui::GetContentRegionAvail().x / static_cast<float>(columns.size()) - cell_padding);
    for (const std::optional<OfficerId>& officer : columns) {
        std::string name = ui.tr("console.appointments.unassigned");
        if (officer) {
            if (const console::StaffAccount* account = session.find_staff(*officer)) {
                name = account->name;
            }
        }
        ImGui::TableSetupColumn(name.c_str(), ImGuiTableColumnFlags_WidthFixed, column_width);
    }
    ImGui::TableHeadersRow();
    ImGui::TableNextRow();
    for (const std::optional<OfficerId>& officer : columns) {
        ImGui::TableNextColumn();
        bool any = false;
        for (const console::AppointmentRecord& record : state.records) {
            if (record.officer_id != officer) {
                continue;
            }
            any = true;
            std::string time = office != nullptr ? console::clock_text(catalog, ui.language, *office, record.starts_at)
                                                 : std::string();
            const std::string label = time + "  " + record.booking_code + "\n" + record.visitor.name + "\n" +
                                      console::area_short_text(config, ui.language, record.area) + " · " +
                                      console::appointment_status_text(catalog, ui.language, record.status) +
                                      "##appointment" + std::to_string(record.id);
            const bool cancelled = record.status == AppointmentStatus::Cancelled;
            if (cancelled) {
                ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ui.colors().disabled_text));
            }
            if (ImGui::Selectable(label.c_str(), state.selected == record.id)) {
                state.selected = record.id;
                state.panel = AppointmentPanel::Details;
                state.message_copied = false;
            }
            if (cancelled) {
                ImGui::PopStyleColor();
            }
            console::record_item(ui, "appointment." + record.booking_code, ui::ItemKind::Button);
            ImGui::Separator();
        }
        if (!any) {
            ImGui::TextDisabled("%s", ui.tr("console.appointments.none").c_str());
        }
    }
    ImGui::EndTable();
}

void draw_details(ConsoleUi& ui, const StaffSession& session, AppointmentsState& state, AppointmentsIntent& intent) {
    const console::AppointmentRecord* record = selected_appointment(state);
    if (record == nullptr) {
        console::muted_text(ui, ui.tr("console.appointments.select_hint"));
        console::record_item(ui, "appointments.hint", ui::ItemKind::Text);
        return;
    }
    const OfficeTime* office = session.office_time();
    const console::ConsoleConfig* config = session.config() ? &*session.config() : nullptr;
    const Catalog& catalog = session.catalog();
    ImGui::PushFont(ui.fonts().large);
    ImGui::TextUnformatted(record->booking_code.c_str());
    ImGui::PopFont();
    console::record_item(ui, "appointments.code", ui::ItemKind::Text);
    const float width = ImGui::GetContentRegionAvail().x;
    std::string when;
    if (office != nullptr) {
        when = console::date_text(catalog, ui.language, *office, record->starts_at) + ", " +
               console::clock_text(catalog, ui.language, *office, record->starts_at,
                                   config != nullptr ? config->zone_label : "") +
               " (" + console::duration_text(catalog, ui.language, record->length_minutes) + ")";
    }
    std::string officer = ui.tr("console.appointments.unassigned");
    if (record->officer_id) {
        if (const console::StaffAccount* account = session.find_staff(*record->officer_id)) {
            officer = account->name;
        }
    }
    console::label_value(ui, "appointment.when", ui.tr("console.appointments.when"), when, width);
    console::label_value(ui, "appointment.visitor", ui.tr("console.visitor.name"),
                         record->visitor.name + "  ·  " + record->visitor.phone, width);
    console::label_value(ui, "appointment.area", ui.tr("console.visitor.area"),
                         console::area_text(config, ui.language, record->area) + "  ·  " +
                             console::purpose_text(config, catalog, ui.language, record->purpose),
                         width);
    console::label_value(ui, "appointment.officer", ui.tr("console.appointments.officer"), officer, width);
    console::label_value(ui, "appointment.status", ui.tr("console.column.status"),
                         console::appointment_status_text(catalog, ui.language, record->status) + "  ·  " +
                             console::source_text(catalog, ui.language, record->source),
                         width);
    console::label_value(ui, "appointment.summary", ui.tr("console.visitor.summary"), record->summary, width);
    ImGui::Spacing();

    const bool scheduled = record->status == AppointmentStatus::Scheduled;
    const std::string reason = ui.tr("console.appointments.not_scheduled");
    const ImVec2 size((width - ImGui::GetStyle().ItemSpacing.x) / 2, ui.px(54));
    if (console::action_button(ui, "appointments.reschedule", ui.tr("console.appointments.reschedule"), "F6", size,
                               scheduled, reason) ||
        (scheduled && key_pressed(ui, sf::Keyboard::F6))) {
        intent = AppointmentsIntent::Reschedule;
    }
    ImGui::SameLine();
    if (console::action_button(ui, "appointments.cancel", ui.tr("console.appointments.cancel"), "F7", size, scheduled,
                               reason, console::ActionStyle::Danger) ||
        (scheduled && key_pressed(ui, sf::Keyboard::F7))) {
        intent = AppointmentsIntent::CancelAppointment;
    }
    if (office != nullptr) {
        state.message = confirmation_message(catalog, config, *office, *record);
    }
    if (console::action_button(ui, "appointments.copy", ui.tr(state.message_copied ? "console.appointments.copied"
                                                                                   : "console.appointments.copy"),
                               "F8", ImVec2(width, ui.px(54)), scheduled, reason) ||
        (scheduled && key_pressed(ui, sf::Keyboard::F8))) {
        intent = AppointmentsIntent::CopyMessage;
    }
}

void draw_booking_form(ConsoleUi& ui, const StaffSession& session, AppointmentsState& state,
                       AppointmentsIntent& intent) {
    BookingForm& form = state.booking;
    const console::ConsoleConfig* config = session.config() ? &*session.config() : nullptr;
    const float width = ImGui::GetContentRegionAvail().x;
    const float half = (width - ImGui::GetStyle().ItemSpacing.x) / 2;
    console::section_title(ui, ui.tr("console.booking.title"));

    ImGui::TextUnformatted(ui.tr("console.booking.source").c_str());
    for (const AppointmentSource source :
         {AppointmentSource::Email, AppointmentSource::Phone, AppointmentSource::Reception}) {
        ImGui::SameLine();
        const std::string label =
            console::source_text(session.catalog(), ui.language, source) + "##source." + to_string(source);
        if (ImGui::RadioButton(label.c_str(), form.source == source)) {
            form.source = source;
        }
        console::record_item(ui, std::string("booking.source.") + to_string(source), ui::ItemKind::Button);
    }
    console::text_input(ui, "booking.name", ui.tr("console.register.name"), form.visitor.name, width, 0,
                        booking_error(ui, state, BookingField::Name));
    float row_y = ImGui::GetCursorPosY();
    console::text_input(ui, "booking.phone", ui.tr("console.register.phone"), form.visitor.phone, half, 0,
                        booking_error(ui, state, BookingField::Phone));
    console::same_row(row_y);
    console::text_input(ui, "booking.email", ui.tr("console.register.email"), form.visitor.email, half, 0,
                        booking_error(ui, state, BookingField::Email));
    row_y = ImGui::GetCursorPosY();
    console::text_input(ui, "booking.nik", ui.tr("console.register.nik"), form.visitor.nik, half,
                        ImGuiInputTextFlags_CharsDecimal, booking_error(ui, state, BookingField::Nik));
    console::same_row(row_y);
    console::text_input(ui, "booking.institution", ui.tr("console.register.institution"), form.visitor.institution,
                        half, 0, booking_error(ui, state, BookingField::Institution));

    // Area and purpose.
    row_y = ImGui::GetCursorPosY();
    ImGui::BeginGroup();
    console::field_label(ui, ui.tr("console.register.area"));
    ImGui::SetNextItemWidth(half);
    const std::string area_preview =
        form.area ? console::area_text(config, ui.language, *form.area) : ui.tr("console.booking.choose");
    if (console::begin_combo(ui, "##booking.area", area_preview.c_str())) {
        if (config != nullptr) {
            for (const console::AreaInfo& area : config->areas) {
                if (ImGui::Selectable((area.name.in(ui.language) + "##" + area.id).c_str(), form.area == area.id)) {
                    form.area = area.id;
                }
                console::record_item(ui, "booking.area." + area.id, ui::ItemKind::Button);
            }
        }
        console::end_combo(ui);
    }
    console::record_item(ui, "booking.area", ui::ItemKind::Field);
    if (auto error = booking_error(ui, state, BookingField::Area)) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(ui.colors().error), "%s", error->c_str());
    }
    ImGui::EndGroup();
    console::same_row(row_y);
    ImGui::BeginGroup();
    console::field_label(ui, ui.tr("console.register.purpose"));
    ImGui::SetNextItemWidth(half);
    const std::string purpose_preview = form.purpose
                                            ? console::purpose_text(config, session.catalog(), ui.language, *form.purpose)
                                            : ui.tr("console.booking.choose");
    if (console::begin_combo(ui, "##booking.purpose", purpose_preview.c_str())) {
        for (const Purpose purpose : {Purpose::Complaint, Purpose::Information, Purpose::Consultation}) {
            const std::string label = console::purpose_text(config, session.catalog(), ui.language, purpose);
            if (ImGui::Selectable(label.c_str(), form.purpose == purpose)) {
                form.purpose = purpose;
            }
            console::record_item(ui, std::string("booking.purpose.") + to_string(purpose), ui::ItemKind::Button);
        }
        console::end_combo(ui);
    }
    console::record_item(ui, "booking.purpose", ui::ItemKind::Field);
    if (auto error = booking_error(ui, state, BookingField::Purpose)) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(ui.colors().error), "%s", error->c_str());
    }
    ImGui::EndGroup();

    console::multiline_input(ui, "booking.summary", ui.tr("console.booking.summary"), form.summary,
                             ImVec2(width, ui.px(80)), booking_error(ui, state, BookingField::Summary));

    // When and with whom.
    const float third = (width - 2 * ImGui::GetStyle().ItemSpacing.x) / 3;
    row_y = ImGui::GetCursorPosY();
    console::text_input(ui, "booking.date", ui.tr("console.booking.date"), form.date, third, 0,
                        booking_error(ui, state, BookingField::Date));
    console::same_row(row_y);
    console::text_input(ui, "booking.time", ui.tr("console.booking.time"), form.time, third, 0,
                        booking_error(ui, state, BookingField::Time));
    console::same_row(row_y);
    ImGui::BeginGroup();
    console::field_label(ui, ui.tr("console.booking.length"));
    ImGui::SetNextItemWidth(third);
    ImGui::InputInt("##booking.length", &form.length_minutes, 5, 15);
    console::record_item(ui, "booking.length", ui::ItemKind::Field);
    if (auto error = booking_error(ui, state, BookingField::Length)) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(ui.colors().error), "%s", error->c_str());
    }
    ImGui::EndGroup();

    console::field_label(ui, ui.tr("console.appointments.officer"));
    std::string officer_preview = ui.tr("console.appointments.unassigned");
    if (form.officer_id) {
        if (const console::StaffAccount* account = session.find_staff(*form.officer_id)) {
            officer_preview = account->name;
        }
    }
    ImGui::SetNextItemWidth(width);
    if (console::begin_combo(ui, "##booking.officer", officer_preview.c_str())) {
        if (ImGui::Selectable(ui.tr("console.appointments.unassigned").c_str(), !form.officer_id)) {
            form.officer_id.reset();
        }
        for (const console::StaffAccount& account : session.staff()) {
            if (account.role != Role::Officer) {
                continue;
            }
            if (ImGui::Selectable((account.name + "##officer" + std::to_string(account.id)).c_str(),
                                  form.officer_id == account.id)) {
                form.officer_id = account.id;
            }
            console::record_item(ui, "booking.officer." + std::to_string(account.id), ui::ItemKind::Button);
        }
        console::end_combo(ui);
    }
    console::record_item(ui, "booking.officer", ui::ItemKind::Field);

    ImGui::Spacing();
    const ImVec2 size(half, ui.px(56));
    if (console::action_button(ui, "booking.submit",
                               ui.tr(state.in_flight ? "console.register.submitting" : "console.booking.submit"),
                               "Ctrl+Enter", size, !state.in_flight, ui.tr("console.officer.reason.in_flight"),
                               console::ActionStyle::Primary)) {
        intent = AppointmentsIntent::SubmitBooking;
    }
    ImGui::SameLine();
    if (console::action_button(ui, "booking.close", ui.tr("console.action.close"), "Esc", size, true, "") ||
        (ui.shortcuts && !ImGui::GetIO().WantTextInput && ImGui::IsKeyPressed(sf::Keyboard::Escape, false))) {
        intent = AppointmentsIntent::CloseForm;
    }
}

void draw_booked(ConsoleUi& ui, AppointmentsState& state, AppointmentsIntent& intent) {
    const console::AppointmentRecord& booked = *state.booked;
    console::notice_box(ui, "booking.done",
                        console::Notice{console::NoticeKind::Success,
                                        ui.tr("console.booking.done", {{"code", booked.booking_code}})});
    ImGui::PushFont(ui.fonts().code);
    ImGui::TextUnformatted(booked.booking_code.c_str());
    ImGui::PopFont();
    console::record_item(ui, "booking.code", ui::ItemKind::Text);
    ImGui::TextUnformatted(ui.tr("console.booking.message_title").c_str());
    const float width = ImGui::GetContentRegionAvail().x;
    // Wrapped text in a frame: a multi-line input of ImGui 1.86 does not wrap long lines.
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(ui.colors().background));
    ImGui::BeginChild("booking.message", ImVec2(width, ImGui::GetContentRegionAvail().y - ui.px(80)), true,
                      ImGuiWindowFlags_AlwaysUseWindowPadding);
    console::wrapped_text(state.message);
    ImGui::EndChild();
    ImGui::PopStyleColor();
    console::record_item(ui, "booking.message", ui::ItemKind::Field);
    const ImVec2 size((width - ImGui::GetStyle().ItemSpacing.x) / 2, ui.px(54));
    if (console::action_button(ui, "booking.copy",
                               ui.tr(state.message_copied ? "console.appointments.copied" : "console.appointments.copy"),
                               "F8", size, true, "", console::ActionStyle::Primary) ||
        key_pressed(ui, sf::Keyboard::F8)) {
        intent = AppointmentsIntent::CopyMessage;
    }
    ImGui::SameLine();
    if (console::action_button(ui, "booking.another", ui.tr("console.booking.another"), "F5", size, true, "")) {
        intent = AppointmentsIntent::NewBooking;
    }
}

}  // namespace

const console::AppointmentRecord* selected_appointment(const AppointmentsState& state) {
    if (!state.selected) {
        return nullptr;
    }
    for (const console::AppointmentRecord& record : state.records) {
        if (record.id == *state.selected) {
            return &record;
        }
    }
    return nullptr;
}

AppointmentsIntent draw_appointments_window(ConsoleUi& ui, const StaffSession& session, AppointmentsState& state) {
    AppointmentsIntent intent = AppointmentsIntent::None;
    draw_day_navigation(ui, session, state, intent);
    ImGui::SameLine(0, ui.px(24));
    if (console::action_button(ui, "appointments.new", ui.tr("console.appointments.new"), "F5",
                               ImVec2(ui.px(300), ImGui::GetFrameHeight() + ui.px(8)), true, "",
                               console::ActionStyle::Primary) ||
        key_pressed(ui, sf::Keyboard::F5)) {
        intent = AppointmentsIntent::NewBooking;
    }

    const float gap = ui.px(16);
    const float panel_width = std::max(ui.px(640), ImGui::GetContentRegionAvail().x * 0.42f);
    const float day_width = ImGui::GetContentRegionAvail().x - panel_width - gap;
    ImGui::BeginChild("appointments.day", ImVec2(day_width, 0), false);
    draw_day_view(ui, session, state);
    ImGui::EndChild();
    ImGui::SameLine(0, gap);
    ImGui::BeginChild("appointments.panel", ImVec2(panel_width, 0), true, ImGuiWindowFlags_AlwaysUseWindowPadding);
    console::record_rect(ui, "appointments.panel", ui::ItemKind::Panel, ImGui::GetWindowPos(),
                         ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowSize().x,
                                ImGui::GetWindowPos().y + ImGui::GetWindowSize().y));
    switch (state.panel) {
        case AppointmentPanel::Details:
            draw_details(ui, session, state, intent);
            break;
        case AppointmentPanel::NewBooking:
            draw_booking_form(ui, session, state, intent);
            break;
        case AppointmentPanel::Booked:
            if (state.booked) {
                draw_booked(ui, state, intent);
            }
            break;
    }
    ImGui::EndChild();
    return intent;
}

}  // namespace antrean::reception
