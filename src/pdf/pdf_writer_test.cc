#include "pdf/pdf_writer.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <fstream>
#include <pugixml.hpp>
#include <sstream>

namespace stdok {
namespace {

std::string ReadIcc() {
  std::ifstream icc("/usr/share/color/icc/sRGB.icc", std::ios::binary);
  std::stringstream s;
  s << icc.rdbuf();
  return s.str();
}

// The data of the first stream whose dictionary contains `key`, and that dictionary.
bool FindStream(const std::string& pdf, const std::string& key, std::string* dict, std::string* data) {
  size_t at = pdf.find(key);
  if (at == std::string::npos) return false;
  size_t open = pdf.rfind("<<", at), close = pdf.find(">>\nstream\r\n", at);
  if (open == std::string::npos || close == std::string::npos) return false;
  *dict = pdf.substr(open, close + 2 - open);
  size_t begin = close + 11, end = pdf.find("\nendstream", begin);
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

PdfOptions Options(bool pdfa) {
  PdfOptions o;
  o.fonts = {STDOK_SOURCE_DIR "/fonts/LiberationSans-Regular.ttf", STDOK_SOURCE_DIR "/fonts/LiberationSans-Bold.ttf"};
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

TEST(PdfWriter, UnicodeFontOnlyWhenNeeded) {
  std::string latin, romanian, vietnamese, error;
  ASSERT_TRUE(WritePdf(Doc("A", "Åsa Öberg – kontrakt"), Options(false), &latin, &error));
  ASSERT_TRUE(WritePdf(Doc("A", "Ștefan Bălan"), Options(false), &romanian, &error));
  ASSERT_TRUE(WritePdf(Doc("A", "Nguyễn Thị Hồng"), Options(false), &vietnamese, &error));
  EXPECT_EQ(latin.find("Identity-H"), std::string::npos);
  EXPECT_EQ(romanian.find("Identity-H"), std::string::npos);  // a single-byte code page holds it
  EXPECT_NE(vietnamese.find("Identity-H"), std::string::npos);
  EXPECT_LT(latin.size(), vietnamese.size());
}

TEST(PdfWriter, MissingFontIsAnError) {
  PdfOptions o = Options(false);
  o.fonts.regular = "/nonexistent.ttf";
  std::string bytes, error;
  EXPECT_FALSE(WritePdf(Doc("A", "x"), o, &bytes, &error));
  EXPECT_NE(error.find("cannot load the fonts"), std::string::npos);
}

}  // namespace
}  // namespace stdok
