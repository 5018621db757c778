#include "pdf/haru_objects.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <hpdf_pages.h>

#include <cmath>
#include <cstdio>

#include "pdf/pdf_doc_encoding.h"
#include "text/unicode.h"

namespace stdok::haru {
namespace {

HPDF_Array Rect(HPDF_MMgr mmgr, double x0, double y0, double x1, double y1) {
  HPDF_Array a = HPDF_Array_New(mmgr);
  for (double v : {x0, y0, x1, y1}) HPDF_Array_AddReal(a, static_cast<HPDF_REAL>(v));
  return a;
}

std::string XmlEscape(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;  // not allowed in XML 1.0
        out += static_cast<char>(c);
    }
  }
  return out;
}

HPDF_STATUS WriteFlateFilter(HPDF_Dict, HPDF_Stream stream) {
  return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

HPDF_STATUS WriteDctFilter(HPDF_Dict, HPDF_Stream stream) {
  return HPDF_Stream_WriteStr(stream, "/Filter /DCTDecode\012");
}

}  // namespace

bool AddSignatureFields(HPDF_Doc pdf, HPDF_Page page, const std::vector<SignatureWidget>& widgets,
                        std::vector<HPDF_Dict>* all_fields, std::vector<EmptyAppearance>* appearances) {
  if (widgets.empty()) return true;
  HPDF_MMgr mmgr = pdf->mmgr;
  HPDF_Array annots = HPDF_Array_New(mmgr);
  if (!annots || HPDF_Dict_Add(page, "Annots", annots) != HPDF_OK) return false;
  for (const SignatureWidget& w : widgets) {
    HPDF_Dict field = HPDF_Dict_New(mmgr);
    if (!field || HPDF_Xref_Add(pdf->xref, field) != HPDF_OK) return false;
    HPDF_STATUS ret = HPDF_OK;
    ret += HPDF_Dict_AddName(field, "Type", "Annot");
    ret += HPDF_Dict_AddName(field, "Subtype", "Widget");
    ret += HPDF_Dict_AddName(field, "FT", "Sig");
    ret += HPDF_Dict_Add(field, "T", HPDF_String_New(mmgr, w.name.c_str(), nullptr));
    ret += HPDF_Dict_Add(field, "Rect", Rect(mmgr, w.x, w.y, w.x + w.w, w.y + w.h));
    ret += HPDF_Dict_AddNumber(field, "F", 4);  // Print
    ret += HPDF_Dict_Add(field, "P", page);
    // An empty appearance: a form XObject with nothing in it.
    long key_w = std::lround(w.w * 100), key_h = std::lround(w.h * 100);
    HPDF_Dict appearance = nullptr;
    for (const EmptyAppearance& a : *appearances)
      if (a.w == key_w && a.h == key_h) appearance = a.stream;
    if (!appearance) {
      appearance = HPDF_DictStream_New(mmgr, pdf->xref);
      if (!appearance) return false;
      ret += HPDF_Dict_AddName(appearance, "Type", "XObject");
      ret += HPDF_Dict_AddName(appearance, "Subtype", "Form");
      ret += HPDF_Dict_Add(appearance, "BBox", Rect(mmgr, 0, 0, w.w, w.h));
      appearances->push_back({key_w, key_h, appearance});
    }
    HPDF_Dict ap = HPDF_Dict_New(mmgr);
    ret += HPDF_Dict_Add(ap, "N", appearance);
    ret += HPDF_Dict_Add(field, "AP", ap);
    ret += HPDF_Array_Add(annots, field);
    if (ret != HPDF_OK) return false;
    all_fields->push_back(field);
  }
  return true;
}

bool FinishAcroForm(HPDF_Doc pdf, const std::vector<HPDF_Dict>& fields) {
  if (fields.empty()) return true;
  HPDF_MMgr mmgr = pdf->mmgr;
  HPDF_Dict acroform = HPDF_Dict_New(mmgr);
  HPDF_Array list = HPDF_Array_New(mmgr);
  if (!acroform || !list) return false;
  HPDF_STATUS ret = HPDF_OK;
  for (HPDF_Dict f : fields) ret += HPDF_Array_Add(list, f);
  ret += HPDF_Dict_Add(acroform, "Fields", list);
  ret += HPDF_Dict_Add(pdf->catalog, "AcroForm", acroform);
  return ret == HPDF_OK;
}

