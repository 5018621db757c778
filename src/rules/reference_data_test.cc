#include "rules/reference_data.h"

#include <gtest/gtest.h>

#include <set>

#include "rules/delmal_codes.h"

namespace stdok {
namespace {

TEST(ReferenceData, DelmalSetsAndTitlesComeFromTheFile) {
  const DelmalReference& d = Delmal();
  ASSERT_EQ(d.sets.size(), 7u);
  EXPECT_EQ(d.sets[0].prefix, "BT");
  EXPECT_EQ(d.sets[0].count, 18);
  EXPECT_TRUE(d.sets[0].bt);
  EXPECT_EQ(d.titles.size(), 18u + 7u + 4u + 6u + 5u);
  EXPECT_EQ(DelmalTitle("bt9"), "Bemötande");
  EXPECT_EQ(DelmalTitle("STa3"), "Medicinsk vetenskap");
  EXPECT_FALSE(ParseDelmal("BT19").has_value());
  bool certain = true;
  EXPECT_EQ(CDelmalCount("SOSFS 2015:8", "psykiatri", &certain), 13);
  EXPECT_TRUE(certain);
}

TEST(ReferenceData, SixtyThreeSpecialtiesFoundWhateverTheCase) {
  const std::vector<SpecialtyData>& all = Specialties();
  EXPECT_EQ(all.size(), 63u);
  std::set<std::string> names;
  int bas = 0;
  for (const SpecialtyData& s : all) {
    EXPECT_TRUE(names.insert(s.name).second) << s.name;
    bas += s.kind == "bas";
  }
  EXPECT_EQ(bas, 44);
  ASSERT_NE(FindSpecialty("ÖRON-, NÄS- OCH HALSSJUKDOMAR"), nullptr);
  EXPECT_EQ(FindSpecialty("Rättspsykiatri")->kind, "gren");
  EXPECT_EQ(FindSpecialty("Internmedicin")->group, "Invärtesmedicinska");
  EXPECT_EQ(FindSpecialty("Intermedicin"), nullptr);
}

}  // namespace
}  // namespace stdok
