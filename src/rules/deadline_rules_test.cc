#include "rules/deadline_rules.h"

#include <gtest/gtest.h>

#include <set>

#include "rules/regulation.h"
#include "rules/rules_testing.h"

namespace stdok {
namespace {

using namespace rules_testing;

Trainee& St(Fixture& f, const char* start = "2024-09-01") {
  Trainee& t = f.Add(MakeTrainee("T", "ST", "Internmedicin", start, kHslf2021));
  t.education.bt_certificate_date = D("2024-08-01");
  t.contract.iup_date = D("2024-10-01");
  return t;
}

const Deadline* Find(const std::vector<Deadline>& all, const std::string& rule) {
  for (const Deadline& d : all)
    if (d.rule == rule) return &d;
  return nullptr;
}

TEST(DeadlineRulesTest, StKontraktWithinSixMonths) {
  Fixture f;
  Trainee& t = St(f);  // ST start 2024-09-01: due 2025-03-01
  t.contract.date = D("2025-03-01");
  const std::vector<Deadline> all = TraineeDeadlines(f.file, t, f.profile, D("2025-06-01"));
  const Deadline* d = Find(all, "deadline.st-kontrakt");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->due, D("2025-03-01"));
  EXPECT_EQ(d->state, DeadlineState::kMet);
  EXPECT_FALSE(Has(f.Check(D("2025-06-01")), "deadline.st-kontrakt-late"));

  f.file.trainees[0].contract.date = D("2025-03-02");
  Diagnostics late = f.Check(D("2025-06-01"));
  auto found = WithRule(late, "deadline.st-kontrakt-late");
  ASSERT_EQ(found.size(), 1u) << Dump(late);
  EXPECT_EQ(found[0]->severity, Severity::kWarning);
  EXPECT_EQ(found[0]->message, "ST-kontrakt is dated 2025-03-02, after its deadline 2025-03-01");

  f.file.trainees[0].contract.date.reset();
  EXPECT_FALSE(Has(f.Check(D("2025-03-01")), "deadline.st-kontrakt-overdue"));  // still open
  const std::vector<Deadline> open = TraineeDeadlines(f.file, f.file.trainees[0], f.profile, D("2025-03-01"));
  EXPECT_EQ(Find(open, "deadline.st-kontrakt")->state, DeadlineState::kOpen);
  EXPECT_TRUE(Has(f.Check(D("2025-03-02")), "deadline.st-kontrakt-overdue"));
}

TEST(DeadlineRulesTest, NoStKontraktForABtOnlyProgramme) {
  Fixture f;
  Trainee& t = f.Add(MakeTrainee("B", "BT", "", "2024-09-01", kHslf2021));
  const std::vector<Deadline> all = TraineeDeadlines(f.file, t, f.profile, D("2026-01-01"));
  EXPECT_EQ(Find(all, "deadline.st-kontrakt"), nullptr);
}

TEST(DeadlineRulesTest, SideContractBeforeThePlacementStarts) {
  Fixture f;
  Trainee& t = St(f);
  SidePlacement s;
  s.unit_id = "kir";
  s.period = Range("2025-02-01", "2025-04-30");
  s.contract_date = D("2025-01-31");
  s.where = {"test.xml", 40, 5};
  t.side_placements.push_back(s);
  EXPECT_FALSE(Has(f.Check(D("2025-03-01")), "deadline.side-contract-late"));
  f.file.trainees[0].side_placements[0].contract_date = D("2025-02-01");  // the first day is too late
  Diagnostics d = f.Check(D("2025-03-01"));
  auto found = WithRule(d, "deadline.side-contract-late");
  ASSERT_EQ(found.size(), 1u) << Dump(d);
  EXPECT_EQ(found[0]->location.line, 40);
  EXPECT_NE(found[0]->message.find("Sidotjänstgöringskontrakt Kirurgkliniken"), std::string::npos);
  f.file.trainees[0].side_placements[0].contract_date.reset();
  EXPECT_FALSE(Has(f.Check(D("2025-01-31")), "deadline.side-contract-overdue"));
  EXPECT_TRUE(Has(f.Check(D("2025-02-01")), "deadline.side-contract-overdue"));
}

TEST(DeadlineRulesTest, BtIupWithinOneMonthStIupWithinSix) {
  Fixture f;
  Trainee& bt = f.Add(MakeTrainee("B", "BT+ST", "Kirurgi", "2024-01-15", kHslf2021));
  bt.contract.iup_date = D("2024-02-15");
  const std::vector<Deadline> all = TraineeDeadlines(f.file, bt, f.profile, D("2024-06-01"));
  const Deadline* d = Find(all, "deadline.iup");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->what, "IUP (BT)");
  EXPECT_EQ(d->due, D("2024-02-15"));
  EXPECT_EQ(d->state, DeadlineState::kMet);
  bt.contract.iup_date = D("2024-02-16");
  EXPECT_TRUE(Has(f.Check(D("2024-06-01")), "deadline.iup-late"));

  Fixture g;
  Trainee& st = St(g);  // ST 2024-09-01: ST IUP due 2025-03-01
  st.contract.iup_date.reset();
  EXPECT_FALSE(Has(g.Check(D("2025-03-01")), "deadline.iup-overdue"));
  EXPECT_TRUE(Has(g.Check(D("2025-03-02")), "deadline.iup-overdue"));
  // A region may set its own months.
  g.profile.values["deadline-iup-st-months"] = "3";
  Diagnostics d3 = g.Check(D("2024-12-02"));
  auto found = WithRule(d3, "deadline.iup-overdue");
  ASSERT_EQ(found.size(), 1u) << Dump(d3);
  EXPECT_EQ(found[0]->source, "Riktlinjer, Region Test");
}

