// PDF writer: laid-out pages -> PDF bytes. libharu writes the object structure, reached only
// through pdf/haru.h.
#pragma once

#include <ctime>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "layout/page.h"
#include "output/scratch_file.h"

namespace stdok {

class PdfFont;  // pdf/pdf_font.h

// The fonts documents are set in, parsed once per run and shared by every document and thread.
struct PdfFonts {
  std::shared_ptr<const PdfFont> regular;
  std::shared_ptr<const PdfFont> bold;
  // Needed only by documents with italic text (WritePdf fails without them then).
  std::shared_ptr<const PdfFont> italic;
  std::shared_ptr<const PdfFont> bold_italic;
};
// Parses the TrueType programs (file contents) of the two faces; false with *error when one
// cannot be embedded.
bool LoadPdfFonts(std::string regular, std::string bold, PdfFonts* fonts, std::string* error);

struct PdfOptions {
  PdfFonts fonts;
  std::optional<std::time_t> creation_time;  // SOURCE_DATE_EPOCH; now when empty
  std::string producer = "stdok";
  bool signature_fields = true;  // AcroForm /Sig fields over the signature lines
  bool pdfa = false;             // PDF/A-1b: XMP, output intent, CIDSet, document ID
  std::string icc_profile;       // sRGB ICC bytes compressed with DeflateIccProfile; needed when pdfa
  // Identifies the document (e.g. "T-0042/st-kontrakt"); with the creation time it makes the
  // trailer /ID, unique per document and repeatable under SOURCE_DATE_EPOCH.
  std::string document_key;
  // Where the compressed page contents wait until the document is saved (a print pack of
  // thousands of pages); null: in the document's memory. Outlives WritePdf.
  ScratchFile* contents_scratch = nullptr;
};

// Compresses an ICC profile once for all documents of a run (zlib, for /FlateDecode).
std::string DeflateIccProfile(const std::string& icc_bytes);

// The pages of a document, handed to the writer one at a time and as often as it asks (it
// reads them three times), so that a long document need not be in memory all at once.
class PageSequence {
 public:
  virtual ~PageSequence() = default;
  // Calls `visit` with each page in order until it returns false. False when `visit` did, or
  // (with *error) when a page could not be had.
  virtual bool ForEach(const std::function<bool(const Page&)>& visit, std::string* error) const = 0;
  // How many pages ForEach visits.
  virtual int Count() const = 0;
};

// Pages that are in memory already.
class PagesInMemory : public PageSequence {
 public:
  explicit PagesInMemory(const std::vector<Page>& pages) : pages_(pages) {}
  bool ForEach(const std::function<bool(const Page&)>& visit, std::string*) const override {
    for (const Page& page : pages_)
      if (!visit(page)) return false;
    return true;
  }
  int Count() const override { return static_cast<int>(pages_.size()); }

 private:
  const std::vector<Page>& pages_;
};

// As WritePdf below, with the pages read from `pages`.
bool WritePdf(const DocumentInfo& info, const PageSequence& pages, const PdfOptions& options, std::string* bytes,
              std::string* error);

// Takes the file's next part; false stops the writer (WritePdf then fails).
using PdfPartSink = std::function<bool(std::string_view part)>;
// The same bytes given to `write` in parts of 64 KiB as they are made, never whole in memory
// (a print pack of thousands of pages): only libharu's objects are held.
bool WritePdf(const DocumentInfo& info, const PageSequence& pages, const PdfOptions& options,
              const PdfPartSink& write, std::string* error);

// Writes the document to *bytes. Every face is embedded as subsets holding only the glyphs the
// document shows: simple TrueType fonts of up to 224 characters each, coded in the order of
// the characters, with a /ToUnicode map so that the text extracts exactly. Returns false with
// *error on failure.
bool WritePdf(const LaidOutDocument& document, const PdfOptions& options, std::string* bytes,
              std::string* error);

}  // namespace stdok
