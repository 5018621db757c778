// Which regulation a trainee follows (patientsäkerhetsförordningen, övergångsbestämmelser
// SFS 2020:1098): SOSFS 2015:8 is allowed for a trainee with Swedish AT or one who began ST
// before 2021-07-01; everyone else follows HSLF-FS 2021:8, which begins with BT unless a BT
// certificate is recorded.
#pragma once

#include <string>

#include "records/model.h"

namespace stdok {

inline constexpr const char* kHslf2021 = "HSLF-FS 2021:8";
inline constexpr const char* kSosfs2015 = "SOSFS 2015:8";

bool MayFollowSosfs2015(const Trainee& trainee);
// The stated regulation when there is one; else SOSFS 2015:8 where it is allowed for an ST
// programme (BT exists only under HSLF-FS 2021:8), HSLF-FS 2021:8 otherwise.
std::string EffectiveRegulation(const Trainee& trainee);

class RuleContext;
// regulation.not-allowed, regulation.bt-under-sosfs, regulation.bt-missing.
void CheckRegulation(const RuleContext& context);

}  // namespace stdok
