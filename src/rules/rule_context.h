// Shared plumbing of the rule files: where findings go, how people and periods are named in
// messages (never with a personnummer), the sources the rules cite, and the region profile's
// rule keys. docs/rules.md lists every rule id.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "records/profile.h"
#include "records/model.h"

namespace stdok {

// Sources cited in Diagnostic::source. Region rules cite the profile's "guideline" instead.
namespace sources {
inline constexpr const char* kTransition = "SFS 2020:1098, övergångsbestämmelser p. 2–3";
inline constexpr const char* kMinimumTime = "Patientsäkerhetsförordningen (SFS 2010:1369) 4 kap. 1 §";
inline constexpr const char* kBtContent = "HSLF-FS 2021:8 (bastjänstgöring)";
inline constexpr const char* kBtAdvice = "HSLF-FS 2021:8, allmänna råd (bastjänstgöring)";
inline constexpr const char* kDoctorate = "SOSFS 2015:8 6 kap. 2 §; HSLF-FS 2021:8 7 kap. 4 §";
inline constexpr const char* kCredit = "SOSFS 2015:8 6 kap. 1 §; HSLF-FS 2021:8 7 kap. 3 §";
inline constexpr const char* kAbsence =
    "Region Västernorrland, ST-utbildning (semester och jourkompensation räknas, inte "
    "föräldraledighet, sjukfrånvaro eller tjänstledighet)";
inline constexpr const char* kSupervisor =
    "SOSFS 2015:8 / HSLF-FS 2021:8 (handledare: specialistkompetens i specialiteten och "
    "handledarutbildning)";
inline constexpr const char* kBtSupervisor =
    "Region Örebro län, Riktlinjer för BT och ST; Region Kalmar län (huvudhandledare under BT)";
inline constexpr const char* kConflict = "Region Jönköpings län, ST-koncept 2022 (jäv i handledarrollen)";
inline constexpr const char* kAssessor =
    "Region Örebro län, Riktlinjer för BT och ST (extern bedömare); Region Kalmar län";
inline constexpr const char* kStContract = "Region Jönköpings län, ST-koncept 2022 (ST-kontrakt)";
inline constexpr const char* kIup = "Region Jönköpings län, ST-koncept 2022 (individuellt utbildningsprogram)";
inline constexpr const char* kSideContract =
    "Region Västernorrland, ST-utbildning (sidotjänstgöring, bilaga C)";
inline constexpr const char* kActionPlan = "Region Västernorrland, ST-utbildning (handlingsplan, bilaga F)";
inline constexpr const char* kDirectorContract =
    "Region Västernorrland, ST-utbildning (studierektorskontrakt, bilaga E)";
inline constexpr const char* kDelmal2021 = "HSLF-FS 2021:8, målbeskrivningar 2021";
inline constexpr const char* kDelmal2015 = "SOSFS 2015:8, målbeskrivningar 2015";
}  // namespace sources

// Region profile keys the rules read (templates/profiles/*.xml).
namespace profile_keys {
inline constexpr const char* kGuideline = "guideline";
inline constexpr const char* kRefreshYears = "supervisor-training-refresh-years";
inline constexpr const char* kTrainingAfter = "supervisor-training-after";
inline constexpr const char* kBtExtraKinds = "bt-extra-kinds";
inline constexpr const char* kStContractMonths = "deadline-st-contract-months";
inline constexpr const char* kIupBtMonths = "deadline-iup-bt-months";
inline constexpr const char* kIupStMonths = "deadline-iup-st-months";
inline constexpr const char* kFollowUpMonths = "deadline-action-plan-follow-up-months";
// Which regional rules apply: a comma- or semicolon-separated list of ids from regional_rules.
inline constexpr const char* kRegionalRules = "regional-rules";
}  // namespace profile_keys

// Rules that come from one region's guideline, not from a regulation. Each applies only where
// the region profile lists its id under "regional-rules" (docs/rules.md, Region profiles); a
// deadline's id is its stem and covers both "-late" and "-overdue".
namespace regional_rules {
inline constexpr const char* kHeadOfUnitSupervises = "people.head-of-unit-supervises";    // Jönköping
inline constexpr const char* kBtMainSupervisor = "people.bt-huvudhandledare-not-qualified";  // Örebro, Kalmar
inline constexpr const char* kAssessorIsSupervisor = "people.assessor-is-supervisor";    // Örebro, Kalmar
inline constexpr const char* kAssessorSameUnit = "people.assessor-same-unit";            // Örebro, Kalmar
inline constexpr const char* kAssessorServedDuringBt = "people.assessor-served-during-bt";  // Örebro, Kalmar
inline constexpr const char* kStContract = "deadline.st-kontrakt";                     // Jönköping
inline constexpr const char* kIup = "deadline.iup";                                    // Jönköping
inline constexpr const char* kSideContract = "deadline.side-contract";                 // Västernorrland
inline constexpr const char* kActionPlanFollowUp = "deadline.action-plan-follow-up";   // Västernorrland
// Every id above, in this order.
const std::vector<std::string>& All();
}  // namespace regional_rules

// Whether the profile's "regional-rules" lists `rule` (one of regional_rules::k…).
bool RegionalRuleEnabled(const Profile& profile, const std::string& rule);

struct TraineeFacts;

// One trainee being checked: the inputs every rule file needs and the sink for findings.
class RuleContext {
 public:
  RuleContext(const RecordsFile& file, const Trainee& trainee, const Profile& profile,
              const Date& today, Diagnostics* out);
  // With the trainee's facts as of `today` (ComputeTraineeFacts), which the rules read
  // instead of computing service time, completion or BT state again.
  RuleContext(const RecordsFile& file, const Trainee& trainee, const Profile& profile,
              const TraineeFacts& facts, Diagnostics* out);

