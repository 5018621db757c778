// Rules from one region's guideline apply where that region's profile enables them
// ("regional-rules"), with the shipped profiles; and an extern bedömare's recorded service
// that overlaps the BT is reported through the real binary.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "app/catalog.h"
#include "records/records_reader.h"
#include "rules/checks.h"
#include "rules/rule_context.h"
#include "test_support.h"

namespace stdok::testing {
namespace {

namespace fs = std::filesystem;

Profile LoadProfile(const std::string& region) {
  const std::string path = SourceDir() + "/templates/profiles/" + region + ".xml";
  Profile profile;
  Diagnostics diagnostics;
  EXPECT_TRUE(ParseProfile(path, ReadText(path), &profile, &diagnostics)) << path;
  return profile;
}

TEST(RegionalRules, ShippedProfilesEnableOnlyKnownRegionalRules) {
  const std::vector<std::string>& known = regional_rules::All();
  std::set<std::string> enabled_somewhere;
  int profiles = 0;
  for (const auto& entry : fs::directory_iterator(SourceDir() + "/templates/profiles")) {
    if (entry.path().extension() != ".xml") continue;
    ++profiles;
    const Profile profile = LoadProfile(entry.path().stem().string());
    ASSERT_TRUE(profile.values.count(profile_keys::kRegionalRules))
        << profile.id << ": say which regional rules apply, even when none do";
    for (const std::string& id : SplitList(profile.Get(profile_keys::kRegionalRules))) {
      EXPECT_NE(std::find(known.begin(), known.end(), id), known.end())
          << profile.id << ": '" << id << "' is not a regional rule id";
      enabled_somewhere.insert(id);
    }
  }
  EXPECT_GE(profiles, 5);
  for (const std::string& id : known)
    EXPECT_TRUE(enabled_somewhere.count(id)) << id << " comes from a region's guideline but no profile enables it";
}

// A BT doctor whose verksamhetschef is also huvudhandledare (Jönköping: jäv) and whose extern
// bedömare served at the akutmottagning during the BT (Örebro); an ST doctor without
// ST-kontrakt or IUP (Jönköping) with a side placement without contract (Västernorrland),
// whose handledare has no handledarutbildning (a regulation's rule).
const char* kRecords = R"(<?xml version="1.0" encoding="UTF-8"?>
<stdok-records version="1">
  <unit id="vc" name="Vårdcentralen" kind="primärvård"/>
  <unit id="akm" name="Akutmottagningen" kind="akut sjukvård"/>
  <unit id="med" name="Medicinkliniken" kind="sluten vård"/>
  <person id="chef" given-name="Cecilia" family-name="Chef" title="Verksamhetschef"
          specialty="Allmänmedicin" unit="vc" supervisor-training="2020"/>
  <person id="ext" given-name="Erik" family-name="Extern" title="Överläkare" specialty="Internmedicin"
          supervisor-training="2020">
    <service unit="akm" start="2020-01-01" end="2025-03-31"/>
  </person>
  <person id="hh" given-name="Hans" family-name="Handledare" title="Överläkare"
          specialty="Internmedicin" unit="med"/>
  <trainee id="BT-1">
    <name given="Bea" family="Test"/>
    <programme kind="BT" start="2024-09-01" planned-end="2025-08-31" regulation="HSLF-FS 2021:8"/>
    <roles huvudhandledare="chef" verksamhetschef="chef" extern-bedomare="ext"/>
    <contract iup-date="2024-09-15"/>
    <placement unit="vc" start="2024-09-01" end="2025-01-31" kind="primärvård" supervisor="chef" bt="yes"/>
    <placement unit="akm" start="2025-02-01" end="2025-08-31" kind="akut sjukvård" supervisor="chef" bt="yes"/>
  </trainee>
  <trainee id="ST-1">
    <name given="Sam" family="Test"/>
    <programme kind="ST" specialty="Internmedicin" start="2022-01-01" regulation="SOSFS 2015:8"/>
    <education swedish-at="yes"/>
    <roles huvudhandledare="hh"/>
    <placement unit="med" start="2022-01-01" end="2023-12-31" supervisor="hh"/>
    <side-placement unit="akm" start="2024-01-01" end="2024-03-31" supervisor="hh"/>
  </trainee>
</stdok-records>
)";

std::set<std::string> RulesUnder(const std::string& region) {
  Diagnostics read;
  const Date today{2026, 11, 22};
  RecordsFile file = ReadRecords("inline.xml", kRecords, today, &read);
  EXPECT_TRUE(read.empty()) << read.front().ToString();
  const Profile profile = LoadProfile(region);
  Diagnostics d;
  for (const Trainee& t : file.trainees) CheckTrainee(file, t, profile, today, &d);
  std::set<std::string> rules;
  for (const Diagnostic& x : d) rules.insert(x.trainee_id + " " + x.rule);
  return rules;
}

TEST(RegionalRules, TheSameRecordGivesRegionalFindingsOnlyWhereTheRegionSaysSo) {
  const std::set<std::string> jonkoping = RulesUnder("jonkoping");
  const std::set<std::string> orebro = RulesUnder("orebro");
  const std::set<std::string> vasternorrland = RulesUnder("vasternorrland");
  const std::set<std::string> ostergotland = RulesUnder("ostergotland");
  auto dump = [](const std::set<std::string>& s) {
    std::string out;
    for (const std::string& x : s) out += "  " + x + "\n";
    return out;
  };

  const std::vector<std::pair<std::string, const std::set<std::string>*>> only = {
      {"BT-1 people.head-of-unit-supervises", &jonkoping},
      {"ST-1 deadline.st-kontrakt-overdue", &jonkoping},
      {"ST-1 deadline.iup-overdue", &jonkoping},
      {"BT-1 people.assessor-served-during-bt", &orebro},
      {"ST-1 deadline.side-contract-overdue", &vasternorrland},
  };
  for (const auto& [finding, where] : only)
    for (const auto* profile : {&jonkoping, &orebro, &vasternorrland, &ostergotland})
      EXPECT_EQ(profile->count(finding) > 0, profile == where)
          << finding << (profile == where ? " missing" : " not expected") << " in\n" << dump(*profile);
  // A regulation's rule applies everywhere (hh has no handledarutbildning).
  for (const auto* profile : {&jonkoping, &orebro, &vasternorrland, &ostergotland})
    EXPECT_TRUE(profile->count("ST-1 people.supervisor-training-missing")) << dump(*profile);
}

TEST(RegionalRules, AMistypedRuleIdInAProfileIsReported) {
  const std::string text =
      "<profile id=\"x\" name=\"Region X\">\n"
      "  <value key=\"guideline\">Riktlinjer</value>\n"
      "  <value key=\"regional-rules\">deadline.iup, people.head-of-unit-supervise</value>\n"
      "</profile>\n";
  Profile profile;
  Diagnostics d;
  ASSERT_TRUE(ParseProfile("x.xml", text, &profile, &d));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].rule, "profile.unknown-rule");
  EXPECT_EQ(d[0].severity, Severity::kWarning);
  EXPECT_EQ(d[0].location.ToString(), "x.xml:3:4");  // the element name, as in records
  EXPECT_NE(d[0].message.find("'people.head-of-unit-supervise'"), std::string::npos) << d[0].message;
  EXPECT_TRUE(RegionalRuleEnabled(profile, regional_rules::kIup));
  EXPECT_FALSE(RegionalRuleEnabled(profile, regional_rules::kHeadOfUnitSupervises));
}

