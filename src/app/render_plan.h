// Planning a render: load templates, fonts and records, check every record, and list the
// documents to make (one WorkItem each) in a stable order.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app/catalog.h"
#include "app/font_set.h"
#include "app/render_job.h"
#include "fill/value.h"
#include "records/model.h"

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
  RecordsFile file;
  Profile profile;
  std::string author;       // PDF author: the issuing unit
  std::string icc_profile;  // sRGB ICC bytes when some document is PDF/A
  std::vector<WorkItem> work;
};

// Fills *setup. Records with errors are reported in *diagnostics and get a "skipped" entry in
// summary->entries; their documents are not planned. A form that attests what has not happened
// as of options.today (FormDefinition::attests, TraineeFacts) gets a "held-back" entry with the
// reasons, or is planned as a draft with options.drafts; a course certificate whose signer is
// an organisation gets a "failed" entry and an error. Returns false (and sets
// summary->io_error) when templates, fonts, the records file or the ICC profile are unusable.
bool PrepareRender(const RenderOptions& options, FileSystem* fs, RenderSetup* setup,
                   RenderSummary* summary, Diagnostics* diagnostics);

bool Listed(const std::vector<std::string>& filter, const std::string& id);

}  // namespace stdok
