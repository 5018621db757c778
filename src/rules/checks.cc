#include "rules/checks.h"

#include "rules/bt_rules.h"
#include "rules/consistency_rules.h"
#include "rules/deadline_rules.h"
#include "rules/document_rules.h"
#include "rules/people_rules.h"
#include "rules/regulation.h"
#include "rules/rule_context.h"
#include "rules/service_time.h"

namespace stdok {

void CheckTrainee(const RecordsFile& file, const Trainee& trainee, const Profile& profile,
                  const Date& today, Diagnostics* diagnostics) {
  CheckTrainee(file, trainee, profile, ComputeTraineeFacts(file, trainee, profile, today), diagnostics);
}

bool StopsTraineeDocuments(const Diagnostic& d) {
  return d.severity == Severity::kError && d.rule.rfind("certificate.", 0) != 0;
}

void CheckTrainee(const RecordsFile& file, const Trainee& trainee, const Profile& profile,
                  const TraineeFacts& facts, Diagnostics* diagnostics) {
  const RuleContext context(file, trainee, profile, facts, diagnostics);
  CheckConsistency(context);
  CheckRegulation(context);
  CheckDelmalCodes(context);
  CheckServiceTime(context);
  CheckBt(context);
  CheckPeople(context);
  CheckDeadlines(context);
  CheckDocuments(context, facts);
}

void CheckDirectorContract(const RecordsFile& file, const DirectorContract& contract,
                           const Date& today, Diagnostics* diagnostics) {
  auto person = [&](const std::string& id, const char* field) {
    if (id.empty() || file.people.count(id)) return;
    diagnostics->push_back({Severity::kError, contract.where, contract.person, field,
                            "records.undefined-person", "'" + id + "' is not a defined <person>", ""});
  };
  person(contract.person, "director-contract/@person");
  person(contract.head_of_unit, "director-contract/@head-of-unit");
  for (const std::string& unit : contract.unit_ids)
    if (!file.units.count(unit))
      diagnostics->push_back({Severity::kError, contract.where, contract.person, "director-contract/@units",
                              "records.undefined-unit", "'" + unit + "' is not a defined <unit>", ""});
  CheckDirectorDeadlines(contract, today, diagnostics);
}

}  // namespace stdok
