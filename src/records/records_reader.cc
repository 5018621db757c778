#include "records/records_reader.h"

#include <algorithm>
#include <atomic>
#include <functional>
#include <map>
#include <set>
#include <thread>

#include "records/element_reader.h"
#include "xml/element_stream.h"
#include "text/personnummer.h"

namespace stdok {
namespace {

DateRange ReadRange(ElementReader& r, bool start_required) {
  DateRange range;
  range.start = r.DateAttr("start", start_required);
  range.end = r.DateAttr("end");
  if (range.start && range.end && *range.end < *range.start)
    r.Error("@end", "records.period-reversed",
            "the period ends (" + FormatIso(*range.end) + ") before it starts (" +
                FormatIso(*range.start) + ")",
            r.node().attribute("end"));
  return range;
}

// An attribute that is absent or holds only white space.
bool Blank(pugi::xml_attribute a) {
  return std::string_view(a.value()).find_first_not_of(" \t\r\n") == std::string_view::npos;
}

double Rate(ElementReader& r, const char* name = "rate") {
  return r.Number(name, 0, 100).value_or(100);
}

const char* PersonalNumberProblem(PersonalNumberError error) {
  return error == PersonalNumberError::kCheckDigit ? "its check digit is wrong"
         : error == PersonalNumberError::kDate     ? "its date does not exist"
                                                   : "it is not 10 or 12 digits";
}

// Whether some run of digits (with '-' or '+') in `text` is a valid personnummer.
bool HoldsPersonalNumber(const std::string& text, const Date& today) {
  for (auto [start, length] : NumberRuns(text)) {
    PersonalNumberError error;
    if (ParsePersonalNumber(std::string_view(text).substr(start, length), today, &error)) return true;
  }
  return false;
}

class TraineeReader {
 public:
  TraineeReader(ReadContext* context, Date today) : context_(context), today_(today) {}

  // Only what identifies the record: where it is, its id (masked when it is a personnummer)
  // and its name, the same values Read gives.
  Trainee ReadIdentity(pugi::xml_node node) {
    Trainee t;
    ElementReader r(node, context_);
    ReadIdentity(node, r, &t);
    return t;
  }

  Trainee Read(pugi::xml_node node) {
    Trainee t;
    ElementReader r(node, context_);
    ReadIdentity(node, r, &t);
    pugi::xml_node personnummer = r.Single("personnummer");
    if (personnummer) {
      ElementReader e(personnummer, context_);
      t.personnummer = e.Content();
    }
    if (auto n = r.Single("contact")) ReadContact(n, &t.contact);
    if (auto n = r.Single("education")) ReadEducation(n, &t.education);
    if (auto n = r.Single("programme")) ReadProgramme(n, &t.programme);
    else r.Error("programme", "records.missing-element", "the trainee has no <programme>");
    if (auto n = r.Single("roles")) ReadRoles(n, &t.roles);
    for (auto n : r.Children("placement")) t.placements.push_back(ReadPlacement(n));
    for (auto n : r.Children("side-placement")) t.side_placements.push_back(ReadSide(n));
    for (auto n : r.Children("auskultation")) t.auskultationer.push_back(ReadAuskultation(n));
    for (auto n : r.Children("course")) t.courses.push_back(ReadCourse(n));
    for (auto n : r.Children("development-work")) t.development_work.push_back(ReadDevWork(n));
    for (auto n : r.Children("scientific-work")) t.scientific_work.push_back(ReadScience(n));
    for (auto n : r.Children("absence")) t.absences.push_back(ReadAbsence(n));
    for (auto n : r.Children("prior-service")) t.credits.prior_service.push_back(ReadPrior(n));
    for (auto n : r.Children("doctorate")) {
      ElementReader e(n, context_);
      std::string country = e.Text("country");
      t.credits.doctorate_date = e.DateAttr("date");
      if (country.empty() || country == "Sverige") t.credits.swedish_doctorate = true;
      else t.credits.foreign_doctorate = true;
    }
    for (auto n : r.Children("delmal-certificate")) t.delmal_groups.push_back(ReadDelmalGroup(n));
    for (auto n : r.Children("assessment")) t.assessments.push_back(ReadAssessment(n));
    for (auto n : r.Children("action-plan")) t.action_plans.push_back(ReadActionPlan(n));
    if (auto n = r.Single("contract")) ReadContract(n, &t.contract);

    if (!t.personnummer.empty()) {
      PersonalNumberError error = PersonalNumberError::kNone;
      auto pn = ParsePersonalNumber(t.personnummer, today_, &error);
      if (pn) {
        t.personnummer = pn->canonical;
      } else {
        const char* why = PersonalNumberProblem(error);
        Diagnostic d;
        d.location = context_->document->Locate(personnummer);
        d.trainee_id = t.id;
        d.field = "personnummer";
        d.rule = "records.personnummer-invalid";
        d.message = "personnummer " + MaskPersonalNumber(t.personnummer) + " is invalid: " + why;
        d.source = "Skatteverket";
        context_->diagnostics->push_back(std::move(d));
      }
    }
    return t;
  }

