// A records file (XML) -> the workbook form of record_sheets.h, written with libxlsxwriter:
// an Instruktioner sheet, then one sheet per kind of row with Swedish headers, frozen header
// rows, date formats and validation lists (yes/no, regulation, programme kind, …). Every text is
// written as text, so a value that starts with = + - @ is never a formula.
#pragma once

#include <string>
#include <string_view>

namespace stdok {

struct ExportOptions {
  bool empty = false;  // the sheets, headers and lists without any rows: a template to fill in
};

// Writes the workbook of `records_xml` (a records file that the records reader accepts; the
// caller reads it first) to `path`. False with *error when the XML cannot be parsed or the file
// cannot be written.
bool ExportWorkbook(std::string_view records_xml, const std::string& path, const ExportOptions& options,
                    std::string* error);

}  // namespace stdok
