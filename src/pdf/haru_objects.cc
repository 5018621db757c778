#include "pdf/haru_objects.h"

#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <cstdio>
#include <map>
#include <mutex>

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

}  // namespace

bool AddSignatureFields(HPDF_Doc pdf, HPDF_Page page, const std::vector<SignatureWidget>& widgets,
                        std::vector<HPDF_Dict>* all_fields) {
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
    HPDF_Dict appearance = HPDF_DictStream_New(mmgr, pdf->xref);
    if (!appearance) return false;
    ret += HPDF_Dict_AddName(appearance, "Type", "XObject");
    ret += HPDF_Dict_AddName(appearance, "Subtype", "Form");
    ret += HPDF_Dict_Add(appearance, "BBox", Rect(mmgr, 0, 0, w.w, w.h));
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
  x += " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
  x += "  <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n";
  x += "   <dc:format>application/pdf</dc:format>\n";
  if (!info.title.empty())
    x += "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + XmlEscape(info.title) +
         "</rdf:li></rdf:Alt></dc:title>\n";
  if (!info.author.empty())
    x += "   <dc:creator><rdf:Seq><rdf:li>" + XmlEscape(info.author) + "</rdf:li></rdf:Seq></dc:creator>\n";
  if (!info.subject.empty())
    x += "   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + XmlEscape(info.subject) +
         "</rdf:li></rdf:Alt></dc:description>\n";
  x += "  </rdf:Description>\n";
  x += "  <rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n";
  x += "   <xmp:CreateDate>" + info.iso_date + "</xmp:CreateDate>\n";
  x += "   <xmp:ModifyDate>" + info.iso_date + "</xmp:ModifyDate>\n";
  x += "   <xmp:MetadataDate>" + info.iso_date + "</xmp:MetadataDate>\n";
  x += "   <xmp:CreatorTool>" + XmlEscape(info.producer) + "</xmp:CreatorTool>\n";
  x += "  </rdf:Description>\n";
  x += "  <rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n";
  x += "   <pdf:Producer>" + XmlEscape(info.producer) + "</pdf:Producer>\n";
  if (!info.keywords.empty()) x += "   <pdf:Keywords>" + XmlEscape(info.keywords) + "</pdf:Keywords>\n";
  x += "  </rdf:Description>\n";
  x += "  <rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n";
  x += "   <pdfaid:part>1</pdfaid:part>\n";
  x += "   <pdfaid:conformance>B</pdfaid:conformance>\n";
  x += "  </rdf:Description>\n";
  x += " </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
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

bool FixToUnicode(HPDF_Font font, const std::set<char32_t>& used) {
  // libharu gives its UTF-8 fonts a copy of the encoding CMap as /ToUnicode, which is not a
  // ToUnicode map. The codes it writes are the code points themselves: write the identity.
  std::string map =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  std::vector<char32_t> codes(used.begin(), used.end());
  for (size_t i = 0; i < codes.size(); i += 100) {
    size_t n = std::min<size_t>(100, codes.size() - i);
    map += std::to_string(n) + " beginbfchar\n";
    for (size_t j = i; j < i + n; ++j) {
      char entry[32];
      std::snprintf(entry, sizeof entry, "<%04X> <%04X>\n", static_cast<unsigned>(codes[j]),
                    static_cast<unsigned>(codes[j]));
      map += entry;
    }
    map += "endbfchar\n";
  }
  map += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  auto to_unicode = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT));
  if (!to_unicode || !to_unicode->stream) return false;
  HPDF_MemStream_FreeData(to_unicode->stream);
  for (const char* key : {"Type", "CMapName", "CIDSystemInfo", "WMode"})
    HPDF_Dict_RemoveElement(to_unicode, key);  // absent keys answer "not found": fine
  return HPDF_Stream_WriteStr(to_unicode->stream, map.c_str()) == HPDF_OK;
}

namespace {

// libharu creates a CID font's descriptor only while saving (in the font's before-write
// hook). To add /CIDSet to it, the hook is wrapped: the original runs, then the CIDSet is added.
std::mutex g_cidset_mutex;
std::map<HPDF_Dict, const std::set<char32_t>*> g_cidset_requests;
HPDF_Dict_BeforeWriteFunc g_original_before_write = nullptr;

HPDF_STATUS BeforeWriteWithCidSet(HPDF_Dict font) {
  HPDF_STATUS ret = g_original_before_write ? g_original_before_write(font) : HPDF_OK;
  if (ret != HPDF_OK) return ret;
  const std::set<char32_t>* used = nullptr;
  {
    std::lock_guard<std::mutex> lock(g_cidset_mutex);
    auto it = g_cidset_requests.find(font);
    if (it == g_cidset_requests.end()) return HPDF_OK;
    used = it->second;
    g_cidset_requests.erase(it);
  }
  auto attr = static_cast<HPDF_FontAttr>(font->attr);
  HPDF_Dict descriptor = attr->fontdef->descriptor;
  if (!descriptor || HPDF_Dict_GetItem(descriptor, "CIDSet", HPDF_OCLASS_DICT)) {
    HPDF_Error_Reset(font->error);
    return HPDF_OK;
  }
  HPDF_Error_Reset(font->error);
  char32_t max = 0;
  for (char32_t c : *used) max = std::max(max, c);
  std::vector<HPDF_BYTE> bits(max / 8 + 1, 0);
  bits[0] |= 0x80;  // CID 0, .notdef
  for (char32_t c : *used) bits[c / 8] |= static_cast<HPDF_BYTE>(0x80 >> (c % 8));
  HPDF_Dict cidset = HPDF_DictStream_New(font->mmgr, attr->xref);
  if (!cidset) return HPDF_Error_GetCode(font->error);
  cidset->filter = font->filter;
  ret = HPDF_Stream_Write(cidset->stream, bits.data(), static_cast<HPDF_UINT>(bits.size()));
  if (ret == HPDF_OK) ret = HPDF_Dict_Add(descriptor, "CIDSet", cidset);
  return ret;
}

}  // namespace

void RequestCidSet(HPDF_Font font, const std::set<char32_t>* used) {
  std::lock_guard<std::mutex> lock(g_cidset_mutex);
  if (font->before_write_fn != BeforeWriteWithCidSet) {
    g_original_before_write = font->before_write_fn;
    font->before_write_fn = BeforeWriteWithCidSet;
  }
  g_cidset_requests[font] = used;
}

void CancelCidSet(HPDF_Font font) {
  std::lock_guard<std::mutex> lock(g_cidset_mutex);
  g_cidset_requests.erase(font);
}

}  // namespace stdok::haru
