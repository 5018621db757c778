#include "pdf/pdf_writer.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>
#include <vector>

#include "font/mark_placement.h"
#include "output/sha256.h"
#include "pdf/deflate.h"
#include "pdf/document_parts.h"
#include "pdf/haru.h"
#include "pdf/pdf_font.h"

namespace stdok {
namespace {

// libdeflate levels (docs/performance.md, "Smaller files"). Content streams are compressed for
// every document: 9, 1.6 times as fast as zlib 6 and smaller. Font programs and ToUnicode maps
// once per subset that is not cached: the bold faces (headings and labels, the same characters
// in nearly every document: 99.8 % cache hits) at 12, the smallest; the others (names and
// addresses: most subsets are a document's own) at 9, a third of 12's time for 0.8 % more.
constexpr int kContentLevel = 9;
constexpr int kSubsetLevel[] = {9, 12, 9, 12};  // FontFace order: regular, bold, italic, bold italic

std::tm Utc(std::time_t t) {
  std::tm utc{};
  gmtime_r(&t, &utc);
  return utc;
}

// Calls f(code point) for every character of UTF-8 `text` that is drawn (U+FFFD for invalid
// sequences, like ToCodepoints; control characters have no glyph and are skipped).
template <typename F>
void ForEachDrawn(const std::string& text, F f) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) c = 0xFFFD;
    if (c < 0x20 || c == 0x7F) continue;
    f(static_cast<char32_t>(c));
  }
}

// Positions and sizes are written in thousandths of a point: fine enough that text extraction
// sees the positions layout chose (1/100 pt moved a word across pdftotext's column grid).
constexpr long long kUnit = 1000;

// Appends a number given in kUnit: "12.5", "-0.031", "7".
void AppendFixed(std::string* out, long long v) {
  if (v < 0) {
    out->push_back('-');
    v = -v;
  }
  char digits[24];
  int n = 0;
  long long whole = v / kUnit;
  do {
    digits[n++] = static_cast<char>('0' + whole % 10);
    whole /= 10;
  } while (whole);
  while (n) out->push_back(digits[--n]);
  long long frac = v % kUnit;
  if (frac) {
    out->push_back('.');
    for (long long div = kUnit / 10; frac; div /= 10) {
      out->push_back(static_cast<char>('0' + frac / div));
      frac %= div;
    }
  }
}

long long Fixed(double v) { return std::llround(v * kUnit); }

void AppendNumber(std::string* out, double v) {
  AppendFixed(out, Fixed(v));
  out->push_back(' ');
}

// Appends the UTF-16BE of `c` in hex.
void AppendUtf16Hex(std::string* out, char32_t c) {
  static const char kHex[] = "0123456789ABCDEF";
  auto unit = [out](unsigned u) {
    for (int shift = 12; shift >= 0; shift -= 4) out->push_back(kHex[(u >> shift) & 0xF]);
  };
  if (c < 0x10000) {
    unit(static_cast<unsigned>(c));
  } else {
    unit(static_cast<unsigned>(0xD800 + ((c - 0x10000) >> 10)));
    unit(static_cast<unsigned>(0xDC00 + ((c - 0x10000) & 0x3FF)));
  }
}

// Appends one byte of a string operand, escaped where PDF requires.
void AppendCode(std::string* out, unsigned char code) {
  if (code == '(' || code == ')' || code == '\\') out->push_back('\\');
  out->push_back(static_cast<char>(code));
}

// The characters of one face in a document and the PDF fonts that code them.
class FaceFonts {
 public:
  // Notes a character the document draws in this face.
  void Use(char32_t c) {
    if (c < 0x10000) {
      uint64_t& word = seen_[c >> 6];
      uint64_t bit = uint64_t{1} << (c & 63);
      if (word & bit) return;
      word |= bit;
    } else if (std::find(chars_.begin(), chars_.end(), c) != chars_.end()) {
      return;
    }
    chars_.push_back(c);
  }

