#include "pdf/pdf_writer.h"

#include <hpdf.h>
#include <hpdf_doc.h>

#include <zlib.h>

#include <cstdio>
#include <memory>
#include <set>
#include <vector>

#include "output/sha256.h"
#include "pdf/haru_objects.h"
#include "text/codepage.h"
#include "text/unicode.h"

namespace stdok {
namespace {

struct HaruError {
  HPDF_STATUS code = HPDF_OK;
  HPDF_STATUS detail = 0;
};

void OnHaruError(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user_data) {
  auto* e = static_cast<HaruError*>(user_data);
  if (e->code == HPDF_OK) {
    e->code = error_no;
    e->detail = detail_no;
  }
}

struct DocDeleter {
  void operator()(HPDF_Doc doc) const { HPDF_Free(doc); }
};

std::tm Utc(std::time_t t) {
  std::tm utc{};
  gmtime_r(&t, &utc);
  return utc;
}

class Writer {
 public:
  Writer(const LaidOutDocument& doc, const PdfOptions& options) : doc_(doc), options_(options) {}
  ~Writer() {
    for (HPDF_Font font : utf_)
      if (font) haru::CancelCidSet(font);
  }

  bool Run(std::string* bytes, std::string* error) {
    pdf_.reset(HPDF_New(&OnHaruError, &error_));
    if (!pdf_) {
      *error = "libharu could not create a document";
      return false;
    }
    HPDF_Doc pdf = pdf_.get();
    HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
    // libharu's UTF-8 machinery (encoder tables, CID fonts) is slow; it is set up only for a
    // document that has text no single-byte code page holds, or info strings beyond
    // PDFDocEncoding.
    ScanText();
    if (use_utf8_) {
      HPDF_UseUTFEncodings(pdf);
      HPDF_SetCurrentEncoder(pdf, "UTF-8");
    }
    // A smaller font program where the document needs no more than Windows-1252.
    bool latin1 = all_cp1252_ && !options_.fonts.latin1_regular.empty() && !options_.fonts.latin1_bold.empty();
    const std::string& regular = latin1 ? options_.fonts.latin1_regular : options_.fonts.regular;
    const std::string& bold = latin1 ? options_.fonts.latin1_bold : options_.fonts.bold;
    font_names_[0] = HPDF_LoadTTFontFromFile(pdf, regular.c_str(), HPDF_TRUE);
    font_names_[1] = HPDF_LoadTTFontFromFile(pdf, bold.c_str(), HPDF_TRUE);
    if (!font_names_[0] || !font_names_[1] || Failed())
      return Fail("cannot load the fonts " + options_.fonts.regular, error);
    SetInfo();
    std::vector<HPDF_Dict> fields;
    for (const Page& page : doc_.pages) {
      HPDF_Page p = DrawPage(page);
      if (options_.signature_fields && !haru::AddSignatureFields(pdf, p, page.widgets, &fields))
        return Fail("cannot add the signature fields", error);
    }
    if (!haru::FinishAcroForm(pdf, fields)) return Fail("cannot add the form", error);
    if (Failed()) return Fail("cannot draw the pages", error);
    for (int face = 0; face < 2; ++face) {
      if (!utf_[face] || used_[face].empty()) continue;
      if (!haru::FixToUnicode(utf_[face], used_[face])) return Fail("cannot write the ToUnicode map", error);
      if (options_.pdfa) haru::RequestCidSet(utf_[face], &used_[face]);
    }
    if (options_.pdfa && !MakeArchival()) return Fail("cannot add the PDF/A parts", error);
    if (HPDF_SaveToStream(pdf) != HPDF_OK || Failed()) return Fail("cannot write the PDF", error);
    HPDF_UINT32 size = HPDF_GetStreamSize(pdf);
    bytes->resize(size);
    HPDF_UINT32 read = size;
    HPDF_ResetStream(pdf);
    HPDF_ReadFromStream(pdf, reinterpret_cast<HPDF_BYTE*>(bytes->data()), &read);
    if (read != size) return Fail("cannot read the PDF back from memory", error);
    return true;
  }

