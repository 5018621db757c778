#include "fill/context.h"

#include <algorithm>
#include <set>

#include "rules/delmal_codes.h"
#include "rules/rule_context.h"
#include "rules/service_time.h"
#include "text/swedish_format.h"

namespace stdok {
namespace {

Value Opt(const std::optional<Date>& d) { return d ? Value(*d) : Value(); }
Value Opt(const std::optional<double>& d) { return d ? Value(*d) : Value(); }

Value Codes(const std::vector<std::string>& codes) {
  ValueList list;
  for (const auto& c : codes) list.emplace_back(c);
  return Value(std::move(list));
}

Value PeriodValue(const DateRange& r) {
  ValueMap m;
  m["start"] = Opt(r.start);
  m["end"] = Opt(r.end);
  return Value(std::move(m));
}

// Whether two periods share a day; an open end counts as open-ended.
bool Overlaps(const DateRange& a, const DateRange& b) {
  if (!a.start || !b.start) return false;
  if (b.end && *a.start > *b.end) return false;
  if (a.end && *b.start > *a.end) return false;
  return true;
}

// How the IUP names a delmål's state.
const char* DelmalStateText(DelmalState state) {
  switch (state) {
    case DelmalState::kCertified: return "intygat";
    case DelmalState::kDone: return "genomfört, ej intygat";
    case DelmalState::kPlanned: return "planerat";
    case DelmalState::kMissing: return "saknas";
  }
  return "";
}

Value ReadinessValue(const Readiness& r) {
  ValueList reasons;
  for (const std::string& reason : r.reasons) reasons.emplace_back(reason);
  return Value(ValueMap{{"applies", r.applies}, {"ready", r.ready}, {"reasons", Value(std::move(reasons))}});
}

// Delmål codes in reading order: letters, then the number as a number (STa2 before STa10).
bool DelmalBefore(const std::string& a, const std::string& b) {
  auto split = [](const std::string& code) {
    size_t digits = code.find_first_of("0123456789");
    std::string prefix = code.substr(0, digits);
    int number = 0;
    if (digits != std::string::npos)
      for (size_t i = digits; i < code.size() && code[i] >= '0' && code[i] <= '9'; ++i)
        number = number * 10 + (code[i] - '0');
    return std::make_pair(prefix, number);
  };
  auto ka = split(a), kb = split(b);
  if (ka != kb) return ka < kb;
  return a < b;
}

class ContextBuilder {
 public:
  explicit ContextBuilder(const RecordsFile& file, int follow_up_months = 3, int revision_months = 12,
                          ContextNeeds needs = {})
      : file_(file), follow_up_months_(follow_up_months), revision_months_(revision_months), needs_(needs) {}

  // The IUP version printed: the recorded revision, else the run's date.
  static Date IupVersion(const stdok::Trainee& t, const TraineeFacts& f) {
    if (t.contract.iup_revised) return *t.contract.iup_revised;
    return f.as_of;
  }

  Value UnitValue(const std::string& id, const std::string& fallback_name) const {
    auto it = file_.units.find(id);
    ValueMap m;
    if (it == file_.units.end()) {
      m["name"] = fallback_name.empty() ? id : fallback_name;
      return Value(std::move(m));
    }
    const Unit& u = it->second;
    m["id"] = u.id;
    m["name"] = u.name;
    m["kind"] = u.kind;
    m["town"] = u.town;
    m["address"] = u.address;
    return Value(std::move(m));
  }

