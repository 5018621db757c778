// `stdok import`: a workbook (.xlsx, .csv, a folder of .csv) -> a records file (XML) that
// `check` and `render` accept as they are. `stdok export`: a records file -> the workbook
// (docs/workbook.md), or the empty template an administrator fills in.
#pragma once

#include <string>

#include "core/date.h"
#include "core/status.h"
#include "output/file_system.h"

namespace stdok {

struct ImportOptions {
  std::string input;   // .xlsx, .csv or a folder of .csv
  std::string output;  // the records file to write
  Date today;          // for the records reader's check of what was written
};

// Converts and writes the records file (also when some cells or rows have problems: those are
// left out and reported), then reads it back as `check` would, so that the reader's findings
// are reported at their cells. Returns 0 no errors, 1 errors in some rows (the file is
// written), 2 the input cannot be read or the output cannot be written.
int RunImport(const ImportOptions& options, FileSystem* fs, Diagnostics* diagnostics);

struct ExportJobOptions {
  std::string input;   // records file (XML); empty with `empty`
  std::string output;  // .xlsx to write
  bool empty = false;  // the template: every sheet and header, no rows
  Date today;
};

// Reads the records file (refused or unreadable: 2), writes the workbook atomically (cannot:
// 2). 0 otherwise; the records reader's findings go to *diagnostics (they do not stop the
// export: the workbook is where they are fixed).
int RunExport(const ExportJobOptions& options, FileSystem* fs, Diagnostics* diagnostics);

}  // namespace stdok
