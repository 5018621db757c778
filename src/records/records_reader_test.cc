#include "records/records_reader.h"

#include <gtest/gtest.h>

#include <thread>

#include "records/element_reader.h"
#include "xml/document.h"
#include "xml/source_text.h"

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
  EXPECT_EQ(d[0].rule.rfind("xml.", 0), 0u) << d[0].rule;
  EXPECT_EQ(d[0].location.line, 3);
  EXPECT_TRUE(file.trainees.empty());
}

// Each <trainee> is parsed once, while it is read: one that pugixml refuses (the scan for
// trainees accepts it) still refuses the whole file with Document::Load's one error, and
// nothing read before it (a finding about the first trainee) is reported.
TEST(RecordsReader, AMalformedTraineeAfterGoodOnesRefusesTheFileWithOneError) {
  std::string bad_first = kGoodTrainee;
  bad_first.replace(bad_first.find("rate=\"75\" home"), 10, "rate=\"175\" home");  // a finding
  const std::string text = Wrap(bad_first + "  <trainee id=\"T-2\"><name></names></trainee>\n" + kGoodTrainee);
  xml::LoadOptions options;
  options.kind = "records file";
  options.root = "stdok-records";
  options.refuse_control_characters = false;
  options.keep_whitespace_text = true;
  Diagnostics expected;
  xml::Document whole;
  ASSERT_FALSE(whole.Load("in.xml", text, options, &expected));
  ASSERT_EQ(expected.size(), 1u);
  for (int source = 0; source < 2; ++source) {
    Diagnostics d;
    if (source) {
      const RecordsSource records("in.xml", text, kToday, &d);
      EXPECT_TRUE(records.file().refused);
      EXPECT_EQ(records.size(), 0u);
    } else {
      const RecordsFile file = ReadRecords("in.xml", text, kToday, &d);
      EXPECT_TRUE(file.refused);
      EXPECT_TRUE(file.trainees.empty());
      EXPECT_TRUE(file.people.empty());
    }
    ASSERT_EQ(d.size(), 1u) << d[0].ToString();
    EXPECT_EQ(d[0].ToString(), expected[0].ToString());
    EXPECT_EQ(d[0].location.line, 13);
  }
}

TEST(RecordsReader, RejectsUtf16AndDoctype) {
  Diagnostics d;
  ReadRecords("in.xml", std::string("\xFF\xFE<\0s\0", 6), kToday, &d);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].rule, "xml.encoding");

  Diagnostics d2;
  ReadRecords("in.xml",
              "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x \"boom\">]>\n<stdok-records/>\n",
              kToday, &d2);
  ASSERT_EQ(d2.size(), 1u);
  EXPECT_EQ(d2[0].rule, "xml.doctype");
  EXPECT_EQ(d2[0].location.line, 2);
  EXPECT_EQ(d2[0].location.column, 1);
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


