#include "app/status_job.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "rules/checks.h"
#include "rules/delmal_codes.h"
#include "rules/regulation.h"
#include "rules/rules_testing.h"
#include "text/unicode.h"

namespace stdok {
namespace {

using namespace rules_testing;

const Date kAsOf{2026, 11, 22};

Trainee Named(const std::string& id, const std::string& given, const std::string& family) {
  Trainee t = MakeTrainee(id, "ST", "Internmedicin", "2024-01-01", kHslf2021);
  t.given_name = given;
  t.family_name = family;
  t.education.bt_certificate_date = D("2023-12-01");
  t.contract.date = D("2024-02-01");
  t.contract.iup_date = D("2024-03-01");
  t.roles.main_supervisor = "anna";
  return t;
}

Fixture WithSupervisor() {
  Fixture f;
  f.AddPerson(MakePerson("anna", "Anna", "Lind", "Internmedicin", "Överläkare", 2020, "med"));
  return f;
}

std::vector<TraineeStatus> Status(const Fixture& f, const Date& as_of = kAsOf) {
  Diagnostics d;
  for (const Trainee& t : f.file.trainees) CheckTrainee(f.file, t, f.profile, as_of, &d);
  return ComputeStatus(f.file, f.profile, as_of, d);
}

TEST(StatusJobTest, SummaryOfOneTrainee) {
  Fixture f = WithSupervisor();
  Trainee t = Named("T-1", "Łukasz", "Żółkiewski");
  t.programme.rate = 75;
  t.placements.push_back(MakePlacement("med", "2024-01-01", "2024-12-31", 75, "", false, "anna"));
  t.placements.push_back(MakePlacement("kir", "2025-01-01", "2025-12-31", 75));  // no supervisor
  t.placements.back().delmal = {"STa1", "STa2"};
  t.absences.push_back(MakeAbsence("föräldraledighet", "2024-04-01", "2024-05-31"));
  f.Add(t);
  std::vector<TraineeStatus> status = Status(f);
  ASSERT_EQ(status.size(), 1u);
  const TraineeStatus& s = status[0];
  EXPECT_EQ(s.regulation, kHslf2021);
  EXPECT_DOUBLE_EQ(s.served_months, 7.5 + 9.0);  // 2024 as in the service-time test; 2025: 12 x 0.75
  EXPECT_EQ(s.required_months, 66);
  EXPECT_FALSE(s.time_met);
  // As of 2026-11-22, 66 - 16.5 = 49.5 months remain: at 75 % that is 66 calendar months from
  // the next day, 2026-11-23 (recorded service only up to the date; no past gap is assumed served).
  EXPECT_EQ(*s.earliest_completion, D("2032-05-22"));
  EXPECT_EQ(s.bt.state, BtState::kCertified);
  ASSERT_EQ(s.missing_certificates.size(), 1u);
  EXPECT_EQ(s.missing_certificates[0], "Klinisk tjänstgöring Kirurgkliniken 2025-01-01 – 2025-12-31: handledare saknas");
  EXPECT_EQ(CompressDelmal(s.uncovered_delmal), "STa3–STa7, STb1–STb4");
  EXPECT_TRUE(s.open_deadlines.empty());
}

TEST(StatusJobTest, RiskScoreByHand) {
  Fixture f = WithSupervisor();
  Trainee t = Named("T-1", "Åsa", "Öberg");
  t.contract.date.reset();          // ST-kontrakt overdue (due 2024-07-01): 5, not counted as a warning
  t.roles.director_of_studies = "nobody";  // 1 error: 10
  t.programme.planned_end = D("2026-06-30");  // time.planned-end-too-early: 1 warning, 3; and
                                              // the end has passed without the time met: 10
  t.placements.push_back(MakePlacement("med", "2024-01-01", "2024-12-31", 100));  // no supervisor: 2
  f.Add(t);
  const TraineeStatus s = Status(f)[0];
  EXPECT_EQ(s.errors, 1);
  // deadline.st-kontrakt-overdue, time.planned-end-too-early, certificate.description-missing
  // (the 2024 placement has ended without a description): 2 x 3
  EXPECT_EQ(s.warnings, 3);
  EXPECT_EQ(s.risk_parts.errors, 10);
  EXPECT_EQ(s.risk_parts.overdue, 5);
  EXPECT_EQ(s.risk_parts.warnings, 6);
  EXPECT_EQ(s.risk_parts.certificates, 2);
  // Earliest completion 2031-05-22: more than 12 months away, so uncovered delmål do not count.
  EXPECT_EQ(s.risk_parts.delmal, 0);
  EXPECT_EQ(s.risk_parts.time, 10);
  EXPECT_EQ(s.risk, 33);
  ASSERT_EQ(s.open_deadlines.size(), 1u);
  EXPECT_EQ(s.open_deadlines[0].state, DeadlineState::kOverdue);
}

TEST(StatusJobTest, UncoveredDelmalCountNearTheEnd) {
  Fixture f = WithSupervisor();
  Trainee t = Named("T-1", "Per", "Nära");
  t.programme.start = D("2021-01-01");
  t.contract.date = D("2021-02-01");
  t.contract.iup_date = D("2021-03-01");
  f.Add(t);
  // Earliest completion 2026-06-30: as of 2026-11-22 all 11 STa/STb delmål count, and the time
  // (no placements: the programme period, 70.7 months) is met.
  const TraineeStatus s = Status(f)[0];
  EXPECT_EQ(s.uncovered_delmal.size(), 11u);
  EXPECT_EQ(s.risk_parts.delmal, 11);
  EXPECT_TRUE(s.time_met);
  EXPECT_EQ(s.risk_parts.time, 0);
}

TEST(StatusJobTest, SortedByRiskThenSwedishOrder) {
  Fixture f = WithSupervisor();
  f.Add(Named("T-Z", "Anders", "Zorn"));
  f.Add(Named("T-OE", "Åsa", "Öberg"));
  f.Add(Named("T-AA", "Bo", "Åberg"));
  f.Add(Named("T-AE", "Eva", "Ängel"));
  Trainee risky = Named("T-R", "Rut", "Svensson");
  risky.roles.director_of_studies = "nobody";
  f.Add(risky);
  std::vector<TraineeStatus> status = Status(f);
  std::vector<std::string> order;
  for (const auto& s : status) order.push_back(s.id);
  EXPECT_EQ(order, (std::vector<std::string>{"T-R", "T-Z", "T-AA", "T-AE", "T-OE"}));
}

TEST(StatusJobTest, BtStatus) {
  Fixture f = WithSupervisor();
  Trainee t = MakeTrainee("B", "BT", "", "2026-01-01", kHslf2021);
  t.placements.push_back(MakePlacement("vc", "2026-01-01", "2026-06-30", 100, "primärvård", false, "anna"));
  t.placements.push_back(MakePlacement("akm", "2026-07-01", "2026-12-31", 100, "akut", false, "anna"));
  DelmalGroup g;
  g.codes = {"BT1", "BT2", "BT3"};
  g.signer = "anna";
  t.delmal_groups.push_back(g);
  f.Add(t);
  const TraineeStatus s = Status(f)[0];
  EXPECT_EQ(s.bt.state, BtState::kPlanned);
  EXPECT_DOUBLE_EQ(s.bt.months, 12.0);
  EXPECT_EQ(CompressDelmal(s.uncovered_delmal), "BT4–BT18");
  const std::string text = FormatStatusText({s}, kAsOf, "Region Test");
  EXPECT_NE(text.find("pågår 12,0 mån"), std::string::npos) << text;
  EXPECT_NE(text.find("  BT: 12,0 mån, primärvård 6,0, akut sjukvård 6,0; 2 tjänstgöringsställen"),
            std::string::npos)
      << text;
}

TEST(StatusJobTest, TextColumnsLineUp) {
  Fixture f = WithSupervisor();
  f.Add(Named("T-1", "Łukasz", "Żółkiewski"));
  f.Add(Named("T-2", "Bo", "Ek"));
  const std::string text = FormatStatusText(Status(f), kAsOf, "Region Test");
  EXPECT_EQ(text.rfind("Status per 2026-11-22 · Region Test · 2 läkare\n", 0), 0u) << text;
  // The column "Id" starts at the same character position in the header and both rows.
  std::vector<std::u32string> lines;
  size_t pos = text.find("Risk");
  for (int i = 0; i < 3; ++i) {
    size_t end = text.find('\n', pos);
    lines.push_back(ToCodepoints(text.substr(pos, end - pos)));
    pos = end + 1;
  }
  const size_t column = lines[0].find(U"Id");
  EXPECT_EQ(lines[1].find(U"T-"), column) << text;
  EXPECT_EQ(lines[2].find(U"T-"), column) << text;
  EXPECT_NE(text.find("Ek Bo (T-2) – risk"), std::string::npos);
}

TEST(StatusJobTest, Json) {
  Fixture f = WithSupervisor();
  Trainee t = Named("T-1", "Åsa", "Öberg");
  t.personnummer = "19701063-2391";
  f.Add(t);
  const std::string text = FormatStatusJson(Status(f), kAsOf);
  EXPECT_EQ(text.find("2391"), std::string::npos) << "a personnummer in the JSON";
  const nlohmann::json json = nlohmann::json::parse(text);
  EXPECT_EQ(json["as_of"], "2026-11-22");
  ASSERT_EQ(json["trainees"].size(), 1u) << text;
  const nlohmann::json& trainee = json["trainees"][0];
  EXPECT_EQ(trainee["id"], "T-1");
  EXPECT_EQ(trainee["name"], "Åsa Öberg");
  EXPECT_EQ(trainee["earliest_completion"], "2029-06-30");
  EXPECT_EQ(trainee["bt"]["state"], "certified");
  EXPECT_TRUE(trainee["planned_end"].is_null());
  EXPECT_TRUE(trainee["served_months"].is_number());
  const nlohmann::json empty = nlohmann::json::parse(FormatStatusJson({}, kAsOf));
  EXPECT_EQ(empty, (nlohmann::json{{"as_of", "2026-11-22"}, {"trainees", nlohmann::json::array()}}));
}

TEST(StatusJobTest, JsonIsValidWhateverTheBytesOfAName) {
  Fixture f = WithSupervisor();
  f.Add(Named("T-1", "\xC3sa", "\xFF\xFE"));  // a truncated Å, and bytes never in UTF-8
  const nlohmann::json json = nlohmann::json::parse(FormatStatusJson(Status(f), kAsOf));
  EXPECT_EQ(json["trainees"][0]["name"], "\uFFFDsa \uFFFD\uFFFD");
}

TEST(StatusJobTest, RunStatusReadsAFile) {
  DiskFileSystem fs;
  StatusOptions options;
  options.input = std::string(STDOK_SOURCE_DIR) + "/tests/data/one-bad-record.xml";
  options.templates_dir = std::string(STDOK_SOURCE_DIR) + "/templates";
  options.as_of = kAsOf;
  StatusReport report = RunStatus(options, &fs);
  EXPECT_EQ(StatusExitCode(report), 0);
  ASSERT_EQ(report.trainees.size(), 3u);
  EXPECT_EQ(report.trainees[0].id, "T-BAD");  // three errors
  EXPECT_EQ(report.region_name, "Region Västernorrland");
  options.trainee_ids = {"T-GOOD-2"};
  report = RunStatus(options, &fs);
  ASSERT_EQ(report.trainees.size(), 1u);
  EXPECT_EQ(report.trainees[0].regulation, kSosfs2015);
  options.input = "/nonexistent/records.xml";
  EXPECT_EQ(StatusExitCode(RunStatus(options, &fs)), 2);
}

}  // namespace
}  // namespace stdok
