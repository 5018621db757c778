// People around a trainee: the huvudhandledare's qualification, supervisors' handledarutbildning
// (and the region's refresh interval), the verksamhetschef as handledare, and the extern
// bedömare's independence.
#pragma once

namespace stdok {

class RuleContext;
// people.huvudhandledare-missing, people.huvudhandledare-not-specialist,
// people.bt-huvudhandledare-not-qualified, people.supervisor-not-qualified,
// people.supervisor-training-missing, people.supervisor-training-old,
// people.supervisor-training-too-early, people.head-of-unit-supervises,
// people.assessor-is-supervisor, people.assessor-same-unit.
void CheckPeople(const RuleContext& context);

}  // namespace stdok
