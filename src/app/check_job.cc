#include "app/check_job.h"

#include <algorithm>
#include <map>

#include "app/catalog.h"
#include "app/workbook_input.h"
#include "output/json.h"
#include "records/records_reader.h"
#include "rules/checks.h"
#include "app/records_input.h"
#include "text/collation.h"

namespace stdok {

namespace {

bool Wanted(const CheckOptions& options, const std::string& id) {
  return options.trainee_ids.empty() ||
         std::find(options.trainee_ids.begin(), options.trainee_ids.end(), id) != options.trainee_ids.end();
}

// The report of `all`, the findings in the order they were made; `names` of the trainees by id.
CheckReport Report(const RecordsFile& file, const CheckOptions& options, const ImportedRecords& workbook,
                   std::map<std::string, std::string> names, Diagnostics all);

// A records file (not a workbook) read trainee by trainee, each checked as it is read: memory
// holds the file's text and one trainee, not the whole model, and no trainee is read twice.
CheckReport CheckRecordsFile(const CheckOptions& options, FileSystem* fs) {
  CheckReport refused;
  refused.io_error = true;
  std::string text, error;
  if (!fs->ReadFile(options.input, &text, &error)) {
    refused.diagnostics.push_back({Severity::kError, {options.input}, "", "", "io.read",
                                   "cannot read the records file: " + error, ""});
    return refused;
  }
  Catalog catalog;
  Diagnostics catalog_diagnostics;  // template problems are `render`'s and `docs`' to report
  LoadCatalog(options.templates_dir, fs, &catalog, &catalog_diagnostics);
  Profile profile;  // the region's, found once the root's <region> is read (before any trainee)
  bool profile_found = false;
  Diagnostics all, checks;
  auto check = [&](const RecordsFile& root, size_t index, const Trainee& t) {
    if (index == 0) checks.clear();  // (read again from the start)
    if (!profile_found) {
      if (auto it = catalog.profiles.find(root.region.id); it != catalog.profiles.end()) profile = it->second;
      profile_found = true;
    }
    if (!Wanted(options, t.id)) return;
    CheckTrainee(root, t, profile, ComputeTraineeFacts(root, t, profile, options.today), &checks);
  };
  const RecordsSource source(options.input, std::move(text), options.today, &all, check);
  const RecordsFile& file = source.file();
  if (file.refused) {
    refused.diagnostics = std::move(all);
    return refused;
  }
  all.reserve(all.size() + checks.size());
  for (Diagnostic& d : checks) all.push_back(std::move(d));
  checks = {};
  std::map<std::string, std::string> names;
  for (size_t i = 0; i < source.size(); ++i) names[source.id(i)] = source.family_name(i) + " " + source.given_name(i);
  return Report(file, options, ImportedRecords(), std::move(names), std::move(all));
}

}  // namespace

CheckReport RunCheck(const CheckOptions& options, FileSystem* fs) {
  if (!IsWorkbookInput(options.input)) return CheckRecordsFile(options, fs);
  return CheckWholeInput(options, fs);
}

CheckReport CheckWholeInput(const CheckOptions& options, FileSystem* fs) {
  Diagnostics all;
  RecordsInput input;
  if (!ReadRecordsInput(options.input, options.templates_dir, options.today, fs, &input, &all)) {
    CheckReport report;
    report.diagnostics = std::move(all);
    report.io_error = true;
    return report;
  }
  return CheckRecords(input, options, std::move(all));
}

CheckReport CheckRecords(const RecordsInput& input, const CheckOptions& options, Diagnostics all,
                         std::vector<TraineeFacts>* facts) {
  const RecordsFile& file = input.file;
  const Profile& profile = input.profile;
  std::map<std::string, std::string> names;
  if (facts) facts->assign(file.trainees.size(), TraineeFacts{});
  for (size_t i = 0; i < file.trainees.size(); ++i) {
    const Trainee& t = file.trainees[i];
    names[t.id] = t.family_name + " " + t.given_name;
    if (!Wanted(options, t.id)) continue;
    TraineeFacts computed = ComputeTraineeFacts(file, t, profile, options.today);
    CheckTrainee(file, t, profile, computed, &all);
    if (facts) (*facts)[i] = std::move(computed);
  }
  return Report(file, options, input.workbook, std::move(names), std::move(all));
}

namespace {

CheckReport Report(const RecordsFile& file, const CheckOptions& options, const ImportedRecords& workbook,
                   std::map<std::string, std::string> names, Diagnostics all) {
  CheckReport report;
  for (const DirectorContract& c : file.director_contracts) {
    if (auto person = file.people.find(c.person); person != file.people.end())
      names[c.person] = person->second.family_name + " " + person->second.given_name + ", studierektor";
    CheckDirectorContract(file, c, options.today, &all);
  }
  LocateInWorkbook(workbook, options.input, &all);  // a workbook's findings name its cells
  report.diagnostics.reserve(all.size());
  for (auto& d : all) {
    if (!options.trainee_ids.empty() && !d.trainee_id.empty() &&
        std::find(options.trainee_ids.begin(), options.trainee_ids.end(), d.trainee_id) == options.trainee_ids.end())
      continue;
    report.diagnostics.push_back(std::move(d));
  }
  auto name_of = [&](const Diagnostic& d) {
    auto it = names.find(d.trainee_id);
    return it == names.end() ? d.trainee_id : it->second;
  };
  std::stable_sort(report.diagnostics.begin(), report.diagnostics.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) {
                     if (a.trainee_id.empty() != b.trainee_id.empty()) return a.trainee_id.empty();
                     if (a.trainee_id != b.trainee_id) {
                       int c = SwedishCompare(name_of(a), name_of(b));
                       if (c != 0) return c < 0;
                       return a.trainee_id < b.trainee_id;
                     }
                     return a.severity < b.severity;
                   });
  for (const auto& d : report.diagnostics) {
    if (d.trainee_id.empty()) continue;
    if (report.trainees.empty() || report.trainees.back().first != d.trainee_id)
      report.trainees.emplace_back(d.trainee_id, name_of(d));
  }
  return report;
}

}  // namespace