 private:
  bool Failed() const { return error_.code != HPDF_OK; }
  bool Fail(const std::string& what, std::string* error) {
    char code[64];
    std::snprintf(code, sizeof code, " (libharu error 0x%04X, detail %u)",
                  static_cast<unsigned>(error_.code), static_cast<unsigned>(error_.detail));
    *error = what + (Failed() ? code : "");
    return false;
  }

  // Decides which fonts and encoders the document needs.
  void ScanText() {
    std::string scratch;
    const DocumentInfo& info = doc_.info;
    for (const std::string* s : {&info.title, &info.subject, &info.author, &info.keywords})
      if (!EncodePdfDoc(*s, &scratch)) use_utf8_ = true;
    for (const Page& p : doc_.pages) {
      for (const TextRun& t : p.texts) {
        if (ToCp1252(t.text, &scratch)) continue;
        all_cp1252_ = false;
        if (ChooseCodepage(t.text, &scratch) == Codepage::kCount) use_utf8_ = true;
      }
    }
  }

  // The font for `face` in `codepage` (kCount: the UTF-8 font), created on first use.
  HPDF_Font FontFor(Codepage codepage, int face) {
    HPDF_Font& slot = codepage == Codepage::kCount ? utf_[face] : simple_[static_cast<int>(codepage)][face];
    if (!slot)
      slot = HPDF_GetFont(pdf_.get(), font_names_[face],
                          codepage == Codepage::kCount ? "UTF-8" : HaruEncodingName(codepage));
    return slot;
  }

  void SetInfoString(HPDF_InfoType type, const std::string& value) {
    if (value.empty()) return;
    std::string encoded;
    if (!use_utf8_ && EncodePdfDoc(value, &encoded)) HPDF_SetInfoAttr(pdf_.get(), type, encoded.c_str());
    else HPDF_SetInfoAttr(pdf_.get(), type, value.c_str());
  }

  std::time_t CreationTime() const {
    return options_.creation_time ? *options_.creation_time : std::time(nullptr);
  }

  void SetInfo() {
    HPDF_Doc pdf = pdf_.get();
    const DocumentInfo& info = doc_.info;
    SetInfoString(HPDF_INFO_PRODUCER, options_.producer);
    SetInfoString(HPDF_INFO_CREATOR, options_.producer);
    SetInfoString(HPDF_INFO_TITLE, info.title);
    SetInfoString(HPDF_INFO_SUBJECT, info.subject);
    SetInfoString(HPDF_INFO_AUTHOR, info.author);
    SetInfoString(HPDF_INFO_KEYWORDS, info.keywords);
    std::tm utc = Utc(CreationTime());
    HPDF_Date date{};
    date.year = utc.tm_year + 1900;
    date.month = utc.tm_mon + 1;
    date.day = utc.tm_mday;
    date.hour = utc.tm_hour;
    date.minutes = utc.tm_min;
    date.seconds = utc.tm_sec;
    date.ind = '+';  // 'Z' makes libharu 2.3.0 write an invalid date
    HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, date);
    HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, date);
  }

  bool MakeArchival() {
    HPDF_Doc pdf = pdf_.get();
    pdf->pdf_version = HPDF_VER_14;
    std::tm utc = Utc(CreationTime());
    char iso[40];
    std::snprintf(iso, sizeof iso, "%04d-%02d-%02dT%02d:%02d:%02d+00:00", utc.tm_year + 1900,
                  utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec);
    haru::XmpInfo xmp{doc_.info.title, doc_.info.author, doc_.info.subject, doc_.info.keywords,
                      options_.producer, iso};
    std::string id = Sha256Hex(options_.document_key + "\n" + iso + "\n" + doc_.info.title);
    return haru::AddMetadata(pdf, haru::BuildXmp(xmp)) &&
           haru::AddOutputIntent(pdf, options_.icc_profile) && haru::SetDocumentId(pdf, id);
  }

