// Bastjänstgöring (HSLF-FS 2021:8): length, the primärvård and akut sjukvård parts, the number
// of places of service, timing inside ST, and the region's extra kinds (profile "bt-extra-kinds").
#pragma once

#include <map>
#include <optional>
#include <string>

#include "core/date.h"
#include "records/profile.h"
#include "records/model.h"

namespace stdok {

enum class BtState {
  kNotApplicable,  // SOSFS 2015:8: there is no BT
  kCertified,      // intyg om godkänd bastjänstgöring recorded
  kNotPlanned,     // HSLF-FS 2021:8 without BT certificate and without BT placements
  kPlanned,        // BT placements recorded, some not ended yet (as of the date)
  kServed,         // every recorded BT placement has ended
};

struct BtSummary {
  BtState state = BtState::kNotApplicable;
  double months = 0;             // net full-time months of the BT placements (absences subtracted)
  double primarvard_months = 0;  // placement time (period x rate) of primärvård placements
  double akut_months = 0;        // … of akut sjukvård placements
  std::map<std::string, double> extra_months;  // the profile's extra kinds, e.g. "psykiatri"
  int places = 0;                // distinct units of BT placements
  std::optional<Date> first_day;  // of the BT placements
  std::optional<Date> last_day;
  std::optional<Date> certificate_date;
};

// Which placements count toward BT: marked bt="yes", or every placement of a BT-only programme.
bool IsBtPlacement(const Trainee& trainee, const Placement& placement);
// Placement kinds (Placement::kind, else the unit's kind), matched case-insensitively:
// "primärvård" or "allmänmedicin"; "akut"; any other text (e.g. "psykiatri") by inclusion.
bool IsPrimarvard(const std::string& kind);
bool IsAkut(const std::string& kind);

BtSummary SummarizeBt(const RecordsFile& file, const Trainee& trainee, const Profile& profile,
                      const Date& as_of);

class RuleContext;
// bt.not-planned, bt.too-short, bt.primarvard-short, bt.akut-short, bt.shorter-than-norm,
// bt.too-many-places, bt.late-in-st, bt.extra-kind-missing.
void CheckBt(const RuleContext& context);

}  // namespace stdok
