#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "services/escpos.hpp"
#include "services/qr_code.hpp"
#include "services/ticket_printer.hpp"

using namespace antrean::kiosk;

namespace {

using Bytes = std::vector<std::uint8_t>;

Bytes bytes_of(std::initializer_list<int> values) {
    Bytes bytes;
    for (const int value : values) {
        bytes.push_back(static_cast<std::uint8_t>(value));
    }
    return bytes;
}

void append(Bytes& bytes, const Bytes& more) {
    bytes.insert(bytes.end(), more.begin(), more.end());
}

void append_text(Bytes& bytes, const std::string& text) {
    bytes.insert(bytes.end(), text.begin(), text.end());
    bytes.push_back(0x0A);
}

// A temporary folder removed at the end of the test.
struct TempDir {
    std::filesystem::path path;
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "antrean-kiosk-test-XXXXXX").string();
        REQUIRE(mkdtemp(pattern.data()) != nullptr);
        path = pattern;
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
};

}  // namespace

TEST_CASE("escpos writer emits the standard command bytes") {
    EscPosWriter writer;
    writer.initialize().align(EscPosAlign::Center).bold(true).character_size(2, 3).feed_lines(4).cut();
    CHECK(writer.bytes() == bytes_of({0x1B, 0x40, 0x1B, 0x61, 0x01, 0x1B, 0x45, 0x01, 0x1D, 0x21, 0x12, 0x1B, 0x64,
                                      0x04, 0x1D, 0x56, 0x42, 0x00}));
}

TEST_CASE("escpos character size is clamped to 1-8") {
    EscPosWriter writer;
    writer.character_size(0, 9);
    CHECK(writer.bytes() == bytes_of({0x1D, 0x21, 0x07}));
}

TEST_CASE("escpos qr code uses model 2, level M and the stored length") {
    EscPosWriter writer;
    writer.qr_code("https://x", 6);
    Bytes expected = bytes_of({0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00,   // model 2
                               0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, 0x06,         // module 6 dots
                               0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, 0x31,         // level M
                               0x1D, 0x28, 0x6B, 0x0C, 0x00, 0x31, 0x50, 0x30});       // store 9 + 3 bytes
    const std::string data = "https://x";
    expected.insert(expected.end(), data.begin(), data.end());
    append(expected, bytes_of({0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30}));  // print
    CHECK(writer.bytes() == expected);
}

TEST_CASE("escpos qr length over 255 bytes uses the high byte") {
    EscPosWriter writer;
    writer.qr_code(std::string(300, 'a'), 4);
    const Bytes& bytes = writer.bytes();
    // The store command follows model, size and level: 9 + 8 + 8 bytes.
    REQUIRE(bytes.size() > 30);
    CHECK(bytes[25 + 3] == (303 & 0xFF));
    CHECK(bytes[25 + 4] == (303 >> 8));
}

TEST_CASE("printer text replaces what code page 437 cannot print the same way") {
    CHECK(to_printer_text("sekitar 10–20 menit") == "sekitar 10-20 menit");
    CHECK(to_printer_text("“Tiket” ’s …") == "\"Tiket\" 's ...");
    CHECK(to_printer_text("Sébastien Müller") == "Sebastien Muller");
    CHECK(to_printer_text("Jam\nbaru") == "Jam baru");
    CHECK(to_printer_text("日本") == "??");
    CHECK(to_printer_text("\xC3") == "?");
}

TEST_CASE("wrap_columns breaks at spaces and cuts long words") {
    CHECK(wrap_columns("Layanan ini tidak dipungut biaya", 16) ==
          std::vector<std::string>{"Layanan ini", "tidak dipungut", "biaya"});
    CHECK(wrap_columns("ABCDEFGHIJ", 4) == std::vector<std::string>{"ABCD", "EFGH", "IJ"});
    CHECK(wrap_columns("  ", 10).empty());
}

