#include "rules/rule_context.h"

#include <unicode/uchar.h>

#include <cmath>
#include <cstdio>

#include "rules/regulation.h"
#include "rules/trainee_facts.h"
#include "text/unicode.h"

namespace stdok {

RuleContext::RuleContext(const RecordsFile& file, const Trainee& trainee, const Profile& profile,
                         const Date& today, Diagnostics* out)
    : file_(file), trainee_(trainee), profile_(profile), today_(today),
      regulation_(EffectiveRegulation(trainee)), out_(out) {}

RuleContext::RuleContext(const RecordsFile& file, const Trainee& trainee, const Profile& profile,
                         const TraineeFacts& facts, Diagnostics* out)
    : file_(file), trainee_(trainee), profile_(profile), today_(facts.as_of),
      regulation_(facts.regulation), facts_(&facts), out_(out) {}

void RuleContext::Add(Severity severity, const SourceLocation& where, const std::string& field,
                      const std::string& rule, const std::string& message,
                      const std::string& source) const {
  out_->push_back({severity, where, trainee_.id, field, rule, message, source});
}

std::string RuleContext::RegionSource() const {
  std::string guideline = profile_.Get(profile_keys::kGuideline);
  if (!guideline.empty()) return guideline;
  if (!profile_.name.empty()) return profile_.name;
  return "region profile '" + profile_.id + "'";
}

const Person* RuleContext::FindPerson(const std::string& id) const {
  auto it = file_.people.find(id);
  return it == file_.people.end() ? nullptr : &it->second;
}

std::string RuleContext::PersonLabel(const std::string& id) const {
  const Person* p = FindPerson(id);
  if (p == nullptr) return "'" + id + "'";
  return p->given_name + " " + p->family_name + " (" + id + ")";
}

std::string RuleContext::UnitLabel(const std::string& unit_id, const std::string& unit_name) const {
  if (!unit_id.empty()) {
    auto it = file_.units.find(unit_id);
    if (it != file_.units.end()) return it->second.name;
    return unit_id;
  }
  return unit_name;
}

std::string RuleContext::UnitKind(const std::string& unit_id) const {
  auto it = file_.units.find(unit_id);
  return it == file_.units.end() ? "" : it->second.kind;
}

const std::vector<std::string>& regional_rules::All() {
  static const std::vector<std::string> all = {
      kHeadOfUnitSupervises, kBtMainSupervisor, kAssessorIsSupervisor, kAssessorSameUnit,
      kAssessorServedDuringBt, kStContract, kIup, kSideContract, kActionPlanFollowUp};
  return all;
}

bool RegionalRuleEnabled(const Profile& profile, const std::string& rule) {
  for (const std::string& id : SplitList(profile.Get(profile_keys::kRegionalRules)))
    if (id == rule) return true;
  return false;
}

std::string LowerText(const std::string& text) {
  std::string out;
  for (char32_t c : ToCodepoints(text)) AppendUtf8(static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))), &out);
  return out;
}

bool ContainsText(const std::string& haystack, const std::string& needle) {
  if (needle.empty()) return false;
  return LowerText(haystack).find(LowerText(needle)) != std::string::npos;
}

bool SameText(const std::string& a, const std::string& b) {
  return LowerText(CollapseWhitespace(a)) == LowerText(CollapseWhitespace(b));
}

std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> items;
  std::string current;
  auto flush = [&] {
    std::string item = CollapseWhitespace(current);
    if (!item.empty()) items.push_back(item);
    current.clear();
  };
  for (char c : text) {
    if (c == ',' || c == ';') flush();
    else current += c;
  }
  flush();
  return items;
}

std::optional<int> ProfileInt(const Profile& profile, const std::string& key) {
  std::string text = CollapseWhitespace(profile.Get(key));
  if (text.empty() || text.size() > 6) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::string FormatPeriodText(const DateRange& period) {
  return (period.start ? FormatIso(*period.start) : std::string("?")) + " – " +
         (period.end ? FormatIso(*period.end) : std::string("?"));
}

std::string FormatMonths(double months) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", std::round(months * 10) / 10 + 0.0);
  return buffer;
}

std::string FormatRate(double percent) {
  std::string text = FormatMonths(percent);
  if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) text.resize(text.size() - 2);
  return text + " %";
}

std::optional<Date> ProgrammeFirstDay(const Programme& programme) {
  std::optional<Date> first = programme.start;
  if (programme.bt_start && (!first || *programme.bt_start < *first)) first = programme.bt_start;
  return first;
}

bool ProgrammeHasBt(const Programme& programme) {
  return programme.kind == "BT" || programme.kind == "BT+ST";
}

bool ProgrammeHasSt(const Programme& programme) {
  return programme.kind == "ST" || programme.kind == "BT+ST";
}

}  // namespace stdok
