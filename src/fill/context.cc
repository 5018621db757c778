#include "fill/context.h"

#include <algorithm>

#include "rules/regulation.h"
#include "rules/rule_context.h"
#include "rules/service_time.h"

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
  explicit ContextBuilder(const RecordsFile& file, int follow_up_months = 3)
      : file_(file), follow_up_months_(follow_up_months) {}

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

  // A person by id; an id that is not a defined person is taken as a free-text name.
  // The tjänsteförteckning: clinical service by start date, each period split where absences
  // that extend the training begin or end, at its net rate; the months exclude the absences.
  Value ServiceRows(const Trainee& t) const {
    struct Source {
      RatedPeriod period;
      Value unit;
      std::string kind;
      bool bt;
    };
    const double cap = t.programme.rate > 0 ? t.programme.rate : 100;
    std::vector<Source> sources;
    for (const Placement& pl : t.placements)
      if (pl.period.start && pl.period.end)
        sources.push_back({{*pl.period.start, *pl.period.end, std::min(pl.rate, cap)},
                           UnitValue(pl.unit_id, pl.unit_name), pl.kind, pl.is_bt});
    for (const SidePlacement& sp : t.side_placements)
      if (sp.period.start && sp.period.end)
        sources.push_back({{*sp.period.start, *sp.period.end, std::min(sp.rate, cap)},
                           UnitValue(sp.unit_id, sp.unit_name), "sidotjänstgöring", false});
    std::stable_sort(sources.begin(), sources.end(),
                     [](const Source& a, const Source& b) { return a.period.first < b.period.first; });
    const std::vector<RatedPeriod> absences = ExtendingAbsences(t);
    ValueList rows;
    for (const Source& source : sources) {
      for (const RatedPeriod& part : NetServiceParts(source.period, absences)) {
        rows.push_back(Value(ValueMap{{"unit", source.unit},
                                      {"period", PeriodValue({part.first, part.last})},
                                      {"rate", part.rate},
                                      {"months", FullTimeMonths(part.first, part.last, part.rate)},
                                      {"kind", source.kind},
                                      {"bt", source.bt}}));
      }
    }
    return Value(std::move(rows));
  }

  Value PersonValue(const std::string& id) const {
    if (id.empty()) return Value();
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

  Value SidePlacementValue(const SidePlacement& s, const stdok::Trainee& t) const {
    ValueMap m;
    m["id"] = s.id;
    m["unit"] = UnitValue(s.unit_id, s.unit_name);
    m["contact"] = PersonValue(s.contact);
    m["supervisor"] = PersonValue(s.supervisor);
    m["period"] = PeriodValue(s.period);
    m["rate"] = s.rate;
    if (s.period.start && s.period.end)
      m["months"] = FullTimeMonths(*s.period.start, *s.period.end, s.rate);
    m["reduced_time"] = s.reduced_time_note;
    m["contract_date"] = Opt(s.contract_date);
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
  Value DelmalOverview(const stdok::Trainee& t, const Date& today) const {
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
                        const std::string& name, const DateRange& period, bool planned) {
      if (period.start && *period.start > today) planned = true;
      for (Entry* e : touch(codes))
        e->activities.push_back(Value(ValueMap{{"kind", kind}, {"name", name},
                                               {"period", PeriodValue(period)},
                                               {"planned", planned}}));
    };
    for (const Placement& p : t.placements)
      activity(p.delmal, "Placering", UnitValue(p.unit_id, p.unit_name).ToText(), p.period, false);
    for (const SidePlacement& s : t.side_placements)
      activity(s.delmal, "Sidotjänstgöring", UnitValue(s.unit_id, s.unit_name).ToText(), s.period, false);
    for (const Auskultation& a : t.auskultationer)
      activity(a.delmal, "Auskultation", UnitValue(a.unit_id, a.unit_name).ToText(), a.period, false);
    for (const Course& c : t.courses) activity(c.delmal, "Kurs", c.subject, c.period, !c.done);
    for (const DevelopmentWork& w : t.development_work)
      activity(w.delmal, "Kvalitets- och utvecklingsarbete", w.subject, w.period, false);
    for (const ScientificWork& w : t.scientific_work)
      activity(w.delmal, "Vetenskapligt arbete", w.subject, DateRange{}, false);
    for (const Assessment& a : t.assessments)
      for (Entry* e : touch(a.delmal))
        e->assessments.push_back(Value(ValueMap{{"kind", a.kind}, {"date", Opt(a.date)},
                                                {"assessor", PersonValue(a.assessor)},
                                                {"note", a.note}}));
    for (const DelmalGroup& g : t.delmal_groups)
      for (Entry* e : touch(g.codes))
        e->certificates.push_back(Value(ValueMap{{"date", Opt(g.date)},
                                                 {"signer", PersonValue(g.signer)},
                                                 {"activities", g.activities},
                                                 {"verification", g.verification}}));
    std::vector<std::string> codes;
    for (const auto& [code, entry] : entries) codes.push_back(code);
    std::sort(codes.begin(), codes.end(), DelmalBefore);
    ValueList out;
    for (const std::string& code : codes) {
      Entry& e = entries[code];
      bool certified = !e.certificates.empty();
      Value certified_date = certified ? e.certificates.back().Get("date") : Value();
      out.push_back(Value(ValueMap{{"code", code},
                                   {"activities", Value(std::move(e.activities))},
                                   {"assessments", Value(std::move(e.assessments))},
                                   {"certificates", Value(std::move(e.certificates))},
                                   {"certified", certified},
                                   {"certified_date", certified_date}}));
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

  Value Trainee(const stdok::Trainee& t, const Date& today) const {
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
    std::string regulation = EffectiveRegulation(t);
    CompletionEstimate estimate = EstimateCompletion(t, regulation);
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
    for (const Placement& pl : t.placements) {
      ValueMap pm;
      pm["unit"] = UnitValue(pl.unit_id, pl.unit_name);
      pm["period"] = PeriodValue(pl.period);
      pm["rate"] = pl.rate;
      if (pl.period.start && pl.period.end)
        pm["months"] = FullTimeMonths(*pl.period.start, *pl.period.end, pl.rate);
      pm["kind"] = pl.kind;
      pm["supervisor"] = PersonValue(pl.supervisor);
      pm["delmal"] = Codes(pl.delmal);
      pm["description"] = pl.description;
      pm["bt"] = pl.is_bt;
      placements.push_back(Value(std::move(pm)));
    }
    // Clinical service under supervision: placements and side placements, by start date
    // (certificates for klinisk tjänstgöring and the tjänsteförteckningar use this list).
    ValueList service = placements;
    for (const SidePlacement& s : t.side_placements) {
      ValueMap sm;
      sm["unit"] = UnitValue(s.unit_id, s.unit_name);
      sm["period"] = PeriodValue(s.period);
      sm["rate"] = s.rate;
      if (s.period.start && s.period.end) sm["months"] = FullTimeMonths(*s.period.start, *s.period.end, s.rate);
      sm["kind"] = "sidotjänstgöring";
      sm["supervisor"] = PersonValue(s.supervisor);
      sm["delmal"] = Codes(s.delmal);
      std::string description = s.expectations;
      for (const auto& plan : s.plans) description += (description.empty() ? "" : "\n\n") + plan.delmal + ": " + plan.text;
      sm["description"] = description;
      sm["bt"] = false;
      sm["side"] = true;
      service.push_back(Value(std::move(sm)));
    }
    std::stable_sort(service.begin(), service.end(), [](const Value& a, const Value& b) {
      return CompareValues(a.Get("period").Get("start"), b.Get("period").Get("start")) < 0;
    });
    m["placements"] = Value(std::move(placements));
    m["clinical_service"] = Value(std::move(service));
    m["service_rows"] = ServiceRows(t);

    ValueList sides;
    for (const SidePlacement& s : t.side_placements) sides.push_back(SidePlacementValue(s, t));
    m["side_placements"] = Value(std::move(sides));

    ValueList ausk;
    for (const Auskultation& a : t.auskultationer) {
      ValueMap am{{"unit", UnitValue(a.unit_id, a.unit_name)}, {"period", PeriodValue(a.period)},
                  {"supervisor", PersonValue(a.supervisor)}, {"delmal", Codes(a.delmal)},
                  {"description", a.description}};
      ausk.push_back(Value(std::move(am)));
    }
    m["auskultationer"] = Value(std::move(ausk));

    ValueList courses;
    for (const Course& c : t.courses) {
      Value leader = PersonValue(c.leader);
      if (leader.IsNull() && !c.leader_name.empty()) leader = Value(ValueMap{{"name", c.leader_name}});
      ValueMap cm{{"subject", c.subject}, {"delmal", Codes(c.delmal)}, {"leader", leader},
                  {"signer_role", c.signer_role}, {"period", PeriodValue(c.period)},
                  {"description", c.description}, {"done", c.done}};
      courses.push_back(Value(std::move(cm)));
    }
    m["courses"] = Value(std::move(courses));

    ValueList dev;
    for (const DevelopmentWork& w : t.development_work) {
      ValueMap wm{{"subject", w.subject}, {"delmal", Codes(w.delmal)},
                  {"supervisor", PersonValue(w.supervisor)}, {"period", PeriodValue(w.period)},
                  {"description", w.description}};
      dev.push_back(Value(std::move(wm)));
    }
    m["development_work"] = Value(std::move(dev));

    ValueList science;
    for (const ScientificWork& w : t.scientific_work) {
      ValueMap wm{{"subject", w.subject}, {"delmal", Codes(w.delmal)},
                  {"supervisor", PersonValue(w.supervisor)}, {"activities", w.activities},
                  {"verification", w.verification}};
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
    for (const DelmalGroup& g : t.delmal_groups) {
      bool bt = !g.codes.empty();
      for (const std::string& code : g.codes) bt &= code.rfind("BT", 0) == 0;
      ValueMap gm{{"codes", Codes(g.codes)}, {"signer", PersonValue(g.signer)},
                  {"activities", g.activities}, {"verification", g.verification},
                  {"date", Opt(g.date)}, {"bt", bt}};
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
    m["delmal_overview"] = DelmalOverview(t, today);

    const ContractTerms& c = t.contract;
    ValueMap cm{{"date", Opt(c.date)}, {"place", c.place},
                {"supervision_hours", Opt(c.supervision_hours)},
                {"self_study_hours", Opt(c.self_study_hours)}, {"teaching", c.teaching},
                {"research", c.research}, {"abroad", c.abroad},
                {"specialist_exam", c.specialist_exam}, {"appraisals", c.appraisals},
                {"other", c.other}, {"variant", c.variant}, {"iup_date", Opt(c.iup_date)}};
    m["contract"] = Value(std::move(cm));
    return Value(std::move(m));
  }

 private:
  const RecordsFile& file_;
  int follow_up_months_ = 3;
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

Value BuildTraineeContext(const RecordsFile& file, const Trainee& trainee, const Profile& profile,
                          const Date& today) {
  ContextBuilder builder(file, FollowUpMonths(profile));
  ValueMap root{{"region", RegionValue(file, profile)},
                {"profile", ProfileValue(profile)},
                {"today", today},
                {"trainee", builder.Trainee(trainee, today)}};
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
