#include "app/bench_job.h"

#include <time.h>

#include <cstdio>

#include "app/document_pipeline.h"
#include "app/render_plan.h"
#include "pdf/pdf_font.h"

namespace stdok {

bool RunBench(const RenderOptions& options, int repeat, FileSystem* fs, BenchFigures* figures,
              Diagnostics* diagnostics) {
  // CPU time: other work on the machine (a compiler, another benchmark) slows the wall clock of
  // a run but hardly its CPU time. The process's for reading (which may use several threads),
  // this thread's for the rest.
  auto cpu = [](clockid_t clock) {
    timespec t{};
    clock_gettime(clock, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
  };
  auto now = [&] { return cpu(CLOCK_THREAD_CPUTIME_ID); };
  RenderSummary summary;
  RenderSetup setup;
  const double reading_start = cpu(CLOCK_PROCESS_CPUTIME_ID);
  if (!PrepareRender(options, fs, &setup, &summary, diagnostics)) return false;
  figures->reading_seconds = cpu(CLOCK_PROCESS_CPUTIME_ID) - reading_start;
  // Planning timed as a render plans: one trainee at a time, its plan dropped before the next
  // (holding every plan, as the passes below need, costs more than planning itself).
  const double planning_start = now();
  for (size_t i = 0; i < setup.selected.size(); ++i)
    if (setup.selected[i]) PlanTrainee(options, setup, i);
  figures->planning_seconds = now() - planning_start;
  PlanEveryTrainee(options, &setup, &summary, diagnostics);
  figures->planned = setup.work.size();
  std::vector<LaidOutDocument> laid_out(setup.work.size());
  std::string bytes, error;
  double total_bytes = 0;

  // Both passes start without cached font subsets, as a render does.
  auto clear_font_caches = [&setup] {
    const PdfFonts& f = setup.fonts.pdf_fonts();
    for (const auto& font : {f.regular, f.bold, f.italic, f.bold_italic})
      if (font) font->ClearCache();
  };
  // The pipeline pass keeps a copy of every laid-out document for the writer pass; the copy is
  // made outside the timed part, and the document being timed reuses its memory as in a render.
  clear_font_caches();
  double pipeline = 0;
  LaidOutDocument pages;
  for (int r = 0; r < repeat; ++r) {
    for (size_t i = 0; i < setup.work.size(); ++i) {
      Diagnostics ignored;
      double start = now();
      if (!LayOutWork(setup.work[i], setup, &pages, &ignored)) return false;
      if (!WriteWork(setup.work[i], pages, options, setup, &bytes, &error)) return false;
      pipeline += now() - start;
      total_bytes += static_cast<double>(bytes.size());
      if (r == 0) laid_out[i] = pages;
    }
  }
  figures->pipeline_seconds = pipeline;

  clear_font_caches();
  double start = now();
  for (int r = 0; r < repeat; ++r)
    for (size_t i = 0; i < setup.work.size(); ++i)
      if (!WriteWork(setup.work[i], laid_out[i], options, setup, &bytes, &error)) return false;
  figures->writer_seconds = now() - start;

  figures->documents = setup.work.size() * static_cast<size_t>(repeat);
  figures->mean_bytes = figures->documents ? total_bytes / static_cast<double>(figures->documents) : 0;
  return true;
}

std::string FormatBenchFigures(const BenchFigures& f) {
  const double pipeline_rate = f.documents / f.pipeline_seconds, writer_rate = f.documents / f.writer_seconds;
  const double before_pipeline = f.planned ? (f.reading_seconds + f.planning_seconds) / f.planned : 0;
  char buffer[512];
  std::snprintf(buffer, sizeof buffer,
                "documents %zu\npipeline_docs_per_s %.1f\nwriter_only_docs_per_s %.1f\n"
                "pipeline_cost_over_writer_pct %.1f\nmean_kib_per_doc %.2f\n"
                "reading_us_per_doc %.1f\nplanning_us_per_doc %.1f\nrender_without_files_docs_per_s %.1f\n",
                f.documents, pipeline_rate, writer_rate,
                100.0 * (f.pipeline_seconds - f.writer_seconds) / f.writer_seconds, f.mean_bytes / 1024.0,
                f.planned ? 1e6 * f.reading_seconds / f.planned : 0, f.planned ? 1e6 * f.planning_seconds / f.planned : 0,
                1.0 / (1.0 / pipeline_rate + before_pipeline));
  return buffer;
}

}  // namespace stdok