  // The tjänsteförteckning: the done and ongoing parts of clinical service (placements and side
  // placements), by start date, each at its net rate; nothing after the as-of date.
  Value ServiceRows(const Trainee& t, const TraineeFacts& f) const {
    struct Row {
      ServicePart part;
      Value unit;
      std::string kind;
      bool bt;
    };
    std::vector<Row> rows;
    for (size_t i = 0; i < t.placements.size(); ++i)
      for (const ServicePart& part : f.placements[i].parts)
        if (part.progress != Progress::kPlanned)
          rows.push_back({part, UnitValue(t.placements[i].unit_id, t.placements[i].unit_name),
                          t.placements[i].kind, t.placements[i].is_bt});
    for (size_t i = 0; i < t.side_placements.size(); ++i)
      for (const ServicePart& part : f.side_placements[i].parts)
        if (part.progress != Progress::kPlanned)
          rows.push_back({part, UnitValue(t.side_placements[i].unit_id, t.side_placements[i].unit_name),
                          "sidotjänstgöring", false});
    std::stable_sort(rows.begin(), rows.end(),
                     [](const Row& a, const Row& b) { return a.part.first < b.part.first; });
    ValueList out;
    for (const Row& row : rows) {
      Value v = PartValue(row.part);
      ValueMap m = v.AsMap();
      m["unit"] = row.unit;
      m["kind"] = row.kind;
      m["bt"] = row.bt;
      out.push_back(Value(std::move(m)));
    }
    return Value(std::move(out));
  }

  static Value PartValue(const ServicePart& part) {
    return Value(ValueMap{{"period", PeriodValue({part.first, part.last})},
                          {"rate", part.net_rate},
                          {"agreed_rate", part.rate},
                          {"months", part.months},
                          {"progress", ProgressName(part.progress)},
                          {"ongoing", part.progress == Progress::kOngoing},
                          {"planned", part.progress == Progress::kPlanned}});
  }

  // The facts of one placement or side placement: its parts, net months, progress and the
  // rate as one text ("80 %", or "100 % 2025-02-03 – 2025-03-01; 80 % 2025-03-02 – …").
  static void AddServiceFacts(const ServiceFacts& f, ValueMap* m) {
    ValueList parts;
    bool one_rate = true;
    for (const ServicePart& part : f.parts) {
      parts.push_back(PartValue(part));
      one_rate &= part.net_rate == f.parts.front().net_rate;
    }
    std::string rate_text;
    if (one_rate && !f.parts.empty()) {
      rate_text = FormatPercent(f.parts.front().net_rate);
    } else {
      for (size_t i = 0; i < f.parts.size(); ++i) {
        if (i > 0 && f.parts[i].net_rate == f.parts[i - 1].net_rate &&
            f.parts[i].first == AddDays(f.parts[i - 1].last, 1))
          continue;  // cut only at the as-of date
        size_t j = i;
        while (j + 1 < f.parts.size() && f.parts[j + 1].net_rate == f.parts[i].net_rate &&
               f.parts[j + 1].first == AddDays(f.parts[j].last, 1))
          ++j;
        rate_text += (rate_text.empty() ? "" : "; ") + FormatPercent(f.parts[i].net_rate) + " " +
                     FormatIso(f.parts[i].first) + " – " + FormatIso(f.parts[j].last);
      }
    }
    (*m)["parts"] = Value(std::move(parts));
    (*m)["months"] = f.months;
    (*m)["served_months"] = f.served_months;
    (*m)["rate_text"] = rate_text;
    (*m)["progress"] = ProgressName(f.progress);
    (*m)["done"] = f.progress == Progress::kDone;
    (*m)["description"] = f.attested_description;
  }

  static void AddProgress(Progress progress, ValueMap* m) {
    (*m)["progress"] = ProgressName(progress);
    (*m)["done"] = progress == Progress::kDone;
  }

  // A person named in several roles of one record (huvudhandledare, a placement's supervisor,
  // an assessor …) is built once: values are immutable, so every role shares it.
  Value PersonValue(const std::string& id) const {
    if (id.empty()) return Value();
    auto [cached, inserted] = people_.try_emplace(id);
    if (inserted) cached->second = MakePersonValue(id);
    return cached->second;
  }

  Value MakePersonValue(const std::string& id) const {
    auto it = file_.people.find(id);
    ValueMap m;
    if (it == file_.people.end()) {
      m["name"] = id;
      return Value(std::move(m));
    }
    const Person& p = it->second;
    m["id"] = p.id;
    m["name"] = p.given_name + " " + p.family_name;
    m["given"] = p.given_name;
    m["family"] = p.family_name;
    m["title"] = p.title;
    m["specialty"] = p.specialty;
    std::string workplace = p.workplace;
    if (auto u = file_.units.find(p.unit_id); u != file_.units.end()) workplace = u->second.name;
    m["workplace"] = workplace;
    m["email"] = p.email;
    m["phone"] = p.phone;
    std::string contact = p.phone;
    if (!p.email.empty()) contact += (contact.empty() ? "" : ", ") + p.email;
    m["contact"] = contact;
    m["personnummer"] = p.personnummer;
    if (p.supervisor_training_year) m["training_year"] = *p.supervisor_training_year;
    return Value(std::move(m));
  }

