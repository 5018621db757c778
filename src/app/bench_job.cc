#include "app/bench_job.h"

#include <chrono>

#include "app/document_pipeline.h"
#include "app/render_plan.h"
#include "pdf/pdf_font.h"

namespace stdok {

bool RunBench(const RenderOptions& options, int repeat, FileSystem* fs, BenchFigures* figures,
              Diagnostics* diagnostics) {
  RenderSummary summary;
  RenderSetup setup;
  if (!PrepareRender(options, fs, &setup, &summary, diagnostics)) return false;
  using Clock = std::chrono::steady_clock;
  std::vector<LaidOutDocument> laid_out(setup.work.size());
  std::string bytes, error;
  double total_bytes = 0;

  // Both passes start without cached font subsets, as a render does.
  auto clear_font_caches = [&setup] {
    setup.fonts.pdf_fonts().regular->ClearCache();
    setup.fonts.pdf_fonts().bold->ClearCache();
  };
  clear_font_caches();
  auto start = Clock::now();
  for (int r = 0; r < repeat; ++r) {
    for (size_t i = 0; i < setup.work.size(); ++i) {
      Diagnostics ignored;
      if (!LayOutWork(setup.work[i], setup, &laid_out[i], &ignored)) return false;
      if (!WriteWork(setup.work[i], laid_out[i], options, setup, &bytes, &error)) return false;
      total_bytes += static_cast<double>(bytes.size());
    }
  }
  figures->pipeline_seconds = std::chrono::duration<double>(Clock::now() - start).count();

  clear_font_caches();
  start = Clock::now();
  for (int r = 0; r < repeat; ++r)
    for (size_t i = 0; i < setup.work.size(); ++i)
      if (!WriteWork(setup.work[i], laid_out[i], options, setup, &bytes, &error)) return false;
  figures->writer_seconds = std::chrono::duration<double>(Clock::now() - start).count();

  figures->documents = setup.work.size() * static_cast<size_t>(repeat);
  figures->mean_bytes = figures->documents ? total_bytes / static_cast<double>(figures->documents) : 0;
  return true;
}

}  // namespace stdok
