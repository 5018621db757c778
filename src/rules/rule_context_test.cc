#include "rules/rule_context.h"

#include <gtest/gtest.h>

#include "rules/rules_testing.h"

namespace stdok {
namespace {

using namespace rules_testing;

TEST(RuleContextTest, TextHelpers) {
  EXPECT_EQ(LowerText("ÅSA Öberg ST-Läkare"), "åsa öberg st-läkare");
  EXPECT_TRUE(ContainsText("Specialistläkare, ST-LÄKARE", "st-läkare"));
  EXPECT_TRUE(SameText("  Internmedicin ", "internmedicin"));
  EXPECT_EQ(SplitList("psykiatri, barn- och ungdomspsykiatri; geriatrik"),
            (std::vector<std::string>{"psykiatri", "barn- och ungdomspsykiatri", "geriatrik"}));
  EXPECT_TRUE(SplitList("  ").empty());
  EXPECT_EQ(FormatRate(100), "100 %");
  EXPECT_EQ(FormatRate(62.5), "62.5 %");
  EXPECT_EQ(FormatMonths(5.4999), "5.5");
}

TEST(RuleContextTest, ProfileIntegers) {
  Profile p;
  p.values["a"] = " 10 ";
  p.values["b"] = "tio";
  p.values["c"] = "";
  EXPECT_EQ(ProfileInt(p, "a"), 10);
  EXPECT_FALSE(ProfileInt(p, "b"));
  EXPECT_FALSE(ProfileInt(p, "c"));
  EXPECT_FALSE(ProfileInt(p, "missing"));
}

TEST(RuleContextTest, PeopleAreNamedWithoutPersonnummer) {
  Fixture f;
  Person p = MakePerson("anna", "Anna", "Lind");
  p.personnummer = "19811218-9876";
  f.AddPerson(p);
  Trainee& t = f.Add(MakeTrainee("T", "ST", "Kirurgi", "2024-01-01"));
  Diagnostics d;
  RuleContext c(f.file, t, f.profile, D("2025-01-01"), &d);
  EXPECT_EQ(c.PersonLabel("anna"), "Anna Lind (anna)");
  EXPECT_EQ(c.PersonLabel("x"), "'x'");
  EXPECT_EQ(c.UnitLabel("vc", ""), "Vårdcentralen Norr");
  EXPECT_EQ(c.UnitLabel("", "Annan enhet"), "Annan enhet");
  EXPECT_EQ(c.RegionSource(), "Riktlinjer, Region Test");
  f.profile.values.erase("guideline");
  EXPECT_EQ(c.RegionSource(), "Region Test");
}

}  // namespace
}  // namespace stdok
