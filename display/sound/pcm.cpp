#include "sound/pcm.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <string_view>

namespace antrean::display::sound {
namespace {

tl::unexpected<Error> invalid_wav(std::string reason) {
    return fail(ErrorCode::InvalidInput, "", "error.wav.invalid", {{"reason", std::move(reason)}});
}

std::uint32_t read_u32(std::span<const std::uint8_t> bytes, size_t offset) {
    return static_cast<std::uint32_t>(bytes[offset]) |
           (static_cast<std::uint32_t>(bytes[offset + 1]) << 8) |
           (static_cast<std::uint32_t>(bytes[offset + 2]) << 16) |
           (static_cast<std::uint32_t>(bytes[offset + 3]) << 24);
}

std::uint16_t read_u16(std::span<const std::uint8_t> bytes, size_t offset) {
    return static_cast<std::uint16_t>(bytes[offset] | (bytes[offset + 1] << 8));
}

bool has_tag(std::span<const std::uint8_t> bytes, size_t offset, std::string_view tag) {
    return offset + 4 <= bytes.size() &&
           std::equal(tag.begin(), tag.end(), bytes.begin() + static_cast<std::ptrdiff_t>(offset),
                      [](char expected, std::uint8_t actual) {
                          return static_cast<std::uint8_t>(expected) == actual;
                      });
}

}  // namespace

double PcmAudio::duration_seconds() const {
    if (sample_rate == 0 || channels == 0) {
        return 0;
    }
    return static_cast<double>(samples.size()) / channels / sample_rate;
}

Result<PcmAudio> parse_wav(std::span<const std::uint8_t> bytes) {
    if (bytes.size() < 12 || !has_tag(bytes, 0, "RIFF") || !has_tag(bytes, 8, "WAVE")) {
        return invalid_wav("missing RIFF/WAVE header");
    }

    PcmAudio audio;
    bool have_format = false;
    size_t offset = 12;
    while (offset + 8 <= bytes.size()) {
        const std::uint32_t declared = read_u32(bytes, offset + 4);
        const size_t body = offset + 8;
        if (has_tag(bytes, offset, "fmt ")) {
            if (declared < 16 || body + 16 > bytes.size()) {
                return invalid_wav("fmt chunk shorter than 16 bytes");
            }
            const std::uint16_t format = read_u16(bytes, body);
            audio.channels = read_u16(bytes, body + 2);
            audio.sample_rate = read_u32(bytes, body + 4);
            const std::uint16_t bits = read_u16(bytes, body + 14);
            if (format != 1 || bits != 16) {
                return invalid_wav("only 16-bit PCM is supported");
            }
            if (audio.channels == 0 || audio.sample_rate == 0) {
                return invalid_wav("zero channels or sample rate");
            }
            have_format = true;
        } else if (has_tag(bytes, offset, "data")) {
            if (!have_format) {
                return invalid_wav("data chunk before fmt chunk");
            }
            // The declared size is a placeholder when the writer could not seek back.
            const size_t available = bytes.size() - body;
            const size_t size = std::min<size_t>(declared, available) & ~size_t{1};
            audio.samples.resize(size / 2);
            for (size_t i = 0; i < audio.samples.size(); ++i) {
                audio.samples[i] = static_cast<std::int16_t>(read_u16(bytes, body + 2 * i));
            }
            return audio;
        }
        // Chunks are padded to an even size.
        const size_t next = body + declared + (declared & 1u);
        if (next <= offset || next > bytes.size()) {
            break;
        }
        offset = next;
    }
    return invalid_wav(have_format ? "no data chunk" : "no fmt chunk");
}

void append_silence(PcmAudio& audio, double seconds) {
    const auto count = static_cast<size_t>(seconds * audio.sample_rate) * audio.channels;
    audio.samples.insert(audio.samples.end(), count, 0);
}

bool append_audio(PcmAudio& audio, const PcmAudio& other) {
    if (audio.sample_rate != other.sample_rate || audio.channels != other.channels) {
        return false;
    }
    audio.samples.insert(audio.samples.end(), other.samples.begin(), other.samples.end());
    return true;
}

PcmAudio synthesize_chime(unsigned sample_rate) {
    struct Note {
        double frequency;  // Hz
        double start;      // seconds
    };
    constexpr std::array kNotes{Note{523.25, 0.0}, Note{659.25, 0.28}, Note{783.99, 0.56}};
    constexpr double kLength = 1.6;
    constexpr double kAttack = 0.005;
    constexpr double kDecayPerSecond = 3.2;
    constexpr double kOvertone = 0.3;
    constexpr double kPeak = 0.6 * 32767;

    PcmAudio audio;
    audio.sample_rate = sample_rate;
    audio.channels = 1;
    const auto count = static_cast<size_t>(kLength * sample_rate);
    std::vector<double> mix(count, 0.0);
    for (const Note& note : kNotes) {
        for (size_t i = 0; i < count; ++i) {
            const double t = static_cast<double>(i) / sample_rate - note.start;
            if (t < 0) {
                continue;
            }
            const double envelope = std::min(1.0, t / kAttack) * std::exp(-kDecayPerSecond * t);
            const double phase = 2 * std::numbers::pi * note.frequency * t;
            mix[i] += envelope * (std::sin(phase) + kOvertone * std::sin(2 * phase));
        }
    }

    // Scale the loudest sample to the peak, and fade the tail to zero against a click.
    double loudest = 1e-9;
    for (const double value : mix) {
        loudest = std::max(loudest, std::abs(value));
    }
    const double gain = kPeak / loudest;
    const size_t fade = std::min(count, static_cast<size_t>(0.05 * sample_rate));
    audio.samples.resize(count);
    for (size_t i = 0; i < count; ++i) {
        double value = mix[i] * gain;
        if (i >= count - fade) {
            value *= static_cast<double>(count - i) / static_cast<double>(fade);
        }
        audio.samples[i] = static_cast<std::int16_t>(std::clamp(value, -32767.0, 32767.0));
    }
    return audio;
}

}  // namespace antrean::display::sound