std::string BuildXmp(const XmpInfo& info) {
  std::string x;
  x += "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n";
  x += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n";
  x += "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
  x += "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n";
  x += "<dc:format>application/pdf</dc:format>\n";
  if (!info.title.empty())
    x += "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + XmlEscape(info.title) +
         "</rdf:li></rdf:Alt></dc:title>\n";
  if (!info.author.empty())
    x += "<dc:creator><rdf:Seq><rdf:li>" + XmlEscape(info.author) + "</rdf:li></rdf:Seq></dc:creator>\n";
  if (!info.subject.empty())
    x += "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + XmlEscape(info.subject) +
         "</rdf:li></rdf:Alt></dc:description>\n";
  x += "</rdf:Description>\n";
  x += "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n";
  x += "<xmp:CreateDate>" + info.iso_date + "</xmp:CreateDate>\n";
  x += "<xmp:ModifyDate>" + info.iso_date + "</xmp:ModifyDate>\n";
  x += "<xmp:MetadataDate>" + info.iso_date + "</xmp:MetadataDate>\n";
  x += "<xmp:CreatorTool>" + XmlEscape(info.producer) + "</xmp:CreatorTool>\n";
  x += "</rdf:Description>\n";
  x += "<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n";
  x += "<pdf:Producer>" + XmlEscape(info.producer) + "</pdf:Producer>\n";
  if (!info.keywords.empty()) x += "<pdf:Keywords>" + XmlEscape(info.keywords) + "</pdf:Keywords>\n";
  x += "</rdf:Description>\n";
  x += "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n";
  x += "<pdfaid:part>1</pdfaid:part>\n";
  x += "<pdfaid:conformance>B</pdfaid:conformance>\n";
  x += "</rdf:Description>\n";
  x += "</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
  return x;
}

bool AddMetadata(HPDF_Doc pdf, const std::string& xmp) {
  HPDF_Dict metadata = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
  if (!metadata) return false;
  metadata->filter = HPDF_STREAM_FILTER_NONE;  // readable by tools that do not parse PDF
  HPDF_STATUS ret = HPDF_OK;
  ret += HPDF_Dict_AddName(metadata, "Type", "Metadata");
  ret += HPDF_Dict_AddName(metadata, "Subtype", "XML");
  ret += HPDF_Stream_Write(metadata->stream, reinterpret_cast<const HPDF_BYTE*>(xmp.data()),
                           static_cast<HPDF_UINT>(xmp.size()));
  ret += HPDF_Dict_Add(pdf->catalog, "Metadata", metadata);
  return ret == HPDF_OK;
}

HPDF_Dict AddFlateStream(HPDF_Doc pdf, const std::string& compressed) {
  HPDF_Dict stream = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
  if (!stream) return nullptr;
  // libharu copies the bytes as they are when its filter is NONE, and then drops any /Filter
  // key from the dictionary (HPDF_Dict_Write): the key is written by the dictionary's own
  // write hook instead, which runs after the entries.
  stream->filter = HPDF_STREAM_FILTER_NONE;
  stream->write_fn = WriteFlateFilter;
  if (HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(compressed.data()),
                        static_cast<HPDF_UINT>(compressed.size())) != HPDF_OK)
    return nullptr;
  return stream;
}

HPDF_Dict AddImage(HPDF_Doc pdf, const RasterImage& image) {
  HPDF_Dict stream = AddFlateStream(pdf, image.data);
  if (!stream) return nullptr;
  if (image.encoding == RasterImage::Encoding::kJpeg) stream->write_fn = WriteDctFilter;
  HPDF_STATUS ret = HPDF_Dict_AddName(stream, "Type", "XObject");
  ret += HPDF_Dict_AddName(stream, "Subtype", "Image");
  ret += HPDF_Dict_AddNumber(stream, "Width", image.width);
  ret += HPDF_Dict_AddNumber(stream, "Height", image.height);
  ret += HPDF_Dict_AddName(stream, "ColorSpace", image.components == 1 ? "DeviceGray" : "DeviceRGB");
  ret += HPDF_Dict_AddNumber(stream, "BitsPerComponent", 8);
  return ret == HPDF_OK ? stream : nullptr;
}

