#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "domain/error.hpp"

// Mono 16-bit PCM audio, the format espeak-ng writes and the chime is made in.
namespace antrean::display::sound {

struct PcmAudio {
    unsigned sample_rate = 0;
    unsigned channels = 1;
    std::vector<std::int16_t> samples;  // interleaved when channels > 1

    double duration_seconds() const;
};

// Parses a RIFF WAVE file with 16-bit PCM samples. The size fields may be wrong, because
// `espeak-ng --stdout` writes to a pipe and cannot seek back to fill them in; the data chunk
// then runs to the end of the bytes. Fails with ErrorCode::InvalidInput and message_key
// "error.wav.invalid" with the param {reason} for anything else.
Result<PcmAudio> parse_wav(std::span<const std::uint8_t> bytes);

// Appends `seconds` of silence.
void append_silence(PcmAudio& audio, double seconds);

// Appends `other`, which must have the same rate and channel count, and returns false
// otherwise.
bool append_audio(PcmAudio& audio, const PcmAudio& other);

// A three-note rising chime, generated so no third-party sound file is needed: C5, E5 and G5,
// each a sine with a quieter octave overtone, a 5 ms attack against clicks and an
// exponential fade. About 1.6 s long, peaking at about 60 % of full scale.
PcmAudio synthesize_chime(unsigned sample_rate);

}  // namespace antrean::display::sound