 private:
  void ReadIdentity(pugi::xml_node node, ElementReader& r, Trainee* t) {
    t->where = r.Where();
    t->id = r.Text("id", true);
    if (HoldsPersonalNumber(t->id, today_)) {
      // The id is printed in every message, the manifest and --trainee: it must not be the
      // personnummer. Mask it everywhere from here on; the record is not made.
      t->id = ShownValue(t->id);
      context_->trainee_id = t->id;
      r.Error("@id", "records.id-personnummer",
              "the trainee id is a personnummer; ids are printed in messages and the manifest, "
              "so choose another (an employee number, \"ST-IM-2023-03\" …)",
              node.attribute("id"));
    }
    context_->trainee_id = t->id;

    // Elements that belong once: a second one is an error, never silently preferred.
    if (auto n = r.Single("name")) {
      ElementReader e(n, context_);
      t->given_name = e.Text("given", true);
      t->family_name = e.Text("family", true);
    } else {
      r.Error("name", "records.missing-element", "the trainee has no <name given=… family=…>");
    }
  }

  void ReadContact(pugi::xml_node n, Contact* c) {
    ElementReader e(n, context_);
    c->email = e.Text("email");
    c->phone = e.Text("phone");
    c->work_phone = e.Text("work-phone");
    c->address = e.Text("address");
    c->postcode = e.Text("postcode");
    c->town = e.Text("town");
    c->workplace = e.Text("workplace");
  }

  void ReadEducation(pugi::xml_node n, Education* ed) {
    ElementReader e(n, context_);
    ed->swedish_at = e.Flag("swedish-at", false);
    ed->degree_country = e.Text("degree-country");
    ed->degree_date = e.DateAttr("degree-date");
    ed->bt_certificate_date = e.DateAttr("bt-certificate");
    ed->third_country_specialist = e.Flag("third-country", false);
    for (auto l : e.Children("licence")) {
      ElementReader le(l, context_);
      Licence licence;
      licence.country = le.Text("country", true);
      licence.date = le.DateAttr("date");
      ed->licences.push_back(licence);
    }
  }

  void ReadProgramme(pugi::xml_node n, Programme* p) {
    ElementReader e(n, context_);
    p->where = e.Where();
    p->kind = e.Text("kind", true);
    if (!p->kind.empty() && p->kind != "BT" && p->kind != "ST" && p->kind != "BT+ST")
      e.Error("@kind", "records.programme-kind", "kind must be BT, ST or BT+ST, not '" + ShownValue(p->kind) + "'",
              n.attribute("kind"));
    p->specialty = e.Text("specialty");
    if (p->kind != "BT" && p->specialty.empty() && !p->kind.empty())
      e.Error("@specialty", "records.missing-attribute", "an ST programme needs a specialty");
    p->start = e.DateAttr("start", true);
    p->bt_start = e.DateAttr("bt-start");
    p->planned_end = e.DateAttr("planned-end");
    p->rate = Rate(e);
    p->regulation = e.Text("regulation");
    if (!p->regulation.empty() && p->regulation != "HSLF-FS 2021:8" && p->regulation != "SOSFS 2015:8")
      e.Error("@regulation", "records.regulation-unknown",
              "regulation must be 'HSLF-FS 2021:8' or 'SOSFS 2015:8', not '" + ShownValue(p->regulation) + "'",
              n.attribute("regulation"));
    p->home_unit_id = e.Text("home-unit");
  }

