#include "app/render_plan.h"

#include "app/print_pack.h"

#include <algorithm>
#include <map>
#include <set>

#include "fill/context.h"
#include "fill/filler.h"
#include "forms/form_filler.h"
#include "output/sha256.h"
#include "pdf/pdf_writer.h"
#include "records/records_reader.h"
#include "rules/checks.h"
#include "rules/regulation.h"
#include "rules/trainee_facts.h"
#include "text/slug.h"
#include "text/swedish_format.h"

namespace stdok {

bool Listed(const std::vector<std::string>& filter, const std::string& id) {
  if (filter.empty()) return true;
  for (const auto& f : filter)
    if (f == id) return true;
  return false;
}

namespace {

bool PackAllows(Pack pack, const Template& t) {
  if (pack == Pack::kAll) return true;
  return (pack == Pack::kContracts) == (t.pack == "contracts");
}

// "3, 4" or "5–12": runs of three or more consecutive numbers as a range.
std::string NumberList(const std::vector<int>& numbers) {
  std::string out;
  for (size_t i = 0; i < numbers.size();) {
    size_t j = i;
    while (j + 1 < numbers.size() && numbers[j + 1] == numbers[j] + 1) ++j;
    if (!out.empty()) out += ", ";
    if (j - i >= 2) {
      out += std::to_string(numbers[i]) + "–" + std::to_string(numbers[j]);
    } else {
      for (size_t k = i; k <= j; ++k) out += (k > i ? ", " : "") + std::to_string(numbers[k]);
    }
    i = j + 1;
  }
  return out;
}

// Folder names under OUT: slugs of the names, unique in the order asked for.
class FolderNames {
 public:
  FolderNames() { used_.insert(kPrintPackFolder); }
  std::string Next(const std::string& name, const std::string& id) {
    std::string folder = Slugify(name);
    if (!used_.insert(folder).second) {
      folder += "-" + Slugify(id);
      for (int n = 2; !used_.insert(folder).second; ++n) folder = Slugify(name) + "-" + std::to_string(n);
    }
    return folder;
  }

 private:
  std::set<std::string> used_;
};

// Plans one trainee's (or one studierektor contract's) documents into *out.
class Planner {
 public:
  Planner(const RenderOptions& options, const Catalog& catalog, const RecordsFile& file,
          const Profile& profile, TraineePlan* out)
      : options_(options), catalog_(catalog), file_(file), profile_(profile), out_(out),
        diagnostics_(&out->diagnostics) {}

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

  void PlanTrainee(const Trainee& trainee, const TraineeFacts& facts, const std::string& folder,
                   const ContextNeeds& needs) {
    std::vector<WorkItem>* work = &out_->work;
    auto context = std::make_shared<const Value>(BuildTraineeContext(file_, trainee, profile_, facts, needs));
    Scope scope(context.get());
    const std::string& regulation = facts.regulation;
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
        std::string name = n == 1 ? Slugify(id) : Slugify(id) + "-" + std::to_string(n);
        WorkItem w;
        w.tmpl = chosen;
        w.context = context;
        w.item = item;
        w.owner_id = trainee.id;
        w.owner_name = trainee.FullName();
        w.owner_sort_key = trainee.family_name + " " + trainee.given_name;
        w.relative_path = folder + "/" + name + ".pdf";
        work->push_back(std::move(w));
      }
    }
    if (options_.pack != Pack::kContracts) PlanForms(trainee, facts, context, scope, folder, work);
  }

