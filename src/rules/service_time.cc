#include "rules/service_time.h"

#include <algorithm>
#include <cmath>

#include "rules/regulation.h"
#include "rules/rule_context.h"
#include "rules/trainee_facts.h"

namespace stdok {

double FullTimeMonths(const Date& first, const Date& last, double rate) {
  if (last < first) return 0;
  return CalendarMonthsInclusive(first, last) * rate / 100.0;
}

bool AbsenceExtendsTraining(const std::string& kind) {
  return kind == "föräldraledighet" || kind == "sjukfrånvaro" || kind == "tjänstledighet";
}

double RequiredMonths(const std::string& regulation, const std::string& programme_kind) {
  if (programme_kind == "BT") return 6;
  return regulation == kSosfs2015 ? 60 : 66;
}

double NetFullTimeMonths(const std::vector<RatedPeriod>& service,
                         const std::vector<RatedPeriod>& absences, std::optional<Date> until) {
  auto clip = [&](const std::vector<RatedPeriod>& in) {
    std::vector<RatedPeriod> out;
    for (RatedPeriod p : in) {
      if (until && *until < p.last) p.last = *until;
      if (p.last < p.first || p.rate <= 0) continue;
      out.push_back(p);
    }
    return out;
  };
  const std::vector<RatedPeriod> s = clip(service), a = clip(absences);
  std::vector<Date> points;
  for (const auto& p : s) {
    points.push_back(p.first);
    points.push_back(AddDays(p.last, 1));
  }
  for (const auto& p : a) {
    points.push_back(p.first);
    points.push_back(AddDays(p.last, 1));
  }
  std::sort(points.begin(), points.end());
  points.erase(std::unique(points.begin(), points.end()), points.end());

  double total = 0;
  std::optional<Date> run_first;
  Date run_last;
  double run_rate = 0;
  auto close_run = [&] {
    if (run_first && run_rate > 0) total += FullTimeMonths(*run_first, run_last, run_rate);
    run_first.reset();
  };
  for (size_t i = 0; i + 1 < points.size(); ++i) {
    const Date first = points[i];
    const Date last = AddDays(points[i + 1], -1);
    double served = 0, absent = 0;
    for (const auto& p : s)
      if (p.first <= first && first <= p.last) served += p.rate;
    for (const auto& p : a)
      if (p.first <= first && first <= p.last) absent += p.rate;
    const double net = std::max(0.0, std::min(100.0, served) - absent);
    if (run_first && std::fabs(net - run_rate) < 1e-9) {
      run_last = last;
      continue;
    }
    close_run();
    run_first = first;
    run_last = last;
    run_rate = net;
  }
  close_run();
  return total;
}

std::optional<Date> FirstLicenceDate(const Trainee& trainee) {
  std::optional<Date> first;
  for (const Licence& l : trainee.education.licences)
    if (l.date && (!first || *l.date < *first)) first = l.date;
  return first;
}

bool PriorServiceCounts(const Trainee& trainee, const PriorService& prior) {
  if (prior.before_licence) return false;
  std::optional<Date> licence = FirstLicenceDate(trainee);
  return !(licence && prior.period.end && *prior.period.end < *licence);
}

double PriorServiceCredit(const Trainee& trainee) {
  double months = 0;
  for (const PriorService& prior : trainee.credits.prior_service) {
    if (!PriorServiceCounts(trainee, prior)) continue;
    if (prior.months > 0) months += prior.months;
    else if (prior.period.start && prior.period.end)
      months += FullTimeMonths(*prior.period.start, *prior.period.end, prior.rate);
  }
  return months;
}

double DoctorateCredit(const Trainee& trainee) {
  return trainee.credits.swedish_doctorate && trainee.programme.kind != "BT" ? 6 : 0;
}

std::vector<RatedPeriod> ExtendingAbsences(const Trainee& trainee) {
  std::vector<RatedPeriod> out;
  for (const Absence& a : trainee.absences)
    if (AbsenceExtendsTraining(a.kind) && a.period.start && a.period.end)
      out.push_back({*a.period.start, *a.period.end, a.rate});
  return out;
}

std::vector<RatedPeriod> NetServiceParts(const RatedPeriod& period, const std::vector<RatedPeriod>& absences) {
  const int64_t first = DaysFromCivil(period.first), last = DaysFromCivil(period.last);
  std::vector<int64_t> cuts{first, last + 1};
  for (const RatedPeriod& a : absences) {
    int64_t from = std::max(first, DaysFromCivil(a.first)), to = std::min(last, DaysFromCivil(a.last));
    if (from > to) continue;
    cuts.push_back(from);
    cuts.push_back(to + 1);
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  std::vector<RatedPeriod> parts;
  for (size_t i = 0; i + 1 < cuts.size(); ++i) {
    int64_t from = cuts[i], to = cuts[i + 1] - 1;
    double rate = period.rate;
    for (const RatedPeriod& a : absences)
      if (DaysFromCivil(a.first) <= from && DaysFromCivil(a.last) >= to) rate -= a.rate;
    rate = std::max(0.0, rate);
    if (rate <= 0) continue;
    if (!parts.empty() && parts.back().rate == rate && DaysFromCivil(parts.back().last) + 1 == from)
      parts.back().last = CivilFromDays(to);
    else
      parts.push_back({CivilFromDays(from), CivilFromDays(to), rate});
  }
  return parts;
}

namespace {

double ProgrammeRate(const Programme& p) { return p.rate > 0 ? p.rate : 100; }

// BT placements served before an ST's start (HSLF-FS 2021:8: BT counts toward the 5.5 years).
double BtBeforeStart(const Trainee& t, const std::string& regulation) {
  const Programme& p = t.programme;
  if (regulation != kHslf2021 || p.kind != "ST" || !p.start) return 0;
  std::vector<RatedPeriod> bt;
  for (const Placement& pl : t.placements)
    if (pl.is_bt && pl.period.start && pl.period.end && *pl.period.start < *p.start)
      bt.push_back({*pl.period.start, *pl.period.end, pl.rate});
  return NetFullTimeMonths(bt, ExtendingAbsences(t), AddDays(*p.start, -1));
}

}  // namespace

namespace {

// The service periods of a record (each at its rate, at most the programme's), with open ends
// running to `open_end`.
std::vector<RatedPeriod> RecordedService(const Trainee& trainee, const Date& open_end) {
  const double cap = ProgrammeRate(trainee.programme);
  std::vector<RatedPeriod> service;
  auto add = [&](const DateRange& period, double rate) {
    if (!period.start) return;
    service.push_back({*period.start, period.end.value_or(open_end), std::min(rate, cap)});
  };
  for (const Placement& pl : trainee.placements) add(pl.period, pl.rate);
  for (const SidePlacement& s : trainee.side_placements) add(s.period, s.rate);
  return service;
}

// The day on which `months` full-time months are reached, serving at `rate` from `first`.
Date DayReached(const Date& first, double months, double rate) {
  const double calendar_months = months * 100.0 / rate;
  const int whole = static_cast<int>(std::floor(calendar_months + 1e-9));
  const int days = static_cast<int>(std::lround((calendar_months - whole) * 30));
  return AddDays(AddMonths(first, whole), days - 1);
}

}  // namespace

CompletionEstimate EstimateCompletion(const Trainee& trainee, const std::string& regulation,
                                      const Date& as_of) {
  CompletionEstimate estimate;
  const Programme& p = trainee.programme;
  const std::optional<Date> start = ProgrammeFirstDay(p);
  const double rate = ProgrammeRate(p);

  estimate.credited_months = PriorServiceCredit(trainee) + DoctorateCredit(trainee);
  estimate.bt_before_start_months = BtBeforeStart(trainee, regulation);
  const double minimum_after_credits =
      std::max(0.0, RequiredMonths(regulation, p.kind) - estimate.credited_months);
  estimate.required_months = std::max(0.0, minimum_after_credits - estimate.bt_before_start_months);
  const std::vector<RatedPeriod> absences = ExtendingAbsences(trainee);
  for (const RatedPeriod& a : absences) {
    Date first = a.first;
    if (start && first < *start) first = *start;
    // The absent share cannot exceed the share the trainee works.
    estimate.lost_months += FullTimeMonths(first, a.last, std::min(a.rate, rate));
  }
  if (!start) return estimate;

  // Day runs at one net rate. Up to the as-of date only recorded service counts (the whole
  // programme period when no placement is recorded); after it, recorded service where there is
  // some and the programme's rate on the days between, as if service goes on.
  std::vector<RatedPeriod> service = RecordedService(trainee, as_of);
  const bool from_placements = !service.empty();
  const Date future = std::max(AddDays(as_of, 1), *start);
  std::vector<Date> points{*start, future};
  for (const auto& list : {service, absences})
    for (const RatedPeriod& r : list) {
      points.push_back(r.first);
      points.push_back(AddDays(r.last, 1));
    }
  std::sort(points.begin(), points.end());
  points.erase(std::unique(points.begin(), points.end()), points.end());
  auto net_rate_on = [&](const Date& day) {
    double served = 0, absent = 0;
    bool covered = false;
    for (const RatedPeriod& r : service)
      if (r.first <= day && day <= r.last) served += r.rate, covered = true;
    if (!covered && !(day < *start) && (!from_placements || !(day < future))) served = rate;
    for (const RatedPeriod& a : absences)
      if (a.first <= day && day <= a.last) absent += a.rate;
    return std::max(0.0, std::min(100.0, served) - absent);
  };
  double total = 0;
  const double needed = minimum_after_credits;
  for (size_t i = 0; i < points.size(); ++i) {
    const Date first = points[i];
    const double net = net_rate_on(first);
    if (net <= 0) continue;
    if (i + 1 == points.size()) {  // open-ended: service goes on at this rate
      estimate.earliest_completion = DayReached(first, needed - total, net);
      return estimate;
    }
    const Date last = AddDays(points[i + 1], -1);
    const double months = FullTimeMonths(first, last, net);
    if (total + months + 1e-9 >= needed) {
      estimate.earliest_completion = needed - total <= 1e-9 ? AddDays(first, -1)
                                                            : DayReached(first, needed - total, net);
      return estimate;
    }
    total += months;
  }
  return estimate;
}

ServiceTime ComputeServiceTime(const Trainee& trainee, const std::string& regulation,
                               const Date& as_of) {
  ServiceTime time;
  const Programme& p = trainee.programme;
  const double rate = ProgrammeRate(p);
  std::vector<RatedPeriod> service = RecordedService(trainee, as_of);
  if (service.empty()) {
    time.from_placements = false;
    if (std::optional<Date> first = ProgrammeFirstDay(p))
      service.push_back({*first, p.planned_end.value_or(as_of), rate});
  }
  time.served_months = NetFullTimeMonths(service, ExtendingAbsences(trainee), as_of);
  time.credited_months = PriorServiceCredit(trainee) + DoctorateCredit(trainee);
  time.minimum_months = RequiredMonths(regulation, p.kind);
  time.required_months = std::max(0.0, time.minimum_months - time.credited_months);
  time.met = time.served_months + 1e-9 >= time.required_months;
  return time;
}

void CheckServiceTime(const RuleContext& c) {
  const Trainee& t = c.trainee();
  const Programme& p = t.programme;
  const CompletionEstimate& estimate = c.facts().completion;
  if (p.planned_end && estimate.earliest_completion && *p.planned_end < *estimate.earliest_completion)
    c.Add(Severity::kWarning, p.where, "programme/@planned-end", "time.planned-end-too-early",
          "the planned end " + FormatIso(*p.planned_end) + " is before the earliest completion " +
              FormatIso(*estimate.earliest_completion) + " (" +
              FormatMonths(RequiredMonths(c.regulation(), p.kind)) + " full-time months under " +
              c.regulation() + ", after credits and absences)",
          sources::kMinimumTime);

  const std::optional<Date> licence = FirstLicenceDate(t);
  for (const PriorService& prior : t.credits.prior_service) {
    if (prior.before_licence || !licence || !prior.period.start || !(*prior.period.start < *licence))
      continue;
    const bool counted = PriorServiceCounts(t, prior);
    c.Add(Severity::kWarning, prior.where, "prior-service/@start", "credit.before-licence",
          "prior service " + FormatPeriodText(prior.period) + " starts before the licence (" +
              FormatIso(*licence) + "); only supervised service after licensure is credited" +
              (counted ? ": check that the credited months count only the time after it"
                       : ", so it is not counted"),
          sources::kCredit);
  }
  if (t.credits.foreign_doctorate)
    c.Add(Severity::kInfo, t.where, "doctorate/@country", "credit.foreign-doctorate",
          "a foreign doctorate is not credited automatically: Socialstyrelsen assesses it "
          "(\"Bedömning av utländsk doktorsexamen\")",
          sources::kDoctorate);
  if (t.credits.swedish_doctorate && p.kind == "BT")
    c.Add(Severity::kInfo, t.where, "doctorate", "credit.doctorate-in-bt",
          "a Swedish doctorate shortens ST by 6 months but is never credited in BT", sources::kDoctorate);
  if (c.regulation() == kHslf2021 && p.kind == "ST" && t.education.bt_certificate_date &&
      estimate.bt_before_start_months == 0 && PriorServiceCredit(t) == 0)
    c.Add(Severity::kInfo, p.where, "programme", "time.bt-before-st-unrecorded",
          "the BT done before this ST counts toward the 5.5 years, but no BT placements before "
          "the start nor prior service are recorded: the earliest completion counts 5.5 years "
          "from the ST start",
          sources::kMinimumTime);
}

}  // namespace stdok