// Replaces the first occurrence of `from` in `text` (which must be there) by `to`.
std::string Replace(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

std::string Rules(const Diagnostics& d) {
  std::string out;
  for (const auto& x : d) out += x.ToString() + "\n";
  return out;
}

// Every finding of the reader points at a place in the file.
void ExpectLocated(const Diagnostics& d) {
  for (const auto& x : d) {
    EXPECT_EQ(x.location.file, "in.xml") << x.ToString();
    EXPECT_GT(x.location.line, 0) << x.ToString();
    EXPECT_GT(x.location.column, 0) << x.ToString();
  }
}

TEST(RecordsReader, NumbersRejectNanAndInfinity) {
  for (const char* value : {"nan", "NaN", "inf", "-inf", "infinity", "INF", "1e999"}) {
    std::string bad = Replace(kGoodTrainee, "rate=\"75\" home", std::string("rate=\"") + value + "\" home");
    Diagnostics d;
    RecordsFile file = ReadRecords("in.xml", Wrap(bad), kToday, &d);
    ASSERT_EQ(d.size(), 1u) << value << "\n" << Rules(d);
    EXPECT_EQ(d[0].rule, "records.number-invalid");
    EXPECT_EQ(d[0].trainee_id, "T-1");
    EXPECT_EQ(d[0].field, "programme/@rate");
    EXPECT_EQ(d[0].location.line, 9);
    EXPECT_NE(d[0].message.find("between 0 and 100"), std::string::npos) << d[0].message;
    EXPECT_EQ(file.trainees[0].programme.rate, 100);  // the default, never NaN
  }
}

TEST(RecordsReader, NumberRangeIsPrintedInFull) {
  const std::string contract =
      "  <director-contract person=\"p1\" start=\"2025-01-01\" end=\"2027-12-31\" compensation=\"1e12\"/>\n";
  Diagnostics d;
  ReadRecords("in.xml", Wrap(contract), kToday, &d);
  ASSERT_EQ(d.size(), 1u) << Rules(d);
  EXPECT_NE(d[0].message.find("between 0 and 10000000"), std::string::npos) << d[0].message;
}

TEST(RecordsReader, PersonPersonnummerIsCheckedAndCanonicalized) {
  auto read = [](const std::string& pn, Diagnostics* d) {
    std::string text = Replace(Wrap(kGoodTrainee), "specialty=\"Internmedicin\"/>",
                               "specialty=\"Internmedicin\" personnummer=\"" + pn + "\"/>");
    return ReadRecords("in.xml", text, kToday, d);
  };
  {
    Diagnostics d;
    RecordsFile file = read("811218-9876", &d);  // 10 digits: century from the age
    ASSERT_TRUE(d.empty()) << Rules(d);
    EXPECT_EQ(file.people.at("p1").personnummer, "19811218-9876");
  }
  {
    Diagnostics d;
    RecordsFile file = read("199306621138", &d);  // samordningsnummer: day 02 + 60
    ASSERT_TRUE(d.empty()) << Rules(d);
    EXPECT_EQ(file.people.at("p1").personnummer, "19930662-1138");
  }
  for (const char* bad : {"19811218-9875", "19811232-9876", "19930692-1138", "1981-12-18"}) {
    Diagnostics d;
    RecordsFile file = read(bad, &d);
    ASSERT_EQ(d.size(), 1u) << bad << "\n" << Rules(d);
    EXPECT_EQ(d[0].rule, "records.personnummer-invalid");
    EXPECT_EQ(d[0].field, "person/@personnummer");
    EXPECT_EQ(d[0].location.line, 5);
    EXPECT_EQ(d[0].location.column, 82);  // the attribute
    EXPECT_NE(d[0].message.find("'p1'"), std::string::npos) << d[0].message;
    EXPECT_EQ(d[0].message.find(std::string(bad).substr(std::string(bad).size() - 4)), std::string::npos)
        << "the last four digits leaked: " << d[0].message;
    EXPECT_EQ(file.people.at("p1").personnummer, "") << "an invalid number is never printed";
  }
  Diagnostics d;
  read("19811218-9875", &d);
  EXPECT_NE(d[0].message.find("19811218-****"), std::string::npos) << d[0].message;
  EXPECT_NE(d[0].message.find("check digit"), std::string::npos) << d[0].message;
}

TEST(RecordsReader, TraineeSamordningsnummerIsAccepted) {
  std::string t = Replace(kGoodTrainee, "19811218-9876", "9306621138");
  Diagnostics d;
  RecordsFile file = ReadRecords("in.xml", Wrap(t), kToday, &d);
  ASSERT_TRUE(d.empty()) << Rules(d);
  EXPECT_EQ(file.trainees[0].personnummer, "19930662-1138");
}

TEST(RecordsReader, PersonUnitMustBeDefined) {
  std::string text = Replace(Wrap(kGoodTrainee), "specialty=\"Internmedicin\"/>",
                             "specialty=\"Internmedicin\" unit=\"u9\"/>");
  Diagnostics d;
  ReadRecords("in.xml", text, kToday, &d);
  ASSERT_EQ(d.size(), 1u) << Rules(d);
  EXPECT_EQ(d[0].rule, "records.undefined-unit");
  EXPECT_EQ(d[0].field, "person/@unit");
  EXPECT_EQ(d[0].location.line, 5);
  EXPECT_NE(d[0].message.find("'u9'"), std::string::npos);

  Diagnostics ok;
  ReadRecords("in.xml", Replace(Wrap(kGoodTrainee), "specialty=\"Internmedicin\"/>",
                                "specialty=\"Internmedicin\" unit=\"u1\"/>"),
              kToday, &ok);
  EXPECT_TRUE(ok.empty()) << Rules(ok);
}

TEST(RecordsReader, AuskultationNeedsAPlace) {
  std::string t = Replace(kGoodTrainee, "  </trainee>",
                          "    <auskultation start=\"2025-03-03\" end=\"2025-03-07\">Hjärtmottagningen</auskultation>\n"
                          "  </trainee>");
  Diagnostics d;
  ReadRecords("in.xml", Wrap(t), kToday, &d);
  ASSERT_EQ(d.size(), 1u) << Rules(d);
  EXPECT_EQ(d[0].rule, "records.missing-attribute");
  EXPECT_EQ(d[0].trainee_id, "T-1");
  EXPECT_EQ(d[0].field, "auskultation/@unit");
  EXPECT_EQ(d[0].location.line, 12);

  for (const char* place : {"unit=\"u1\" ", "unit-name=\"Karolinska\" "}) {
    Diagnostics ok;
    ReadRecords("in.xml", Wrap(Replace(t, "<auskultation ", std::string("<auskultation ") + place)), kToday, &ok);
    EXPECT_TRUE(ok.empty()) << Rules(ok);
  }
}

TEST(RecordsReader, ElementsThatBelongOnceAreNotSilentlyResolved) {
  struct Case {
    const char* extra;
    const char* field;
    int line;  // of the second one
  };
  const Case cases[] = {
      {"    <programme kind=\"ST\" specialty=\"Kirurgi\" start=\"2024-09-01\"/>\n", "programme", 12},
      {"    <name given=\"Eva\" family=\"Ek\"/>\n", "name", 12},
      {"    <personnummer>19811218-9876</personnummer>\n", "personnummer", 12},
      {"    <roles huvudhandledare=\"p1\"/>\n", "roles", 12},
      {"    <contract place=\"Umeå\"/>\n    <contract place=\"Luleå\"/>\n", "contract", 13},
      {"    <contact email=\"a@b.se\"/>\n    <contact email=\"c@d.se\"/>\n", "contact", 13},
      {"    <education/>\n    <education/>\n", "education", 13},
      {"    <side-placement unit=\"u1\" start=\"2025-09-01\"><expectations>A</expectations>"
       "<expectations>B</expectations></side-placement>\n",
       "side-placement/expectations", 12},
      {"    <action-plan date=\"2025-05-05\"><background>A</background><background>B</background></action-plan>\n",
       "action-plan/background", 12},
      {"    <contract><other>A</other><other>B</other></contract>\n", "contract/other", 12},
      {"    <scientific-work subject=\"S\"><activities>A</activities><activities>B</activities></scientific-work>\n",
       "scientific-work/activities", 12},
  };
  for (const Case& c : cases) {
    std::string t = Replace(kGoodTrainee, "  </trainee>", std::string(c.extra) + "  </trainee>");
    Diagnostics d;
    ReadRecords("in.xml", Wrap(t), kToday, &d);
    ASSERT_EQ(d.size(), 1u) << c.field << "\n" << Rules(d);
    EXPECT_EQ(d[0].rule, "records.duplicate-element") << c.field;
    EXPECT_EQ(d[0].field, c.field);
    EXPECT_EQ(d[0].trainee_id, "T-1");
    EXPECT_EQ(d[0].location.line, c.line) << c.field;
    EXPECT_GT(d[0].location.column, 0);
    EXPECT_NE(d[0].message.find("only once"), std::string::npos) << d[0].message;
  }
  // The file's <region> too, and the first one is the one kept.
  Diagnostics d;
  RecordsFile file = ReadRecords(
      "in.xml", Replace(Wrap(kGoodTrainee), "  <unit ", "  <region id=\"orebro\" name=\"Region Örebro\"/>\n  <unit "),
      kToday, &d);
  ASSERT_EQ(d.size(), 1u) << Rules(d);
  EXPECT_EQ(d[0].field, "stdok-records/region");
  EXPECT_EQ(d[0].location.line, 4);
  EXPECT_TRUE(d[0].trainee_id.empty());
  EXPECT_EQ(file.region.id, "vasternorrland");
}

TEST(RecordsReader, SchemaAttributesOnTheRootAreAccepted) {
  const std::string root =
      "<stdok-records version=\"1\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
      "    xsi:noNamespaceSchemaLocation=\"../schema/stdok-records.xsd\">";
  Diagnostics d;
  RecordsFile file = ReadRecords("in.xml", Replace(Wrap(kGoodTrainee), "<stdok-records version=\"1\">", root), kToday, &d);
  EXPECT_TRUE(d.empty()) << Rules(d);
  EXPECT_EQ(file.trainees.size(), 1u);

  Diagnostics d2;
  ReadRecords("in.xml",
              Replace(Wrap(kGoodTrainee), "<stdok-records version=\"1\">",
                      "<stdok-records version=\"1\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                      "xsi:schemaLocation=\"urn:x stdok-records.xsd\">"),
              kToday, &d2);
  EXPECT_TRUE(d2.empty()) << Rules(d2);

  // Another xsi attribute, the wrong namespace, or xsi on another element stay errors.
  Diagnostics d3;
  ReadRecords("in.xml",
              Replace(Replace(Wrap(kGoodTrainee), "<stdok-records version=\"1\">",
                              "<stdok-records version=\"1\" xmlns:xsi=\"urn:wrong\" xsi:type=\"x\">"),
                      "<trainee id", "<trainee xsi:noNamespaceSchemaLocation=\"a.xsd\" id"),
              kToday, &d3);
  ASSERT_EQ(d3.size(), 3u) << Rules(d3);
  EXPECT_EQ(d3[0].rule, "records.namespace");
  EXPECT_EQ(d3[1].field, "trainee/@xsi:noNamespaceSchemaLocation");
  EXPECT_EQ(d3[1].rule, "records.unknown-attribute");
  EXPECT_EQ(d3[2].field, "stdok-records/@xsi:type");  // reported when the root is done
  EXPECT_EQ(d3[2].rule, "records.unknown-attribute");
}

TEST(RecordsReader, SidePlanIsForOneDelmal) {
  auto side = [](const std::string& delmal) {
    return Replace(kGoodTrainee, "  </trainee>",
                   "    <side-placement unit=\"u1\" start=\"2025-09-01\">\n"
                   "      <plan delmal=\"" + delmal + "\">Plan</plan>\n"
                   "    </side-placement>\n  </trainee>");
  };
  Diagnostics d;
  RecordsFile file = ReadRecords("in.xml", Wrap(side(" STc1, ")), kToday, &d);
  ASSERT_TRUE(d.empty()) << Rules(d);
  EXPECT_EQ(file.trainees[0].side_placements[0].plans[0].delmal, "STc1");

  Diagnostics d2;
  ReadRecords("in.xml", Wrap(side("STc1 STc2")), kToday, &d2);
  ASSERT_EQ(d2.size(), 1u) << Rules(d2);
  EXPECT_EQ(d2[0].rule, "records.plan-one-delmal");
  EXPECT_EQ(d2[0].field, "side-placement/plan/@delmal");
  EXPECT_EQ(d2[0].trainee_id, "T-1");
  EXPECT_EQ(d2[0].location.line, 13);
  EXPECT_NE(d2[0].message.find("one <plan> per delmål"), std::string::npos);
}

TEST(RecordsReader, DuplicateTraineeIdNamesBothRecords) {
  Diagnostics d;
  RecordsFile file = ReadRecords("in.xml", Wrap(std::string(kGoodTrainee) + kGoodTrainee), kToday, &d);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].field, "trainee/@id");
  EXPECT_EQ(d[0].location.line, 13);
  EXPECT_EQ(d[0].location.column, 12);
  EXPECT_NE(d[0].message.find("already used by the record on line 6"), std::string::npos) << d[0].message;
  EXPECT_NE(d[0].message.find("neither record is made"), std::string::npos) << d[0].message;
  // The first record carries the error too, so the caller skips both.
  ASSERT_EQ(file.trainees.size(), 1u);
  EXPECT_TRUE(HasErrorsFor(d, file.trainees[0].id));
}