  // Why a form is not true yet as of the date ("" when it is): what it attests (its item has
  // ended; the named readiness holds).
  std::string NotYetTrue(const FormDefinition& form, const Value& item, const TraineeFacts& facts) {
    std::string reasons;
    auto add = [&](const std::string& reason) { reasons += (reasons.empty() ? "" : "; ") + reason; };
    for (const std::string& name : form.attests) {
      if (name == "item") {
        if (item.Get("done").Truthy()) continue;
        const Value& period = item.Get("period");
        const Value& end = period.Get("end");
        if (end.IsDate() && !(options_.today < end.AsDate()))
          add("genomförd enligt datum men inte markerad som genomförd i underlaget");
        else if (item.Get("progress").ToText() == "ongoing")
          add("pågår" + (end.IsDate() ? " till " + FormatIso(end.AsDate()) : std::string()));
        else
          add("planerad" + (period.Get("start").IsDate() ? " från " + FormatIso(period.Get("start").AsDate())
                                                          : std::string()));
        continue;
      }
      if (const Readiness* r = facts.Find(name); r && !r->ready) {
        for (const std::string& reason : r->reasons) add(reason);
        if (r->reasons.empty()) add(name + " gäller inte denna utbildning");
      }
    }
    return reasons;
  }

  void HoldBack(const Trainee& trainee, const FormDefinition& form, const std::string& reasons) {
    ManifestEntry e;
    e.trainee_id = trainee.id;
    e.trainee_name = trainee.FullName();
    e.doc_id = form.id;
    e.status = "held-back";
    e.reason = "not true as of " + FormatIso(options_.today) + ": " + reasons;
    out_->entries.push_back(std::move(e));
    ++out_->held_back;
  }

  // The error itself (certificate.signer-not-person) was reported by the checks.
  void FailSigner(const Trainee& trainee, const FormDefinition& form, const Value& item) {
    ManifestEntry e;
    e.trainee_id = trainee.id;
    e.trainee_name = trainee.FullName();
    e.doc_id = form.id;
    e.status = "failed";
    e.reason = item.Get("signer_problem").ToText();
    out_->entries.push_back(std::move(e));
    ++out_->failed;
  }

  // Socialstyrelsen's forms under the trainee's regulation: one per trainee or per item
  // (placement, course, …) as each form says. Every attached form gets its "Bilaga nr",
  // counted per application (the BT application lists the bt-* groups, the ST application
  // the rest) in form order, then item order; the application forms list them by group.
  void PlanForms(const Trainee& trainee, const TraineeFacts& facts, const std::shared_ptr<const Value>& context,
                 const Scope& scope, const std::string& folder, std::vector<WorkItem>* work) {
    const std::string& regulation = facts.regulation;
    struct Planned {
      const FormDefinition* form;
      Value item;
      Value attachment;
      bool draft = false;
    };
    std::vector<Planned> planned;
    for (const FormDefinition& form : catalog_.forms) {
      if (form.regulation != regulation || !Listed(options_.doc_ids, form.id)) continue;
      std::vector<Value> items;
      if (form.one_per == FormOnePer::kTrainee) {
        items.emplace_back();
      } else {
        const Value* list = context.get();
        std::string path = FormItemList(form.one_per);
        for (size_t start = 0; start <= path.size();) {
          size_t dot = std::min(path.find('.', start), path.size());
          list = &list->Get(path.substr(start, dot - start));
          start = dot + 1;
        }
        items = list->AsList();
      }
      for (const Value& item : items) {
        Scope item_scope(&scope, "item", item);
        if (!FormApplies(form, item_scope, diagnostics_)) continue;
        const std::string not_yet = NotYetTrue(form, item, facts);
        if (not_yet.empty() && !item.Get("signer_problem").ToText().empty()) {
          FailSigner(trainee, form, item);
          continue;
        }
        if (!not_yet.empty() && !options_.drafts) {
          HoldBack(trainee, form, not_yet);
          continue;
        }
        planned.push_back({&form, item, Value(), !not_yet.empty()});
      }
    }
    std::map<std::string, std::vector<int>> numbers_by_group;
    int next_bt = 0, next_st = 0;
    for (Planned& p : planned) {
      const std::string& group = p.form->group;
      // A draft of one activity's certificate is not an attachment of any application.
      if (group == "ansokan" || group.empty() || (p.draft && p.form->one_per != FormOnePer::kTrainee)) continue;
      int n = group.rfind("bt-", 0) == 0 ? ++next_bt : ++next_st;
      p.attachment = Value(std::to_string(n));
      numbers_by_group[group].push_back(n);
    }
    // Then what the trainee encloses that the record knows of (a doctorate, service abroad …).
    for (const std::string& group : facts.bt_enclosures) numbers_by_group[group].push_back(++next_bt);
    for (const std::string& group : facts.st_enclosures) numbers_by_group[group].push_back(++next_st);
    ValueMap attachments;
    for (auto& [group, numbers] : numbers_by_group) attachments[group] = Value(NumberList(numbers));
    Value attachments_value(std::move(attachments));
    std::map<std::string, int> used;
    for (Planned& p : planned) {
      int n = ++used[p.form->id];
      std::string name = n == 1 ? Slugify(p.form->id) : Slugify(p.form->id) + "-" + std::to_string(n);
      WorkItem w;
      w.form = p.form;
      w.context = context;
      w.item = std::move(p.item);
      w.attachment = std::move(p.attachment);
      if (p.form->group == "ansokan") w.attachments = attachments_value;
      w.draft = p.draft;
      w.owner_id = trainee.id;
      w.owner_name = trainee.FullName();
      w.owner_sort_key = trainee.family_name + " " + trainee.given_name;
      w.relative_path = folder + "/" + name + ".pdf";
      work->push_back(std::move(w));
    }
  }

