// Deadlines around a trainee and a studierektorskontrakt: when each document or meeting is due,
// whether it was done in time, and which are still open. The months come from the region
// profile when it sets them (profile_keys::k…Months), else from the guideline named as source.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "records/profile.h"
#include "records/model.h"

namespace stdok {

enum class DeadlineState {
  kMet,      // done on or before the due date
  kLate,     // done after the due date
  kOpen,     // not done, due date not passed
  kOverdue,  // not done, due date passed
};

struct Deadline {
  std::string rule;   // rule id stem, e.g. "deadline.st-kontrakt" (+ "-late" / "-overdue")
  std::string what;   // Swedish, for the status overview: "ST-kontrakt", "IUP (BT)" …
  Date due;           // the last day it is in time
  std::optional<Date> done;
  DeadlineState state = DeadlineState::kOpen;
  SourceLocation where;
  std::string field;
  std::string source;
};

// Every deadline of a trainee as of `today`, in record order. "Within N months of D" means on
// or before AddMonths(D, N):
//   deadline.st-kontrakt      ST-kontrakt signed within 6 months of the ST start
//   deadline.iup              first IUP within 1 month of a BT start, else 6 months of ST start
//   deadline.bt-application   BT inside ST certified within the first two years (by the day
//                             before the second anniversary; only an overdue one is reported)
//   deadline.side-contract    sidotjänstgöringskontrakt dated before the side placement starts
//   deadline.action-plan-follow-up  first follow-up within 3 months of the handlingsplan
// The regional ones (st-kontrakt, iup, side-contract, action-plan-follow-up) are left out
// unless the profile enables them (regional_rules in rule_context.h).
std::vector<Deadline> TraineeDeadlines(const RecordsFile& file, const Trainee& trainee,
                                       const Profile& profile, const Date& today);

// deadline.director-renewal-talk: the talk about renewing a studierektorskontrakt is due six
// months before it ends. Records hold no date for the talk, so it is never kMet.
std::optional<Deadline> DirectorRenewalDeadline(const DirectorContract& contract, const Date& today);

class RuleContext;
// Reports deadlines done late (<stem>-late) and passed without being done (<stem>-overdue).
void CheckDeadlines(const RuleContext& context);
void CheckDirectorDeadlines(const DirectorContract& contract, const Date& today,
                            Diagnostics* diagnostics);

}  // namespace stdok
