// The bridge from records to templates: a record (with people resolved and computed facts
// added) as a Value tree. docs/templates.md lists every name a template can use.
#pragma once

#include <map>
#include <string>

#include "core/date.h"
#include "fill/value.h"
#include "records/model.h"
#include "records/profile.h"

namespace stdok {

// Root value for one trainee's documents: region, profile, today, trainee.
Value BuildTraineeContext(const RecordsFile& file, const Trainee& trainee, const Profile& profile,
                          const Date& today);
// Root value for a studierektorskontrakt: region, profile, today, contract.
Value BuildDirectorContext(const RecordsFile& file, const DirectorContract& contract,
                           const Profile& profile, const Date& today);

}  // namespace stdok
