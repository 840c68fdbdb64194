#pragma once

// ESC/POS commands for an 80 mm thermal receipt printer (Epson TM-T20/T88 class and the
// many compatibles): 576 dots per line, 48 columns in font A. Only commands that such
// printers share are used. The encoder builds bytes in memory, so its output is tested
// byte for byte without a printer.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace antrean::kiosk {

inline constexpr int kEscPosColumns = 48;  // font A (12 x 24 dots) on 80 mm paper

enum class EscPosAlign : std::uint8_t { Left = 0, Center = 1, Right = 2 };

class EscPosWriter {
  public:
    // ESC @: clears the print buffer and resets modes to the printer's defaults.
    EscPosWriter& initialize();
    // ESC a n
    EscPosWriter& align(EscPosAlign alignment);
    // ESC E n
    EscPosWriter& bold(bool on);
    // GS ! n: character width and height multipliers, each 1-8.
    EscPosWriter& character_size(int width, int height);
    // Prints `text` converted to the printer's code page (see to_printer_text), wrapped at
    // word boundaries to `columns` per line, each line ended by LF.
    EscPosWriter& text_line(std::string_view text, int columns = kEscPosColumns);
    // LF
    EscPosWriter& line_feed();
    // ESC d n: prints the buffer and feeds n lines.
    EscPosWriter& feed_lines(int lines);
    // GS ( k: a QR code, model 2, error correction level M, modules of `module_dots` dots
    // (1-16), holding `data` (at most 7089 bytes).
    EscPosWriter& qr_code(std::string_view data, int module_dots);
    // GS V B 0: feeds to the cutter and cuts partially, leaving a tab to tear.
    EscPosWriter& cut();

    const std::vector<std::uint8_t>& bytes() const { return bytes_; }

  private:
    void put(std::initializer_list<std::uint8_t> values);
    void put_text(std::string_view text);

    std::vector<std::uint8_t> bytes_;
};

// Converts UTF-8 to what the printer's default code page (PC437) prints the same way:
// ASCII passes through, typographic dashes, quotes, the ellipsis and bullets become ASCII
// look-alikes, Latin letters with accents lose them, and any other character becomes '?'.
std::string to_printer_text(std::string_view utf8);

// Splits text into lines of at most `columns` characters at spaces; a word longer than
// a line is cut. Counts bytes, so convert with to_printer_text first.
std::vector<std::string> wrap_columns(std::string_view text, int columns);

// The printed ticket: every text already translated into the visitor's language.
struct PrintedTicket {
    std::string office_name;
    std::string heading;      // "Nomor Antrean"
    std::string code;         // "A-001"
    std::string area;         // "Layanan: Perdagangan Berjangka Komoditi (PBK)"
    std::string date_time;    // "Jumat, 4 Desember 2026, 09.30 WIB"
    std::string wait;         // "Perkiraan waktu tunggu: sekitar 10–20 menit"
    std::string appointment;  // booked visitors: "Janji temu 10.00 WIB, B*** S."; else empty
    std::string qr_data;      // the status URL; no QR code when empty
    std::string qr_caption;   // "Pindai kode QR untuk melihat antrean Anda."
    std::string footer;       // "Layanan ini tidak dipungut biaya."
};

// Encodes a ticket: centered office name, heading, the code at four times the normal
// size, the area, date and time, estimate, appointment, QR code and footer, then a cut.
std::vector<std::uint8_t> encode_ticket(const PrintedTicket& ticket);

}  // namespace antrean::kiosk