  void PlanDirector(const DirectorContract& contract, FolderNames* folders) {
    std::vector<WorkItem>* work = &out_->work;
    auto context = std::make_shared<const Value>(BuildDirectorContext(file_, contract, profile_, options_.today));
    Scope scope(context.get());
    const Value& person = context->Get("contract").Get("person");
    std::string name = person.Get("name").ToText();
    std::string folder = folders->Next(name, contract.person);
    int n = 0;
    for (const std::string& id : catalog_.DocumentIds()) {
      if (!Listed(options_.doc_ids, id)) continue;
      const Template* chosen = nullptr;
      for (const Template& t : catalog_.templates)
        if (t.id == id && t.one_per == OnePer::kDirectorContract && TemplateApplies(t, scope, diagnostics_))
          chosen = &t;
      if (!chosen || !PackAllows(options_.pack, *chosen)) continue;
      std::string file_name = ++n == 1 ? Slugify(id) : Slugify(id) + "-" + std::to_string(n);
      WorkItem w;
      w.tmpl = chosen;
      w.context = context;
      w.owner_id = contract.person;
      w.owner_name = name;
      w.owner_sort_key = person.Get("family").ToText() + " " + person.Get("given").ToText();
      w.relative_path = folder + "/" + file_name + ".pdf";
      work->push_back(std::move(w));
    }
  }

 private:
  const RenderOptions& options_;
  const Catalog& catalog_;
  const RecordsFile& file_;
  const Profile& profile_;
  TraineePlan* out_;
  Diagnostics* diagnostics_;
};

void IoError(const std::string& where, const std::string& message, Diagnostics* diagnostics) {
  diagnostics->push_back({Severity::kError, {where}, "", "", "io", message, ""});
}

}  // namespace

// --trainee's ids, and of those, --shard K/N's contiguous part in file order: merged in shard
// order, the parts of a split run list their documents in the whole run's order.
std::vector<bool> SelectedTrainees(const RenderOptions& options, const RecordsSource& records) {
  std::vector<bool> selected(records.size());
  size_t listed = 0;
  for (size_t i = 0; i < records.size(); ++i) listed += selected[i] = Listed(options.trainee_ids, records.id(i));
  if (options.shard_count <= 0) return selected;
  const size_t n = static_cast<size_t>(options.shard_count), k = static_cast<size_t>(options.shard_index);
  const size_t first = (k - 1) * listed / n, end = k * listed / n;
  for (size_t i = 0, position = 0; i < selected.size(); ++i) {
    if (!selected[i]) continue;
    selected[i] = position >= first && position < end;
    ++position;
  }
  return selected;
}