  void ReadRoles(pugi::xml_node n, Roles* roles) {
    ElementReader e(n, context_);
    roles->where = e.Where();
    roles->main_supervisor = e.Text("huvudhandledare");
    roles->head_of_unit = e.Text("verksamhetschef");
    roles->director_of_studies = e.Text("studierektor");
    roles->bt_manager = e.Text("bt-chef");
    roles->external_assessor = e.Text("extern-bedomare");
    roles->second_specialist = e.Text("specialist");
  }

  Placement ReadPlacement(pugi::xml_node n) {
    ElementReader e(n, context_);
    Placement p;
    p.where = e.Where();
    p.unit_id = e.Text("unit");
    p.unit_name = e.Text("unit-name");
    if (p.unit_id.empty() && p.unit_name.empty())
      e.Error("@unit", "records.missing-attribute", "a placement needs unit or unit-name");
    p.period = ReadRange(e, true);
    p.rate = Rate(e);
    p.kind = e.Text("kind");
    p.supervisor = e.Text("supervisor");
    p.delmal = e.Codes("delmal");
    p.is_bt = e.Flag("bt", false);
    p.certificate = e.Flag("certificate", true);
    p.description = e.Content();
    return p;
  }

  SidePlacement ReadSide(pugi::xml_node n) {
    ElementReader e(n, context_);
    SidePlacement s;
    s.where = e.Where();
    s.id = e.Text("id");
    s.unit_id = e.Text("unit");
    s.unit_name = e.Text("unit-name");
    if (s.unit_id.empty() && s.unit_name.empty())
      e.Error("@unit", "records.missing-attribute", "a side placement needs unit or unit-name");
    s.contact = e.Text("contact");
    s.supervisor = e.Text("supervisor");
    s.period = ReadRange(e, true);
    s.rate = Rate(e);
    s.contract_date = e.DateAttr("contract-date");
    s.contract_place = e.Text("contract-place");
    s.delmal = e.Codes("delmal");
    s.reduced_time_note = e.ChildText("reduced-time");
    s.expectations = e.ChildText("expectations");
    for (auto p : e.Children("plan")) {
      ElementReader pe(p, context_);
      SidePlan plan;
      plan.delmal = pe.Text("delmal", true);
      // One plan per delmål (docs/records.md): the unit writes a plan for each code.
      std::vector<std::string> codes = SplitCodes(plan.delmal);
      if (!codes.empty()) plan.delmal = codes[0];  // the rules check the first; this is reported
      if (codes.size() > 1) {
        pe.Error("@delmal", "records.plan-one-delmal",
                 "a <plan> is for one delmål, but delmal='" + pe.Text("delmal") + "' names " +
                     std::to_string(codes.size()) + "; write one <plan> per delmål",
                 p.attribute("delmal"));
      }
      plan.text = pe.Content();
      s.plans.push_back(plan);
    }
    s.on_call = e.ChildText("on-call");
    s.seminar_days = e.ChildText("seminar-days");
    s.booked_courses = e.ChildText("booked-courses");
    s.absences_note = e.ChildText("absences");
    s.receiving_duties = e.ChildText("receiving-duties");
    s.trainee_evaluation = e.ChildText("trainee-evaluation");
    if (auto c = e.Single("clinic-assessment")) {
      ElementReader ce(c, context_);
      s.assessment_instruments = ce.Text("instruments");
      s.clinic_assessment = ce.Content();
    }
    s.strengths = e.ChildText("strengths");
    s.improvements = e.ChildText("improvements");
    return s;
  }

