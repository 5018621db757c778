// Records reader: a records file (XML, UTF-8) -> RecordsFile plus diagnostics.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "records/model.h"

namespace stdok {

// Parses `text` (the whole file) as read from `path`. Never throws; every problem becomes a
// diagnostic with file:line:column, the trainee id (when inside a trainee) and the field.
// A file refused as a whole (RecordsFile::refused) yields no trainees and one error. Structural errors inside a trainee
// are reported with that trainee's id; the caller skips trainees with errors (HasErrorsFor).
// All text is NFC-normalized. `today` resolves the century of 10-digit personnummer.
RecordsFile ReadRecords(const std::string& path, std::string_view text, const Date& today,
                        Diagnostics* diagnostics);

// The kinds of <absence> the reader accepts, in the order docs/records.md lists them.
const std::vector<std::string>& AbsenceKinds();

}  // namespace stdok
