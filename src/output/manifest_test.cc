#include "output/manifest.h"

#include "output/manifest_entries.h"

#include <algorithm>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace stdok {
namespace {

ManifestEntry Written() {
  ManifestEntry e;
  e.trainee_id = "T-0042";
  e.trainee_name = "Łukasz \"Łukas\" Żółkiewski";
  e.doc_id = "st-kontrakt";
  e.file = "lukasz-zolkiewski/st-kontrakt.pdf";
  e.pages = 3;
  e.bytes = 41234;
  e.sha256 = std::string(64, 'a');
  e.status = "written";
  return e;
}

TEST(ManifestJson, ListsEveryEntryWithStableFieldNames) {
  ManifestEntry skipped;
  skipped.trainee_id = "T-BAD";
  skipped.trainee_name = "Bo Ek";
  skipped.doc_id = "iup";
  skipped.status = "skipped";
  skipped.reason = "the record has errors\n(run stdok check)";
  const nlohmann::json json = nlohmann::json::parse(ManifestJson({Written(), skipped}, "stdok 0.1.0"));
  EXPECT_EQ(json["generator"], "stdok 0.1.0");
  ASSERT_EQ(json["documents"].size(), 2u);
  const nlohmann::json& first = json["documents"][0];
  EXPECT_EQ(first["trainee_id"], "T-0042");
  EXPECT_EQ(first["trainee_name"], "Łukasz \"Łukas\" Żółkiewski");
  EXPECT_EQ(first["document_id"], "st-kontrakt");
  EXPECT_EQ(first["file"], "lukasz-zolkiewski/st-kontrakt.pdf");
  EXPECT_EQ(first["pages"], 3);
  EXPECT_EQ(first["bytes"], 41234);
  EXPECT_EQ(first["sha256"], std::string(64, 'a'));
  EXPECT_EQ(first["status"], "written");
  EXPECT_FALSE(first.contains("reason"));
  EXPECT_EQ(json["documents"][1]["status"], "skipped");
  EXPECT_EQ(json["documents"][1]["reason"], "the record has errors\n(run stdok check)");
}

TEST(ManifestJson, EmptyRunIsAnEmptyList) {
  const nlohmann::json json = nlohmann::json::parse(ManifestJson({}, "stdok"));
  EXPECT_TRUE(json["documents"].is_array());
  EXPECT_TRUE(json["documents"].empty());
}

TEST(ManifestJson, BytesThatAreNotUtf8BecomeReplacementCharacters) {
  ManifestEntry e = Written();
  e.file = "bo-ek/\xFF\xC3-\xE2\x82.pdf";  // a stray byte, a lone lead byte, a cut 3-byte sequence
  e.reason = "\x80";
  const std::string text = ManifestJson({e}, "stdok");
  const nlohmann::json json = nlohmann::json::parse(text);  // throws on invalid UTF-8
  EXPECT_EQ(json["documents"][0]["file"], "bo-ek/\uFFFD\uFFFD-\uFFFD.pdf");
  EXPECT_EQ(json["documents"][0]["reason"], "\uFFFD");
}

// The manifest is written entry by entry; its text must be what one JSON tree of it would dump.
TEST(ManifestJson, TextIsWhatTheWholeTreeWouldDump) {
  ManifestEntry held = Written();
  held.status = "held-back";
  held.file.clear();
  held.reason = "not true as of 2026-12-05: \"placering\" ends\n2026-12-06 \xff";
  std::vector<ManifestEntry> entries = {Written(), held, Written()};
  for (int i = 0; i < 1100; ++i) {  // past the parts of 512 entries the text is made of
    ManifestEntry e = Written();
    e.trainee_id = "T-" + std::to_string(i / 7);
    e.file = "f/" + std::to_string(i) + ".pdf";
    entries.push_back(e);
  }
  for (const ManifestShard& shard : {ManifestShard{}, ManifestShard{2, 3, std::string(64, 'b'), "2026-12-05"}}) {
    for (size_t count : {0, 1, 2, 3, 512, 515, 1103}) {
      const std::vector<ManifestEntry> some(entries.begin(), entries.begin() + count);
      nlohmann::ordered_json documents = nlohmann::ordered_json::array();
      for (const ManifestEntry& e : some) {
        nlohmann::ordered_json d = {{"trainee_id", e.trainee_id}, {"trainee_name", e.trainee_name},
                                    {"document_id", e.doc_id},    {"file", e.file},
                                    {"pages", e.pages},           {"bytes", e.bytes},
                                    {"sha256", e.sha256},         {"status", e.status}};
        if (!e.reason.empty()) d["reason"] = e.reason;
        documents.push_back(d);
      }
      nlohmann::ordered_json whole = {{"generator", "stdok test"}};
      if (shard.index)
        whole["shard"] = {{"index", shard.index}, {"count", shard.count},
                          {"records_sha256", shard.records_sha256}, {"as_of", shard.as_of}};
      whole["documents"] = documents;
      EXPECT_EQ(ManifestJson(some, "stdok test", shard),
                whole.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n")
          << count << " entries, shard " << shard.index;
    }
  }
}

// The text made part by part is the whole text, and no part holds more than a few hundred entries.
TEST(ManifestText, PartsMakeTheWholeText) {
  std::vector<ManifestEntry> many(1500, Written());
  const ManifestEntries entries(many);
  for (bool json : {true, false}) {
    ManifestText text = json ? ManifestText::Json(entries, "stdok test") : ManifestText::Csv(entries);
    std::string whole, part;
    int parts = 0;
    for (; text.Next(&part); part.clear()) {
      ++parts;
      EXPECT_LT(part.size(), 600u * 300u);
      whole += part;
    }
    EXPECT_GE(parts, 4);
    EXPECT_EQ(whole, json ? ManifestJson(entries, "stdok test") : ManifestCsv(entries));
  }
  const std::string csv = ManifestCsv(entries);
  EXPECT_EQ(static_cast<size_t>(std::count(csv.begin(), csv.end(), '\n')), 1501u);
}

TEST(ManifestCsv, BomHeaderAndQuotedFields) {
  const std::string csv = ManifestCsv({Written()});
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(csv.find("trainee_id;trainee_name;document_id;file;pages;bytes;sha256;status;reason\r\n"),
            std::string::npos);
  EXPECT_NE(csv.find("T-0042;\"Łukasz \"\"Łukas\"\" Żółkiewski\";st-kontrakt;"), std::string::npos) << csv;
}

TEST(ManifestCsv, FieldsThatLookLikeFormulasAreText) {
  ManifestEntry e = Written();
  e.trainee_id = "=HYPERLINK(\"http://x\")";
  e.trainee_name = "+46 70";
  e.doc_id = "-1";
  e.reason = "@SUM(A1)";
  const std::string csv = ManifestCsv({e});
  EXPECT_NE(csv.find("\"'=HYPERLINK(\"\"http://x\"\")\";'+46 70;'-1;"), std::string::npos) << csv;
  EXPECT_NE(csv.find(";'@SUM(A1)\r\n"), std::string::npos) << csv;
  EXPECT_EQ(csv.find(";=") , std::string::npos);
}

TEST(ManifestJson, ReadsBackWhatItWrote) {
  ManifestEntry held;
  held.trainee_id = "T-7";
  held.trainee_name = "Ștefan Bălan";
  held.doc_id = "bilaga-9";
  held.status = "held-back";
  held.reason = "placeringen pågår";
  const ManifestShard shard{2, 3, std::string(64, 'b'), "2026-12-05"};
  std::vector<ManifestEntry> entries;
  ManifestShard read;
  std::string error;
  ASSERT_TRUE(ParseManifestJson(ManifestJson({Written(), held}, "stdok", shard), &entries, &read, &error)) << error;
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(ManifestJson(entries, "stdok", read), ManifestJson({Written(), held}, "stdok", shard));
  EXPECT_EQ(read.index, 2);
  EXPECT_EQ(read.count, 3);
  EXPECT_EQ(read.as_of, "2026-12-05");
  ASSERT_TRUE(ParseManifestJson(ManifestJson({Written()}, "stdok"), &entries, &read, &error)) << error;
  EXPECT_EQ(read.index, 0) << "a run that was not split has no shard";
}

TEST(ManifestJson, RefusesWhatIsNotAManifestNamingTheField) {
  std::vector<ManifestEntry> entries;
  ManifestShard shard;
  std::string error;
  EXPECT_FALSE(ParseManifestJson("[1,", &entries, &shard, &error));
  EXPECT_EQ(error, "not a JSON object");
  error.clear();
  EXPECT_FALSE(ParseManifestJson(R"({"documents":[{"trainee_id":"T","trainee_name":"A","document_id":"d",
      "file":"f","pages":"three","bytes":1,"sha256":"","status":"written"}]})", &entries, &shard, &error));
  EXPECT_EQ(error, "documents[0]: 'pages' has the wrong type");
  error.clear();
  EXPECT_FALSE(ParseManifestJson(R"({"shard":{"index":4,"count":3,"records_sha256":"","as_of":""},"documents":[]})",
                                 &entries, &shard, &error));
  EXPECT_EQ(error, "shard: index 4 of 3 is out of range");
  error.clear();
  EXPECT_FALSE(ParseManifestJson(R"({"generator":"stdok"})", &entries, &shard, &error));
  EXPECT_EQ(error, "'documents' is missing or not a list");
}

}  // namespace
}  // namespace stdok
