#include "rules/regulation.h"

#include "rules/rule_context.h"

namespace stdok {

bool MayFollowSosfs2015(const Trainee& trainee) {
  if (trainee.education.swedish_at) return true;
  const Programme& p = trainee.programme;
  return p.kind != "BT" && p.start && *p.start < Date{2021, 7, 1};
}

std::string EffectiveRegulation(const Trainee& trainee) {
  if (!trainee.programme.regulation.empty()) return trainee.programme.regulation;
  return MayFollowSosfs2015(trainee) && trainee.programme.kind == "ST" ? kSosfs2015 : kHslf2021;
}

void CheckRegulation(const RuleContext& c) {
  const Trainee& t = c.trainee();
  const Programme& p = t.programme;
  if (p.regulation == kSosfs2015 && !MayFollowSosfs2015(t))
    c.Add(Severity::kError, p.where, "programme/@regulation", "regulation.not-allowed",
          "SOSFS 2015:8 applies only to a trainee with Swedish AT or who began ST before "
          "2021-07-01; this trainee follows HSLF-FS 2021:8",
          sources::kTransition);
  if (c.regulation() == kSosfs2015 && ProgrammeHasBt(p))
    c.Add(Severity::kError, p.where, "programme/@kind", "regulation.bt-under-sosfs",
          "a " + p.kind + " programme cannot follow SOSFS 2015:8: BT exists only under HSLF-FS 2021:8",
          sources::kTransition);
  if (c.regulation() == kHslf2021 && p.kind == "ST" && !t.education.bt_certificate_date) {
    bool bt_recorded = false;
    for (const Placement& pl : t.placements) bt_recorded |= pl.is_bt;
    if (!bt_recorded)
      c.Add(Severity::kWarning, p.where, "programme/@kind", "regulation.bt-missing",
            "an ST under HSLF-FS 2021:8 begins with BT, but neither a BT certificate "
            "(education/@bt-certificate) nor BT placements are recorded; make the programme "
            "BT+ST or record the certificate",
            sources::kMinimumTime);
  }
}

}  // namespace stdok
