// Service time: full-time months from periods and rates, absences, credits, and the earliest
// completion date. Sources: HSLF-FS 2021:8 / SOSFS 2015:8 (minimum lengths), Socialstyrelsen's
// tjänsteförteckning (months on full time), regional guidelines (which absences count).
#pragma once

#include <optional>

#include "core/date.h"
#include "records/model.h"

namespace stdok {

// Full-time months of an inclusive period at `rate` percent: calendar months x rate / 100.
double FullTimeMonths(const Date& first, const Date& last, double rate);

// Whether an absence kind extends the training (parental leave, sick leave, leave of absence)
// or counts as service (vacation, compensatory leave for on-call duty).
bool AbsenceExtendsTraining(const std::string& kind);

// Minimum full-time months: 60 under SOSFS 2015:8, 66 under HSLF-FS 2021:8 (incl. BT);
// a BT-only programme needs 6 (12 is the norm).
double RequiredMonths(const std::string& regulation, const std::string& programme_kind);

struct CompletionEstimate {
  double required_months = 0;  // after credits
  double credited_months = 0;  // prior service + doctorate
  double lost_months = 0;      // full-time months of absences that extend training
  std::optional<Date> earliest_completion;  // last day of the minimum training time
};

// Earliest completion date: from the programme start (BT start when earlier), at the
// programme's employment rate, extended by absences and shortened by credits (a Swedish
// doctorate: 6 months, never for BT).
CompletionEstimate EstimateCompletion(const Trainee& trainee, const std::string& regulation);

}  // namespace stdok