TEST_CASE("encode_ticket produces the exact ticket bytes") {
    PrintedTicket ticket;
    ticket.office_name = "Lini Bappebti";
    ticket.heading = "Nomor Antrean";
    ticket.code = "A-012";
    ticket.area = "Layanan: PBK";
    ticket.date_time = "Jumat, 4 Desember 2026, 09.30 WIB";
    ticket.wait = "Perkiraan waktu tunggu: sekitar 10–20 menit";
    ticket.qr_data = "http://q";
    ticket.qr_caption = "Pindai kode QR.";
    ticket.footer = "Layanan ini tidak dipungut biaya";

    Bytes expected = bytes_of({0x1B, 0x40, 0x1B, 0x61, 0x01, 0x1B, 0x45, 0x01});
    append_text(expected, "Lini Bappebti");
    append(expected, bytes_of({0x1B, 0x45, 0x00, 0x0A}));
    append_text(expected, "Nomor Antrean");
    append(expected, bytes_of({0x1D, 0x21, 0x33, 0x1B, 0x45, 0x01}));
    append_text(expected, "A-012");
    append(expected, bytes_of({0x1B, 0x45, 0x00, 0x1D, 0x21, 0x00, 0x0A, 0x1B, 0x45, 0x01}));
    append_text(expected, "Layanan: PBK");
    append(expected, bytes_of({0x1B, 0x45, 0x00}));
    append_text(expected, "Jumat, 4 Desember 2026, 09.30 WIB");
    append_text(expected, "Perkiraan waktu tunggu: sekitar 10-20 menit");
    append(expected, bytes_of({0x0A}));
    append(expected, bytes_of({0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00, 0x1D, 0x28, 0x6B, 0x03, 0x00,
                               0x31, 0x43, 0x06, 0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, 0x31, 0x1D, 0x28, 0x6B,
                               0x0B, 0x00, 0x31, 0x50, 0x30}));
    append(expected, Bytes{'h', 't', 't', 'p', ':', '/', '/', 'q'});
    append(expected, bytes_of({0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30}));
    append_text(expected, "Pindai kode QR.");
    append(expected, bytes_of({0x0A}));
    append_text(expected, "Layanan ini tidak dipungut biaya");
    append(expected, bytes_of({0x1B, 0x64, 0x03, 0x1D, 0x56, 0x42, 0x00}));

    CHECK(encode_ticket(ticket) == expected);
}

TEST_CASE("encode_ticket adds the appointment line for booked visitors") {
    PrintedTicket ticket;
    ticket.code = "A-001";
    ticket.appointment = "Janji temu pukul 10.00 WIB dengan B*** S.";
    const Bytes bytes = encode_ticket(ticket);
    const std::string text(bytes.begin(), bytes.end());
    CHECK(text.find("Janji temu pukul 10.00 WIB dengan B*** S.\n") != std::string::npos);
    // Without a status URL there is no QR code.
    CHECK(text.find("\x1D(k") == std::string::npos);
}

TEST_CASE("write_to_printer appends to a file and reports a missing device") {
    TempDir dir;
    const std::filesystem::path file = dir.path / "printer.bin";
    CHECK(write_to_printer(file, bytes_of({1, 2})).status == PrintStatus::Printed);
    CHECK(write_to_printer(file, bytes_of({3})).status == PrintStatus::Printed);
    std::ifstream in(file, std::ios::binary);
    const Bytes written((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(written == bytes_of({1, 2, 3}));

    const PrintOutcome missing = write_to_printer("/dev/antrean-no-such-printer", bytes_of({1}));
    CHECK(missing.status == PrintStatus::Missing);
    CHECK_FALSE(std::filesystem::exists("/dev/antrean-no-such-printer"));

    const PrintOutcome no_folder = write_to_printer(dir.path / "absent" / "printer.bin", bytes_of({1}));
    CHECK(no_folder.status == PrintStatus::Missing);
    CHECK(no_folder.reason.find("absent") != std::string::npos);
}

TEST_CASE("qr matrix holds a status URL") {
    const auto matrix = make_qr_matrix("http://127.0.0.1:8080/api/v1/tickets/12/status?token=0123456789abcdef0123456789abcdef");
    REQUIRE(matrix.has_value());
    // A version-N symbol has 17 + 4N modules per side.
    CHECK((matrix->size - 17) % 4 == 0);
    CHECK(matrix->modules.size() == static_cast<size_t>(matrix->size * matrix->size));
    // The finder pattern's corner is dark and its inner ring light.
    CHECK(matrix->dark(0, 0));
    CHECK_FALSE(matrix->dark(1, 1));
    CHECK(matrix->dark(2, 2));
}
