#include "rules/consistency_rules.h"

#include <gtest/gtest.h>

#include "rules/regulation.h"
#include "rules/rules_testing.h"

namespace stdok {
namespace {

using namespace rules_testing;

const Date kToday{2025, 6, 1};

Trainee& St(Fixture& f, const std::string& regulation = kHslf2021) {
  Trainee& t = f.Add(MakeTrainee("T", "ST", "Psykiatri", "2024-01-01", regulation));
  t.education.bt_certificate_date = D("2023-12-01");
  t.education.swedish_at = regulation == kSosfs2015;
  return t;
}

TEST(ConsistencyRulesTest, UndefinedPeopleAndUnits) {
  Fixture f;
  Trainee& t = St(f);
  t.roles.main_supervisor = "nobody";
  t.placements.push_back(MakePlacement("nowhere", "2024-01-01", "2024-06-30", 100, "", false, "ghost"));
  Diagnostics d = f.Check(kToday);
  EXPECT_EQ(WithRule(d, "records.undefined-person").size(), 2u) << Dump(d);
  auto unit = WithRule(d, "records.undefined-unit");
  ASSERT_EQ(unit.size(), 1u);
  EXPECT_EQ(unit[0]->message, "'nowhere' is not a defined <unit>");
  EXPECT_EQ(unit[0]->severity, Severity::kError);
}

TEST(ConsistencyRulesTest, OverlappingPlacementsAboveFullTime) {
  Fixture f;
  Trainee& t = St(f);
  t.placements.push_back(MakePlacement("med", "2024-01-01", "2024-06-30", 50));
  t.placements.push_back(MakePlacement("psy", "2024-03-01", "2024-08-31", 50));
  EXPECT_FALSE(Has(f.Check(kToday), "consistency.placement-overlap"));  // 50 + 50 = 100
  f.file.trainees[0].placements[1].rate = 60;
  f.file.trainees[0].placements[1].where.line = 101;
  Diagnostics d = f.Check(kToday);
  auto found = WithRule(d, "consistency.placement-overlap");
  ASSERT_EQ(found.size(), 1u) << Dump(d);
  EXPECT_EQ(found[0]->severity, Severity::kError);
  EXPECT_EQ(found[0]->location.line, 101);  // at the one that starts last
  EXPECT_NE(found[0]->message.find("110 % of full time from 2024-03-01"), std::string::npos)
      << found[0]->message;
}

TEST(ConsistencyRulesTest, SidePlacementsCountInOverlaps) {
  Fixture f;
  Trainee& t = St(f);
  t.placements.push_back(MakePlacement("med", "2024-01-01", "2024-12-31"));
  SidePlacement s;
  s.unit_id = "kir";
  s.period = Range("2024-10-01", "2024-11-30");
  t.side_placements.push_back(s);
  EXPECT_TRUE(Has(f.Check(kToday), "consistency.placement-overlap"));
}

TEST(ConsistencyRulesTest, PlacementsOutsideTheProgramme) {
  Fixture f;
  Trainee& t = St(f);
  t.programme.planned_end = D("2029-06-30");
  t.placements.push_back(MakePlacement("med", "2023-12-01", "2024-02-29"));
  t.placements.push_back(MakePlacement("psy", "2029-01-01", "2029-12-31"));
  Diagnostics d = f.Check(kToday);
  auto found = WithRule(d, "consistency.outside-programme");
  ASSERT_EQ(found.size(), 2u) << Dump(d);
  EXPECT_NE(found[0]->message.find("before the programme starts (2024-01-01)"), std::string::npos);
  EXPECT_NE(found[1]->message.find("after the programme's planned end (2029-06-30)"), std::string::npos);
  // A BT done before this ST is part of it.
  f.file.trainees[0].placements[0].is_bt = true;
  EXPECT_EQ(WithRule(f.Check(kToday), "consistency.outside-programme").size(), 1u);
}

TEST(ConsistencyRulesTest, PeriodsThatEndBeforeTheyStart) {
  Fixture f;
  Trainee& t = St(f);
  t.placements.push_back(MakePlacement("med", "2024-06-30", "2024-01-01"));
  Diagnostics d = f.Check(kToday);
  auto found = WithRule(d, "consistency.period-reversed");
  ASSERT_EQ(found.size(), 1u) << Dump(d);
  EXPECT_EQ(found[0]->message, "the period ends (2024-01-01) before it starts (2024-06-30)");
  EXPECT_FALSE(Has(d, "consistency.outside-programme"));
  // When the reader has reported it already, it is not repeated.
  Diagnostics with_reader = {{Severity::kError, {"test.xml", 100, 40}, "T", "@end", "records.period-reversed", "…", ""}};
  CheckTrainee(f.file, f.file.trainees[0], f.profile, kToday, &with_reader);
  EXPECT_FALSE(Has(with_reader, "consistency.period-reversed"));
}

TEST(ConsistencyRulesTest, ProgrammeEndBeforeStart) {
  Fixture f;
  Trainee& t = St(f);
  t.programme.planned_end = D("2023-12-31");
  EXPECT_TRUE(Has(f.Check(kToday), "consistency.programme-dates"));
}

TEST(ConsistencyRulesTest, DelmalCodesOfTheRegulation) {
  Fixture f;
  Trainee& t = St(f);
  Placement p = MakePlacement("psy", "2024-01-01", "2024-06-30");
  p.delmal = {"STa1", "stb2", "STc14", "a1", "STa8", "X3"};
  t.placements.push_back(p);
  Diagnostics d = f.Check(kToday);
  auto foreign = WithRule(d, "delmal.foreign");
  ASSERT_EQ(foreign.size(), 3u) << Dump(d);
  EXPECT_NE(foreign[0]->message.find("'a1' is not a delmål of HSLF-FS 2021:8"), std::string::npos);
  EXPECT_NE(foreign[1]->message.find("'STa8'"), std::string::npos);
  EXPECT_NE(foreign[2]->message.find("'X3'"), std::string::npos);
  EXPECT_FALSE(Has(d, "delmal.c-out-of-range"));  // psykiatri 2021 has STc1–STc14
}

TEST(ConsistencyRulesTest, DelmalCodesUnderSosfs2015) {
  Fixture f;
  Trainee& t = St(f, kSosfs2015);
  t.education.bt_certificate_date.reset();
  Course c;
  c.subject = "Ledarskap";
  c.delmal = {"a1", "b5", "c13", "c14", "STa1", "BT3"};
  c.where = {"test.xml", 70, 5};
  t.courses.push_back(c);
  Diagnostics d = f.Check(kToday);
  EXPECT_EQ(WithRule(d, "delmal.foreign").size(), 2u) << Dump(d);  // STa1, BT3
  auto range = WithRule(d, "delmal.c-out-of-range");
  ASSERT_EQ(range.size(), 1u);  // psykiatri 2015: c1–c13
  EXPECT_NE(range[0]->message.find("'c14': Psykiatri has c1–c13"), std::string::npos) << range[0]->message;
}

TEST(ConsistencyRulesTest, BtCodesOnlyInBt) {
  Fixture f;
  Trainee& t = f.Add(MakeTrainee("S", "BT+ST", "Kirurgi", "2024-01-01", kHslf2021));
  Placement bt = MakePlacement("vc", "2024-01-01", "2024-06-30", 100, "primärvård", true);
  bt.delmal = {"BT1", "BT2"};
  Placement st = MakePlacement("kir", "2024-07-01", "2024-12-31");
  st.delmal = {"BT5", "STc1"};
  st.where.line = 101;
  t.placements = {bt, st};
  DevelopmentWork w;
  w.subject = "Kvalitet";
  w.delmal = {"BT6"};
  t.development_work.push_back(w);
  Diagnostics d = f.Check(kToday);
  auto found = WithRule(d, "delmal.bt-outside-bt");
  ASSERT_EQ(found.size(), 2u) << Dump(d);
  EXPECT_EQ(found[0]->location.line, 101);
  EXPECT_EQ(found[0]->message, "'BT5' is a BT delmål, but this placement is not part of BT");

  DelmalGroup mixed;
  mixed.codes = {"BT1", "BT2", "STa2"};
  f.file.trainees[0].delmal_groups.push_back(mixed);
  EXPECT_TRUE(Has(f.Check(kToday), "delmal.mixed-group"));
}

TEST(RegulationTest, WhoMayFollowSosfs2015) {
  Trainee at = MakeTrainee("A", "ST", "Kirurgi", "2024-01-01");
  at.education.swedish_at = true;
  EXPECT_TRUE(MayFollowSosfs2015(at));
  EXPECT_EQ(EffectiveRegulation(at), kSosfs2015);
  Trainee early = MakeTrainee("E", "ST", "Kirurgi", "2021-06-30");
  EXPECT_TRUE(MayFollowSosfs2015(early));
  Trainee late = MakeTrainee("L", "ST", "Kirurgi", "2021-07-01");
  EXPECT_FALSE(MayFollowSosfs2015(late));
  EXPECT_EQ(EffectiveRegulation(late), kHslf2021);
  // BT exists only under HSLF-FS 2021:8, whatever the trainee's background.
  Trainee bt_st = MakeTrainee("B", "BT+ST", "Kirurgi", "2020-01-01");
  bt_st.education.swedish_at = true;
  EXPECT_EQ(EffectiveRegulation(bt_st), kHslf2021);
  // A stated regulation wins.
  Trainee stated = MakeTrainee("S", "ST", "Kirurgi", "2020-01-01", kHslf2021);
  EXPECT_EQ(EffectiveRegulation(stated), kHslf2021);
}

TEST(RegulationTest, StatedRegulationNotAllowedIsAnError) {
  Fixture f;
  f.Add(MakeTrainee("L", "ST", "Kirurgi", "2021-07-01", kSosfs2015));
  Diagnostics d = f.Check(kToday);
  auto found = WithRule(d, "regulation.not-allowed");
  ASSERT_EQ(found.size(), 1u) << Dump(d);
  EXPECT_EQ(found[0]->severity, Severity::kError);
  EXPECT_EQ(found[0]->field, "programme/@regulation");
  EXPECT_EQ(found[0]->source, "SFS 2020:1098, övergångsbestämmelser p. 2–3");
  f.file.trainees[0].education.swedish_at = true;
  EXPECT_FALSE(Has(f.Check(kToday), "regulation.not-allowed"));
}

TEST(RegulationTest, BtUnderSosfsIsAnError) {
  Fixture f;
  Trainee& t = f.Add(MakeTrainee("B", "BT+ST", "Kirurgi", "2020-01-01", kSosfs2015));
  t.education.swedish_at = true;
  EXPECT_TRUE(Has(f.Check(kToday), "regulation.bt-under-sosfs"));
}

TEST(RegulationTest, StUnder2021BeginsWithBt) {
  Fixture f;
  f.Add(MakeTrainee("T", "ST", "Kirurgi", "2024-01-01", kHslf2021));
  Diagnostics d = f.Check(kToday);
  ASSERT_TRUE(Has(d, "regulation.bt-missing")) << Dump(d);
  EXPECT_EQ(WithRule(d, "regulation.bt-missing")[0]->severity, Severity::kWarning);
  EXPECT_FALSE(Has(d, "bt.not-planned"));  // reported once
  f.file.trainees[0].education.bt_certificate_date = D("2023-12-01");
  EXPECT_FALSE(Has(f.Check(kToday), "regulation.bt-missing"));
  f.file.trainees[0].education.bt_certificate_date.reset();
  f.file.trainees[0].placements.push_back(MakePlacement("vc", "2024-01-01", "2024-06-30", 100, "primärvård", true));
  EXPECT_FALSE(Has(f.Check(kToday), "regulation.bt-missing"));
}

}  // namespace
}  // namespace stdok
