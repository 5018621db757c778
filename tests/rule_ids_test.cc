// docs/rules.md lists exactly the rule ids the code can emit. The code's ids are the string
// literals of src/ (tests left out) shaped like a rule id, "family.name-with-dashes": every
// such literal counts as an id (a Diagnostic's rule, a Deadline's stem, a regional rule's id),
// so a new id cannot slip past; the few literals of that shape that are not ids are listed below.
// A stem that the code extends (`d.rule + "-late"`) counts as documented when the docs list it
// or every extension of it (but those in kNeverEmitted). The docs' ids are the backticked ids
// in the first column of the tables under "## Rule ids".
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "test_support.h"

namespace stdok::testing {
namespace {

namespace fs = std::filesystem;

// Literals shaped like an id that are not rule ids, with the file they are in.
const std::map<std::string, std::string> kNotRuleIds = {
    {"trainee.auskultationer", "src/forms/form.cc (a template value path)"},
    {"trainee.courses", "src/forms/form.cc (a template value path)"},
};

// Extensions of a stem that the code never emits, with the reason.
const std::map<std::string, std::string> kNeverEmitted = {
    {"deadline.bt-application-late", "a BT certificate dated after the deadline is no finding (deadline_rules.cc)"},
};

// File names ("delmal.xml") have an id's shape too.
bool IsFileName(const std::string& literal) {
  static const std::set<std::string> kExtensions = {"xml", "xsd", "pdf", "csv", "json", "txt",
                                                    "ttf", "otf", "png", "md",  "html", "h",
                                                    "cc",  "xlsx"};
  return kExtensions.count(literal.substr(literal.rfind('.') + 1)) > 0;
}

bool IdShaped(const std::string& literal) {
  static const std::regex kId("[a-z][a-z0-9]*\\.[a-z0-9]+(-[a-z0-9]+)*");
  return std::regex_match(literal, kId) && !IsFileName(literal);
}

// The string literals of C++ source, comments and character literals skipped; raw strings
// ("R\"x(...)x\"") read whole. Escapes are kept as written (ids hold none).
std::vector<std::string> StringLiterals(const std::string& code) {
  std::vector<std::string> out;
  const size_t n = code.size();
  size_t i = 0;
  while (i < n) {
    const char c = code[i];
    if (c == '/' && i + 1 < n && code[i + 1] == '/') {
      i = code.find('\n', i);
      if (i == std::string::npos) break;
    } else if (c == '/' && i + 1 < n && code[i + 1] == '*') {
      i = code.find("*/", i + 2);
      if (i == std::string::npos) break;
      i += 2;
    } else if (c == 'R' && i + 1 < n && code[i + 1] == '"' &&
               (i == 0 || !(std::isalnum(static_cast<unsigned char>(code[i - 1])) || code[i - 1] == '_'))) {
      const size_t open = code.find('(', i + 2);
      if (open == std::string::npos) break;
      const std::string close = ")" + code.substr(i + 2, open - i - 2) + "\"";
      const size_t end = code.find(close, open + 1);
      if (end == std::string::npos) break;
      out.push_back(code.substr(open + 1, end - open - 1));
      i = end + close.size();
    } else if (c == '"' || c == '\'') {
      std::string text;
      ++i;
      while (i < n && code[i] != c) {
        if (code[i] == '\\' && i + 1 < n) text += code[i++];
        text += code[i++];
      }
      ++i;
      if (c == '"') out.push_back(text);
    } else {
      ++i;
    }
  }
  return out;
}

struct CodeIds {
  std::map<std::string, std::string> ids;  // id -> first file that holds it
  std::set<std::string> suffixes;          // "-late" from `rule + "-late"`
  std::set<std::string> not_rule_ids;      // the kNotRuleIds found
};

CodeIds ScanSources(const std::string& root) {
  CodeIds result;
  static const std::regex kSuffix("rule\\s*\\+\\s*\"(-[a-z0-9-]+)\"");
  for (const auto& entry : fs::recursive_directory_iterator(root + "/src")) {
    const fs::path& path = entry.path();
    const std::string name = path.filename().string();
    if (path.extension() != ".cc" && path.extension() != ".h") continue;
    if (name.find("_test.cc") != std::string::npos || name.find("testing") != std::string::npos)
      continue;
    const std::string code = ReadText(path.string());
    const std::string relative = fs::relative(path, root).string();
    for (const std::string& literal : StringLiterals(code))
      if (IdShaped(literal)) {
        if (kNotRuleIds.count(literal)) result.not_rule_ids.insert(literal);
        else result.ids.emplace(literal, relative);
      }
    for (std::sregex_iterator it(code.begin(), code.end(), kSuffix), end; it != end; ++it)
      result.suffixes.insert((*it)[1].str());
  }
  return result;
}

// The ids in the first column of the tables under "## Rule ids" (up to the next "## ").
std::set<std::string> DocumentedIds(const std::string& markdown) {
  std::set<std::string> ids;
  static const std::regex kBackticked("`([^`]+)`");
  bool inside = false;
  size_t start = 0;
  while (start < markdown.size()) {
    size_t end = markdown.find('\n', start);
    if (end == std::string::npos) end = markdown.size();
    const std::string line = markdown.substr(start, end - start);
    start = end + 1;
    if (line.rfind("## ", 0) == 0) inside = line == "## Rule ids";
    if (!inside || line.rfind("| ", 0) != 0) continue;
    const size_t cell_end = line.find(" |", 2);
    const std::string cell = line.substr(2, cell_end == std::string::npos ? std::string::npos : cell_end - 2);
    for (std::sregex_iterator it(cell.begin(), cell.end(), kBackticked), stop; it != stop; ++it)
      ids.insert((*it)[1].str());
  }
  return ids;
}

TEST(RuleIds, StringLiteralsSkipCommentsAndCharacters) {
  const auto literals = StringLiterals(
      "// \"comment.id\"\n"
      "x = '\"'; Add(\"a.b\", R\"x(raw \" text)x\", \"esc\\\"aped\"); /* \"c.d\" */ \"e.f-g\"");
  EXPECT_EQ(literals, (std::vector<std::string>{"a.b", "raw \" text", "esc\\\"aped", "e.f-g"}));
  EXPECT_TRUE(IdShaped("people.assessor-served-during-bt"));
  EXPECT_FALSE(IdShaped("delmal.xml"));
  EXPECT_FALSE(IdShaped("Region Test"));
  EXPECT_FALSE(IdShaped("bt"));
}

TEST(RuleIds, DocsListExactlyTheIdsTheCodeCanEmit) {
  const CodeIds code = ScanSources(SourceDir());
  const std::set<std::string> docs = DocumentedIds(ReadText(SourceDir() + "/docs/rules.md"));
  ASSERT_GT(code.ids.size(), 50u);  // the scan found the sources
  ASSERT_GT(docs.size(), 30u);      // and the tables

  std::vector<std::string> undocumented;
  std::set<std::string> emitted;  // every id the code can emit, stems with their extensions
  for (const auto& [id, file] : code.ids) {
    emitted.insert(id);
    for (const std::string& suffix : code.suffixes)
      if (!kNeverEmitted.count(id + suffix)) emitted.insert(id + suffix);
    if (docs.count(id)) continue;
    bool extended = !code.suffixes.empty();
    for (const std::string& suffix : code.suffixes)
      extended = extended && (docs.count(id + suffix) || kNeverEmitted.count(id + suffix));
    if (!extended) undocumented.push_back(id + " (" + file + ")");
  }
  std::vector<std::string> stale;
  for (const std::string& id : docs)
    if (!emitted.count(id)) stale.push_back(id);

  std::string report;
  for (const std::string& id : undocumented) report += "  emitted, not in docs/rules.md: " + id + "\n";
  for (const std::string& id : stale) report += "  in docs/rules.md, never emitted: " + id + "\n";
  EXPECT_TRUE(undocumented.empty() && stale.empty()) << report;
  for (const auto& [literal, where] : kNotRuleIds)
    EXPECT_TRUE(code.not_rule_ids.count(literal)) << "kNotRuleIds is stale: " << literal;
  for (const auto& [id, why] : kNeverEmitted) {
    bool stem_found = false;
    for (const std::string& suffix : code.suffixes)
      stem_found = stem_found || (id.size() > suffix.size() && id.ends_with(suffix) &&
                                  code.ids.count(id.substr(0, id.size() - suffix.size())));
    EXPECT_TRUE(stem_found) << "kNeverEmitted is stale: " << id;
  }
}

}  // namespace
}  // namespace stdok::testing
