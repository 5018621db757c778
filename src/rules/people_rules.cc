#include "rules/people_rules.h"

#include <set>
#include <string>
#include <vector>

#include "rules/bt_rules.h"
#include "rules/rule_context.h"

namespace stdok {
namespace {

bool IsStTrainee(const Person& p) { return ContainsText(p.title, "ST-läkare"); }
bool IsSpecialist(const Person& p) { return !p.specialty.empty(); }

// A supervisor of the trainee and the place in the record that names them.
struct SupervisorRef {
  std::string id;
  SourceLocation where;
  std::string field;
  std::string what;  // "huvudhandledare", "handledare for <unit> <period>"
  bool bt = false;   // supervises BT (a specialist or an ST-läkare may do it)
};

std::vector<SupervisorRef> Supervisors(const RuleContext& c) {
  const Trainee& t = c.trainee();
  std::vector<SupervisorRef> out;
  for (const Placement& pl : t.placements)
    if (!pl.supervisor.empty())
      out.push_back({pl.supervisor, pl.where, "placement/@supervisor",
                     "handledare for " + c.UnitLabel(pl.unit_id, pl.unit_name) + " " +
                         FormatPeriodText(pl.period),
                     IsBtPlacement(t, pl)});
  for (const SidePlacement& s : t.side_placements)
    if (!s.supervisor.empty())
      out.push_back({s.supervisor, s.where, "side-placement/@supervisor",
                     "handledare for the side placement at " + c.UnitLabel(s.unit_id, s.unit_name),
                     t.programme.kind == "BT"});
  for (const Auskultation& a : t.auskultationer)
    if (!a.supervisor.empty())
      out.push_back({a.supervisor, a.where, "auskultation/@supervisor",
                     "handledare for the auskultation at " + c.UnitLabel(a.unit_id, a.unit_name),
                     t.programme.kind == "BT"});
  return out;
}

void CheckMainSupervisor(const RuleContext& c) {
  const Trainee& t = c.trainee();
  const Programme& p = t.programme;
  const Roles& r = t.roles;
  if (r.main_supervisor.empty()) {
    if (!p.kind.empty())
      c.Add(Severity::kWarning, r.where.line ? r.where : t.where, "roles/@huvudhandledare",
            "people.huvudhandledare-missing", "no huvudhandledare is named", sources::kSupervisor);
    return;
  }
  const Person* main = c.FindPerson(r.main_supervisor);
  if (main == nullptr) return;  // records.undefined-person
  const std::string who = c.PersonLabel(r.main_supervisor);
  if (ProgrammeHasSt(p)) {
    if (!IsSpecialist(*main) || !SameText(main->specialty, p.specialty))
      c.Add(Severity::kWarning, r.where, "roles/@huvudhandledare", "people.huvudhandledare-not-specialist",
            "the huvudhandledare " + who + " is " +
                (IsSpecialist(*main) ? "a specialist in " + main->specialty + ", not in "
                                     : std::string("not a specialist in ")) +
                p.specialty,
            sources::kSupervisor);
  } else if (p.kind == "BT" && c.Enabled(regional_rules::kBtMainSupervisor)) {
    if (!IsSpecialist(*main) && !IsStTrainee(*main))
      c.Add(Severity::kWarning, r.where, "roles/@huvudhandledare", "people.bt-huvudhandledare-not-qualified",
            "the BT huvudhandledare " + who + " is neither a specialist nor an ST-läkare",
            sources::kBtSupervisor);
  }
  if (std::optional<int> year = ProfileInt(c.profile(), profile_keys::kTrainingAfter);
      year && main->supervisor_training_year && *main->supervisor_training_year < *year)
    c.Add(Severity::kWarning, r.where, "roles/@huvudhandledare", "people.supervisor-training-too-early",
          "the huvudhandledare " + who + " took handledarutbildning in " +
              std::to_string(*main->supervisor_training_year) + "; the region asks for " +
              std::to_string(*year) + " or later",
          c.RegionSource());
}

void CheckTraining(const RuleContext& c, const std::vector<SupervisorRef>& refs) {
  std::set<std::string> seen;
  const std::optional<int> refresh = ProfileInt(c.profile(), profile_keys::kRefreshYears);
  for (const SupervisorRef& ref : refs) {
    if (!seen.insert(ref.id).second) continue;
    const Person* person = c.FindPerson(ref.id);
    if (person == nullptr) continue;
    const std::string who = c.PersonLabel(ref.id);
    if (!person->supervisor_training_year) {
      c.Add(Severity::kWarning, ref.where, ref.field, "people.supervisor-training-missing",
            "no handledarutbildning is recorded for " + who + " (" + ref.what +
                "); a supervisor must have one",
            sources::kSupervisor);
      continue;
    }
    const int age = c.today().year - *person->supervisor_training_year;
    if (refresh && age > *refresh)
      c.Add(Severity::kWarning, ref.where, ref.field, "people.supervisor-training-old",
            "the handledarutbildning of " + who + " (" + ref.what + ") is from " +
                std::to_string(*person->supervisor_training_year) + ", " + std::to_string(age) +
                " years ago; the region asks for a refresh every " + std::to_string(*refresh) +
                " years",
            c.RegionSource());
  }
}

void CheckQualification(const RuleContext& c, const std::vector<SupervisorRef>& refs) {
  std::set<std::string> seen;
  for (const SupervisorRef& ref : refs) {
    if (ref.what == "huvudhandledare") continue;
    const Person* person = c.FindPerson(ref.id);
    if (person == nullptr || IsSpecialist(*person)) continue;
    if (ref.bt && IsStTrainee(*person)) continue;
    if (!seen.insert(ref.id).second) continue;
    c.Add(Severity::kWarning, ref.where, ref.field, "people.supervisor-not-qualified",
          c.PersonLabel(ref.id) + " (" + ref.what + ") is not a specialist" +
              (ref.bt ? " nor an ST-läkare" : ""),
          ref.bt ? sources::kBtSupervisor : sources::kSupervisor);
  }
}

void CheckHeadOfUnit(const RuleContext& c, const std::vector<SupervisorRef>& refs) {
  const std::string& head = c.trainee().roles.head_of_unit;
  if (head.empty() || !c.Enabled(regional_rules::kHeadOfUnitSupervises)) return;
  for (const SupervisorRef& ref : refs) {
    if (ref.id != head) continue;
    c.Add(Severity::kWarning, ref.where, ref.field, "people.head-of-unit-supervises",
          "the verksamhetschef " + c.PersonLabel(head) + " is also " + ref.what +
              " (conflict of interest)",
          sources::kConflict);
    return;
  }
}

// Whether two periods share a day; a missing end is open (ongoing), a missing start never
// overlaps anything.
bool Overlap(const DateRange& a, const DateRange& b) {
  if (!a.start || !b.start) return false;
  return (!b.end || *a.start <= *b.end) && (!a.end || *b.start <= *a.end);
}

std::string ServiceText(const DateRange& period) {
  return FormatIso(*period.start) + " – " + (period.end ? FormatIso(*period.end) : std::string("ongoing"));
}

void CheckAssessor(const RuleContext& c, const std::vector<SupervisorRef>& refs) {
  const Trainee& t = c.trainee();
  const Roles& r = t.roles;
  if (r.external_assessor.empty()) return;
  const std::string who = c.PersonLabel(r.external_assessor);
  if (c.Enabled(regional_rules::kAssessorIsSupervisor)) {
    for (const SupervisorRef& ref : refs) {
      if (ref.id != r.external_assessor) continue;
      c.Add(Severity::kWarning, r.where, "roles/@extern-bedomare", "people.assessor-is-supervisor",
            "the extern bedömare " + who + " is also " + ref.what +
                "; an extern bedömare must not have been responsible for the BT",
            sources::kAssessor);
      break;
    }
    if (r.external_assessor == r.bt_manager)
      c.Add(Severity::kWarning, r.where, "roles/@extern-bedomare", "people.assessor-is-supervisor",
            "the extern bedömare " + who + " is also the BT-chef; an extern bedömare must not have "
            "been responsible for the BT",
            sources::kAssessor);
  }

  const Person* assessor = c.FindPerson(r.external_assessor);
  if (assessor == nullptr) return;
  if (!assessor->service.empty()) {
    // Recorded periods of service: an overlap with a BT placement at the same unit is proven.
    if (!c.Enabled(regional_rules::kAssessorServedDuringBt)) return;
    for (const Placement& pl : t.placements) {
      if (!IsBtPlacement(t, pl)) continue;
      for (const ServicePeriod& service : assessor->service) {
        if (service.unit_id != pl.unit_id || !Overlap(service.period, pl.period)) continue;
        c.Add(Severity::kError, r.where, "roles/@extern-bedomare", "people.assessor-served-during-bt",
              "the extern bedömare " + who + " served at " + c.UnitLabel(pl.unit_id, pl.unit_name) +
                  " " + ServiceText(service.period) + " (line " + std::to_string(service.where.line) +
                  "), while the trainee served there during BT (" + FormatPeriodText(pl.period) +
                  "); an extern bedömare must not have served at the same unit during the same time",
              sources::kAssessor);
        break;  // one finding per BT placement
      }
    }
    return;
  }
  if (assessor->unit_id.empty() || !c.Enabled(regional_rules::kAssessorSameUnit)) return;
  // Only a workplace is recorded, no periods of service: the assessor is taken to have served
  // at that unit throughout the trainee's BT.
  for (const Placement& pl : t.placements) {
    if (!IsBtPlacement(t, pl) || pl.unit_id != assessor->unit_id) continue;
    c.Add(Severity::kWarning, r.where, "roles/@extern-bedomare", "people.assessor-same-unit",
          "the extern bedömare " + who + " works at " + c.UnitLabel(pl.unit_id, pl.unit_name) +
              ", where the trainee served during BT (" + FormatPeriodText(pl.period) +
              "); an extern bedömare must not have served at the same unit during the same time "
              "(record the assessor's <service> periods to settle it)",
          sources::kAssessor);
    return;
  }
}

}  // namespace

void CheckPeople(const RuleContext& c) {
  std::vector<SupervisorRef> refs;
  const Roles& r = c.trainee().roles;
  if (!r.main_supervisor.empty())
    refs.push_back({r.main_supervisor, r.where, "roles/@huvudhandledare", "huvudhandledare",
                    c.trainee().programme.kind == "BT"});
  for (SupervisorRef& ref : Supervisors(c)) refs.push_back(std::move(ref));
  CheckMainSupervisor(c);
  CheckQualification(c, refs);
  CheckTraining(c, refs);
  CheckHeadOfUnit(c, refs);
  CheckAssessor(c, refs);
}

}  // namespace stdok
