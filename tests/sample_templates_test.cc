// The example template in samples/templates renders: two pages, justified clauses with run-in
// titles from its fragment, the free place line and a centred page number.
#include <gtest/gtest.h>

#include <iterator>
#include <regex>

#include "test_support.h"

namespace stdok::testing {
namespace {

TEST(SampleTemplates, TheExampleContractRendersOnTwoPages) {
  std::string out = MakeTempDir();
  auto r = RunCommand("SOURCE_DATE_EPOCH=1700000000 " + Quote(Binary()) + " render " +
                      Quote(SourceDir() + "/samples/st-stefan-balan.xml") + " --templates " +
                      Quote(SourceDir() + "/samples/templates") + " --doc enkelt-kontrakt -o " +
                      Quote(out) + " --as-of 2026-11-22");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(r.output.find("error"), std::string::npos) << r.output;
  std::string text = PdfText(out + "/stefan-balan/enkelt-kontrakt.pdf");
  EXPECT_NE(text.find("Sid 2 (2)"), std::string::npos);
  EXPECT_EQ(text.find("Sid 3 (3)"), std::string::npos);
  EXPECT_NE(text.find("6. Ändringar."), std::string::npos);
  EXPECT_NE(text.find("Ort och datum: Sundsvall,"), std::string::npos);
}

// Renders the example with `env` before the command; its output and the PDF's text.
CommandResult RenderExample(const std::string& env, std::string* text) {
  std::string out = MakeTempDir();
  CommandResult r = RunCommand(env + " SOURCE_DATE_EPOCH=1700000000 " + Quote(Binary()) + " render " +
                               Quote(SourceDir() + "/samples/st-stefan-balan.xml") + " --templates " +
                               Quote(SourceDir() + "/samples/templates") + " --doc enkelt-kontrakt -o " +
                               Quote(out) + " --as-of 2026-11-22");
  *text = PdfRawText(out + "/stefan-balan/enkelt-kontrakt.pdf");
  return r;
}

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// Lines ending in a letter and a hyphen, the next starting with a small letter (the raw text
// has a space for each line break).
size_t HyphenatedLines(const std::string& text) {
  std::regex pattern("[a-zåäö]- [a-zåäö]");
  return std::distance(std::sregex_iterator(text.begin(), text.end(), pattern), std::sregex_iterator());
}

TEST(SampleTemplates, TheExampleHyphenatesItsJustifiedClausesUnlessThePatternsAreMissing) {
  std::string hyphenated, plain;
  auto r = RenderExample("", &hyphenated);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(r.output.find("hyphenation"), std::string::npos) << r.output;
  r = RenderExample("STDOK_HYPHENATION_PATTERNS=/nonexistent/hyph_sv_SE.dic", &plain);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  // Said once, naming the file; the text is justified without hyphens.
  EXPECT_EQ(Count(r.output, "template.hyphenation-unavailable"), 1u) << r.output;
  EXPECT_NE(r.output.find("/nonexistent/hyph_sv_SE.dic"), std::string::npos) << r.output;
  EXPECT_GT(HyphenatedLines(hyphenated), HyphenatedLines(plain)) << hyphenated;
  EXPECT_NE(plain.find("Sid 2 (2)"), std::string::npos);
}

}  // namespace
}  // namespace stdok::testing
