#include "rules/deadline_rules.h"

#include <algorithm>

#include "rules/regulation.h"
#include "rules/rule_context.h"

namespace stdok {
namespace {

constexpr int kReminderDays = 60;  // a renewal talk is mentioned this long before it is due

Deadline Make(const std::string& rule, const std::string& what, const Date& due,
              std::optional<Date> done, const Date& today, const SourceLocation& where,
              const std::string& field, const std::string& source) {
  Deadline d{rule, what, due, done, DeadlineState::kOpen, where, field, source};
  if (done) d.state = *done <= due ? DeadlineState::kMet : DeadlineState::kLate;
  else d.state = today <= due ? DeadlineState::kOpen : DeadlineState::kOverdue;
  return d;
}

// Months from the profile when it sets them; the source is then the region's guideline.
int Months(const Profile& profile, const char* key, int fallback, const char* fallback_source,
           std::string* source) {
  if (std::optional<int> months = ProfileInt(profile, key)) {
    std::string guideline = profile.Get(profile_keys::kGuideline, profile.name);
    *source = guideline.empty() ? fallback_source : guideline;
    return *months;
  }
  *source = fallback_source;
  return fallback;
}

std::string UnitName(const RecordsFile* file, const std::string& id, const std::string& name) {
  if (file != nullptr && !id.empty()) {
    auto it = file->units.find(id);
    if (it != file->units.end()) return it->second.name;
  }
  return id.empty() ? name : id;
}

}  // namespace

std::vector<Deadline> TraineeDeadlines(const RecordsFile& file, const Trainee& t, const Profile& profile,
                                       const Date& today) {
  std::vector<Deadline> out;
  const Programme& p = t.programme;
  const ContractTerms& contract = t.contract;
  std::string source;

  if (ProgrammeHasSt(p) && p.start && RegionalRuleEnabled(profile, regional_rules::kStContract)) {
    int months = Months(profile, profile_keys::kStContractMonths, 6, sources::kStContract, &source);
    out.push_back(Make("deadline.st-kontrakt", "ST-kontrakt", AddMonths(*p.start, months),
                       contract.date, today, contract.where.line ? contract.where : p.where,
                       "contract/@date", source));
  }
  const std::optional<Date> first_day = ProgrammeFirstDay(p);
  if (first_day && RegionalRuleEnabled(profile, regional_rules::kIup)) {
    const bool bt_first = ProgrammeHasBt(p);
    int months = bt_first ? Months(profile, profile_keys::kIupBtMonths, 1, sources::kIup, &source)
                          : Months(profile, profile_keys::kIupStMonths, 6, sources::kIup, &source);
    const Date start = bt_first ? *first_day : p.start.value_or(*first_day);
    out.push_back(Make("deadline.iup", bt_first ? "IUP (BT)" : "IUP", AddMonths(start, months),
                       contract.iup_date, today, contract.where.line ? contract.where : p.where,
                       "contract/@iup-date", source));
  }
  if (p.kind == "BT+ST" && EffectiveRegulation(t) == kHslf2021) {
    if (std::optional<Date> first = ProgrammeFirstDay(p)) {
      Deadline d = Make("deadline.bt-application", "BT klar (intyg om godkänd BT)",
                        AddDays(AddMonths(*first, 24), -1), t.education.bt_certificate_date, today,
                        p.where, "education/@bt-certificate", sources::kBtAdvice);
      // The certificate comes after the application: a late certificate date is no finding.
      if (d.state == DeadlineState::kLate) d.state = DeadlineState::kMet;
      out.push_back(d);
    }
  }
  const bool side_contracts = RegionalRuleEnabled(profile, regional_rules::kSideContract);
  for (const SidePlacement& s : t.side_placements) {
    if (!side_contracts || !s.period.start) continue;
    out.push_back(Make("deadline.side-contract",
                       "Sidotjänstgöringskontrakt " + UnitName(&file, s.unit_id, s.unit_name),
                       AddDays(*s.period.start, -1), s.contract_date, today, s.where,
                       "side-placement/@contract-date", sources::kSideContract));
  }
  const bool follow_ups = RegionalRuleEnabled(profile, regional_rules::kActionPlanFollowUp);
  for (const ActionPlan& plan : t.action_plans) {
    if (!follow_ups || !plan.date) continue;
    int months = Months(profile, profile_keys::kFollowUpMonths, 3, sources::kActionPlan, &source);
    std::optional<Date> first_follow_up;
    for (const Date& d : plan.follow_ups)
      if (!first_follow_up || d < *first_follow_up) first_follow_up = d;
    out.push_back(Make("deadline.action-plan-follow-up",
                       "Handlingsplan " + (plan.id.empty() ? FormatIso(*plan.date) : plan.id) +
                           ": första uppföljning",
                       AddMonths(*plan.date, months), first_follow_up, today, plan.where,
                       "action-plan/follow-up", source));
  }
  return out;
}

std::optional<Deadline> DirectorRenewalDeadline(const DirectorContract& contract, const Date& today) {
  if (!contract.period.end) return std::nullopt;
  const Date due = AddMonths(*contract.period.end, -6);
  return Make("deadline.director-renewal-talk", "Studierektorskontrakt: samtal om förlängning", due,
              std::nullopt, today, contract.where, "director-contract/@end", sources::kDirectorContract);
}

void CheckDeadlines(const RuleContext& c) {
  const std::vector<Deadline> deadlines = TraineeDeadlines(c.file(), c.trainee(), c.profile(), c.today());
  for (const Deadline& d : deadlines) {
    if (d.state == DeadlineState::kLate) {
      c.Add(Severity::kWarning, d.where, d.field, d.rule + "-late",
            d.what + " is dated " + FormatIso(*d.done) + ", after its deadline " + FormatIso(d.due),
            d.source);
    } else if (d.state == DeadlineState::kOverdue) {
      c.Add(Severity::kWarning, d.where, d.field, d.rule + "-overdue",
            d.what + " was due by " + FormatIso(d.due) + " and no date is recorded", d.source);
    }
  }
}

void CheckDirectorDeadlines(const DirectorContract& contract, const Date& today,
                            Diagnostics* diagnostics) {
  std::optional<Deadline> d = DirectorRenewalDeadline(contract, today);
  if (!d || !contract.period.end || *contract.period.end < today) return;
  if (today < AddDays(d->due, -kReminderDays)) return;
  diagnostics->push_back({Severity::kInfo, d->where, contract.person, d->field, d->rule,
                          "the talk about renewing the studierektorskontrakt (ends " +
                              FormatIso(*contract.period.end) + ") is due by " + FormatIso(d->due) +
                              "; the verksamhetschef is responsible",
                          d->source});
}

}  // namespace stdok