  // Cuts the characters into subsets in code point order, compressed at `level`. False on a
  // font error.
  bool Build(const PdfFont& font, int level) {
    std::sort(chars_.begin(), chars_.end());
    // Where each character of the Basic Multilingual Plane stands in chars_.
    char32_t last_bmp = 0;
    for (char32_t c : chars_)
      if (c < 0x10000) last_bmp = c;
    index_.assign(chars_.empty() ? 0 : last_bmp + 1, 0);
    for (size_t i = 0; i < chars_.size() && chars_[i] < 0x10000; ++i) index_[chars_[i]] = static_cast<uint16_t>(i);
    for (size_t i = 0; i < chars_.size(); i += FontSubset::kMaxCodes) {
      std::u32string chunk(chars_.begin() + static_cast<std::ptrdiff_t>(i),
                           chars_.begin() + static_cast<std::ptrdiff_t>(std::min(chars_.size(), i + FontSubset::kMaxCodes)));
      auto subset = font.Subset(chunk, level);
      if (!subset) return false;
      subsets_.push_back(std::move(subset));
    }
    return true;
  }

  // The subset (index into subsets()) and code of a character given to Use.
  std::pair<size_t, unsigned char> Code(char32_t c) const {
    size_t at;
    if (c < 0x10000 && c < index_.size()) at = index_[c];
    else at = static_cast<size_t>(std::lower_bound(chars_.begin(), chars_.end(), c) - chars_.begin());
    return {at / FontSubset::kMaxCodes, static_cast<unsigned char>(FontSubset::kFirstCode + at % FontSubset::kMaxCodes)};
  }

  const std::vector<std::shared_ptr<const FontSubset>>& subsets() const { return subsets_; }
  bool subsets_needed() const { return !chars_.empty(); }

 private:
  std::vector<uint64_t> seen_ = std::vector<uint64_t>(1024, 0);  // U+0000-FFFF
  std::vector<char32_t> chars_;
  std::vector<uint16_t> index_;  // code point -> position in chars_, U+0000 to the last used
  std::vector<std::shared_ptr<const FontSubset>> subsets_;
};

// The page contents the writer kept in a ScratchFile, read back by libharu as it saves; the
// first failure's reason is kept for the writer's error.
class ScratchSource : public haru::StreamSource {
 public:
  explicit ScratchSource(const ScratchFile* file) : file_(file) {}
  bool Read(uint64_t offset, uint64_t size, std::string* bytes) const override {
    std::string why;
    if (file_ && file_->Read({offset, size}, bytes, &why)) return true;
    if (failure_.empty()) failure_ = why;
    return false;
  }
  const std::string& failure() const { return failure_; }

 private:
  const ScratchFile* file_;
  mutable std::string failure_;
};

class Writer {
 public:
  Writer(const DocumentInfo& info, const PageSequence& pages, const PdfOptions& options)
      : info_(info), pages_(pages), options_(options) {}

  // Makes the document, then `save` writes it out of libharu.
  bool Run(const std::function<bool(haru::Document&)>& save, std::string* error) {
    if (!options_.fonts.regular || !options_.fonts.bold) {
      *error = "no fonts";
      return false;
    }
    // Three passes over the pages: the faces they need, the characters of each face, the pages.
    auto pass = [&](const std::function<bool(const Page&)>& visit) {
      std::string failure;
      if (pages_.ForEach(visit, &failure)) return true;
      if (!failure.empty()) *error = failure;
      return false;
    };
    if (!pass([&](const Page& page) {
          for (const TextRun& t : page.texts)
            if (!FontOrNull(FaceIndex(t))) {
              *error = "no italic font for \"" + t.text + "\"";
              return false;
            }
          return true;
        }))
      return false;
    if (!pdf_.ok()) return Fail("cannot start libharu", error);
    SetInfo();
    if (!pass([&](const Page& page) {
          for (const TextRun& t : page.texts) ForEachDrawn(t.text, [&](char32_t c) { faces_[FaceIndex(t)].Use(c); });
          ForEachDrawn(page.watermark, [&](char32_t c) { faces_[1].Use(c); });
          for (const PlacedImage& placed : page.images)
            if (placed.image && !images_seen_.count(placed.image.get())) {
              images_seen_.insert(placed.image.get());
              images_.push_back(placed.image);
            }
          return true;
        }))
      return false;
    if (!Resources() || !AddFonts()) return Fail("cannot embed the fonts", error);
    if (!AddImages()) return Fail("cannot embed the images", error);
    std::vector<haru::Dict> fields;
    std::vector<EmptyAppearance> appearances;
    pdf_.PlanPages(static_cast<size_t>(pages_.Count()));
    if (!pass([&](const Page& page) {
          WriteContents(page);
          if (!Deflate(content_, kContentLevel, &compressed_)) return Fail("cannot compress the page contents", error);
          haru::Dict p;
          const bool sealed = !options_.signature_fields || page.widgets.empty();  // no /Annots to come
          if (options_.contents_scratch) {
            ScratchFile::Span span;
            std::string why;
            if (!options_.contents_scratch->Append(compressed_, &span, &why))
              return Fail("cannot keep the page contents: " + why, error);
            p = pdf_.AddPage(kPageWidth, kPageHeight, scratch_source_, span.offset, span.size, sealed);
          } else {
            p = pdf_.AddPage(kPageWidth, kPageHeight, compressed_, sealed);
          }
          if (!p) return Fail("cannot add a page", error);
          if (options_.signature_fields && !AddSignatureFields(&pdf_, p, page.widgets, &fields, &appearances))
            return Fail("cannot add the signature fields", error);
          return true;
        }))
      return false;
    if (!FinishAcroForm(&pdf_, fields)) return Fail("cannot add the form", error);
    if (options_.pdfa && !MakeArchival()) return Fail("cannot add the PDF/A parts", error);
    if (!save(pdf_)) {
      if (!scratch_source_.failure().empty())
        return Fail("cannot read the page contents back: " + scratch_source_.failure(), error);
      return Fail("cannot write the PDF", error);
    }
    return true;
  }

