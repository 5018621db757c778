// libFuzzer target: the workbook reader (.xlsx through libzip and pugixml, or CSV), the import
// into a records file and the records reader on what the import writes must never crash (nor
// trip AddressSanitizer or UndefinedBehaviorSanitizer), whatever the bytes. Input that starts
// like a zip ("PK") is read as .xlsx, anything else as one CSV sheet (Placeringar).
// Seeds: tests/fuzz/corpus/workbook_reader/ (scripts/fuzz.sh).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "records/records_reader.h"
#include "workbook/csv_reader.h"
#include "workbook/workbook_import.h"
#include "workbook/xlsx_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  stdok::WorkbookLimits limits;
  limits.max_uncompressed_bytes = 16u << 20;
  limits.max_rows = 5000;
  limits.max_cells = 200000;
  stdok::Workbook workbook;
  workbook.path = "fuzz.xlsx";
  std::string error;
  if (bytes.substr(0, 2) == "PK") {
    if (!stdok::ReadXlsx(bytes, limits, &workbook, &error)) return 0;
  } else {
    stdok::Sheet sheet;
    sheet.name = "Placeringar";
    stdok::CsvFormat format;
    if (!stdok::ReadCsv(bytes, limits, &sheet, &format, &error)) return 0;
    workbook.sheets.push_back(std::move(sheet));
  }
  stdok::Diagnostics diagnostics;
  const stdok::ImportedRecords records = stdok::ImportWorkbook(workbook, &diagnostics);
  stdok::ReadRecords("fuzz.xml", records.xml, stdok::Date{2026, 11, 22}, &diagnostics);
  stdok::LocateInWorkbook(records, "fuzz.xml", &diagnostics);
  for (const auto& d : diagnostics) (void)d.ToString();
  return 0;
}
