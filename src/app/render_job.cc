#include "app/render_job.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <memory>
#include <set>
#include <thread>

#include "app/catalog.h"
#include "app/font_set.h"
#include "fill/context.h"
#include "output/sha256.h"
#include "fill/filler.h"
#include "layout/flow_layout.h"
#include "pdf/pdf_writer.h"
#include "records/records_reader.h"
#include "rules/checks.h"
#include "rules/regulation.h"
#include "text/slug.h"

namespace stdok {
namespace {

// One document to make: which template, for whom, with which item, into which file.
struct WorkItem {
  const Template* tmpl = nullptr;
  std::shared_ptr<const Value> context;
  Value item;              // the side placement / action plan, or null
  std::string owner_id;    // trainee id (or studierektor person id)
  std::string owner_name;
  std::string relative_path;
};

bool PackAllows(Pack pack, const Template& t) {
  if (pack == Pack::kAll) return true;
  return (pack == Pack::kContracts) == (t.pack == "contracts");
}

bool Listed(const std::vector<std::string>& filter, const std::string& id) {
  if (filter.empty()) return true;
  for (const auto& f : filter)
    if (f == id) return true;
  return false;
}

class Planner {
 public:
  Planner(const RenderOptions& options, const Catalog& catalog, const RecordsFile& file,
          const Profile& profile, Diagnostics* diagnostics)
      : options_(options), catalog_(catalog), file_(file), profile_(profile), diagnostics_(diagnostics) {}

  std::string Folder(const std::string& name, const std::string& id) {
    std::string folder = Slugify(name);
    if (!folders_.insert(folder).second) {
      folder += "-" + Slugify(id);
      for (int n = 2; !folders_.insert(folder).second; ++n) folder = Slugify(name) + "-" + std::to_string(n);
    }
    return folder;
  }

  // The variant of `id` that applies to this context, or null.
  const Template* Choose(const std::string& id, const Scope& scope, const std::string& regulation,
                         const std::string& wanted_variant) {
    const Template* best = nullptr;
    for (const Template& t : catalog_.templates) {
      if (t.id != id) continue;
      if (!t.regulation.empty() && !regulation.empty() && t.regulation != regulation) continue;
      if (!TemplateApplies(t, scope, diagnostics_)) continue;
      if (!wanted_variant.empty() && t.variant == wanted_variant) return &t;
      if (!best || t.priority > best->priority) best = &t;
    }
    return best;
  }

  void PlanTrainee(const Trainee& trainee, std::vector<WorkItem>* work) {
    auto context = std::make_shared<const Value>(BuildTraineeContext(file_, trainee, profile_, options_.today));
    Scope scope(context.get());
    std::string regulation = EffectiveRegulation(trainee);
    std::string folder = Folder(trainee.FullName(), trainee.id);
    std::map<std::string, int> used;
    for (const std::string& id : catalog_.DocumentIds()) {
      if (!Listed(options_.doc_ids, id)) continue;
      const Template* probe = nullptr;
      for (const Template& t : catalog_.templates)
        if (t.id == id) probe = &t;
      if (!probe || probe->one_per == OnePer::kDirectorContract) continue;
      std::vector<Value> items;
      const Value& t = context->Get("trainee");
      if (probe->one_per == OnePer::kTrainee) items.emplace_back();
      else if (probe->one_per == OnePer::kSidePlacement) items = t.Get("side_placements").AsList();
      else if (probe->one_per == OnePer::kActionPlan) items = t.Get("action_plans").AsList();
      std::string wanted = trainee.contract.variant.empty() ? profile_.Get("variant." + id)
                                                            : trainee.contract.variant;
      for (const Value& item : items) {
        Scope item_scope(&scope, "item", item);
        const Template* chosen = Choose(id, item_scope, regulation, wanted);
        if (!chosen || !PackAllows(options_.pack, *chosen)) continue;
        int n = ++used[id];
        std::string name = n == 1 ? id : id + "-" + std::to_string(n);
        work->push_back({chosen, context, item, trainee.id, trainee.FullName(), folder + "/" + name + ".pdf"});
      }
    }
  }

  void PlanDirector(const DirectorContract& contract, std::vector<WorkItem>* work) {
    auto context = std::make_shared<const Value>(BuildDirectorContext(file_, contract, profile_, options_.today));
    Scope scope(context.get());
    const Value& person = context->Get("contract").Get("person");
    std::string name = person.Get("name").ToText();
    std::string folder = Folder(name, contract.person);
    int n = 0;
    for (const std::string& id : catalog_.DocumentIds()) {
      if (!Listed(options_.doc_ids, id)) continue;
      const Template* chosen = nullptr;
      for (const Template& t : catalog_.templates)
        if (t.id == id && t.one_per == OnePer::kDirectorContract && TemplateApplies(t, scope, diagnostics_))
          chosen = &t;
      if (!chosen || !PackAllows(options_.pack, *chosen)) continue;
      std::string file_name = ++n == 1 ? id : id + "-" + std::to_string(n);
      work->push_back({chosen, context, Value(), contract.person, name, folder + "/" + file_name + ".pdf"});
    }
  }