 private:
  bool Fail(const std::string& what, std::string* error) {
    std::string why = pdf_.error();
    *error = what + (why.empty() ? "" : " (" + why + ")");
    return false;
  }

  static constexpr int kFaces = 4;
  static_assert(static_cast<int>(FontFace::kBoldItalic) == kFaces - 1);
  static int FaceIndex(const TextRun& t) { return static_cast<int>(t.face); }  // FontFace order
  const PdfFont* FontOrNull(int face) const {
    const std::shared_ptr<const PdfFont>* fonts[kFaces] = {&options_.fonts.regular, &options_.fonts.bold,
                                                           &options_.fonts.italic, &options_.fonts.bold_italic};
    return fonts[face]->get();
  }
  const PdfFont& FontOf(int face) const { return *FontOrNull(face); }

  // One simple TrueType font per subset, all listed in the /Font dictionary of the resources
  // that every page shares.
  bool AddFonts() {
    for (int face = 0; face < kFaces; ++face) {
      if (faces_[face].subsets_needed() && !FontOrNull(face)) return false;
      if (!faces_[face].subsets_needed()) continue;
      if (!faces_[face].Build(FontOf(face), kSubsetLevel[face])) return false;
      for (const auto& subset : faces_[face].subsets()) {
        if (!font_resources_) {
          font_resources_ = pdf_.NewDict();
          if (!pdf_.Put(resources_, "Font", font_resources_)) return false;
        }
        std::string name = "F" + std::to_string(++font_count_);
        if (!pdf_.Put(font_resources_, name.c_str(), AddFont(FontOf(face).program(), *subset))) return false;
        resource_names_[face].push_back(name);
      }
    }
    return true;
  }

  // Each distinct image once per document (a logo on every page is one object), named in the
  // shared resources' /XObject dictionary.
  bool AddImages() {
    haru::Dict xobjects;
    for (const std::shared_ptr<const RasterImage>& image : images_) {  // in order of first use
      if (!xobjects) {
        xobjects = pdf_.NewDict();
        if (!pdf_.Put(resources_, "XObject", xobjects)) return false;
      }
      haru::Dict object = AddImage(&pdf_, *image);
      std::string name = "Im" + std::to_string(image_names_.size() + 1);
      if (!pdf_.Put(xobjects, name.c_str(), object)) return false;
      image_names_[image.get()] = name;
    }
    return true;
  }

  // One resource dictionary for every page, on the page tree (the pages inherit it):
  // /ProcSet [/PDF /Text] and the fonts (added to it by AddFonts).
  haru::Dict Resources() {
    if (resources_) return resources_;
    resources_ = pdf_.NewDict();
    haru::Array procset = pdf_.NewArray();
    bool ok = pdf_.PushName(procset, "PDF") && pdf_.PushName(procset, "Text");
    ok = ok && pdf_.Put(resources_, "ProcSet", procset);
    ok = ok && pdf_.Put(pdf_.pages(), "Resources", resources_);
    if (!ok) resources_ = haru::Dict{};
    return resources_;
  }

