#include "pdf/pdf_writer.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <pugixml.hpp>
#include <sstream>

#include "test_support.h"

namespace stdok {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string ReadIcc() { return ReadFile("/usr/share/color/icc/sRGB.icc"); }

const PdfFonts& Fonts() {
  static const PdfFonts fonts = [] {
    PdfFonts f;
    std::string error;
    EXPECT_TRUE(LoadPdfFonts(ReadFile(STDOK_SOURCE_DIR "/fonts/LiberationSans-Regular.ttf"),
                             ReadFile(STDOK_SOURCE_DIR "/fonts/LiberationSans-Bold.ttf"), &f, &error))
        << error;
    return f;
  }();
  return fonts;
}

// The data of the first stream whose dictionary contains `key`, and that dictionary.
bool FindStream(const std::string& pdf, const std::string& key, std::string* dict, std::string* data) {
  size_t at = pdf.find(key);
  if (at == std::string::npos) return false;
  size_t open = pdf.rfind("<<", at), close = pdf.find(">>\nstream\n", at);
  if (open == std::string::npos || close == std::string::npos) return false;
  *dict = pdf.substr(open, close + 2 - open);
  size_t begin = close + 10, end = pdf.find("\nendstream", begin);
  if (end == std::string::npos) return false;
  *data = pdf.substr(begin, end - begin);
  return true;
}

std::string Inflate(const std::string& data) {
  std::string out(1 << 20, '\0');
  uLongf size = out.size();
  if (uncompress(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(data.data()),
                 data.size()) != Z_OK)
    return "";
  out.resize(size);
  return out;
}

// Runs `command` with "{}" replaced by the path of a file holding `pdf`; its standard output
// and exit status.
std::string RunOnPdf(const std::string& pdf, const std::string& command, int* status = nullptr) {
  char path[] = "/tmp/stdok-pdf-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return "";
  bool written = write(fd, pdf.data(), pdf.size()) == static_cast<ssize_t>(pdf.size());
  close(fd);
  if (!written) {
    unlink(path);
    return "";
  }
  std::string out;
  std::string line = command;
  line.replace(line.find("{}"), 2, path);
  if (FILE* p = popen((line + " 2>/dev/null").c_str(), "r")) {
    char buffer[4096];
    for (size_t n; (n = fread(buffer, 1, sizeof buffer, p)) > 0;) out.append(buffer, n);
    int rc = pclose(p);
    if (status) *status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  }
  unlink(path);
  return out;
}

PdfOptions Options(bool pdfa) {
  PdfOptions o;
  o.fonts = Fonts();
  o.creation_time = 1795000000;
  o.pdfa = pdfa;
  o.icc_profile = DeflateIccProfile(ReadIcc());
  o.document_key = "T-1/doc";
  return o;
}

LaidOutDocument Doc(const std::string& title, const std::string& text) {
  LaidOutDocument doc;
  doc.info.title = title;
  doc.info.author = "Hjärt- & kärlcentrum <Öst>";
  doc.info.subject = "Ämne \"citat\" & 'apostrof'";
  doc.pages.emplace_back();
  doc.pages[0].texts.push_back({72, 700, FontFace::kRegular, 10, text});
  doc.pages[0].widgets.push_back({"Signatur_Test", 72, 100, 200, 30});
  return doc;
}

std::string Xmp(const std::string& pdf) {
  size_t begin = pdf.find("<?xpacket begin");
  size_t end = pdf.find("<?xpacket end=\"w\"?>");
  if (begin == std::string::npos || end == std::string::npos) return "";
  return pdf.substr(begin, end + 19 - begin);
}

TEST(PdfWriter, XmpIsWellFormedAndEscaped) {
  std::string bytes, error;
  LaidOutDocument doc = Doc("Kontrakt – Hjärt- & kärlcentrum <Ö>", "Łukasz Żółkiewski");
  ASSERT_TRUE(WritePdf(doc, Options(true), &bytes, &error)) << error;
  std::string xmp = Xmp(bytes);
  ASSERT_FALSE(xmp.empty());
  pugi::xml_document parsed;
  ASSERT_TRUE(parsed.load_string(xmp.c_str())) << xmp;
  auto text_of = [&](const char* xpath) { return std::string(parsed.select_node(xpath).node().text().get()); };
  EXPECT_EQ(text_of("//dc:title/rdf:Alt/rdf:li"), doc.info.title);
  EXPECT_EQ(text_of("//dc:creator/rdf:Seq/rdf:li"), doc.info.author);
  EXPECT_EQ(text_of("//dc:description/rdf:Alt/rdf:li"), doc.info.subject);
  EXPECT_EQ(text_of("//pdfaid:part"), "1");
  EXPECT_EQ(text_of("//pdfaid:conformance"), "B");
  EXPECT_EQ(text_of("//xmp:CreateDate"), "2026-11-18T11:06:40+00:00");
  EXPECT_EQ(bytes.substr(0, 8), "%PDF-1.4");
  EXPECT_NE(bytes.find("/OutputIntents"), std::string::npos);
  EXPECT_NE(bytes.find("/GTS_PDFA1"), std::string::npos);
}

// The output intent's profile is one FlateDecode stream that decodes to the ICC profile itself
// (it once lost its /Filter: readers saw compressed bytes, "not an ICC profile").
TEST(PdfWriter, OutputIntentProfileDecodesToTheIccProfile) {
  std::string bytes, error;
  ASSERT_TRUE(WritePdf(Doc("A", "x"), Options(true), &bytes, &error)) << error;
  std::string dict, data;
  ASSERT_TRUE(FindStream(bytes, "/Alternate /DeviceRGB", &dict, &data)) << bytes.substr(0, 2000);
  EXPECT_NE(dict.find("/N 3"), std::string::npos) << dict;
  size_t filter = dict.find("/Filter");
  ASSERT_NE(filter, std::string::npos) << dict;
  EXPECT_EQ(dict.find("/Filter", filter + 1), std::string::npos) << "one /Filter: " << dict;
  EXPECT_NE(dict.find("/FlateDecode"), std::string::npos) << dict;
  std::string icc = Inflate(data);
  EXPECT_EQ(icc, ReadIcc());
  ASSERT_GE(icc.size(), 40u);
  EXPECT_EQ(icc.substr(36, 4), "acsp");  // the ICC signature
}

// Names in every script the samples use, in both faces, come back out of pdftotext exactly;
// Romanian s and t with comma below stay comma below (they once came back as Ţ with cedilla).
TEST(PdfWriter, NamesComeBackOutOfPdftotextExactly) {
  const std::vector<std::string> names = {"Łukasz Żółkiewski", "Ștefan Bălan",  "Nguyễn Thị Hồng",
                                          "Đorđe Đorđević",    "Șerban Țurcanu", "șosea țară",
                                          "Åsa Öberg",         "Ș ș Ț ț",       "İlkay Şahin Ğ ğ ı"};
  LaidOutDocument doc = Doc("Namn", "Namn");
  double y = 650;
  for (const std::string& name : names) {
    doc.pages[0].texts.push_back({72, y, FontFace::kRegular, 10, name});
    doc.pages[0].texts.push_back({320, y, FontFace::kBold, 10, name});
    y -= 20;
  }
  std::string bytes, error;
  ASSERT_TRUE(WritePdf(doc, Options(true), &bytes, &error)) << error;
  std::string text = RunOnPdf(bytes, "pdftotext -raw -enc UTF-8 {} -");
  for (const std::string& name : names) {
    int found = 0;
    for (size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + name.size())) ++found;
    EXPECT_GE(found, 2) << name << " (regular and bold) not in:\n" << text;
  }
  EXPECT_EQ(text.find("\xC5\xA2"), std::string::npos) << "Ţ (T cedilla) in the text";
  EXPECT_EQ(text.find("\xC5\xA3"), std::string::npos) << "ţ (t cedilla) in the text";

