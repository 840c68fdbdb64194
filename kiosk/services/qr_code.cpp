#include "services/qr_code.hpp"

#include <qrencode.h>

#include <memory>
#include <string>

namespace antrean::kiosk {

std::optional<QrMatrix> make_qr_matrix(std::string_view data) {
    const std::string text(data);
    const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeData(static_cast<int>(text.size()), reinterpret_cast<const unsigned char*>(text.data()),
                          0, QR_ECLEVEL_M),
        &QRcode_free);
    if (!code || code->width <= 0) {
        return std::nullopt;
    }
    QrMatrix matrix;
    matrix.size = code->width;
    matrix.modules.resize(static_cast<size_t>(code->width) * static_cast<size_t>(code->width));
    for (size_t i = 0; i < matrix.modules.size(); ++i) {
        // Bit 0 of each byte is the module's colour; the other bits describe its role.
        matrix.modules[i] = (code->data[i] & 1) != 0;
    }
    return matrix;
}

}  // namespace antrean::kiosk