bool PrepareRender(const RenderOptions& options, FileSystem* fs, RenderSetup* setup,
                   RenderSummary* summary, Diagnostics* diagnostics) {
  auto io_failure = [&](const std::string& where, const std::string& message) {
    IoError(where, message, diagnostics);
    summary->io_error = true;
    return false;
  };
  if (!LoadCatalog(options.templates_dir, fs, &setup->catalog, diagnostics) ||
      (options.pack != Pack::kContracts && !options.forms_dir.empty() &&
       !LoadForms(options.forms_dir, fs, &setup->catalog, diagnostics))) {
    summary->io_error = true;
    return false;
  }
  std::vector<const NameSet*> documents;  // the run's documents (--doc, --pack): what they read
  for (const Template& t : setup->catalog.templates)
    if (Listed(options.doc_ids, t.id) && PackAllows(options.pack, t)) documents.push_back(&t.names);
  for (const FormDefinition& f : setup->catalog.forms)
    if (Listed(options.doc_ids, f.id)) documents.push_back(&f.names);
  setup->context_needs = ContextNeeds::Of(documents);
  std::string error;
  if (!setup->fonts.Load(options.fonts_dir, fs, &error)) return io_failure(options.fonts_dir, "cannot load fonts: " + error);
  std::string text;
  if (!fs->ReadFile(options.input, &text, &error))
    return io_failure(options.input, "cannot read the records file: " + error);

  size_t before = diagnostics->size();
  if (options.shard_count > 0) setup->records_sha256 = Sha256Hex(text);
  // Each trainee is read once, when it is planned (with its findings); here only what the
  // whole file decides: refusal, the root's records, duplicate ids, and ids and names for folders.
  setup->records = std::make_unique<RecordsSource>(options.input, std::move(text), options.today, diagnostics,
                                                   nullptr, static_cast<unsigned>(std::max(1, options.jobs)),
                                                   TraineeReading::kIdentity);
  const RecordsSource& records = *setup->records;
  setup->selected = SelectedTrainees(options, records);
  if (!options.trainee_ids.empty() || options.shard_count > 0) {  // findings about others are not this run's
    std::set<std::string> wanted;
    for (size_t i = 0; i < records.size(); ++i)
      if (setup->selected[i]) wanted.insert(records.id(i));
    auto unwanted = [&](const Diagnostic& d) { return !d.trainee_id.empty() && !wanted.count(d.trainee_id); };
    diagnostics->erase(std::remove_if(diagnostics->begin() + static_cast<std::ptrdiff_t>(before),
                                      diagnostics->end(), unwanted),
                       diagnostics->end());
  }
  for (size_t i = before; i < diagnostics->size(); ++i)
    if ((*diagnostics)[i].severity == Severity::kError && (*diagnostics)[i].trainee_id.empty())
      summary->file_errors = true;

  const RecordsFile& file = records.file();
  if (auto it = setup->catalog.profiles.find(file.region.id); it != setup->catalog.profiles.end()) {
    setup->profile = it->second;
  } else {
    setup->profile.id = file.region.id;
    setup->profile.name = file.region.name;
    if (!file.region.id.empty())
      diagnostics->push_back({Severity::kWarning, file.region.where, "", "region/@id", "profile.unknown",
                              "no profile for region '" + file.region.id + "'; defaults are used", ""});
  }
  setup->author = !file.region.issuing_unit.empty() ? file.region.issuing_unit
                  : !file.region.name.empty()       ? file.region.name
                                                    : setup->profile.name;

  for (const Diagnostic& d : *diagnostics)
    if (StopsTraineeDocuments(d) && !d.trainee_id.empty()) setup->stopped_by_file.insert(d.trainee_id);
  // Folders first, in file order: cheap, serial, the same whoever plans the trainee later, the
  // same whichever trainees are selected (the parts of a split run never share a folder), and
  // the same whether a record has errors or not: a record with errors still takes its name (and
  // writes nothing there), so fixing it moves no namesake's documents into another folder.
  FolderNames folders;
  setup->folders.assign(records.size(), std::string());
  for (size_t i = 0; i < records.size(); ++i) {
    std::string folder = folders.Next(records.given_name(i) + " " + records.family_name(i), records.id(i));
    if (setup->selected[i]) setup->folders[i] = std::move(folder);
  }
  if (options.trainee_ids.empty() && options.shard_index == options.shard_count) {
    for (const DirectorContract& contract : file.director_contracts) {
      size_t mark = setup->director_diagnostics.size();
      CheckDirectorContract(file, contract, options.today, &setup->director_diagnostics);
      bool bad = false;
      for (size_t i = mark; i < setup->director_diagnostics.size(); ++i)
        bad |= setup->director_diagnostics[i].severity == Severity::kError;
      if (bad) continue;
      TraineePlan plan;
      Planner(options, setup->catalog, file, setup->profile, &plan).PlanDirector(contract, &folders);
      for (WorkItem& w : plan.work) setup->work.push_back(std::move(w));
      for (Diagnostic& d : plan.diagnostics) setup->director_diagnostics.push_back(std::move(d));
    }
  }

  // PDF/A is decided per document (a contract, or --pdfa); the profile is loaded when any
  // document of the run may be PDF/A, before the first trainee is planned.
  bool any_pdfa = options.pdfa.value_or(false);
  if (!options.pdfa.has_value())
    for (const Template& t : setup->catalog.templates)
      any_pdfa |= t.pack == "contracts" && Listed(options.doc_ids, t.id) && PackAllows(options.pack, t);
  if (any_pdfa && !fs->ReadFile(options.icc_profile_path, &setup->icc_profile, &error))
    return io_failure(options.icc_profile_path,
                      "PDF/A needs an sRGB ICC profile (color/srgb-v2-compact.icc or --icc FILE): " + error);
  if (any_pdfa) setup->icc_profile = DeflateIccProfile(setup->icc_profile);
  return true;
}

