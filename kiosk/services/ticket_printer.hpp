#pragma once

// Writes ESC/POS bytes to the receipt printer: a device node such as /dev/usb/lp0, or a
// file, which tests and demonstrations use in place of a printer.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace antrean::kiosk {

enum class PrintStatus {
    Printing,       // sent to the worker, not finished yet
    Printed,
    NotConfigured,  // the kiosk was started without --printer
    Missing,        // the device does not exist
    Failed,         // opening or writing failed
};

struct PrintOutcome {
    PrintStatus status = PrintStatus::Printed;
    std::string reason;  // for the log: the path and the system error; never ticket content
};

// Appends `bytes` to `path`. A path under /dev must exist already (a missing device is
// reported, never created as a plain file); any other path is created when missing.
// Blocks until the bytes are written, so call it off the drawing thread.
PrintOutcome write_to_printer(const std::filesystem::path& path, const std::vector<std::uint8_t>& bytes);

}  // namespace antrean::kiosk