TEST(RecordsReader, ControlCharactersAreErrors) {
  Diagnostics d;
  ReadRecords("in.xml", Wrap(Replace(kGoodTrainee, "given=\"Åsa\"", "given=\"Å&#1;sa\"")), kToday, &d);
  ASSERT_EQ(d.size(), 1u) << Rules(d);
  EXPECT_EQ(d[0].rule, "records.control-character");
  EXPECT_EQ(d[0].field, "name/@given");
  EXPECT_EQ(d[0].trainee_id, "T-1");
  EXPECT_EQ(d[0].location.line, 7);
  EXPECT_NE(d[0].message.find("U+0001"), std::string::npos);

  Diagnostics d2;
  ReadRecords("in.xml", Wrap(Replace(kGoodTrainee, "Avdelning 5", std::string("Avdelning\x1B[2J 5"))), kToday, &d2);
  ASSERT_EQ(d2.size(), 1u) << Rules(d2);
  EXPECT_EQ(d2[0].rule, "records.control-character");
  EXPECT_EQ(d2[0].field, "placement");
  EXPECT_EQ(d2[0].location.line, 11);

  Diagnostics d3;  // a C1 control (U+0085) is no better
  ReadRecords("in.xml", Wrap(Replace(kGoodTrainee, "family=\"Öberg\"", "family=\"\xC2\x85Öberg\"")), kToday, &d3);
  ASSERT_EQ(d3.size(), 1u) << Rules(d3);
  EXPECT_NE(d3[0].message.find("U+0085"), std::string::npos);
}