 private:
  const RenderOptions& options_;
  const Catalog& catalog_;
  const RecordsFile& file_;
  const Profile& profile_;
  Diagnostics* diagnostics_;
  std::set<std::string> folders_;
};

struct WorkResult {
  ManifestEntry entry;
  Diagnostics diagnostics;
};

class Renderer {
 public:
  Renderer(const RenderOptions& options, const FontSet& fonts, const std::string& author,
           const std::string& icc, FileSystem* fs)
      : options_(options), fonts_(fonts), author_(author), icc_(icc), fs_(fs) {}

  WorkResult Render(const WorkItem& work) {
    WorkResult result;
    ManifestEntry& e = result.entry;
    e.trainee_id = work.owner_id;
    e.trainee_name = work.owner_name;
    e.doc_id = work.tmpl->id;
    Scope root(work.context.get());
    Scope scope(&root, "item", work.item);
    Document doc = FillTemplate(*work.tmpl, scope, &result.diagnostics);
    for (auto& d : result.diagnostics) d.trainee_id = work.owner_id;
    if (HasErrors(result.diagnostics)) {
      e.status = "failed";
      e.reason = "template error in " + work.tmpl->path;
      return result;
    }
    doc.info.author = author_;
    LaidOutDocument pages = LayOutDocument(doc, fonts_);
    for (const Page& page : pages.pages) {
      for (const TextRun& run : page.texts) {
        if (!fonts_.Covers(run.text)) {
          result.diagnostics.push_back({Severity::kWarning, {work.tmpl->path}, work.owner_id, "",
                                        "pdf.missing-glyph",
                                        "the font has no glyph for some character in: " + run.text.substr(0, 60), ""});
          break;
        }
      }
    }
    PdfOptions pdf;
    pdf.fonts = fonts_.files();
    pdf.creation_time = options_.creation_time;
    pdf.producer = std::string("stdok ") + STDOK_VERSION;
    pdf.signature_fields = options_.signature_fields.value_or(doc.info.signature_fields);
    pdf.pdfa = options_.pdfa.value_or(work.tmpl->pack == "contracts");
    pdf.icc_profile = icc_;
    pdf.document_key = work.owner_id + "/" + work.relative_path;
    std::string bytes, error;
    if (!WritePdf(pages, pdf, &bytes, &error)) {
      e.status = "failed";
      e.reason = error;
      result.diagnostics.push_back({Severity::kError, {work.tmpl->path}, work.owner_id, "", "pdf.write", error, ""});
      return result;
    }
    std::string path = options_.output_dir + "/" + work.relative_path;
    std::string folder = path.substr(0, path.rfind('/'));
    if (!fs_->MakeDirectories(folder, &error) || !fs_->WriteAtomically(path, bytes, &error)) {
      e.status = "failed";
      e.reason = error;
      result.diagnostics.push_back({Severity::kError, {path}, work.owner_id, "", "io.write", error, ""});
      return result;
    }
    e.file = work.relative_path;
    e.pages = static_cast<int>(pages.pages.size());
    e.bytes = bytes.size();
    e.sha256 = Sha256Hex(bytes);
    e.status = "written";
    return result;
  }

