// The records: plain data read from a records file (see docs/records.md and
// schema/stdok-records.xsd). No behaviour here; the reader fills it, the rules read it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/status.h"

namespace stdok {

// A date range as written in a record; either end may be missing while a plan is open.
struct DateRange {
  std::optional<Date> start;
  std::optional<Date> end;
};

struct Unit {  // vårdenhet / klinik / vårdcentral
  std::string id;
  std::string name;
  std::string kind;  // free text, e.g. "sluten vård", "primärvård"
  std::string town;
  std::string address;
  SourceLocation where;
};

// A period a person served at a unit (<service> in <person>); an open end means ongoing.
struct ServicePeriod {
  std::string unit_id;  // a Unit id
  DateRange period;     // start always set by the reader; end optional
  SourceLocation where;
};

struct Person {  // handledare, verksamhetschef, studierektor …: defined once, referenced by id
  std::string id;
  std::string given_name;
  std::string family_name;
  std::string title;          // e.g. "Överläkare", "ST-läkare"
  std::string specialty;      // specialist in (empty: not a specialist)
  std::string unit_id;        // workplace (tjänsteställe), a Unit id
  std::string workplace;      // free text when the workplace is not a defined unit
  std::string email;
  std::string phone;
  std::string personnummer;   // only for forms that ask the signer's personnummer
  std::optional<int> supervisor_training_year;  // år för handledarutbildning
  // Where and when the person served, when recorded (the rules on extern bedömare use it);
  // empty when only the workplace is known.
  std::vector<ServicePeriod> service;
  SourceLocation where;
};

struct Licence {  // legitimation or equivalent
  std::string country;
  std::optional<Date> date;
};

struct Education {
  bool swedish_at = false;           // allmäntjänstgöring done in Sweden
  std::string degree_country;        // läkarexamen
  std::optional<Date> degree_date;
  std::vector<Licence> licences;
  std::optional<Date> bt_certificate_date;  // intyg om godkänd bastjänstgöring
  bool third_country_specialist = false;    // specialistläkare från tredjeland
};

struct Programme {
  std::string kind;        // "BT", "ST" or "BT+ST"
  std::string specialty;   // ST specialty (empty for BT only)
  std::optional<Date> start;     // ST start (or BT start for BT only)
  std::optional<Date> bt_start;  // BT start when BT is part of ST
  std::optional<Date> planned_end;  // stated end; computed when missing
  double rate = 100;       // tjänstgöringsgrad, percent
  std::string regulation;  // "HSLF-FS 2021:8", "SOSFS 2015:8" or empty (determined)
  std::string home_unit_id;  // huvudsaklig placering
  SourceLocation where;
};

struct Roles {  // person ids
  std::string main_supervisor;   // huvudhandledare
  std::string head_of_unit;      // verksamhetschef
  std::string director_of_studies;  // studierektor
  std::string bt_manager;        // BT-chef
  std::string external_assessor; // extern bedömare
  std::string second_specialist; // specialistläkare utöver huvudhandledaren (2021 bilaga 7)
  SourceLocation where;
};

struct Placement {  // klinisk tjänstgöring under handledning
  std::string unit_id;
  std::string unit_name;   // free text when not a defined unit
  DateRange period;
  double rate = 100;
  std::string kind;        // "primärvård", "akut sjukvård", "psykiatri" or other text
  std::string supervisor;  // person id
  std::vector<std::string> delmal;
  std::string description;
  bool is_bt = false;      // counts toward BT
  bool certificate = true; // produce a klinisk tjänstgöring certificate for it
  SourceLocation where;
};

struct SidePlan {  // the receiving unit's plan for one delmål
  std::string delmal;
  std::string text;
};

struct SidePlacement {  // sidotjänstgöring, with its contract
  std::string id;
  std::string unit_id;
  std::string unit_name;
  std::string contact;      // person id: the receiving unit's education lead / contact
  std::string supervisor;   // person id: named specialist supervisor there
  DateRange period;
  double rate = 100;
  std::string reduced_time_note;  // how reduced time is placed
  std::optional<Date> contract_date;
  std::string contract_place;
  std::vector<std::string> delmal;
  std::string expectations;
  std::vector<SidePlan> plans;
  std::string on_call;          // jour at the home unit during the placement
  std::string seminar_days;     // mandatory seminar days
  std::string booked_courses;
  std::string absences_note;
  std::string receiving_duties;
  std::string trainee_evaluation;   // filled after the placement, or empty for handwriting
  std::string clinic_assessment;
  std::string assessment_instruments;
  std::string strengths;
  std::string improvements;
  SourceLocation where;
};

struct Auskultation {
  std::string unit_id;
  std::string unit_name;
  DateRange period;
  std::string supervisor;
  std::vector<std::string> delmal;
  std::string description;
  SourceLocation where;
};

struct Course {
  std::string subject;
  std::vector<std::string> delmal;
  std::string leader;        // person id of the course leader or supervisor who signs
  std::string leader_name;   // free text when the leader is not a defined person
  std::string signer_role;   // "kursledare" or "handledare"
  DateRange period;
  std::string description;
  bool done = true;          // false: planned
  SourceLocation where;
};

struct DevelopmentWork {  // utvecklingsarbete / kvalitets- och utvecklingsarbete
  std::string subject;
  std::vector<std::string> delmal;
  std::string supervisor;
  DateRange period;
  std::string description;
  SourceLocation where;
};

struct ScientificWork {  // STa3 / skriftligt arbete enligt vetenskapliga principer
  std::string subject;
  std::vector<std::string> delmal;
  std::string supervisor;
  std::string activities;
  std::string verification;
  DateRange period;  // optional; `end` is the day the work was approved
  SourceLocation where;
};

struct Absence {
  std::string kind;  // "föräldraledighet", "sjukfrånvaro", "tjänstledighet", "semester", "kompledighet"
  DateRange period;
  double rate = 100;  // share of full time absent
  SourceLocation where;
};

struct PriorService {  // tidigare tjänstgöring som kan tillgodoräknas
  std::string description;
  std::string unit_name;
  DateRange period;
  double rate = 100;
  double months = 0;  // credited full-time months (stated)
  bool before_licence = false;
  std::string country;  // where the service was done; empty: Sverige
  SourceLocation where;
};

struct Credits {
  std::vector<PriorService> prior_service;
  bool swedish_doctorate = false;
  std::optional<Date> doctorate_date;
  bool foreign_doctorate = false;
};

struct DelmalGroup {  // one "intyg om delmål" as the record groups them
  std::vector<std::string> codes;
  std::string signer;  // person id
  std::string activities;
  std::string verification;
  std::optional<Date> date;
  SourceLocation where;
};

struct Assessment {  // kompetensbedömning
  std::string kind;  // Mini-CEX, DOPS, CBD, 360, medsittning …
  std::optional<Date> date;
  std::vector<std::string> delmal;
  std::string assessor;  // person id
  std::string note;
  SourceLocation where;
};

struct PlanAction {
  std::string text;
  std::string responsible;  // person id or free text
  std::optional<Date> due;
};

struct ActionPlan {  // handlingsplan
  std::string id;
  std::optional<Date> date;
  int level = 1;               // 1 plan, 2 extended, 3 new plan with HR
  std::string track = "support";  // "support" or "advanced"
  std::string background;
  std::vector<std::string> delmal;  // delmål that fall short (or to accelerate)
  std::string gaps;
  std::string analysis;
  std::vector<PlanAction> actions;
  std::string time_plan;
  std::vector<Date> follow_ups;
  std::string chef;  // person id of the chef who signs
  std::string overall_director;  // övergripande studierektor (level 2)
  std::string hr_contact;        // level 3
  SourceLocation where;
};

struct ContractTerms {  // the ST-kontrakt's agreed terms
  std::optional<Date> date;
  std::string place;
  std::optional<double> supervision_hours;  // per week
  std::optional<double> self_study_hours;   // per week
  std::string teaching;
  std::string research;
  std::string abroad;
  std::string specialist_exam;
  std::string appraisals;
  std::string other;
  std::string variant;  // template variant override, e.g. "allmanmedicin"
  std::optional<Date> iup_date;     // date of the first IUP (upprättat)
  std::optional<Date> iup_revised;  // date of the latest revision (the version printed)
  SourceLocation where;
};

struct Contact {
  std::string email;
  std::string phone;
  std::string work_phone;
  std::string address;
  std::string postcode;
  std::string town;
  std::string workplace;
};

struct Trainee {
  std::string id;
  std::string given_name;
  std::string family_name;
  std::string personnummer;  // or samordningsnummer; printed only where a document needs it
  Contact contact;
  Education education;
  Programme programme;
  Roles roles;
  std::vector<Placement> placements;
  std::vector<SidePlacement> side_placements;
  std::vector<Auskultation> auskultationer;
  std::vector<Course> courses;
  std::vector<DevelopmentWork> development_work;
  std::vector<ScientificWork> scientific_work;
  std::vector<Absence> absences;
  Credits credits;
  std::vector<DelmalGroup> delmal_groups;
  std::vector<Assessment> assessments;
  std::vector<ActionPlan> action_plans;
  ContractTerms contract;
  SourceLocation where;

  std::string FullName() const { return given_name + " " + family_name; }
};

struct DirectorContract {  // studierektorskontrakt: one per studierektor
  std::string person;  // person id
  std::string head_of_unit;  // person id of the verksamhetschef who signs
  std::string kind;    // "klinikstudierektor", "övergripande studierektor", …
  std::string regulation;
  std::string form;    // contract form, e.g. "tidsbegränsat uppdrag"
  DateRange period;
  double share = 0;        // percent of full time
  double compensation = 0; // kr per month
  std::vector<std::string> unit_ids;
  std::optional<Date> date;
  std::string place;
  SourceLocation where;
};

struct Region {
  std::string id;    // profile id, e.g. "vasternorrland"
  std::string name;  // "Region Västernorrland"
  std::string issuing_unit;  // who issues the documents (PDF author)
  SourceLocation where;
};

struct RecordsFile {
  std::string path;
  Region region;
  std::map<std::string, Unit> units;
  std::map<std::string, Person> people;
  std::vector<Trainee> trainees;
  std::vector<DirectorContract> director_contracts;
  // The reader refused the file as a whole (not UTF-8, malformed XML, a DOCTYPE, another root
  // element) with one error; nothing else is filled in.
  bool refused = false;
};

}  // namespace stdok
