// The records ↔ JSON mirror of `stdok serve` (serve/records_json.h).
#include <gtest/gtest.h>

#include "serve/records_json.h"
#include "test_support.h"

namespace stdok::testing::serve_records_json_test {
namespace {

using Json = nlohmann::ordered_json;

TEST(RecordsJson, ElementsAttributesAndTextAsTheContractSays) {
  Json j;
  std::string error;
  ASSERT_TRUE(RecordsXmlToJson(R"(<?xml version="1.0"?>
<!-- a comment is not kept -->
<stdok-records version="1">
  <trainee id="T-1"><name given="Ștefan" family="Bălan &amp; Ł"/><personnummer>19890423-2710</personnummer></trainee>
  <unit id="u1"/><unit id="u2"/>
</stdok-records>)",
                               &j, &error))
      << error;
  EXPECT_EQ(j["@version"], "1");
  EXPECT_EQ(j["trainee"][0]["@id"], "T-1");
  EXPECT_EQ(j["trainee"][0]["name"][0]["@family"], "Bălan & Ł");
  EXPECT_EQ(j["trainee"][0]["personnummer"][0]["#text"], "19890423-2710");
  EXPECT_EQ(j["unit"].size(), 2u);
  EXPECT_EQ(j["unit"][1]["@id"], "u2");
  EXPECT_FALSE(j.contains("#text")) << "whitespace between elements is no text";
}

TEST(RecordsJson, EverySampleSurvivesTheRoundTrip) {
  for (const char* sample : {"st-stefan-balan.xml", "kohort-vasternorrland.xml", "bt-lukasz-zolkiewski.xml"}) {
    Json first, second;
    std::string error, pointer;
    ASSERT_TRUE(RecordsXmlToJson(ReadText(SourceDir() + "/samples/" + sample), &first, &error)) << error;
    GeneratedXml xml;
    ASSERT_TRUE(RecordsJsonToXml(first, &xml, &error, &pointer)) << sample << ": " << pointer << " " << error;
    ASSERT_TRUE(RecordsXmlToJson(xml.text(), &second, &error)) << error;
    EXPECT_EQ(first, second) << sample;
  }
}

TEST(RecordsJson, EscapesWhatXmlNeeds) {
  const Json j = {{"@version", "1"}, {"note", {{{"@text", "a \"b\" <c> & d\ne"}, {"#text", "x < y & z"}}}}};
  GeneratedXml xml;
  std::string error, pointer;
  ASSERT_TRUE(RecordsJsonToXml(j, &xml, &error, &pointer));
  Json back;
  ASSERT_TRUE(RecordsXmlToJson(xml.text(), &back, &error)) << xml.text();
  EXPECT_EQ(back, j);
}

TEST(RecordsJson, PointsAtWhatStartsAtALineAndColumn) {
  const Json j = {{"@version", "1"},
                  {"trainee", {{{"@id", "T-1"}, {"placement", {{{"@start", "2024-01-01"}}, {{"@start", "x"}, {"@end", "y"}}}}}}}};
  GeneratedXml xml;
  std::string error, pointer;
  ASSERT_TRUE(RecordsJsonToXml(j, &xml, &error, &pointer));
  // Line 5 is the second placement: `    <placement start="x" end="y"/>`.
  EXPECT_EQ(xml.PointerAt(5, 5), "/trainee/0/placement/1");
  EXPECT_EQ(xml.PointerAt(5, 6), "/trainee/0/placement/1") << "the element's name";
  EXPECT_EQ(xml.PointerAt(5, 16), "/trainee/0/placement/1/@start");
  EXPECT_EQ(xml.PointerAt(5, 26), "/trainee/0/placement/1/@end");
  EXPECT_EQ(xml.PointerAt(2, 1), "");
}

TEST(RecordsJson, RefusesWhatIsNoMirrorWithThePointer) {
  GeneratedXml xml;
  std::string error, pointer;
  EXPECT_FALSE(RecordsJsonToXml(Json::array(), &xml, &error, &pointer));
  EXPECT_FALSE(RecordsJsonToXml({{"trainee", {{{"@id", true}}}}}, &xml, &error, &pointer));
  EXPECT_EQ(pointer, "/trainee/0/@id");
  EXPECT_FALSE(RecordsJsonToXml({{"trainee", {{"@id", "x"}}}}, &xml, &error, &pointer));
  EXPECT_EQ(pointer, "/trainee");
  EXPECT_FALSE(RecordsJsonToXml({{"bad name", Json::array()}}, &xml, &error, &pointer));
  EXPECT_FALSE(RecordsJsonToXml({{"@x\"=\"1", "v"}}, &xml, &error, &pointer)) << "no attribute injection";
  EXPECT_FALSE(error.empty());
}

TEST(RecordsJson, MalformedXmlIsReportedWithItsLine) {
  Json j;
  std::string error;
  EXPECT_FALSE(RecordsXmlToJson("<stdok-records>\n<trainee>\n</stdok-records>", &j, &error));
  EXPECT_NE(error.find("rad 3"), std::string::npos) << error;
  EXPECT_FALSE(RecordsXmlToJson("<other/>", &j, &error));
}

}  // namespace
}  // namespace stdok::testing::serve_records_json_test
