#include "rules/people_rules.h"

#include <gtest/gtest.h>

#include "rules/regulation.h"
#include "rules/rules_testing.h"

namespace stdok {
namespace {

using namespace rules_testing;

struct PeopleFixture : Fixture {
  PeopleFixture() {
    AddPerson(MakePerson("anna", "Anna", "Lind", "Internmedicin", "Överläkare", 2020, "med"));
    AddPerson(MakePerson("bo", "Bo", "Ek", "Internmedicin", "Verksamhetschef", 2018, "med"));
    AddPerson(MakePerson("sara", "Sara", "Berg", "", "ST-läkare", 2022, "vc"));
    AddPerson(MakePerson("olle", "Olle", "Gammal", "Internmedicin", "Överläkare", 2015, "med"));
    AddPerson(MakePerson("ny", "Nils", "Ny", "Internmedicin", "Överläkare", std::nullopt, "med"));
    AddPerson(MakePerson("ext", "Eva", "Extern", "Allmänmedicin", "Distriktsläkare", 2019, "kir"));
    profile.values["supervisor-training-refresh-years"] = "10";
  }
  Trainee& St(const std::string& supervisor) {
    Trainee& t = Add(MakeTrainee("T", "ST", "Internmedicin", "2024-01-01", kHslf2021));
    t.education.bt_certificate_date = D("2023-12-01");
    t.roles.main_supervisor = supervisor;
    return t;
  }
};

const Date kToday{2026, 3, 1};

TEST(PeopleRulesTest, StHuvudhandledareIsASpecialistInTheSpecialty) {
  PeopleFixture f;
  f.St("anna");
  EXPECT_FALSE(Has(f.Check(kToday), "people.huvudhandledare-not-specialist"));
  f.file.trainees[0].programme.specialty = "internmedicin";  // case does not matter
  EXPECT_FALSE(Has(f.Check(kToday), "people.huvudhandledare-not-specialist"));
  f.file.trainees[0].programme.specialty = "Kirurgi";
  Diagnostics d = f.Check(kToday);
  auto found = WithRule(d, "people.huvudhandledare-not-specialist");
  ASSERT_EQ(found.size(), 1u) << Dump(d);
  EXPECT_EQ(found[0]->severity, Severity::kWarning);
  EXPECT_EQ(found[0]->message, "the huvudhandledare Anna Lind (anna) is a specialist in Internmedicin, not in Kirurgi");
}

TEST(PeopleRulesTest, StHuvudhandledareMayNotBeAnStLakare) {
  PeopleFixture f;
  f.St("sara");
  EXPECT_TRUE(Has(f.Check(kToday), "people.huvudhandledare-not-specialist"));
}

TEST(PeopleRulesTest, BtHuvudhandledareMayBeAnStLakare) {
  PeopleFixture f;
  Trainee& t = f.Add(MakeTrainee("B", "BT", "", "2024-01-01", kHslf2021));
  t.roles.main_supervisor = "sara";
  EXPECT_FALSE(Has(f.Check(kToday), "people.bt-huvudhandledare-not-qualified"));
  f.AddPerson(MakePerson("leg", "Lea", "Leg", "", "Legitimerad läkare", 2022));
  f.file.trainees[0].roles.main_supervisor = "leg";
  Diagnostics d = f.Check(kToday);
  EXPECT_TRUE(Has(d, "people.bt-huvudhandledare-not-qualified")) << Dump(d);
}

TEST(PeopleRulesTest, MissingHuvudhandledare) {
  PeopleFixture f;
  f.St("");
  EXPECT_TRUE(Has(f.Check(kToday), "people.huvudhandledare-missing"));
}

TEST(PeopleRulesTest, SupervisorTrainingElevenYearsOldIsAWarning) {
  PeopleFixture f;
  f.St("olle");  // training 2015; today 2026: 11 years > 10
  Diagnostics d = f.Check(kToday);
  auto old = WithRule(d, "people.supervisor-training-old");
  ASSERT_EQ(old.size(), 1u) << Dump(d);
  EXPECT_EQ(old[0]->severity, Severity::kWarning);
  EXPECT_EQ(old[0]->source, "Riktlinjer, Region Test");
  EXPECT_NE(old[0]->message.find("2015, 11 years ago"), std::string::npos) << old[0]->message;
  // Ten years is still within the interval.
  f.file.people["olle"].supervisor_training_year = 2016;
  EXPECT_FALSE(Has(f.Check(kToday), "people.supervisor-training-old"));
  // A region with a five-year interval (Östergötland) warns earlier.
  f.profile.values["supervisor-training-refresh-years"] = "5";
  EXPECT_TRUE(Has(f.Check(kToday), "people.supervisor-training-old"));
  // No interval in the profile: no rule.
  f.profile.values.erase("supervisor-training-refresh-years");
  f.file.people["olle"].supervisor_training_year = 1990;
  EXPECT_FALSE(Has(f.Check(kToday), "people.supervisor-training-old"));
}

TEST(PeopleRulesTest, SupervisorWithoutTrainingOncePerPerson) {
  PeopleFixture f;
  Trainee& t = f.St("ny");
  t.placements.push_back(MakePlacement("med", "2024-01-01", "2024-06-30", 100, "", false, "ny"));
  Diagnostics d = f.Check(kToday);
  EXPECT_EQ(WithRule(d, "people.supervisor-training-missing").size(), 1u) << Dump(d);
}

TEST(PeopleRulesTest, TrainingBeforeTheRegionsYear) {
  PeopleFixture f;
  f.profile.values["supervisor-training-after"] = "2008";
  f.file.people["anna"].supervisor_training_year = 2007;
  f.St("anna");
  Diagnostics d = f.Check(kToday);
  EXPECT_TRUE(Has(d, "people.supervisor-training-too-early")) << Dump(d);
  f.file.people["anna"].supervisor_training_year = 2008;
  EXPECT_FALSE(Has(f.Check(kToday), "people.supervisor-training-too-early"));
}

TEST(PeopleRulesTest, PlacementSupervisorMustBeQualified) {
  PeopleFixture f;
  Trainee& t = f.St("anna");
  t.placements.push_back(MakePlacement("vc", "2024-01-01", "2024-06-30", 100, "", false, "sara"));
  EXPECT_TRUE(Has(f.Check(kToday), "people.supervisor-not-qualified"));
  // In BT an ST-läkare may supervise.
  f.file.trainees[0].placements[0].is_bt = true;
  EXPECT_FALSE(Has(f.Check(kToday), "people.supervisor-not-qualified"));
}

TEST(PeopleRulesTest, VerksamhetschefAsHandledareIsAConflict) {
  PeopleFixture f;
  Trainee& t = f.St("anna");
  t.roles.head_of_unit = "bo";
  EXPECT_FALSE(Has(f.Check(kToday), "people.head-of-unit-supervises"));
  t.placements.push_back(MakePlacement("med", "2024-01-01", "2024-06-30", 100, "", false, "bo"));
  Diagnostics d = f.Check(kToday);
  auto found = WithRule(d, "people.head-of-unit-supervises");
  ASSERT_EQ(found.size(), 1u) << Dump(d);
  EXPECT_EQ(found[0]->severity, Severity::kWarning);
  EXPECT_EQ(found[0]->location.line, 100);  // the placement that names him
  f.file.trainees[0].placements.clear();
  f.file.trainees[0].roles.main_supervisor = "bo";
  EXPECT_TRUE(Has(f.Check(kToday), "people.head-of-unit-supervises"));
}

TEST(PeopleRulesTest, ExternBedomareIsIndependent) {
  PeopleFixture f;
  Trainee& t = f.Add(MakeTrainee("B", "BT", "", "2024-01-01", kHslf2021));
  t.roles.main_supervisor = "sara";
  t.roles.external_assessor = "ext";
  t.placements.push_back(MakePlacement("vc", "2024-01-01", "2024-06-30", 100, "primärvård", false, "sara"));
  t.placements.push_back(MakePlacement("akm", "2024-07-01", "2024-12-31", 100, "akut", false, "anna"));
  Diagnostics clean = f.Check(kToday);
  EXPECT_FALSE(Has(clean, "people.assessor-is-supervisor")) << Dump(clean);
  EXPECT_FALSE(Has(clean, "people.assessor-same-unit"));

  // The assessor supervised a placement.
  f.file.trainees[0].placements[1].supervisor = "ext";
  EXPECT_TRUE(Has(f.Check(kToday), "people.assessor-is-supervisor"));
  f.file.trainees[0].placements[1].supervisor = "anna";
  // The assessor is the BT-chef.
  f.file.trainees[0].roles.bt_manager = "ext";
  EXPECT_TRUE(Has(f.Check(kToday), "people.assessor-is-supervisor"));
  f.file.trainees[0].roles.bt_manager = "";
  // The assessor works where the trainee served during BT.
  f.file.people["ext"].unit_id = "akm";
  Diagnostics d = f.Check(kToday);
  auto same = WithRule(d, "people.assessor-same-unit");
  ASSERT_EQ(same.size(), 1u) << Dump(d);
  EXPECT_NE(same[0]->message.find("Akutmottagningen"), std::string::npos);
  EXPECT_NE(same[0]->message.find("2024-07-01 – 2024-12-31"), std::string::npos);
}


// A BT trainee at vc (2024-01-01..06-30) and akm (2024-07-01..12-31) whose extern bedömare is
// "ext" (workplace kir).
struct AssessorFixture : PeopleFixture {
  AssessorFixture() {
    Trainee& t = Add(MakeTrainee("B", "BT", "", "2024-01-01", kHslf2021));
    t.roles.main_supervisor = "sara";
    t.roles.external_assessor = "ext";
    t.placements.push_back(MakePlacement("vc", "2024-01-01", "2024-06-30", 100, "primärvård", false, "sara"));
    t.placements.push_back(MakePlacement("akm", "2024-07-01", "2024-12-31", 100, "akut", false, "anna"));
  }
  void Serve(const std::string& unit, const char* start, const char* end) {
    ServicePeriod s;
    s.unit_id = unit;
    s.period = Range(start, end);
    s.where = {"test.xml", 7, 7};
    file.people["ext"].service.push_back(s);
  }
  std::vector<const Diagnostic*> Served() {
    last = Check(kToday);
    return WithRule(last, "people.assessor-served-during-bt");
  }
  Diagnostics last;
};

TEST(PeopleRulesTest, AssessorServiceOverlappingBtAtTheSameUnitIsAnError) {
  AssessorFixture f;
  f.Serve("akm", "2022-01-01", "2024-08-15");  // overlaps the akm placement by 46 days
  auto found = f.Served();
  ASSERT_EQ(found.size(), 1u) << Dump(f.last);
  EXPECT_EQ(found[0]->severity, Severity::kError);
  EXPECT_EQ(found[0]->field, "roles/@extern-bedomare");
  EXPECT_EQ(found[0]->location.line, 12);  // the roles element
  EXPECT_EQ(found[0]->trainee_id, "B");
  EXPECT_NE(found[0]->message.find("Eva Extern (ext) served at Akutmottagningen 2022-01-01 – 2024-08-15 (line 7)"),
            std::string::npos) << found[0]->message;
  EXPECT_NE(found[0]->message.find("2024-07-01 – 2024-12-31"), std::string::npos);
  EXPECT_EQ(found[0]->source, sources::kAssessor);
  // With periods recorded, the workplace guess is not made as well.
  EXPECT_FALSE(Has(f.last, "people.assessor-same-unit"));
}

TEST(PeopleRulesTest, AssessorServiceEndingTheDayBeforeBtIsNoFinding) {
  AssessorFixture f;
  f.Serve("akm", "2022-01-01", "2024-06-30");  // adjacent: ends the day before the akm placement
  f.Serve("vc", "2024-07-01", "");             // starts the day after the vc placement, ongoing
  EXPECT_TRUE(f.Served().empty()) << Dump(f.last);
  EXPECT_FALSE(Has(f.last, "people.assessor-same-unit"));
  // One day more on either side is an overlap.
  f.file.people["ext"].service[0].period.end = D("2024-07-01");
  f.file.people["ext"].service[1].period.start = D("2024-06-30");
  EXPECT_EQ(f.Served().size(), 2u) << Dump(f.last);
}

TEST(PeopleRulesTest, AssessorServiceAtAnotherUnitIsNoFinding) {
  AssessorFixture f;
  f.file.people["ext"].unit_id = "akm";        // the workplace alone would be a warning …
  f.Serve("kir", "2020-01-01", "");            // … but the recorded service is elsewhere
  EXPECT_TRUE(f.Served().empty()) << Dump(f.last);
  EXPECT_FALSE(Has(f.last, "people.assessor-same-unit"));
}

TEST(PeopleRulesTest, AssessorOpenEndedServiceOverlapsLaterBt) {
  AssessorFixture f;
  f.Serve("vc", "2023-03-01", "");  // ongoing since before the BT
  auto found = f.Served();
  ASSERT_EQ(found.size(), 1u) << Dump(f.last);
  EXPECT_NE(found[0]->message.find("2023-03-01 – ongoing"), std::string::npos) << found[0]->message;
  EXPECT_NE(found[0]->message.find("Vårdcentralen Norr"), std::string::npos);
  // A BT placement that is not BT (an ST programme's non-BT placement) is not compared.
  f.file.trainees[0].programme.kind = "BT+ST";
  f.file.trainees[0].programme.specialty = "Internmedicin";
  EXPECT_TRUE(f.Served().empty()) << Dump(f.last);
  f.file.trainees[0].placements[0].is_bt = true;
  EXPECT_EQ(f.Served().size(), 1u) << Dump(f.last);
}

TEST(PeopleRulesTest, AssessorRulesApplyOnlyWhereTheRegionEnablesThem) {
  AssessorFixture f;
  f.Serve("akm", "2024-01-01", "2024-12-31");
  f.file.trainees[0].placements[1].supervisor = "ext";
  EXPECT_EQ(f.Served().size(), 1u) << Dump(f.last);
  EXPECT_TRUE(Has(f.last, "people.assessor-is-supervisor"));
  f.profile.values[profile_keys::kRegionalRules] = "people.assessor-is-supervisor";
  EXPECT_TRUE(f.Served().empty()) << Dump(f.last);
  EXPECT_TRUE(Has(f.last, "people.assessor-is-supervisor"));
  f.profile.values.erase(profile_keys::kRegionalRules);
  EXPECT_TRUE(f.Served().empty()) << Dump(f.last);
  EXPECT_FALSE(Has(f.last, "people.assessor-is-supervisor"));
}

TEST(PeopleRulesTest, RegionalPeopleRulesNeedTheProfile) {
  PeopleFixture f;
  Trainee& t = f.St("bo");
  t.roles.head_of_unit = "bo";
  EXPECT_TRUE(Has(f.Check(kToday), "people.head-of-unit-supervises"));
  f.profile.values[profile_keys::kRegionalRules] = "deadline.iup; people.assessor-same-unit";
  EXPECT_FALSE(Has(f.Check(kToday), "people.head-of-unit-supervises"));

  PeopleFixture g;
  Trainee& bt = g.Add(MakeTrainee("B", "BT", "", "2024-01-01", kHslf2021));
  bt.roles.main_supervisor = "ny-st";
  g.AddPerson(MakePerson("ny-st", "Nora", "Ung", "", "AT-läkare", 2022, "med"));
  EXPECT_TRUE(Has(g.Check(kToday), "people.bt-huvudhandledare-not-qualified"));
  g.profile.values[profile_keys::kRegionalRules] = "";
  EXPECT_FALSE(Has(g.Check(kToday), "people.bt-huvudhandledare-not-qualified"));
}

}  // namespace
}  // namespace stdok