  haru::Dict AddFont(const FontFile& program, const FontSubset& subset) {
    const FontFile::Metrics& m = program.metrics();
    std::string base_font = subset.tag + "+" + program.postscript_name();

    haru::Dict file = pdf_.NewStream(subset.program, true);
    bool ok = pdf_.PutNumber(file, "Length1", static_cast<long>(subset.program_length));

    haru::Dict descriptor = pdf_.NewIndirectDict();
    ok &= pdf_.PutName(descriptor, "Type", "FontDescriptor");
    ok &= pdf_.PutName(descriptor, "FontName", base_font.c_str());
    // Symbolic (4): the codes are this document's own, mapped by the program's (3,0) cmap.
    ok &= pdf_.PutNumber(descriptor, "Flags", 4 | (m.fixed_pitch ? 1 : 0) | (m.italic ? 64 : 0));
    haru::Array bbox = pdf_.NewArray();
    for (int v : m.bbox) ok &= pdf_.PushNumber(bbox, v);
    ok &= pdf_.Put(descriptor, "FontBBox", bbox);
    ok &= pdf_.PutReal(descriptor, "ItalicAngle", m.italic_angle);
    ok &= pdf_.PutNumber(descriptor, "Ascent", m.ascent);
    ok &= pdf_.PutNumber(descriptor, "Descent", m.descent);
    ok &= pdf_.PutNumber(descriptor, "CapHeight", m.cap_height);
    ok &= pdf_.PutNumber(descriptor, "StemV", m.stem_v);
    ok &= pdf_.Put(descriptor, "FontFile2", file);

    haru::Dict to_unicode = pdf_.NewStream(subset.to_unicode, true);

    haru::Dict font = pdf_.NewIndirectDict();
    ok &= pdf_.PutName(font, "Type", "Font");
    ok &= pdf_.PutName(font, "Subtype", "TrueType");
    ok &= pdf_.PutName(font, "BaseFont", base_font.c_str());
    ok &= pdf_.PutNumber(font, "FirstChar", FontSubset::kFirstCode);
    ok &= pdf_.PutNumber(font, "LastChar", FontSubset::kFirstCode + static_cast<long>(subset.widths.size()) - 1);
    haru::Array widths = pdf_.NewArray();
    for (int w : subset.widths) ok &= pdf_.PushNumber(widths, w);
    ok &= pdf_.Put(font, "Widths", widths);
    ok &= pdf_.Put(font, "FontDescriptor", descriptor);
    ok &= pdf_.Put(font, "ToUnicode", to_unicode);
    return ok ? font : haru::Dict{};
  }

