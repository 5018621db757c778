// The print pack (`render --print-pack`): one combined PDF per document type across all
// trainees of a run, ordered by family name and given name in Swedish collation, so that a
// studierektor can print a cohort's handlingsplaner (or contracts, or certificates) at once.
// Each document keeps its own pages and "Sid X (Y)" numbering and is padded with a blank page
// to an even page count, so that printed on both sides every document starts on a new sheet
// (the next trainee never lands on the back of the last page). The pack has no signature
// fields and is not PDF/A (it is for paper; the single files are the ones to sign and keep).
#pragma once

#include <string>
#include <vector>

#include "app/render_plan.h"
#include "core/status.h"
#include "output/file_system.h"

namespace stdok {

// The folder under OUT that holds the packs; the planner never gives a trainee this name.
inline constexpr const char* kPrintPackFolder = "utskriftspaket";

// Writes OUT/utskriftspaket/<doc-id>.pdf for every document id among the work items whose
// `written[i]` is true, and appends a manifest entry per pack to summary->entries (trainee
// fields empty). A pack that cannot be made is reported and counted as failed.
void WritePrintPacks(const RenderSetup& setup, const std::vector<bool>& written,
                     const RenderOptions& options, FileSystem* fs, RenderSummary* summary,
                     Diagnostics* diagnostics);

// The order of the packs' documents: indices into `work`, grouped by document id (in order of
// first appearance), each group sorted by owner_sort_key in Swedish collation (stable).
std::vector<std::vector<size_t>> PrintPackGroups(const std::vector<WorkItem>& work,
                                                 const std::vector<bool>& written);

}  // namespace stdok
