// Long texts and long tables end to end: a record whose handlingsplan has a 600-word background
// and whose side placement has a 600-word wish list (a boxed field), with 40 placements in the
// IUP's table. The real binary renders them; every PDF passes `qpdf --check`, runs over more
// than one page, and every word of the long texts comes back out of pdftotext exactly once:
// nothing is clipped at a page break or outside a box.
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "test_support.h"

namespace stdok::testing {
namespace {

std::string Stdok(const std::string& args) {
  return "SOURCE_DATE_EPOCH=1700000000 " + Quote(Binary()) + " " + args + " --as-of 2026-11-22";
}

// n different words: a Swedish word with a number glued on ("förbättring17"), so that each can
// be found exactly once and å, ä, ö are part of what must survive.
std::vector<std::string> Words(const std::string& tag, int n) {
  static const char* const kStems[] = {"handledning", "bedömning",  "förbättring", "återkoppling",
                                       "läkemedel",   "journal",    "öppenvård",   "vårdintyg",
                                       "mottagning",  "ansvar",     "patient",     "struktur",
                                       "kunskap",     "målbild",    "åtgärd",      "samtal"};
  std::vector<std::string> out;
  for (int i = 0; i < n; ++i) out.push_back(kStems[i % 16] + tag + std::to_string(i));
  return out;
}

std::string Joined(const std::vector<std::string>& words) {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    out += words[i];
    // Sentences and line breaks in the record, as a person would write them.
    out += i + 1 == words.size() ? "." : i % 17 == 16 ? ".\n        " : " ";
  }
  return out;
}

// "YYYY-MM-01" for month m counted from January 2020.
std::string MonthStart(int m) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-01", 2020 + m / 12, m % 12 + 1);
  return buf;
}
std::string MonthEnd(int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int year = 2020 + m / 12, month = m % 12 + 1;
  int days = kDays[month - 1] + (month == 2 && year % 4 == 0 ? 1 : 0);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, days);
  return buf;
}

std::string Records(const std::string& background, const std::string& expectations) {
  std::ostringstream r;
  r << R"(<?xml version="1.0" encoding="UTF-8"?>
<stdok-records version="1">
  <region id="jonkoping" name="Region Jönköpings län" issuing-unit="Psykiatriska kliniken, Länssjukhuset Ryhov"/>
  <unit id="psyk" name="Psykiatriska kliniken, Länssjukhuset Ryhov" kind="psykiatri" town="Jönköping"/>
  <unit id="bup" name="Barn- och ungdomspsykiatriska kliniken, Länssjukhuset Ryhov" kind="psykiatri" town="Jönköping"/>
  <person id="mirela" given-name="Mirela" family-name="Kovačević" title="Överläkare" specialty="Psykiatri"
          unit="psyk" email="mirela.kovacevic@rjl.se" phone="070-174 06 60" supervisor-training="2018"/>
  <person id="fredrik" given-name="Fredrik" family-name="Öhman" title="Verksamhetschef" specialty="Psykiatri"
          unit="psyk" email="fredrik.ohman@rjl.se" phone="070-174 06 61"/>
  <person id="cecilia" given-name="Cecilia" family-name="Åkesson" title="ST-studierektor" specialty="Psykiatri"
          unit="psyk" email="cecilia.akesson@rjl.se" phone="070-174 06 63" supervisor-training="2021"/>
  <person id="hanna" given-name="Hanna" family-name="Sjöberg" title="Överläkare" specialty="Barn- och ungdomspsykiatri"
          unit="bup" email="hanna.sjoberg@rjl.se" phone="070-174 06 66" supervisor-training="2020"/>
  <trainee id="ST-LONG-1">
    <name given="Elsa" family="Långström"/>
    <contact email="elsa.langstrom@rjl.se" phone="070-174 06 70"/>
    <education bt-certificate="2019-12-02"/>
    <programme kind="ST" specialty="Psykiatri" start="2020-01-01" rate="100" regulation="HSLF-FS 2021:8" home-unit="psyk"/>
    <roles huvudhandledare="mirela" verksamhetschef="fredrik" studierektor="cecilia"/>
)";
  for (int i = 0; i < 40; ++i)
    r << "    <placement unit=\"psyk\" start=\"" << MonthStart(i) << "\" end=\"" << MonthEnd(i)
      << "\" kind=\"psykiatri\" supervisor=\"mirela\" delmal=\"STc" << (i % 11 + 1) << "\">Placering nummer "
      << (i + 1) << " i allmänpsykiatrisk vård.</placement>\n";
  r << R"(    <side-placement id="sido-bup" unit="bup" contact="hanna" supervisor="hanna" start="2023-05-01" end="2023-07-31"
                    rate="100" contract-date="2023-04-03" contract-place="Jönköping" delmal="STc11">
      <expectations>)" << expectations << R"(</expectations>
    </side-placement>
    <action-plan id="hp-long" date="2022-09-15" level="1" track="support" delmal="STc4 STc7" chef="fredrik">
      <background>)" << background << R"(</background>
      <gaps>STc4 och STc7.</gaps>
      <analysis>Brister i strukturen snarare än i kunskaperna.</analysis>
      <action responsible="mirela" due="2022-12-15">Medsittning vid fem nybesök.</action>
      <time-plan>Hösten 2022.</time-plan>
      <follow-up date="2022-11-10"/>
    </action-plan>
    <contract date="2020-02-12" place="Jönköping" supervision-hours="1" iup-date="2020-01-29"/>
  </trainee>
</stdok-records>
)";
  return r.str();
}