const RecordsFile& RenderSetup::file() const {
  static const RecordsFile none;
  return records ? records->file() : none;
}

TraineePlan PlanTrainee(const RenderOptions& options, const RenderSetup& setup, size_t index) {
  const RecordsFile& file = setup.file();
  TraineePlan plan;
  const Trainee trainee = setup.records->Read(index, &plan.diagnostics);  // the reader's findings first
  const TraineeFacts facts = ComputeTraineeFacts(file, trainee, setup.profile, options.today);
  CheckTrainee(file, trainee, setup.profile, facts, &plan.diagnostics);
  bool stopped = setup.stopped_by_file.count(trainee.id) > 0;
  for (const Diagnostic& d : plan.diagnostics) stopped |= d.trainee_id == trainee.id && StopsTraineeDocuments(d);
  if (stopped) {
    ManifestEntry skipped;
    skipped.trainee_id = trainee.id;
    skipped.trainee_name = trainee.FullName();
    skipped.status = "skipped";
    skipped.reason = "the record has errors; run stdok check";
    plan.entries.push_back(std::move(skipped));
    plan.skipped = true;
    return plan;
  }
  Planner(options, setup.catalog, file, setup.profile, &plan).PlanTrainee(trainee, facts, setup.folders[index], setup.context_needs);
  return plan;
}

void PlanEveryTrainee(const RenderOptions& options, RenderSetup* setup, RenderSummary* summary,
                      Diagnostics* diagnostics) {
  std::vector<WorkItem> work;
  for (size_t i = 0; i < setup->selected.size(); ++i) {
    if (!setup->selected[i]) continue;
    TraineePlan plan = PlanTrainee(options, *setup, i);
    for (WorkItem& w : plan.work) work.push_back(std::move(w));
    for (ManifestEntry& e : plan.entries) summary->entries.push_back(std::move(e));
    for (Diagnostic& d : plan.diagnostics) diagnostics->push_back(std::move(d));
  }
  for (WorkItem& w : setup->work) work.push_back(std::move(w));  // the studierektor contracts last
  setup->work = std::move(work);
}

}  // namespace stdok
