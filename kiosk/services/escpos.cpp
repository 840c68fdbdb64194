#include "services/escpos.hpp"

#include <algorithm>

namespace antrean::kiosk {
namespace {

constexpr std::uint8_t kEsc = 0x1B;
constexpr std::uint8_t kGs = 0x1D;
constexpr std::uint8_t kLf = 0x0A;

constexpr size_t kMaxQrBytes = 7089;

// Decodes one UTF-8 sequence at `position`; returns U+FFFD for a malformed one.
char32_t next_code_point(std::string_view text, size_t& position) {
    const auto lead = static_cast<unsigned char>(text[position++]);
    if (lead < 0x80) {
        return lead;
    }
    int continuation = 0;
    char32_t value = 0;
    if ((lead & 0xE0) == 0xC0) {
        continuation = 1;
        value = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
        continuation = 2;
        value = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
        continuation = 3;
        value = lead & 0x07;
    } else {
        return 0xFFFD;
    }
    for (int i = 0; i < continuation; ++i) {
        if (position >= text.size() || (static_cast<unsigned char>(text[position]) & 0xC0) != 0x80) {
            return 0xFFFD;
        }
        value = (value << 6) | (static_cast<unsigned char>(text[position++]) & 0x3F);
    }
    return value;
}

// The base letter of Latin-1 letters with diacritics (U+00C0-U+00FF), '?' for the rest.
char strip_latin1_accent(char32_t c) {
    static constexpr std::string_view kBases =
        "AAAAAAACEEEEIIII"  // U+00C0-U+00CF
        "DNOOOOO?OUUUUYTs"  // U+00D0-U+00DF
        "aaaaaaaceeeeiiii"  // U+00E0-U+00EF
        "dnooooo?ouuuuyty";  // U+00F0-U+00FF
    if (c < 0xC0 || c > 0xFF) {
        return '?';
    }
    return kBases[c - 0xC0];
}

}  // namespace

std::string to_printer_text(std::string_view utf8) {
    std::string out;
    size_t position = 0;
    while (position < utf8.size()) {
        const char32_t c = next_code_point(utf8, position);
        if (c == '\n' || c == '\t') {
            out += ' ';
        } else if (c >= 0x20 && c < 0x7F) {
            out += static_cast<char>(c);
        } else if (c == 0x2010 || c == 0x2011 || c == 0x2012 || c == 0x2013 || c == 0x2014 ||
                   c == 0x2212) {
            out += '-';
        } else if (c == 0x2018 || c == 0x2019 || c == 0x201A) {
            out += '\'';
        } else if (c == 0x201C || c == 0x201D || c == 0x201E) {
            out += '"';
        } else if (c == 0x2026) {
            out += "...";
        } else if (c == 0x2022 || c == 0x00B7) {
            out += '-';
        } else if (c == 0x00A0) {
            out += ' ';
        } else {
            out += strip_latin1_accent(c);
        }
    }
    return out;
}

std::vector<std::string> wrap_columns(std::string_view text, int columns) {
    std::vector<std::string> lines;
    const size_t width = static_cast<size_t>(std::max(columns, 1));
    std::string line;
    size_t position = 0;
    while (position < text.size()) {
        while (position < text.size() && text[position] == ' ') {
            ++position;
        }
        size_t end = text.find(' ', position);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        std::string_view word = text.substr(position, end - position);
        position = end;
        if (word.empty()) {
            continue;
        }
        if (!line.empty() && line.size() + 1 + word.size() <= width) {
            line += ' ';
            line += word;
            continue;
        }
        if (!line.empty()) {
            lines.push_back(std::move(line));
            line.clear();
        }
        while (word.size() > width) {
            lines.emplace_back(word.substr(0, width));
            word.remove_prefix(width);
        }
        line = std::string(word);
    }
    if (!line.empty()) {
        lines.push_back(std::move(line));
    }
    return lines;
}

void EscPosWriter::put(std::initializer_list<std::uint8_t> values) {
    bytes_.insert(bytes_.end(), values.begin(), values.end());
}

void EscPosWriter::put_text(std::string_view text) {
    bytes_.insert(bytes_.end(), text.begin(), text.end());
}

EscPosWriter& EscPosWriter::initialize() {
    put({kEsc, '@'});
    return *this;
}

EscPosWriter& EscPosWriter::align(EscPosAlign alignment) {
    put({kEsc, 'a', static_cast<std::uint8_t>(alignment)});
    return *this;
}

EscPosWriter& EscPosWriter::bold(bool on) {
    put({kEsc, 'E', static_cast<std::uint8_t>(on ? 1 : 0)});
    return *this;
}

EscPosWriter& EscPosWriter::character_size(int width, int height) {
    const int w = std::clamp(width, 1, 8) - 1;
    const int h = std::clamp(height, 1, 8) - 1;
    put({kGs, '!', static_cast<std::uint8_t>((w << 4) | h)});
    return *this;
}

EscPosWriter& EscPosWriter::text_line(std::string_view text, int columns) {
    const std::vector<std::string> lines = wrap_columns(to_printer_text(text), columns);
    if (lines.empty()) {
        return line_feed();
    }
    for (const std::string& line : lines) {
        put_text(line);
        put({kLf});
    }
    return *this;
}

EscPosWriter& EscPosWriter::line_feed() {
    put({kLf});
    return *this;
}

EscPosWriter& EscPosWriter::feed_lines(int lines) {
    put({kEsc, 'd', static_cast<std::uint8_t>(std::clamp(lines, 0, 255))});
    return *this;
}

EscPosWriter& EscPosWriter::qr_code(std::string_view data, int module_dots) {
    if (data.size() > kMaxQrBytes) {
        data = data.substr(0, kMaxQrBytes);
    }
    const auto module = static_cast<std::uint8_t>(std::clamp(module_dots, 1, 16));
    // Function 165: select model 2.
    put({kGs, '(', 'k', 4, 0, '1', 'A', '2', 0});
    // Function 167: module size in dots.
    put({kGs, '(', 'k', 3, 0, '1', 'C', module});
    // Function 169: error correction level M ('1'), which survives about 15 % damage.
    put({kGs, '(', 'k', 3, 0, '1', 'E', '1'});
    // Function 180: store the data; the length counts the three bytes cn fn m too.
    const size_t length = data.size() + 3;
    put({kGs, '(', 'k', static_cast<std::uint8_t>(length & 0xFF), static_cast<std::uint8_t>(length >> 8),
         '1', 'P', '0'});
    put_text(data);
    // Function 181: print the stored symbol.
    put({kGs, '(', 'k', 3, 0, '1', 'Q', '0'});
    return *this;
}

EscPosWriter& EscPosWriter::cut() {
    put({kGs, 'V', 'B', 0});
    return *this;
}

std::vector<std::uint8_t> encode_ticket(const PrintedTicket& ticket) {
    constexpr int kCodeSize = 4;
    EscPosWriter writer;
    writer.initialize().align(EscPosAlign::Center);
    if (!ticket.office_name.empty()) {
        writer.bold(true).text_line(ticket.office_name).bold(false);
    }
    writer.line_feed().text_line(ticket.heading);
    writer.character_size(kCodeSize, kCodeSize).bold(true)
        .text_line(ticket.code, kEscPosColumns / kCodeSize)
        .bold(false).character_size(1, 1);
    writer.line_feed().bold(true).text_line(ticket.area).bold(false);
    writer.text_line(ticket.date_time);
    writer.text_line(ticket.wait);
    if (!ticket.appointment.empty()) {
        writer.text_line(ticket.appointment);
    }
    if (!ticket.qr_data.empty()) {
        constexpr int kQrModuleDots = 6;
        writer.line_feed().qr_code(ticket.qr_data, kQrModuleDots).text_line(ticket.qr_caption);
    }
    writer.line_feed().text_line(ticket.footer);
    writer.feed_lines(3).cut();
    return writer.bytes();
}

}  // namespace antrean::kiosk