  Value SidePlacementValue(const SidePlacement& s, const ServiceFacts& facts,
                           const stdok::Trainee& t) const {
    ValueMap m;
    m["id"] = s.id;
    m["unit"] = UnitValue(s.unit_id, s.unit_name);
    m["contact"] = PersonValue(s.contact);
    m["supervisor"] = PersonValue(s.supervisor);
    m["period"] = PeriodValue(s.period);
    m["rate"] = s.rate;
    AddServiceFacts(facts, &m);
    m["reduced_time"] = s.reduced_time_note;
    m["contract_date"] = Opt(s.contract_date);
    // Part of the ST-kontrakt when agreed on or before its date (or no date is known).
    m["in_st_contract"] = !s.contract_date || !t.contract.date || !(*t.contract.date < *s.contract_date);
    m["contract_place"] = s.contract_place;
    m["delmal"] = Codes(s.delmal);
    m["expectations"] = s.expectations;
    ValueList plans;
    for (const auto& p : s.plans) plans.push_back(Value(ValueMap{{"delmal", p.delmal}, {"text", p.text}}));
    m["plans"] = Value(std::move(plans));
    m["on_call"] = s.on_call;
    m["seminar_days"] = s.seminar_days;
    m["booked_courses"] = s.booked_courses;
    m["absences"] = s.absences_note;
    m["receiving_duties"] = s.receiving_duties;
    m["trainee_evaluation"] = s.trainee_evaluation;
    m["clinic_assessment"] = s.clinic_assessment;
    m["instruments"] = s.assessment_instruments;
    m["strengths"] = s.strengths;
    m["improvements"] = s.improvements;
    // Registered absences and courses that fall in the placement's period (the contract lists
    // them so that the receiving unit can plan around them).
    ValueList absences;
    for (const Absence& a : t.absences) {
      if (!Overlaps(a.period, s.period)) continue;
      absences.push_back(Value(ValueMap{{"kind", a.kind}, {"period", PeriodValue(a.period)},
                                        {"rate", a.rate}}));
    }
    m["absences_during"] = Value(std::move(absences));
    ValueList courses;
    for (const Course& c : t.courses) {
      if (!Overlaps(c.period, s.period)) continue;
      courses.push_back(Value(ValueMap{{"subject", c.subject}, {"period", PeriodValue(c.period)},
                                       {"delmal", Codes(c.delmal)}, {"done", c.done}}));
    }
    m["courses_during"] = Value(std::move(courses));
    return Value(std::move(m));
  }