  // The page's content stream into content_: lines, rectangles, then text. Positions are
  // rounded to 1/1000 pt; text moves are relative to the rounded previous position, so
  // rounding never accumulates.
  void WriteContents(const Page& page) {
    std::string& out = content_;
    out.clear();
    // Pure black for print: DeviceGray 0 (the default), never a composite colour.
    for (const PlacedImage& i : page.images) {  // under the lines and the text
      if (!i.image) continue;
      out += "q ";
      AppendNumber(&out, i.w);
      out += "0 0 ";
      AppendNumber(&out, i.h);
      AppendNumber(&out, i.x);
      AppendNumber(&out, i.y);
      out += "cm /" + image_names_.at(i.image.get()) + " Do Q\n";
    }
    for (const ShadedArea& a : page.shades) {  // under the lines and the text
      out += "q ";
      AppendNumber(&out, a.gray);
      out += "g ";
      AppendNumber(&out, a.x);
      AppendNumber(&out, a.y);
      AppendNumber(&out, a.w);
      AppendNumber(&out, a.h);
      out += "re f Q\n";
    }
    long long current_width = -1;
    auto set_width = [&](double width) {
      long long w = Fixed(width);
      if (w == current_width) return;
      current_width = w;
      AppendFixed(&out, w);
      out += " w\n";
    };
    for (const LineSegment& l : page.lines) {
      set_width(l.width);
      AppendNumber(&out, l.x1);
      AppendNumber(&out, l.y1);
      out += "m ";
      AppendNumber(&out, l.x2);
      AppendNumber(&out, l.y2);
      out += "l S\n";
    }
    for (const Rectangle& r : page.rectangles) {
      set_width(r.line_width);
      AppendNumber(&out, r.x);
      AppendNumber(&out, r.y);
      AppendNumber(&out, r.w);
      AppendNumber(&out, r.h);
      out += "re S\n";
    }
    if (page.texts.empty()) return;
    out += "BT\n";
    long long x = 0, y = 0;  // start of the current text line, in kUnit
    int font_face = -1;
    size_t font_subset = 0;
    long long font_size = -1;
    for (const TextRun& t : page.texts) {
      int face = FaceIndex(t);
      long long size = Fixed(t.size);
      long long nx = Fixed(t.x), ny = Fixed(t.baseline);
      AppendFixed(&out, nx - x);
      out += ' ';
      AppendFixed(&out, ny - y);
      out += " Td\n";
      x = nx;
      y = ny;
      bool open = false;
      MarkPlacer marks(FontOf(face).program());
      std::vector<Drawn>& drawn = drawn_;
      drawn.clear();
      ForEachDrawn(t.text, [&](char32_t c) { drawn.push_back({c, marks.Next(c)}); });
      size_t span_end = 0;  // end of the open /ActualText span, 0 when none is open
      for (size_t i = 0; i < drawn.size(); ++i) {
        auto [subset, code] = faces_[face].Code(drawn[i].c);
        MarkPlacer::Offset offset = drawn[i].offset;
        if (face != font_face || subset != font_subset || size != font_size) {
          if (open) out += ")Tj\n";
          open = false;
          out += '/';
          out += resource_names_[face][subset];
          out += ' ';
          AppendFixed(&out, size);
          out += " Tf\n";
          font_face = face;
          font_subset = subset;
          font_size = size;
        }
        if (span_end == 0 && i + 1 < drawn.size() && drawn[i + 1].offset != MarkPlacer::Offset{}) {
          // A letter whose marks are moved: text extraction reads the cluster from /ActualText,
          // as the moved marks would otherwise read as a line of their own.
          if (open) out += ")Tj\n";
          open = false;
          span_end = i + 1;
          std::u32string cluster(1, drawn[i].c);
          while (span_end < drawn.size() && IsCombiningMark(drawn[span_end].c)) cluster += drawn[span_end++].c;
          out += "/Span<</ActualText<FEFF";
          for (char32_t c : cluster) AppendUtf16Hex(&out, c);
          out += ">>>BDC\n";
        }
        if (offset != MarkPlacer::Offset{}) {
          // A mark moved onto its base: raised by a text rise, moved sideways and back again by
          // TJ adjustments (in 1/1000 em, opposite sign), so the pen ends where it would have.
          if (open) out += ")Tj\n";
          open = false;
          AppendFixed(&out, Fixed(offset.dy * t.size / 1000.0));
          out += " Ts [";
          AppendFixed(&out, -offset.dx * kUnit);
          out += " (";
          AppendCode(&out, code);
          out += ") ";
          AppendFixed(&out, offset.dx * kUnit);
          out += "]TJ 0 Ts\n";
        } else {
          if (!open) out += '(';
          open = true;
          AppendCode(&out, code);
        }
        if (span_end != 0 && i + 1 == span_end) {
          if (open) out += ")Tj\n";
          open = false;
          out += "EMC\n";
          span_end = 0;
        }
      }
      if (open) out += ")Tj\n";
    }
    out += "ET\n";
    WriteWatermark(page.watermark);
  }

  // Bold, 60 % grey, at 35 degrees across the middle of the page, sized to fit its diagonal.
  void WriteWatermark(const std::string& text) {
    if (text.empty()) return;
    std::string& out = content_;
    size_t count = 0;
    ForEachDrawn(text, [&](char32_t) { ++count; });
    const double size = std::min(48.0, 560.0 / (0.6 * static_cast<double>(count)));
    const double c = 0.8192, s = 0.5736;  // cos and sin of 35 degrees
    const double width = 0.6 * size * static_cast<double>(count);  // approximate advance
    const double x = kPageWidth / 2 - c * width / 2, y = kPageHeight / 2 - s * width / 2;
    out += "q 0.6 g BT\n";
    for (double v : {c, s, -s, c, x, y}) {
      AppendFixed(&out, Fixed(v));
      out += ' ';
    }
    out += "Tm\n";
    size_t font_subset = static_cast<size_t>(-1);
    bool open = false;
    ForEachDrawn(text, [&](char32_t ch) {
      auto [subset, code] = faces_[1].Code(ch);
      if (subset != font_subset) {
        if (open) out += ")Tj\n";
        open = false;
        out += '/';
        out += resource_names_[1][subset];
        out += ' ';
        AppendFixed(&out, Fixed(size));
        out += " Tf\n";
        font_subset = subset;
      }
      if (!open) out += '(';
      open = true;
      if (code == '(' || code == ')' || code == '\\') out += '\\';
      out += static_cast<char>(code);
    });
    if (open) out += ")Tj\n";
    out += "ET Q\n";
  }