TEST(RecordsReader, FileThatIsNotUtf8IsRefusedAtTheFirstBadByte) {
  // "Öberg" in Latin-1 on line 7.
  std::string latin1 = Wrap(Replace(kGoodTrainee, "family=\"Öberg\"", "family=\"\xD6" "berg\""));
  Diagnostics d;
  RecordsFile file = ReadRecords("in.xml", latin1, kToday, &d);
  ASSERT_EQ(d.size(), 1u) << Rules(d);
  EXPECT_EQ(d[0].rule, "xml.encoding");
  EXPECT_EQ(d[0].location.line, 7);
  EXPECT_EQ(d[0].location.column, 31);
  EXPECT_NE(d[0].message.find("0xD6"), std::string::npos);
  EXPECT_TRUE(file.trainees.empty());
  for (const char* bad : {"\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82"}) {  // overlong, surrogate, >U+10FFFF, cut
    Diagnostics d2;
    ReadRecords("in.xml", Wrap(Replace(kGoodTrainee, "Avdelning", std::string("Avd") + bad)), kToday, &d2);
    ASSERT_EQ(d2.size(), 1u);
    EXPECT_EQ(d2[0].rule, "xml.encoding");
  }
}

TEST(RecordsReader, NulByteIsLocatedAndUnmarkedUtf16Recognized) {
  std::string text = Wrap(Replace(kGoodTrainee, "Avdelning", std::string("Avd\0elning", 10)));
  Diagnostics d;
  RecordsFile file = ReadRecords("in.xml", text, kToday, &d);
  ASSERT_EQ(d.size(), 1u) << Rules(d);
  EXPECT_EQ(d[0].rule, "xml.encoding");
  EXPECT_EQ(d[0].location.line, 11);
  EXPECT_NE(d[0].message.find("NUL"), std::string::npos);
  EXPECT_TRUE(file.trainees.empty());

  Diagnostics d2;  // UTF-16 LE without a byte order mark
  ReadRecords("in.xml", std::string("<\0s\0t\0", 6), kToday, &d2);
  ASSERT_EQ(d2.size(), 1u);
  EXPECT_NE(d2[0].message.find("UTF-16"), std::string::npos);
  EXPECT_EQ(d2[0].location.line, 1);
  EXPECT_EQ(d2[0].location.column, 1);
}

