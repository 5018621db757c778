#include "rules/delmal_codes.h"

#include <algorithm>
#include <cctype>

#include "rules/reference_data.h"
#include "rules/regulation.h"
#include "rules/rule_context.h"

namespace stdok {
namespace {

struct SetInfo {
  DelmalSet set;
  std::string prefix;  // canonical spelling
  int count;           // 0: per specialty (1..99 accepted)
  bool hslf2021;
};

DelmalSet SetOfPrefix(const std::string& prefix) {
  if (prefix == "BT") return DelmalSet::kBt;
  if (prefix == "STa") return DelmalSet::kSta;
  if (prefix == "STb") return DelmalSet::kStb;
  if (prefix == "STc") return DelmalSet::kStc;
  if (prefix == "a") return DelmalSet::kA;
  if (prefix == "b") return DelmalSet::kB;
  return DelmalSet::kC;
}

// The sets of reference/delmal.xml, in målbeskrivning order.
const std::vector<SetInfo>& Sets() {
  static const std::vector<SetInfo> sets = [] {
    std::vector<SetInfo> out;
    for (const DelmalSetData& d : Delmal().sets)
      out.push_back({SetOfPrefix(d.prefix), d.prefix, d.count, d.regulation == kHslf2021});
    return out;
  }();
  return sets;
}

int SetOrder(DelmalSet set) { return static_cast<int>(set); }

}  // namespace

std::optional<DelmalCode> ParseDelmal(std::string_view code) {
  // Longest prefixes first so that "stc1" is not read as "s…". No allocation but the result:
  // every fact, check and sort of delmål goes through here.
  auto starts_with = [&](const std::string& prefix) {
    if (code.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(code[i])) != std::tolower(static_cast<unsigned char>(prefix[i])))
        return false;
    return true;
  };
  const SetInfo* best = nullptr;
  for (const SetInfo& info : Sets())
    if ((best == nullptr || info.prefix.size() > best->prefix.size()) && starts_with(info.prefix)) best = &info;
  if (best == nullptr) return std::nullopt;
  const std::string_view digits = code.substr(best->prefix.size());
  if (digits.empty() || digits.size() > 2 || digits[0] == '0') return std::nullopt;
  int number = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    number = number * 10 + (c - '0');
  }
  if (best->count > 0 && number > best->count) return std::nullopt;
  std::string canonical = best->prefix;
  canonical += digits;
  return DelmalCode{best->set, number, std::move(canonical)};
}

bool SetBelongsTo(DelmalSet set, const std::string& regulation) {
  for (const SetInfo& info : Sets())
    if (info.set == set) return info.hslf2021 == (regulation == kHslf2021);
  return false;
}

std::string DelmalTitle(std::string_view code) {
  std::optional<DelmalCode> parsed = ParseDelmal(code);
  if (!parsed) return "";
  for (const auto& [code, title] : Delmal().titles)
    if (parsed->canonical == code) return title;
  return "";
}

std::optional<int> CDelmalCount(const std::string& regulation, const std::string& specialty,
                                bool* certain) {
  for (const CCountData& c : Delmal().c_counts) {
    if (c.regulation == regulation && SameText(specialty, c.specialty)) {
      if (certain != nullptr) *certain = c.certain;
      return c.count;
    }
  }
  return std::nullopt;
}

std::vector<std::string> RequiredDelmal(const std::string& regulation, const std::string& specialty,
                                        bool with_bt, bool with_st) {
  std::vector<std::string> codes;
  const bool hslf = regulation == kHslf2021;
  for (const SetInfo& info : Sets()) {
    if (info.hslf2021 != hslf) continue;
    if (info.set == DelmalSet::kBt ? !with_bt : !with_st) continue;
    int count = info.count;
    if (count == 0) count = CDelmalCount(regulation, specialty, nullptr).value_or(0);
    for (int i = 1; i <= count; ++i) codes.push_back(info.prefix + std::to_string(i));
  }
  return codes;
}

std::string CompressDelmal(std::vector<std::string> codes) {
  std::vector<DelmalCode> parsed;
  std::vector<std::string> others;
  for (const std::string& code : codes) {
    if (auto p = ParseDelmal(code)) parsed.push_back(*p);
    else others.push_back(code);
  }
  std::sort(parsed.begin(), parsed.end(), [](const DelmalCode& a, const DelmalCode& b) {
    if (a.set != b.set) return SetOrder(a.set) < SetOrder(b.set);
    return a.number < b.number;
  });
  parsed.erase(std::unique(parsed.begin(), parsed.end(),
                           [](const DelmalCode& a, const DelmalCode& b) {
                             return a.set == b.set && a.number == b.number;
                           }),
               parsed.end());
  std::string out;
  auto append = [&](const std::string& piece) { out += (out.empty() ? "" : ", ") + piece; };
  for (size_t i = 0; i < parsed.size();) {
    size_t j = i;
    while (j + 1 < parsed.size() && parsed[j + 1].set == parsed[i].set &&
           parsed[j + 1].number == parsed[j].number + 1)
      ++j;
    if (j == i) append(parsed[i].canonical);
    else if (j == i + 1) append(parsed[i].canonical + ", " + parsed[j].canonical);
    else append(parsed[i].canonical + "–" + parsed[j].canonical);
    i = j + 1;
  }
  for (const std::string& o : others) append(o);
  return out;
}

}  // namespace stdok
