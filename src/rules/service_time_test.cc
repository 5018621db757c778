#include "rules/service_time.h"

#include <gtest/gtest.h>

#include "rules/regulation.h"
#include "rules/rules_testing.h"

namespace stdok {
namespace {

using namespace rules_testing;

TEST(ServiceTimeTest, FullTimeMonthsScalesCalendarMonthsByRate) {
  EXPECT_DOUBLE_EQ(FullTimeMonths(D("2024-09-01"), D("2025-02-28"), 100), 6.0);
  EXPECT_DOUBLE_EQ(FullTimeMonths(D("2024-09-01"), D("2025-02-28"), 50), 3.0);
  EXPECT_DOUBLE_EQ(FullTimeMonths(D("2025-02-28"), D("2024-09-01"), 100), 0.0);
}

TEST(ServiceTimeTest, AbsenceKinds) {
  EXPECT_TRUE(AbsenceExtendsTraining("föräldraledighet"));
  EXPECT_TRUE(AbsenceExtendsTraining("sjukfrånvaro"));
  EXPECT_TRUE(AbsenceExtendsTraining("tjänstledighet"));
  EXPECT_FALSE(AbsenceExtendsTraining("semester"));
  EXPECT_FALSE(AbsenceExtendsTraining("kompledighet"));
}

TEST(ServiceTimeTest, RequiredMonths) {
  EXPECT_EQ(RequiredMonths(kSosfs2015, "ST"), 60);
  EXPECT_EQ(RequiredMonths(kHslf2021, "ST"), 66);
  EXPECT_EQ(RequiredMonths(kHslf2021, "BT+ST"), 66);
  EXPECT_EQ(RequiredMonths(kHslf2021, "BT"), 6);
}

TEST(ServiceTimeTest, NetMonthsAddBackToBackPeriodsExactly) {
  // 2024-09-01..11-30 (3.0) + 2024-12-01..2025-02-28 (3.0): measured as one run = 6.0.
  EXPECT_DOUBLE_EQ(NetFullTimeMonths({{D("2024-09-01"), D("2024-11-30"), 100},
                                      {D("2024-12-01"), D("2025-02-28"), 100}},
                                     {}),
                   6.0);
}

TEST(ServiceTimeTest, NetMonthsCapOverlapsAtFullTime) {
  // Two 60 % placements over the same six months: 120 % capped to 100 % -> 6.0, not 7.2.
  EXPECT_DOUBLE_EQ(NetFullTimeMonths({{D("2024-01-01"), D("2024-06-30"), 60},
                                      {D("2024-01-01"), D("2024-06-30"), 60}},
                                     {}),
                   6.0);
}

TEST(ServiceTimeTest, NetMonthsStopAtTheDate) {
  EXPECT_DOUBLE_EQ(NetFullTimeMonths({{D("2024-01-01"), D("2024-12-31"), 100}}, {}, D("2024-03-31")), 3.0);
}

TEST(ServiceTimeTest, PartTimeWithParentalLeaveServed) {
  // 75 % all of 2024; parental leave April–May at 100 % takes away what is served those days:
  // Jan–Mar 3 x 0.75 = 2.25, Jun–Dec 7 x 0.75 = 5.25 -> 7.5 full-time months.
  Trainee t = MakeTrainee("T", "ST", "Internmedicin", "2024-01-01", kHslf2021);
  t.programme.rate = 75;
  t.placements.push_back(MakePlacement("med", "2024-01-01", "2024-12-31", 75));
  t.absences.push_back(MakeAbsence("föräldraledighet", "2024-04-01", "2024-05-31"));
  ServiceTime time = ComputeServiceTime(t, kHslf2021, D("2025-01-15"));
  EXPECT_DOUBLE_EQ(time.served_months, 7.5);
  EXPECT_TRUE(time.from_placements);
  EXPECT_EQ(time.required_months, 66);
  EXPECT_FALSE(time.met);
}

TEST(ServiceTimeTest, PlacementRateIsCappedByTheEmploymentRate) {
  // The placement says 100 % (the reader's default) but the trainee works 50 %: 12 x 0.5 = 6.
  Trainee t = MakeTrainee("T", "ST", "Internmedicin", "2024-01-01", kHslf2021);
  t.programme.rate = 50;
  t.placements.push_back(MakePlacement("med", "2024-01-01", "2024-12-31"));
  EXPECT_DOUBLE_EQ(ComputeServiceTime(t, kHslf2021, D("2025-06-01")).served_months, 6.0);
}

TEST(ServiceTimeTest, VacationAndOnCallCompensationCount) {
  Trainee t = MakeTrainee("T", "ST", "Internmedicin", "2024-01-01", kHslf2021);
  t.placements.push_back(MakePlacement("med", "2024-01-01", "2024-12-31"));
  t.absences.push_back(MakeAbsence("semester", "2024-07-01", "2024-07-31"));
  t.absences.push_back(MakeAbsence("kompledighet", "2024-08-01", "2024-08-07"));
  EXPECT_DOUBLE_EQ(ComputeServiceTime(t, kHslf2021, D("2025-01-01")).served_months, 12.0);
  CompletionEstimate e = EstimateCompletion(t, kHslf2021, D("2000-01-01"));
  EXPECT_EQ(e.lost_months, 0);
  EXPECT_EQ(*e.earliest_completion, D("2029-06-30"));  // 66 months from 2024-01-01
}

TEST(ServiceTimeTest, EarliestCompletionPartTimeWithParentalLeave) {
  // SOSFS 2015:8 (Swedish AT), 75 %, six months' parental leave at 100 %:
  // lost = 6 x 0.75 = 4.5; calendar months = (60 + 4.5) / 0.75 = 86 -> 2031-03-01 minus a day.
  Trainee t = MakeTrainee("T", "ST", "Allmänmedicin", "2024-01-01");
  t.education.swedish_at = true;
  t.programme.rate = 75;
  t.absences.push_back(MakeAbsence("föräldraledighet", "2024-04-01", "2024-09-30"));
  ASSERT_EQ(EffectiveRegulation(t), kSosfs2015);
  CompletionEstimate e = EstimateCompletion(t, kSosfs2015, D("2000-01-01"));
  EXPECT_DOUBLE_EQ(e.lost_months, 4.5);
  EXPECT_EQ(e.required_months, 60);
  EXPECT_EQ(*e.earliest_completion, D("2031-02-28"));
}

TEST(ServiceTimeTest, DoctorateShortensStBySixMonths) {
  // SOSFS 2015:8 from 2022-03-01 full time: 60 - 6 = 54 months -> 2026-08-31.
  Trainee t = MakeTrainee("T", "ST", "Psykiatri", "2022-03-01", kSosfs2015);
  t.education.swedish_at = true;
  t.credits.swedish_doctorate = true;
  CompletionEstimate e = EstimateCompletion(t, kSosfs2015, D("2000-01-01"));
  EXPECT_EQ(e.credited_months, 6);
  EXPECT_EQ(e.required_months, 54);
  EXPECT_EQ(*e.earliest_completion, D("2026-08-31"));
  // The credit also counts toward "time met": 54 months served are enough.
  ServiceTime time = ComputeServiceTime(t, kSosfs2015, D("2026-08-31"));
  EXPECT_FALSE(time.from_placements);
  EXPECT_DOUBLE_EQ(time.served_months, 54.0);
  EXPECT_EQ(time.credited_months, 6);
  EXPECT_TRUE(time.met);
  EXPECT_FALSE(ComputeServiceTime(t, kSosfs2015, D("2026-08-29")).met);  // 53 + 29/30
}

TEST(ServiceTimeTest, DoctorateUnder2021CountsForStButNeverForBt) {
  Trainee bt_st = MakeTrainee("T", "BT+ST", "Psykiatri", "2022-03-01", kHslf2021);
  bt_st.credits.swedish_doctorate = true;
  EXPECT_EQ(*EstimateCompletion(bt_st, kHslf2021, D("2000-01-01")).earliest_completion, D("2027-02-28"));  // 60 months

  Trainee bt = MakeTrainee("B", "BT", "", "2022-03-01", kHslf2021);
  bt.credits.swedish_doctorate = true;
  CompletionEstimate e = EstimateCompletion(bt, kHslf2021, D("2000-01-01"));
  EXPECT_EQ(e.credited_months, 0);
  EXPECT_EQ(*e.earliest_completion, D("2022-08-31"));  // 6 months
}

TEST(ServiceTimeTest, Hslf2021FullTimeIsFiveAndAHalfYears) {
  Trainee t = MakeTrainee("T", "BT+ST", "Kirurgi", "2024-09-01", kHslf2021);
  EXPECT_EQ(*EstimateCompletion(t, kHslf2021, D("2000-01-01")).earliest_completion, D("2030-02-28"));
  // A BT start before the ST start is the first day.
  t.programme.bt_start = D("2024-03-01");
  EXPECT_EQ(*EstimateCompletion(t, kHslf2021, D("2000-01-01")).earliest_completion, D("2029-08-31"));
}

TEST(ServiceTimeTest, BtBeforeAnStCountsTowardTheTime) {
  // BT placements (12 months) before the ST start count toward 5.5 years: 66 - 12 = 54.
  Trainee t = MakeTrainee("T", "ST", "Kirurgi", "2025-01-01", kHslf2021);
  t.education.bt_certificate_date = D("2025-01-20");
  t.placements.push_back(MakePlacement("vc", "2024-01-01", "2024-06-30", 100, "primärvård", true));
  t.placements.push_back(MakePlacement("akm", "2024-07-01", "2024-12-31", 100, "akut", true));
  CompletionEstimate e = EstimateCompletion(t, kHslf2021, D("2000-01-01"));
  EXPECT_DOUBLE_EQ(e.bt_before_start_months, 12.0);
  EXPECT_DOUBLE_EQ(e.required_months, 54.0);
  EXPECT_EQ(*e.earliest_completion, D("2029-06-30"));
}

TEST(ServiceTimeTest, PriorServiceAfterLicensureIsCredited) {
  Trainee t = MakeTrainee("T", "ST", "Internmedicin", "2024-01-01", kHslf2021);
  t.education.licences.push_back({"Sverige", D("2022-06-01")});
  PriorService stated;
  stated.months = 4;
  stated.period = Range("2022-07-01", "2022-12-31");
  PriorService computed;  // no months stated: the period at its rate, 6 x 0.5 = 3
  computed.period = Range("2023-01-01", "2023-06-30");
  computed.rate = 50;
  PriorService flagged;
  flagged.months = 5;
  flagged.before_licence = true;
  PriorService before;  // wholly before the licence
  before.months = 2;
  before.period = Range("2021-01-01", "2021-02-28");
  t.credits.prior_service = {stated, computed, flagged, before};
  EXPECT_DOUBLE_EQ(PriorServiceCredit(t), 7.0);
  CompletionEstimate e = EstimateCompletion(t, kHslf2021, D("2000-01-01"));
  EXPECT_DOUBLE_EQ(e.required_months, 59.0);
  EXPECT_EQ(*e.earliest_completion, D("2028-11-30"));
}

TEST(ServiceTimeTest, TimeRequirementMetAsOfADate) {
  // No placements: the programme period counts at the programme rate.
  Trainee t = MakeTrainee("T", "ST", "Internmedicin", "2019-01-01", kSosfs2015);
  t.education.swedish_at = true;
  // 2019-01-01..2023-12-29 = 59 months + 29/30.
  EXPECT_FALSE(ComputeServiceTime(t, kSosfs2015, D("2023-12-29")).met);
  EXPECT_TRUE(ComputeServiceTime(t, kSosfs2015, D("2023-12-31")).met);
}

TEST(ServiceTimeTest, PlannedEndBeforeEarliestCompletionIsAWarning) {
  Fixture f;
  Trainee& t = f.Add(MakeTrainee("T", "ST", "Internmedicin", "2024-01-01", kHslf2021));
  t.education.bt_certificate_date = D("2023-12-01");
  t.programme.planned_end = D("2028-12-31");  // earliest: 2029-06-30
  Diagnostics d = f.Check(D("2024-02-01"));
  auto found = WithRule(d, "time.planned-end-too-early");
  ASSERT_EQ(found.size(), 1u) << Dump(d);
  EXPECT_EQ(found[0]->severity, Severity::kWarning);
  EXPECT_NE(found[0]->message.find("2029-06-30"), std::string::npos);
  EXPECT_FALSE(found[0]->source.empty());
}

TEST(ServiceTimeTest, CreditFindings) {
  Fixture f;
  Trainee& t = f.Add(MakeTrainee("T", "BT", "", "2024-01-01", kHslf2021));
  t.education.licences.push_back({"Sverige", D("2023-06-01")});
  PriorService prior;
  prior.months = 3;
  prior.period = Range("2023-03-01", "2023-08-31");  // straddles the licence date
  t.credits.prior_service.push_back(prior);
  t.credits.swedish_doctorate = true;
  t.credits.foreign_doctorate = true;
  Diagnostics d = f.Check(D("2024-02-01"));
  EXPECT_TRUE(Has(d, "credit.before-licence")) << Dump(d);
  EXPECT_TRUE(Has(d, "credit.foreign-doctorate"));
  EXPECT_TRUE(Has(d, "credit.doctorate-in-bt"));
  EXPECT_EQ(WithRule(d, "credit.foreign-doctorate")[0]->severity, Severity::kInfo);
}

TEST(ServiceTimeTest, UnrecordedBtBeforeStIsNoted) {
  Fixture f;
  Trainee& t = f.Add(MakeTrainee("T", "ST", "Internmedicin", "2024-01-01", kHslf2021));
  t.education.bt_certificate_date = D("2023-12-01");
  EXPECT_TRUE(Has(f.Check(D("2024-02-01")), "time.bt-before-st-unrecorded"));
}

}  // namespace
}  // namespace stdok

