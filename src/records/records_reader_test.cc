#include "records/records_reader.h"

#include <gtest/gtest.h>

namespace stdok {
namespace {

const Date kToday{2026, 11, 22};

std::string Wrap(const std::string& trainees) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<stdok-records version=\"1\">\n"
         "  <region id=\"vasternorrland\" name=\"Region Västernorrland\"/>\n"
         "  <unit id=\"u1\" name=\"Medicinkliniken\"/>\n"
         "  <person id=\"p1\" given-name=\"Anna\" family-name=\"Lind\" specialty=\"Internmedicin\"/>\n" +
         trainees + "</stdok-records>\n";
}

const char* kGoodTrainee =
    "  <trainee id=\"T-1\">\n"
    "    <name given=\"Åsa\" family=\"Öberg\"/>\n"
    "    <personnummer>19811218-9876</personnummer>\n"
    "    <programme kind=\"ST\" specialty=\"Internmedicin\" start=\"2024-09-01\" rate=\"75\" home-unit=\"u1\"/>\n"
    "    <roles huvudhandledare=\"p1\"/>\n"
    "    <placement unit=\"u1\" start=\"2024-09-01\" end=\"2025-08-31\" rate=\"75\">Avdelning 5</placement>\n"
    "  </trainee>\n";

TEST(RecordsReader, ReadsAWellFormedTrainee) {
  Diagnostics d;
  RecordsFile file = ReadRecords("in.xml", Wrap(kGoodTrainee), kToday, &d);
  ASSERT_TRUE(d.empty()) << d[0].ToString();
  ASSERT_EQ(file.trainees.size(), 1u);
  const Trainee& t = file.trainees[0];
  EXPECT_EQ(t.given_name, "Åsa");
  EXPECT_EQ(t.family_name, "Öberg");
  EXPECT_EQ(t.personnummer, "19811218-9876");
  EXPECT_EQ(t.programme.rate, 75);
  EXPECT_EQ(*t.programme.start, (Date{2024, 9, 1}));
  ASSERT_EQ(t.placements.size(), 1u);
  EXPECT_EQ(t.placements[0].description, "Avdelning 5");
  EXPECT_EQ(file.region.name, "Region Västernorrland");
  EXPECT_EQ(file.people.at("p1").family_name, "Lind");
}

TEST(RecordsReader, ImpossibleDatePointsAtTheAttribute) {
  std::string bad = kGoodTrainee;
  bad.replace(bad.find("2024-09-01\" rate=\"75\" home"), 10, "2025-02-30");
  Diagnostics d;
  ReadRecords("in.xml", Wrap(bad), kToday, &d);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].rule, "records.date-invalid");
  EXPECT_EQ(d[0].trainee_id, "T-1");
  EXPECT_EQ(d[0].location.line, 9);
  EXPECT_EQ(d[0].location.column, 52);  // the start attribute
  EXPECT_NE(d[0].message.find("2025-02-30"), std::string::npos);
  EXPECT_EQ(d[0].field, "programme/@start");
}

TEST(RecordsReader, UnknownAttributeAndElementAreErrors) {
  std::string bad = kGoodTrainee;
  bad.replace(bad.find("<roles "), 7, "<roles huvudhandldare=\"p1\" ");
  bad.replace(bad.find("  </trainee>"), 0, "    <nickname/>\n");
  Diagnostics d;
  ReadRecords("in.xml", Wrap(bad), kToday, &d);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].rule, "records.unknown-attribute");
  EXPECT_NE(d[0].message.find("huvudhandldare"), std::string::npos);
  EXPECT_EQ(d[1].rule, "records.unknown-element");
  EXPECT_EQ(d[1].location.line, 12);
}

TEST(RecordsReader, MalformedXmlGivesOneLocatedError) {
  Diagnostics d;
  RecordsFile file = ReadRecords("in.xml", "<stdok-records>\n  <trainee id=\"x\">\n</stdok-records>\n", kToday, &d);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].rule, "records.xml-malformed");
  EXPECT_EQ(d[0].location.line, 3);
  EXPECT_TRUE(file.trainees.empty());
}

TEST(RecordsReader, RejectsUtf16AndDoctype) {
  Diagnostics d;
  ReadRecords("in.xml", std::string("\xFF\xFE<\0s\0", 6), kToday, &d);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].rule, "records.encoding");

  Diagnostics d2;
  ReadRecords("in.xml",
              "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x \"boom\">]>\n<stdok-records/>\n",
              kToday, &d2);
  ASSERT_EQ(d2.size(), 1u);
  EXPECT_EQ(d2[0].rule, "records.doctype");
  EXPECT_EQ(d2[0].location.line, 2);
}

TEST(RecordsReader, AcceptsBomAndNormalizesNfd) {
  std::string trainee = kGoodTrainee;
  trainee.replace(trainee.find("Åsa"), std::string("Åsa").size(), "A\xCC\x8Asa");  // NFD
  Diagnostics d;
  RecordsFile file = ReadRecords("in.xml", "\xEF\xBB\xBF" + Wrap(trainee), kToday, &d);
  ASSERT_TRUE(d.empty()) << d[0].ToString();
  EXPECT_EQ(file.trainees[0].given_name, "Åsa");
}

TEST(RecordsReader, InvalidPersonnummerIsMaskedInTheMessage) {
  std::string bad = kGoodTrainee;
  bad.replace(bad.find("19811218-9876"), 13, "19811218-9875");
  Diagnostics d;
  ReadRecords("in.xml", Wrap(bad), kToday, &d);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].rule, "records.personnummer-invalid");
  EXPECT_EQ(d[0].message.find("9875"), std::string::npos) << d[0].message;
  EXPECT_NE(d[0].message.find("19811218-****"), std::string::npos);
}

TEST(RecordsReader, DuplicateTraineeIdsAreBothReported) {
  Diagnostics d;
  RecordsFile file = ReadRecords("in.xml", Wrap(std::string(kGoodTrainee) + kGoodTrainee), kToday, &d);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].rule, "records.duplicate-id");
  EXPECT_EQ(d[0].trainee_id, "T-1");
  EXPECT_EQ(d[0].location.line, 13);
}

TEST(RecordsReader, ReversedPeriodIsAnError) {
  std::string bad = kGoodTrainee;
  bad.replace(bad.find("end=\"2025-08-31\""), 16, "end=\"2023-08-31\"");
  Diagnostics d;
  ReadRecords("in.xml", Wrap(bad), kToday, &d);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].rule, "records.period-reversed");
}

}  // namespace
}  // namespace stdok
