// The manifest: one entry per document a run wrote or skipped, as JSON and as CSV for Excel.
#pragma once

#include <string>
#include <vector>

namespace stdok {

struct ManifestEntry {
  std::string trainee_id;    // or the person id for a studierektorskontrakt
  std::string trainee_name;
  std::string doc_id;
  std::string file;          // relative to the output folder; empty when not written
  int pages = 0;
  size_t bytes = 0;
  std::string sha256;
  // "written"; "draft" (written with --drafts, not true yet as of the date); "held-back" (not
  // true yet, not written); "skipped" (the record has errors); "failed"
  std::string status;
  std::string reason;        // why skipped/failed (never holds a personnummer)
};

// File names of the manifest in the output folder.
inline constexpr const char* kManifestJson = "manifest.json";
inline constexpr const char* kManifestCsv = "manifest.csv";
inline constexpr const char* kManifestXlsx = "manifest.xlsx";

// {"generator": ..., "documents": [...]}; field names are stable (README, "Output"). Always
// valid JSON: bytes that are not UTF-8 are written as U+FFFD.
std::string ManifestJson(const std::vector<ManifestEntry>& entries, const std::string& generator);
// UTF-8 with BOM, ';'-separated, CRLF line ends, fields quoted where needed.
std::string ManifestCsv(const std::vector<ManifestEntry>& entries);

}  // namespace stdok
