// Documents that tell the truth as of a date (docs/rules.md, "Which document is made when"):
// the real binary renders the samples at two dates, and the PDFs' text shows that no
// certificate attests a period that ends after the date, that no tjänsteförteckning row ends
// after it, that no application or completion certificate exists for a trainee whom `status`
// calls not ready, and that --drafts makes them with "UTKAST" on every page. Also: the same
// period has the same rate and months in the IUP, the contracts and the tjänsteförteckning.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "test_support.h"

namespace stdok::testing::truth_test {
namespace {

struct Entry {
  std::string trainee_id, trainee_name, document_id, file, status, reason;
};

struct RenderRun {
  std::string dir;
  std::vector<Entry> entries;
  std::string output;
};

RenderRun Render(const std::string& sample, const std::string& as_of, const std::string& extra = "") {
  RenderRun run;
  run.dir = MakeTempDir();
  auto r = RunCommand("SOURCE_DATE_EPOCH=1700000000 " + Quote(Binary()) + " render " +
                      Quote(SourceDir() + "/samples/" + sample + ".xml") + " -o " + Quote(run.dir) +
                      " --as-of " + as_of + " -j 2 " + extra + " 2>&1");
  run.output = r.output;
  EXPECT_EQ(r.exit_code, 0) << sample << " " << as_of << ": " << r.output;
  const nlohmann::json manifest = nlohmann::json::parse(ReadText(run.dir + "/manifest.json"));
  for (const nlohmann::json& d : manifest.at("documents"))
    run.entries.push_back({d.at("trainee_id"), d.at("trainee_name"), d.at("document_id"), d.at("file"),
                           d.at("status"), d.value("reason", std::string())});
  return run;
}

// Every date the text prints: ISO (2026-03-02) and the forms' ååmmdd (260302), as ISO text.
std::vector<std::string> DatesIn(const std::string& text) {
  std::vector<std::string> out;
  static const std::regex iso("\\b(19|20)[0-9]{2}-[01][0-9]-[0-3][0-9]\\b");
  static const std::regex yymmdd("(^|[^0-9-])([0-9]{2})([01][0-9])([0-3][0-9])(?![0-9-])");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), iso); it != std::sregex_iterator(); ++it)
    out.push_back(it->str());
  for (auto it = std::sregex_iterator(text.begin(), text.end(), yymmdd); it != std::sregex_iterator(); ++it) {
    const int yy = std::stoi((*it)[2].str());
    out.push_back(std::string(yy <= 40 ? "20" : "19") + (*it)[2].str() + "-" + (*it)[3].str() + "-" + (*it)[4].str());
  }
  return out;
}

// Forms that attest one activity, and those that list service (tjänsteförteckning).
const std::set<std::string>& ItemForms() {
  static const std::set<std::string> ids = {
      "hslf-2021-bilaga-8", "hslf-2021-bilaga-9", "hslf-2021-bilaga-10", "hslf-2021-bilaga-11",
      "hslf-2021-bilaga-12", "sosfs-2015-bilaga-3", "sosfs-2015-bilaga-4", "sosfs-2015-bilaga-5",
      "sosfs-2015-bilaga-6", "sosfs-2015-bilaga-7"};
  return ids;
}
const std::set<std::string>& CompletionForms() {
  static const std::set<std::string> ids = {
      "hslf-2021-bilaga-1", "hslf-2021-bilaga-3", "hslf-2021-bilaga-4", "hslf-2021-bilaga-5",
      "hslf-2021-bilaga-6", "hslf-2021-bilaga-7", "sosfs-2015-bilaga-1", "sosfs-2015-bilaga-2",
      "sosfs-2015-bilaga-8b"};
  return ids;
}

const std::vector<std::string>& Samples() {
  static const std::vector<std::string> samples = {"bt-lukasz-zolkiewski", "st-stefan-balan", "am-asa-oberg",
                                                   "st-tredjeland", "handlingsplan-nguyen"};
  return samples;
}

// The trainees `status` says are not ready to apply ("Ansökan hålls inne"), by name.
std::set<std::string> NotReady(const std::string& sample, const std::string& as_of) {
  auto r = RunCommand(Quote(Binary()) + " status " + Quote(SourceDir() + "/samples/" + sample + ".xml") +
                      " --as-of " + as_of + " 2>/dev/null");
  std::set<std::string> names;
  std::istringstream in(r.output);
  std::string line, current;
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] != ' ') current = line;
    if (line.find("Ansökan hålls inne") != std::string::npos) names.insert(current);
  }
  return names;
}

class TruthAsOf : public ::testing::TestWithParam<const char*> {};

