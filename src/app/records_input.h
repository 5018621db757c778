// The records file and its region's profile, as `check` and `status` read them.
#pragma once

#include <memory>
#include <string>

#include "core/date.h"
#include "core/status.h"
#include "fill/context.h"
#include "output/file_system.h"
#include "records/model.h"
#include "records/records_reader.h"
#include "workbook/workbook_import.h"

namespace stdok {

struct RecordsInput {
  RecordsFile file;  // with its trainees, unless `source` is set (then empty)
  // Read with trainees_on_demand from a records file (not a workbook): the root's records, and
  // the trainees read again one at a time by whoever needs them.
  std::unique_ptr<RecordsSource> source;
  Profile profile;  // the region's profile from TEMPLATES/profiles, else empty
  // When the input is a workbook (app/workbook_input.h): its conversion, so that findings
  // made later (the rules') can be located in its cells with LocateInWorkbook.
  ImportedRecords workbook;

  const RecordsFile& Root() const { return source ? source->file() : file; }  // region, units, people …
};

// Reads `input`, a records file or a workbook (.xlsx, .csv, a folder of .csv; its findings
// located at sheet, cell and column), (diagnostics of the reader go to *diagnostics) and picks the region's profile
// from `templates_dir`. False when the file cannot be read (an io.read error in *diagnostics)
// or the reader refuses it as a whole (its error in *diagnostics): exit code 2.
// `trainees_on_demand`: a records file is kept as text, its trainees in out->source.
bool ReadRecordsInput(const std::string& input, const std::string& templates_dir, const Date& today,
                      FileSystem* fs, RecordsInput* out, Diagnostics* diagnostics,
                      bool trainees_on_demand = false);

}  // namespace stdok
