#include "sound/announcement_player.hpp"

#include <fcntl.h>
#include <malloc.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <SFML/Audio.hpp>
#include <chrono>
#include <sstream>

#include "i18n/catalog.hpp"

namespace antrean::display::sound {
namespace {

// Sample rate of the chime when no speech sets one; espeak-ng 1.51 speaks at 22,050 Hz.
constexpr unsigned kDefaultSampleRate = 22050;
constexpr double kPauseAfterChime = 0.25;
constexpr double kPauseBetweenSentences = 0.6;
constexpr auto kStatusPollInterval = std::chrono::milliseconds(40);

// Points standard error and sf::err() elsewhere while it exists, and restores both after.
class QuietStandardError {
public:
    QuietStandardError() : saved_buffer_(sf::err().rdbuf(captured_.rdbuf())) {
        std::fflush(stderr);
        saved_fd_ = ::dup(STDERR_FILENO);
        const int null_fd = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
        if (null_fd >= 0) {
            ::dup2(null_fd, STDERR_FILENO);
            ::close(null_fd);
        }
    }
    ~QuietStandardError() {
        std::fflush(stderr);
        if (saved_fd_ >= 0) {
            ::dup2(saved_fd_, STDERR_FILENO);
            ::close(saved_fd_);
        }
        sf::err().rdbuf(saved_buffer_);
    }
    QuietStandardError(const QuietStandardError&) = delete;
    QuietStandardError& operator=(const QuietStandardError&) = delete;

    std::string captured() const { return captured_.str(); }

private:
    std::ostringstream captured_;
    std::streambuf* saved_buffer_;
    int saved_fd_ = -1;
};

}  // namespace

bool audio_device_works() {
    QuietStandardError quiet;
    const std::vector<sf::Int16> silence(kDefaultSampleRate / 20, 0);
    sf::SoundBuffer buffer;
    if (!buffer.loadFromSamples(silence.data(), silence.size(), 1, kDefaultSampleRate) ||
        buffer.getSampleRate() != kDefaultSampleRate) {
        return false;
    }
    sf::Sound probe(buffer);
    probe.play();
    const bool playing = probe.getStatus() == sf::Sound::Playing;
    probe.stop();
    if (!playing) {
        spdlog::debug("SFML audio check output: {}", quiet.captured());
    }
    return playing;
}

AnnouncementPlayer::AnnouncementPlayer(SpeechOptions speech)
    : speech_(std::move(speech)), worker_(&AnnouncementPlayer::run, this) {}

AnnouncementPlayer::~AnnouncementPlayer() {
    {
        const std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    worker_.join();
}

void AnnouncementPlayer::enqueue(SpokenCall call) {
    {
        const std::lock_guard lock(mutex_);
        queue_.push_back(std::move(call));
    }
    wake_.notify_all();
}

void AnnouncementPlayer::withdraw_late_if(
    const std::function<bool(const std::string& key)>& should_withdraw) {
    const std::lock_guard lock(mutex_);
    std::erase_if(queue_, [&](const SpokenCall& call) {
        if (!call.late || !should_withdraw(call.key)) {
            return false;
        }
        spdlog::info("Not announcing {}: the visitor has reached the desk since the call", call.summary);
        return true;
    });
}

size_t AnnouncementPlayer::queued() const {
    const std::lock_guard lock(mutex_);
    return queue_.size();
}

size_t AnnouncementPlayer::played() const {
    const std::lock_guard lock(mutex_);
    return played_;
}

void AnnouncementPlayer::run() {
    while (true) {
        SpokenCall call;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stop_ || !queue_.empty(); });
            if (stop_) {
                return;
            }
            call = std::move(queue_.front());
            queue_.pop_front();
        }

        const PcmAudio audio = render(call);
        std::string text;
        for (const Sentence& sentence : call.sentences) {
            text += (text.empty() ? "" : " ") + sentence.text;
        }
        spdlog::info("Announcing {}: {}", call.summary, text);
        const bool played = play(audio);
        // The sound's buffers are freed now; give their memory back to the system.
        malloc_trim(0);
        if (!played) {
            continue;
        }
        const std::lock_guard lock(mutex_);
        ++played_;
    }
}

PcmAudio AnnouncementPlayer::render(const SpokenCall& call) {
    std::vector<PcmAudio> voices;
    for (const Sentence& sentence : call.sentences) {
        Result<PcmAudio> speech = synthesize_speech(sentence.text, sentence.voice, speech_);
        if (speech) {
            voices.push_back(std::move(*speech));
            continue;
        }
        // One warning per run; later failures of the same kind go to the debug level.
        const std::string problem = describe_untranslated(speech.error());
        if (!speech_warning_logged_) {
            spdlog::warn("Speech synthesis failed, playing the chime without the voice: {}. "
                         "Install the Debian package espeak-ng to hear the calls.",
                         problem);
            speech_warning_logged_ = true;
        } else {
            spdlog::debug("Speech synthesis failed again: {}", problem);
        }
    }

    // The chime is made at the rate of the voice so the two can share one buffer.
    const unsigned rate = voices.empty() ? kDefaultSampleRate : voices.front().sample_rate;
    PcmAudio audio = synthesize_chime(rate);
    append_silence(audio, kPauseAfterChime);
    for (size_t i = 0; i < voices.size(); ++i) {
        if (i > 0) {
            append_silence(audio, kPauseBetweenSentences);
        }
        if (voices[i].channels != 1 || !append_audio(audio, voices[i])) {
            spdlog::warn("Skipping a voice sentence of {}: {} Hz with {} channels does not match the chime",
                         call.summary, voices[i].sample_rate, voices[i].channels);
        }
    }
    return audio;
}

bool AnnouncementPlayer::play(const PcmAudio& audio) {
    sf::SoundBuffer buffer;
    if (!buffer.loadFromSamples(audio.samples.data(), audio.samples.size(), audio.channels,
                                audio.sample_rate)) {
        spdlog::warn("Cannot load the announcement into an SFML sound buffer; the call stays on screen only");
        return false;
    }
    sf::Sound sound(buffer);
    sound.play();
    if (sound.getStatus() != sf::Sound::Playing) {
        if (!device_warning_logged_) {
            spdlog::warn("The audio device did not start playing; calls are shown on screen without sound");
            device_warning_logged_ = true;
        }
        return false;
    }

    // Wait for the end. Stopping the program is the only thing that cuts a call short.
    std::unique_lock lock(mutex_);
    while (sound.getStatus() == sf::Sound::Playing) {
        if (wake_.wait_for(lock, kStatusPollInterval, [this] { return stop_; })) {
            sound.stop();
            return false;
        }
    }
    return true;
}

}  // namespace antrean::display::sound
