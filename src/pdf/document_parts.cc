#include "pdf/document_parts.h"

#include <cmath>
#include <cstdint>
#include <cstdio>

#include "pdf/pdf_doc_encoding.h"
#include "text/unicode.h"

namespace stdok {
namespace {

haru::Array Rect(haru::Document* pdf, double x0, double y0, double x1, double y1) {
  haru::Array a = pdf->NewArray();
  for (double v : {x0, y0, x1, y1}) pdf->PushReal(a, v);
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

}  // namespace

bool AddSignatureFields(haru::Document* pdf, haru::Dict page, const std::vector<SignatureWidget>& widgets,
                        std::vector<haru::Dict>* all_fields, std::vector<EmptyAppearance>* appearances) {
  if (widgets.empty()) return true;
  haru::Array annots = pdf->NewArray();
  if (!pdf->Put(page, "Annots", annots)) return false;
  for (const SignatureWidget& w : widgets) {
    haru::Dict field = pdf->NewIndirectDict();
    bool ok = pdf->PutName(field, "Type", "Annot");
    ok &= pdf->PutName(field, "Subtype", "Widget");
    ok &= pdf->PutName(field, "FT", "Sig");
    ok &= pdf->PutString(field, "T", w.name);
    ok &= pdf->Put(field, "Rect", Rect(pdf, w.x, w.y, w.x + w.w, w.y + w.h));
    ok &= pdf->PutNumber(field, "F", 4);  // Print
    ok &= pdf->Put(field, "P", page);
    // An empty appearance: a form XObject with nothing in it.
    long key_w = std::lround(w.w * 100), key_h = std::lround(w.h * 100);
    haru::Dict appearance;
    for (const EmptyAppearance& a : *appearances)
      if (a.w == key_w && a.h == key_h) appearance = a.stream;
    if (!appearance) {
      appearance = pdf->NewStream("", false);
      ok &= pdf->PutName(appearance, "Type", "XObject");
      ok &= pdf->PutName(appearance, "Subtype", "Form");
      ok &= pdf->Put(appearance, "BBox", Rect(pdf, 0, 0, w.w, w.h));
      appearances->push_back({key_w, key_h, appearance});
    }
    haru::Dict ap = pdf->NewDict();
    ok &= pdf->Put(ap, "N", appearance);
    ok &= pdf->Put(field, "AP", ap);
    ok &= pdf->Push(annots, field);
    if (!ok) return false;
    all_fields->push_back(field);
  }
  return true;
}

bool FinishAcroForm(haru::Document* pdf, const std::vector<haru::Dict>& fields) {
  if (fields.empty()) return true;
  haru::Dict acroform = pdf->NewDict();
  haru::Array list = pdf->NewArray();
  bool ok = true;
  for (haru::Dict f : fields) ok &= pdf->Push(list, f);
  ok &= pdf->Put(acroform, "Fields", list);
  return ok && pdf->Put(pdf->catalog(), "AcroForm", acroform);
}

std::string BuildXmp(const XmpInfo& info) {
  std::string x;
  x += "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n";
  x += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n";
  x += "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
  // One rdf:Description with every namespace (four of them cost ~180 bytes more).
  x += "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
       "xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" "
       "xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n";
  x += "<dc:format>application/pdf</dc:format>\n";
  if (!info.title.empty())
    x += "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + XmlEscape(info.title) +
         "</rdf:li></rdf:Alt></dc:title>\n";
  if (!info.author.empty())
    x += "<dc:creator><rdf:Seq><rdf:li>" + XmlEscape(info.author) + "</rdf:li></rdf:Seq></dc:creator>\n";
  if (!info.subject.empty())
    x += "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + XmlEscape(info.subject) +
         "</rdf:li></rdf:Alt></dc:description>\n";
  x += "<xmp:CreateDate>" + info.iso_date + "</xmp:CreateDate>\n";
  x += "<xmp:ModifyDate>" + info.iso_date + "</xmp:ModifyDate>\n";
  x += "<xmp:MetadataDate>" + info.iso_date + "</xmp:MetadataDate>\n";
  x += "<xmp:CreatorTool>" + XmlEscape(info.producer) + "</xmp:CreatorTool>\n";
  x += "<pdf:Producer>" + XmlEscape(info.producer) + "</pdf:Producer>\n";
  if (!info.keywords.empty()) x += "<pdf:Keywords>" + XmlEscape(info.keywords) + "</pdf:Keywords>\n";
  x += "<pdfaid:part>1</pdfaid:part>\n";
  x += "<pdfaid:conformance>B</pdfaid:conformance>\n";
  x += "</rdf:Description>\n";
  x += "</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
  return x;
}

bool AddMetadata(haru::Document* pdf, const std::string& xmp) {
  haru::Dict metadata = pdf->NewStream(xmp, false);  // readable by tools that do not parse PDF
  bool ok = pdf->PutName(metadata, "Type", "Metadata");
  ok &= pdf->PutName(metadata, "Subtype", "XML");
  return ok && pdf->Put(pdf->catalog(), "Metadata", metadata);
}

haru::Dict AddImage(haru::Document* pdf, const RasterImage& image) {
  haru::Dict stream = image.encoding == RasterImage::Encoding::kJpeg ? pdf->NewJpegStream(image.data)
                                                                       : pdf->NewStream(image.data, /*flate=*/true);
  bool ok = pdf->PutName(stream, "Type", "XObject");
  ok &= pdf->PutName(stream, "Subtype", "Image");
  ok &= pdf->PutNumber(stream, "Width", image.width);
  ok &= pdf->PutNumber(stream, "Height", image.height);
  const char* device = image.components == 1 ? "DeviceGray" : "DeviceRGB";
  if (image.palette.empty()) {
    ok &= pdf->PutName(stream, "ColorSpace", device);
  } else {  // [/Indexed base highest-index <palette>]
    haru::Array indexed = pdf->NewArray();
    ok &= pdf->PushName(indexed, "Indexed") && pdf->PushName(indexed, device);
    ok &= pdf->PushNumber(indexed, static_cast<long>(image.palette.size() / image.components) - 1);
    ok &= pdf->PushBinary(indexed, std::vector<uint8_t>(image.palette.begin(), image.palette.end()));
    ok &= pdf->Put(stream, "ColorSpace", indexed);
  }
  ok &= pdf->PutNumber(stream, "BitsPerComponent", image.bits);
  return ok ? stream : haru::Dict{};
}

bool AddOutputIntent(haru::Document* pdf, const std::string& icc_bytes) {
  // The bytes come compressed already (once per run, not per document).
  haru::Dict icc = pdf->NewStream(icc_bytes, true);
  bool ok = pdf->PutNumber(icc, "N", 3);
  ok &= pdf->PutName(icc, "Alternate", "DeviceRGB");
  haru::Dict intent = pdf->NewIndirectDict();
  ok &= pdf->PutName(intent, "Type", "OutputIntent");
  ok &= pdf->PutName(intent, "S", "GTS_PDFA1");
  ok &= pdf->PutString(intent, "OutputConditionIdentifier", "sRGB IEC61966-2.1");
  ok &= pdf->PutString(intent, "Info", "sRGB IEC61966-2.1");
  ok &= pdf->PutString(intent, "RegistryName", "http://www.color.org");
  ok &= pdf->Put(intent, "DestOutputProfile", icc);
  haru::Array intents = pdf->NewArray();
  ok &= pdf->Push(intents, intent);
  return ok && pdf->Put(pdf->catalog(), "OutputIntents", intents);
}

bool SetDocumentId(haru::Document* pdf, const std::string& digest_hex) {
  std::vector<uint8_t> id(16);
  for (int i = 0; i < 16; ++i) {
    unsigned value = 0;
    std::sscanf(digest_hex.c_str() + 2 * i, "%2x", &value);
    id[i] = static_cast<uint8_t>(value);
  }
  haru::Array array = pdf->NewArray();
  bool ok = pdf->PushBinary(array, id);
  ok &= pdf->PushBinary(array, id);
  return ok && pdf->Put(pdf->trailer(), "ID", array);
}

bool SetInfoText(haru::Document* pdf, haru::Dict info, const char* key, const std::string& value) {
  if (value.empty()) return true;
  std::string pdfdoc;
  if (EncodePdfDoc(value, &pdfdoc)) return pdf->PutString(info, key, pdfdoc);
  // UTF-16BE with a byte order mark, as a hex string.
  std::vector<uint8_t> utf16 = {0xFE, 0xFF};
  for (char32_t c : ToCodepoints(value)) {
    auto put = [&utf16](unsigned unit) {
      utf16.push_back(static_cast<uint8_t>(unit >> 8));
      utf16.push_back(static_cast<uint8_t>(unit & 0xFF));
    };
    if (c < 0x10000) {
      put(static_cast<unsigned>(c));
    } else {
      put(static_cast<unsigned>(0xD800 + ((c - 0x10000) >> 10)));
      put(static_cast<unsigned>(0xDC00 + ((c - 0x10000) & 0x3FF)));
    }
  }
  return pdf->PutBinary(info, key, utf16);
}

}  // namespace stdok