  int status = -1;
  std::string check = RunOnPdf(bytes, "qpdf --check {}", &status);
  EXPECT_EQ(status, 0) << check;
  std::string fonts = RunOnPdf(bytes, "pdffonts {}", &status);
  EXPECT_EQ(status, 0);
  std::istringstream lines(fonts);
  std::string line;
  int count = 0;
  for (int n = 0; std::getline(lines, line); ++n) {
    if (n < 2 || line.empty()) continue;
    ++count;
    EXPECT_NE(line.find(" yes yes yes "), std::string::npos) << "embedded subset with ToUnicode: " << line;
  }
  EXPECT_EQ(count, 2);  // one subset per face
}

// Pages without text, and characters the font has no glyph for: still a sound PDF, and the
// character still extracts (drawn as the .notdef box).
TEST(PdfWriter, PagesWithoutTextAndCharactersWithoutGlyphs) {
  LaidOutDocument doc = Doc("A", "Жук ☃ 𝄞");
  doc.pages.emplace_back();  // an empty second page
  doc.pages.emplace_back();
  doc.pages[2].lines.push_back({72, 72, 300, 72, 0.5});
  doc.pages[2].rectangles.push_back({72, 100, 50, 20, 0.3});
  doc.pages[2].texts.push_back({72, 200, FontFace::kBold, 9, "ogiltig \xC3 UTF-8 \xFF\xFE slut \xE2\x82"});
  std::string bytes, error;
  ASSERT_TRUE(WritePdf(doc, Options(true), &bytes, &error)) << error;
  int status = -1;
  std::string check = RunOnPdf(bytes, "qpdf --check {}", &status);
  EXPECT_EQ(status, 0) << check;
  std::string text = RunOnPdf(bytes, "pdftotext -raw -enc UTF-8 {} -");
  EXPECT_NE(text.find("Жук ☃ 𝄞"), std::string::npos) << text;
  EXPECT_NE(text.find("ogiltig \xEF\xBF\xBD UTF-8"), std::string::npos) << text;  // U+FFFD

  LaidOutDocument empty;
  empty.pages.emplace_back();
  ASSERT_TRUE(WritePdf(empty, Options(false), &bytes, &error)) << error;
  check = RunOnPdf(bytes, "qpdf --check {}", &status);
  EXPECT_EQ(status, 0) << check;
  EXPECT_EQ(bytes.find("/FontFile2"), std::string::npos);
}

