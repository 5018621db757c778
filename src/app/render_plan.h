// Planning a render: load templates, fonts and records (PrepareRender, serial and cheap: of each
// trainee only its id and name), then per trainee, in whichever worker takes it: the record read,
// its facts, checks and context, and the documents to make for it (PlanTrainee, one WorkItem
// each) in a stable order.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "app/catalog.h"
#include "app/font_set.h"
#include "app/render_job.h"
#include "fill/context.h"
#include "fill/value.h"
#include "records/model.h"
#include "records/records_reader.h"

namespace stdok {

// One document to make: which template or form, for whom, with which item, into which file.
struct WorkItem {
  const Template* tmpl = nullptr;        // a contract or plan, or
  const FormDefinition* form = nullptr;  // one of Socialstyrelsen's forms
  std::shared_ptr<const Value> context;
  Value item;              // the side placement / action plan / placement / course …, or null
  Value attachment;        // forms: this form's "Bilaga nr"
  Value attachments;       // application forms: group -> "3, 4, 5"
  std::string owner_id;    // trainee id (or studierektor person id)
  std::string owner_name;
  std::string owner_sort_key;  // "Family Given": the print pack's order (Swedish collation)
  std::string relative_path;   // "<folder>/<doc-id>.pdf", built only from slugs
  bool draft = false;          // not yet true as of the date: every page says "UTKAST"

  const std::string& DocId() const { return form ? form->id : tmpl->id; }
  const std::string& SourcePath() const { return form ? form->path : tmpl->path; }
  // Contracts get PDF/A and signature fields by default; certificates are signed by hand.
  bool IsContract() const { return !form && tmpl->pack == "contracts"; }
};

struct RenderSetup {
  Catalog catalog;
  FontSet fonts;
  // The records file: its root's records, and its trainees read when planned (PlanTrainee).
  std::unique_ptr<RecordsSource> records;
  const RecordsFile& file() const;  // records->file(), or an empty file before it is read
  Profile profile;
  std::string author;       // PDF author: the issuing unit
  std::string icc_profile;  // sRGB ICC bytes when some document may be PDF/A
  // Per trainee of records: its folder under OUT ("" when --trainee leaves it out),
  // unique and given in file order, so it does not depend on which worker plans the trainee.
  std::vector<std::string> folders;
  std::string records_sha256;  // of the records file's bytes, for a split run's manifest
  // Per trainee of records: whether this run makes its documents (--trainee, --shard).
  std::vector<bool> selected;
  // Trainees the whole file stops (an id used by two records); a record's own errors are
  // found when it is planned.
  std::set<std::string> stopped_by_file;
  // The studierektor contracts (after PlanEveryTrainee, also every trainee's documents).
  std::vector<WorkItem> work;
  Diagnostics director_diagnostics;  // checks and planning of the studierektor contracts
  ContextNeeds context_needs;  // the costly context members the run's documents read
};

// Fills *setup: templates, fonts, records (the reader's findings go to *diagnostics), profile,
// folders, ICC profile, and plans the studierektor contracts. Trainees are planned later, one
// by one (PlanTrainee). Returns false (and sets summary->io_error) when templates, fonts, the
// records file or the ICC profile are unusable.
bool PrepareRender(const RenderOptions& options, FileSystem* fs, RenderSetup* setup,
                   RenderSummary* summary, Diagnostics* diagnostics);

// One trainee's plan. A record with errors gets one "skipped" entry and no work. A form that
// attests what has not happened as of options.today (FormDefinition::attests, TraineeFacts)
// gets a "held-back" entry with the reasons, or is planned as a draft with options.drafts; a
// course certificate whose signer is an organisation gets a "failed" entry (the checks report
// the error). Diagnostics: the reader's findings in the record, its checks, then what
// planning found.
struct TraineePlan {
  std::vector<WorkItem> work;          // in plan order; they share the trainee's context
  std::vector<ManifestEntry> entries;  // skipped, held-back, failed
  Diagnostics diagnostics;
  bool skipped = false;
  int held_back = 0;
  int failed = 0;
};

// Plans the index-th trainee of setup.records (which must have a folder; it is read here). Thread-safe: reads only setup.
TraineePlan PlanTrainee(const RenderOptions& options, const RenderSetup& setup, size_t index);

// Every trainee planned in order, its work appended to setup->work (`stdok bench`, which
// needs the whole list up front).
void PlanEveryTrainee(const RenderOptions& options, RenderSetup* setup, RenderSummary* summary,
                      Diagnostics* diagnostics);

bool Listed(const std::vector<std::string>& filter, const std::string& id);

}  // namespace stdok