  // REQUIRES: constructed with the facts.
  const TraineeFacts& facts() const { return *facts_; }
  const RecordsFile& file() const { return file_; }
  const Trainee& trainee() const { return trainee_; }
  const Profile& profile() const { return profile_; }
  const Date& today() const { return today_; }
  const std::string& regulation() const { return regulation_; }
  Diagnostics* out() const { return out_; }
  // RegionalRuleEnabled for this trainee's region profile.
  bool Enabled(const std::string& regional_rule) const {
    return RegionalRuleEnabled(profile_, regional_rule);
  }

  void Add(Severity severity, const SourceLocation& where, const std::string& field,
           const std::string& rule, const std::string& message, const std::string& source) const;

  // The region's guideline as a source ("guideline" key, else the profile's name).
  std::string RegionSource() const;
  // A person as messages name them: "Anna Lind (anna)", or "'x'" when not defined.
  std::string PersonLabel(const std::string& id) const;
  const Person* FindPerson(const std::string& id) const;
  std::string UnitLabel(const std::string& unit_id, const std::string& unit_name) const;
  // The unit's kind (Unit::kind) or "".
  std::string UnitKind(const std::string& unit_id) const;

 private:
  const RecordsFile& file_;
  const Trainee& trainee_;
  const Profile& profile_;
  Date today_;
  std::string regulation_;
  const TraineeFacts* facts_ = nullptr;
  Diagnostics* out_;
};

// Text helpers shared by the rule files.
std::string LowerText(const std::string& text);  // Unicode lower case (ICU), NFC kept
bool ContainsText(const std::string& haystack, const std::string& needle);  // case-insensitive
bool SameText(const std::string& a, const std::string& b);  // trimmed, case-insensitive
// Comma- or semicolon-separated list ("psykiatri, barn- och ungdomspsykiatri").
std::vector<std::string> SplitList(const std::string& text);
// An integer profile value; nullopt when missing or not a number.
std::optional<int> ProfileInt(const Profile& profile, const std::string& key);
std::string FormatPeriodText(const DateRange& period);  // "2024-09-01 – 2025-02-28"
std::string FormatMonths(double months);                // "5.5" (one decimal, '.', for messages)
std::string FormatRate(double percent);                 // "100 %", "62.5 %"

// The first day of the programme: the earlier of programme start and BT start.
std::optional<Date> ProgrammeFirstDay(const Programme& programme);
// Whether the programme includes a BT (kind BT or BT+ST).
bool ProgrammeHasBt(const Programme& programme);
// Whether the programme includes an ST (kind ST or BT+ST).
bool ProgrammeHasSt(const Programme& programme);

}  // namespace stdok
