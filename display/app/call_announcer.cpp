#include "app/call_announcer.hpp"

#include <spdlog/spdlog.h>

#include "model/spoken_text.hpp"

namespace antrean::display {

CallAnnouncer::CallAnnouncer(const Catalog& catalog, std::vector<Language> voice_languages,
                             int words_per_minute, bool sound_on)
    : catalog_(catalog), voice_languages_(std::move(voice_languages)) {
    if (!sound_on) {
        spdlog::info("Sound is off (--mute); calls are shown and logged only");
        return;
    }
    if (!sound::audio_device_works()) {
        spdlog::warn("No working audio device (SFML/OpenAL could not play a test sound); calls "
                     "are shown on screen without sound. On a machine without a sound card, "
                     "ALSOFT_DRIVERS=null gives OpenAL a silent device.");
        return;
    }
    sound::SpeechOptions speech;
    speech.words_per_minute = words_per_minute;
    player_ = std::make_unique<sound::AnnouncementPlayer>(speech);
}

void CallAnnouncer::announce(const std::vector<PendingAnnouncement>& announcements) {
    for (const PendingAnnouncement& pending : announcements) {
        sound::SpokenCall call;
        call.key = pending.key;
        call.late = pending.late;
        call.summary = pending.call.ticket_code + " at " + pending.call.desk_name +
                       (pending.call.recall ? " (recall)" : "") + (pending.late ? " (late)" : "");
        for (const Language language : voice_languages_) {
            call.sentences.push_back(sound::Sentence{sound::voice_for(to_string(language)),
                                                     announcement_text(catalog_, language, pending.call)});
        }

        if (player_) {
            player_->enqueue(std::move(call));
            continue;
        }
        std::string text;
        for (const sound::Sentence& sentence : call.sentences) {
            text += (text.empty() ? "" : " ") + sentence.text;
        }
        spdlog::info("Call {} (sound off): {}", call.summary, text);
    }
}

void CallAnnouncer::withdraw_stale(const DisplayModel& model) {
    if (player_) {
        player_->withdraw_late_if([&](const std::string& key) { return !model.still_called(key); });
    }
}

}  // namespace antrean::display
