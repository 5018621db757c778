// `stdok status RECORDS.xml`: the studierektor's overview, one summary per trainee —
// regulation, months served as of a date, earliest completion, BT status, missing certificates,
// open deadlines — sorted by a risk score (docs/rules.md, "Risk score"): highest first, then
// Swedish order of family and given name.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "fill/context.h"
#include "output/file_system.h"
#include "records/model.h"
#include "rules/bt_rules.h"
#include "rules/deadline_rules.h"
#include "rules/trainee_facts.h"

namespace stdok {

// The parts of the risk score, each already weighted (risk = their sum).
struct RiskParts {
  int errors = 0;         // 10 per error
  int overdue = 0;        // 5 per deadline passed without a date
  int warnings = 0;       // 3 per warning, except deadline.*-overdue (counted above)
  int certificates = 0;   // 2 per missing certificate (an activity without a signer)
  int delmal = 0;         // 1 per uncovered delmål (at most 20), from 12 months before the
                          // earliest completion
  int time = 0;           // 10 when the time requirement is not met after the planned end
                          // (or the earliest completion when no end is planned)
  int Total() const { return errors + overdue + warnings + certificates + delmal + time; }
};

struct TraineeStatus {
  std::string id;
  std::string name;       // "Given Family"
  std::string sort_name;  // "Family Given"
  std::string regulation;
  std::string kind;       // BT, ST, BT+ST
  std::string specialty;
  std::optional<Date> start;  // the programme's first day
  double served_months = 0;   // net full-time months as of the date
  double credited_months = 0;
  double required_months = 0;  // the minimum after credits
  bool time_met = false;
  std::optional<Date> earliest_completion;
  std::optional<Date> planned_end;
  BtSummary bt;
  std::vector<std::string> missing_certificates;  // Swedish, e.g. "Kurs Ledarskap: kursledare saknas"
  std::vector<std::string> uncovered_delmal;      // codes, in målbeskrivning order
  std::vector<std::string> not_ready;             // why the BT/ST application is held back
  std::vector<Deadline> open_deadlines;           // open or overdue, by due date
  int errors = 0;
  int warnings = 0;
  RiskParts risk_parts;
  int risk = 0;
};

// One status per trainee in `file`, sorted by risk. `diagnostics` holds the reader's and the
// rules' findings (CheckTrainee run with today = as_of); they are counted per trainee.
std::vector<TraineeStatus> ComputeStatus(const RecordsFile& file, const Profile& profile,
                                         const Date& as_of, const Diagnostics& diagnostics);
// The status of one trainee from the facts already computed (as of facts.as_of); `diagnostics`
// as for ComputeStatus.
TraineeStatus SummarizeTrainee(const RecordsFile& file, const Trainee& trainee, const Profile& profile,
                               const TraineeFacts& facts, const Diagnostics& diagnostics);
// Highest risk first, then Swedish order of family and given name, then id.
void SortByRisk(std::vector<TraineeStatus>* statuses);

// Aligned columns and a detail block per trainee; Swedish labels, ISO dates, decimal comma.
std::string FormatStatusText(const std::vector<TraineeStatus>& trainees, const Date& as_of,
                             const std::string& region_name);
std::string FormatStatusJson(const std::vector<TraineeStatus>& trainees, const Date& as_of);

// The whole job, for the CLI: read the records, check them as of the date, compute the status.
struct StatusOptions {
  std::string input;
  std::string templates_dir;  // for the region profile
  std::vector<std::string> trainee_ids;  // empty: all
  Date as_of;
};

struct StatusReport {
  std::vector<TraineeStatus> trainees;
  Diagnostics diagnostics;  // file-level findings (the per-trainee ones are counted in trainees)
  std::string region_name;
  Date as_of;
  bool io_error = false;
};

StatusReport RunStatus(const StatusOptions& options, FileSystem* fs);
// 2 I/O, 1 when the file itself has errors (no trainee could be read reliably), else 0.
int StatusExitCode(const StatusReport& report);

}  // namespace stdok
