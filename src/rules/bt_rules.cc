#include "rules/bt_rules.h"

#include <set>
#include <vector>

#include "rules/regulation.h"
#include "rules/rule_context.h"
#include "rules/service_time.h"
#include "rules/trainee_facts.h"

namespace stdok {
namespace {

constexpr double kBtMinimum = 6;
constexpr double kBtNorm = 12;
constexpr double kPartMinimum = 3;  // primärvård and akut sjukvård each
constexpr int kMaxPlaces = 4;
constexpr int kWithinStMonths = 24;

std::string PlacementKind(const RecordsFile& file, const Placement& pl) {
  if (!pl.kind.empty()) return pl.kind;
  auto it = file.units.find(pl.unit_id);
  return it == file.units.end() ? "" : it->second.kind;
}

bool MatchesKind(const std::string& kind, const std::string& wanted) {
  if (SameText(wanted, "primärvård") || SameText(wanted, "allmänmedicin")) return IsPrimarvard(kind);
  if (SameText(wanted, "akut sjukvård") || SameText(wanted, "akut")) return IsAkut(kind);
  return ContainsText(kind, wanted);
}

}  // namespace

bool IsBtPlacement(const Trainee& trainee, const Placement& placement) {
  return placement.is_bt || trainee.programme.kind == "BT";
}

bool IsPrimarvard(const std::string& kind) {
  return ContainsText(kind, "primärvård") || ContainsText(kind, "allmänmedicin");
}

bool IsAkut(const std::string& kind) { return ContainsText(kind, "akut"); }

BtSummary SummarizeBt(const RecordsFile& file, const Trainee& t, const Profile& profile,
                      const Date& as_of) {
  BtSummary summary;
  const std::string regulation = EffectiveRegulation(t);
  summary.certificate_date = t.education.bt_certificate_date;
  if (regulation != kHslf2021) return summary;  // kNotApplicable: no BT under SOSFS 2015:8
  std::vector<RatedPeriod> all, primarvard, akut;
  std::map<std::string, std::vector<RatedPeriod>> extra;
  const std::vector<std::string> extra_kinds = SplitList(profile.Get("bt-extra-kinds"));
  std::set<std::string> places;
  bool open = false;
  for (const Placement& pl : t.placements) {
    if (!IsBtPlacement(t, pl) || !pl.period.start) continue;
    const Date first = *pl.period.start;
    const Date last = pl.period.end.value_or(first);
    if (!pl.period.end || as_of < last) open = true;
    const RatedPeriod period{first, last, pl.rate};
    all.push_back(period);
    const std::string kind = PlacementKind(file, pl);
    if (IsPrimarvard(kind)) primarvard.push_back(period);
    if (IsAkut(kind)) akut.push_back(period);
    for (const std::string& k : extra_kinds)
      if (MatchesKind(kind, k)) extra[k].push_back(period);
    places.insert(!pl.unit_id.empty() ? pl.unit_id : "name:" + LowerText(pl.unit_name));
    if (!summary.first_day || first < *summary.first_day) summary.first_day = first;
    if (!summary.last_day || *summary.last_day < last) summary.last_day = last;
  }
  std::vector<RatedPeriod> absences;
  for (const Absence& a : t.absences)
    if (AbsenceExtendsTraining(a.kind) && a.period.start && a.period.end)
      absences.push_back({*a.period.start, *a.period.end, a.rate});
  summary.months = NetFullTimeMonths(all, absences);
  summary.primarvard_months = NetFullTimeMonths(primarvard, {});
  summary.akut_months = NetFullTimeMonths(akut, {});
  for (const std::string& k : extra_kinds) summary.extra_months[k] = NetFullTimeMonths(extra[k], {});
  summary.places = static_cast<int>(places.size());
  if (summary.certificate_date) summary.state = BtState::kCertified;
  else if (all.empty()) summary.state = BtState::kNotPlanned;
  else summary.state = open ? BtState::kPlanned : BtState::kServed;
  return summary;
}

void CheckBt(const RuleContext& c) {
  const Trainee& t = c.trainee();
  const Programme& p = t.programme;
  const BtSummary& bt = c.facts().bt;
  if (bt.state == BtState::kNotApplicable || bt.state == BtState::kCertified) return;
  if (bt.state == BtState::kNotPlanned) {
    // An ST without BT is reported by regulation.bt-missing.
    if (ProgrammeHasBt(p))
      c.Add(Severity::kWarning, p.where, "programme/@kind", "bt.not-planned",
          "the programme includes BT, but no BT placement is recorded (placement bt=\"yes\")",
          sources::kBtContent);
    return;
  }
  // While BT placements are still running or planned, a shortfall is a warning about the plan;
  // once every recorded BT placement has ended it is an error.
  const Severity shortfall = bt.state == BtState::kServed ? Severity::kError : Severity::kWarning;
  const std::string so_far = bt.state == BtState::kServed ? "" : " as planned so far";
  if (bt.months + 1e-9 < kBtMinimum)
    c.Add(shortfall, p.where, "placement/@bt", "bt.too-short",
          "BT is " + FormatMonths(bt.months) + " full-time months" + so_far +
              " (absences subtracted); it must be at least 6 months",
          sources::kMinimumTime);
  else if (bt.months + 1e-9 < kBtNorm)
    c.Add(Severity::kInfo, p.where, "placement/@bt", "bt.shorter-than-norm",
          "BT is " + FormatMonths(bt.months) + " full-time months" + so_far +
              "; 12 months is the norm",
          sources::kBtContent);
  if (bt.primarvard_months + 1e-9 < kPartMinimum)
    c.Add(shortfall, p.where, "placement/@kind", "bt.primarvard-short",
          "BT has " + FormatMonths(bt.primarvard_months) + " months in primärvård" + so_far +
              "; at least 3 are required",
          sources::kBtContent);
  if (bt.akut_months + 1e-9 < kPartMinimum)
    c.Add(shortfall, p.where, "placement/@kind", "bt.akut-short",
          "BT has " + FormatMonths(bt.akut_months) + " months in akut sjukvård" + so_far +
              "; at least 3 are required",
          sources::kBtContent);
  if (bt.places > kMaxPlaces)
    c.Add(Severity::kWarning, p.where, "placement/@unit", "bt.too-many-places",
          "BT is spread over " + std::to_string(bt.places) +
              " places of service; it should not be more than four",
          sources::kBtAdvice);
  if (p.kind == "BT+ST" && bt.last_day) {
    if (std::optional<Date> first = ProgrammeFirstDay(p)) {
      const Date by = AddDays(AddMonths(*first, kWithinStMonths), -1);
      if (by < *bt.last_day)
        c.Add(Severity::kWarning, p.where, "placement/@end", "bt.late-in-st",
              "the last BT placement ends " + FormatIso(*bt.last_day) +
                  "; a BT inside ST should be planned so that it can be applied for within the "
                  "first two years (by " + FormatIso(by) + ")",
              sources::kBtAdvice);
    }
  }
  for (const auto& [kind, months] : bt.extra_months)
    if (months <= 0)
      c.Add(Severity::kWarning, p.where, "placement/@kind", "bt.extra-kind-missing",
            "the region's BT includes a placement in " + kind + ", but none is recorded",
            c.RegionSource());
}

}  // namespace stdok
