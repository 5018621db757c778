#include "rules/delmal_codes.h"

#include <algorithm>
#include <cctype>

#include "rules/regulation.h"
#include "rules/rule_context.h"

namespace stdok {
namespace {

struct SetInfo {
  DelmalSet set;
  const char* prefix;  // canonical spelling
  int count;           // 0: per specialty (1..99 accepted)
  bool hslf2021;
};

const SetInfo kSets[] = {
    {DelmalSet::kBt, "BT", 18, true},  {DelmalSet::kSta, "STa", 7, true},
    {DelmalSet::kStb, "STb", 4, true}, {DelmalSet::kStc, "STc", 0, true},
    {DelmalSet::kA, "a", 6, false},    {DelmalSet::kB, "b", 5, false},
    {DelmalSet::kC, "c", 0, false},
};

// Titles: BT and STa/STb from målbeskrivningar 2021 (STa3's title is printed on bilaga 12; the
// others are a secondary transcription), a/b from målbeskrivningar 2015.
struct Title {
  const char* code;
  const char* title;
};
const Title kTitles[] = {
    {"BT1", "Akuta och icke akuta sjukdomstillstånd"},
    {"BT2", "Psykiatriska sjukdomstillstånd och övrig psykisk ohälsa"},
    {"BT3", "Lagar och andra författningar inom hälso- och sjukvården"},
    {"BT4", "Hälso- och sjukvårdens styrning och organisation"},
    {"BT5", "Strukturerad vårddokumentation"},
    {"BT6", "Systematiskt kvalitetsarbete"},
    {"BT7", "Vetenskapligt förhållningssätt"},
    {"BT8", "Etik i det dagliga arbetet"},
    {"BT9", "Bemötande"},
    {"BT10", "Samarbeta och leda arbetet kring patienten"},
    {"BT11", "Presentera, förklara och instruera"},
    {"BT12", "Barn och ungdomar"},
    {"BT13", "Vårdhygien och smittskydd i det dagliga arbetet"},
    {"BT14", "Hälsofrämjande insatser"},
    {"BT15", "Läkemedelsbehandling"},
    {"BT16", "Försäkringsmedicinska intyg"},
    {"BT17", "Behov av palliativ vård"},
    {"BT18", "Dödsbevis och dödsorsaksintyg"},
    {"STa1", "Hälso- och sjukvårdens förutsättningar"},
    {"STa2", "Systematiskt kvalitets- och patientsäkerhetsarbete"},
    {"STa3", "Medicinsk vetenskap"},
    {"STa4", "Etik"},
    {"STa5", "Ledarskap"},
    {"STa6", "Lärande"},
    {"STa7", "Vårdhygien och smittskydd"},
    {"STb1", "Kommunikation med patienter och närstående"},
    {"STb2", "Sjukdomsförebyggande och hälsofrämjande arbete"},
    {"STb3", "Försäkringsmedicin"},
    {"STb4", "Palliativ vård"},
    {"a1", "Medarbetarskap, ledarskap och pedagogik"},
    {"a2", "Etik, mångfald och jämlikhet"},
    {"a3", "Vårdhygien och smittskydd"},
    {"a4", "Systematiskt kvalitets- och patientsäkerhetsarbete"},
    {"a5", "Medicinsk vetenskap"},
    {"a6", "Lagar och andra föreskrifter samt hälso- och sjukvårdens organisation"},
    {"b1", "Kommunikation med patienter och närstående"},
    {"b2", "Sjukdomsförebyggande arbete"},
    {"b3", "Läkemedel"},
    {"b4", "Försäkringsmedicin"},
    {"b5", "Palliativ vård i livets slutskede"},
};

// c delmål per specialty. Psykiatri 2015: målbeskrivningar 2015 ("a1–a6, b1–b5 samt c1–c13");
// psykiatri 2021: Svenska Psykiatriska Föreningen 2022; allmänmedicin: a secondary
// transcription (uncertain).
struct CCount {
  const char* specialty;
  bool hslf2021;
  int count;
  bool certain;
};
const CCount kCCounts[] = {
    {"Psykiatri", false, 13, true},
    {"Psykiatri", true, 14, false},
    {"Allmänmedicin", false, 14, false},
    {"Allmänmedicin", true, 15, false},
};

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

int SetOrder(DelmalSet set) { return static_cast<int>(set); }

}  // namespace

std::optional<DelmalCode> ParseDelmal(std::string_view code) {
  std::string lower = AsciiLower(code);
  // Longest prefixes first so that "stc1" is not read as "s…".
  const SetInfo* best = nullptr;
  for (const SetInfo& info : kSets) {
    std::string prefix = AsciiLower(info.prefix);
    if (lower.compare(0, prefix.size(), prefix) == 0 &&
        (best == nullptr || prefix.size() > std::string(best->prefix).size()))
      best = &info;
  }
  if (best == nullptr) return std::nullopt;
  std::string digits = lower.substr(std::string(best->prefix).size());
  if (digits.empty() || digits.size() > 2 || digits[0] == '0') return std::nullopt;
  int number = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    number = number * 10 + (c - '0');
  }
  if (best->count > 0 && number > best->count) return std::nullopt;
  return DelmalCode{best->set, number, std::string(best->prefix) + digits};
}

bool SetBelongsTo(DelmalSet set, const std::string& regulation) {
  for (const SetInfo& info : kSets)
    if (info.set == set) return info.hslf2021 == (regulation == kHslf2021);
  return false;
}

std::string DelmalTitle(std::string_view code) {
  std::optional<DelmalCode> parsed = ParseDelmal(code);
  if (!parsed) return "";
  for (const Title& t : kTitles)
    if (parsed->canonical == t.code) return t.title;
  return "";
}

std::optional<int> CDelmalCount(const std::string& regulation, const std::string& specialty,
                                bool* certain) {
  for (const CCount& c : kCCounts) {
    if (c.hslf2021 == (regulation == kHslf2021) && SameText(specialty, c.specialty)) {
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
  for (const SetInfo& info : kSets) {
    if (info.hslf2021 != hslf) continue;
    if (info.set == DelmalSet::kBt ? !with_bt : !with_st) continue;
    int count = info.count;
    if (count == 0) count = CDelmalCount(regulation, specialty, nullptr).value_or(0);
    for (int i = 1; i <= count; ++i) codes.push_back(std::string(info.prefix) + std::to_string(i));
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