  Auskultation ReadAuskultation(pugi::xml_node n) {
    ElementReader e(n, context_);
    Auskultation a;
    a.where = e.Where();
    a.unit_id = e.Text("unit");
    a.unit_name = e.Text("unit-name");
    if (a.unit_id.empty() && a.unit_name.empty())
      e.Error("@unit", "records.missing-attribute",
              "an auskultation needs unit or unit-name (the certificate names the place)");
    a.period = ReadRange(e, true);
    a.supervisor = e.Text("supervisor");
    a.delmal = e.Codes("delmal");
    a.description = e.Content();
    return a;
  }

  Course ReadCourse(pugi::xml_node n) {
    ElementReader e(n, context_);
    Course c;
    c.where = e.Where();
    c.subject = e.Text("subject", true);
    c.delmal = e.Codes("delmal");
    c.leader = e.Text("leader");
    c.leader_name = e.Text("leader-name");
    c.signer_role = e.Text("signer");
    if (c.signer_role.empty()) c.signer_role = "kursledare";
    if (c.signer_role != "kursledare" && c.signer_role != "handledare")
      e.Error("@signer", "records.signer-role", "signer must be kursledare or handledare",
              n.attribute("signer"));
    c.period = ReadRange(e, false);
    std::string status = e.Text("status");
    if (!status.empty() && status != "done" && status != "planned")
      e.Error("@status", "records.course-status", "status must be done or planned",
              n.attribute("status"));
    c.done = status != "planned";
    c.description = e.Content();
    return c;
  }

  DevelopmentWork ReadDevWork(pugi::xml_node n) {
    ElementReader e(n, context_);
    DevelopmentWork w;
    w.where = e.Where();
    w.subject = e.Text("subject", true);
    w.delmal = e.Codes("delmal");
    w.supervisor = e.Text("supervisor");
    w.period = ReadRange(e, false);
    w.description = e.Content();
    return w;
  }

  ScientificWork ReadScience(pugi::xml_node n) {
    ElementReader e(n, context_);
    ScientificWork w;
    w.where = e.Where();
    w.subject = e.Text("subject", true);
    w.delmal = e.Codes("delmal");
    w.supervisor = e.Text("supervisor");
    w.activities = e.ChildText("activities");
    w.verification = e.ChildText("verification");
    w.period = ReadRange(e, false);
    return w;
  }

  Absence ReadAbsence(pugi::xml_node n) {
    ElementReader e(n, context_);
    Absence a;
    a.where = e.Where();
    a.kind = e.Text("kind", true);
    const std::vector<std::string>& kinds = AbsenceKinds();
    if (!a.kind.empty() && std::find(kinds.begin(), kinds.end(), a.kind) == kinds.end())
      e.Error("@kind", "records.absence-kind",
              "kind must be föräldraledighet, sjukfrånvaro, tjänstledighet, semester or kompledighet",
              n.attribute("kind"));
    a.period = ReadRange(e, true);
    if (!a.period.end && Blank(n.attribute("end")))  // an invalid date is reported already
      e.Error("@end", "records.missing-attribute", "an absence needs an end date");
    a.rate = Rate(e);
    return a;
  }

  PriorService ReadPrior(pugi::xml_node n) {
    ElementReader e(n, context_);
    PriorService p;
    p.where = e.Where();
    p.unit_name = e.Text("unit-name");
    p.period = ReadRange(e, false);
    p.rate = Rate(e);
    p.months = e.Number("months", 0, 120).value_or(0);
    p.before_licence = e.Flag("before-licence", false);
    p.country = e.Text("country");
    p.description = e.Content();
    return p;
  }

  DelmalGroup ReadDelmalGroup(pugi::xml_node n) {
    ElementReader e(n, context_);
    DelmalGroup g;
    g.where = e.Where();
    g.codes = e.Codes("codes");
    if (g.codes.empty())
      e.Error("@codes", "records.missing-attribute", "a delmål certificate needs codes");
    g.signer = e.Text("signer");
    g.date = e.DateAttr("date");
    g.activities = e.ChildText("activities");
    g.verification = e.ChildText("verification");
    return g;
  }