TEST(RecordsReader, SecondRootElementIsAnError) {
  Diagnostics d;
  RecordsFile file = ReadRecords("in.xml", Wrap(kGoodTrainee) + "<stdok-records/>\n", kToday, &d);
  ASSERT_EQ(d.size(), 1u) << Rules(d);
  EXPECT_EQ(d[0].rule, "xml.root");
  EXPECT_EQ(d[0].location.line, 14);
  EXPECT_TRUE(file.trainees.empty());
}

TEST(RecordsReader, RepeatedAttributeIsAnError) {
  Diagnostics d;
  ReadRecords("in.xml", Wrap(Replace(kGoodTrainee, "given=\"Åsa\"", "given=\"Åsa\" given=\"Eva\"")), kToday, &d);
  ASSERT_GE(d.size(), 1u);
  ExpectLocated(d);
  EXPECT_EQ(d[0].location.line, 7);
}

TEST(RecordsReader, ValuesShapedLikeAPersonnummerAreMaskedInMessages) {
  Diagnostics d;
  ReadRecords("in.xml", Wrap(Replace(kGoodTrainee, "end=\"2025-08-31\"", "end=\"198112189876\"")), kToday, &d);
  ASSERT_EQ(d.size(), 1u) << Rules(d);
  EXPECT_EQ(d[0].rule, "records.date-invalid");
  EXPECT_EQ(d[0].message.find("9876"), std::string::npos) << d[0].message;
  EXPECT_NE(d[0].message.find("19811218-****"), std::string::npos) << d[0].message;
  EXPECT_EQ(ShownValue("2025-02-30"), "2025-02-30");
  EXPECT_EQ(ShownValue("PN-198112189876, 811218-9876+x"), "PN-19811218-****, 811218-****+x");
  EXPECT_EQ(ShownValue("--12-"), "--12-");
}

TEST(RecordsReader, EveryFindingIsLocatedAndNamesTheRecordAndField) {
  std::string t = Replace(kGoodTrainee, "rate=\"75\" home", "rate=\"inf\" home");
  t = Replace(t, "  </trainee>",
              "    <auskultation start=\"2025-02-30\"/>\n    <programme kind=\"ST\" start=\"2024-01-01\"/>\n"
              "    <placement unit=\"u1\" start=\"2024-01-01\" bt=\"kanske\"/>\n  </trainee>");
  Diagnostics d;
  ReadRecords("in.xml", Wrap(t), kToday, &d);
  ASSERT_GE(d.size(), 4u) << Rules(d);
  ExpectLocated(d);
  for (const auto& x : d) {
    EXPECT_EQ(x.trainee_id, "T-1") << x.ToString();
    EXPECT_FALSE(x.field.empty()) << x.ToString();
  }
}

TEST(RecordsReader, AnInvalidEndIsReportedOnceNotAlsoAsMissing) {
  std::string t = Replace(kGoodTrainee, "  </trainee>",
                          "    <absence kind=\"semester\" start=\"2025-01-01\" end=\"2025-13-01\"/>\n"
                          "    <absence kind=\"semester\" start=\"2025-02-01\" end=\" \"/>\n  </trainee>");
  Diagnostics d;
  ReadRecords("in.xml", Wrap(t), kToday, &d);
  ASSERT_EQ(d.size(), 2u) << Rules(d);
  EXPECT_EQ(d[0].rule, "records.date-invalid");
  EXPECT_EQ(d[1].rule, "records.missing-attribute");
  EXPECT_EQ(d[1].location.line, 13);
}

