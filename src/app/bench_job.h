// `stdok bench`: in-process timing of the pipeline against the PDF writer alone, for
// scripts/bench.sh. Nothing is written to disk.
#pragma once

#include <string>

#include "app/render_job.h"

namespace stdok {

// Times are the CPU time of the one thread that does the work, not wall time, so that other
// work on the machine does not distort the figures.
struct BenchFigures {
  size_t documents = 0;         // documents timed: the planned ones times `repeat`
  size_t planned = 0;           // documents planned (once, whatever `repeat`)
  double reading_seconds = 0;   // PrepareRender: templates, fonts, the records file (CPU of every thread)
  double planning_seconds = 0;  // each trainee read again, its facts, checks, context and work items
  double pipeline_seconds = 0;  // fill + layout + PDF writer, one thread
  double writer_seconds = 0;    // the same laid-out pages through the PDF writer alone
  double mean_bytes = 0;
};

// Plans like `render`, then times every document twice (see BenchFigures). `repeat` runs the
// whole set that many times to make short runs measurable.
bool RunBench(const RenderOptions& options, int repeat, FileSystem* fs, BenchFigures* figures,
              Diagnostics* diagnostics);
// "name value" lines for scripts/bench.sh: documents, docs/s of the pipeline and of the writer
// alone, the pipeline's cost over the writer in per cent, mean KiB per document, reading and
// planning in µs per planned document, and the docs/s of one core doing all a render does but
// write files (reading, planning and the pipeline).
std::string FormatBenchFigures(const BenchFigures& figures);

}  // namespace stdok
