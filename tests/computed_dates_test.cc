// The documents and `stdok status` agree on what the rules compute: the earliest completion
// date that status reports is the one printed in the trainee's ST-kontrakt and IUP.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_support.h"

namespace stdok::testing {
namespace {

std::string StdokAsOf(const std::string& args) {
  return "SOURCE_DATE_EPOCH=1700000000 " + Quote(Binary()) + " " + args + " --as-of 2026-11-22";
}

TEST(ComputedDates, StatusAndDocumentsAgreeOnTheEarliestCompletion) {
  for (const std::string sample : {"st-stefan-balan", "bt-lukasz-zolkiewski", "am-asa-oberg", "handlingsplan-nguyen"}) {
    std::string records = SourceDir() + "/samples/" + sample + ".xml";
    auto status = RunCommand(StdokAsOf("status " + Quote(records) + " --format json"));
    ASSERT_EQ(status.exit_code, 0) << status.output;
    const nlohmann::json json = nlohmann::json::parse(status.output);
    ASSERT_EQ(json.at("trainees").size(), 1u) << sample << ": " << status.output;
    ASSERT_TRUE(json["trainees"][0].at("earliest_completion").is_string()) << sample << ": " << status.output;
    const std::string date = json["trainees"][0]["earliest_completion"];

    std::string out = MakeTempDir();
    auto render = RunCommand(StdokAsOf("render " + Quote(records) + " -o " + Quote(out) + " --pack contracts -q"));
    ASSERT_EQ(render.exit_code, 0) << render.output;
    int checked = 0;
    for (const std::string& pdf : PdfsBelow(out)) {
      if (pdf.find("/iup.pdf") == std::string::npos && pdf.find("/st-kontrakt.pdf") == std::string::npos) continue;
      EXPECT_NE(PdfText(out + "/" + pdf).find(date), std::string::npos) << sample << " " << pdf << " lacks " << date;
      ++checked;
    }
    EXPECT_GE(checked, 1) << sample;
  }
}

}  // namespace
}  // namespace stdok::testing
