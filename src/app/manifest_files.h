// The manifest's three files in an output folder (manifest.json, .csv and .xlsx), written and
// removed as one: a render and a merge of a split run's parts use the same two calls.
#pragma once

#include <string>
#include <vector>

#include "output/file_system.h"
#include "output/manifest.h"
#include "output/manifest_entries.h"

namespace stdok {

// Removes all three (a missing one is fine). False with *error at the first that cannot go.
bool RemoveManifestFiles(const std::string& output_dir, FileSystem* fs, std::string* error);
// Writes all three, each atomically and part by part (never a whole text in memory); when one fails none is left (half a manifest is no
// manifest) and *error names the file. `workbook`, when given, is the workbook's bytes made
// beforehand from these same entries (MakeManifestWorkbook); else it is made here.
bool WriteManifestFiles(const ManifestEntries& entries, const ManifestShard& shard,
                        const std::string& output_dir, FileSystem* fs, std::string* error,
                        const std::string* workbook = nullptr);

}  // namespace stdok