  Assessment ReadAssessment(pugi::xml_node n) {
    ElementReader e(n, context_);
    Assessment a;
    a.where = e.Where();
    a.kind = e.Text("kind", true);
    a.date = e.DateAttr("date");
    a.delmal = e.Codes("delmal");
    a.assessor = e.Text("assessor");
    a.note = e.Content();
    return a;
  }

  ActionPlan ReadActionPlan(pugi::xml_node n) {
    ElementReader e(n, context_);
    ActionPlan p;
    p.where = e.Where();
    p.id = e.Text("id");
    p.date = e.DateAttr("date", true);
    p.level = e.Integer("level", 1, 3).value_or(1);
    p.track = e.Text("track");
    if (p.track.empty()) p.track = "support";
    if (p.track != "support" && p.track != "advanced")
      e.Error("@track", "records.plan-track", "track must be support or advanced",
              n.attribute("track"));
    p.delmal = e.Codes("delmal");
    p.chef = e.Text("chef");
    p.overall_director = e.Text("overall-director");
    p.hr_contact = e.Text("hr-contact");
    p.background = e.ChildText("background");
    p.gaps = e.ChildText("gaps");
    p.analysis = e.ChildText("analysis");
    p.time_plan = e.ChildText("time-plan");
    for (auto a : e.Children("action")) {
      ElementReader ae(a, context_);
      PlanAction action;
      action.responsible = ae.Text("responsible");
      action.due = ae.DateAttr("due");
      action.text = ae.Content();
      p.actions.push_back(action);
    }
    for (auto f : e.Children("follow-up")) {
      ElementReader fe(f, context_);
      if (auto d = fe.DateAttr("date", true)) p.follow_ups.push_back(*d);
    }
    return p;
  }

  void ReadContract(pugi::xml_node n, ContractTerms* c) {
    ElementReader e(n, context_);
    c->where = e.Where();
    c->date = e.DateAttr("date");
    c->place = e.Text("place");
    c->supervision_hours = e.Number("supervision-hours", 0, 40);
    c->self_study_hours = e.Number("self-study-hours", 0, 40);
    c->variant = e.Text("variant");
    c->iup_date = e.DateAttr("iup-date");
    c->iup_revised = e.DateAttr("iup-revised");
    c->teaching = e.ChildText("teaching");
    c->research = e.ChildText("research");
    c->abroad = e.ChildText("abroad");
    c->specialist_exam = e.ChildText("specialist-exam");
    c->appraisals = e.ChildText("appraisals");
    c->other = e.ChildText("other");
  }

