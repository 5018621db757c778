// PDF writer: laid-out pages -> PDF bytes, with libharu. Only pdf/ includes hpdf.h.
#pragma once

#include <ctime>
#include <optional>
#include <string>

#include "layout/page.h"

namespace stdok {

struct FontFiles {
  std::string regular;  // paths of TrueType files with every script stdok supports
  std::string bold;
  std::string latin1_regular;  // Windows-1252-only subsets, used for documents whose text is
  std::string latin1_bold;     // all Windows-1252 (empty: use the full files)
};

struct PdfOptions {
  FontFiles fonts;
  std::optional<std::time_t> creation_time;  // SOURCE_DATE_EPOCH; now when empty
  std::string producer = "stdok";
  bool signature_fields = true;  // AcroForm /Sig fields over the signature lines
  bool pdfa = false;             // PDF/A-1b: XMP, output intent, CIDSet, document ID
  std::string icc_profile;       // sRGB ICC bytes compressed with DeflateIccProfile; needed when pdfa
  // Identifies the document (e.g. "T-0042/st-kontrakt"); with the creation time it makes the
  // trailer /ID, unique per document and repeatable under SOURCE_DATE_EPOCH.
  std::string document_key;
};

// Compresses an ICC profile once for all documents of a run (zlib, for /FlateDecode).
std::string DeflateIccProfile(const std::string& icc_bytes);

// Writes the document to *bytes. Text that Windows-1252 can hold is set with the
// WinAnsiEncoding simple font (small, fast); other text with the UTF-8 (Identity-H) font,
// embedded only in documents that need it. Returns false with *error on failure.
bool WritePdf(const LaidOutDocument& document, const PdfOptions& options, std::string* bytes,
              std::string* error);

}  // namespace stdok
