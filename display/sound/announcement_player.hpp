#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "sound/speech_synthesizer.hpp"

// Plays call announcements one after another: the chime, then each sentence in its voice.
// A call is never cut off by the next one, which waits in the queue until the sound has
// finished.
namespace antrean::display::sound {

struct Sentence {
    std::string voice;  // espeak-ng voice, "id" or "en"
    std::string text;
};

struct SpokenCall {
    std::string key;      // the display model's announcement key
    std::string summary;  // "A-007 at Meja 2", for the log; never personal data
    std::vector<Sentence> sentences;
    // Late calls may be withdrawn while queued (see withdraw_late_if).
    bool late = false;
};

// Returns whether SFML can play sound on this machine. SFML 2.5 reports no error it is safe
// to rely on when there is no device: buffers load with nonsense sizes and sounds never
// start. So the check plays a short silence and reads getStatus(). OpenAL's and ALSA's own
// complaints are kept off standard error during the check, because the caller logs one
// warning instead. Call it once at start-up, before other threads write to standard error.
bool audio_device_works();

class AnnouncementPlayer {
public:
    explicit AnnouncementPlayer(SpeechOptions speech = {});
    // Stops the worker thread and any sound playing.
    ~AnnouncementPlayer();

    AnnouncementPlayer(const AnnouncementPlayer&) = delete;
    AnnouncementPlayer& operator=(const AnnouncementPlayer&) = delete;

    void enqueue(SpokenCall call);
    // Drops the queued late calls for which `should_withdraw(key)` returns true. A call that
    // already plays is never stopped.
    void withdraw_late_if(const std::function<bool(const std::string& key)>& should_withdraw);
    // The number of calls waiting, not counting the one playing.
    size_t queued() const;
    // The number of calls played to the end since start.
    size_t played() const;

private:
    void run();
    // Builds the chime and the sentences into one sound, or the chime alone when speech fails.
    PcmAudio render(const SpokenCall& call);
    // Plays `audio` to the end or until stop. Returns false when the device did not start.
    bool play(const PcmAudio& audio);

    const SpeechOptions speech_;

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<SpokenCall> queue_;
    bool stop_ = false;
    size_t played_ = 0;
    bool speech_warning_logged_ = false;
    bool device_warning_logged_ = false;
    std::thread worker_;
};

}  // namespace antrean::display::sound