TEST(RecordsReader, TraineeIdThatIsAPersonnummerIsMaskedAndRefused) {
  Diagnostics d;
  RecordsFile file = ReadRecords("in.xml", Wrap(Replace(kGoodTrainee, "id=\"T-1\"", "id=\"PN-198112189876\"")), kToday, &d);
  ASSERT_EQ(d.size(), 1u) << Rules(d);
  EXPECT_EQ(d[0].rule, "records.id-personnummer");
  EXPECT_EQ(d[0].trainee_id, "PN-19811218-****");
  EXPECT_EQ(d[0].field, "trainee/@id");
  EXPECT_EQ(d[0].location.line, 6);
  ASSERT_EQ(file.trainees.size(), 1u);
  EXPECT_EQ(file.trainees[0].id, "PN-19811218-****");
  EXPECT_TRUE(HasErrorsFor(d, file.trainees[0].id));
  // Long numbers that are not a personnummer (no such date, wrong check digit) are fine as ids.
  for (const char* id : {"1234567890", "20231399-1234", "19811218-9875", "ST-IM-2023-03"}) {
    Diagnostics ok;
    ReadRecords("in.xml", Wrap(Replace(kGoodTrainee, "id=\"T-1\"", std::string("id=\"") + id + "\"")), kToday, &ok);
    EXPECT_TRUE(ok.empty()) << id << "\n" << Rules(ok);
  }
}

// A person with <service> children: line 5 opens the person, its periods follow one a line.
std::string WithService(const std::string& periods) {
  return Replace(Wrap(kGoodTrainee), "specialty=\"Internmedicin\"/>\n",
                 "specialty=\"Internmedicin\">\n" + periods + "  </person>\n");
}

TEST(RecordsReader, PersonServicePeriodsAreRead) {
  Diagnostics d;
  RecordsFile file = ReadRecords("in.xml",
                                 WithService("    <service unit=\"u1\" start=\"2020-01-01\" end=\"2022-06-30\"/>\n"
                                             "    <service unit=\"u1\" start=\"2023-01-01\"/>\n"),
                                 kToday, &d);
  ASSERT_TRUE(d.empty()) << Rules(d);
  const Person& p = file.people.at("p1");
  ASSERT_EQ(p.service.size(), 2u);
  EXPECT_EQ(p.service[0].unit_id, "u1");
  EXPECT_EQ(*p.service[0].period.start, (Date{2020, 1, 1}));
  EXPECT_EQ(*p.service[0].period.end, (Date{2022, 6, 30}));
  EXPECT_EQ(p.service[0].where.line, 6);
  EXPECT_FALSE(p.service[1].period.end);  // ongoing
  EXPECT_EQ(p.service[1].where.line, 7);
}

TEST(RecordsReader, BadServicePeriodsAreLocatedAndLeftOut) {
  const std::string text = WithService(
      "    <service unit=\"u9\" start=\"2020-01-01\"/>\n"                      // line 6
      "    <service unit=\"u1\" start=\"2022-01-01\" end=\"2021-12-31\"/>\n"   // line 7
      "    <service unit=\"u1\" start=\"2022-02-30\"/>\n"                      // line 8
      "    <service unit=\"u1\" end=\"2021-12-31\"/>\n"                        // line 9
      "    <service start=\"2020-01-01\"/>\n"                                  // line 10
      "    <service unit=\"u1\" start=\"2020-01-01\" rate=\"50\"/>\n");        // line 11
  Diagnostics d;
  RecordsFile file = ReadRecords("in.xml", text, kToday, &d);
  ASSERT_EQ(d.size(), 6u) << Rules(d);
  ExpectLocated(d);
  EXPECT_EQ(d[0].rule, "records.undefined-unit");
  EXPECT_EQ(d[0].location.line, 6);
  EXPECT_EQ(d[0].location.column, 14);  // the unit attribute
  EXPECT_NE(d[0].message.find("'u9' is not a defined <unit> (service of person 'p1')"), std::string::npos)
      << d[0].message;
  EXPECT_EQ(d[1].rule, "records.period-reversed");
  EXPECT_EQ(d[1].location.line, 7);
  EXPECT_EQ(d[1].location.column, 43);  // the end attribute
  EXPECT_EQ(d[2].rule, "records.date-invalid");
  EXPECT_EQ(d[2].location.line, 8);
  EXPECT_EQ(d[3].rule, "records.missing-attribute");
  EXPECT_EQ(d[3].location.line, 9);
  EXPECT_EQ(d[4].rule, "records.missing-attribute");
  EXPECT_EQ(d[4].location.line, 10);
  EXPECT_EQ(d[5].rule, "records.unknown-attribute");
  EXPECT_EQ(d[5].location.line, 11);
  // Only the last period can be used (its unknown attribute aside).
  ASSERT_EQ(file.people.at("p1").service.size(), 1u);
  EXPECT_EQ(file.people.at("p1").service[0].where.line, 11);
}

TEST(SourceText, ColumnsOnOneVeryLongLineInAnyOrder) {
  std::string line = "<a>";
  for (int i = 0; i < 2000; ++i) line += "ö";  // two bytes, one column each
  line += "x\nsecond";
  SourceText source("f.xml", line);
  const size_t x = line.find('x');
  EXPECT_EQ(source.Locate(static_cast<std::ptrdiff_t>(x)).column, 2004);
  EXPECT_EQ(source.Locate(3).column, 4);  // backwards after a later position
  EXPECT_EQ(source.Locate(static_cast<std::ptrdiff_t>(x)).column, 2004);
  EXPECT_EQ(source.Locate(5).column, 5);
  SourceLocation second = source.Locate(static_cast<std::ptrdiff_t>(x + 3));
  EXPECT_EQ(second.line, 2);
  EXPECT_EQ(second.column, 2);
}

