#include "pdf/pdf_writer.h"

#include <hpdf.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <cstring>
#include <memory>
#include <set>

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

class Writer {
 public:
  Writer(const LaidOutDocument& doc, const PdfOptions& options) : doc_(doc), options_(options) {}

  bool Run(std::string* bytes, std::string* error) {
    pdf_.reset(HPDF_New(&OnHaruError, &error_));
    if (!pdf_) {
      *error = "libharu could not create a document";
      return false;
    }
    HPDF_Doc pdf = pdf_.get();
    HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
    bool needs_unicode = NeedsUnicode();
    // The UTF-8 encoder is needed for the info strings in any case; the UTF-8 (CID) fonts,
    // which cost time and bytes, only when some text is outside Windows-1252.
    HPDF_UseUTFEncodings(pdf);
    HPDF_SetCurrentEncoder(pdf, "UTF-8");
    const char* regular = HPDF_LoadTTFontFromFile(pdf, options_.fonts.regular.c_str(), HPDF_TRUE);
    const char* bold = HPDF_LoadTTFontFromFile(pdf, options_.fonts.bold.c_str(), HPDF_TRUE);
    if (!regular || !bold || Failed()) return Fail("cannot load the fonts " + options_.fonts.regular, error);
    win_[0] = HPDF_GetFont(pdf, regular, "WinAnsiEncoding");
    win_[1] = HPDF_GetFont(pdf, bold, "WinAnsiEncoding");
    if (needs_unicode) {
      utf_[0] = HPDF_GetFont(pdf, regular, "UTF-8");
      utf_[1] = HPDF_GetFont(pdf, bold, "UTF-8");
    }
    if (Failed()) return Fail("cannot prepare the fonts", error);
    SetInfo();
    for (const Page& page : doc_.pages) DrawPage(page);
    if (Failed()) return Fail("cannot draw the pages", error);
    if (needs_unicode && !FixToUnicode()) return Fail("cannot write the ToUnicode map", error);
    if (HPDF_SaveToStream(pdf) != HPDF_OK || Failed()) return Fail("cannot write the PDF", error);
    HPDF_UINT32 size = HPDF_GetStreamSize(pdf);
    bytes->resize(size);
    HPDF_UINT32 read = size;
    HPDF_ResetStream(pdf);
    if (HPDF_ReadFromStream(pdf, reinterpret_cast<HPDF_BYTE*>(bytes->data()), &read) != HPDF_OK &&
        read != size) {
      return Fail("cannot read the PDF back from memory", error);
    }
    bytes->resize(read);
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

  // libharu 2.3.0 gives its UTF-8 fonts a copy of the encoding CMap as /ToUnicode, which is
  // not a valid ToUnicode map. The codes it writes are the Unicode code points themselves, so
  // the right map is the identity over the characters used; rewrite the stream with that.
  bool FixToUnicode() {
    std::string map =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    std::vector<char32_t> used(unicode_used_.begin(), unicode_used_.end());
    for (size_t i = 0; i < used.size(); i += 100) {
      size_t n = std::min<size_t>(100, used.size() - i);
      map += std::to_string(n) + " beginbfchar\n";
      for (size_t j = i; j < i + n; ++j) {
        char entry[32];
        std::snprintf(entry, sizeof entry, "<%04X> <%04X>\n", static_cast<unsigned>(used[j]),
                      static_cast<unsigned>(used[j]));
        map += entry;
      }
      map += "endbfchar\n";
    }
    map += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    for (HPDF_Font font : utf_) {
      if (!font) continue;
      auto to_unicode = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT));
      if (!to_unicode || !to_unicode->stream) return false;
      HPDF_MemStream_FreeData(to_unicode->stream);
      // Absent keys answer "not found" without raising an error: fine.
      for (const char* key : {"Type", "CMapName", "CIDSystemInfo", "WMode"})
        HPDF_Dict_RemoveElement(to_unicode, key);
      if (HPDF_Stream_WriteStr(to_unicode->stream, map.c_str()) != HPDF_OK) return false;
    }
    return !Failed();
  }

  bool NeedsUnicode() {
    std::string scratch;
    for (const Page& p : doc_.pages)
      for (const TextRun& t : p.texts)
        if (!ToCp1252(t.text, &scratch)) return true;
    return false;
  }

  void SetInfo() {
    HPDF_Doc pdf = pdf_.get();
    HPDF_SetInfoAttr(pdf, HPDF_INFO_PRODUCER, options_.producer.c_str());
    HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, options_.producer.c_str());
    if (!doc_.info.title.empty()) HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, doc_.info.title.c_str());
    if (!doc_.info.subject.empty()) HPDF_SetInfoAttr(pdf, HPDF_INFO_SUBJECT, doc_.info.subject.c_str());
    if (!doc_.info.author.empty()) HPDF_SetInfoAttr(pdf, HPDF_INFO_AUTHOR, doc_.info.author.c_str());
    if (!doc_.info.keywords.empty()) HPDF_SetInfoAttr(pdf, HPDF_INFO_KEYWORDS, doc_.info.keywords.c_str());
    std::time_t t = options_.creation_time ? *options_.creation_time : std::time(nullptr);
    std::tm utc{};
    gmtime_r(&t, &utc);
    HPDF_Date date{};
    date.year = utc.tm_year + 1900;
    date.month = utc.tm_mon + 1;
    date.day = utc.tm_mday;
    date.hour = utc.tm_hour;
    date.minutes = utc.tm_min;
    date.seconds = utc.tm_sec;
    date.ind = '+';  // 'Z' makes libharu 2.3.0 write an invalid date
    date.off_hour = 0;
    date.off_minutes = 0;
    HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, date);
    HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, date);
  }

  void DrawPage(const Page& page) {
    HPDF_Page p = HPDF_AddPage(pdf_.get());
    HPDF_Page_SetWidth(p, static_cast<HPDF_REAL>(kPageWidth));
    HPDF_Page_SetHeight(p, static_cast<HPDF_REAL>(kPageHeight));
    HPDF_Page_SetRGBStroke(p, 0, 0, 0);
    HPDF_Page_SetRGBFill(p, 0, 0, 0);
    double current_width = -1;
    for (const LineSegment& l : page.lines) {
      if (l.width != current_width) HPDF_Page_SetLineWidth(p, static_cast<HPDF_REAL>(current_width = l.width));
      HPDF_Page_MoveTo(p, static_cast<HPDF_REAL>(l.x1), static_cast<HPDF_REAL>(l.y1));
      HPDF_Page_LineTo(p, static_cast<HPDF_REAL>(l.x2), static_cast<HPDF_REAL>(l.y2));
      HPDF_Page_Stroke(p);
    }
    for (const Rectangle& r : page.rectangles) {
      if (r.line_width != current_width) HPDF_Page_SetLineWidth(p, static_cast<HPDF_REAL>(current_width = r.line_width));
      HPDF_Page_Rectangle(p, static_cast<HPDF_REAL>(r.x), static_cast<HPDF_REAL>(r.y),
                          static_cast<HPDF_REAL>(r.w), static_cast<HPDF_REAL>(r.h));
      HPDF_Page_Stroke(p);
    }
    if (page.texts.empty()) return;
    HPDF_Page_BeginText(p);
    HPDF_Font current_font = nullptr;
    double current_size = 0;
    std::string encoded;
    for (const TextRun& t : page.texts) {
      int face = t.face == FontFace::kBold ? 1 : 0;
      HPDF_Font font;
      const char* text;
      if (ToCp1252(t.text, &encoded)) {
        font = win_[face];
        text = encoded.c_str();
      } else {
        font = utf_[face];
        text = t.text.c_str();
        for (char32_t c : ToCodepoints(t.text))
          if (c < 0x10000) unicode_used_.insert(c);
      }
      if (font != current_font || t.size != current_size) {
        HPDF_Page_SetFontAndSize(p, font, static_cast<HPDF_REAL>(t.size));
        current_font = font;
        current_size = t.size;
      }
      HPDF_Page_TextOut(p, static_cast<HPDF_REAL>(t.x), static_cast<HPDF_REAL>(t.baseline), text);
    }
    HPDF_Page_EndText(p);
  }

  const LaidOutDocument& doc_;
  const PdfOptions& options_;
  HaruError error_;
  std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, DocDeleter> pdf_;
  HPDF_Font win_[2] = {nullptr, nullptr};
  HPDF_Font utf_[2] = {nullptr, nullptr};
  std::set<char32_t> unicode_used_;
};

}  // namespace

bool WritePdf(const LaidOutDocument& document, const PdfOptions& options, std::string* bytes,
              std::string* error) {
  Writer writer(document, options);
  return writer.Run(bytes, error);
}

}  // namespace stdok
