// The records file and its region's profile, as `check` and `status` read them.
#pragma once

#include <string>

#include "core/date.h"
#include "core/status.h"
#include "fill/context.h"
#include "output/file_system.h"
#include "records/model.h"
#include "workbook/workbook_import.h"

namespace stdok {

struct RecordsInput {
  RecordsFile file;
  Profile profile;  // the region's profile from TEMPLATES/profiles, else empty
  // When the input is a workbook (app/workbook_input.h): its conversion, so that findings
  // made later (the rules') can be located in its cells with LocateInWorkbook.
  ImportedRecords workbook;
};

// Reads `input`, a records file or a workbook (.xlsx, .csv, a folder of .csv; its findings
// located at sheet, cell and column), (diagnostics of the reader go to *diagnostics) and picks the region's profile
// from `templates_dir`. False when the file cannot be read (an io.read error in *diagnostics)
// or the reader refuses it as a whole (its error in *diagnostics): exit code 2.
bool ReadRecordsInput(const std::string& input, const std::string& templates_dir, const Date& today,
                      FileSystem* fs, RecordsInput* out, Diagnostics* diagnostics);

}  // namespace stdok
