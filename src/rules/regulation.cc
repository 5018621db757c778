#include "rules/regulation.h"

namespace stdok {

bool MayFollowSosfs2015(const Trainee& trainee) {
  if (trainee.education.swedish_at) return true;
  const Programme& p = trainee.programme;
  return p.kind != "BT" && p.start && *p.start < Date{2021, 7, 1};
}

std::string EffectiveRegulation(const Trainee& trainee) {
  if (!trainee.programme.regulation.empty()) return trainee.programme.regulation;
  return MayFollowSosfs2015(trainee) && trainee.programme.kind != "BT" ? kSosfs2015 : kHslf2021;
}

}  // namespace stdok
