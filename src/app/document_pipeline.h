// The per-document pipeline: fill + layout, then the PDF writer. Thread-safe for distinct
// work items (each call has its own libharu document).
#pragma once

#include <string>

#include "app/render_plan.h"
#include "layout/page.h"
#include "output/file_system.h"
#include "output/manifest.h"
#include "pdf/pdf_writer.h"

namespace stdok {

// Fills the template and lays out the pages. False when the template reported an error.
bool LayOutWork(const WorkItem& work, const RenderSetup& setup, LaidOutDocument* pages,
                Diagnostics* diagnostics);

// Writes the laid-out pages as PDF bytes with the run's PDF options.
bool WriteWork(const WorkItem& work, const LaidOutDocument& pages, const RenderOptions& options,
               const RenderSetup& setup, std::string* bytes, std::string* error);
// The print pack's writer: the pages read one at a time from `pages`, the PDF written part by
// part into options.output_dir/work.relative_path as it is made (FileSystem::
// WriteAtomicallyInParts: its folders made, atomic and durable when it returns) and recorded in
// `entry` like WriteDocumentFile. Neither the pages, their compressed contents (a ScratchFile in
// the output folder until the save) nor the file are ever whole in memory.
bool WriteWorkInParts(const WorkItem& work, const DocumentInfo& info, const PageSequence& pages,
                      const RenderOptions& options, const RenderSetup& setup, FileSystem* fs,
                      ManifestEntry* entry, std::string* error);

// Writes a document's PDF bytes to output_dir/relative_path (its folders made, the file
// written atomically but not yet durable: FileSystem::WriteAtomicallyUnsynced) and records it in
// `entry`: file, pages, bytes and SHA-256; the status and reason stay the caller's. On failure
// sets *error and leaves `entry` as it was. The caller makes the files durable (FileSystem::
// SyncFiles) before any manifest lists them.
bool WriteDocumentFile(const std::string& output_dir, const std::string& relative_path,
                       const std::string& bytes, int pages, FileSystem* fs, ManifestEntry* entry,
                       std::string* error);

}  // namespace stdok
