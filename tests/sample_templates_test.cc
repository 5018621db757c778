// The example template in samples/templates renders: two pages, justified clauses with run-in
// titles from its fragment, the free place line and a centred page number.
#include <gtest/gtest.h>

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

}  // namespace
}  // namespace stdok::testing
