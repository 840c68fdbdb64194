#pragma once

// QR codes for the ticket screen, made with libqrencode.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace antrean::kiosk {

// The modules of a QR symbol, without the quiet zone: true = dark.
struct QrMatrix {
    int size = 0;  // modules per side
    std::vector<bool> modules;  // row by row, size * size entries

    bool dark(int x, int y) const { return modules[static_cast<size_t>(y * size + x)]; }
};

// Encodes `data` as 8-bit data with error correction level M, in the smallest version
// that holds it. Returns nothing when libqrencode fails (data too long or out of memory).
std::optional<QrMatrix> make_qr_matrix(std::string_view data);

}  // namespace antrean::kiosk
