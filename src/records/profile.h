// A region's profile (templates/profiles/<region>.xml): free key -> text settings read by the
// rules (deadlines, supervisor-training refresh, which regional rules apply) and by templates.
#pragma once

#include <map>
#include <string>

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

}  // namespace stdok
