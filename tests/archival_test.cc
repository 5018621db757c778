// Every contract the samples produce is archival and print-ready: passes qpdf --check, embeds
// every font, carries well-formed XMP that declares PDF/A-1b and matches the document info,
// has a signature field per signer, draws in pure black, and prints nothing within 10 mm of
// the page edge. (What only a full PDF/A validator could confirm is listed in docs/pdf.md.)
#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "test_support.h"

namespace stdok::testing {
namespace {

constexpr double kMargin = 72.0 / 25.4 * 10;  // 10 mm in points
constexpr double kWidth = 595.276, kHeight = 841.89;

void CheckContract(const std::string& pdf) {
  SCOPED_TRACE(pdf);
  auto check = RunCommand("qpdf --check " + Quote(pdf));
  EXPECT_EQ(check.exit_code, 0) << check.output;

  auto fonts = RunCommand("pdffonts " + Quote(pdf) + " 2>/dev/null");
  std::istringstream lines(fonts.output);
  std::string line;
  int font_count = 0;
  for (int n = 0; std::getline(lines, line); ++n) {
    if (n < 2 || line.empty()) continue;  // header and rule
    ++font_count;
    EXPECT_NE(line.find(" yes "), std::string::npos) << "font not embedded: " << line;
  }
  EXPECT_GE(font_count, 1);

  std::string meta_file = MakeTempDir() + "/meta.xml";
  RunCommand("pdfinfo -meta " + Quote(pdf) + " > " + Quote(meta_file) + " 2>/dev/null");
  auto wellformed = RunCommand("xmllint --noout " + Quote(meta_file));
  EXPECT_EQ(wellformed.exit_code, 0) << wellformed.output;
  std::string meta = ReadText(meta_file);
  EXPECT_NE(meta.find("<pdfaid:part>1</pdfaid:part>"), std::string::npos);
  EXPECT_NE(meta.find("<pdfaid:conformance>B</pdfaid:conformance>"), std::string::npos);
  auto info = RunCommand("pdfinfo " + Quote(pdf) + " 2>/dev/null");
  std::smatch title;
  ASSERT_TRUE(std::regex_search(info.output, title, std::regex("Title: +([^\n]+)")));
  std::string escaped = std::regex_replace(std::regex_replace(title[1].str(), std::regex("&"), "&amp;"),
                                           std::regex("<"), "&lt;");
  EXPECT_NE(meta.find("<rdf:li xml:lang=\"x-default\">" + escaped + "</rdf:li>"), std::string::npos)
      << "XMP title differs from the document info title " << title[1];

  // Signature fields: at least two signers on every contract.
  auto fields = RunCommand("qpdf --qdf --object-streams=disable " + Quote(pdf) + " - 2>/dev/null | grep -ac '/FT /Sig'");
  EXPECT_GE(std::atoi(fields.output.c_str()), 2) << "signature fields";

  // Pure black: any colour operator sets black.
  auto colours = RunCommand("qpdf --qdf --object-streams=disable " + Quote(pdf) +
                            " - 2>/dev/null | grep -aoE '(^| )[0-9.]+( [0-9.]+)* (rg|RG|g|G|k|K)$' | sort -u");
  std::istringstream ops(colours.output);
  while (std::getline(ops, line)) {
    std::istringstream operands(line);
    std::string token;
    while (operands >> token)
      if (token.find_first_not_of("0.") == std::string::npos) continue;
      else if (token.size() > 2) continue;  // the operator itself
      else ADD_FAILURE() << "non-black colour: " << line;
  }

  // Nothing within 10 mm of the edge.
  auto words = RunCommand("pdftotext -bbox " + Quote(pdf) + " - 2>/dev/null");
  std::regex word("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)</word>");
  int count = 0;
  for (auto it = std::sregex_iterator(words.output.begin(), words.output.end(), word); it != std::sregex_iterator(); ++it) {
    double x0 = std::stod((*it)[1]), y0 = std::stod((*it)[2]), x1 = std::stod((*it)[3]), y1 = std::stod((*it)[4]);
    ++count;
    EXPECT_TRUE(x0 >= kMargin && y0 >= kMargin && x1 <= kWidth - kMargin && y1 <= kHeight - kMargin)
        << "'" << (*it)[5] << "' at " << x0 << "," << y0 << "–" << x1 << "," << y1 << " is within 10 mm of the edge";
  }
  EXPECT_GT(count, 50);
}

TEST(Archival, EveryContractOfTheSamplesIsPdfA1bSignableAndPrintSafe) {
  int contracts = 0;
  for (const std::string sample : {"st-stefan-balan", "bt-lukasz-zolkiewski", "am-asa-oberg", "handlingsplan-nguyen"}) {
    std::string out = MakeTempDir();
    auto r = RunCommand("SOURCE_DATE_EPOCH=1700000000 " + Quote(Binary()) + " render " +
                        Quote(SourceDir() + "/samples/" + sample + ".xml") + " -o " + Quote(out) +
                        " --pack contracts -q --as-of 2026-11-22");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    for (const std::string& pdf : PdfsBelow(out)) {
      CheckContract(out + "/" + pdf);
      ++contracts;
    }
  }
  EXPECT_GE(contracts, 10);
}

}  // namespace
}  // namespace stdok::testing
