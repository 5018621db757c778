#include "rules/bt_rules.h"

#include <gtest/gtest.h>

#include "rules/regulation.h"
#include "rules/rules_testing.h"

namespace stdok {
namespace {

using namespace rules_testing;

// A BT-only trainee under HSLF-FS 2021:8.
Trainee& BtTrainee(Fixture& f, const char* start = "2024-01-01") {
  return f.Add(MakeTrainee("B", "BT", "", start, kHslf2021));
}

TEST(BtRulesTest, KindsMatchCaseInsensitively) {
  EXPECT_TRUE(IsPrimarvard("Primärvård"));
  EXPECT_TRUE(IsPrimarvard("allmänmedicin, vårdcentral"));
  EXPECT_TRUE(IsAkut("Akut sjukvård"));
  EXPECT_TRUE(IsAkut("akutmottagning"));
  EXPECT_FALSE(IsAkut("psykiatri"));
}

TEST(BtRulesTest, ThreePlusThreeButOnlyFiveAndAHalfMonths) {
  // 3 months primärvård + 3 months akut sjukvård, but 15 days' sick leave (0.5 month):
  // Jan–Apr 4.0 + May 16–Jun 30 1.5 = 5.5 < 6. The parts are placement time, so both are met.
  Fixture f;
  Trainee& t = BtTrainee(f);
  t.placements.push_back(MakePlacement("vc", "2024-01-01", "2024-03-31", 100, "primärvård"));
  t.placements.push_back(MakePlacement("akm", "2024-04-01", "2024-06-30", 100, "akut sjukvård"));
  t.absences.push_back(MakeAbsence("sjukfrånvaro", "2024-05-01", "2024-05-15"));
  BtSummary bt = SummarizeBt(f.file, t, f.profile, D("2024-12-01"));
  EXPECT_EQ(bt.state, BtState::kServed);
  EXPECT_DOUBLE_EQ(bt.months, 5.5);
  EXPECT_DOUBLE_EQ(bt.primarvard_months, 3.0);
  EXPECT_DOUBLE_EQ(bt.akut_months, 3.0);
  EXPECT_EQ(bt.places, 2);

  Diagnostics d = f.Check(D("2024-12-01"));
  auto short_bt = WithRule(d, "bt.too-short");
  ASSERT_EQ(short_bt.size(), 1u) << Dump(d);
  EXPECT_EQ(short_bt[0]->severity, Severity::kError);
  EXPECT_NE(short_bt[0]->message.find("5.5"), std::string::npos);
  EXPECT_FALSE(Has(d, "bt.primarvard-short"));
  EXPECT_FALSE(Has(d, "bt.akut-short"));
  EXPECT_FALSE(Has(d, "bt.shorter-than-norm"));  // too short already

  // While the BT is still running, the same shortfall is a warning about the plan.
  Diagnostics planned = f.Check(D("2024-06-15"));
  ASSERT_TRUE(Has(planned, "bt.too-short"));
  EXPECT_EQ(WithRule(planned, "bt.too-short")[0]->severity, Severity::kWarning);
}

TEST(BtRulesTest, PrimarvardAndAkutParts) {
  Fixture f;
  Trainee& t = BtTrainee(f);
  // 2 months primärvård (unit kind, placement kind empty), 4 months akut at 75 % = 3.0.
  t.placements.push_back(MakePlacement("vc", "2024-01-01", "2024-02-29"));
  t.placements.push_back(MakePlacement("akm", "2024-03-01", "2024-06-30", 75));
  t.placements.push_back(MakePlacement("med", "2024-07-01", "2024-12-31"));
  BtSummary bt = SummarizeBt(f.file, t, f.profile, D("2025-01-10"));
  EXPECT_DOUBLE_EQ(bt.primarvard_months, 2.0);
  EXPECT_DOUBLE_EQ(bt.akut_months, 3.0);
  EXPECT_DOUBLE_EQ(bt.months, 11.0);  // 2 + 3 + 6
  Diagnostics d = f.Check(D("2025-01-10"));
  ASSERT_TRUE(Has(d, "bt.primarvard-short")) << Dump(d);
  EXPECT_EQ(WithRule(d, "bt.primarvard-short")[0]->severity, Severity::kError);
  EXPECT_FALSE(Has(d, "bt.akut-short"));
  EXPECT_FALSE(Has(d, "bt.too-short"));
  ASSERT_TRUE(Has(d, "bt.shorter-than-norm"));  // 11 < 12
  EXPECT_EQ(WithRule(d, "bt.shorter-than-norm")[0]->severity, Severity::kInfo);
}

TEST(BtRulesTest, AkutShort) {
  Fixture f;
  Trainee& t = BtTrainee(f);
  t.placements.push_back(MakePlacement("vc", "2024-01-01", "2024-06-30", 100, "primärvård"));
  t.placements.push_back(MakePlacement("akm", "2024-07-01", "2024-08-31", 100, "akut sjukvård"));
  t.placements.push_back(MakePlacement("med", "2024-09-01", "2024-12-31"));
  Diagnostics d = f.Check(D("2025-01-10"));
  EXPECT_TRUE(Has(d, "bt.akut-short")) << Dump(d);
  EXPECT_FALSE(Has(d, "bt.primarvard-short"));
  EXPECT_FALSE(Has(d, "bt.shorter-than-norm"));  // 12 months
}

TEST(BtRulesTest, MoreThanFourPlacesIsAWarning) {
  Fixture f;
  Trainee& t = BtTrainee(f);
  t.placements.push_back(MakePlacement("vc", "2024-01-01", "2024-03-31", 100, "primärvård"));
  t.placements.push_back(MakePlacement("akm", "2024-04-01", "2024-06-30", 100, "akut"));
  t.placements.push_back(MakePlacement("psy", "2024-07-01", "2024-08-31"));
  t.placements.push_back(MakePlacement("med", "2024-09-01", "2024-10-31"));
  Diagnostics four = f.Check(D("2025-01-10"));
  EXPECT_FALSE(Has(four, "bt.too-many-places")) << Dump(four);
  t.placements.push_back(MakePlacement("kir", "2024-11-01", "2024-12-31"));
  Diagnostics five = f.Check(D("2025-01-10"));
  ASSERT_TRUE(Has(five, "bt.too-many-places")) << Dump(five);
  EXPECT_EQ(WithRule(five, "bt.too-many-places")[0]->severity, Severity::kWarning);
}

TEST(BtRulesTest, BtInsideStWithinTheFirstTwoYears) {
  Fixture f;
  Trainee& t = f.Add(MakeTrainee("S", "BT+ST", "Kirurgi", "2024-01-01", kHslf2021));
  t.placements.push_back(MakePlacement("vc", "2024-01-01", "2024-06-30", 100, "primärvård", true));
  t.placements.push_back(MakePlacement("kir", "2024-07-01", "2025-06-30"));
  t.placements.push_back(MakePlacement("akm", "2025-07-01", "2025-12-31", 100, "akut", true));
  EXPECT_FALSE(Has(f.Check(D("2024-02-01")), "bt.late-in-st"));  // ends on the last day, 2025-12-31
  t.placements.back().period.end = D("2026-01-01");
  Diagnostics d = f.Check(D("2024-02-01"));
  ASSERT_TRUE(Has(d, "bt.late-in-st")) << Dump(d);
  EXPECT_NE(WithRule(d, "bt.late-in-st")[0]->message.find("2025-12-31"), std::string::npos);
  // Placements not marked BT do not count toward BT in a BT+ST programme.
  EXPECT_DOUBLE_EQ(SummarizeBt(f.file, t, f.profile, D("2024-02-01")).months, 12.0 + 1.0 / 30);
}

TEST(BtRulesTest, RegionExtraKindsComeFromTheProfile) {
  Fixture f;
  Trainee& t = BtTrainee(f);
  t.placements.push_back(MakePlacement("vc", "2024-01-01", "2024-06-30", 100, "primärvård"));
  t.placements.push_back(MakePlacement("akm", "2024-07-01", "2024-12-31", 100, "akut"));
  EXPECT_FALSE(Has(f.Check(D("2025-01-10")), "bt.extra-kind-missing"));
  f.profile.values["bt-extra-kinds"] = "psykiatri";
  Diagnostics d = f.Check(D("2025-01-10"));
  auto missing = WithRule(d, "bt.extra-kind-missing");
  ASSERT_EQ(missing.size(), 1u) << Dump(d);
  EXPECT_EQ(missing[0]->severity, Severity::kWarning);
  EXPECT_EQ(missing[0]->source, "Riktlinjer, Region Test");
  EXPECT_NE(missing[0]->message.find("psykiatri"), std::string::npos);
  f.file.trainees[0].placements.push_back(MakePlacement("psy", "2025-01-01", "2025-03-31"));
  EXPECT_FALSE(Has(f.Check(D("2025-01-10")), "bt.extra-kind-missing"));
}

TEST(BtRulesTest, NoBtRulesUnderSosfsOrWithACertificate) {
  Fixture f;
  Trainee& old = f.Add(MakeTrainee("O", "ST", "Kirurgi", "2020-01-01", kSosfs2015));
  old.placements.push_back(MakePlacement("med", "2020-01-01", "2020-02-28"));
  EXPECT_EQ(SummarizeBt(f.file, old, f.profile, D("2024-01-01")).state, BtState::kNotApplicable);
  Trainee& done = f.Add(MakeTrainee("C", "BT+ST", "Kirurgi", "2024-01-01", kHslf2021));
  done.education.bt_certificate_date = D("2024-12-01");
  done.placements.push_back(MakePlacement("med", "2024-01-01", "2024-02-28", 100, "", true));
  EXPECT_EQ(SummarizeBt(f.file, done, f.profile, D("2025-01-01")).state, BtState::kCertified);
  for (size_t i = 0; i < 2; ++i)
    for (const Diagnostic& d : f.Check(D("2025-01-01"), i)) EXPECT_NE(d.rule.rfind("bt.", 0), 0u) << d.ToString();
}

TEST(BtRulesTest, BtWithoutPlacementsIsNotPlanned) {
  Fixture f;
  f.Add(MakeTrainee("B", "BT+ST", "Kirurgi", "2024-01-01", kHslf2021));
  Diagnostics d = f.Check(D("2024-02-01"));
  EXPECT_TRUE(Has(d, "bt.not-planned")) << Dump(d);
  EXPECT_FALSE(Has(d, "bt.too-short"));
}

}  // namespace
}  // namespace stdok