TEST(PdfWriter, DocumentIdIsRepeatableAndUniquePerDocument) {
  auto id_of = [](const std::string& bytes) {
    size_t at = bytes.find("/ID [");
    return at == std::string::npos ? std::string() : bytes.substr(at, 80);
  };
  std::string a, b, c, error;
  ASSERT_TRUE(WritePdf(Doc("A", "x"), Options(true), &a, &error));
  ASSERT_TRUE(WritePdf(Doc("A", "x"), Options(true), &b, &error));
  PdfOptions other = Options(true);
  other.document_key = "T-2/doc";
  ASSERT_TRUE(WritePdf(Doc("A", "x"), other, &c, &error));
  ASSERT_FALSE(id_of(a).empty());
  EXPECT_EQ(a, b);
  EXPECT_NE(id_of(a), id_of(c));
}

TEST(PdfWriter, SignatureFieldsOnlyWhenAsked) {
  std::string with, without, error;
  PdfOptions o = Options(false);
  ASSERT_TRUE(WritePdf(Doc("A", "x"), o, &with, &error));
  o.signature_fields = false;
  ASSERT_TRUE(WritePdf(Doc("A", "x"), o, &without, &error));
  EXPECT_NE(with.find("/FT /Sig"), std::string::npos);
  EXPECT_NE(with.find("/AcroForm"), std::string::npos);
  EXPECT_EQ(with.find("/SigFlags"), std::string::npos);
  EXPECT_EQ(with.find("/NeedAppearances"), std::string::npos);
  EXPECT_EQ(without.find("/FT /Sig"), std::string::npos);
}

TEST(PdfWriter, FontsAreSubsetsOfTheCharactersShown) {
  std::string latin, vietnamese, error;
  ASSERT_TRUE(WritePdf(Doc("A", "Åsa Öberg – kontrakt"), Options(false), &latin, &error));
  ASSERT_TRUE(WritePdf(Doc("A", "Nguyễn Thị Hồng"), Options(false), &vietnamese, &error));
  for (const std::string* pdf : {&latin, &vietnamese}) {
    EXPECT_EQ(pdf->find("Identity-H"), std::string::npos);
    EXPECT_NE(pdf->find("/Subtype /TrueType"), std::string::npos);
    EXPECT_NE(pdf->find("/FontFile2"), std::string::npos);
    EXPECT_NE(pdf->find("/ToUnicode"), std::string::npos);
  }
  // "Åsa Öberg – kontrakt": 14 different characters, codes 32-45.
  EXPECT_NE(latin.find("/FirstChar 32\n/LastChar 45\n"), std::string::npos);
  // Only one face is used: one font.
  EXPECT_EQ(latin.find("/F2"), std::string::npos);
  EXPECT_LT(latin.size(), 6000u);
}

TEST(PdfWriter, BothFacesAndManyCharactersGetTheirOwnFonts) {
  LaidOutDocument doc = Doc("A", "x");
  // 300 different characters in the regular face: two subsets.
  std::string many;
  for (char32_t c = 0x100; c < 0x100 + 300; ++c) {
    std::string one;
    char32_t cs[] = {c};
    for (char32_t x : cs) {
      if (x < 0x800) {
        one += static_cast<char>(0xC0 | (x >> 6));
        one += static_cast<char>(0x80 | (x & 0x3F));
      }
    }
    many += one;
  }
  doc.pages[0].texts.push_back({72, 600, FontFace::kRegular, 10, many});
  doc.pages[0].texts.push_back({72, 500, FontFace::kBold, 10, "Fet"});
  std::string bytes, error;
  ASSERT_TRUE(WritePdf(doc, Options(false), &bytes, &error)) << error;
  EXPECT_NE(bytes.find("/F1 "), std::string::npos);
  EXPECT_NE(bytes.find("/F2 "), std::string::npos);
  EXPECT_NE(bytes.find("/F3 "), std::string::npos);
  EXPECT_EQ(bytes.find("/F4 "), std::string::npos);
}