bool AddOutputIntent(HPDF_Doc pdf, const std::string& icc_bytes) {
  HPDF_MMgr mmgr = pdf->mmgr;
  // The bytes come compressed already (once per run, not per document).
  HPDF_Dict icc = AddFlateStream(pdf, icc_bytes);
  if (!icc) return false;
  HPDF_STATUS ret = HPDF_OK;
  ret += HPDF_Dict_AddNumber(icc, "N", 3);
  ret += HPDF_Dict_AddName(icc, "Alternate", "DeviceRGB");
  HPDF_Dict intent = HPDF_Dict_New(mmgr);
  if (!intent || HPDF_Xref_Add(pdf->xref, intent) != HPDF_OK) return false;
  ret += HPDF_Dict_AddName(intent, "Type", "OutputIntent");
  ret += HPDF_Dict_AddName(intent, "S", "GTS_PDFA1");
  ret += HPDF_Dict_Add(intent, "OutputConditionIdentifier", HPDF_String_New(mmgr, "sRGB IEC61966-2.1", nullptr));
  ret += HPDF_Dict_Add(intent, "Info", HPDF_String_New(mmgr, "sRGB IEC61966-2.1", nullptr));
  ret += HPDF_Dict_Add(intent, "RegistryName", HPDF_String_New(mmgr, "http://www.color.org", nullptr));
  ret += HPDF_Dict_Add(intent, "DestOutputProfile", icc);
  HPDF_Array intents = HPDF_Array_New(mmgr);
  ret += HPDF_Array_Add(intents, intent);
  ret += HPDF_Dict_Add(pdf->catalog, "OutputIntents", intents);
  return ret == HPDF_OK;
}

bool SetDocumentId(HPDF_Doc pdf, const std::string& digest_hex) {
  HPDF_BYTE id[16];
  for (int i = 0; i < 16; ++i) {
    unsigned value = 0;
    std::sscanf(digest_hex.c_str() + 2 * i, "%2x", &value);
    id[i] = static_cast<HPDF_BYTE>(value);
  }
  HPDF_Array array = HPDF_Array_New(pdf->mmgr);
  if (!array) return false;
  HPDF_STATUS ret = HPDF_OK;
  ret += HPDF_Array_Add(array, HPDF_Binary_New(pdf->mmgr, id, 16));
  ret += HPDF_Array_Add(array, HPDF_Binary_New(pdf->mmgr, id, 16));
  ret += HPDF_Dict_Add(pdf->trailer, "ID", array);
  return ret == HPDF_OK;
}

bool SetPageContents(HPDF_Page page, const std::string& compressed) {
  auto attr = static_cast<HPDF_PageAttr>(page->attr);
  if (compressed.empty()) return true;
  attr->contents->filter = HPDF_STREAM_FILTER_NONE;
  attr->contents->write_fn = WriteFlateFilter;
  return HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(compressed.data()),
                           static_cast<HPDF_UINT>(compressed.size())) == HPDF_OK;
}

bool SetInfoText(HPDF_Doc pdf, const char* key, const std::string& value) {
  if (value.empty()) return true;
  HPDF_Dict info = pdf->info;  // made by HPDF_SetInfoAttr / HPDF_SetInfoDateAttr
  if (!info) return false;
  std::string pdfdoc;
  if (EncodePdfDoc(value, &pdfdoc)) return HPDF_Dict_Add(info, key, HPDF_String_New(pdf->mmgr, pdfdoc.c_str(), nullptr)) == HPDF_OK;
  // UTF-16BE with a byte order mark, as a hex string.
  std::vector<HPDF_BYTE> utf16 = {0xFE, 0xFF};
  for (char32_t c : ToCodepoints(value)) {
    auto put = [&utf16](unsigned unit) {
      utf16.push_back(static_cast<HPDF_BYTE>(unit >> 8));
      utf16.push_back(static_cast<HPDF_BYTE>(unit & 0xFF));
    };
    if (c < 0x10000) {
      put(static_cast<unsigned>(c));
    } else {
      put(static_cast<unsigned>(0xD800 + ((c - 0x10000) >> 10)));
      put(static_cast<unsigned>(0xDC00 + ((c - 0x10000) & 0x3FF)));
    }
  }
  return HPDF_Dict_Add(info, key, HPDF_Binary_New(pdf->mmgr, utf16.data(), static_cast<HPDF_UINT>(utf16.size()))) ==
         HPDF_OK;
}

}  // namespace stdok::haru
