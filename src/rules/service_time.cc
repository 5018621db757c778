#include "rules/service_time.h"

#include <algorithm>
#include <cmath>

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
  return regulation == "SOSFS 2015:8" ? 60 : 66;
}

CompletionEstimate EstimateCompletion(const Trainee& trainee, const std::string& regulation) {
  CompletionEstimate estimate;
  const Programme& p = trainee.programme;
  std::optional<Date> start = p.start;
  if (p.bt_start && (!start || *p.bt_start < *start)) start = p.bt_start;
  double rate = p.rate > 0 ? p.rate : 100;

  for (const PriorService& prior : trainee.credits.prior_service) estimate.credited_months += prior.months;
  if (trainee.credits.swedish_doctorate && p.kind != "BT") estimate.credited_months += 6;
  estimate.required_months =
      std::max(0.0, RequiredMonths(regulation, p.kind) - estimate.credited_months);

  for (const Absence& a : trainee.absences) {
    if (!AbsenceExtendsTraining(a.kind) || !a.period.start || !a.period.end) continue;
    // Absent share cannot exceed the share the trainee works.
    estimate.lost_months += FullTimeMonths(*a.period.start, *a.period.end, std::min(a.rate, rate));
  }
  if (!start) return estimate;
  double calendar_months = (estimate.required_months + estimate.lost_months) * 100.0 / rate;
  int whole = static_cast<int>(std::floor(calendar_months + 1e-9));
  int days = static_cast<int>(std::lround((calendar_months - whole) * 30));
  estimate.earliest_completion = AddDays(AddMonths(*start, whole), days - 1);
  return estimate;
}

}  // namespace stdok
