// `stdok manifest merge PART... -o OUT`: a run split across machines (`render --shard K/N`)
// assembled into one output folder. Each PART is a folder that one machine rendered into. The
// parts must belong together (same count, records file and as-of date; every part 1..N once);
// each document is checked against its SHA-256, copied into OUT (skipped when OUT already holds
// the same bytes) and OUT gets one manifest in the order the unsplit run would have written.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "output/file_system.h"

namespace stdok {

struct ManifestMergeOptions {
  std::vector<std::string> parts;  // folders holding manifest.json
  std::string output_dir;
};

struct ManifestMergeSummary {
  int parts = 0;
  int documents = 0;  // written or draft, now in OUT
  int copied = 0;     // of those, copied (the rest were already there, byte for byte)
  int entries = 0;    // manifest entries of every status
  bool io_error = false;         // a part unreadable, parts that do not belong together, OUT unusable
  bool document_errors = false;  // a listed document missing or not the bytes its part listed
  bool manifest_written = false;
};

// No manifest is written unless every document it lists is in OUT with the listed bytes.
ManifestMergeSummary RunManifestMerge(const ManifestMergeOptions& options, FileSystem* fs, Diagnostics* diagnostics);
// 0 merged; 1 a document was missing or damaged (no manifest); 2 the parts cannot be merged.
int ManifestMergeExitCode(const ManifestMergeSummary& summary);
std::string FormatManifestMergeSummary(const ManifestMergeSummary& summary, const std::string& output_dir);

}  // namespace stdok
