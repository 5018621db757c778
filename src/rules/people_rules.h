// People around a trainee: the huvudhandledare's qualification, supervisors' handledarutbildning
// (and the region's refresh interval), the verksamhetschef as handledare, and the extern
// bedömare's independence (with the extern bedömare's recorded periods of service when there are
// any, else with the workplace). The rules from one region's guideline apply only where the
// profile enables them (regional_rules in rule_context.h).
#pragma once

namespace stdok {

class RuleContext;
// people.huvudhandledare-missing, people.huvudhandledare-not-specialist,
// people.bt-huvudhandledare-not-qualified, people.supervisor-not-qualified,
// people.supervisor-training-missing, people.supervisor-training-old,
// people.supervisor-training-too-early, people.head-of-unit-supervises,
// people.assessor-is-supervisor, people.assessor-same-unit, people.assessor-served-during-bt.
void CheckPeople(const RuleContext& context);

}  // namespace stdok