  // One row per delmål named anywhere in the record, in code order: what is planned or done
  // for it, how it has been assessed and whether it is certified (the IUP's delmålsöversikt).
  Value DelmalOverview(const stdok::Trainee& t, const TraineeFacts& f) const {
    struct Entry {
      ValueList activities;
      ValueList assessments;
      ValueList certificates;
    };
    std::map<std::string, Entry> entries;
    auto touch = [&](const std::vector<std::string>& codes) -> std::vector<Entry*> {
      std::vector<Entry*> out;
      for (const auto& c : codes) out.push_back(&entries[c]);
      return out;
    };
    auto activity = [&](const std::vector<std::string>& codes, const std::string& kind,
                        const std::string& name, const DateRange& period, Progress progress) {
      const bool planned = progress == Progress::kPlanned;
      for (Entry* e : touch(codes))
        e->activities.push_back(Value(ValueMap{{"kind", kind}, {"name", name},
                                               {"period", PeriodValue(period)},
                                               {"planned", planned}}));
    };
    for (size_t i = 0; i < t.placements.size(); ++i) {
      const Placement& p = t.placements[i];
      activity(p.delmal, "Placering", UnitValue(p.unit_id, p.unit_name).ToText(), p.period,
               f.placements[i].progress);
    }
    for (size_t i = 0; i < t.side_placements.size(); ++i) {
      const SidePlacement& s = t.side_placements[i];
      activity(s.delmal, "Sidotjänstgöring", UnitValue(s.unit_id, s.unit_name).ToText(), s.period,
               f.side_placements[i].progress);
    }
    for (size_t i = 0; i < t.auskultationer.size(); ++i) {
      const Auskultation& a = t.auskultationer[i];
      activity(a.delmal, "Auskultation", UnitValue(a.unit_id, a.unit_name).ToText(), a.period,
               f.auskultationer[i].progress);
    }
    for (size_t i = 0; i < t.courses.size(); ++i)
      activity(t.courses[i].delmal, "Kurs", t.courses[i].subject, t.courses[i].period, f.courses[i].progress);
    for (size_t i = 0; i < t.development_work.size(); ++i)
      activity(t.development_work[i].delmal, "Kvalitets- och utvecklingsarbete", t.development_work[i].subject,
               t.development_work[i].period, f.development_work[i].progress);
    for (size_t i = 0; i < t.scientific_work.size(); ++i)
      activity(t.scientific_work[i].delmal, "Vetenskapligt arbete", t.scientific_work[i].subject,
               t.scientific_work[i].period, f.scientific_work[i].progress);
    for (const Assessment& a : t.assessments)
      for (Entry* e : touch(a.delmal))
        e->assessments.push_back(Value(ValueMap{{"kind", a.kind}, {"date", Opt(a.date)},
                                                {"assessor", PersonValue(a.assessor)},
                                                {"note", a.note}}));
    for (size_t i = 0; i < t.delmal_groups.size(); ++i) {
      const DelmalGroup& g = t.delmal_groups[i];
      if (f.delmal_groups[i] != Progress::kDone) continue;
      for (Entry* e : touch(g.codes))
        e->certificates.push_back(Value(ValueMap{{"date", Opt(g.date)},
                                                 {"signer", PersonValue(g.signer)},
                                                 {"activities", g.activities},
                                                 {"verification", g.verification}}));
    }
    // Every delmål of the regulation and specialty (facts), then any other code the record names.
    ValueList out;
    std::set<std::string> listed;
    for (const DelmalFact& d : f.delmal) {
      Entry& e = entries[d.code];
      listed.insert(d.code);
      out.push_back(Value(ValueMap{{"code", d.code},
                                   {"title", DelmalTitle(d.code)},
                                   {"state", DelmalStateName(d.state)},
                                   {"state_text", DelmalStateText(d.state)},
                                   {"activities", Value(std::move(e.activities))},
                                   {"assessments", Value(std::move(e.assessments))},
                                   {"certificates", Value(std::move(e.certificates))},
                                   {"certified", d.state == DelmalState::kCertified},
                                   {"certified_date", Opt(d.certified_on)}}));
    }
    std::vector<std::string> others;
    for (const auto& [code, entry] : entries)
      if (!listed.count(code)) others.push_back(code);
    std::sort(others.begin(), others.end(), DelmalBefore);
    for (const std::string& code : others) {
      Entry& e = entries[code];
      out.push_back(Value(ValueMap{{"code", code},
                                   {"title", DelmalTitle(code)},
                                   {"state", ""},
                                   {"state_text", ""},
                                   {"activities", Value(std::move(e.activities))},
                                   {"assessments", Value(std::move(e.assessments))},
                                   {"certificates", Value(std::move(e.certificates))},
                                   {"certified", false},
                                   {"certified_date", Value()}}));
    }
    return Value(std::move(out));
  }

