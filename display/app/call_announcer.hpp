#pragma once

#include <memory>
#include <vector>

#include "i18n/catalog.hpp"
#include "model/display_model.hpp"
#include "sound/announcement_player.hpp"

namespace antrean::display {

// Turns the model's announcements into sound, or into log lines when sound is off.
class CallAnnouncer {
public:
    // With `sound_on` false, or when no audio device works, calls are only logged. The
    // device check logs one warning when it fails.
    CallAnnouncer(const Catalog& catalog, std::vector<Language> voice_languages,
                  int words_per_minute, bool sound_on);

    void announce(const std::vector<PendingAnnouncement>& announcements);
    // Drops queued late announcements whose ticket is no longer waiting for its visitor.
    void withdraw_stale(const DisplayModel& model);

    bool sound_on() const { return player_ != nullptr; }

private:
    const Catalog& catalog_;
    std::vector<Language> voice_languages_;
    std::unique_ptr<sound::AnnouncementPlayer> player_;
};

}  // namespace antrean::display