// Two texts located alternately on one thread, and one text on two threads at once: the
// remembered last position (per thread) never mixes them up.
TEST(SourceText, TwoTextsAndTwoThreadsKeepTheirOwnColumns) {
  std::string a = "<a>", b = "<b>";
  for (int i = 0; i < 50; ++i) a += "ö";  // two bytes per column
  for (int i = 0; i < 50; ++i) b += "o";  // one byte per column
  SourceText one("a.xml", a), two("b.xml", b);
  for (int k = 0; k < 3; ++k) {
    EXPECT_EQ(one.Locate(43).column, 24);
    EXPECT_EQ(two.Locate(43).column, 44);
    EXPECT_EQ(one.Locate(53).column, 29);
    EXPECT_EQ(two.Locate(53).column, 54);
  }
  std::vector<int> columns(2);
  auto locate = [&](int t) {
    int sum = 0;
    for (int i = 0; i < 20000; ++i) sum += one.Locate(3 + 2 * ((i * 7 + t) % 50)).column;
    columns[t] = sum;
  };
  std::thread other(locate, 1);
  locate(0);
  other.join();
  int expected[2] = {0, 0};
  for (int t = 0; t < 2; ++t)
    for (int i = 0; i < 20000; ++i) expected[t] += 4 + (i * 7 + t) % 50;
  EXPECT_EQ(columns[0], expected[0]);
  EXPECT_EQ(columns[1], expected[1]);
}

// The records kept as text: the same findings as ReadRecords, and each trainee read again
// (in any thread) equal to ReadRecords' trainee, locations included.
TEST(RecordsSource, ReadsAsReadRecordsDoesTraineeByTrainee) {
  std::string second = kGoodTrainee;
  second.replace(second.find("T-1"), 3, "T-2");
  second.replace(second.find("Åsa"), 4, "Bo");
  second.replace(second.find("rate=\"75\" home"), 10, "rate=\"175\" home");  // out of range
  std::string duplicate = kGoodTrainee;  // a second T-1: neither is made, both reported
  std::string third = second;
  third.replace(third.find("T-2"), 3, "T-3");
  third.replace(third.find("<placement"), 10, "<placement bogus=\"1\"");
  const std::string text = Wrap(kGoodTrainee + second + duplicate + third +
                                "  <director-contract person=\"p1\" start=\"2026-01-01\"/>\n");
  Diagnostics whole_findings, source_findings;
  const RecordsFile whole = ReadRecords("in.xml", text, kToday, &whole_findings);
  const RecordsSource source("in.xml", text, kToday, &source_findings);
  ASSERT_FALSE(whole_findings.empty());
  ASSERT_EQ(source_findings.size(), whole_findings.size());
  for (size_t i = 0; i < whole_findings.size(); ++i)
    EXPECT_EQ(source_findings[i].ToString() + source_findings[i].trainee_id,
              whole_findings[i].ToString() + whole_findings[i].trainee_id);
  EXPECT_TRUE(source.file().trainees.empty());
  EXPECT_EQ(source.file().people.size(), whole.people.size());
  EXPECT_EQ(source.file().director_contracts.size(), 1u);
  EXPECT_EQ(source.file().region.name, whole.region.name);
  EXPECT_EQ(source.text(), text);
  ASSERT_EQ(source.size(), whole.trainees.size());
  ASSERT_EQ(source.size(), 3u);  // T-1 (its duplicate is not kept), T-2, T-3
  std::vector<Trainee> read(source.size());
  std::thread other([&] {
    for (size_t i = 1; i < source.size(); i += 2) read[i] = source.Read(i);
  });
  for (size_t i = 0; i < source.size(); i += 2) read[i] = source.Read(i);
  other.join();
  for (size_t i = 0; i < source.size(); ++i) {
    SCOPED_TRACE(i);
    const Trainee& a = read[i];
    const Trainee& b = whole.trainees[i];
    EXPECT_EQ(source.id(i), b.id);
    EXPECT_EQ(source.given_name(i), b.given_name);
    EXPECT_EQ(source.family_name(i), b.family_name);
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.FullName(), b.FullName());
    EXPECT_EQ(a.personnummer, b.personnummer);
    EXPECT_EQ(a.programme.rate, b.programme.rate);
    EXPECT_EQ(a.where.ToString(), b.where.ToString());
    EXPECT_EQ(a.programme.where.ToString(), b.programme.where.ToString());
    ASSERT_EQ(a.placements.size(), b.placements.size());
    EXPECT_EQ(a.placements[0].where.ToString(), b.placements[0].where.ToString());
    EXPECT_EQ(a.placements[0].description, b.placements[0].description);
  }
  EXPECT_EQ(read[2].where.line, 27);
}

