#include "app/check_job.h"

#include <algorithm>
#include <map>

#include "app/catalog.h"
#include "output/json.h"
#include "records/records_reader.h"
#include "rules/checks.h"
#include "app/records_input.h"
#include "text/collation.h"

namespace stdok {

CheckReport RunCheck(const CheckOptions& options, FileSystem* fs) {
  Diagnostics all;
  RecordsInput input;
  // Trainee by trainee: memory holds the file's text and one trainee, not the whole model.
  if (!ReadRecordsInput(options.input, options.templates_dir, options.today, fs, &input, &all,
                        /*trainees_on_demand=*/true)) {
    CheckReport report;
    report.diagnostics = std::move(all);
    report.io_error = true;
    return report;
  }
  return CheckRecords(input, options, std::move(all));
}

CheckReport CheckRecords(const RecordsInput& input, const CheckOptions& options, Diagnostics all,
                         std::vector<TraineeFacts>* facts) {
  CheckReport report;
  const RecordsFile& file = input.Root();
  const RecordsSource* source = input.source.get();
  const Profile& profile = input.profile;
  std::map<std::string, std::string> names;
  const size_t count = source ? source->size() : file.trainees.size();
  if (facts) facts->assign(count, TraineeFacts{});
  for (size_t i = 0; i < count; ++i) {
    const std::string& id = source ? source->id(i) : file.trainees[i].id;
    names[id] = source ? source->family_name(i) + " " + source->given_name(i)
                       : file.trainees[i].family_name + " " + file.trainees[i].given_name;
    if (!options.trainee_ids.empty() &&
        std::find(options.trainee_ids.begin(), options.trainee_ids.end(), id) == options.trainee_ids.end())
      continue;
    Trainee read;
    if (source) read = source->Read(i);
    const Trainee& t = source ? read : file.trainees[i];
    TraineeFacts computed = ComputeTraineeFacts(file, t, profile, options.today);
    CheckTrainee(file, t, profile, computed, &all);
    if (facts) (*facts)[i] = std::move(computed);
  }
  for (const DirectorContract& c : file.director_contracts) {
    if (auto person = file.people.find(c.person); person != file.people.end())
      names[c.person] = person->second.family_name + " " + person->second.given_name + ", studierektor";
    CheckDirectorContract(file, c, options.today, &all);
  }
  LocateInWorkbook(input.workbook, options.input, &all);  // a workbook's findings name its cells
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
