// A workbook in the form of record_sheets.h -> the records file (XML) that `check` and
// `render` read, plus where each element came from, so that the records reader's and the
// rules' findings can name the sheet, cell and column instead of an XML line.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "workbook/workbook.h"

namespace stdok {

// Where a line of the generated XML came from.
struct XmlOrigin {
  int line = 0;          // first line of the element in the XML text
  int sheet = -1;        // index in RecordSheets()
  std::size_t row = 0;   // 0-based row on that sheet
  std::string path;      // the element's path below the row's element ("" for the row itself)
};

struct ImportedRecords {
  std::string xml;                   // a complete records file, UTF-8
  std::vector<XmlOrigin> origins;    // ordered by line
  std::string workbook_path;
  // Per sheet of RecordSheets(): the workbook column of each of SheetHeaders(sheet), -1 when
  // the sheet or the column is not there.
  std::vector<std::vector<int>> columns;
};

// Converts `workbook` (its path names the file in diagnostics). Every problem with a cell or a
// row goes to *diagnostics as "Sheet!C14 (Header): …", with the trainee's id when the row
// belongs to one (an error then stops that trainee's documents, as the same error in XML
// would); a bad cell is left out, a row that cannot be placed is left out, the others are kept.
ImportedRecords ImportWorkbook(const Workbook& workbook, Diagnostics* diagnostics);

// Rewrites the locations of diagnostics on the generated XML (location.file == xml_path) into
// the workbook's sheet, cell and column: location "cohort.xlsx:Placeringar!C14", message
// prefixed "Placeringar!C14 (Start): ".
void LocateInWorkbook(const ImportedRecords& records, const std::string& xml_path, Diagnostics* diagnostics);

}  // namespace stdok
