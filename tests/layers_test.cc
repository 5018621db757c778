// No stage includes one above it: the layer table in docs/design.md ("Layers") is the source,
// and every #include "folder/…" in src/ (tests left out) must point to the same layer or one
// below. A folder missing from the table is an error too.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "test_support.h"

namespace stdok::testing::layers_test {
namespace {

std::map<std::string, int> LayerTable() {
  std::map<std::string, int> layers;
  std::istringstream doc(ReadText(SourceDir() + "/docs/design.md"));
  static const std::regex row("^\\| *([0-9]+) *\\|(.*)\\|\\s*$");
  static const std::regex folder("`([a-z]+)/`");
  std::string line;
  bool in_section = false;
  while (std::getline(doc, line)) {
    if (line.rfind("## ", 0) == 0) in_section = line == "## Layers";
    std::smatch m;
    if (!in_section || !std::regex_match(line, m, row)) continue;
    const int layer = std::stoi(m[1]);
    const std::string folders = m[2];
    for (auto it = std::sregex_iterator(folders.begin(), folders.end(), folder); it != std::sregex_iterator(); ++it)
      layers[(*it)[1]] = layer;
  }
  return layers;
}

TEST(Layers, NoFolderIncludesOneAboveIt) {
  const std::map<std::string, int> layers = LayerTable();
  ASSERT_GE(layers.size(), 10u) << "the layer table in docs/design.md was not found";
  static const std::regex include("^#include \"([a-z]+)/[^\"]+\"");
  std::vector<std::string> violations;
  int includes = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(SourceDir() + "/src")) {
    const std::string path = entry.path().string();
    const std::string name = entry.path().filename().string();
    if (!entry.is_regular_file() || name.find("_test.") != std::string::npos) continue;
    if (name.size() < 3 || (name.substr(name.size() - 2) != ".h" && name.substr(name.size() - 3) != ".cc")) continue;
    const std::string folder = entry.path().parent_path().filename().string();
    ASSERT_TRUE(layers.count(folder)) << "src/" << folder << "/ is not in the layer table of docs/design.md";
    std::ifstream in(path);
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
      ++number;
      std::smatch m;
      if (!std::regex_search(line, m, include)) continue;
      ++includes;
      const std::string target = m[1];
      auto it = layers.find(target);
      if (it == layers.end()) {
        violations.push_back(path + ":" + std::to_string(number) + ": " + target + "/ is not in the table");
        continue;
      }
      if (it->second > layers.at(folder))
        violations.push_back("src/" + folder + "/" + name + ":" + std::to_string(number) + ": " + folder +
                             "/ (layer " + std::to_string(layers.at(folder)) + ") includes " + target +
                             "/ (layer " + std::to_string(it->second) + ")");
    }
  }
  EXPECT_GT(includes, 100);
  EXPECT_TRUE(violations.empty()) << [&] {
    std::string all;
    for (const std::string& v : violations) all += v + "\n";
    return all;
  }();
}


// The XML layer is the one door to XML (docs/design.md, "xml/"): no other source in src/ includes
// pugixml or parses with it, so every file gets the same refusals and positions. Tests may.
TEST(Layers, OnlyTheXmlLayerIncludesPugixml) {
  static const std::regex include("^\\s*#\\s*include\\s*[<\"]pugixml\\.hpp[>\"]");
  static const std::regex parse("\\.load_(buffer|buffer_inplace|buffer_inplace_own|string|file)\\s*\\(");
  std::vector<std::string> violations;
  int sources = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(SourceDir() + "/src")) {
    const std::string name = entry.path().filename().string();
    if (!entry.is_regular_file() || name.find("_test.") != std::string::npos) continue;
    if (name.size() < 3 || (name.substr(name.size() - 2) != ".h" && name.substr(name.size() - 3) != ".cc")) continue;
    ++sources;
    if (entry.path().parent_path().filename() == "xml") continue;
    std::ifstream in(entry.path());
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
      ++number;
      if (std::regex_search(line, include) || std::regex_search(line, parse))
        violations.push_back(entry.path().string() + ":" + std::to_string(number) + ": " + line);
    }
  }
  EXPECT_GT(sources, 100);
  EXPECT_TRUE(violations.empty()) << [&] {
    std::string all;
    for (const std::string& v : violations) all += v + "\n";
    return all;
  }();
}

// The HTTP library is the web server's alone (docs/design.md, "Libraries"): no stage below it
// may depend on it, so the CLI's other commands and the tests of the stages never need it.
TEST(Layers, OnlyServeIncludesHttplib) {
  std::vector<std::string> offenders;
  int in_serve = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(SourceDir() + "/src")) {
    if (!entry.is_regular_file()) continue;
    const std::string text = ReadText(entry.path().string());
    if (text.find("#include <httplib.h>") == std::string::npos) continue;
    if (entry.path().parent_path().filename() == "serve") ++in_serve;
    else offenders.push_back(entry.path().string());
  }
  EXPECT_GT(in_serve, 0) << "src/serve/ should use cpp-httplib";
  EXPECT_TRUE(offenders.empty()) << offenders.front() << " includes httplib.h outside src/serve/";
}

}  // namespace
}  // namespace stdok::testing::layers_test
