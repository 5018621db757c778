// The per-document pipeline: fill + layout, then the PDF writer. Thread-safe for distinct
// work items (each call has its own libharu document).
#pragma once

#include <string>

#include "app/render_plan.h"
#include "layout/page.h"

namespace stdok {

// Fills the template and lays out the pages. False when the template reported an error.
bool LayOutWork(const WorkItem& work, const RenderSetup& setup, LaidOutDocument* pages,
                Diagnostics* diagnostics);

// Writes the laid-out pages as PDF bytes with the run's PDF options.
bool WriteWork(const WorkItem& work, const LaidOutDocument& pages, const RenderOptions& options,
               const RenderSetup& setup, std::string* bytes, std::string* error);

}  // namespace stdok
