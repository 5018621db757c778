#include "rules/trainee_facts.h"

#include <gtest/gtest.h>

#include "rules/regulation.h"
#include "rules/rules_testing.h"

namespace stdok {
namespace {

using namespace rules_testing;

TEST(TraineeFactsTest, ServiceIsSplitAtLeaveAndTheAsOfDate) {
  Fixture f;
  Trainee t = MakeTrainee("T", "ST", "Internmedicin", "2026-01-05", kHslf2021);
  t.placements.push_back(MakePlacement("med", "2026-03-02", "2026-09-06", 100, "sluten vård"));
  t.absences.push_back(MakeAbsence("föräldraledighet", "2026-03-02", "2026-12-18", 20));
  f.Add(t);
  const TraineeFacts facts = ComputeTraineeFacts(f.file, f.file.trainees[0], f.profile, D("2026-06-30"));
  const ServiceFacts& s = facts.placements.at(0);
  EXPECT_EQ(s.progress, Progress::kOngoing);
  ASSERT_EQ(s.parts.size(), 2u);
  EXPECT_EQ(s.parts[0].first, D("2026-03-02"));
  EXPECT_EQ(s.parts[0].last, D("2026-06-30"));
  EXPECT_EQ(s.parts[0].progress, Progress::kOngoing);
  EXPECT_DOUBLE_EQ(s.parts[0].net_rate, 80);
  EXPECT_DOUBLE_EQ(s.parts[0].rate, 100);
  EXPECT_EQ(s.parts[1].first, D("2026-07-01"));
  EXPECT_EQ(s.parts[1].progress, Progress::kPlanned);
  EXPECT_NEAR(s.months, FullTimeMonths(D("2026-03-02"), D("2026-09-06"), 80), 1e-9);
  EXPECT_NEAR(s.served_months, FullTimeMonths(D("2026-03-02"), D("2026-06-30"), 80), 1e-9);
}

TEST(TraineeFactsTest, ProgressOfEveryItem) {
  Fixture f;
  Trainee t = MakeTrainee("T", "ST", "Internmedicin", "2024-01-01", kHslf2021);
  Course done, planned_marked_done, marked_planned;
  done.subject = "A";
  done.period = Range("2024-03-01", "2024-03-02");
  planned_marked_done.subject = "B";
  planned_marked_done.period = Range("2027-01-10", "2027-01-12");  // done="yes" but in the future
  marked_planned.subject = "C";
  marked_planned.done = false;
  marked_planned.period = Range("2024-05-01", "2024-05-02");
  t.courses = {done, planned_marked_done, marked_planned};
  ScientificWork verified, open, dated;
  verified.verification = "Granskat";
  dated.period = Range("2024-01-01", "2027-06-30");
  t.scientific_work = {verified, open, dated};
  f.Add(t);
  const TraineeFacts facts = ComputeTraineeFacts(f.file, f.file.trainees[0], f.profile, D("2026-12-05"));
  EXPECT_EQ(facts.courses[0].progress, Progress::kDone);
  EXPECT_EQ(facts.courses[1].progress, Progress::kPlanned);
  EXPECT_EQ(facts.courses[2].progress, Progress::kOngoing);  // dates passed, not marked done
  EXPECT_EQ(facts.scientific_work[0].progress, Progress::kDone);
  EXPECT_EQ(facts.scientific_work[1].progress, Progress::kPlanned);
  EXPECT_EQ(facts.scientific_work[2].progress, Progress::kOngoing);
}

TEST(TraineeFactsTest, DelmalStatesAndStReadiness) {
  Fixture f;
  Trainee t = MakeTrainee("T", "ST", "Internmedicin", "2020-01-01", kHslf2021);
  t.placements.push_back(MakePlacement("med", "2020-01-01", "2025-12-31", 100, "sluten vård"));
  t.placements[0].delmal = {"STa2", "STc1"};
  t.placements.push_back(MakePlacement("kir", "2027-01-01", "2027-03-31", 100, "sluten vård"));
  t.placements[1].delmal = {"STc2"};
  DelmalGroup g;
  g.codes = {"STa2"};
  g.date = D("2025-06-01");
  t.delmal_groups.push_back(g);
  f.Add(t);
  const TraineeFacts facts = ComputeTraineeFacts(f.file, f.file.trainees[0], f.profile, D("2026-12-05"));
  auto state = [&](const std::string& code) {
    for (const DelmalFact& d : facts.delmal)
      if (d.code == code) return d.state;
    ADD_FAILURE() << code << " not listed";
    return DelmalState::kMissing;
  };
  EXPECT_EQ(state("STa2"), DelmalState::kCertified);
  EXPECT_EQ(state("STc1"), DelmalState::kDone);
  EXPECT_EQ(state("STc2"), DelmalState::kPlanned);
  EXPECT_EQ(state("STa1"), DelmalState::kMissing);  // every delmål of the regulation is listed
  EXPECT_TRUE(facts.time.met);  // 72 of 66 months
  EXPECT_TRUE(facts.st_service.ready);
  EXPECT_FALSE(facts.st_application.ready);
  EXPECT_FALSE(facts.st_competence.ready);
  ASSERT_FALSE(facts.st_competence.reasons.empty());
  EXPECT_NE(facts.st_competence.reasons[0].find("STa1"), std::string::npos);
}

TEST(TraineeFactsTest, BtApplicationNeedsServiceAndEveryDelmalCertified) {
  Fixture f;
  Trainee t = MakeTrainee("T", "BT", "", "2025-01-01", kHslf2021);
  t.placements.push_back(MakePlacement("vc", "2025-01-01", "2025-06-30", 100, "primärvård", true));
  t.placements.push_back(MakePlacement("akm", "2025-07-01", "2025-12-31", 100, "akut", true));
  f.Add(t);
  TraineeFacts facts = ComputeTraineeFacts(f.file, f.file.trainees[0], f.profile, D("2025-10-01"));
  EXPECT_TRUE(facts.bt_service.applies);
  EXPECT_FALSE(facts.bt_service.ready);  // still serving
  facts = ComputeTraineeFacts(f.file, f.file.trainees[0], f.profile, D("2026-01-15"));
  EXPECT_TRUE(facts.bt_service.ready);
  EXPECT_FALSE(facts.bt_competence.ready);  // no bilaga 2 certificates
  EXPECT_FALSE(facts.bt_application.ready);
  DelmalGroup all;
  for (int i = 1; i <= 18; ++i) all.codes.push_back("BT" + std::to_string(i));
  all.date = D("2026-01-10");
  f.file.trainees[0].delmal_groups.push_back(all);
  facts = ComputeTraineeFacts(f.file, f.file.trainees[0], f.profile, D("2026-01-15"));
  EXPECT_TRUE(facts.bt_competence.ready);
  EXPECT_TRUE(facts.bt_application.ready);
  // The same certificate dated after the as-of date does not count yet.
  f.file.trainees[0].delmal_groups[0].date = D("2026-02-01");
  facts = ComputeTraineeFacts(f.file, f.file.trainees[0], f.profile, D("2026-01-15"));
  EXPECT_FALSE(facts.bt_competence.ready);
}

// `status` once printed an earliest completion in the past while the time was unmet.
TEST(TraineeFactsTest, EarliestCompletionIsNeverPastWhileTimeIsUnmet) {
  Fixture f;
  Trainee t = MakeTrainee("T", "ST", "Allmänmedicin", "2021-01-01", kSosfs2015);
  t.placements.push_back(MakePlacement("vc", "2021-01-01", "2022-12-31", 100, "primärvård"));
  f.Add(t);
  const Date as_of = D("2026-12-05");
  const TraineeFacts facts = ComputeTraineeFacts(f.file, f.file.trainees[0], f.profile, as_of);
  EXPECT_NEAR(facts.time.served_months, 24, 1e-9);
  EXPECT_FALSE(facts.time.met);
  ASSERT_TRUE(facts.completion.earliest_completion);
  EXPECT_GT(*facts.completion.earliest_completion, as_of);
  // 36 more months from the day after the as-of date.
  EXPECT_EQ(*facts.completion.earliest_completion, D("2029-12-05"));
}

TEST(TraineeFactsTest, OrganisationsAreNotSigners) {
  EXPECT_TRUE(LooksLikePersonName("Karin Holm"));
  EXPECT_TRUE(LooksLikePersonName("Jan de Wit"));
  EXPECT_TRUE(LooksLikePersonName("Nils Östman, BT-studierektor"));
  EXPECT_TRUE(LooksLikePersonName("Łukasz Żółkiewski"));
  EXPECT_TRUE(LooksLikePersonName("Anna-Karin McDonald"));
  EXPECT_FALSE(LooksLikePersonName("SKR webbutbildning"));
  EXPECT_FALSE(LooksLikePersonName("Qulturum"));
  EXPECT_FALSE(LooksLikePersonName("FoU, Region Västernorrland"));
  EXPECT_FALSE(LooksLikePersonName("Region Östergötland, ST-utbildning"));
  EXPECT_FALSE(LooksLikePersonName("Kursledningen, Akut internmedicin"));
  EXPECT_FALSE(LooksLikePersonName("Palliativa teamet, Sundsvalls sjukhus"));
  EXPECT_FALSE(LooksLikePersonName("Kurs 2024"));
}

TEST(TraineeFactsTest, ACourseSignedByAnOrganisationIsAnErrorOnThatCertificateOnly) {
  Fixture f;
  Trainee t = MakeTrainee("T", "ST", "Internmedicin", "2024-01-01", kHslf2021);
  Course c;
  c.subject = "Försäkringsmedicin";
  c.leader_name = "SKR webbutbildning";
  c.period = Range("2024-04-15", "2024-04-15");
  c.where = {"test.xml", 30, 5};
  t.courses.push_back(c);
  f.Add(t);
  const Diagnostics d = f.Check(D("2026-12-05"));
  auto found = WithRule(d, "certificate.signer-not-person");
  ASSERT_EQ(found.size(), 1u) << Dump(d);
  EXPECT_EQ(found[0]->severity, Severity::kError);
  EXPECT_NE(found[0]->message.find("SKR webbutbildning"), std::string::npos);
  EXPECT_FALSE(StopsTraineeDocuments(*found[0]));
}

TEST(TraineeFactsTest, ASidePlacementAgreedAfterTheStContractAsksForARevision) {
  Fixture f;
  Trainee t = MakeTrainee("T", "ST", "Internmedicin", "2024-01-01", kHslf2021);
  t.contract.date = D("2024-01-22");
  SidePlacement s;
  s.unit_id = "kir";
  s.period = Range("2026-09-07", "2026-12-06");
  s.contract_date = D("2026-06-15");
  t.side_placements.push_back(s);
  f.Add(t);
  EXPECT_TRUE(Has(f.Check(D("2026-12-05")), "contract.revise"));
  f.file.trainees[0].side_placements[0].contract_date = D("2024-01-10");
  EXPECT_FALSE(Has(f.Check(D("2026-12-05")), "contract.revise"));
}

}  // namespace
}  // namespace stdok
