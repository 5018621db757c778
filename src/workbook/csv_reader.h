// Reads one CSV file as one sheet: UTF-8 (with or without a byte order mark) or, when the
// bytes are not UTF-8, Windows-1252 (Swedish Excel's "CSV"); fields separated by semicolons
// or commas, whichever the first line uses outside quotes; quoted fields may hold separators,
// doubled quotes and line breaks. Every cell is text.
#pragma once

#include <string>
#include <string_view>

#include "workbook/workbook.h"
#include "workbook/xlsx_reader.h"

namespace stdok {

struct CsvFormat {
  std::string encoding;  // "UTF-8" or "Windows-1252"
  char separator = ';';
};

// Reads `bytes` into *sheet (its name is left as set). False with *error when a quoted field
// is not closed or the file is over `limits` (rows, columns, cells). Never throws.
bool ReadCsv(std::string_view bytes, const WorkbookLimits& limits, Sheet* sheet, CsvFormat* format,
             std::string* error);

}  // namespace stdok
