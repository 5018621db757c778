#include "app/render_job.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

#include "app/document_pipeline.h"
#include "app/print_pack.h"
#include "app/render_plan.h"
#include "app/manifest_files.h"
#include "app/status_workbook.h"
#include "rules/checks.h"

namespace stdok {
namespace {

struct WorkResult {
  ManifestEntry entry;
  Diagnostics diagnostics;
};

// What is left of a trainee (or a studierektor contract) once its documents are written.
struct UnitResult {
  std::vector<ManifestEntry> entries;  // planning's (skipped, held back …), then the documents'
  Diagnostics diagnostics;             // checks, planning, then the documents in plan order
  std::vector<PackDocument> pack;      // --print-pack: where the written documents' pages wait
  std::set<std::string> with_errors;   // trainees whose checks stop their documents
  int skipped = 0, held_back = 0, failed = 0, written = 0, drafts = 0;
};

WorkResult RenderOne(const WorkItem& work, const RenderOptions& options, const RenderSetup& setup,
                     FileSystem* fs, PrintPacks* packs, std::vector<PackDocument>* pack) {
  WorkResult result;
  ManifestEntry& e = result.entry;
  e.trainee_id = work.owner_id;
  e.trainee_name = work.owner_name;
  e.doc_id = work.DocId();
  e.status = "failed";
  LaidOutDocument pages;
  if (!LayOutWork(work, setup, &pages, &result.diagnostics)) {
    e.reason = "template error in " + work.SourcePath();
    return result;
  }
  std::string bytes, error;
  if (!WriteWork(work, pages, options, setup, &bytes, &error)) {
    e.reason = error;
    result.diagnostics.push_back({Severity::kError, {work.SourcePath()}, work.owner_id, "", "pdf.write", error, ""});
    return result;
  }
  if (!WriteDocumentFile(options.output_dir, work.relative_path, bytes, static_cast<int>(pages.pages.size()), fs,
                         &e, &error)) {
    e.reason = error;
    result.diagnostics.push_back({Severity::kError, {options.output_dir + "/" + work.relative_path}, work.owner_id,
                                  "", "io.write", error, ""});
    return result;
  }
  e.status = work.draft ? "draft" : "written";
  if (packs) pack->push_back(packs->Keep(work, pages));
  return result;
}

// The files the entries list as made (written or draft): documents and print packs.
struct MadeFiles {
  std::vector<std::string> paths;
  std::vector<size_t> entries;  // their entries' indexes, parallel to `paths`
};

MadeFiles ListMadeFiles(const std::string& output_dir, const RenderSummary& summary) {
  MadeFiles made;
  for (size_t i = 0; i < summary.entries.size(); ++i) {
    const ManifestEntry e = summary.entries[i];
    if (e.status != "written" && e.status != "draft") continue;
    made.paths.push_back(output_dir + "/" + e.file);
    made.entries.push_back(i);
  }
  return made;
}

// Each made file that may not be durable (`failures`, from FileSystem::SyncFiles of
// made.paths) becomes "failed" with the reason and is removed, so the manifest lists only
// files that survive a power cut.
void FailFilesNotDurable(const MadeFiles& made, const std::vector<FileSystem::SyncFailure>& failures, FileSystem* fs,
                         RenderSummary* summary, Diagnostics* diagnostics) {
  const std::vector<std::string>& paths = made.paths;
  size_t at = 0;  // failures come in the order of `paths`
  for (const FileSystem::SyncFailure& f : failures) {
    while (at < paths.size() && paths[at] != f.path) ++at;
    if (at == paths.size()) break;
    ManifestEntry e = summary->entries[made.entries[at]];
    const bool pack = e.file.rfind(std::string(kPrintPackFolder) + "/", 0) == 0;  // not counted as written
    if (!pack) {
      --summary->written;
      if (e.status == "draft") --summary->drafts;
    }
    ++summary->failed;
    e.status = "failed";
    e.reason = f.error;
    e.file.clear();
    e.pages = 0;
    e.bytes = 0;
    e.sha256.clear();
    summary->entries.Replace(made.entries[at], e);
    std::string ignored;
    fs->RemoveFile(f.path, &ignored);  // best effort: it is not in the manifest either way
    diagnostics->push_back({Severity::kError, {f.path}, e.trainee_id, "", "io.write", f.error, ""});
  }
}

// Adds `d` to its severity's and rule id's count (few rule ids: a linear search is enough).
void Count(const Diagnostic& d, std::vector<DiagnosticCount>* counts) {
  auto it = std::find_if(counts->begin(), counts->end(),
                         [&](const DiagnosticCount& c) { return c.severity == d.severity && c.rule == d.rule; });
  if (it == counts->end()) counts->push_back({d.severity, d.rule, 1});
  else ++it->n;
}

// Quiet runs: counts the warnings and infos from diagnostics[*folded] on and keeps the errors.
void FoldQuietDiagnostics(Diagnostics* diagnostics, size_t* folded, std::vector<DiagnosticCount>* counts) {
  size_t kept = *folded;
  for (size_t i = *folded; i < diagnostics->size(); ++i) {
    Diagnostic& d = (*diagnostics)[i];
    if (d.severity != Severity::kError) {
      Count(d, counts);
      continue;
    }
    if (kept != i) (*diagnostics)[kept] = std::move(d);
    ++kept;
  }
  diagnostics->resize(kept);
  *folded = kept;
}

}  // namespace

RenderSummary RunRender(const RenderOptions& options, FileSystem* fs, Diagnostics* diagnostics) {
  RenderSummary summary;
  RenderSetup setup;
  if (!PrepareRender(options, fs, &setup, &summary, diagnostics)) return summary;
  if (setup.file().refused) {  // its error is in diagnostics; nothing is written, not even a manifest
    summary.io_error = true;
    return summary;
  }
  if (options.shard_count > 0)
    summary.shard = {options.shard_index, options.shard_count, setup.records_sha256, FormatIso(options.today)};
  std::string error;
  if (!fs->MakeDirectories(options.output_dir, &error)) {
    diagnostics->push_back({Severity::kError, {options.output_dir}, "", "", "io",
                            "cannot create the output folder: " + error, ""});
    summary.io_error = true;
    return summary;
  }
  if (!RemoveManifestFiles(options.output_dir, fs, &error)) {
    diagnostics->push_back({Severity::kError, {options.output_dir}, "", "", "io",
                            "cannot remove the previous run's manifest: " + error, ""});
    summary.io_error = true;
    return summary;
  }

  // Trainees are streamed through the workers: each takes the next trainee, plans it (facts,
  // checks, context), renders and writes its documents and keeps only their manifest entries
  // and diagnostics. Then the studierektor contracts, one unit each. As soon as every unit up to
  // one is done, their results are moved on in file order and freed: the manifest and the
  // diagnostics do not depend on the number of jobs, and memory holds only the units finished
  // ahead of a slower one.
  const size_t trainees = setup.records->size();
  const size_t units = trainees + setup.work.size();
  std::vector<UnitResult> results(units);
  // --print-pack: the written documents' pages wait outside memory until the packs are made.
  std::unique_ptr<PrintPacks> packs;
  if (options.print_pack) packs = std::make_unique<PrintPacks>(fs, options.output_dir);
  auto render = [&](const WorkItem& w, UnitResult* r) {
    WorkResult one = RenderOne(w, options, setup, fs, packs.get(), &r->pack);
    const bool made = one.entry.status == "written" || one.entry.status == "draft";
    r->written += made;
    r->failed += !made;
    r->drafts += one.entry.status == "draft";
    r->entries.push_back(std::move(one.entry));
    for (auto& d : one.diagnostics) r->diagnostics.push_back(std::move(d));
  };
  auto run_unit = [&](size_t i) {
    UnitResult& r = results[i];
    if (i >= trainees) return render(setup.work[i - trainees], &r);
    if (!setup.selected[i]) return;
    TraineePlan plan = PlanTrainee(options, setup, i);
    for (const Diagnostic& d : plan.diagnostics)
      if (StopsTraineeDocuments(d) && !d.trainee_id.empty()) r.with_errors.insert(d.trainee_id);
    r.entries = std::move(plan.entries);
    r.diagnostics = std::move(plan.diagnostics);
    r.skipped = plan.skipped ? 1 : 0;
    r.held_back = plan.held_back;
    r.failed = plan.failed;
    for (const WorkItem& w : plan.work) render(w, &r);
  };
  std::set<std::string> with_errors = setup.stopped_by_file;
  const bool fold_quiet = options.quiet && !options.verbose;
  size_t folded = 0;  // diagnostics before this one are folded: errors only
  auto collect = [&](size_t i) {  // unit i's results, in file order
    UnitResult& r = results[i];
    if (i == trainees)
      for (auto& d : setup.director_diagnostics) diagnostics->push_back(std::move(d));
    with_errors.insert(r.with_errors.begin(), r.with_errors.end());
    for (auto& d : r.diagnostics) diagnostics->push_back(std::move(d));
    if (fold_quiet) FoldQuietDiagnostics(diagnostics, &folded, &summary.counted);
    summary.skipped += r.skipped;
    summary.held_back += r.held_back;
    summary.failed += r.failed;
    summary.written += r.written;
    summary.drafts += r.drafts;
    for (const ManifestEntry& e : r.entries) summary.entries.push_back(e);
    for (PackDocument& p : r.pack) packs->Add(std::move(p));
    r = UnitResult();
  };
  std::vector<bool> finished(units);  // these three under results_mutex
  size_t collected = 0;
  size_t done = 0;
  std::mutex results_mutex;
  std::atomic<size_t> next{0};
  auto worker = [&]() {
    for (size_t i = next++; i < units; i = next++) {
      run_unit(i);
      std::lock_guard<std::mutex> lock(results_mutex);
      finished[i] = true;
      while (collected < units && finished[collected]) collect(collected++);
      if (options.on_progress) options.on_progress(++done, units);
    }
  };
  int jobs = std::max(1, std::min<int>(options.jobs, static_cast<int>(units)));
  std::vector<std::thread> threads;
  for (int j = 1; j < jobs; ++j) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();
  std::vector<UnitResult>().swap(results);
  if (trainees == units)
    for (auto& d : setup.director_diagnostics) diagnostics->push_back(std::move(d));
  summary.trainees_with_errors = static_cast<int>(with_errors.size());
  // The records and plans are not read past this point: their memory goes to the print packs
  // and the manifest.
  setup.records.reset();
  setup.work = {};
  // The print packs first, each synced as it is written. Not beside the pass below: on ext4
  // (data=ordered) every fsync of a small document then also waits for the pack's data, and
  // 10,000 trainees with packs took 89 s instead of 75 (system time 55 s instead of 22).
  if (packs) packs->Write(setup, options, fs, &summary, diagnostics);
  packs.reset();
  // Every document is made durable in one pass (FileSystem::SyncFiles) rather than one wait per
  // file. The pass mostly waits for the disk: meanwhile this thread makes the manifest's
  // workbook, the costly one of its three files, from the entries as they are. A document that
  // fails to sync changes its entry, and then the workbook is made again from the new ones.
  const MadeFiles made = ListMadeFiles(options.output_dir, summary);
  std::vector<FileSystem::SyncFailure> failures;
  std::thread syncing([&] { failures = fs->SyncFiles(made.paths); });
  std::string workbook, workbook_error;
  const bool workbook_made = MakeManifestWorkbook(summary.entries, fs, &workbook, &workbook_error);
  syncing.join();
  FailFilesNotDurable(made, failures, fs, &summary, diagnostics);
  // Last: every file it lists is already durable; the previous run's manifest was removed before
  // the first document, so OUT never holds a manifest that describes other documents.
  summary.manifest_written = WriteManifestFiles(summary.entries, summary.shard, options.output_dir, fs, &error,
                                                workbook_made && failures.empty() ? &workbook : nullptr);
  if (!summary.manifest_written) {
    diagnostics->push_back({Severity::kError, {options.output_dir}, "", "", "io",
                            "cannot write the manifest: " + error, ""});
    summary.io_error = true;
  }
  if (fold_quiet) FoldQuietDiagnostics(diagnostics, &folded, &summary.counted);
  return summary;
}

int ExitCode(const RenderSummary& summary) {
  if (summary.io_error) return 2;
  if (summary.failed > 0 || summary.skipped > 0 || summary.trainees_with_errors > 0 || summary.file_errors)
    return 1;
  return 0;
}

std::string FormatRenderDiagnostics(const Diagnostics& diagnostics, bool quiet, bool verbose,
                                    const std::vector<DiagnosticCount>& counted) {
  std::string out;
  std::vector<DiagnosticCount> counts = counted;
  for (const Diagnostic& d : diagnostics) {
    if (!quiet || verbose || d.severity == Severity::kError) {
      out += d.ToString() + "\n";
      continue;
    }
    Count(d, &counts);
  }
  for (const DiagnosticCount& c : counts)
    out += "stdok: " + std::to_string(c.n) + " " + SeverityName(c.severity) + (c.n == 1 ? " " : "s ") +
           (c.rule.empty() ? std::string("(no rule id)") : c.rule) + " (--verbose shows each)\n";
  return out;
}

std::string FormatRenderSummary(const RenderSummary& summary, const std::string& output_dir,
                                const Date& as_of) {
  std::string out = "stdok: " + std::to_string(summary.written) + " documents written to " + output_dir + "/";
  if (summary.drafts) out += " (" + std::to_string(summary.drafts) + " drafts)";
  if (summary.failed) out += ", " + std::to_string(summary.failed) + " failed";
  if (summary.held_back)
    out += ", " + std::to_string(summary.held_back) + " held back (not true as of " + FormatIso(as_of) +
           "; the manifest says why, --drafts makes them)";
  if (summary.trainees_with_errors)
    out += ", " + std::to_string(summary.trainees_with_errors) + " trainees with errors (run stdok check)";
  out += summary.manifest_written ? "; manifest: " + output_dir + "/" + kManifestJson : "; no manifest written";
  return out + "\n";
}

}  // namespace stdok
