// The print pack (`render --print-pack`): one combined PDF per document type across all
// trainees of a run, ordered by family name and given name in Swedish collation, so that a
// studierektor can print a cohort's handlingsplaner (or contracts, or certificates) at once.
// Each document keeps its own pages and "Sid X (Y)" numbering and is padded with a blank page
// to an even page count, so that printed on both sides every document starts on a new sheet
// (the next trainee never lands on the back of the last page). The pack has no signature
// fields and is not PDF/A (it is for paper; the single files are the ones to sign and keep).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/page_spool.h"
#include "app/render_plan.h"
#include "core/status.h"
#include "layout/page.h"
#include "output/file_system.h"

namespace stdok {

// The folder under OUT that holds the packs; the planner never gives a trainee this name.
inline constexpr const char* kPrintPackFolder = "utskriftspaket";

// A written document as it was laid out for its own file, kept for the pack (the pack is
// never filled or laid out a second time): its pages wait in the run's spool. Only what the
// pack reads is kept (a national run keeps some 100,000 of these): which template or form,
// the sort key, and `info` only while the document may be its pack's first (the pack takes
// its information dictionary from that one).
struct PackDocument {
  const Template* tmpl = nullptr;        // the document's template, or
  const FormDefinition* form = nullptr;  // its form
  std::string sort_key;                  // WorkItem::owner_sort_key
  std::unique_ptr<DocumentInfo> info;
  PageSpool::Handle pages;
  std::string lost;  // why the pages could not be kept (the pack then fails); empty when kept

  const std::string& DocId() const { return form ? form->id : tmpl->id; }
};

// The documents of a run's print packs, from the first written to the packs.
class PrintPacks {
 public:
  PrintPacks(FileSystem* fs, const std::string& output_dir) : spool_(fs, output_dir) {}

  // Keeps what the pack needs of a document that was just written: its pages go to the
  // spool. Thread-safe (called by the workers).
  PackDocument Keep(const WorkItem& work, const LaidOutDocument& pages);
  // Adds a kept document to its pack: called for every document in plan order (not
  // thread-safe), so that the packs do not depend on the number of jobs.
  void Add(PackDocument document);

  // Writes OUT/utskriftspaket/<doc-id>.pdf for every document id added, one pack at a time,
  // each reading its documents' pages from the spool as the PDF writer asks for them, and
  // appends a manifest entry per pack to summary->entries (trainee fields empty). A pack that
  // cannot be made is reported and counted as failed.
  void Write(const RenderSetup& setup, const RenderOptions& options, FileSystem* fs, RenderSummary* summary,
             Diagnostics* diagnostics) const;

 private:
  PageSpool spool_;
  std::vector<PackDocument> documents_;
  std::map<std::string, size_t> first_;  // document id -> its pack's first document so far
};

// The order of the packs' documents: indices into `documents`, grouped by document id (in
// order of first appearance), each group sorted by owner_sort_key in Swedish collation (stable).
std::vector<std::vector<size_t>> PrintPackGroups(const std::vector<PackDocument>& documents);

}  // namespace stdok
