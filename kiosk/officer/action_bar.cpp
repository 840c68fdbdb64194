#include "officer/officer_panels.hpp"

namespace antrean::officer {
namespace {

const char* label_key(OfficerAction action, const DeskSnapshot& desk) {
    switch (action) {
        case OfficerAction::CallNext:
            return "console.officer.action.call_next";
        case OfficerAction::Recall:
            return "console.officer.action.recall";
        case OfficerAction::Start:
            return "console.officer.action.start";
        case OfficerAction::Complete:
            return "console.officer.action.complete";
        case OfficerAction::NoShow:
            return "console.officer.action.no_show";
        case OfficerAction::Requeue:
            return "console.officer.action.requeue";
        case OfficerAction::Transfer:
            return "console.officer.action.transfer";
        case OfficerAction::ToggleBreak:
            return desk.status == OfficerStatus::Paused ? "console.officer.action.resume"
                                                        : "console.officer.action.pause";
        case OfficerAction::kCount:
            break;
    }
    return "";
}

console::ActionStyle style_of(OfficerAction action) {
    switch (action) {
        case OfficerAction::CallNext:
        case OfficerAction::Start:
        case OfficerAction::Complete:
            return console::ActionStyle::Primary;
        case OfficerAction::NoShow:
            return console::ActionStyle::Danger;
        default:
            return console::ActionStyle::Normal;
    }
}

}  // namespace

std::optional<OfficerAction> draw_action_bar(console::ConsoleUi& ui, const DeskSnapshot& desk) {
    std::optional<OfficerAction> clicked;
    constexpr int kColumns = 4;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float width = (ImGui::GetContentRegionAvail().x - spacing * (kColumns - 1)) / kColumns;
    const ImVec2 size(width, ui.px(64));
    for (int i = 0; i < static_cast<int>(OfficerAction::kCount); ++i) {
        const auto action = static_cast<OfficerAction>(i);
        const Availability state = availability(action, desk);
        if (i % kColumns != 0) {
            ImGui::SameLine();
        }
        const std::string id = std::string("action.") + to_string(action);
        const std::string reason = state.reason_key.empty() ? std::string() : ui.tr(state.reason_key);
        if (console::action_button(ui, id.c_str(), ui.tr(label_key(action, desk)), shortcut_label(action), size,
                                   state.enabled, reason, style_of(action))) {
            clicked = action;
        }
    }
    return clicked;
}

}  // namespace antrean::officer
