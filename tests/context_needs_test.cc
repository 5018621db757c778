// A run builds the costly members of a trainee's context only when one of its documents names
// them (fill/context.h, ContextNeeds); every document that does name them still gets them.
#include <gtest/gtest.h>

#include "app/catalog.h"
#include "fill/context.h"
#include "output/file_system.h"
#include "records/records_reader.h"
#include "rules/trainee_facts.h"
#include "test_support.h"

namespace stdok {
namespace {

using stdok::testing::SourceDir;

TEST(AddNameWords, KeepsEveryWordThatCouldBeAName) {
  NameSet names;
  AddNameWords("<for each=\"trainee.delmal_overview\" as=\"row\">{row.code | default('–')} a-b</for>", &names);
  for (const char* name : {"for", "each", "trainee", "delmal_overview", "as", "row", "code", "default", "a-b"})
    EXPECT_TRUE(names.contains(name)) << name;
  EXPECT_FALSE(names.contains("delmal"));
}

class ContextNeedsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    DiskFileSystem fs;
    Diagnostics d;
    ASSERT_TRUE(LoadCatalog(SourceDir() + "/templates", &fs, &catalog_, &d));
    ASSERT_TRUE(LoadForms(SourceDir() + "/forms", &fs, &catalog_, &d));
  }
  ContextNeeds NeedsOf(const std::string& id) const {
    std::vector<const NameSet*> documents;
    for (const Template& t : catalog_.templates)
      if (t.id == id) documents.push_back(&t.names);
    for (const FormDefinition& f : catalog_.forms)
      if (f.id == id) documents.push_back(&f.names);
    EXPECT_FALSE(documents.empty()) << id;
    return ContextNeeds::Of(documents);
  }
  Catalog catalog_;
};

TEST_F(ContextNeedsTest, OnlyTheDocumentsThatReadThemNeedThem) {
  const ContextNeeds contract = NeedsOf("st-kontrakt");
  EXPECT_FALSE(contract.delmal_overview);
  EXPECT_FALSE(contract.service_rows);
  EXPECT_TRUE(NeedsOf("iup").delmal_overview);
  EXPECT_TRUE(NeedsOf("hslf-2021-bilaga-3").service_rows);
  EXPECT_TRUE(ContextNeeds{}.delmal_overview && ContextNeeds{}.service_rows);  // the default: all
}

TEST_F(ContextNeedsTest, LeftOutMembersAreNullAndTheRestIsTheSame) {
  const std::string text = testing::ReadText(SourceDir() + "/samples/st-stefan-balan.xml");
  Diagnostics d;
  const Date today{2026, 12, 5};
  RecordsFile file = ReadRecords("st-stefan-balan.xml", text, today, &d);
  ASSERT_FALSE(file.trainees.empty());
  const Trainee& trainee = file.trainees.front();
  const TraineeFacts facts = ComputeTraineeFacts(file, trainee, Profile{}, today);
  const Value all = BuildTraineeContext(file, trainee, Profile{}, facts);
  const Value lean = BuildTraineeContext(file, trainee, Profile{}, facts, ContextNeeds{false, false});
  EXPECT_TRUE(all.Get("trainee").Get("delmal_overview").IsList());
  EXPECT_TRUE(all.Get("trainee").Get("service_rows").IsList());
  EXPECT_TRUE(lean.Get("trainee").Get("delmal_overview").IsNull());
  EXPECT_TRUE(lean.Get("trainee").Get("service_rows").IsNull());
  for (const auto& [key, value] : all.Get("trainee").AsMap()) {
    if (key != "delmal_overview" && key != "service_rows") {
      EXPECT_EQ(value.ToText(), lean.Get("trainee").Get(key).ToText()) << key;
    }
  }
}

}  // namespace
}  // namespace stdok
