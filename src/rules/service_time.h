// Service time: full-time months from periods and rates, absences, credits, and the earliest
// completion date. Sources: patientsäkerhetsförordningen 4 kap. 1 § (minimum lengths),
// Socialstyrelsen's tjänsteförteckning (months on full time), SOSFS 2015:8 6 kap. and
// HSLF-FS 2021:8 7 kap. (credits), Region Västernorrland (which absences count).
#pragma once

#include <optional>
#include <string>
#include <vector>

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

// A period at a share of full time, e.g. a placement or an absence.
struct RatedPeriod {
  Date first;
  Date last;
  double rate = 100;
};

// Net full-time months of service periods minus absences, up to and including `until`.
// Where service periods overlap their rates add up to at most 100 %; an absence takes away at
// most what is served on its days. Runs of days with the same net rate are measured as one
// calendar period (so back-to-back placements add up exactly: 3 + 3 months = 6.0).
double NetFullTimeMonths(const std::vector<RatedPeriod>& service,
                         const std::vector<RatedPeriod>& absences,
                         std::optional<Date> until = std::nullopt);

// The absences of a record that extend the training (parental leave, sick leave, leave of
// absence), with complete periods.
std::vector<RatedPeriod> ExtendingAbsences(const Trainee& trainee);

// One service period as the tjänsteförteckning lists it: split where absences begin or end,
// each part at its net rate (the period's rate minus the absences on those days, at least 0);
// adjacent parts at the same rate are joined and parts at 0 % are left out. So 2026-03-02 –
// 2026-09-06 at 100 % with 20 % parental leave from 2026-03-02 is one part at 80 %.
std::vector<RatedPeriod> NetServiceParts(const RatedPeriod& period, const std::vector<RatedPeriod>& absences);

// Credited full-time months: prior supervised service after licensure (the stated months, else
// the period at its rate; service before licensure is not credited) and a Swedish doctorate
// (6 months; never for a BT-only programme).
double PriorServiceCredit(const Trainee& trainee);
double DoctorateCredit(const Trainee& trainee);
// Whether one prior service counts as credit (after licensure).
bool PriorServiceCounts(const Trainee& trainee, const PriorService& prior);
// The first licence date (legitimation), if any.
std::optional<Date> FirstLicenceDate(const Trainee& trainee);

struct CompletionEstimate {
  double required_months = 0;  // after credits and BT served before the ST start
  double credited_months = 0;  // prior service + doctorate
  double lost_months = 0;      // full-time months of absences that extend training
  double bt_before_start_months = 0;  // BT placements before an ST start (HSLF-FS 2021:8)
  std::optional<Date> earliest_completion;  // last day of the minimum training time
};

// Earliest completion date as of a date: the day the minimum time after credits is reached,
// counting recorded service (placements and side placements, net of absences that extend the
// training; the programme period when none is recorded) up to as_of, and after as_of the
// recorded service plus the programme's employment rate on the days between, as if service
// goes on. So it is never in the past while the time requirement is unmet as of that date.
// Under HSLF-FS 2021:8 recorded BT placements before an ST's start count too.
CompletionEstimate EstimateCompletion(const Trainee& trainee, const std::string& regulation,
                                      const Date& as_of);

// Months served as of a date, and whether the time requirement is met then.
struct ServiceTime {
  double served_months = 0;     // net full-time months served up to as_of
  double credited_months = 0;   // prior service + doctorate
  double minimum_months = 0;    // RequiredMonths for the regulation and programme
  double required_months = 0;   // minimum - credits
  bool from_placements = true;  // false: no placements, the programme period was used
  bool met = false;             // served >= required
};

// Service comes from placements and side placements (each at its rate, at most the
// programme's), minus absences that extend the training; a record without any placement is
// counted as the programme period at the programme's rate.
ServiceTime ComputeServiceTime(const Trainee& trainee, const std::string& regulation,
                               const Date& as_of);

class RuleContext;
// time.planned-end-too-early, credit.before-licence, credit.foreign-doctorate,
// credit.doctorate-in-bt, time.bt-before-st-unrecorded.
void CheckServiceTime(const RuleContext& context);

}  // namespace stdok
