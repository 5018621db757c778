#include "app/document_pipeline.h"

#include "fill/filler.h"
#include "forms/form_filler.h"
#include "layout/flow_layout.h"
#include "output/scratch_file.h"
#include "output/sha256.h"
#include "pdf/pdf_writer.h"

namespace stdok {

bool LayOutWork(const WorkItem& work, const RenderSetup& setup, LaidOutDocument* pages,
                Diagnostics* diagnostics) {
  Scope root(work.context.get());
  Scope with_item(&root, "item", work.item);
  Scope with_attachment(&with_item, "attachment", work.attachment);
  Scope scope(&with_attachment, "attachments", work.attachments);
  size_t mark = diagnostics->size();
  auto failed = [&] {
    for (size_t i = mark; i < diagnostics->size(); ++i) (*diagnostics)[i].trainee_id = work.owner_id;
    for (size_t i = mark; i < diagnostics->size(); ++i)
      if ((*diagnostics)[i].severity == Severity::kError) return true;
    return false;
  };
  if (work.form) {
    *pages = FillForm(*work.form, scope, setup.fonts, diagnostics);
    pages->info.author = setup.author;
    if (failed()) return false;
  } else {
    Document doc = FillTemplate(*work.tmpl, scope, diagnostics);
    if (failed()) return false;
    doc.info.author = setup.author;
    *pages = LayOutDocument(doc, setup.fonts);
  }
  if (work.draft)
    for (Page& page : pages->pages) page.watermark = "UTKAST – ej för underskrift";
  for (const Page& page : pages->pages) {
    for (const TextRun& run : page.texts) {
      if (setup.fonts.Covers(run.text)) continue;
      diagnostics->push_back({Severity::kWarning, {work.SourcePath()}, work.owner_id, "", "pdf.missing-glyph",
                              "the font has no glyph for a character in '" + run.text.substr(0, 60) + "'", ""});
      return true;
    }
  }
  return true;
}

namespace {

PdfOptions PdfOptionsFor(const WorkItem& work, const DocumentInfo& info, const RenderOptions& options,
                         const RenderSetup& setup) {
  PdfOptions pdf;
  pdf.fonts = setup.fonts.pdf_fonts();
  pdf.creation_time = options.creation_time;
  pdf.producer = std::string("stdok ") + STDOK_VERSION;
  pdf.signature_fields = options.signature_fields.value_or(info.signature_fields);
  pdf.pdfa = options.pdfa.value_or(work.IsContract());
  pdf.icc_profile = setup.icc_profile;
  pdf.document_key = work.owner_id + "/" + work.relative_path;
  return pdf;
}

}  // namespace

bool WriteWork(const WorkItem& work, const LaidOutDocument& pages, const RenderOptions& options,
               const RenderSetup& setup, std::string* bytes, std::string* error) {
  return WritePdf(pages.info, PagesInMemory(pages.pages), PdfOptionsFor(work, pages.info, options, setup), bytes,
                  error);
}

bool WriteWorkInParts(const WorkItem& work, const DocumentInfo& info, const PageSequence& pages,
                      const RenderOptions& options, const RenderSetup& setup, FileSystem* fs,
                      ManifestEntry* entry, std::string* error) {
  const std::string path = options.output_dir + "/" + work.relative_path;
  if (!fs->MakeDirectories(path.substr(0, path.rfind('/')), error)) return false;
  ScratchFile contents(fs, options.output_dir);  // the pages' compressed contents until the save
  PdfOptions pdf = PdfOptionsFor(work, info, options, setup);
  pdf.contents_scratch = &contents;
  Sha256 sha256;
  size_t bytes = 0;
  std::string pdf_error;
  const bool written = fs->WriteAtomicallyInParts(
      path,
      [&](const FileSystem::PartSink& sink) {
        return WritePdf(info, pages, pdf,
                        [&](std::string_view part) {
                          sha256.Add(part);
                          bytes += part.size();
                          return sink(part);
                        },
                        &pdf_error);
      },
      error);
  if (!written) {
    if (error->empty()) *error = pdf_error;  // the file system took every part it was given
    return false;
  }
  entry->file = work.relative_path;
  entry->pages = pages.Count();
  entry->bytes = bytes;
  entry->sha256 = sha256.Hex();
  return true;
}

bool WriteDocumentFile(const std::string& output_dir, const std::string& relative_path,
                       const std::string& bytes, int pages, FileSystem* fs, ManifestEntry* entry,
                       std::string* error) {
  const std::string path = output_dir + "/" + relative_path;
  if (!fs->MakeDirectories(path.substr(0, path.rfind('/')), error) || !fs->WriteAtomicallyUnsynced(path, bytes, error))
    return false;
  entry->file = relative_path;
  entry->pages = pages;
  entry->bytes = bytes.size();
  entry->sha256 = Sha256Hex(bytes);
  return true;
}

}  // namespace stdok
