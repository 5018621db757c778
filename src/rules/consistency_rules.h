// Consistency of one record: references to people and units, periods (reversed, outside the
// programme, overlapping above 100 %), and delmål codes that belong to the regulation.
#pragma once

namespace stdok {

class RuleContext;
// records.undefined-person, records.undefined-unit, consistency.period-reversed,
// consistency.programme-dates, consistency.placement-overlap, consistency.outside-programme,
// consistency.specialty-unknown.
void CheckConsistency(const RuleContext& context);
// delmal.foreign, delmal.bt-outside-bt, delmal.mixed-group, delmal.c-out-of-range.
void CheckDelmalCodes(const RuleContext& context);

}  // namespace stdok
