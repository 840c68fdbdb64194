#pragma once

#include <chrono>
#include <string>

#include "domain/error.hpp"
#include "sound/pcm.hpp"

// Speech from the espeak-ng program (Debian package espeak-ng, 1.51 in Debian 12).
//
// The display runs the program as a child process and reads the WAV it writes to standard
// output, rather than linking libespeak-ng. The library is GPL-3+, so linking it would decide
// the display's licence; running the program keeps that choice open. A fault inside the
// synthesiser also ends only the child, never the display.
namespace antrean::display::sound {

struct SpeechOptions {
    std::string program = "espeak-ng";  // looked up in PATH unless it contains a '/'
    // espeak-ng's default is 175; a little slower carries better across a waiting hall.
    int words_per_minute = 150;
    // espeak-ng needs about 10 ms for a call; the limit only guards against a hung child.
    std::chrono::milliseconds timeout{5000};
};

// Returns the espeak-ng voice name for a catalogue language ("id", "en").
std::string voice_for(const std::string& language_code);

// Speaks `text` with `voice` into PCM audio. The text is passed as one argument after "--",
// never through a shell. Errors (ErrorCode::Unavailable): "error.speech.program_missing"
// {program}, "error.speech.failed" {program} {reason}, "error.speech.timed_out" {program}
// {milliseconds}; and parse_wav's errors for unreadable output.
Result<PcmAudio> synthesize_speech(const std::string& text, const std::string& voice,
                                   const SpeechOptions& options = {});

}  // namespace antrean::display::sound