  Value ActionPlanValue(const ActionPlan& p) const {
    ValueMap m;
    m["id"] = p.id;
    m["date"] = Opt(p.date);
    m["level"] = p.level;
    m["track"] = p.track;
    m["advanced"] = p.track == "advanced";
    m["background"] = p.background;
    m["delmal"] = Codes(p.delmal);
    m["gaps"] = p.gaps;
    m["analysis"] = p.analysis;
    ValueList actions;
    for (const auto& a : p.actions) {
      ValueMap am;
      am["text"] = a.text;
      Value person = PersonValue(a.responsible);
      am["responsible"] = person.IsNull() ? Value(a.responsible) : person;
      am["due"] = Opt(a.due);
      actions.push_back(Value(std::move(am)));
    }
    m["actions"] = Value(std::move(actions));
    m["time_plan"] = p.time_plan;
    ValueList follow_ups;
    for (const Date& d : p.follow_ups) follow_ups.emplace_back(d);
    m["follow_ups"] = Value(std::move(follow_ups));
    // First follow-up: within three months (Västernorrland bilaga F) unless the region's
    // profile sets deadline-action-plan-follow-up-months, as the deadline rule does.
    m["follow_up_months"] = follow_up_months_;
    if (p.date) m["first_follow_up_due"] = AddMonths(*p.date, follow_up_months_);
    m["chef"] = PersonValue(p.chef);
    m["overall_director"] = PersonValue(p.overall_director);
    m["hr_contact"] = PersonValue(p.hr_contact);
    return Value(std::move(m));
  }

