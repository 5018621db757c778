#include "rules/delmal_codes.h"

#include <gtest/gtest.h>

#include "rules/regulation.h"

namespace stdok {
namespace {

TEST(DelmalCodesTest, ParsesBothRegulationsCodesInAnyCase) {
  auto bt = ParseDelmal("bt18");
  ASSERT_TRUE(bt);
  EXPECT_EQ(bt->set, DelmalSet::kBt);
  EXPECT_EQ(bt->canonical, "BT18");
  EXPECT_EQ(ParseDelmal("STA7")->canonical, "STa7");
  EXPECT_EQ(ParseDelmal("stc12")->set, DelmalSet::kStc);
  EXPECT_EQ(ParseDelmal("b5")->set, DelmalSet::kB);
  EXPECT_EQ(ParseDelmal("C4")->canonical, "c4");
  EXPECT_FALSE(ParseDelmal("BT19"));
  EXPECT_FALSE(ParseDelmal("BT0"));
  EXPECT_FALSE(ParseDelmal("STa8"));
  EXPECT_FALSE(ParseDelmal("STb5"));
  EXPECT_FALSE(ParseDelmal("a7"));
  EXPECT_FALSE(ParseDelmal("b6"));
  EXPECT_FALSE(ParseDelmal("c"));
  EXPECT_FALSE(ParseDelmal("STa01"));
  EXPECT_FALSE(ParseDelmal("d1"));
}

TEST(DelmalCodesTest, SetsBelongToOneRegulation) {
  EXPECT_TRUE(SetBelongsTo(DelmalSet::kBt, kHslf2021));
  EXPECT_TRUE(SetBelongsTo(DelmalSet::kStc, kHslf2021));
  EXPECT_FALSE(SetBelongsTo(DelmalSet::kA, kHslf2021));
  EXPECT_TRUE(SetBelongsTo(DelmalSet::kC, kSosfs2015));
  EXPECT_FALSE(SetBelongsTo(DelmalSet::kBt, kSosfs2015));
}

TEST(DelmalCodesTest, Titles) {
  EXPECT_EQ(DelmalTitle("BT9"), "Bemötande");
  EXPECT_EQ(DelmalTitle("sta3"), "Medicinsk vetenskap");
  EXPECT_EQ(DelmalTitle("b5"), "Palliativ vård i livets slutskede");
  EXPECT_EQ(DelmalTitle("STc1"), "");
}

TEST(DelmalCodesTest, RequiredDelmal) {
  auto bt = RequiredDelmal(kHslf2021, "", true, false);
  ASSERT_EQ(bt.size(), 18u);
  EXPECT_EQ(bt.front(), "BT1");
  EXPECT_EQ(bt.back(), "BT18");
  // Psykiatri 2021: STa1–7, STb1–4, STc1–14 = 25.
  auto psy = RequiredDelmal(kHslf2021, "Psykiatri", false, true);
  EXPECT_EQ(psy.size(), 25u);
  EXPECT_EQ(psy.back(), "STc14");
  // A specialty whose c count is unknown: only a and b.
  EXPECT_EQ(RequiredDelmal(kSosfs2015, "Kirurgi", false, true).size(), 11u);
  EXPECT_EQ(RequiredDelmal(kSosfs2015, "Psykiatri", true, true).size(), 24u);  // no BT in 2015
  bool certain = false;
  EXPECT_EQ(CDelmalCount(kSosfs2015, "psykiatri", &certain), 13);
  EXPECT_TRUE(certain);
  EXPECT_EQ(CDelmalCount(kHslf2021, "Allmänmedicin", &certain), 15);
  EXPECT_FALSE(certain);
}

TEST(DelmalCodesTest, Compress) {
  EXPECT_EQ(CompressDelmal({"STa2", "BT3", "BT1", "BT2", "STa1", "BT7", "STb1", "STb2", "STb3", "X"}),
            "BT1–BT3, BT7, STa1, STa2, STb1–STb3, X");
  EXPECT_EQ(CompressDelmal({}), "");
}

}  // namespace
}  // namespace stdok
