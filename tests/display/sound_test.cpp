#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#include "i18n/catalog.hpp"
#include "sound/pcm.hpp"
#include "sound/speech_synthesizer.hpp"

using namespace antrean::display::sound;

namespace {

void put_u32(std::vector<std::uint8_t>& bytes, std::uint32_t value) {
    for (int shift = 0; shift < 32; shift += 8) {
        bytes.push_back(static_cast<std::uint8_t>(value >> shift));
    }
}

void put_u16(std::vector<std::uint8_t>& bytes, std::uint16_t value) {
    bytes.push_back(static_cast<std::uint8_t>(value));
    bytes.push_back(static_cast<std::uint8_t>(value >> 8));
}

void put_tag(std::vector<std::uint8_t>& bytes, const char* tag) {
    for (int i = 0; i < 4; ++i) {
        bytes.push_back(static_cast<std::uint8_t>(tag[i]));
    }
}

// A mono 16-bit WAV with `samples`, whose data size field contains `declared_data_size`.
std::vector<std::uint8_t> wav_bytes(const std::vector<std::int16_t>& samples, std::uint32_t declared_data_size,
                                    std::uint16_t bits = 16) {
    std::vector<std::uint8_t> bytes;
    put_tag(bytes, "RIFF");
    put_u32(bytes, 0x7FFFFFFF);
    put_tag(bytes, "WAVE");
    put_tag(bytes, "fmt ");
    put_u32(bytes, 16);
    put_u16(bytes, 1);  // PCM
    put_u16(bytes, 1);  // mono
    put_u32(bytes, 22050);
    put_u32(bytes, 44100);
    put_u16(bytes, 2);
    put_u16(bytes, bits);
    put_tag(bytes, "data");
    put_u32(bytes, declared_data_size);
    for (const std::int16_t sample : samples) {
        put_u16(bytes, static_cast<std::uint16_t>(sample));
    }
    return bytes;
}

bool program_in_path(const std::string& name) {
    const char* path = std::getenv("PATH");
    std::string folders = path != nullptr ? path : "";
    size_t start = 0;
    while (start <= folders.size()) {
        const size_t end = std::min(folders.find(':', start), folders.size());
        if (::access((folders.substr(start, end - start) + "/" + name).c_str(), X_OK) == 0) {
            return true;
        }
        start = end + 1;
    }
    return false;
}

}  // namespace

TEST_CASE("wav with exact sizes") {
    const std::vector<std::int16_t> samples{0, 1000, -1000, 32767, -32768};
    const auto bytes = wav_bytes(samples, static_cast<std::uint32_t>(samples.size() * 2));

    const auto audio = parse_wav(bytes);

    REQUIRE(audio.has_value());
    CHECK(audio->sample_rate == 22050);
    CHECK(audio->channels == 1);
    CHECK(audio->samples == samples);
}

TEST_CASE("wav from a pipe with placeholder sizes") {
    // espeak-ng --stdout cannot seek back, so it leaves 0x7FFFF000 in the data size.
    const std::vector<std::int16_t> samples(1000, 42);
    const auto audio = parse_wav(wav_bytes(samples, 0x7FFFF000));

    REQUIRE(audio.has_value());
    CHECK(audio->samples.size() == samples.size());
}

TEST_CASE("wav that is not 16-bit pcm is rejected") {
    CHECK_FALSE(parse_wav(wav_bytes({1, 2}, 4, 8)).has_value());
    const std::vector<std::uint8_t> not_wav{'R', 'I', 'F', 'F', 0, 0, 0, 0, 'A', 'V', 'I', ' '};
    CHECK_FALSE(parse_wav(not_wav).has_value());
    CHECK_FALSE(parse_wav(std::vector<std::uint8_t>{}).has_value());
}

TEST_CASE("chime is audible and ends in silence") {
    const PcmAudio chime = synthesize_chime(22050);

    CHECK(chime.sample_rate == 22050);
    CHECK(chime.channels == 1);
    CHECK(chime.duration_seconds() == doctest::Approx(1.6).epsilon(0.01));

    const auto loudest = std::max_element(chime.samples.begin(), chime.samples.end(),
                                          [](std::int16_t a, std::int16_t b) { return std::abs(a) < std::abs(b); });
    CHECK(std::abs(*loudest) == doctest::Approx(0.6 * 32767).epsilon(0.01));
    CHECK(chime.samples.front() == 0);
    CHECK(std::abs(chime.samples.back()) < 50);
}

TEST_CASE("chime has its three notes") {
    // Each note starts with a fresh attack, so the level rises again at 0.28 s and 0.56 s.
    const PcmAudio chime = synthesize_chime(22050);
    const auto level_around = [&](double seconds) {
        const auto centre = static_cast<size_t>(seconds * 22050);
        int peak = 0;
        for (size_t i = centre; i < centre + 400; ++i) {
            peak = std::max(peak, std::abs(static_cast<int>(chime.samples[i])));
        }
        return peak;
    };
    CHECK(level_around(0.30) > level_around(0.26));
    CHECK(level_around(0.58) > level_around(0.54));
}

TEST_CASE("silence and audio append") {
    PcmAudio audio{22050, 1, {}};
    append_silence(audio, 0.5);
    CHECK(audio.samples.size() == 11025);
    CHECK(append_audio(audio, PcmAudio{22050, 1, {1, 2, 3}}));
    CHECK(audio.samples.size() == 11028);
    CHECK_FALSE(append_audio(audio, PcmAudio{44100, 1, {1}}));
}

TEST_CASE("espeak-ng speaks Indonesian") {
    if (!program_in_path("espeak-ng")) {
        MESSAGE("espeak-ng is not installed (Debian package espeak-ng); skipping the speech test");
        return;
    }
    const auto speech = synthesize_speech("Nomor antrean A nol nol tujuh, silakan menuju meja dua.", "id");

    REQUIRE_MESSAGE(speech.has_value(), (speech ? "" : antrean::describe_untranslated(speech.error())));
    CHECK(speech->sample_rate == 22050);
    CHECK(speech->channels == 1);
    // A sentence of this length takes a few seconds to speak.
    CHECK(speech->duration_seconds() > 2.0);
    CHECK(speech->duration_seconds() < 10.0);
}

TEST_CASE("missing speech program is reported by name") {
    SpeechOptions options;
    options.program = "antrean-no-such-speech-program";
    const auto speech = synthesize_speech("Tes", "id", options);

    REQUIRE_FALSE(speech.has_value());
    CHECK(speech.error().message_key == "error.speech.program_missing");
    CHECK(speech.error().params.at("program") == "antrean-no-such-speech-program");
}

TEST_CASE("failing speech program is reported with its status") {
    SpeechOptions options;
    options.program = "false";
    const auto speech = synthesize_speech("Tes", "id", options);

    REQUIRE_FALSE(speech.has_value());
    CHECK(speech.error().message_key == "error.speech.failed");
    CHECK(speech.error().params.at("reason") == "exit status 1");
}
