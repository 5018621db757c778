// The font programs embedded in the PDFs agree with their font dictionaries and with the fonts
// they were cut from. tests/check_font_programs.py reads every subset back with fontTools
// (Debian's python3-fonttools, scripts/install-deps.sh) and checks /Widths against hmtx, the
// glyph count, the cmap (every code to a glyph with outlines: the source font's outlines,
// advance and instructions for the character /ToUnicode names) and the table checksums.
#include <gtest/gtest.h>

#include <filesystem>

#include "test_support.h"

namespace stdok::testing {
namespace {

// Debian's python, where python3-fonttools installs fontTools (a python3 earlier in PATH, e.g.
// pyenv's, may not have it).
constexpr const char* kPython = "/usr/bin/python3";

// Runs the checker on every PDF below dir, the subsets cut from `sources`; its report.
CommandResult CheckFontPrograms(const std::string& dir, const std::vector<std::string>& sources) {
  std::string command = std::string(kPython) + " " + Quote(SourceDir() + "/tests/check_font_programs.py");
  for (const std::string& s : sources) command += " --source " + Quote(s);
  for (const std::string& pdf : PdfsBelow(dir)) command += " " + Quote(dir + "/" + pdf);
  return RunCommand(command);
}

void RequireFontTools() {
  auto probe = RunCommand(std::string(kPython) + " -c 'import fontTools'");
  ASSERT_EQ(probe.exit_code, 0) << "fontTools is missing: apt-get install python3-fonttools "
                                   "(scripts/install-deps.sh)\n"
                                << probe.output;
}

// A contract and certificates with Ș ă (Ștefan Bălan), Ł ż ó (Łukasz Żółkiewski) and ễ ồ
// (Nguyễn Thị Hồng), in regular and bold.
TEST(FontPrograms, SubsetsAgreeWithTheirWidthsCmapAndSourceFonts) {
  RequireFontTools();
  const std::string out = MakeTempDir();
  for (const std::string& args : {std::string("samples/st-stefan-balan.xml"),
                                  std::string("samples/bt-lukasz-zolkiewski.xml"),
                                  std::string("samples/handlingsplan-nguyen.xml --doc handlingsplan")}) {
    auto render = RunCommand("cd " + Quote(SourceDir()) + " && " + Quote(Binary()) + " render " + args + " -o " +
                             Quote(out + "/" + std::to_string(args.size())) + " --as-of 2026-11-22 -q");
    ASSERT_EQ(render.exit_code, 0) << args << "\n" << render.output;
  }
  ASSERT_GE(PdfsBelow(out).size(), 10u);
  auto check = CheckFontPrograms(out, {SourceDir() + "/fonts/LiberationSans-Regular.ttf",
                                       SourceDir() + "/fonts/LiberationSans-Bold.ttf"});
  EXPECT_EQ(check.exit_code, 0) << check.output;
  EXPECT_NE(check.output.find(": 0 problems"), std::string::npos) << check.output;
  std::filesystem::remove_all(out);
}

// A hinted font given with --fonts keeps fpgm, prep and 'cvt ' in every subset, byte for byte,
// beside the glyphs' instructions (DejaVu Sans from Debian's fonts-dejavu-core is hinted).
TEST(FontPrograms, HintedFontGivenWithFontsKeepsItsHintingTables) {
  const std::string regular = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
  const std::string bold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
  if (!std::filesystem::exists(regular) || !std::filesystem::exists(bold))
    GTEST_SKIP() << regular << " or " << bold << " is absent (apt-get install fonts-dejavu-core)";
  RequireFontTools();
  const std::string dir = MakeTempDir();
  std::filesystem::copy_file(regular, dir + "/LiberationSans-Regular.ttf");
  std::filesystem::copy_file(bold, dir + "/LiberationSans-Bold.ttf");
  auto render = RunCommand("cd " + Quote(SourceDir()) + " && " + Quote(Binary()) +
                           " render samples/st-stefan-balan.xml --doc st-kontrakt --as-of 2026-11-22 -q --fonts " +
                           Quote(dir) + " -o " + Quote(dir + "/out"));
  ASSERT_EQ(render.exit_code, 0) << render.output;
  ASSERT_EQ(PdfsBelow(dir + "/out").size(), 1u);
  auto check = CheckFontPrograms(dir + "/out", {regular, bold});
  EXPECT_EQ(check.exit_code, 0) << check.output;
  EXPECT_NE(check.output.find("2 fonts (2 hinted)"), std::string::npos) << check.output;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace stdok::testing
