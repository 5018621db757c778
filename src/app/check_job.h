// `stdok check`: diagnostics only, no PDFs; text for people, JSON for scripts.
#pragma once

#include <string>
#include <vector>

#include "app/records_input.h"
#include "core/date.h"
#include "core/status.h"
#include "output/file_system.h"
#include "rules/trainee_facts.h"

namespace stdok {

struct CheckOptions {
  std::string input;
  std::string templates_dir;  // for the region profile
  std::vector<std::string> trainee_ids;
  Date today;
};

struct CheckReport {
  Diagnostics diagnostics;  // sorted: file-level first, then by trainee (Swedish order of name), errors first
  std::vector<std::pair<std::string, std::string>> trainees;  // id, name, in report order
  bool io_error = false;
};

CheckReport RunCheck(const CheckOptions& options, FileSystem* fs);
// RunCheck over the whole input read first (a workbook always is; a records file otherwise is
// checked trainee by trainee as it is read, and must give this same report).
CheckReport CheckWholeInput(const CheckOptions& options, FileSystem* fs);
// RunCheck's rules and report over records already read (`diagnostics`: the reader's
// findings). When `facts` is given it receives the facts the rules read, parallel to
// input.file.trainees (a trainee left out by options.trainee_ids gets none: as_of unset).
CheckReport CheckRecords(const RecordsInput& input, const CheckOptions& options, Diagnostics diagnostics,
                         std::vector<TraineeFacts>* facts = nullptr);
std::string FormatCheckText(const CheckReport& report);
std::string FormatCheckJson(const CheckReport& report);
// 0 no errors, 1 errors in some record, 2 I/O.
int CheckExitCode(const CheckReport& report);

}  // namespace stdok
