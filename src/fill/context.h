// The bridge from records to templates: a record (with people resolved and computed facts
// added) as a Value tree. docs/templates.md lists every name a template can use.
#pragma once

#include <map>
#include <string>

#include "core/date.h"
#include "fill/expression.h"
#include "fill/value.h"
#include "records/model.h"
#include "records/profile.h"
#include "rules/trainee_facts.h"

namespace stdok {

// The members of a trainee's context that cost most to build and that few documents read. A
// run builds one only when a template or form of the run names it; left out, it is null.
struct ContextNeeds {
  bool delmal_overview = true;  // trainee.delmal_overview (the IUP's delmålsöversikt)
  bool service_rows = true;     // trainee.service_rows (the tjänsteförteckningar)
  // What documents need whose texts hold these names (Template::names, FormDefinition::names).
  static ContextNeeds Of(const std::vector<const NameSet*>& documents);
};

// Root value for one trainee's documents: region, profile, today, trainee. Every computed
// value (service parts, months, progress, delmål states, readiness, earliest completion) is
// read from `facts`, computed for the same trainee and date; nothing is recomputed here.
Value BuildTraineeContext(const RecordsFile& file, const Trainee& trainee, const Profile& profile,
                          const TraineeFacts& facts, const ContextNeeds& needs = {});
// Root value for a studierektorskontrakt: region, profile, today, contract.
Value BuildDirectorContext(const RecordsFile& file, const DirectorContract& contract,
                           const Profile& profile, const Date& today);

}  // namespace stdok