  HPDF_Page DrawPage(const Page& page) {
    HPDF_Page p = HPDF_AddPage(pdf_.get());
    HPDF_Page_SetWidth(p, static_cast<HPDF_REAL>(kPageWidth));
    HPDF_Page_SetHeight(p, static_cast<HPDF_REAL>(kPageHeight));
    // Pure black for print: DeviceGray 0 (the default), never a composite colour.
    double current_width = -1;
    for (const LineSegment& l : page.lines) {
      if (l.width != current_width) HPDF_Page_SetLineWidth(p, static_cast<HPDF_REAL>(current_width = l.width));
      HPDF_Page_MoveTo(p, static_cast<HPDF_REAL>(l.x1), static_cast<HPDF_REAL>(l.y1));
      HPDF_Page_LineTo(p, static_cast<HPDF_REAL>(l.x2), static_cast<HPDF_REAL>(l.y2));
      HPDF_Page_Stroke(p);
    }
    for (const Rectangle& r : page.rectangles) {
      if (r.line_width != current_width)
        HPDF_Page_SetLineWidth(p, static_cast<HPDF_REAL>(current_width = r.line_width));
      HPDF_Page_Rectangle(p, static_cast<HPDF_REAL>(r.x), static_cast<HPDF_REAL>(r.y),
                          static_cast<HPDF_REAL>(r.w), static_cast<HPDF_REAL>(r.h));
      HPDF_Page_Stroke(p);
    }
    if (page.texts.empty()) return p;
    HPDF_Page_BeginText(p);
    HPDF_Font current_font = nullptr;
    double current_size = 0;
    std::string encoded;
    for (const TextRun& t : page.texts) {
      int face = t.face == FontFace::kBold ? 1 : 0;
      Codepage codepage = ToCp1252(t.text, &encoded) ? Codepage::kWinAnsi : ChooseCodepage(t.text, &encoded);
      HPDF_Font font = FontFor(codepage, face);
      const char* text = encoded.c_str();
      if (codepage == Codepage::kCount) {
        text = t.text.c_str();
        for (char32_t c : ToCodepoints(t.text))
          if (c < 0x10000) used_[face].insert(c);
      }
      if (font != current_font || t.size != current_size) {
        HPDF_Page_SetFontAndSize(p, font, static_cast<HPDF_REAL>(t.size));
        current_font = font;
        current_size = t.size;
      }
      HPDF_Page_TextOut(p, static_cast<HPDF_REAL>(t.x), static_cast<HPDF_REAL>(t.baseline), text);
    }
    HPDF_Page_EndText(p);
    return p;
  }

  const LaidOutDocument& doc_;
  const PdfOptions& options_;
  HaruError error_;
  std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, DocDeleter> pdf_;
  bool use_utf8_ = false;
  bool all_cp1252_ = true;
  const char* font_names_[2] = {nullptr, nullptr};
  HPDF_Font simple_[static_cast<int>(Codepage::kCount)][2] = {};
  HPDF_Font utf_[2] = {nullptr, nullptr};
  std::set<char32_t> used_[2];
};

}  // namespace

std::string DeflateIccProfile(const std::string& icc_bytes) {
  uLongf size = compressBound(static_cast<uLong>(icc_bytes.size()));
  std::string out(size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(icc_bytes.data()),
                static_cast<uLong>(icc_bytes.size()), Z_BEST_COMPRESSION) != Z_OK)
    return "";
  out.resize(size);
  return out;
}

bool WritePdf(const LaidOutDocument& document, const PdfOptions& options, std::string* bytes,
              std::string* error) {
  Writer writer(document, options);
  return writer.Run(bytes, error);
}

}  // namespace stdok
