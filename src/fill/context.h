// The bridge from records to templates: a record (with people resolved and computed facts
// added) as a Value tree. docs/templates.md lists every name a template can use.
#pragma once

#include <map>
#include <string>

#include "core/date.h"
#include "fill/value.h"
#include "records/model.h"

namespace stdok {

// Region profile values (templates/profiles/<region>.xml): free key -> text, e.g.
// "supervision-hours" -> "1". Exposed to templates as `profile.<key>` (with '-' kept).
struct Profile {
  std::string id;
  std::string name;
  std::map<std::string, std::string> values;
  std::string Get(const std::string& key, const std::string& fallback = "") const {
    auto it = values.find(key);
    return it == values.end() ? fallback : it->second;
  }
};

// Root value for one trainee's documents: region, profile, today, trainee.
Value BuildTraineeContext(const RecordsFile& file, const Trainee& trainee, const Profile& profile,
                          const Date& today);
// Root value for a studierektorskontrakt: region, profile, today, contract.
Value BuildDirectorContext(const RecordsFile& file, const DirectorContract& contract,
                           const Profile& profile, const Date& today);

}  // namespace stdok
