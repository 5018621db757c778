#include "rules/consistency_rules.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "rules/bt_rules.h"
#include "rules/delmal_codes.h"
#include "rules/reference_data.h"
#include "rules/regulation.h"
#include "rules/rule_context.h"

namespace stdok {
namespace {

void PersonRef(const RuleContext& c, const std::string& id, const SourceLocation& where,
               const std::string& field) {
  if (id.empty() || c.file().people.count(id)) return;
  c.Add(Severity::kError, where, field, "records.undefined-person",
        "'" + id + "' is not a defined <person>", "");
}

void UnitRef(const RuleContext& c, const std::string& id, const SourceLocation& where,
             const std::string& field) {
  if (id.empty() || c.file().units.count(id)) return;
  c.Add(Severity::kError, where, field, "records.undefined-unit", "'" + id + "' is not a defined <unit>", "");
}

void References(const RuleContext& c) {
  const Trainee& t = c.trainee();
  const Roles& r = t.roles;
  PersonRef(c, r.main_supervisor, r.where, "roles/@huvudhandledare");
  PersonRef(c, r.head_of_unit, r.where, "roles/@verksamhetschef");
  PersonRef(c, r.director_of_studies, r.where, "roles/@studierektor");
  PersonRef(c, r.bt_manager, r.where, "roles/@bt-chef");
  PersonRef(c, r.external_assessor, r.where, "roles/@extern-bedomare");
  PersonRef(c, r.second_specialist, r.where, "roles/@specialist");
  UnitRef(c, t.programme.home_unit_id, t.programme.where, "programme/@home-unit");
  for (const auto& p : t.placements) {
    UnitRef(c, p.unit_id, p.where, "placement/@unit");
    PersonRef(c, p.supervisor, p.where, "placement/@supervisor");
  }
  for (const auto& s : t.side_placements) {
    UnitRef(c, s.unit_id, s.where, "side-placement/@unit");
    PersonRef(c, s.contact, s.where, "side-placement/@contact");
    PersonRef(c, s.supervisor, s.where, "side-placement/@supervisor");
  }
  for (const auto& a : t.auskultationer) {
    UnitRef(c, a.unit_id, a.where, "auskultation/@unit");
    PersonRef(c, a.supervisor, a.where, "auskultation/@supervisor");
  }
  for (const auto& co : t.courses) PersonRef(c, co.leader, co.where, "course/@leader");
  for (const auto& w : t.development_work) PersonRef(c, w.supervisor, w.where, "development-work/@supervisor");
  for (const auto& w : t.scientific_work) PersonRef(c, w.supervisor, w.where, "scientific-work/@supervisor");
  for (const auto& g : t.delmal_groups) PersonRef(c, g.signer, g.where, "delmal-certificate/@signer");
  for (const auto& a : t.assessments) PersonRef(c, a.assessor, a.where, "assessment/@assessor");
  for (const auto& p : t.action_plans) {
    PersonRef(c, p.chef, p.where, "action-plan/@chef");
    PersonRef(c, p.overall_director, p.where, "action-plan/@overall-director");
  }
}

// A period in the record with where it is and what it is, for the period rules.
struct Item {
  const DateRange* period;
  SourceLocation where;
  std::string element;  // "placement", "side-placement", …
  std::string label;    // unit or subject
  double rate = 100;
  bool service = false;  // clinical service (placement or side placement)
  bool bt = false;       // a BT placement
};

std::vector<Item> Items(const RuleContext& c) {
  const Trainee& t = c.trainee();
  std::vector<Item> items;
  for (const auto& p : t.placements)
    items.push_back({&p.period, p.where, "placement", c.UnitLabel(p.unit_id, p.unit_name), p.rate, true,
                     IsBtPlacement(t, p)});
  for (const auto& s : t.side_placements)
    items.push_back({&s.period, s.where, "side-placement", c.UnitLabel(s.unit_id, s.unit_name), s.rate, true});
  for (const auto& a : t.auskultationer)
    items.push_back({&a.period, a.where, "auskultation", c.UnitLabel(a.unit_id, a.unit_name)});
  for (const auto& co : t.courses) items.push_back({&co.period, co.where, "course", co.subject});
  for (const auto& w : t.development_work) items.push_back({&w.period, w.where, "development-work", w.subject});
  for (const auto& a : t.absences) items.push_back({&a.period, a.where, "absence", a.kind, a.rate});
  for (const auto& p : t.credits.prior_service)
    items.push_back({&p.period, p.where, "prior-service", p.unit_name, p.rate});
  return items;
}

bool Reversed(const DateRange& r) { return r.start && r.end && *r.end < *r.start; }

void Periods(const RuleContext& c, const std::vector<Item>& items) {
  // The reader reports reversed periods of the elements it reads (records.period-reversed);
  // records built otherwise get them here, never twice.
  bool any_reversed = false;
  for (const Item& item : items) any_reversed |= Reversed(*item.period);
  bool reader_checked = false;
  if (any_reversed)
    for (const Diagnostic& d : *c.out())
      reader_checked |= d.rule == "records.period-reversed" && d.trainee_id == c.trainee().id;
  if (any_reversed && !reader_checked)
    for (const Item& item : items)
      if (Reversed(*item.period))
        c.Add(Severity::kError, item.where, item.element + "/@end", "consistency.period-reversed",
              "the period ends (" + FormatIso(*item.period->end) + ") before it starts (" +
                  FormatIso(*item.period->start) + ")",
              "");

  const Programme& p = c.trainee().programme;
  const std::optional<Date> first = ProgrammeFirstDay(p);
  if (first && p.planned_end && *p.planned_end < *first)
    c.Add(Severity::kError, p.where, "programme/@planned-end", "consistency.programme-dates",
          "the programme's planned end " + FormatIso(*p.planned_end) + " is before its start " +
              FormatIso(*first),
          "");

  // Clinical service outside the programme. A BT done before an ST is part of it (HSLF-FS 2021:8).
  for (const Item& item : items) {
    if (!item.service && item.element != "auskultation") continue;
    const DateRange& r = *item.period;
    if (Reversed(r)) continue;
    std::string why;
    if (first && r.start && *r.start < *first && !(item.bt && p.kind == "ST"))
      why = "starts " + FormatIso(*r.start) + ", before the programme starts (" + FormatIso(*first) + ")";
    else if (p.planned_end && r.end && *p.planned_end < *r.end)
      why = "ends " + FormatIso(*r.end) + ", after the programme's planned end (" +
            FormatIso(*p.planned_end) + ")";
    if (!why.empty())
      c.Add(Severity::kError, item.where, item.element + "/@start", "consistency.outside-programme",
            "the " + item.element + " at " + item.label + " " + why, "");
  }
}

// Overlapping clinical service above 100 %: each set of placements that together exceed full
// time on some day is reported once, at the one that starts last. Open-ended periods are left
// out (their end is not planned yet).
void Overlaps(const RuleContext& c, const std::vector<Item>& items) {
  std::vector<const Item*> service;
  for (const Item& item : items)
    if (item.service && item.period->start && item.period->end && !Reversed(*item.period))
      service.push_back(&item);
  std::vector<Date> points;
  for (const Item* s : service) {
    points.push_back(*s->period->start);
    points.push_back(AddDays(*s->period->end, 1));
  }
  std::sort(points.begin(), points.end());
  points.erase(std::unique(points.begin(), points.end()), points.end());
  std::set<std::vector<const Item*>> reported;
  for (const Date& day : points) {
    std::vector<const Item*> on;
    double total = 0;
    for (const Item* s : service) {
      const DateRange& r = *s->period;
      if (*r.start <= day && day <= *r.end) {
        on.push_back(s);
        total += s->rate;
      }
    }
    if (total <= 100 + 1e-9 || !reported.insert(on).second) continue;
    const Item* last = on.front();
    std::string list;
    for (const Item* s : on) {
      if (*last->period->start < *s->period->start) last = s;
      list += (list.empty() ? "" : "; ") + s->label + " " + FormatPeriodText(*s->period) + " " +
              FormatRate(s->rate);
    }
    c.Add(Severity::kError, last->where, last->element + "/@start", "consistency.placement-overlap",
          "clinical service overlaps at " + FormatRate(total) + " of full time from " +
              FormatIso(day) + ": " + list,
          "");
  }
}

// One list of delmål codes in the record.
struct CodeList {
  const std::vector<std::string>* codes;
  SourceLocation where;
  std::string field;
  bool bt_allowed;
};

}  // namespace

// A specialty must be one of reference/specialties.xml (a misspelt specialty ends up on the
// application to Socialstyrelsen).
void Specialty(const RuleContext& c) {
  const Programme& p = c.trainee().programme;
  if (p.specialty.empty() || FindSpecialty(p.specialty)) return;
  c.Add(Severity::kWarning, p.where, "programme/@specialty", "consistency.specialty-unknown",
        "'" + p.specialty + "' is not one of the 63 specialties (reference/specialties.xml)",
        "SOSFS 2015:8 and HSLF-FS 2021:8, list of specialties");
}

void CheckConsistency(const RuleContext& c) {
  References(c);
  Specialty(c);
  const std::vector<Item> items = Items(c);
  Periods(c, items);
  Overlaps(c, items);
}

void CheckDelmalCodes(const RuleContext& c) {
  const Trainee& t = c.trainee();
  const Programme& p = t.programme;
  const std::string& regulation = c.regulation();
  const bool hslf = regulation == kHslf2021;
  // Whether the record covers a BT at all, and where BT codes may appear: BT placements,
  // delmål certificates, assessments, action plans, and (when there is a BT) courses and
  // auskultationer. Side placements, development work and scientific work are ST activities.
  bool has_bt = ProgrammeHasBt(p);
  for (const Placement& pl : t.placements) has_bt |= pl.is_bt;
  const bool bt_only = p.kind == "BT";

  std::vector<CodeList> lists;
  for (const auto& pl : t.placements)
    lists.push_back({&pl.delmal, pl.where, "placement/@delmal", IsBtPlacement(t, pl)});
  for (const auto& s : t.side_placements)
    lists.push_back({&s.delmal, s.where, "side-placement/@delmal", bt_only});
  std::vector<std::vector<std::string>> plan_codes;
  std::vector<SourceLocation> plan_where;
  for (const auto& s : t.side_placements)
    for (const auto& plan : s.plans) {
      plan_codes.push_back({plan.delmal});
      plan_where.push_back(s.where);
    }
  for (size_t i = 0; i < plan_codes.size(); ++i)
    lists.push_back({&plan_codes[i], plan_where[i], "side-placement/plan/@delmal", bt_only});
  for (const auto& a : t.auskultationer) lists.push_back({&a.delmal, a.where, "auskultation/@delmal", has_bt});
  for (const auto& co : t.courses) lists.push_back({&co.delmal, co.where, "course/@delmal", has_bt});
  for (const auto& w : t.development_work)
    lists.push_back({&w.delmal, w.where, "development-work/@delmal", bt_only});
  for (const auto& w : t.scientific_work)
    lists.push_back({&w.delmal, w.where, "scientific-work/@delmal", bt_only});
  for (const auto& g : t.delmal_groups)
    lists.push_back({&g.codes, g.where, "delmal-certificate/@codes", has_bt});
  for (const auto& a : t.assessments) lists.push_back({&a.delmal, a.where, "assessment/@delmal", has_bt});
  for (const auto& ap : t.action_plans)
    lists.push_back({&ap.delmal, ap.where, "action-plan/@delmal", has_bt});

  const char* source = hslf ? sources::kDelmal2021 : sources::kDelmal2015;
  bool certain = false;
  const std::optional<int> c_count = CDelmalCount(regulation, p.specialty, &certain);
  for (const CodeList& list : lists) {
    for (const std::string& code : *list.codes) {
      std::optional<DelmalCode> parsed = ParseDelmal(code);
      if (!parsed || !SetBelongsTo(parsed->set, regulation)) {
        c.Add(Severity::kError, list.where, list.field, "delmal.foreign",
              "'" + code + "' is not a delmål of " + regulation +
                  (hslf ? " (BT1–BT18, STa1–STa7, STb1–STb4, STc1…)" : " (a1–a6, b1–b5, c1…)"),
              source);
        continue;
      }
      if (IsBtSet(parsed->set) && !list.bt_allowed)
        c.Add(Severity::kError, list.where, list.field, "delmal.bt-outside-bt",
              "'" + code + "' is a BT delmål, but this " +
                  list.field.substr(0, list.field.find('/')) + " is not part of BT",
              source);
      if ((parsed->set == DelmalSet::kStc || parsed->set == DelmalSet::kC) && c_count &&
          parsed->number > *c_count)
        c.Add(Severity::kWarning, list.where, list.field, "delmal.c-out-of-range",
              "'" + code + "': " + p.specialty + " has " + (hslf ? "STc1–STc" : "c1–c") +
                  std::to_string(*c_count) + (certain ? "" : " (count from a secondary source)"),
              source);
    }
  }
  for (const DelmalGroup& g : t.delmal_groups) {
    bool bt = false, other = false;
    for (const std::string& code : g.codes) {
      std::optional<DelmalCode> parsed = ParseDelmal(code);
      if (!parsed || !SetBelongsTo(parsed->set, regulation)) continue;
      (IsBtSet(parsed->set) ? bt : other) = true;
    }
    if (bt && other)
      c.Add(Severity::kError, g.where, "delmal-certificate/@codes", "delmal.mixed-group",
            "one delmål certificate mixes BT delmål and ST delmål (" + CompressDelmal(g.codes) +
                "); BT delmål have their own certificate (HSLF-FS 2021:8 bilaga 2)",
            source);
  }
}

}  // namespace stdok
