#include "app/catalog.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "rules/rule_context.h"
#include "text/unicode.h"
#include "xml/document.h"

namespace stdok {

std::vector<std::string> Catalog::DocumentIds() const {
  std::vector<std::string> ids;
  std::set<std::string> seen;
  for (const Template& t : templates)
    if (seen.insert(t.id).second) ids.push_back(t.id);
  return ids;
}

bool ParseProfile(const std::string& path, std::string_view text, Profile* profile,
                  Diagnostics* diagnostics) {
  xml::Document document;
  if (!document.Load(path, text, {.kind = "profile", .root = "profile"}, diagnostics)) return false;
  const pugi::xml_node root = document.root();
  profile->id = root.attribute("id").value();
  profile->name = NormalizeNfc(root.attribute("name").value());
  if (profile->id.empty()) {
    Diagnostic d;
    d.location = document.Locate(root);
    d.rule = "profile.invalid";
    d.message = "<profile> needs an id";
    diagnostics->push_back(std::move(d));
    return false;
  }
  for (pugi::xml_node v = root.child("value"); v; v = v.next_sibling("value"))
    profile->values[v.attribute("key").value()] = NormalizeNfc(v.text().get());
  // A mistyped regional rule id would silently switch the rule off: say so, keep the profile.
  const std::vector<std::string>& known = regional_rules::All();
  for (pugi::xml_node v = root.child("value"); v; v = v.next_sibling("value")) {
    if (std::string_view(v.attribute("key").value()) != profile_keys::kRegionalRules) continue;
    for (const std::string& id : SplitList(NormalizeNfc(v.text().get()))) {
      if (std::find(known.begin(), known.end(), id) != known.end()) continue;
      Diagnostic d;
      d.severity = Severity::kWarning;
      d.location = document.Locate(v);
      d.field = "regional-rules";
      d.rule = "profile.unknown-rule";
      d.message = "'" + id + "' is not a regional rule id (docs/rules.md, Region profiles); it has no effect";
      diagnostics->push_back(std::move(d));
    }
  }
  return true;
}

bool LoadCatalog(const std::string& dir, FileSystem* fs, Catalog* catalog, Diagnostics* diagnostics) {
  namespace fsys = std::filesystem;
  std::error_code ec;
  auto list = [&](const fsys::path& folder) {
    std::vector<std::string> files;
    for (const auto& entry : fsys::directory_iterator(folder, ec))
      if (entry.is_regular_file() && entry.path().extension() == ".xml") files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    return files;
  };
  std::vector<std::string> templates = list(dir);
  if (ec) {
    Diagnostic d;
    d.location.file = dir;
    d.rule = "io.templates";
    d.message = "cannot read the templates folder: " + ec.message();
    diagnostics->push_back(std::move(d));
    return false;
  }
  for (const std::string& path : templates) {
    std::string text, error;
    if (!fs->ReadFile(path, &text, &error)) {
      diagnostics->push_back({Severity::kError, {path}, "", "", "io.read", error, ""});
      continue;
    }
    Template t;
    if (LoadTemplate(path, text, &t, diagnostics)) catalog->templates.push_back(std::move(t));
  }
  fsys::path profiles = fsys::path(dir) / "profiles";
  if (fsys::is_directory(profiles, ec)) {
    for (const std::string& path : list(profiles)) {
      std::string text, error;
      if (!fs->ReadFile(path, &text, &error)) continue;
      Profile p;
      if (ParseProfile(path, text, &p, diagnostics)) catalog->profiles[p.id] = std::move(p);
    }
  }
  return true;
}

namespace {

// "9" < "10", "8a" < "8b".
bool AnnexBefore(const std::string& a, const std::string& b) {
  auto number = [](const std::string& s) { return std::atoi(s.c_str()); };
  if (number(a) != number(b)) return number(a) < number(b);
  return a < b;
}

}  // namespace

bool LoadForms(const std::string& dir, FileSystem* fs, Catalog* catalog, Diagnostics* diagnostics) {
  namespace fsys = std::filesystem;
  std::error_code ec;
  std::vector<std::string> files;
  for (const auto& entry : fsys::directory_iterator(dir, ec))
    if (entry.is_regular_file() && entry.path().extension() == ".xml") files.push_back(entry.path().string());
  if (ec) {
    diagnostics->push_back({Severity::kError, {dir}, "", "", "io.forms",
                            "cannot read the forms folder: " + ec.message(), ""});
    return false;
  }
  for (const std::string& path : files) {
    std::string text, error;
    if (!fs->ReadFile(path, &text, &error)) {
      diagnostics->push_back({Severity::kError, {path}, "", "", "io.read", error, ""});
      continue;
    }
    FormDefinition form;
    if (LoadForm(path, text, &form, diagnostics)) catalog->forms.push_back(std::move(form));
  }
  std::sort(catalog->forms.begin(), catalog->forms.end(), [](const FormDefinition& a, const FormDefinition& b) {
    if (a.regulation != b.regulation) return a.regulation < b.regulation;  // "HSLF…" before "SOSFS…"
    return AnnexBefore(a.annex, b.annex);
  });
  return true;
}

}  // namespace stdok