 private:
  const RenderOptions& options_;
  const FontSet& fonts_;
  std::string author_;
  const std::string& icc_;
  FileSystem* fs_;
};

void IoError(const std::string& where, const std::string& message, Diagnostics* diagnostics) {
  diagnostics->push_back({Severity::kError, {where}, "", "", "io", message, ""});
}

}  // namespace

RenderSummary RunRender(const RenderOptions& options, FileSystem* fs, Diagnostics* diagnostics) {
  RenderSummary summary;
  Catalog catalog;
  if (!LoadCatalog(options.templates_dir, fs, &catalog, diagnostics)) {
    summary.io_error = true;
    return summary;
  }
  FontSet fonts;
  std::string error;
  if (!fonts.Load(options.fonts_dir, fs, &error)) {
    IoError(options.fonts_dir, "cannot load fonts: " + error, diagnostics);
    summary.io_error = true;
    return summary;
  }
  std::string text;
  if (!fs->ReadFile(options.input, &text, &error)) {
    IoError(options.input, "cannot read the records file: " + error, diagnostics);
    summary.io_error = true;
    return summary;
  }
  size_t before = diagnostics->size();
  RecordsFile file = ReadRecords(options.input, text, options.today, diagnostics);
  if (!options.trainee_ids.empty()) {  // findings about trainees not asked for are not this run's
    auto unwanted = [&](const Diagnostic& d) { return !d.trainee_id.empty() && !Listed(options.trainee_ids, d.trainee_id); };
    diagnostics->erase(std::remove_if(diagnostics->begin() + before, diagnostics->end(), unwanted), diagnostics->end());
  }
  bool file_level_error = false;
  for (size_t i = before; i < diagnostics->size(); ++i)
    if ((*diagnostics)[i].severity == Severity::kError && (*diagnostics)[i].trainee_id.empty())
      file_level_error = true;

  Profile profile;
  if (auto it = catalog.profiles.find(file.region.id); it != catalog.profiles.end()) {
    profile = it->second;
  } else {
    profile.id = file.region.id;
    profile.name = file.region.name;
    if (!file.region.id.empty())
      diagnostics->push_back({Severity::kWarning, file.region.where, "", "region/@id", "profile.unknown",
                              "no profile for region '" + file.region.id + "'; defaults are used", ""});
  }
  std::string author = !file.region.issuing_unit.empty() ? file.region.issuing_unit
                       : !file.region.name.empty()       ? file.region.name
                                                         : profile.name;

  Planner planner(options, catalog, file, profile, diagnostics);
  std::vector<WorkItem> work;
  for (const Trainee& trainee : file.trainees) {
    if (!Listed(options.trainee_ids, trainee.id)) continue;
    CheckTrainee(file, trainee, profile, options.today, diagnostics);
    if (HasErrorsFor(*diagnostics, trainee.id)) {
      ++summary.trainees_with_errors;
      ManifestEntry skipped;
      skipped.trainee_id = trainee.id;
      skipped.trainee_name = trainee.FullName();
      skipped.status = "skipped";
      skipped.reason = "the record has errors; run stdok check";
      summary.entries.push_back(skipped);
      ++summary.skipped;
      continue;
    }
    planner.PlanTrainee(trainee, &work);
  }
  // Trainees the reader dropped (e.g. duplicate ids) count as failed records too.
  std::set<std::string> counted;
  for (const auto& d : *diagnostics)
    if (d.severity == Severity::kError && !d.trainee_id.empty()) counted.insert(d.trainee_id);
  summary.trainees_with_errors = static_cast<int>(counted.size());
  if (options.trainee_ids.empty()) {
    for (const DirectorContract& contract : file.director_contracts) {
      size_t mark = diagnostics->size();
      CheckDirectorContract(file, contract, options.today, diagnostics);
      bool bad = false;
      for (size_t i = mark; i < diagnostics->size(); ++i) bad |= (*diagnostics)[i].severity == Severity::kError;
      if (!bad) planner.PlanDirector(contract, &work);
    }
  }

  if (!fs->MakeDirectories(options.output_dir, &error)) {
    IoError(options.output_dir, "cannot create the output folder: " + error, diagnostics);
    summary.io_error = true;
    return summary;
  }

  std::string icc;
  bool any_pdfa = options.pdfa.value_or(false);
  for (const WorkItem& w : work) any_pdfa |= options.pdfa.value_or(w.tmpl->pack == "contracts");
  if (any_pdfa && !fs->ReadFile(options.icc_profile_path, &icc, &error)) {
    IoError(options.icc_profile_path, "PDF/A needs an sRGB ICC profile (Debian package icc-profiles-free): " + error,
            diagnostics);
    summary.io_error = true;
    return summary;
  }

  std::vector<WorkResult> results(work.size());
  Renderer renderer(options, fonts, author, icc, fs);
  std::atomic<size_t> next{0};
  auto worker = [&]() {
    for (size_t i = next++; i < work.size(); i = next++) results[i] = renderer.Render(work[i]);
  };
  int jobs = std::max(1, std::min<int>(options.jobs, static_cast<int>(work.size())));
  std::vector<std::thread> threads;
  for (int j = 1; j < jobs; ++j) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();

  for (WorkResult& r : results) {
    for (auto& d : r.diagnostics) diagnostics->push_back(std::move(d));
    if (r.entry.status == "written") ++summary.written;
    else ++summary.failed;
    summary.entries.push_back(std::move(r.entry));
  }
  std::string generator = std::string("stdok ") + STDOK_VERSION;
  if (!fs->WriteAtomically(options.output_dir + "/manifest.json", ManifestJson(summary.entries, generator), &error) ||
      !fs->WriteAtomically(options.output_dir + "/manifest.csv", ManifestCsv(summary.entries), &error)) {
    IoError(options.output_dir, "cannot write the manifest: " + error, diagnostics);
    summary.io_error = true;
  }
  if (file_level_error) summary.failed += 1;
  return summary;
}

int ExitCode(const RenderSummary& summary) {
  if (summary.io_error) return 2;
  if (summary.failed > 0 || summary.skipped > 0 || summary.trainees_with_errors > 0) return 1;
  return 0;
}

}  // namespace stdok