// Read for identities only (as a render reads), the file reports only what the whole file
// decides (here a duplicate id); each trainee's own findings come when it is read, the same as
// ReadRecords reports for it, and the trainees are the same.
TEST(RecordsSource, IdentitiesNowAndEachTraineesFindingsWhenItIsRead) {
  std::string second = kGoodTrainee;
  second.replace(second.find("T-1"), 3, "T-2");
  second.replace(second.find("rate=\"75\" home"), 10, "rate=\"175\" home");  // out of range
  std::string third = second;
  third.replace(third.find("T-2"), 3, "T-3");
  third.replace(third.find("<placement"), 10, "<placement bogus=\"1\"");
  const std::string text = Wrap(kGoodTrainee + second + kGoodTrainee + third);  // T-1 twice
  Diagnostics whole_findings, file_findings;
  const RecordsFile whole = ReadRecords("in.xml", text, kToday, &whole_findings);
  const RecordsSource source("in.xml", text, kToday, &file_findings, nullptr, 2, TraineeReading::kIdentity);
  ASSERT_EQ(file_findings.size(), 1u);
  EXPECT_EQ(file_findings[0].rule, "records.duplicate-id");
  ASSERT_EQ(source.size(), 3u);
  for (size_t i = 0; i < source.size(); ++i) {
    SCOPED_TRACE(i);
    const Trainee& expected = whole.trainees[i];
    EXPECT_EQ(source.id(i), expected.id);
    EXPECT_EQ(source.given_name(i) + " " + source.family_name(i), expected.given_name + " " + expected.family_name);
    Diagnostics findings;
    const Trainee read = source.Read(i, &findings);
    EXPECT_EQ(read.programme.rate, expected.programme.rate);
    EXPECT_EQ(read.where.ToString(), expected.where.ToString());
    std::vector<std::string> got, want;
    for (const Diagnostic& d : findings) got.push_back(d.ToString() + " " + d.trainee_id);
    for (const Diagnostic& d : whole_findings)
      if (d.trainee_id == expected.id && d.rule != "records.duplicate-id") want.push_back(d.ToString() + " " + d.trainee_id);
    EXPECT_EQ(got, want);
    EXPECT_EQ(got.empty(), i == 0) << "T-2 and T-3 have findings, T-1 none of its own";
  }
}

// Read on several threads (in batches of 128 trainees), a file yields the same trainees and
// the same findings in the same order as on one; a duplicate id across batches included.
TEST(RecordsSource, ReadsTheSameOnSeveralThreads) {
  std::string trainees;
  for (int k = 0; k < 300; ++k) {
    std::string t = kGoodTrainee;
    const int id = k == 250 ? 7 : k;  // the 251st repeats the 8th's id, two batches later
    t.replace(t.find("T-1"), 3, "T-" + std::to_string(id));
    if (k % 7 == 3) t.replace(t.find("rate=\"75\" home"), 10, "rate=\"175\" home");
    if (k % 11 == 5) t.replace(t.find("<placement"), 10, "<placement bogus=\"1\"");
    trainees += t;
  }
  auto read = [&](const std::string& text, unsigned threads, Diagnostics* d) {
    const RecordsSource source("in.xml", text, kToday, d, nullptr, threads);
    std::vector<std::string> ids;
    for (size_t i = 0; i < source.size(); ++i) ids.push_back(source.id(i) + " " + source.given_name(i));
    return ids;
  };
  auto shown = [](const Diagnostics& d) {
    std::vector<std::string> out;
    for (const Diagnostic& x : d) out.push_back(x.ToString() + " " + x.trainee_id);
    return out;
  };
  Diagnostics one, three;
  const std::vector<std::string> ids = read(Wrap(trainees), 1, &one);
  EXPECT_EQ(ids.size(), 299u);  // the second T-7 is not kept (and the first not made)
  EXPECT_EQ(read(Wrap(trainees), 3, &three), ids);
  ASSERT_GT(one.size(), 60u);
  EXPECT_EQ(shown(three), shown(one));

  // A trainee that cannot be parsed, late in the file, refuses the file on any number.
  std::string broken = trainees;
  broken.insert(broken.find("<trainee id=\"T-280\""), "<trainee id=\"X\"><a></b></trainee>\n");
  Diagnostics refused_one, refused_three;
  EXPECT_TRUE(read(Wrap(broken), 1, &refused_one).empty());
  EXPECT_TRUE(read(Wrap(broken), 3, &refused_three).empty());
  ASSERT_EQ(refused_one.size(), 1u);
  EXPECT_EQ(shown(refused_three), shown(refused_one));
}

TEST(RecordsSource, ARefusedFileHasNoTrainees) {
  Diagnostics d;
  const RecordsSource source("in.xml", Wrap(kGoodTrainee) + "<oops>", kToday, &d);
  EXPECT_TRUE(source.file().refused);
  EXPECT_EQ(source.size(), 0u);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].rule.rfind("xml.", 0), 0u) << d[0].rule;
}

}  // namespace
}  // namespace stdok