  std::time_t CreationTime() const {
    return options_.creation_time ? *options_.creation_time : std::time(nullptr);
  }

  void SetInfo() {
    haru::Dict info = pdf_.InfoWithDates(Utc(CreationTime()));
    const DocumentInfo& d = info_;
    for (auto [key, value] : {std::pair<const char*, const std::string*>{"Producer", &options_.producer},
                              {"Creator", &options_.producer}, {"Title", &d.title}, {"Subject", &d.subject},
                              {"Author", &d.author}, {"Keywords", &d.keywords}})
      SetInfoText(&pdf_, info, key, *value);
  }

  bool MakeArchival() {
    pdf_.SetVersion14();
    std::tm utc = Utc(CreationTime());
    char iso[64];
    std::snprintf(iso, sizeof iso, "%04d-%02d-%02dT%02d:%02d:%02d+00:00", utc.tm_year + 1900,
                  utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec);
    XmpInfo xmp{info_.title, info_.author, info_.subject, info_.keywords, options_.producer, iso};
    std::string id = Sha256Hex(options_.document_key + "\n" + iso + "\n" + info_.title);
    return AddMetadata(&pdf_, BuildXmp(xmp)) && AddOutputIntent(&pdf_, options_.icc_profile) &&
           SetDocumentId(&pdf_, id);
  }

  const DocumentInfo& info_;
  const PageSequence& pages_;
  // The images the pages show, each once, in order of first use (the second pass finds them).
  std::vector<std::shared_ptr<const RasterImage>> images_;
  std::set<const RasterImage*> images_seen_;
  const PdfOptions& options_;
  const ScratchSource scratch_source_{options_.contents_scratch};
  haru::Document pdf_;
  FaceFonts faces_[kFaces];
  std::vector<std::string> resource_names_[kFaces];  // per face and subset: "F1", "F2", ...
  std::map<const RasterImage*, std::string> image_names_;  // "Im1", "Im2", ...
  haru::Dict font_resources_;
  haru::Dict resources_;
  int font_count_ = 0;
  struct Drawn {
    char32_t c;
    MarkPlacer::Offset offset;
  };
  std::vector<Drawn> drawn_;  // the characters of the run being written
  // Per-thread buffers, reused from document to document.
  std::string& content_ = ThreadBuffer(0);
  std::string& compressed_ = ThreadBuffer(1);

  static std::string& ThreadBuffer(int i) {
    thread_local std::string buffers[2];
    return buffers[i];
  }
};

}  // namespace

bool LoadPdfFonts(std::string regular, std::string bold, PdfFonts* fonts, std::string* error) {
  std::string why;
  fonts->regular = PdfFont::Load(std::move(regular), &why);
  if (!fonts->regular) {
    *error = "regular face: " + why;
    return false;
  }
  fonts->bold = PdfFont::Load(std::move(bold), &why);
  if (!fonts->bold) {
    *error = "bold face: " + why;
    return false;
  }
  return true;
}

std::string DeflateIccProfile(const std::string& icc_bytes) {
  std::string out;
  if (!Deflate(icc_bytes, kMaxDeflateLevel, &out)) return "";
  return out;
}

bool WritePdf(const DocumentInfo& info, const PageSequence& pages, const PdfOptions& options, std::string* bytes,
              std::string* error) {
  Writer writer(info, pages, options);
  return writer.Run([bytes](haru::Document& pdf) { return pdf.Save(bytes); }, error);
}

bool WritePdf(const DocumentInfo& info, const PageSequence& pages, const PdfOptions& options,
              const PdfPartSink& write, std::string* error) {
  Writer writer(info, pages, options);
  bool refused = false;
  return writer.Run([&](haru::Document& pdf) { return pdf.SaveInParts(write, &refused); }, error);
}

bool WritePdf(const LaidOutDocument& document, const PdfOptions& options, std::string* bytes,
              std::string* error) {
  return WritePdf(document.info, PagesInMemory(document.pages), options, bytes, error);
}

}  // namespace stdok
