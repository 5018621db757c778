// The parts of a document beyond pages and fonts, built through the libharu door (pdf/haru.h):
// signature fields, the XMP packet, the output intent, a repeatable document ID and info
// strings beyond PDFDocEncoding. Internal to pdf/.
#pragma once

#include <string>
#include <vector>

#include "layout/page.h"
#include "pdf/haru.h"

namespace stdok {

// Adds one empty, printable signature field (/FT /Sig widget with an empty appearance) per
// widget to `page`'s /Annots and to *all_fields (for FinishAcroForm). No /SigFlags, no
// /NeedAppearances. Widgets of the same size share one empty appearance stream (kept in
// *appearances across the pages of a document). Returns false on a libharu error.
struct EmptyAppearance {
  long w, h;  // 1/100 pt
  haru::Dict stream;
};
bool AddSignatureFields(haru::Document* pdf, haru::Dict page, const std::vector<SignatureWidget>& widgets,
                        std::vector<haru::Dict>* all_fields, std::vector<EmptyAppearance>* appearances);
// The catalog's /AcroForm listing the fields (nothing when there are none).
bool FinishAcroForm(haru::Document* pdf, const std::vector<haru::Dict>& fields);

struct XmpInfo {
  std::string title, author, subject, keywords, producer;
  std::string iso_date;  // "2026-09-21T14:13:20+00:00"
};
// The XMP packet for PDF/A-1b, every value XML-escaped.
std::string BuildXmp(const XmpInfo& info);
// Attaches the packet as the catalog's uncompressed /Metadata stream.
bool AddMetadata(haru::Document* pdf, const std::string& xmp);
// A new image XObject holding the image's bytes as they are (/FlateDecode pixels or a
// /DCTDecode JPEG), DeviceGray or DeviceRGB (8 bits per component) or an /Indexed palette of
// one of them, no mask (PDF/A-1).
haru::Dict AddImage(haru::Document* pdf, const RasterImage& image);
// Adds an sRGB /OutputIntents entry from the ICC profile, given zlib-compressed.
bool AddOutputIntent(haru::Document* pdf, const std::string& icc_bytes);
// Sets the trailer /ID to two copies of the first 16 bytes of `digest_hex` (hex).
bool SetDocumentId(haru::Document* pdf, const std::string& digest_hex);
// Sets a text entry of the information dictionary: PDFDocEncoding where it holds the text,
// else UTF-16BE.
bool SetInfoText(haru::Document* pdf, haru::Dict info, const char* key, const std::string& value);

}  // namespace stdok
