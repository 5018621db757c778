// A region adapts a document by editing a copy of the templates: no rebuild. A broken template
// is reported at file:line and the other documents are still made.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "test_support.h"

namespace stdok::testing {
namespace {

namespace fs = std::filesystem;

std::string CopyTemplates() {
  std::string dir = MakeTempDir() + "/templates";
  fs::copy(SourceDir() + "/templates", dir, fs::copy_options::recursive);
  return dir;
}

std::string Render(const std::string& templates, const std::string& out, const std::string& extra = "") {
  return "SOURCE_DATE_EPOCH=1700000000 " + Quote(Binary()) + " render " +
         Quote(SourceDir() + "/samples/st-stefan-balan.xml") + " -o " + Quote(out) + " --templates " +
         Quote(templates) + " --pack contracts --as-of 2026-11-22 " + extra;
}

void Replace(const std::string& path, const std::string& from, const std::string& to) {
  std::string text = ReadText(path);
  size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from << " not in " << path;
  text.replace(at, from.size(), to);
  WriteText(path, text);
}

TEST(TemplatesDir, ChangedWordingAppearsWithoutRebuilding) {
  std::string templates = CopyTemplates();
  Replace(templates + "/st-kontrakt-sluten-vard.xml", "<heading>Syfte</heading>",
          "<heading>Syfte och åtaganden enligt Region Västernorrlands lokala rutin</heading>");
  std::string out = MakeTempDir();
  auto r = RunCommand(Render(templates, out, "--doc st-kontrakt"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::string text = PdfText(out + "/stefan-balan/st-kontrakt.pdf");
  EXPECT_NE(text.find("Syfte och åtaganden enligt Region Västernorrlands lokala rutin"), std::string::npos) << text;

  // The same run with the shipped templates does not have it: the change came from the copy.
  std::string plain = MakeTempDir();
  RunCommand(Render(SourceDir() + "/templates", plain, "--doc st-kontrakt"));
  EXPECT_EQ(PdfText(plain + "/stefan-balan/st-kontrakt.pdf").find("lokala rutin"), std::string::npos);
}

TEST(TemplatesDir, ABrokenTemplateIsLocatedAndTheOthersAreStillMade) {
  std::string templates = CopyTemplates();
  Replace(templates + "/huvudhandledarkontrakt.xml", "<heading>Syfte</heading>", "<heading>Syfte</headng>");
  std::string out = MakeTempDir();
  auto r = RunCommand(Render(templates, out));
  EXPECT_NE(r.output.find("huvudhandledarkontrakt.xml:"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("error"), std::string::npos) << r.output;
  std::vector<std::string> pdfs = PdfsBelow(out);
  EXPECT_NE(std::find(pdfs.begin(), pdfs.end(), "stefan-balan/st-kontrakt.pdf"), pdfs.end());
  EXPECT_EQ(std::find(pdfs.begin(), pdfs.end(), "stefan-balan/huvudhandledarkontrakt.pdf"), pdfs.end());

  // A mistake in an expression is located at its line and column too.
  std::string templates2 = CopyTemplates();
  std::string original = ReadText(templates2 + "/huvudhandledarkontrakt.xml");
  size_t heading = original.find("<heading>Syfte</heading>");
  ASSERT_NE(heading, std::string::npos);
  std::string line = std::to_string(1 + std::count(original.begin(), original.begin() + heading, '\n'));
  Replace(templates2 + "/huvudhandledarkontrakt.xml", "<heading>Syfte</heading>",
          "<heading>Syfte {trainee.name | nosuchfilter}</heading>");
  std::string out2 = MakeTempDir();
  auto r2 = RunCommand(Render(templates2, out2));
  EXPECT_NE(r2.output.find("huvudhandledarkontrakt.xml:" + line + ":"), std::string::npos) << r2.output;
  EXPECT_NE(r2.output.find("nosuchfilter"), std::string::npos) << r2.output;
  EXPECT_FALSE(PdfsBelow(out2).empty());
}

}  // namespace
}  // namespace stdok::testing