TEST(RegionalRules, CheckReportsAnAssessorWhoServedDuringTheBt) {
  const std::string input = SourceDir() + "/tests/data/hostile/assessor-service.xml";
  const std::string text = ReadText(input);
  CommandResult r = RunCommand(Quote(Binary()) + " check " + Quote(input) + " --as-of 2026-11-22 2>&1");
  EXPECT_EQ(r.exit_code, 1) << r.output;
  auto line_of = [&](const std::string& needle) {
    const size_t at = text.find(needle);
    EXPECT_NE(at, std::string::npos) << needle;
    return std::to_string(1 + std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
  };
  auto says = [&](const std::string& expected) {
    EXPECT_NE(r.output.find(expected), std::string::npos) << "expected: " << expected << "\nin:\n" << r.output;
  };
  says(":" + line_of("<roles huvudhandledare=\"hh\"") +
       ":6: error: [trainee BT-ORE-1, roles/@extern-bedomare] the extern bedömare Erik Ödman (ext) "
       "served at Akutmottagningen, Universitetssjukhuset Örebro 2021-03-01 – 2025-03-15 (line " +
       line_of("<service unit=\"akm\" start=\"2021") + "), while the trainee served there during BT "
       "(2025-02-01 – 2025-08-31)");
  says("(people.assessor-served-during-bt; Region Örebro län, Riktlinjer för BT och ST (extern bedömare)");
  // Only the overlap: the vc placement and the ongoing service at med are no finding.
  EXPECT_EQ(r.output.find("Vårdcentralen Tybble 20"), std::string::npos) << r.output;
  // Periods that cannot be read are located at their attribute.
  says(":" + line_of("unit=\"nowhere\"") + ":14: error: ");
  says("'nowhere' is not a defined <unit> (service of person 'bad') (records.undefined-unit");
  says(":" + line_of("end=\"2023-05-01\"") + ":44: error: ");
  says("(records.period-reversed");
  says("'2024-02-30' is not a valid date");
  says(":" + line_of("<service unit=\"vc\" end=") + ":");
}

}  // namespace
}  // namespace stdok::testing
