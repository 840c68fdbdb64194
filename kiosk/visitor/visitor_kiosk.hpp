#pragma once

// The visitor kiosk: owns the flow and the screens' states, sends check-ins and health
// checks through KioskApi, prints tickets on a background thread, and draws the current
// screen. The program's main loop calls update() and draw().

#include <filesystem>
#include <memory>
#include <optional>

#include "domain/office_time.hpp"
#include "i18n/catalog.hpp"
#include "services/background_worker.hpp"
#include "services/kiosk_api.hpp"
#include "ui/ui_context.hpp"
#include "visitor/screens.hpp"
#include "visitor/visitor_flow.hpp"

namespace antrean::kiosk {

struct VisitorKioskSettings {
    // Where ESC/POS bytes go; none = no printer, which the ticket screen says.
    std::optional<std::filesystem::path> printer;
    // A fixed clock for screenshots; the office's real time when empty.
    std::optional<LocalDateTime> fixed_clock;
};

class VisitorKiosk {
  public:
    // `api` may be null (screenshots): then nothing is sent and the flow stays as set up.
    VisitorKiosk(const Catalog& catalog, KioskApi* api, Wakeup& wakeup, VisitorKioskSettings settings);

    // Runs finished requests' callbacks, applies the timers and schedules health checks.
    // Returns true when something visible changed and a frame should be drawn.
    bool update(MonotonicMs now);

    // Draws the current screen and its dialogs, then carries out what a screen asked for
    // (a check-in). Returns the name of the screen drawn.
    const char* draw(ui::UiContext& ui, MonotonicMs now);

    // Whether the screen shows an animation that needs frames without input.
    bool animating() const;
    // The next time update() may change something, for a loop that sleeps until then.
    std::optional<MonotonicMs> next_deadline() const;

    void note_input(MonotonicMs now) { flow_.note_input(now); }

    VisitorFlow& flow() { return flow_; }
    void set_config(KioskConfig config) { config_ = std::move(config); }
    TicketScreenState& ticket_state() { return ticket_state_; }

  private:
    void submit_check_in();
    void submit_booking();
    void on_ticket(Result<TicketInfo> result, std::uint64_t session);
    void print_ticket(const TicketInfo& ticket, std::uint64_t session);
    void schedule_background_calls(MonotonicMs now);
    std::optional<LocalDateTime> office_clock() const;

    const Catalog& catalog_;
    KioskApi* api_;
    VisitorKioskSettings settings_;
    BackgroundWorker printer_worker_;

    VisitorFlow flow_;
    std::optional<KioskConfig> config_;
    std::optional<OfficeTime> office_time_;
    Language api_language_ = Language::Indonesian;

    TypingState typing_state_;
    TicketScreenState ticket_state_;

    MonotonicMs next_health_check_ = 0;
    bool request_in_flight_ = false;
    int config_failures_ = 0;
    bool changed_ = true;
    int shown_minute_ = -1;
    MonotonicMs last_update_ = 0;
};

}  // namespace antrean::kiosk
