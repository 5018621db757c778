#include "text/personnummer.h"

#include <gtest/gtest.h>

#include <string>

namespace stdok {
namespace {

const Date kToday{2025, 6, 15};

// Parses and expects success.
PersonalNumber Parse(std::string_view text, const Date& today = kToday) {
  PersonalNumberError error = PersonalNumberError::kFormat;
  std::optional<PersonalNumber> result = ParsePersonalNumber(text, today, &error);
  EXPECT_TRUE(result.has_value()) << text << " error " << static_cast<int>(error);
  EXPECT_EQ(error, PersonalNumberError::kNone) << text;
  return result.value_or(PersonalNumber{});
}

// Parses and returns the error (kNone if it unexpectedly parsed).
PersonalNumberError ParseError(std::string_view text, const Date& today = kToday) {
  PersonalNumberError error = PersonalNumberError::kNone;
  std::optional<PersonalNumber> result = ParsePersonalNumber(text, today, &error);
  EXPECT_FALSE(result.has_value()) << text;
  return error;
}

TEST(PersonnummerTest, CheckDigit) {
  EXPECT_EQ(PersonalNumberCheckDigit("811218987"), 6);
  EXPECT_EQ(PersonalNumberCheckDigit("701063239"), 1);
  EXPECT_EQ(PersonalNumberCheckDigit("850312123"), 1);
  EXPECT_EQ(PersonalNumberCheckDigit("850230123"), 0);
  EXPECT_EQ(PersonalNumberCheckDigit("81121898"), -1);
  EXPECT_EQ(PersonalNumberCheckDigit("8112189870"), -1);
  EXPECT_EQ(PersonalNumberCheckDigit("81121898a"), -1);
}

TEST(PersonnummerTest, KnownValidNumber) {
  const PersonalNumber p = Parse("811218-9876");
  EXPECT_EQ(p.birth_date, (Date{1981, 12, 18}));
  EXPECT_FALSE(p.is_coordination);
  EXPECT_EQ(p.canonical, "19811218-9876");
}

TEST(PersonnummerTest, Samordningsnummer) {
  const PersonalNumber p = Parse("701063-2391");
  EXPECT_EQ(p.birth_date, (Date{1970, 10, 3}));
  EXPECT_TRUE(p.is_coordination);
  EXPECT_EQ(p.canonical, "19701063-2391");

  const PersonalNumber last_day = Parse("850191-1237");  // day 91 = the 31st
  EXPECT_EQ(last_day.birth_date, (Date{1985, 1, 31}));
  EXPECT_TRUE(last_day.is_coordination);
}

TEST(PersonnummerTest, SamordningsnummerShapesErrorsAndMask) {
  const PersonalNumber twelve = Parse("197010632391");
  EXPECT_TRUE(twelve.is_coordination);
  EXPECT_EQ(twelve.canonical, "19701063-2391");
  EXPECT_EQ(ParseError("701063-2392"), PersonalNumberError::kCheckDigit);
  EXPECT_EQ(ParseError("701093-2391"), PersonalNumberError::kDate);  // day 93: not 61..91
  EXPECT_EQ(MaskPersonalNumber("19701063-2391"), "19701063-****");
}

TEST(PersonnummerTest, AllAcceptedShapes) {
  for (const char* text : {"19850312-1231", "198503121231", "850312-1231", "8503121231", " 850312-1231\n"}) {
    const PersonalNumber p = Parse(text);
    EXPECT_EQ(p.birth_date, (Date{1985, 3, 12})) << text;
    EXPECT_EQ(p.canonical, "19850312-1231") << text;
  }
}

TEST(PersonnummerTest, CenturyFromToday) {
  EXPECT_EQ(Parse("050101-2348").birth_date, (Date{2005, 1, 1}));
  EXPECT_EQ(Parse("050101+2348").birth_date, (Date{1905, 1, 1}));
  EXPECT_EQ(Parse("050101+2348").canonical, "19050101-2348");
  EXPECT_EQ(Parse("19050101-2348").birth_date, (Date{1905, 1, 1}));
  EXPECT_EQ(Parse("991231-9994").birth_date, (Date{1999, 12, 31}));
  EXPECT_EQ(Parse("000229-1235").birth_date, (Date{2000, 2, 29}));
  // Born today is age 0; born tomorrow's date means 99 years old.
  EXPECT_EQ(Parse("250615-1238").birth_date, (Date{2025, 6, 15}));
  EXPECT_EQ(Parse("250616-1237").birth_date, (Date{1925, 6, 16}));
  EXPECT_EQ(Parse("250301-1237", Date{2025, 2, 1}).canonical, "19250301-1237");
  EXPECT_EQ(Parse("250101-1239", Date{2025, 2, 1}).canonical, "20250101-1239");
}

TEST(PersonnummerTest, FormatErrors) {
  for (const char* text : {"", "85031-21231", "850312 1231", "8503121231x", "850312-123", "19850312+1231",
                           "abcdef-ghij", "850312--1231", "850312\xE2\x80\x93" "1231", "1985-03-12-1231",
                           "8503121231123", "850312/1231", "-850312123"}) {
    EXPECT_EQ(ParseError(text), PersonalNumberError::kFormat) << text;
  }
}

TEST(PersonnummerTest, DateErrors) {
  EXPECT_EQ(ParseError("850230-1230"), PersonalNumberError::kDate);    // 30 February
  EXPECT_EQ(ParseError("851312-1239"), PersonalNumberError::kDate);    // month 13
  EXPECT_EQ(ParseError("850300-1235"), PersonalNumberError::kDate);    // day 0
  EXPECT_EQ(ParseError("850431-1237"), PersonalNumberError::kDate);    // 31 April
  EXPECT_EQ(ParseError("850160-1234"), PersonalNumberError::kDate);    // coordination day 0
  EXPECT_EQ(ParseError("850192-1236"), PersonalNumberError::kDate);    // coordination day 32
  EXPECT_EQ(ParseError("000229+1235"), PersonalNumberError::kDate);    // 1900 is not a leap year
  EXPECT_EQ(ParseError("20300101-1232"), PersonalNumberError::kDate);  // not born yet
}

TEST(PersonnummerTest, CheckDigitErrors) {
  EXPECT_EQ(ParseError("811218-9875"), PersonalNumberError::kCheckDigit);
  EXPECT_EQ(ParseError("811218-9870"), PersonalNumberError::kCheckDigit);
  EXPECT_EQ(ParseError("19701063-2392"), PersonalNumberError::kCheckDigit);
  EXPECT_EQ(ParseError("8503121232"), PersonalNumberError::kCheckDigit);
}

TEST(PersonnummerTest, NullErrorPointerIsAllowed) {
  EXPECT_TRUE(ParsePersonalNumber("811218-9876", kToday, nullptr).has_value());
  EXPECT_FALSE(ParsePersonalNumber("811218-9875", kToday, nullptr).has_value());
}

TEST(PersonnummerTest, Mask) {
  EXPECT_EQ(MaskPersonalNumber("19850312-1234"), "19850312-****");
  EXPECT_EQ(MaskPersonalNumber("850312-1234"), "850312-****");
  EXPECT_EQ(MaskPersonalNumber("850312+1234"), "850312+****");
  EXPECT_EQ(MaskPersonalNumber("198503121234"), "19850312-****");
  EXPECT_EQ(MaskPersonalNumber("8503121234"), "850312-****");
  EXPECT_EQ(MaskPersonalNumber(""), "****");
  EXPECT_EQ(MaskPersonalNumber("hello"), "****");
  EXPECT_EQ(MaskPersonalNumber("85031212345"), "****");
  EXPECT_EQ(MaskPersonalNumber("850312-12345"), "****");
}

TEST(PersonnummerTest, MaskNeverLeaksTheLastFourDigits) {
  for (const char* text : {"19850312-9876", "198503129876", "850312-9876", "850312+9876", "8503129876",
                           "850312-98765", "8503129876x", "x8503129876", "9876", "85-03-12-9876"}) {
    const std::string masked = MaskPersonalNumber(text);
    EXPECT_EQ(masked.find("9876"), std::string::npos) << text << " -> " << masked;
    EXPECT_EQ(masked.find("876"), std::string::npos) << text << " -> " << masked;
  }
}

}  // namespace
}  // namespace stdok