namespace stdok {
namespace {

TEST(ServiceTimeTest, NetServicePartsSplitAtAbsences) {
  RatedPeriod placement{{2026, 3, 2}, {2026, 12, 31}, 100};
  std::vector<RatedPeriod> absences{{{2026, 3, 2}, {2026, 9, 6}, 20},   // parental leave on Fridays
                                    {{2026, 11, 1}, {2026, 11, 30}, 100}};  // a month off entirely
  std::vector<RatedPeriod> parts = NetServiceParts(placement, absences);
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(parts[0].first, (Date{2026, 3, 2}));
  EXPECT_EQ(parts[0].last, (Date{2026, 9, 6}));
  EXPECT_DOUBLE_EQ(parts[0].rate, 80);
  EXPECT_EQ(parts[1].first, (Date{2026, 9, 7}));
  EXPECT_EQ(parts[1].last, (Date{2026, 10, 31}));
  EXPECT_DOUBLE_EQ(parts[1].rate, 100);
  EXPECT_EQ(parts[2].first, (Date{2026, 12, 1}));  // November is left out
  EXPECT_DOUBLE_EQ(parts[2].rate, 100);
  // Without absences the period is one part.
  EXPECT_EQ(NetServiceParts(placement, {}).size(), 1u);
}

}  // namespace
}  // namespace stdok
