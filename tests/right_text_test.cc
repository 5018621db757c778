// The right text in the right box (docs/rules.md, "Facts as of a date"), through the real
// binary: a side placement's expectations never reach a certificate; a course certificate signed
// by an organisation fails alone, located, while everything else is made; the SOSFS 2015:8
// side contract cites bilaga 4; the IUP gives every delmål its state; `status` never calls a
// trainee "klar" on a date that has passed while the time requirement is unmet.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <regex>
#include <set>

#include "test_support.h"

namespace stdok::testing::right_text_test {
namespace {

std::string Collapsed(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\n' || c == '\f' || c == '\t') c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  return out;
}

std::string RawText(const std::string& pdf) {
  return Collapsed(PdfRawText(pdf));
}

struct Rendered {
  std::string dir;
  nlohmann::json manifest;
  CommandResult run;
};

Rendered Render(const std::string& records, const std::string& extra) {
  Rendered r;
  r.dir = MakeTempDir();
  r.run = RunCommand("SOURCE_DATE_EPOCH=1700000000 " + Quote(Binary()) + " render " + Quote(records) + " -o " +
                     Quote(r.dir) + " --as-of 2026-12-05 -j 2 " + extra + " 2>&1");
  r.manifest = nlohmann::json::parse(ReadText(r.dir + "/manifest.json"));
  return r;
}

TEST(RightText, ExpectationsNeverReachACertificate) {
  int checked = 0;
  for (const char* sample : {"st-stefan-balan", "am-asa-oberg", "handlingsplan-nguyen"}) {
    const std::string records = SourceDir() + "/samples/" + sample + ".xml";
    const std::string xml = ReadText(records);
    static const std::regex expectations("<expectations>([\\s\\S]*?)</expectations>");
    std::vector<std::string> texts;
    for (auto it = std::sregex_iterator(xml.begin(), xml.end(), expectations); it != std::sregex_iterator(); ++it) {
      std::string t = Collapsed((*it)[1].str());
      if (!t.empty() && t.front() == ' ') t.erase(0, 1);
      texts.push_back(t.substr(0, 40));
    }
    ASSERT_FALSE(texts.empty()) << sample;
    const Rendered r = Render(records, "--pack certificates --drafts");
    ASSERT_EQ(r.run.exit_code, 0) << r.run.output;
    for (const nlohmann::json& d : r.manifest.at("documents")) {
      if (d.at("file") == "") continue;
      const std::string text = RawText(r.dir + "/" + d.at("file").get<std::string>());
      for (const std::string& t : texts) EXPECT_EQ(text.find(t), std::string::npos) << d.at("file") << ": " << t;
      ++checked;
    }
  }
  EXPECT_GT(checked, 20);
}

TEST(RightText, ACourseSignedByAnOrganisationFailsAloneWithItsPlace) {
  std::string xml = ReadText(SourceDir() + "/samples/st-stefan-balan.xml");
  const std::string person = "leader-name=\"Annika Berglund, SKR webbutbildning\"";
  const size_t at = xml.find(person);
  ASSERT_NE(at, std::string::npos);
  xml.replace(at, person.size(), "leader-name=\"SKR webbutbildning\"");
  const std::string dir = MakeTempDir();
  WriteText(dir + "/org.xml", xml);
  const Rendered r = Render(dir + "/org.xml", "--pack certificates");
  EXPECT_EQ(r.run.exit_code, 1) << r.run.output;
  // Located at the <course> element.
  const size_t element = xml.rfind("<course", at);
  const int line = static_cast<int>(std::count(xml.begin(), xml.begin() + static_cast<long>(element), '\n')) + 1;
  EXPECT_NE(r.run.output.find("org.xml:" + std::to_string(line) + ":"), std::string::npos) << r.run.output;
  EXPECT_NE(r.run.output.find("certificate.signer-not-person"), std::string::npos);
  EXPECT_NE(r.run.output.find("'SKR webbutbildning' reads as an organisation"), std::string::npos);
  int failed = 0, written = 0;
  for (const nlohmann::json& d : r.manifest.at("documents")) {
    if (d.at("status") == "failed") {
      ++failed;
      EXPECT_EQ(d.at("document_id"), "hslf-2021-bilaga-10");
    }
    written += d.at("status") == "written";
  }
  EXPECT_EQ(failed, 1);
  EXPECT_GT(written, 10) << "the other certificates are made";
}

TEST(RightText, Sosfs2015SideContractCitesBilaga4) {
  const Rendered r = Render(SourceDir() + "/samples/am-asa-oberg.xml", "--doc sidotjanstgoringskontrakt");
  ASSERT_EQ(r.run.exit_code, 0) << r.run.output;
  int contracts = 0;
  for (const nlohmann::json& d : r.manifest.at("documents")) {
    const std::string text = RawText(r.dir + "/" + d.at("file").get<std::string>());
    EXPECT_NE(text.find("(SOSFS 2015:8, bilaga 4)"), std::string::npos) << d.at("file");
    EXPECT_EQ(text.find("bilaga 3"), std::string::npos) << d.at("file");
    ++contracts;
  }
  EXPECT_EQ(contracts, 4);
}

TEST(RightText, TheIupGivesEveryDelmalItsState) {
  const Rendered r = Render(SourceDir() + "/samples/st-stefan-balan.xml", "--doc iup");
  ASSERT_EQ(r.run.exit_code, 0) << r.run.output;
  const std::string all = RawText(r.dir + "/stefan-balan/iup.pdf");
  const size_t overview = all.find("Delmålsöversikt");
  ASSERT_NE(overview, std::string::npos);
  const std::string iup = all.substr(overview);
  // Gaps that `status` reports are in the IUP too; the BT certificate makes BT1–BT18 certified.
  EXPECT_NE(iup.find("STa1 saknas"), std::string::npos);
  EXPECT_NE(iup.find("STb2 saknas"), std::string::npos);
  for (int i = 1; i <= 18; ++i) {
    const std::string code = "BT" + std::to_string(i) + " ";
    const size_t at = iup.find(code);
    ASSERT_NE(at, std::string::npos) << code;
    EXPECT_NE(iup.substr(at, 220).find("intygat 2023-09-18"), std::string::npos) << iup.substr(at, 220);
  }
  EXPECT_NE(all.find("Senast reviderat"), std::string::npos);
}

TEST(RightText, StatusNeverFinishesInThePastWhileTimeIsUnmet) {
  const auto r = RunCommand(Quote(Binary()) + " status " + Quote(SourceDir() + "/samples/kohort-vasternorrland.xml") +
                            " --as-of 2026-12-05 --format json 2>/dev/null");
  const nlohmann::json status = nlohmann::json::parse(r.output);
  int unmet = 0;
  for (const nlohmann::json& t : status.at("trainees")) {
    if (t.at("time_met").get<bool>() || t.at("earliest_completion").is_null()) continue;
    ++unmet;
    EXPECT_GT(t.at("earliest_completion").get<std::string>(), "2026-12-05") << t.at("id");
  }
  EXPECT_GT(unmet, 10);
}

}  // namespace
}  // namespace stdok::testing::right_text_test