  ReadContext* context_;
  Date today_;
};

DirectorContract ReadDirectorContract(pugi::xml_node n, ReadContext* context) {
  ElementReader e(n, context);
  DirectorContract c;
  c.where = e.Where();
  c.person = e.Text("person", true);
  c.head_of_unit = e.Text("head-of-unit");
  c.kind = e.Text("kind");
  c.regulation = e.Text("regulation");
  c.form = e.Text("form");
  c.period = ReadRange(e, true);
  if (!c.period.end && Blank(n.attribute("end")))
    e.Error("@end", "records.missing-attribute", "the contract needs an end date");
  c.share = e.Number("share", 0, 100).value_or(0);
  c.compensation = e.Number("compensation", 0, 1e7).value_or(0);
  for (const auto& u : e.Codes("units")) c.unit_ids.push_back(u);
  c.date = e.DateAttr("date");
  c.place = e.Text("place");
  return c;
}

void ReadPeopleAndUnits(ElementReader& root, RecordsFile* file, const Date& today,
                        ReadContext* context) {
  for (auto n : root.Children("unit")) {
    ElementReader e(n, context);
    Unit u;
    u.where = e.Where();
    u.id = e.Text("id", true);
    u.name = e.Text("name", true);
    u.kind = e.Text("kind");
    u.town = e.Text("town");
    u.address = e.Text("address");
    if (!u.id.empty() && !file->units.emplace(u.id, u).second)
      e.Error("@id", "records.duplicate-id", "unit id '" + u.id + "' is defined twice",
              n.attribute("id"));
  }
  for (auto n : root.Children("person")) {
    ElementReader e(n, context);
    Person p;
    p.where = e.Where();
    p.id = e.Text("id", true);
    p.given_name = e.Text("given-name", true);
    p.family_name = e.Text("family-name", true);
    p.title = e.Text("title");
    p.specialty = e.Text("specialty");
    p.unit_id = e.Text("unit");
    p.workplace = e.Text("workplace");
    p.email = e.Text("email");
    p.phone = e.Text("phone");
    p.personnummer = e.Text("personnummer");
    if (!p.personnummer.empty()) {
      PersonalNumberError error = PersonalNumberError::kNone;
      if (auto pn = ParsePersonalNumber(p.personnummer, today, &error)) {
        p.personnummer = pn->canonical;
      } else {
        e.Error("@personnummer", "records.personnummer-invalid",
                "personnummer " + MaskPersonalNumber(p.personnummer) + " of <person id='" + p.id +
                    "'> is invalid: " + PersonalNumberProblem(error) +
                    "; it is left out of the documents",
                n.attribute("personnummer"));
        p.personnummer.clear();
      }
    }
    if (!p.unit_id.empty() && !file->units.count(p.unit_id))
      e.Error("@unit", "records.undefined-unit",
              "'" + p.unit_id + "' is not a defined <unit> (person '" + p.id + "')",
              n.attribute("unit"));
    p.supervisor_training_year = e.Integer("supervisor-training", 1950, 2199);
    for (auto sn : e.Children("service")) {
      ElementReader se(sn, context);
      ServicePeriod service;
      service.where = se.Where();
      service.unit_id = se.Text("unit", true);
      service.period = ReadRange(se, true);
      if (!service.unit_id.empty() && !file->units.count(service.unit_id))
        se.Error("@unit", "records.undefined-unit",
                 "'" + service.unit_id + "' is not a defined <unit> (service of person '" + p.id + "')",
                 sn.attribute("unit"));
      else if (!service.unit_id.empty() && service.period.start &&
               !(service.period.end && *service.period.end < *service.period.start))
        p.service.push_back(std::move(service));  // a reversed period is reported, not used
    }
    if (!p.id.empty() && file->units.count(p.id))
      e.Error("@id", "records.duplicate-id", "id '" + p.id + "' is already a unit's id",
              n.attribute("id"));
    if (!p.id.empty() && !file->people.emplace(p.id, p).second)
      e.Error("@id", "records.duplicate-id", "person id '" + p.id + "' is defined twice",
              n.attribute("id"));
  }
}

}  // namespace

namespace {

xml::LoadOptions RecordsLoadOptions() {
  xml::LoadOptions options;
  options.kind = "records file";
  options.root = "stdok-records";
  options.refuse_control_characters = false;  // reported per field, so only that record is skipped
  options.keep_whitespace_text = true;
  // Read trainee by trainee, a records file may be larger than other XML: 100,000 trainees
  // (seven times Sweden's BT and ST doctors) are about 480 MiB.
  options.max_bytes = std::size_t{1} << 30;
  return options;
}

// One <trainee> read on its own: what it yields and what it reports, merged in file order.
struct ReadElement {
  bool parsed = false;
  SourceLocation id_location;
  Trainee trainee;
  Diagnostics diagnostics;
};

void ReadOneElement(const xml::ElementStream& stream, std::size_t index, const Date& today, TraineeReading reading,
                    xml::Document* scratch, ReadElement* out) {
  const xml::StreamedElement element = stream.Element(index, scratch);
  if (!element.document) return;
  out->parsed = true;
  if (reading == TraineeReading::kIdentity) {  // its findings come when it is read (RecordsSource::Read)
    Diagnostics later;
    ReadContext context{element.document, &later, "", /*findings_known=*/true};
    out->trainee = TraineeReader(&context, today).ReadIdentity(element.node);
  } else {
    ReadContext context{element.document, &out->diagnostics, ""};
    out->trainee = TraineeReader(&context, today).Read(element.node);
  }
  out->id_location = element.document->Locate(element.node.attribute("id"));
}

// Reads the trainees of `stream` in batches, each batch on `threads` threads, and hands each
// one to `merge` in file order. False as soon as `merge` returns false.
bool ReadTraineesInBatches(const xml::ElementStream& stream, const Date& today, TraineeReading reading, unsigned threads,
                           const std::function<bool(std::size_t, ReadElement&)>& merge) {
  constexpr std::size_t kBatch = 128;  // bounds the trainees held at once
  std::vector<ReadElement> batch;
  for (std::size_t start = 0; start < stream.size(); start += kBatch) {
    const std::size_t count = std::min(kBatch, stream.size() - start);
    batch.assign(count, ReadElement());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
      xml::Document scratch;
      for (std::size_t k; (k = next.fetch_add(1)) < count;)
        ReadOneElement(stream, start + k, today, reading, &scratch, &batch[k]);
    };
    std::vector<std::thread> helpers;
    for (unsigned t = 1; t < std::min<std::size_t>(threads, count); ++t) helpers.emplace_back(work);
    work();
    for (std::thread& helper : helpers) helper.join();
    for (std::size_t k = 0; k < count; ++k)
      if (!merge(start + k, batch[k])) return false;
  }
  return true;
}

// Reads the loaded `stream` into *file; each trainee that is kept (not a second record of an
// id) goes to `keep` with the index of its <trainee> element, in file order. False when a
// <trainee> cannot be parsed (the stream was loaded without checking them): what was read is
// then to be dropped. The trainees are read on `threads` threads (ReadTraineesInBatches).
bool ReadStream(const xml::ElementStream& stream, const Date& today, TraineeReading reading, Diagnostics* diagnostics,
                RecordsFile* file, const std::function<void(std::size_t element, Trainee trainee)>& keep,
                unsigned threads) {
  const xml::Document& document = stream.root_document();
  const pugi::xml_node root = stream.root();
  ReadContext context{&document, diagnostics, ""};
  ElementReader r(root, &context);
  std::string version = r.Text("version");
  if (!version.empty() && version != "1")
    r.Error("@version", "records.version", "records version '" + ShownValue(version) + "' is not supported (1 is)",
            root.attribute("version"));
  r.Text("xmlns");
  // An editor's schema association is allowed on the root (docs/records.md, The schema).
  constexpr const char* kXsi = "http://www.w3.org/2001/XMLSchema-instance";
  if (pugi::xml_attribute a = root.attribute("xmlns:xsi")) {
    if (r.Text("xmlns:xsi") != kXsi)
      r.Error("@xmlns:xsi", "records.namespace",
              std::string("xmlns:xsi must be \"") + kXsi + "\"", a);
  }
  r.Text("xsi:noNamespaceSchemaLocation");
  r.Text("xsi:schemaLocation");
  if (auto n = r.Single("region")) {
    ElementReader e(n, &context);
    file->region.where = e.Where();
    file->region.id = e.Text("id", true);
    file->region.name = e.Text("name", true);
    file->region.issuing_unit = e.Text("issuing-unit");
  }
  ReadPeopleAndUnits(r, file, today, &context);
  std::map<std::string, int> trainee_lines;  // id -> line of its first record
  r.Allow("trainee");
  const bool read = ReadTraineesInBatches(stream, today, reading, threads, [&](std::size_t i, ReadElement& element) {
    if (!element.parsed) return false;
    diagnostics->insert(diagnostics->end(), std::make_move_iterator(element.diagnostics.begin()),
                        std::make_move_iterator(element.diagnostics.end()));
    Trainee& t = element.trainee;
    if (t.id.empty()) {
      keep(i, std::move(t));
      return true;
    }
    auto [first, inserted] = trainee_lines.emplace(t.id, t.where.line);
    if (!inserted) {
      // The id is now an error of the record that came first as well (HasErrorsFor), so
      // neither is made: which of the two is right cannot be known.
      Diagnostic d;
      d.location = element.id_location;
      d.trainee_id = t.id;
      d.field = "trainee/@id";
      d.rule = "records.duplicate-id";
      d.message = "trainee id '" + t.id + "' is already used by the record on line " +
                  std::to_string(first->second) +
                  "; trainee ids must be unique, so neither record is made";
      diagnostics->push_back(std::move(d));
      return true;
    }
    keep(i, std::move(t));
    return true;
  });
  if (!read) return false;
  for (auto n : r.Children("director-contract"))
    file->director_contracts.push_back(ReadDirectorContract(n, &context));
  return true;
}

// Loads `text` into *stream and reads it, each <trainee> parsed once (not also to check it
// first): when one cannot be parsed, what was read is dropped and the whole file is loaded
// for its one refusal, as if it had been refused at once. False when refused.
bool LoadAndRead(const std::string& path, std::string_view text, const Date& today, Diagnostics* diagnostics,
                 xml::ElementStream* stream, RecordsFile* file,
                 const std::function<void(std::size_t element, Trainee trainee)>& keep,
                 const std::function<void()>& drop, unsigned threads = 1,
                 TraineeReading reading = TraineeReading::kWhole) {
  const xml::LoadOptions options = RecordsLoadOptions();
  if (!stream->Load(path, text, options, "trainee", diagnostics, /*check_elements=*/false)) return false;
  const std::size_t mark = diagnostics->size();
  if (ReadStream(*stream, today, reading, diagnostics, file, keep, threads)) return true;
  diagnostics->resize(mark);
  *file = RecordsFile();
  file->path = path;
  drop();
  if (!stream->LoadWhole(path, text, options, "trainee", diagnostics)) return false;
  return ReadStream(*stream, today, reading, diagnostics, file, keep, 1);  // the whole tree: cannot fail
}

}  // namespace