TEST_P(TruthAsOf, CertificatesAttestOnlyWhatHasHappened) {
  const std::string as_of = GetParam();
  int certificates = 0, held = 0;
  for (const std::string& sample : Samples()) {
    const RenderRun run = Render(sample, as_of, "--pack certificates");
    const std::set<std::string> not_ready = NotReady(sample, as_of);
    for (const Entry& e : run.entries) {
      SCOPED_TRACE(sample + " " + as_of + " " + e.document_id + " " + e.file);
      if (e.status == "held-back") {
        ++held;
        EXPECT_NE(e.reason.find(as_of), std::string::npos) << e.reason;
        continue;
      }
      ASSERT_EQ(e.status, "written") << e.reason;
      const std::string text = PdfText(run.dir + "/" + e.file);
      EXPECT_EQ(text.find("UTKAST"), std::string::npos);
      if (ItemForms().count(e.document_id) || CompletionForms().count(e.document_id)) {
        ++certificates;
        // Item certificates print the activity's period; completion forms their service rows.
        if (e.document_id != "hslf-2021-bilaga-1" && e.document_id != "hslf-2021-bilaga-5" &&
            e.document_id != "sosfs-2015-bilaga-1")
          for (const std::string& date : DatesIn(text)) EXPECT_LE(date, as_of) << "a date after the as-of date";
      }
      if (CompletionForms().count(e.document_id)) {
        bool listed = false;
        for (const std::string& line : not_ready) listed |= line.find(e.trainee_name) != std::string::npos;
        EXPECT_FALSE(listed) << e.trainee_name << " is not ready according to status, yet got " << e.document_id;
      }
    }
  }
  EXPECT_GT(certificates, 10);
  EXPECT_GT(held, 0);
}

TEST_P(TruthAsOf, TjansteforteckningRowsEndByTheDate) {
  const std::string as_of = GetParam();
  // With --drafts the completion forms are made for everyone: their service rows still stop at
  // the date, and every page of a draft says so.
  const RenderRun run = Render("st-stefan-balan", as_of, "--pack certificates --drafts");
  const RenderRun plain = Render("st-stefan-balan", as_of, "--pack certificates");
  int held = 0;
  for (const Entry& e : plain.entries) held += e.status == "held-back";
  ASSERT_GT(held, 0);
  int drafts = 0;
  for (const Entry& e : run.entries) {
    SCOPED_TRACE(e.file);
    ASSERT_TRUE(e.status == "written" || e.status == "draft") << e.status;
    const std::string text = PdfText(run.dir + "/" + e.file);
    if (e.document_id == "hslf-2021-bilaga-6")
      for (const std::string& date : DatesIn(text)) EXPECT_LE(date, as_of);
    // Pages are separated by form feeds; each page of a draft carries the watermark.
    int pages = 0, marked = 0;
    std::istringstream in(PdfRawText(run.dir + "/" + e.file));
    std::string page;
    while (std::getline(in, page, '\f')) {
      if (page.find_first_not_of(" \n") == std::string::npos) continue;
      ++pages;
      marked += page.find("UTKAST – ej för underskrift") != std::string::npos;
    }
    if (e.status == "draft") {
      ++drafts;
      EXPECT_EQ(marked, pages) << "every page of a draft is marked";
    } else {
      EXPECT_EQ(marked, 0);
    }
  }
  EXPECT_EQ(drafts, held) << "--drafts makes exactly what is held back otherwise";
}

INSTANTIATE_TEST_SUITE_P(TwoDates, TruthAsOf, ::testing::Values("2025-06-01", "2026-12-05"));

// Every row of the tjänsteförteckning (bilaga 6: period, rate, months) stands in the IUP with
// the same rate and months, and a side placement's contract states the same rate; so the period
// 2026-03-02 – 2026-09-06 at 100 % with 20 % parental leave is 80 % and 4,93 months everywhere.
TEST(Truth, SamePeriodSameRateAndMonthsEverywhere) {
  const RenderRun run = Render("st-stefan-balan", "2026-12-05", "--drafts");
  const std::string iup = PdfRawText(run.dir + "/stefan-balan/iup.pdf");
  const std::string bilaga6 = PdfRawText(run.dir + "/stefan-balan/hslf-2021-bilaga-6.pdf");
  static const std::regex row("([0-9]{2})([0-9]{2})([0-9]{2}) – ([0-9]{2})([0-9]{2})([0-9]{2}) ([0-9]+) ([0-9]+,[0-9]{2})");
  int rows = 0;
  bool leave_row = false;
  for (auto it = std::sregex_iterator(bilaga6.begin(), bilaga6.end(), row); it != std::sregex_iterator(); ++it) {
    const auto& m = *it;
    const std::string period = "20" + m[1].str() + "-" + m[2].str() + "-" + m[3].str() + " – 20" + m[4].str() +
                               "-" + m[5].str() + "-" + m[6].str();
    const std::string rate = m[7].str() + " %", months = m[8].str();
    SCOPED_TRACE(period + " " + rate + " " + months);
    const size_t at = iup.find(period);
    ASSERT_NE(at, std::string::npos) << "the IUP lists the period";
    const std::string iup_row = iup.substr(at, 160);
    EXPECT_NE(iup_row.find(rate + " " + months), std::string::npos) << iup_row;
    leave_row |= period == "2026-03-02 – 2026-09-06" && rate == "80 %" && months == "4,93";
    ++rows;
  }
  EXPECT_GE(rows, 8);
  EXPECT_TRUE(leave_row);
  int side_contracts = 0;
  for (const Entry& e : run.entries) {
    if (e.document_id != "sidotjanstgoringskontrakt") continue;
    const std::string text = PdfRawText(run.dir + "/" + e.file);
    if (text.find("2026-09-07") == std::string::npos) continue;
    ++side_contracts;
    EXPECT_NE(text.find("Tjänstgöringsgrad 80 %"), std::string::npos) << "net of the parental leave";
  }
  EXPECT_EQ(side_contracts, 1);
}

}  // namespace
}  // namespace stdok::testing::truth_test
