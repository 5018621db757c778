#include "rules/trainee_facts.h"

#include <algorithm>
#include <map>
#include <set>

#include <unicode/uchar.h>

#include "rules/delmal_codes.h"
#include "rules/regulation.h"
#include "rules/rule_context.h"
#include "text/swedish_format.h"
#include "text/unicode.h"

namespace stdok {

const char* ProgressName(Progress progress) {
  switch (progress) {
    case Progress::kDone: return "done";
    case Progress::kOngoing: return "ongoing";
    case Progress::kPlanned: return "planned";
  }
  return "planned";
}

const char* DelmalStateName(DelmalState state) {
  switch (state) {
    case DelmalState::kCertified: return "certified";
    case DelmalState::kDone: return "done";
    case DelmalState::kPlanned: return "planned";
    case DelmalState::kMissing: return "missing";
  }
  return "missing";
}

Progress ProgressOf(const DateRange& period, const Date& as_of) {
  if (period.end && !(as_of < *period.end)) return Progress::kDone;
  if (period.start && !(as_of < *period.start)) return Progress::kOngoing;
  return Progress::kPlanned;
}

const Readiness* TraineeFacts::Find(const std::string& name) const {
  if (name == "bt-service") return &bt_service;
  if (name == "bt-competence") return &bt_competence;
  if (name == "bt-application") return &bt_application;
  if (name == "st-service") return &st_service;
  if (name == "st-competence") return &st_competence;
  if (name == "st-application") return &st_application;
  return nullptr;
}

bool LooksLikePersonName(const std::string& text) {
  static const std::set<std::string> kParticles = {"af", "av", "de", "del", "der", "di", "da",
                                                   "la", "le", "van", "von", "zu", "bin", "ibn"};
  // Words that name organisations, never people (compared in lower case).
  static const std::set<std::string> kOrganisationWords = {
      "region", "regionen", "landsting", "landstinget", "kommun", "sjukhus", "sjukhuset",
      "universitet", "universitetet", "institutet", "akademin", "centrum", "center", "enheten",
      "kliniken", "förbund", "förbundet", "kursledningen", "socialstyrelsen", "stiftelse"};
  // "Anna Lind, överläkare": the name is what stands before the first comma.
  const std::string name = text.substr(0, text.find(','));
  std::vector<std::u32string> words;
  std::u32string word;
  for (char32_t c : ToCodepoints(name)) {
    if (c == U' ' || c == 0xA0) {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(word);
  int named = 0;
  for (const std::u32string& w : words) {
    std::string utf8;
    for (char32_t c : w) AppendUtf8(c, &utf8);
    if (kParticles.count(utf8)) continue;
    if (kOrganisationWords.count(LowerText(utf8))) return false;
    bool first = true, lower_seen = false;
    for (char32_t c : w) {
      if (c == U'-' || c == U'\'' || c == U'’' || c == U'.') {
        first = true;
        continue;
      }
      const UChar32 u = static_cast<UChar32>(c);
      if (!u_isalpha(u) && u_charType(u) != U_NON_SPACING_MARK) return false;
      if (first && !u_isupper(u)) return false;
      if (!first && u_isupper(u) && !lower_seen) return false;  // "SKR", "FoU" stay out
      if (!first) lower_seen |= u_islower(u) != 0;
      first = false;
    }
    if (!lower_seen) return false;
    ++named;
  }
  return named >= 2;
}

namespace {

double ProgrammeCap(const Programme& p) { return p.rate > 0 ? p.rate : 100; }

// The parts of one service period: net of absences, then cut at the as-of date.
ServiceFacts Service(const DateRange& period, double rate, const Trainee& t,
                     const std::vector<RatedPeriod>& absences, const Date& as_of) {
  ServiceFacts f;
  f.progress = ProgressOf(period, as_of);
  if (!period.start || !period.end) return f;
  const double agreed = std::min(rate, ProgrammeCap(t.programme));
  for (const RatedPeriod& net : NetServiceParts({*period.start, *period.end, agreed}, absences)) {
    auto add = [&](const Date& first, const Date& last, Progress progress) {
      ServicePart part{first, last, agreed, net.rate, FullTimeMonths(first, last, net.rate), progress};
      f.months += part.months;
      if (progress != Progress::kPlanned) f.served_months += part.months;
      f.parts.push_back(part);
    };
    if (!(as_of < net.last)) {
      add(net.first, net.last, Progress::kDone);
    } else if (as_of < net.first) {
      add(net.first, net.last, Progress::kPlanned);
    } else {  // cut at the as-of date
      add(net.first, as_of, Progress::kOngoing);
      add(AddDays(as_of, 1), net.last, Progress::kPlanned);
    }
  }
  return f;
}

Progress CourseProgress(const Course& c, const Date& as_of) {
  const Progress by_dates = ProgressOf(c.period, as_of);
  if (!c.done) return by_dates == Progress::kDone ? Progress::kOngoing : by_dates;
  if (!c.period.end) return Progress::kDone;  // marked done, no dates to contradict it
  return by_dates;
}

Progress ScienceProgress(const ScientificWork& w, const Date& as_of) {
  if (w.period.end || w.period.start) return ProgressOf(w.period, as_of);
  return w.verification.empty() ? Progress::kPlanned : Progress::kDone;
}

std::string CourseSignerProblem(const RecordsFile& file, const Course& c) {
  if (!c.leader.empty() && file.people.count(c.leader)) return "";
  const std::string& name = c.leader.empty() ? c.leader_name : c.leader;
  if (name.empty() || LooksLikePersonName(name)) return "";
  const std::string role = c.signer_role == "handledare" ? "handledare" : "kursledare";
  return "the course certificate must be signed by a person (" + role + "), but '" + name +
         "' reads as an organisation: name the " + role + " who signs (leader=\"person-id\" or "
         "leader-name=\"Given Family\")";
}

class DelmalLedger {
 public:
  void Mark(const std::vector<std::string>& codes, DelmalState state,
            std::optional<Date> date = std::nullopt) {
    for (const std::string& code : codes) {
      auto parsed = ParseDelmal(code);
      if (!parsed) continue;
      DelmalFact& f = facts_[parsed->canonical];
      f.code = parsed->canonical;
      if (static_cast<int>(state) < static_cast<int>(f.state)) {  // certified > done > planned
        f.state = state;
        f.certified_on = date;
      }
    }
  }
  void Require(const std::string& code) {
    DelmalFact& f = facts_[code];
    f.code = code;
  }
  std::vector<DelmalFact> InOrder(const std::string& regulation) const {
    struct Keyed {
      DelmalCode key;
      const DelmalFact* fact;
    };
    std::vector<Keyed> keyed;
    for (const auto& [code, fact] : facts_)
      if (auto parsed = ParseDelmal(code); parsed && SetBelongsTo(parsed->set, regulation))
        keyed.push_back({std::move(*parsed), &fact});
    std::stable_sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
      if (a.key.set != b.key.set) return static_cast<int>(a.key.set) < static_cast<int>(b.key.set);
      return a.key.number < b.key.number;
    });
    std::vector<DelmalFact> out;
    out.reserve(keyed.size());
    for (const Keyed& k : keyed) out.push_back(*k.fact);
    return out;
  }

 private:
  std::map<std::string, DelmalFact> facts_;
};

DelmalState FromProgress(Progress p) {
  return p == Progress::kDone ? DelmalState::kDone : DelmalState::kPlanned;
}

std::string Months(double months) { return FormatDecimal(months, 1); }

void AddReason(Readiness* r, const std::string& reason) {
  r->ready = false;
  r->reasons.push_back(reason);
}

}  // namespace

TraineeFacts ComputeTraineeFacts(const RecordsFile& file, const Trainee& t, const Profile& profile,
                                 const Date& as_of) {
  TraineeFacts f;
  f.as_of = as_of;
  f.regulation = EffectiveRegulation(t);
  f.time = ComputeServiceTime(t, f.regulation, as_of);
  f.completion = EstimateCompletion(t, f.regulation, as_of);
  f.bt = SummarizeBt(file, t, profile, as_of);
  const std::vector<RatedPeriod> absences = ExtendingAbsences(t);

  DelmalLedger ledger;
  double bt_served = 0;
  bool bt_open = false;
  for (const Placement& pl : t.placements) {
    ServiceFacts s = Service(pl.period, pl.rate, t, absences, as_of);
    s.attested_description = pl.description;
    if (IsBtPlacement(t, pl)) {
      bt_served += s.served_months;
      bt_open |= s.progress != Progress::kDone;
    }
    if (pl.certificate) ledger.Mark(pl.delmal, FromProgress(s.progress));
    f.placements.push_back(std::move(s));
  }
  for (const SidePlacement& sp : t.side_placements) {
    ServiceFacts s = Service(sp.period, sp.rate, t, absences, as_of);
    for (const SidePlan& plan : sp.plans)
      s.attested_description += (s.attested_description.empty() ? "" : "\n\n") +
                                (plan.delmal.empty() ? "" : plan.delmal + ": ") + plan.text;
    ledger.Mark(sp.delmal, FromProgress(s.progress));
    f.side_placements.push_back(std::move(s));
  }
  for (const Auskultation& a : t.auskultationer) {
    f.auskultationer.push_back({ProgressOf(a.period, as_of), ""});
    ledger.Mark(a.delmal, FromProgress(f.auskultationer.back().progress));
  }
  for (const Course& c : t.courses) {
    f.courses.push_back({CourseProgress(c, as_of), CourseSignerProblem(file, c)});
    ledger.Mark(c.delmal, FromProgress(f.courses.back().progress));
  }
  for (const DevelopmentWork& w : t.development_work) {
    f.development_work.push_back({ProgressOf(w.period, as_of), ""});
    ledger.Mark(w.delmal, FromProgress(f.development_work.back().progress));
  }
  for (const ScientificWork& w : t.scientific_work) {
    f.scientific_work.push_back({ScienceProgress(w, as_of), ""});
    ledger.Mark(w.delmal, FromProgress(f.scientific_work.back().progress));
  }
  for (const DelmalGroup& g : t.delmal_groups) {
    const bool signed_by_now = !g.date || !(as_of < *g.date);
    f.delmal_groups.push_back(signed_by_now ? Progress::kDone : Progress::kPlanned);
    if (g.date && signed_by_now) ledger.Mark(g.codes, DelmalState::kCertified, g.date);
    else ledger.Mark(g.codes, signed_by_now ? DelmalState::kDone : DelmalState::kPlanned);
  }

  const bool hslf = f.regulation == kHslf2021;
  const std::optional<Date> bt_certificate = t.education.bt_certificate_date;
  const bool with_bt = hslf && (ProgrammeHasBt(t.programme) || f.bt.state != BtState::kNotPlanned);
  const bool with_st = ProgrammeHasSt(t.programme);
  std::vector<std::string> required =
      RequiredDelmal(f.regulation, t.programme.specialty, with_bt, with_st && !t.education.third_country_specialist);
  if (with_bt && bt_certificate && !(as_of < *bt_certificate))
    ledger.Mark(RequiredDelmal(f.regulation, "", true, false), DelmalState::kCertified, bt_certificate);
  for (const std::string& code : required) ledger.Require(code);
  f.delmal = ledger.InOrder(f.regulation);
  std::set<std::string> required_set(required.begin(), required.end());

  // BT (HSLF-FS 2021:8 bilagor 1, 3 and 4), while no BT certificate is recorded.
  const bool bt_pending = hslf && ProgrammeHasBt(t.programme) && !bt_certificate;
  for (Readiness* r : {&f.bt_service, &f.bt_competence, &f.bt_application}) r->applies = r->ready = bt_pending;
  if (bt_pending) {
    if (f.bt.state == BtState::kNotPlanned) AddReason(&f.bt_service, "inga BT-placeringar är registrerade");
    else if (bt_open) AddReason(&f.bt_service, "BT-placeringar pågår eller är planerade (" + Months(bt_served) +
                                                   " månader fullgjorda)");
    else if (bt_served + 1e-9 < 6) AddReason(&f.bt_service, "BT är " + Months(bt_served) + " månader, minst 6 krävs");
    std::vector<std::string> uncertified;
    for (const DelmalFact& d : f.delmal)
      if (auto p = ParseDelmal(d.code); p && IsBtSet(p->set) && d.state != DelmalState::kCertified)
        uncertified.push_back(d.code);
    if (!uncertified.empty())
      AddReason(&f.bt_competence, "delmål utan intyg (bilaga 2): " + CompressDelmal(uncertified));
    for (const Readiness* part : {&f.bt_service, &f.bt_competence})
      for (const std::string& reason : part->reasons) AddReason(&f.bt_application, reason);
  }

  // ST: the time (2021 bilaga 6; part of 2015 bilaga 2) and the delmål (2021 bilaga 7, 2015
  // bilaga 2 or 8 b). A specialist from a third country is assessed on the delmål alone.
  const bool third_country = t.education.third_country_specialist;
  f.st_service.applies = f.st_service.ready = with_st || third_country;
  f.st_competence.applies = f.st_competence.ready = with_st || third_country;
  f.st_application.applies = f.st_application.ready = with_st || third_country;
  if (f.st_service.applies && !third_country && !f.time.met)
    AddReason(&f.st_service, Months(f.time.served_months) + " av " + Months(f.time.required_months) +
                                 " månader fullgjorda per " + FormatIso(as_of));
  if (third_country) {  // the supervised service the assessment asked for: all of it done
    int open = 0, recorded = 0;
    for (const auto* list : {&f.placements, &f.side_placements})
      for (const ServiceFacts& s : *list) {
        ++recorded;
        open += s.progress != Progress::kDone;
      }
    if (recorded == 0) AddReason(&f.st_service, "ingen tjänstgöring är registrerad");
    else if (open > 0) AddReason(&f.st_service, std::to_string(open) + " tjänstgöringar pågår eller är planerade");
  }
  if (f.st_competence.applies) {
    std::vector<std::string> open;
    for (const DelmalFact& d : f.delmal) {
      auto p = ParseDelmal(d.code);
      if (!p || IsBtSet(p->set)) continue;
      if (!third_country && !required_set.count(d.code)) continue;
      if (d.state == DelmalState::kPlanned || d.state == DelmalState::kMissing) open.push_back(d.code);
    }
    if (!open.empty())
      AddReason(&f.st_competence, "delmål utan genomförd aktivitet eller intyg: " + CompressDelmal(open));
    if (third_country && f.delmal.empty()) AddReason(&f.st_competence, "inga delmål är registrerade");
  }
  if (f.st_application.applies) {
    for (const Readiness* part : {&f.st_service, &f.st_competence})
      for (const std::string& reason : part->reasons) AddReason(&f.st_application, reason);
    if (hslf && ProgrammeHasBt(t.programme) && !bt_certificate && !third_country)
      AddReason(&f.st_application, "intyg om godkänd bastjänstgöring saknas");
  }
  // What the trainee encloses besides stdok's certificates.
  bool before_licence = false, abroad = false;
  for (const PriorService& p : t.credits.prior_service) {
    const bool foreign = !p.country.empty() && !SameText(p.country, "Sverige");
    if (!PriorServiceCounts(t, p)) before_licence = true;
    else if (foreign) abroad = true;
  }
  if (bt_pending) {
    if (before_licence) f.bt_enclosures.push_back("tjanstgoring-fore-legitimation");
    if (abroad) f.bt_enclosures.push_back("utlandsk-tjanstgoring");
  }
  if (f.st_application.applies) {
    if (t.credits.swedish_doctorate) f.st_enclosures.push_back("svensk-doktorsexamen");
    if (t.credits.foreign_doctorate) f.st_enclosures.push_back("utlandsk-doktorsexamen");
    if (abroad) f.st_enclosures.push_back("utlandsk-tjanstgoring");
  }
  return f;
}

}  // namespace stdok
