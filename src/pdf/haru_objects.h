// What libharu 2.3.0's public API cannot do, built with its low-level object API
// (hpdf_objects.h): signature fields, the XMP packet, the output intent, a repeatable document
// ID, streams compressed ahead of time, and info strings beyond PDFDocEncoding. Internal to pdf/.
#pragma once

#include <hpdf.h>

#include <string>
#include <vector>

#include "layout/page.h"

namespace stdok::haru {

// Adds one empty, printable signature field (/FT /Sig widget with an empty appearance) per
// widget to `page`'s /Annots and to the catalog's /AcroForm /Fields. No /SigFlags, no
// /NeedAppearances. Widgets of the same size share one empty appearance stream (kept in
// *appearances across the pages of a document). Returns false on a libharu error.
struct EmptyAppearance {
  long w, h;  // 1/100 pt
  HPDF_Dict stream;
};
bool AddSignatureFields(HPDF_Doc pdf, HPDF_Page page, const std::vector<SignatureWidget>& widgets,
                        std::vector<HPDF_Dict>* all_fields, std::vector<EmptyAppearance>* appearances);
bool FinishAcroForm(HPDF_Doc pdf, const std::vector<HPDF_Dict>& fields);

struct XmpInfo {
  std::string title, author, subject, keywords, producer;
  std::string iso_date;  // "2026-09-21T14:13:20+00:00"
};
// The XMP packet for PDF/A-1b, every value XML-escaped.
std::string BuildXmp(const XmpInfo& info);
// Attaches the packet as the catalog's uncompressed /Metadata stream.
bool AddMetadata(HPDF_Doc pdf, const std::string& xmp);
// A new stream object holding `compressed` (zlib data) as it is, with /Filter /FlateDecode.
HPDF_Dict AddFlateStream(HPDF_Doc pdf, const std::string& compressed);
// A new image XObject holding the image's bytes as they are (/FlateDecode pixels or a
// /DCTDecode JPEG), 8 bits per component, DeviceGray or DeviceRGB, no mask (PDF/A-1).
HPDF_Dict AddImage(HPDF_Doc pdf, const RasterImage& image);
// Adds an sRGB /OutputIntents entry from the ICC profile, given zlib-compressed.
bool AddOutputIntent(HPDF_Doc pdf, const std::string& icc_bytes);
// Sets the trailer /ID to two copies of the first 16 bytes of `digest_hex` (hex).
bool SetDocumentId(HPDF_Doc pdf, const std::string& digest_hex);

// Sets a page's content stream to `compressed` (zlib data, /FlateDecode), replacing libharu's.
bool SetPageContents(HPDF_Page page, const std::string& compressed);
// Sets a text entry of the document information dictionary (which must exist): PDFDocEncoding
// where it holds the text, else UTF-16BE.
bool SetInfoText(HPDF_Doc pdf, const char* key, const std::string& value);

}  // namespace stdok::haru
