// What libharu 2.3.0's public API cannot do, built with its low-level object API
// (hpdf_objects.h): signature fields, the XMP packet, the output intent, a repeatable document
// ID, a CIDSet, and a valid ToUnicode map. Internal to pdf/.
#pragma once

#include <hpdf.h>

#include <set>
#include <string>
#include <vector>

#include "layout/page.h"

namespace stdok::haru {

// Adds one empty, printable signature field (/FT /Sig widget with an empty appearance) per
// widget to `page`'s /Annots and to the catalog's /AcroForm /Fields. No /SigFlags, no
// /NeedAppearances. Returns false on a libharu error.
bool AddSignatureFields(HPDF_Doc pdf, HPDF_Page page, const std::vector<SignatureWidget>& widgets,
                        std::vector<HPDF_Dict>* all_fields);
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
// Adds an sRGB /OutputIntents entry from the ICC profile, given zlib-compressed.
bool AddOutputIntent(HPDF_Doc pdf, const std::string& icc_bytes);
// Sets the trailer /ID to two copies of the first 16 bytes of `digest_hex` (hex).
bool SetDocumentId(HPDF_Doc pdf, const std::string& digest_hex);

// Replaces libharu's invalid /ToUnicode of a UTF-8 font with the identity over `used`.
bool FixToUnicode(HPDF_Font font, const std::set<char32_t>& used);
// Makes `font` (a UTF-8 Type0 font) write a /CIDSet for the CIDs in `used` (plus CID 0) into
// its descriptor when the document is saved. `used` must outlive the save.
void RequestCidSet(HPDF_Font font, const std::set<char32_t>* used);
// Withdraws a request that was not consumed by a save (e.g. the document failed earlier).
void CancelCidSet(HPDF_Font font);

}  // namespace stdok::haru
