// The manifest: one entry per document a run wrote or skipped, as JSON and as CSV for Excel.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace stdok {

class ManifestEntries;  // output/manifest_entries.h

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

// Which part of a run split across machines (`render --shard K/N`) a manifest describes; the
// merge (`stdok manifest merge`) checks that the parts belong together and that none is missing.
struct ManifestShard {
  int index = 0;  // 1..count; 0: the run was not split
  int count = 0;
  std::string records_sha256;  // of the records file's bytes: every part read the same records
  std::string as_of;           // ÅÅÅÅ-MM-DD: every part judged as of the same date
};

// File names of the manifest in the output folder.
inline constexpr const char* kManifestJson = "manifest.json";
inline constexpr const char* kManifestCsv = "manifest.csv";
inline constexpr const char* kManifestXlsx = "manifest.xlsx";

// {"generator": ..., "documents": [...]}; field names are stable (README, "Output"). Always
// valid JSON: bytes that are not UTF-8 are written as U+FFFD.
// With a shard (index > 0), a "shard" object is added after "generator".
std::string ManifestJson(const ManifestEntries& entries, const std::string& generator,
                         const ManifestShard& shard = {});
// Reads what ManifestJson wrote. False with *error (naming the field, without the file name)
// when the text is not such a manifest.
bool ParseManifestJson(const std::string& text, std::vector<ManifestEntry>* entries, ManifestShard* shard,
                       std::string* error);
// UTF-8 with BOM, ';'-separated, CRLF line ends, fields quoted where needed.
std::string ManifestCsv(const ManifestEntries& entries);

// ManifestJson's or ManifestCsv's text made part by part (a few hundred entries each), so that a
// national run's manifest (~50 MiB of JSON) is written without ever being whole in memory.
// REQUIRES: `entries` outlive it and do not change.
class ManifestText {
 public:
  static ManifestText Json(const ManifestEntries& entries, const std::string& generator,
                           const ManifestShard& shard = {});
  static ManifestText Csv(const ManifestEntries& entries);
  // Appends the next part to *out; false (nothing appended) once the text is complete.
  bool Next(std::string* out);

 private:
  ManifestText(const ManifestEntries& entries, bool json) : entries_(&entries), json_(json) {}
  const ManifestEntries* entries_;
  bool json_;
  std::string head_;     // JSON: the generator (and shard) before the documents
  std::size_t next_ = 0;  // the next entry
  int stage_ = 0;         // 0 head, 1 entries, 2 done
};

}  // namespace stdok
