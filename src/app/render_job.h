// `stdok render` and `stdok check` as library calls: records file in, documents and a
// manifest out. The CLI only turns flags into these options.
#pragma once

#include <ctime>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "output/file_system.h"
#include "output/manifest.h"
#include "output/manifest_entries.h"

namespace stdok {

enum class Pack { kAll, kContracts, kCertificates };

struct RenderOptions {
  std::string input;          // records file
  std::string output_dir;     // OUT
  std::string templates_dir;
  std::string forms_dir;       // Socialstyrelsen's forms (docs/forms.md)
  std::string fonts_dir;
  std::vector<std::string> doc_ids;      // empty: all
  std::vector<std::string> trainee_ids;  // empty: all
  // A run split across machines (--shard K/N): of the selected trainees in file order, the
  // K-th of N near-equal contiguous parts; the studierektor contracts go with the last part.
  // 0/0: not split.
  int shard_index = 0;
  int shard_count = 0;
  Pack pack = Pack::kAll;
  int jobs = 1;
  Date today;                               // for rules and 10-digit personnummer
  std::optional<std::time_t> creation_time; // SOURCE_DATE_EPOCH
  bool quiet = false;    // stderr: errors in full, warnings and infos counted by rule id
  bool verbose = false;  // stderr: every diagnostic, even with quiet
  bool print_pack = false;
  // Also make the documents that are not yet true as of `today` (certificates for activities
  // that have not ended, applications of trainees who are not ready), each page marked
  // "UTKAST – ej för underskrift". Without it they are held back and listed in the manifest.
  bool drafts = false;  // also OUT/utskriftspaket/<doc-id>.pdf per document type (print_pack.h)
  // PDF/A-1b and signature fields: unset = each template's default (contracts: on,
  // Socialstyrelsen's certificates: off); set = forced for every document of the run.
  std::optional<bool> pdfa;
  std::optional<bool> signature_fields;
  std::string icc_profile_path = "/usr/share/color/icc/sRGB.icc";  // Debian: icc-profiles-free
  // Called after each trainee (with all its documents) and each studierektor contract, from
  // worker threads, serialized: done, total.
  std::function<void(size_t, size_t)> on_progress;
};

// Warnings or infos of one severity and rule id that a quiet run counted instead of keeping.
struct DiagnosticCount {
  Severity severity = Severity::kWarning;
  std::string rule;
  size_t n = 0;
};

struct RenderSummary {
  int written = 0;
  int failed = 0;          // documents that could not be made
  int skipped = 0;         // documents of records with errors
  int held_back = 0;       // documents not yet true as of the date (status "held-back")
  int drafts = 0;          // of the written ones, drafts (--drafts)
  int trainees_with_errors = 0;
  bool io_error = false;   // the input, templates, fonts or output folder were unusable
  bool file_errors = false;  // errors not tied to one record (a bad <person>, an unknown unit)
  bool manifest_written = false;  // OUT/manifest.json, .csv and .xlsx, written last
  ManifestShard shard;            // set for a split run (--shard)
  ManifestEntries entries;
  // Quiet and not verbose: the warnings and infos are counted here as the run goes, in order of
  // first appearance, and not kept in the diagnostics (which keep the errors), so that memory
  // does not grow with them (a national run has hundreds of thousands).
  std::vector<DiagnosticCount> counted;
};

// Renders every applicable document. Diagnostics go to `diagnostics` (never holding a full
// personnummer). The previous run's manifest is removed before the first document is written
// and the new one written after the last, so OUT never holds a manifest that does not describe
// its documents. An input the reader refuses as a whole (RecordsFile::refused) writes nothing.
RenderSummary RunRender(const RenderOptions& options, FileSystem* fs, Diagnostics* diagnostics);
// 0 all written; 1 some record or document failed; 2 the input, templates, fonts or output
// folder could not be used, or the manifest could not be written (README, "Exit codes").
int ExitCode(const RenderSummary& summary);
// The diagnostics as stderr lines. Quiet (and not verbose): every error in full, located; the
// warnings and infos as one line per severity and rule id with their count, in order of
// first appearance ("stdok: 1234 warnings schedule.gap (--verbose shows each)"), starting
// from `counted` (RenderSummary::counted, which came before every diagnostic left). Otherwise
// every diagnostic in full.
std::string FormatRenderDiagnostics(const Diagnostics& diagnostics, bool quiet, bool verbose,
                                    const std::vector<DiagnosticCount>& counted = {});
// The one-line summary for stderr: documents written and failed, and where the manifest is.
std::string FormatRenderSummary(const RenderSummary& summary, const std::string& output_dir,
                                const Date& as_of);

}  // namespace stdok