std::string FormatCheckText(const CheckReport& report) {
  std::string out;
  std::string current = "\x01";
  int errors = 0, warnings = 0, notes = 0;
  for (const Diagnostic& d : report.diagnostics) {
    if (d.trainee_id != current) {
      current = d.trainee_id;
      std::string heading = "Filen";
      for (const auto& [id, name] : report.trainees)
        if (id == d.trainee_id) heading = name + " (" + id + ")";
      out += (out.empty() ? "" : "\n") + heading + "\n";
    }
    (d.severity == Severity::kError ? errors : d.severity == Severity::kWarning ? warnings : notes)++;
    out += "  " + d.ToString() + "\n";
  }
  out += (out.empty() ? "" : "\n") + std::to_string(errors) + " errors, " + std::to_string(warnings) + " warnings, " +
         std::to_string(notes) + " notes\n";
  return out;
}

std::string FormatCheckJson(const CheckReport& report) {
  nlohmann::ordered_json diagnostics = nlohmann::ordered_json::array();
  for (const Diagnostic& d : report.diagnostics) {
    diagnostics.push_back({{"severity", SeverityName(d.severity)},
                           {"file", d.location.file},
                           {"line", d.location.line},
                           {"column", d.location.column},
                           {"trainee_id", d.trainee_id},
                           {"field", d.field},
                           {"rule", d.rule},
                           {"message", d.message},
                           {"source", d.source}});
  }
  return DumpJson({{"diagnostics", std::move(diagnostics)}});
}

int CheckExitCode(const CheckReport& report) {
  if (report.io_error) return 2;
  return HasErrors(report.diagnostics) ? 1 : 0;
}

}  // namespace stdok