TEST(DeadlineRulesTest, HandlingsplanFirstFollowUpWithinThreeMonths) {
  Fixture f;
  Trainee& t = St(f);
  ActionPlan plan;
  plan.id = "HP-1";
  plan.date = D("2025-01-10");
  plan.follow_ups = {D("2025-06-01"), D("2025-04-10")};  // the first is 2025-04-10: in time
  plan.where = {"test.xml", 60, 5};
  t.action_plans.push_back(plan);
  EXPECT_FALSE(Has(f.Check(D("2025-07-01")), "deadline.action-plan-follow-up-late"));
  f.file.trainees[0].action_plans[0].follow_ups = {D("2025-04-11")};
  Diagnostics d = f.Check(D("2025-07-01"));
  auto found = WithRule(d, "deadline.action-plan-follow-up-late");
  ASSERT_EQ(found.size(), 1u) << Dump(d);
  EXPECT_NE(found[0]->message.find("Handlingsplan HP-1"), std::string::npos);
  f.file.trainees[0].action_plans[0].follow_ups.clear();
  EXPECT_TRUE(Has(f.Check(D("2025-04-11")), "deadline.action-plan-follow-up-overdue"));
}

TEST(DeadlineRulesTest, BtInsideStCertifiedWithinTwoYears) {
  Fixture f;
  Trainee& t = f.Add(MakeTrainee("S", "BT+ST", "Kirurgi", "2024-01-01", kHslf2021));
  t.contract.date = D("2024-02-01");
  t.contract.iup_date = D("2024-01-20");
  const std::vector<Deadline> all = TraineeDeadlines(f.file, t, f.profile, D("2025-06-01"));
  const Deadline* d = Find(all, "deadline.bt-application");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->due, D("2025-12-31"));
  EXPECT_EQ(d->state, DeadlineState::kOpen);
  EXPECT_TRUE(Has(f.Check(D("2026-01-01")), "deadline.bt-application-overdue"));
  t.education.bt_certificate_date = D("2026-01-15");  // certificate after the application: fine
  EXPECT_FALSE(Has(f.Check(D("2026-02-01")), "deadline.bt-application-late"));
}

TEST(DeadlineRulesTest, StudierektorskontraktRenewalTalk) {
  DirectorContract c;
  c.person = "cia";
  c.period = Range("2024-07-01", "2027-06-30");
  c.where = {"test.xml", 80, 3};
  std::optional<Deadline> d = DirectorRenewalDeadline(c, D("2026-11-22"));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->due, D("2026-12-30"));
  EXPECT_EQ(d->state, DeadlineState::kOpen);
  Diagnostics early;
  CheckDirectorDeadlines(c, D("2026-10-30"), &early);  // 61 days before
  EXPECT_TRUE(early.empty());
  Diagnostics soon;
  CheckDirectorDeadlines(c, D("2026-11-22"), &soon);
  ASSERT_EQ(soon.size(), 1u);
  EXPECT_EQ(soon[0].rule, "deadline.director-renewal-talk");
  EXPECT_EQ(soon[0].severity, Severity::kInfo);
  EXPECT_NE(soon[0].message.find("2026-12-30"), std::string::npos);
  Diagnostics ended;
  CheckDirectorDeadlines(c, D("2027-07-01"), &ended);
  EXPECT_TRUE(ended.empty());
}

TEST(DeadlineRulesTest, RegionalDeadlinesOnlyWhereTheProfileEnablesThem) {
  Fixture f;
  Trainee& t = St(f);  // no ST-kontrakt; IUP dated
  SidePlacement side;
  side.unit_id = "kir";
  side.period = Range("2025-01-01", "2025-03-31");
  t.side_placements.push_back(side);
  ActionPlan plan;
  plan.date = D("2025-01-15");
  t.action_plans.push_back(plan);
  auto rules = [&](const char* enabled) {
    f.profile.values[profile_keys::kRegionalRules] = enabled;
    std::set<std::string> out;
    for (const Deadline& d : TraineeDeadlines(f.file, f.file.trainees[0], f.profile, D("2026-01-01")))
      out.insert(d.rule);
    return out;
  };
  using Set = std::set<std::string>;
  EXPECT_EQ(rules(""), Set{});  // deadline.bt-application is for BT+ST only
  EXPECT_EQ(rules("deadline.st-kontrakt, deadline.iup"), (Set{"deadline.st-kontrakt", "deadline.iup"}));
  EXPECT_EQ(rules("deadline.side-contract;deadline.action-plan-follow-up"),
            (Set{"deadline.side-contract", "deadline.action-plan-follow-up"}));
  // The findings follow: an overdue ST-kontrakt only where the deadline applies.
  f.profile.values[profile_keys::kRegionalRules] = "deadline.iup";
  EXPECT_FALSE(Has(f.Check(D("2026-01-01")), "deadline.st-kontrakt-overdue"));
  f.profile.values[profile_keys::kRegionalRules] = "deadline.st-kontrakt";
  EXPECT_TRUE(Has(f.Check(D("2026-01-01")), "deadline.st-kontrakt-overdue"));
}

}  // namespace
}  // namespace stdok
