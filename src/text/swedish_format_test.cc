#include "text/swedish_format.h"

#include <gtest/gtest.h>

#include <string>

namespace stdok {
namespace {

const std::string kNbsp = "\xC2\xA0";  // U+00A0 NO-BREAK SPACE

TEST(SwedishFormatTest, DateProseUsesSwedishMonthNames) {
  EXPECT_EQ(FormatDateProse(Date{2026, 11, 22}), "22 november 2026");
  EXPECT_EQ(FormatDateProse(Date{2025, 1, 1}), "1 januari 2025");
  EXPECT_EQ(FormatDateProse(Date{2024, 12, 31}), "31 december 2024");
  EXPECT_EQ(FormatDateProse(Date{2024, 2, 29}), "29 februari 2024");
  EXPECT_EQ(FormatDateProse(Date{1950, 5, 7}), "7 maj 1950");
  EXPECT_EQ(FormatDateProse(Date{2030, 8, 15}), "15 augusti 2030");
  const char* months[] = {"januari", "februari", "mars",      "april",   "maj",      "juni",
                          "juli",    "augusti",  "september", "oktober", "november", "december"};
  for (int m = 1; m <= 12; ++m) {
    EXPECT_EQ(FormatDateProse(Date{2025, m, 1}), "1 " + std::string(months[m - 1]) + " 2025");
  }
}

TEST(SwedishFormatTest, DateProseFallsBackToIsoForInvalidDates) {
  EXPECT_EQ(FormatDateProse(Date{2025, 2, 30}), "2025-02-30");
}

TEST(SwedishFormatTest, DecimalUsesCommaAndNoBreakSpace) {
  EXPECT_EQ(FormatDecimal(1234.5, 2), "1" + kNbsp + "234,50");
  EXPECT_EQ(FormatDecimal(1234567.891, 2), "1" + kNbsp + "234" + kNbsp + "567,89");
  EXPECT_EQ(FormatDecimal(999.999, 2), "1" + kNbsp + "000,00");
  EXPECT_EQ(FormatDecimal(123, 0), "123");
  EXPECT_EQ(FormatDecimal(0, 2), "0,00");
  EXPECT_EQ(FormatDecimal(0.5, 0), "1");
  EXPECT_EQ(FormatDecimal(2.675, 2), "2,68");  // shortest decimal form, half away from zero
  EXPECT_EQ(FormatDecimal(0.001, 2), "0,00");
  std::string big = "1";
  for (int i = 0; i < 7; ++i) big += kNbsp + "000";
  EXPECT_EQ(FormatDecimal(1e21, 0), big);  // to_chars gives all digits, no exponent
}

TEST(SwedishFormatTest, DecimalNegatives) {
  EXPECT_EQ(FormatDecimal(-1234.5, 1), "-1" + kNbsp + "234,5");
  EXPECT_EQ(FormatDecimal(-0.5, 0), "-1");
  EXPECT_EQ(FormatDecimal(-0.0, 2), "0,00");
  EXPECT_EQ(FormatDecimal(-0.001, 2), "0,00");  // no "-0,00"
}

TEST(SwedishFormatTest, Percent) {
  EXPECT_EQ(FormatPercent(100), "100" + kNbsp + "%");
  EXPECT_EQ(FormatPercent(62.5), "62,5" + kNbsp + "%");
  EXPECT_EQ(FormatPercent(62.25), "62,3" + kNbsp + "%");
  EXPECT_EQ(FormatPercent(99.96), "100" + kNbsp + "%");
  EXPECT_EQ(FormatPercent(0), "0" + kNbsp + "%");
  EXPECT_EQ(FormatPercent(33.333333), "33,3" + kNbsp + "%");
}

TEST(SwedishFormatTest, Money) {
  EXPECT_EQ(FormatMoney(12500), "12" + kNbsp + "500" + kNbsp + "kr");
  EXPECT_EQ(FormatMoney(999), "999" + kNbsp + "kr");
  EXPECT_EQ(FormatMoney(1234567.4), "1" + kNbsp + "234" + kNbsp + "567" + kNbsp + "kr");
  EXPECT_EQ(FormatMoney(12500.5), "12" + kNbsp + "501" + kNbsp + "kr");
  EXPECT_EQ(FormatMoney(0), "0" + kNbsp + "kr");
}

// Task: counts in running text are words up to twelve ("två gånger").
TEST(SwedishFormatTest, CountsUpToTwelveAreWords) {
  EXPECT_EQ(FormatCount(1), "en");
  EXPECT_EQ(FormatCount(2), "två");
  EXPECT_EQ(FormatCount(8), "åtta");
  EXPECT_EQ(FormatCount(12), "tolv");
  EXPECT_EQ(FormatCount(13), "13");
  EXPECT_EQ(FormatCount(1.5), "1,5");
  EXPECT_EQ(FormatCount(1000), "1" + kNbsp + "000");
}

// Task: "Anna Lind, överläkare": a title after a comma starts in lower case, also with a
// capital outside ASCII; an abbreviation keeps its capitals.
TEST(SwedishFormatTest, TitleAfterComma) {
  EXPECT_EQ(TitleAfterComma("Överläkare"), "överläkare");
  EXPECT_EQ(TitleAfterComma("Verksamhetschef"), "verksamhetschef");
  EXPECT_EQ(TitleAfterComma("Överläkare, docent"), "överläkare, docent");
  EXPECT_EQ(TitleAfterComma("ST-studierektor, Sundsvalls sjukhus"), "ST-studierektor, Sundsvalls sjukhus");
  EXPECT_EQ(TitleAfterComma("BT-chef"), "BT-chef");
  EXPECT_EQ(TitleAfterComma("överläkare"), "överläkare");
  EXPECT_EQ(TitleAfterComma(""), "");
  EXPECT_EQ(LowerCase("Öron-, näs- och halssjukdomar"), "öron-, näs- och halssjukdomar");
  EXPECT_EQ(UpperCase("Bălan"), "BĂLAN");
}

TEST(SwedishFormatTest, NumberAsASwedishReaderWritesIt) {
  EXPECT_EQ(FormatNumber(1.5, 2), "1,5");
  EXPECT_EQ(FormatNumber(2.0, 2), "2");
  EXPECT_EQ(FormatNumber(12000, 2), "12" + kNbsp + "000");
  EXPECT_EQ(FormatNumber(1.25, 2), "1,25");
  EXPECT_EQ(FormatNumber(1.996, 2), "2");
  EXPECT_EQ(FormatNumber(0.125, 1), "0,1");
  EXPECT_EQ(FormatNumber(-0.001, 2), "0");
  EXPECT_EQ(FormatNumber(100, 0), "100");  // zeros before the comma stay
}

}  // namespace
}  // namespace stdok