// How often each whitespace-separated token occurs (sentence full stops removed).
std::map<std::string, int> Tokens(const std::string& text) {
  std::map<std::string, int> out;
  std::istringstream in(text);
  std::string token;
  while (in >> token) {
    while (!token.empty() && (token.back() == '.' || token.back() == ',')) token.pop_back();
    ++out[token];
  }
  return out;
}

// pdftotext's text alone: its warnings (stderr) could otherwise land inside a word.
std::string TextOf(const std::string& pdf, int page = 0) {
  std::string range = page ? " -f " + std::to_string(page) + " -l " + std::to_string(page) : "";
  return RunCommand("(pdftotext -enc UTF-8" + range + " " + Quote(pdf) + " - 2>/dev/null)").output;
}

int PageCount(const std::string& pdf) {
  std::string info = RunCommand("pdfinfo " + Quote(pdf)).output;
  size_t at = info.find("Pages:");
  return at == std::string::npos ? 0 : std::atoi(info.c_str() + at + 6);
}

TEST(LongText, SixHundredWordsAndFortyPlacementsArePrintedWhole) {
  const std::vector<std::string> background = Words("b", 600);
  const std::vector<std::string> expectations = Words("f", 600);
  const std::string dir = MakeTempDir();
  const std::string records = dir + "/long.xml";
  WriteText(records, Records(Joined(background), Joined(expectations)));

  auto check = RunCommand(Stdok("check " + Quote(records)));
  EXPECT_NE(check.output.find("\n0 errors,"), std::string::npos) << check.output;
  const std::string out = dir + "/out";
  auto render = RunCommand(Stdok("render " + Quote(records) + " -o " + Quote(out) + " --pack contracts -q"));
  ASSERT_EQ(render.exit_code, 0) << render.output;

  const std::string folder = out + "/elsa-langstrom/";
  for (const std::string doc : {"handlingsplan", "iup", "sidotjanstgoringskontrakt"}) {
    const std::string pdf = folder + doc + ".pdf";
    auto qpdf = RunCommand("qpdf --check " + Quote(pdf));
    EXPECT_EQ(qpdf.exit_code, 0) << doc << ": " << qpdf.output;
    EXPECT_GT(PageCount(pdf), 1) << doc;
  }

  // The handlingsplan's background, a paragraph over pages.
  std::map<std::string, int> plan = Tokens(TextOf(folder + "handlingsplan.pdf"));
  std::string missing;
  for (const std::string& w : background)
    if (plan[w] != 1) missing += w + "×" + std::to_string(plan[w]) + " ";
  EXPECT_EQ(missing, "") << "words of the handlingsplan's background lost or doubled";

  // The wish list in the sidotjänstgöringskontrakt, a boxed field over pages.
  std::map<std::string, int> side = Tokens(TextOf(folder + "sidotjanstgoringskontrakt.pdf"));
  missing.clear();
  for (const std::string& w : expectations)
    if (side[w] != 1) missing += w + "×" + std::to_string(side[w]) + " ";
  EXPECT_EQ(missing, "") << "words of the expectations field lost or doubled";

  // The IUP's table of placements: all 40 rows (and the side placement), over more than one
  // page, its header repeated on each.
  const std::string iup = folder + "iup.pdf";
  std::string text = TextOf(iup);
  for (int i = 0; i < 40; ++i) {
    std::string period = MonthStart(i) + " –";
    EXPECT_NE(text.find(period), std::string::npos) << "placement " << i + 1 << " (" << period << ") missing";
  }
  EXPECT_NE(text.find("Barn- och ungdomspsykiatriska"), std::string::npos);
  int pages_with_header = 0;
  for (int p = 1; p <= PageCount(iup); ++p) {
    std::string page = TextOf(iup, p);
    if (page.find(MonthStart(0).substr(0, 4) + "-") != std::string::npos && page.find("Handledare") != std::string::npos)
      ++pages_with_header;
  }
  EXPECT_GE(pages_with_header, 2) << "the placements table runs over pages with its header repeated";
}

}  // namespace
}  // namespace stdok::testing