  Value Trainee(const stdok::Trainee& t, const TraineeFacts& f) const {
    ValueMap m;
    m["id"] = t.id;
    m["given"] = t.given_name;
    m["family"] = t.family_name;
    m["name"] = t.FullName();
    m["personnummer"] = t.personnummer;
    m["email"] = t.contact.email;
    m["phone"] = t.contact.phone;
    m["work_phone"] = t.contact.work_phone;
    m["address"] = t.contact.address;
    m["postcode"] = t.contact.postcode;
    m["town"] = t.contact.town;
    std::string contact = t.contact.phone;
    if (!t.contact.email.empty()) contact += (contact.empty() ? "" : ", ") + t.contact.email;
    m["contact"] = contact;
    m["swedish_at"] = t.education.swedish_at;
    m["degree_country"] = t.education.degree_country;
    m["degree_date"] = Opt(t.education.degree_date);
    m["bt_certificate_date"] = Opt(t.education.bt_certificate_date);
    ValueList licences;
    for (const Licence& l : t.education.licences)
      licences.push_back(Value(ValueMap{{"country", l.country}, {"date", Opt(l.date)}}));
    m["licences"] = Value(std::move(licences));
    m["third_country_specialist"] = t.education.third_country_specialist;

    const Programme& p = t.programme;
    const std::string& regulation = f.regulation;
    const CompletionEstimate& estimate = f.completion;
    ValueMap prog;
    prog["kind"] = p.kind;
    prog["is_st"] = p.kind != "BT";
    prog["is_bt"] = p.kind != "ST";
    prog["specialty"] = p.specialty;
    prog["start"] = Opt(p.start);
    prog["bt_start"] = Opt(p.bt_start);
    prog["planned_end"] = Opt(p.planned_end);
    prog["earliest_completion"] = Opt(estimate.earliest_completion);
    prog["end"] = p.planned_end ? Value(*p.planned_end) : Opt(estimate.earliest_completion);
    prog["end_is_computed"] = !p.planned_end.has_value();
    prog["required_months"] = estimate.required_months;
    prog["credited_months"] = estimate.credited_months;
    prog["bt_before_start_months"] = estimate.bt_before_start_months;
    prog["served_months"] = f.time.served_months;
    prog["time_required_months"] = f.time.required_months;  // minimum after credits
    prog["time_met"] = f.time.met;
    prog["rate"] = p.rate;
    prog["regulation"] = regulation;
    prog["home_unit"] = UnitValue(p.home_unit_id, "");
    m["programme"] = Value(std::move(prog));
    m["workplace"] = t.contact.workplace.empty() ? UnitValue(p.home_unit_id, "").ToText()
                                                 : t.contact.workplace;

    m["huvudhandledare"] = PersonValue(t.roles.main_supervisor);
    m["verksamhetschef"] = PersonValue(t.roles.head_of_unit);
    m["studierektor"] = PersonValue(t.roles.director_of_studies);
    m["bt_chef"] = PersonValue(t.roles.bt_manager);
    m["extern_bedomare"] = PersonValue(t.roles.external_assessor);
    m["specialist"] = PersonValue(t.roles.second_specialist);
    // SOSFS 2015:8: has the verksamhetschef appointed a specialist to assess the trainee?
    // Yes when a second specialist is recorded; no when the verksamhetschef is a specialist
    // in the trainee's specialty (and assesses); unknown (no box ticked) otherwise.
    // The one who signs "Intygande – Verksamhetschefen/den läkare som har utsetts enligt 4 kap.
    // 4 §" on SOSFS 2015:8 bilagor 2, 8 a and 8 b: the appointed specialist, else the chef.
    m["certifying_chef"] = PersonValue(t.roles.second_specialist.empty() ? t.roles.head_of_unit
                                                                         : t.roles.second_specialist);
    if (!t.roles.second_specialist.empty()) m["designated_assessor"] = true;
    else if (auto chef = file_.people.find(t.roles.head_of_unit);
             chef != file_.people.end() && !chef->second.specialty.empty() &&
             chef->second.specialty == p.specialty)
      m["designated_assessor"] = false;

    ValueList placements;
    for (size_t i = 0; i < t.placements.size(); ++i) {
      const Placement& pl = t.placements[i];
      ValueMap pm;
      pm["unit"] = UnitValue(pl.unit_id, pl.unit_name);
      pm["period"] = PeriodValue(pl.period);
      pm["rate"] = pl.rate;
      AddServiceFacts(f.placements[i], &pm);
      pm["kind"] = pl.kind;
      pm["supervisor"] = PersonValue(pl.supervisor);
      pm["delmal"] = Codes(pl.delmal);
      pm["bt"] = pl.is_bt;
      pm["certificate"] = pl.certificate;
      placements.push_back(Value(std::move(pm)));
    }
    // Clinical service under supervision: placements and side placements, by start date
    // (certificates for klinisk tjänstgöring and the tjänsteförteckningar use this list).
    ValueList service = placements;
    for (size_t i = 0; i < t.side_placements.size(); ++i) {
      const SidePlacement& s = t.side_placements[i];
      ValueMap sm;
      sm["unit"] = UnitValue(s.unit_id, s.unit_name);
      sm["period"] = PeriodValue(s.period);
      sm["rate"] = s.rate;
      AddServiceFacts(f.side_placements[i], &sm);  // description: the receiving unit's plans
      sm["kind"] = "sidotjänstgöring";
      sm["supervisor"] = PersonValue(s.supervisor);
      sm["delmal"] = Codes(s.delmal);
      sm["bt"] = false;
      sm["side"] = true;
      sm["certificate"] = true;
      service.push_back(Value(std::move(sm)));
    }
    std::stable_sort(service.begin(), service.end(), [](const Value& a, const Value& b) {
      return CompareValues(a.Get("period").Get("start"), b.Get("period").Get("start")) < 0;
    });
    m["placements"] = Value(std::move(placements));
    m["clinical_service"] = Value(std::move(service));
    if (needs_.service_rows) m["service_rows"] = ServiceRows(t, f);

    ValueList sides;
    for (size_t i = 0; i < t.side_placements.size(); ++i)
      sides.push_back(SidePlacementValue(t.side_placements[i], f.side_placements[i], t));
    m["side_placements"] = Value(std::move(sides));

    ValueList ausk;
    for (size_t i = 0; i < t.auskultationer.size(); ++i) {
      const Auskultation& a = t.auskultationer[i];
      ValueMap am{{"unit", UnitValue(a.unit_id, a.unit_name)}, {"period", PeriodValue(a.period)},
                  {"supervisor", PersonValue(a.supervisor)}, {"delmal", Codes(a.delmal)},
                  {"description", a.description}};
      AddProgress(f.auskultationer[i].progress, &am);
      ausk.push_back(Value(std::move(am)));
    }
    m["auskultationer"] = Value(std::move(ausk));

    ValueList courses;
    for (size_t i = 0; i < t.courses.size(); ++i) {
      const Course& c = t.courses[i];
      Value leader = PersonValue(c.leader);
      if (leader.IsNull() && !c.leader_name.empty()) leader = Value(ValueMap{{"name", c.leader_name}});
      ValueMap cm{{"subject", c.subject}, {"delmal", Codes(c.delmal)}, {"leader", leader},
                  {"signer_role", c.signer_role}, {"period", PeriodValue(c.period)},
                  {"description", c.description}, {"signer_problem", f.courses[i].signer_problem}};
      AddProgress(f.courses[i].progress, &cm);
      courses.push_back(Value(std::move(cm)));
    }
    m["courses"] = Value(std::move(courses));

    ValueList dev;
    for (size_t i = 0; i < t.development_work.size(); ++i) {
      const DevelopmentWork& w = t.development_work[i];
      ValueMap wm{{"subject", w.subject}, {"delmal", Codes(w.delmal)},
                  {"supervisor", PersonValue(w.supervisor)}, {"period", PeriodValue(w.period)},
                  {"description", w.description}};
      AddProgress(f.development_work[i].progress, &wm);
      dev.push_back(Value(std::move(wm)));
    }
    m["development_work"] = Value(std::move(dev));

    ValueList science;
    for (size_t i = 0; i < t.scientific_work.size(); ++i) {
      const ScientificWork& w = t.scientific_work[i];
      ValueMap wm{{"subject", w.subject}, {"delmal", Codes(w.delmal)},
                  {"supervisor", PersonValue(w.supervisor)}, {"activities", w.activities},
                  {"verification", w.verification}, {"period", PeriodValue(w.period)}};
      AddProgress(f.scientific_work[i].progress, &wm);
      science.push_back(Value(std::move(wm)));
    }
    m["scientific_work"] = Value(std::move(science));

    ValueList absences;
    for (const Absence& a : t.absences) {
      ValueMap am{{"kind", a.kind}, {"period", PeriodValue(a.period)}, {"rate", a.rate},
                  {"extends", AbsenceExtendsTraining(a.kind)}};
      absences.push_back(Value(std::move(am)));
    }
    m["absences"] = Value(std::move(absences));

    ValueList prior;
    for (const PriorService& ps : t.credits.prior_service) {
      ValueMap pm{{"description", ps.description}, {"unit", ps.unit_name},
                  {"period", PeriodValue(ps.period)}, {"rate", ps.rate}, {"months", ps.months}};
      prior.push_back(Value(std::move(pm)));
    }
    m["prior_service"] = Value(std::move(prior));
    m["doctorate"] = t.credits.swedish_doctorate;

    ValueList groups;
    for (size_t i = 0; i < t.delmal_groups.size(); ++i) {
      const DelmalGroup& g = t.delmal_groups[i];
      bool bt = !g.codes.empty();
      for (const std::string& code : g.codes) bt &= code.rfind("BT", 0) == 0;
      ValueMap gm{{"codes", Codes(g.codes)}, {"signer", PersonValue(g.signer)},
                  {"activities", g.activities}, {"verification", g.verification},
                  {"date", Opt(g.date)}, {"bt", bt}};
      AddProgress(f.delmal_groups[i], &gm);
      groups.push_back(Value(std::move(gm)));
    }
    m["delmal_groups"] = Value(std::move(groups));

    ValueList assessments;
    for (const Assessment& a : t.assessments) {
      ValueMap am{{"kind", a.kind}, {"date", Opt(a.date)}, {"delmal", Codes(a.delmal)},
                  {"assessor", PersonValue(a.assessor)}, {"note", a.note}};
      assessments.push_back(Value(std::move(am)));
    }
    m["assessments"] = Value(std::move(assessments));

    ValueList plans;
    for (const ActionPlan& ap : t.action_plans) plans.push_back(ActionPlanValue(ap));
    m["action_plans"] = Value(std::move(plans));
    if (needs_.delmal_overview) m["delmal_overview"] = DelmalOverview(t, f);
    m["readiness"] = Value(ValueMap{{"bt_service", ReadinessValue(f.bt_service)},
                                    {"bt_competence", ReadinessValue(f.bt_competence)},
                                    {"bt_application", ReadinessValue(f.bt_application)},
                                    {"st_service", ReadinessValue(f.st_service)},
                                    {"st_competence", ReadinessValue(f.st_competence)},
                                    {"st_application", ReadinessValue(f.st_application)}});
    // The IUP version printed: the recorded revision, else the run's date (the record as it is
    // today is a new revision, signed today).
    const Date version = IupVersion(t, f);
    m["iup"] = Value(ValueMap{{"established", Opt(t.contract.iup_date)},
                              {"version_date", version},
                              {"revised", t.contract.iup_date && *t.contract.iup_date == version
                                              ? Value() : Value(version)},
                              {"next_revision", AddMonths(version, revision_months_)}});

    const ContractTerms& c = t.contract;
    ValueMap cm{{"date", Opt(c.date)}, {"place", c.place},
                {"supervision_hours", Opt(c.supervision_hours)},
                {"self_study_hours", Opt(c.self_study_hours)}, {"teaching", c.teaching},
                {"research", c.research}, {"abroad", c.abroad},
                {"specialist_exam", c.specialist_exam}, {"appraisals", c.appraisals},
                {"other", c.other}, {"variant", c.variant}, {"iup_date", Opt(c.iup_date)},
                {"iup_revised", Opt(c.iup_revised)}};
    m["contract"] = Value(std::move(cm));
    return Value(std::move(m));
  }

