// CheckTrainee as a whole: every finding has a rule id documented in docs/rules.md, rules from
// regulations and guidelines name their source, and no finding holds a personnummer.
#include "rules/checks.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "rules/regulation.h"
#include "rules/rules_testing.h"

namespace stdok {
namespace {

using namespace rules_testing;

// Every rule id the rules can produce (docs/rules.md documents each).
const std::set<std::string> kRuleIds = {
    "records.undefined-person", "records.undefined-unit",
    "consistency.period-reversed", "consistency.programme-dates", "consistency.placement-overlap",
    "consistency.outside-programme",
    "delmal.foreign", "delmal.bt-outside-bt", "delmal.mixed-group", "delmal.c-out-of-range",
    "regulation.not-allowed", "regulation.bt-under-sosfs", "regulation.bt-missing",
    "time.planned-end-too-early", "time.bt-before-st-unrecorded",
    "credit.before-licence", "credit.foreign-doctorate", "credit.doctorate-in-bt",
    "bt.not-planned", "bt.too-short", "bt.shorter-than-norm", "bt.primarvard-short", "bt.akut-short",
    "bt.too-many-places", "bt.late-in-st", "bt.extra-kind-missing",
    "people.huvudhandledare-missing", "people.huvudhandledare-not-specialist",
    "people.bt-huvudhandledare-not-qualified", "people.supervisor-not-qualified",
    "people.supervisor-training-missing", "people.supervisor-training-old",
    "people.supervisor-training-too-early", "people.head-of-unit-supervises",
    "people.assessor-is-supervisor", "people.assessor-same-unit",
    "deadline.st-kontrakt-late", "deadline.st-kontrakt-overdue", "deadline.iup-late",
    "deadline.iup-overdue", "deadline.side-contract-late", "deadline.side-contract-overdue",
    "deadline.action-plan-follow-up-late", "deadline.action-plan-follow-up-overdue",
    "deadline.bt-application-overdue", "deadline.director-renewal-talk",
    "certificate.description-missing", "certificate.signer-not-person", "contract.revise",
    "bt.delmal-uncertified", "documents.not-ready",
};

std::string RulesDoc() {
  std::ifstream in(std::string(STDOK_SOURCE_DIR) + "/docs/rules.md");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(ChecksTest, EveryRuleIdIsDocumented) {
  const std::string doc = RulesDoc();
  ASSERT_FALSE(doc.empty());
  for (const std::string& id : kRuleIds)
    EXPECT_NE(doc.find("`" + id + "`"), std::string::npos) << id << " is not in docs/rules.md";
}

// A record with many problems at once, a samordningsnummer and people with personnummer.
Fixture Troubled() {
  Fixture f;
  f.profile.values["supervisor-training-refresh-years"] = "10";
  f.profile.values["supervisor-training-after"] = "2008";
  f.profile.values["bt-extra-kinds"] = "psykiatri";
  Person olle = MakePerson("olle", "Olle", "Gammal", "Kirurgi", "Överläkare", 2005, "med");
  olle.personnummer = "19811218-9876";
  f.AddPerson(olle);
  Person bo = MakePerson("bo", "Bo", "Ek", "Internmedicin", "Verksamhetschef", std::nullopt, "akm");
  bo.personnummer = "197010632391";
  f.AddPerson(bo);
  Trainee t = MakeTrainee("T-1", "BT+ST", "Internmedicin", "2023-01-01", kSosfs2015);
  t.personnummer = "19701063-2391";  // samordningsnummer (day 03 + 60)
  t.roles.main_supervisor = "olle";
  t.roles.head_of_unit = "bo";
  t.roles.external_assessor = "bo";
  t.roles.director_of_studies = "nobody";
  t.programme.planned_end = D("2024-12-31");
  Placement vc = MakePlacement("vc", "2023-01-01", "2023-02-28", 100, "primärvård", true, "bo");
  vc.delmal = {"BT1", "a1"};
  Placement akm = MakePlacement("akm", "2023-03-01", "2023-04-30", 100, "akut", true);
  akm.delmal = {"BT2"};
  Placement st = MakePlacement("med", "2023-04-01", "2025-06-30", 100, "", false, "olle");
  st.delmal = {"BT3"};
  t.placements = {vc, akm, st};
  SidePlacement side;
  side.unit_id = "kir";
  side.period = Range("2024-02-01", "2024-01-01");
  side.where = {"test.xml", 40, 5};
  t.side_placements.push_back(side);
  t.credits.foreign_doctorate = true;
  f.Add(t);
  return f;
}

TEST(ChecksTest, FindingsAreDocumentedSourcedAndNeverHoldAPersonnummer) {
  Fixture f = Troubled();
  Diagnostics d = f.Check(D("2025-03-01"));
  ASSERT_GT(d.size(), 15u) << Dump(d);
  std::set<std::string> seen;
  for (const Diagnostic& x : d) {
    seen.insert(x.rule);
    EXPECT_TRUE(kRuleIds.count(x.rule)) << "undocumented rule " << x.ToString();
    EXPECT_EQ(x.trainee_id, "T-1");
    EXPECT_GT(x.location.line, 0) << x.ToString();
    const bool needs_source = x.rule.rfind("records.", 0) != 0 && x.rule.rfind("consistency.", 0) != 0;
    if (needs_source) EXPECT_FALSE(x.source.empty()) << x.ToString();
    const std::string text = x.ToString();
    for (const char* digits : {"2391", "9876", "701063", "811218"})
      EXPECT_EQ(text.find(digits), std::string::npos) << "personnummer in " << text;
  }
  for (const char* expected :
       {"regulation.bt-under-sosfs", "records.undefined-person", "consistency.placement-overlap",
        "delmal.foreign", "people.head-of-unit-supervises", "people.assessor-same-unit",
        "people.supervisor-training-old", "people.supervisor-training-too-early",
        "people.huvudhandledare-not-specialist", "time.planned-end-too-early",
        "credit.foreign-doctorate", "deadline.st-kontrakt-overdue"})
    EXPECT_TRUE(seen.count(expected)) << expected << "\n" << Dump(d);
}

TEST(ChecksTest, DirectorContractReferences) {
  Fixture f;
  DirectorContract c;
  c.person = "cia";
  c.head_of_unit = "bo";
  c.unit_ids = {"med", "nowhere"};
  c.period = Range("2024-01-01", "2026-12-31");
  Diagnostics d;
  CheckDirectorContract(f.file, c, D("2025-01-01"), &d);
  EXPECT_EQ(WithRule(d, "records.undefined-person").size(), 2u) << Dump(d);
  EXPECT_EQ(WithRule(d, "records.undefined-unit").size(), 1u);
}

}  // namespace
}  // namespace stdok