TEST(PdfWriter, SubsetsAreRepeatable) {
  std::string a, b, error;
  ASSERT_TRUE(WritePdf(Doc("A", "Łukasz Żółkiewski"), Options(true), &a, &error));
  ASSERT_TRUE(WritePdf(Doc("A", "Łukasz Żółkiewski"), Options(true), &b, &error));
  EXPECT_EQ(a, b);
}

TEST(PdfWriter, InfoBeyondPdfDocEncodingIsUtf16) {
  std::string bytes, error;
  ASSERT_TRUE(WritePdf(Doc("Ștefan Țurcanu", "x"), Options(false), &bytes, &error));
  // FE FF, then Ș = 0218.
  EXPECT_NE(bytes.find("/Title <FEFF0218"), std::string::npos) << bytes.substr(0, 3000);
}

// A print pack's way: pages from a sequence, their contents kept in a scratch file, the file
// given in parts. The bytes are the same as the whole document's in memory; a scratch file
// that takes no bytes fails the document and says where.
TEST(PdfWriter, ContentsKeptInAScratchFileAndSavedInPartsGiveTheSameBytes) {
  LaidOutDocument doc = Doc("Utskriftspaket", "Łukasz Żółkiewski");
  for (int i = 0; i < 40; ++i) {
    doc.pages.push_back(doc.pages[0]);
    doc.pages.back().texts.push_back({72, 600, FontFace::kBold, 12, "Sida " + std::to_string(i) + " – Åsa Öberg"});
  }
  std::string whole, error;
  ASSERT_TRUE(WritePdf(doc, Options(false), &whole, &error)) << error;
  const std::string folder = testing::MakeTempDir();
  DiskFileSystem disk;
  ScratchFile scratch(&disk, folder);
  ASSERT_TRUE(scratch.on_disk());
  PdfOptions options = Options(false);
  options.contents_scratch = &scratch;
  std::string parts;
  ASSERT_TRUE(WritePdf(doc.info, PagesInMemory(doc.pages), options,
                       [&](std::string_view part) {
                         parts += part;
                         return true;
                       },
                       &error))
      << error;
  EXPECT_EQ(parts, whole);
  ScratchFile::Span span;
  ASSERT_TRUE(scratch.Append("x", &span, &error));
  EXPECT_GT(span.offset, 41u * 50) << "the 41 pages' contents went into the scratch file";

  struct ReadOnlyScratch : DiskFileSystem {
    int OpenUnnamedFile(const std::string&) override { return open("/dev/null", O_RDONLY | O_CLOEXEC); }
  } read_only;
  ScratchFile full(&read_only, folder);
  options.contents_scratch = &full;
  EXPECT_FALSE(WritePdf(doc.info, PagesInMemory(doc.pages), options, [](std::string_view) { return true; }, &error));
  EXPECT_EQ(error, "cannot keep the page contents: " + folder + " (unnamed scratch file): " + std::strerror(EBADF));
  // One that takes the bytes but cannot give them back fails the save, saying so.
  struct WriteOnlyScratch : DiskFileSystem {
    std::string path;
    int OpenUnnamedFile(const std::string&) override {
      return open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    }
  } write_only;
  write_only.path = folder + "/write-only";
  ScratchFile unreadable(&write_only, folder);
  options.contents_scratch = &unreadable;
  EXPECT_FALSE(WritePdf(doc.info, PagesInMemory(doc.pages), options, [](std::string_view) { return true; }, &error));
  EXPECT_EQ(error.rfind("cannot read the page contents back: " + folder + " (unnamed scratch file): " +
                            std::strerror(EBADF),
                        0),
            0u)
      << error;
  std::filesystem::remove_all(folder);
}

TEST(PdfWriter, MissingFontIsAnError) {
  PdfFonts fonts;
  std::string error;
  EXPECT_FALSE(LoadPdfFonts("not a font", ReadFile(STDOK_SOURCE_DIR "/fonts/LiberationSans-Bold.ttf"), &fonts, &error));
  EXPECT_NE(error.find("regular face"), std::string::npos) << error;
  PdfOptions o = Options(false);
  o.fonts = PdfFonts{};
  std::string bytes;
  EXPECT_FALSE(WritePdf(Doc("A", "x"), o, &bytes, &error));
}

}  // namespace
}  // namespace stdok