 private:
  const RecordsFile& file_;
  int follow_up_months_ = 3;
  int revision_months_ = 12;
  ContextNeeds needs_;
  mutable std::map<std::string, Value, std::less<>> people_;  // PersonValue's, by id
};

// The months to the first follow-up of an action plan: the profile's value (the same key the
// deadline rule reads), else three (Västernorrland, bilaga F).
int FollowUpMonths(const Profile& profile) {
  std::optional<int> months = ProfileInt(profile, profile_keys::kFollowUpMonths);
  return months && *months > 0 ? *months : 3;
}

Value RegionValue(const RecordsFile& file, const Profile& profile) {
  ValueMap m{{"id", file.region.id},
             {"name", file.region.name.empty() ? profile.name : file.region.name},
             {"issuing_unit", file.region.issuing_unit}};
  return Value(std::move(m));
}

Value ProfileValue(const Profile& profile) {
  ValueMap m{{"id", profile.id}, {"name", profile.name}};
  for (const auto& [key, value] : profile.values) m[key] = value;
  return Value(std::move(m));
}

}  // namespace

ContextNeeds ContextNeeds::Of(const std::vector<const NameSet*>& documents) {
  ContextNeeds needs{false, false};
  for (const NameSet* names : documents) {
    needs.delmal_overview |= names->contains("delmal_overview");
    needs.service_rows |= names->contains("service_rows");
  }
  return needs;
}

Value BuildTraineeContext(const RecordsFile& file, const Trainee& trainee, const Profile& profile,
                          const TraineeFacts& facts, const ContextNeeds& needs) {
  std::optional<int> revisions = ProfileInt(profile, "iup-revisions-per-year");
  ContextBuilder builder(file, FollowUpMonths(profile),
                         revisions && *revisions > 0 ? std::max(1, 12 / *revisions) : 12, needs);
  ValueMap root{{"region", RegionValue(file, profile)},
                {"profile", ProfileValue(profile)},
                {"today", facts.as_of},
                {"trainee", builder.Trainee(trainee, facts)}};
  return Value(std::move(root));
}

Value BuildDirectorContext(const RecordsFile& file, const DirectorContract& c,
                           const Profile& profile, const Date& today) {
  ContextBuilder builder(file);
  ValueList units;
  for (const auto& id : c.unit_ids) units.push_back(builder.UnitValue(id, id));
  ValueMap contract{{"person", builder.PersonValue(c.person)},
                    {"verksamhetschef", builder.PersonValue(c.head_of_unit)},
                    {"kind", c.kind},
                    {"regulation", c.regulation},
                    {"form", c.form},
                    {"period", PeriodValue(c.period)},
                    {"share", c.share},
                    {"compensation", c.compensation},
                    {"units", Value(std::move(units))},
                    {"date", Opt(c.date)},
                    {"place", c.place}};
  if (c.period.end) contract["renewal_talk_by"] = AddMonths(*c.period.end, -6);
  ValueMap root{{"region", RegionValue(file, profile)},
                {"profile", ProfileValue(profile)},
                {"today", today},
                {"contract", Value(std::move(contract))}};
  return Value(std::move(root));
}

}  // namespace stdok
