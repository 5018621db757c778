// Reports as workbooks. `stdok status --format xlsx -o status.xlsx`: the studierektor's
// overview, one row per trainee in risk order, the risk column coloured green to red.
#pragma once

#include <string>
#include <vector>

#include "app/status_job.h"
#include "output/file_system.h"
#include "output/manifest.h"
#include "output/manifest_entries.h"

namespace stdok {

// Writes the overview to `path` (atomically). False with *error when it cannot be written.
bool WriteStatusWorkbook(const std::vector<TraineeStatus>& trainees, const Date& as_of, const std::string& path,
                         FileSystem* fs, std::string* error);

// The manifest as a workbook (manifest.xlsx beside manifest.json and manifest.csv): one row
// per document, every text as text. For render_job to write last, like the other two.
bool WriteManifestWorkbook(const ManifestEntries& entries, const std::string& path, FileSystem* fs,
                           std::string* error);
// Its bytes, to be written later (a render makes them while its documents are synced).
bool MakeManifestWorkbook(const ManifestEntries& entries, FileSystem* fs, std::string* bytes, std::string* error);

}  // namespace stdok