RecordsFile ReadRecords(const std::string& path, std::string_view text, const Date& today,
                        Diagnostics* diagnostics) {
  RecordsFile file;
  file.path = path;
  // Trainee by trainee: memory holds one trainee's tree at a time, not the whole file's.
  xml::ElementStream stream;
  std::vector<Trainee> trainees;
  if (!LoadAndRead(
          path, text, today, diagnostics, &stream, &file,
          [&](std::size_t, Trainee t) {
            if (trainees.empty()) trainees.reserve(stream.size());
            trainees.push_back(std::move(t));
          },
          [&] { trainees.clear(); })) {
    file.refused = true;
    return file;
  }
  file.trainees = std::move(trainees);
  return file;
}

RecordsSource::RecordsSource(const std::string& path, std::string text, const Date& today,
                             Diagnostics* diagnostics, const Visit& visit, unsigned threads, TraineeReading reading)
    : text_(std::make_unique<const std::string>(std::move(text))),
      stream_(std::make_unique<xml::ElementStream>()),
      today_(today),
      reading_(reading) {
  file_.path = path;
  auto keep = [&](std::size_t element, Trainee t) {
    if (visit) visit(file_, trainees_.size(), t);
    if (trainees_.empty()) trainees_.reserve(stream_->size());
    trainees_.push_back({element, std::move(t.id), std::move(t.given_name), std::move(t.family_name)});
  };
  if (!LoadAndRead(path, *text_, today, diagnostics, stream_.get(), &file_, keep, [&] { trainees_.clear(); },
                   std::max(1u, threads), reading)) {
    file_.refused = true;
    trainees_.clear();
    return;
  }
  trainees_.shrink_to_fit();
}

RecordsSource::~RecordsSource() = default;

Trainee RecordsSource::Read(std::size_t index, Diagnostics* findings) const {
  xml::Document scratch;
  const xml::StreamedElement element = stream_->Element(trainees_[index].element, &scratch);
  const bool report = reading_ == TraineeReading::kIdentity && findings;
  Diagnostics reported;  // reported already, in the constructor (or not wanted)
  ReadContext context{element.document, report ? findings : &reported, "", /*findings_known=*/!report};
  return TraineeReader(&context, today_).Read(element.node);
}

const std::vector<std::string>& AbsenceKinds() {
  static const std::vector<std::string> kinds = {"föräldraledighet", "sjukfrånvaro", "tjänstledighet", "semester",
                                                 "kompledighet"};
  return kinds;
}

}  // namespace stdok
