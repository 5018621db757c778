// Pins each libharu behaviour pdf/haru.cc relies on (the numbered list at its top): if a
// libharu update changes one, this fails before a document does.
#include "pdf/haru.h"

#include <gtest/gtest.h>

#include <string>

#include "pdf/deflate.h"
#include "test_support.h"

namespace stdok::haru {
namespace {

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

TEST(Haru, IsTheVersionStdokIsWrittenAgainst) {
  EXPECT_EQ(LoadedVersion(), kExpectedVersion);
  Document pdf;
  EXPECT_TRUE(pdf.ok()) << pdf.error();
}

TEST(Haru, StreamsKeepTheirBytesAndFilterAndPagesTheirContents) {
  std::string compressed;
  ASSERT_TRUE(Deflate("BT /F1 12 Tf (precompressed) Tj ET", 6, &compressed));
  std::string contents, landscape;
  ASSERT_TRUE(Deflate("0 0 m 100 100 l S", 6, &contents));
  ASSERT_TRUE(Deflate("0 0 m 200 100 l S", 6, &landscape));
  Document pdf;
  Dict flate = pdf.NewStream(compressed, true);              // internal 2
  Dict plain = pdf.NewStream("<x:xmpmeta>plain</x:xmpmeta>", false);
  ASSERT_TRUE(flate && plain);
  ASSERT_TRUE(pdf.PutName(flate, "Type", "Test"));
  ASSERT_TRUE(pdf.Put(pdf.catalog(), "Flate", flate));        // internal 1
  ASSERT_TRUE(pdf.Put(pdf.catalog(), "Plain", plain));
  Dict page = pdf.AddPage(595.276, 841.89, contents);         // internal 3
  ASSERT_TRUE(page);
  ASSERT_TRUE(pdf.AddPage(841.89, 595.276, landscape));
  ASSERT_TRUE(pdf.AddPage(595.276, 841.89, contents));
  Dict resources = pdf.NewDict();
  ASSERT_TRUE(pdf.PutName(resources, "Test", "Inherited"));
  ASSERT_TRUE(pdf.Put(pdf.pages(), "Resources", resources));
  std::tm utc{};
  utc.tm_year = 2026 - 1900, utc.tm_mon = 8, utc.tm_mday = 21, utc.tm_hour = 14, utc.tm_min = 13, utc.tm_sec = 20;
  ASSERT_TRUE(pdf.PutString(pdf.InfoWithDates(utc), "Title", "Avtal"));
  pdf.SetVersion14();
  ASSERT_TRUE(pdf.PutBinary(pdf.trailer(), "Test", {0xFE, 0xFF, 0x00, 0x41}));
  std::string bytes;
  ASSERT_TRUE(pdf.Save(&bytes)) << pdf.error();

  EXPECT_EQ(bytes.rfind("%PDF-1.4", 0), 0u);
  EXPECT_NE(bytes.find("/Type /Test\n/Length " + std::to_string(compressed.size()) +
                       "\n/Filter /FlateDecode\n>>\nstream\n" + compressed + "\nendstream\nendobj\n"),
            std::string::npos)
      << "the compressed bytes are copied as they are, with a direct /Length";
  EXPECT_NE(bytes.find("/Length 28\n>>\nstream\n<x:xmpmeta>plain</x:xmpmeta>\nendstream"), std::string::npos);
  EXPECT_NE(bytes.find("\nstream\n" + contents + "\nendstream"), std::string::npos) << "the page contents are ours";
  EXPECT_EQ(Count(bytes, "/Filter /FlateDecode"), 4u) << "one per compressed stream, none on the plain one";
  EXPECT_EQ(Count(bytes, " 0 obj\n"), 11u)
      << "catalog, page tree, info, 2 streams, 3 pages with 3 contents, no /Length objects:\n" << bytes;
  EXPECT_NE(bytes.find("/CreationDate (D:20260921141320+00'00')"), std::string::npos);  // internal 4
  EXPECT_NE(bytes.find("/ModDate (D:20260921141320+00'00')"), std::string::npos);
  EXPECT_NE(bytes.find("<FEFF0041>"), std::string::npos);
  EXPECT_EQ(Count(bytes, "/MediaBox [ 0 0 595.276 841.89001 ]"), 1u) << "once, on the page tree";
  EXPECT_EQ(Count(bytes, "/MediaBox [ 0 0 841.89001 595.276 ]"), 1u) << "the landscape page's own";
  EXPECT_NE(bytes.find("/Count 3"), std::string::npos);

  std::string dir = testing::MakeTempDir();
  testing::WriteText(dir + "/haru.pdf", bytes);
  testing::CommandResult check = testing::RunCommand("qpdf --check " + testing::Quote(dir + "/haru.pdf"));
  EXPECT_EQ(check.exit_code, 0) << check.output;
  EXPECT_EQ(check.output.find("WARNING"), std::string::npos) << check.output;
  testing::CommandResult text = testing::RunCommand("qpdf --qdf --object-streams=disable " +
                                                    testing::Quote(dir + "/haru.pdf") + " -");
  EXPECT_NE(text.output.find("0 0 m 100 100 l S"), std::string::npos) << "the contents inflate";
  EXPECT_NE(text.output.find("0 0 m 200 100 l S"), std::string::npos);
  EXPECT_NE(text.output.find("(precompressed) Tj"), std::string::npos) << "the stream inflates";
  // Every page has its size: the first and third inherit it from the page tree.
  testing::CommandResult info = testing::RunCommand("pdfinfo -f 1 -l 3 " + testing::Quote(dir + "/haru.pdf"));
  auto size_of = [&](int page) {
    size_t at = info.output.find("Page    " + std::to_string(page) + " size:");
    return at == std::string::npos ? std::string() : info.output.substr(at + 15, 30);
  };
  EXPECT_NE(size_of(1).find("595.276 x 841.89 pts"), std::string::npos) << info.output;
  EXPECT_NE(size_of(2).find("841.89 x 595.276 pts"), std::string::npos) << info.output;
  EXPECT_NE(size_of(3).find("595.276 x 841.89 pts"), std::string::npos) << info.output;
}

// Internal 5: saved in parts, a document is the same bytes as saved whole, for either version.
TEST(Haru, SaveInPartsGivesTheBytesOfSave) {
  for (bool version14 : {false, true}) {
    std::string contents;
    ASSERT_TRUE(Deflate("0 0 m 100 100 l S", 6, &contents));
    Document pdf;
    std::string big;
    for (int i = 0; big.size() < 300000; ++i) big += std::to_string(i) + " ";
    ASSERT_TRUE(pdf.Put(pdf.catalog(), "Big", pdf.NewStream(big, false)));
    for (int i = 0; i < 50; ++i) ASSERT_TRUE(pdf.AddPage(595.276, 841.89, contents));
    std::tm utc{};
    utc.tm_year = 2026 - 1900, utc.tm_mday = 1;
    ASSERT_TRUE(pdf.PutString(pdf.InfoWithDates(utc), "Title", "Utskriftspaket"));
    if (version14) pdf.SetVersion14();
    std::string whole, parts;
    int calls = 0;
    bool refused = true;
    ASSERT_TRUE(pdf.SaveInParts(
        [&](std::string_view part) {
          ++calls;
          parts += part;
          return true;
        },
        &refused))
        << pdf.error();
    EXPECT_FALSE(refused);
    ASSERT_TRUE(pdf.Save(&whole)) << pdf.error();
    EXPECT_EQ(parts, whole);
    EXPECT_EQ(whole.rfind(version14 ? "%PDF-1.4\n%" : "%PDF-1.3\n%", 0), 0u);
    EXPECT_EQ(calls, static_cast<int>((whole.size() + 65535) / 65536)) << "64 KiB at a time";
    // A sink that refuses stops the save at once.
    calls = 0;
    EXPECT_FALSE(pdf.SaveInParts([&](std::string_view) { return ++calls > 1 && false; }, &refused));
    EXPECT_TRUE(refused);
    EXPECT_EQ(calls, 1);
  }
}

// Internal 6: more pages than one /Kids array holds (a national print pack) make a page tree of
// two levels, which viewers read page for page, each page with the size it inherits.
TEST(Haru, MorePagesThanAnArrayHoldsGetAPageTreeOfTwoLevels) {
  constexpr int kPages = 33000;
  std::string contents, landscape;
  ASSERT_TRUE(Deflate("0 0 m 100 100 l S", 6, &contents));
  ASSERT_TRUE(Deflate("0 0 m 200 100 l S", 6, &landscape));
  Document pdf;
  pdf.PlanPages(kPages);
  for (int i = 0; i < kPages; ++i)
    ASSERT_TRUE(i == kPages - 1 ? pdf.AddPage(841.89, 595.276, landscape, true)
                                : pdf.AddPage(595.276, 841.89, contents, /*sealed=*/i % 2 == 0))
        << "page " << i + 1 << ": " << pdf.error();
  std::string bytes;
  ASSERT_TRUE(pdf.Save(&bytes)) << pdf.error();
  EXPECT_EQ(Count(bytes, "/Type /Pages\n"), 1u + (kPages + 1023) / 1024) << "the root and nodes of 1,024 pages";
  EXPECT_NE(bytes.find("/Count 33000"), std::string::npos);
  std::string dir = testing::MakeTempDir();
  testing::WriteText(dir + "/pages.pdf", bytes);
  testing::CommandResult check = testing::RunCommand("qpdf --check " + testing::Quote(dir + "/pages.pdf"));
  EXPECT_EQ(check.exit_code, 0) << check.output.substr(0, 2000);
  testing::CommandResult info =
      testing::RunCommand("pdfinfo -f 32999 -l 33000 " + testing::Quote(dir + "/pages.pdf"));
  std::string text;  // runs of spaces as one
  for (char c : info.output)
    if (c != ' ' || text.empty() || text.back() != ' ') text += c;
  EXPECT_NE(text.find("Pages: 33000"), std::string::npos) << info.output;
  EXPECT_NE(text.find("Page 32999 size: 595.276 x 841.89 pts"), std::string::npos) << info.output;
  EXPECT_NE(text.find("Page 33000 size: 841.89 x 595.276 pts"), std::string::npos) << info.output;
  // Sealed pages (every other one, and the last) are written as the others are.
  EXPECT_EQ(Count(bytes, "/Type /Page\n/Parent "), static_cast<size_t>(kPages));
  // A sealed page can take no entry: its bytes are written without libharu's entries.
  Document one;
  Dict sealed = one.AddPage(595.276, 841.89, contents, true);
  ASSERT_TRUE(sealed);
  EXPECT_FALSE(one.PutName(sealed, "Annots", "None"));
  std::string single;
  ASSERT_TRUE(one.Save(&single));
  EXPECT_NE(single.find("<<\n/Type /Page\n/Parent 2 0 R\n/Contents 5 0 R\n>>"), std::string::npos) << single;
  // As many pages as the root holds keep the flat tree.
  Document flat;
  flat.PlanPages(3);
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(flat.AddPage(595.276, 841.89, contents));
  ASSERT_TRUE(flat.Save(&bytes));
  EXPECT_EQ(Count(bytes, "/Type /Pages\n"), 1u);
}

TEST(Haru, NullHandlesFailWithoutCrashing) {
  Document pdf;
  EXPECT_FALSE(pdf.Put(Dict{}, "A", pdf.NewDict()));
  EXPECT_FALSE(pdf.PutName(Dict{}, "A", "B"));
  EXPECT_FALSE(pdf.Push(Array{}, Dict{}));
  // (The holder is indirect: the cross-reference table owns it although nothing refers to it.)
  EXPECT_FALSE(pdf.Put(pdf.NewIndirectDict(), "A", Dict{}));
}

}  // namespace
}  // namespace stdok::haru
