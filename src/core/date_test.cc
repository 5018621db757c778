#include "core/date.h"

#include <gtest/gtest.h>

namespace stdok {
namespace {

Date D(int y, int m, int d) { return Date{y, m, d}; }

TEST(DateTest, IsValidChecksCalendarAndRange) {
  EXPECT_TRUE(D(2024, 2, 29).IsValid());
  EXPECT_FALSE(D(2025, 2, 29).IsValid());
  EXPECT_TRUE(D(2000, 2, 29).IsValid());
  EXPECT_FALSE(D(1900, 2, 29).IsValid());
  EXPECT_FALSE(D(2025, 4, 31).IsValid());
  EXPECT_FALSE(D(2025, 13, 1).IsValid());
  EXPECT_FALSE(D(2025, 0, 1).IsValid());
  EXPECT_FALSE(D(2025, 1, 0).IsValid());
  EXPECT_TRUE(D(1900, 1, 1).IsValid());
  EXPECT_TRUE(D(2199, 12, 31).IsValid());
  EXPECT_FALSE(D(1899, 12, 31).IsValid());
  EXPECT_FALSE(D(2200, 1, 1).IsValid());
  EXPECT_FALSE(Date{}.IsValid());
}

TEST(DateTest, ParseIsoDateIsStrict) {
  EXPECT_EQ(ParseIsoDate("2026-11-22"), D(2026, 11, 22));
  EXPECT_EQ(ParseIsoDate("2024-02-29"), D(2024, 2, 29));
  EXPECT_EQ(ParseIsoDate("2025-02-30"), std::nullopt);
  EXPECT_EQ(ParseIsoDate("2025-2-3"), std::nullopt);
  EXPECT_EQ(ParseIsoDate("2025-02-03x"), std::nullopt);
  EXPECT_EQ(ParseIsoDate(" 2025-02-03"), std::nullopt);
  EXPECT_EQ(ParseIsoDate("2025/02/03"), std::nullopt);
  EXPECT_EQ(ParseIsoDate("2025-+2-03"), std::nullopt);
  EXPECT_EQ(ParseIsoDate("1899-12-31"), std::nullopt);
  EXPECT_EQ(ParseIsoDate(""), std::nullopt);
}

TEST(DateTest, DaysInMonth) {
  EXPECT_EQ(DaysInMonth(2024, 2), 29);
  EXPECT_EQ(DaysInMonth(2023, 2), 28);
  EXPECT_EQ(DaysInMonth(2100, 2), 28);
  EXPECT_EQ(DaysInMonth(2024, 4), 30);
  EXPECT_EQ(DaysInMonth(2024, 12), 31);
  EXPECT_EQ(DaysInMonth(2024, 13), 0);
}

TEST(DateTest, DaysFromCivilRoundTrips) {
  EXPECT_EQ(DaysFromCivil(D(1970, 1, 1)), 0);
  EXPECT_EQ(DaysFromCivil(D(1969, 12, 31)), -1);
  EXPECT_EQ(DaysFromCivil(D(2000, 3, 1)), 11017);
  EXPECT_EQ(DaysFromCivil(D(1900, 1, 1)), -25567);
  for (int64_t days = -25567; days < 84000; days += 13) {
    const Date date = CivilFromDays(days);
    ASSERT_TRUE(date.IsValid()) << days;
    ASSERT_EQ(DaysFromCivil(date), days);
  }
  EXPECT_EQ(CivilFromDays(19782), D(2024, 2, 29));
}

TEST(DateTest, AddDaysCrossesMonthsAndYears) {
  EXPECT_EQ(AddDays(D(2024, 2, 28), 1), D(2024, 2, 29));
  EXPECT_EQ(AddDays(D(2023, 2, 28), 1), D(2023, 3, 1));
  EXPECT_EQ(AddDays(D(2024, 12, 31), 1), D(2025, 1, 1));
  EXPECT_EQ(AddDays(D(2025, 1, 1), -1), D(2024, 12, 31));
  EXPECT_EQ(AddDays(D(2024, 1, 1), 366), D(2025, 1, 1));
}

TEST(DateTest, AddMonthsClampsDay) {
  EXPECT_EQ(AddMonths(D(2024, 1, 31), 1), D(2024, 2, 29));
  EXPECT_EQ(AddMonths(D(2025, 1, 31), 1), D(2025, 2, 28));
  EXPECT_EQ(AddMonths(D(2024, 3, 31), 1), D(2024, 4, 30));
  EXPECT_EQ(AddMonths(D(2024, 11, 15), 3), D(2025, 2, 15));
  EXPECT_EQ(AddMonths(D(2024, 1, 15), -1), D(2023, 12, 15));
  EXPECT_EQ(AddMonths(D(2024, 3, 31), -1), D(2024, 2, 29));
  EXPECT_EQ(AddMonths(D(2024, 5, 10), 24), D(2026, 5, 10));
  EXPECT_EQ(AddMonths(D(2024, 5, 10), 0), D(2024, 5, 10));
}

TEST(DateTest, CalendarMonthsInclusive) {
  EXPECT_DOUBLE_EQ(CalendarMonthsInclusive(D(2024, 9, 1), D(2025, 2, 28)), 6.0);
  EXPECT_DOUBLE_EQ(CalendarMonthsInclusive(D(2024, 1, 15), D(2024, 2, 14)), 1.0);
  EXPECT_DOUBLE_EQ(CalendarMonthsInclusive(D(2024, 1, 1), D(2024, 1, 15)), 0.5);
  EXPECT_DOUBLE_EQ(CalendarMonthsInclusive(D(2024, 1, 1), D(2024, 1, 1)), 1.0 / 30.0);
  EXPECT_DOUBLE_EQ(CalendarMonthsInclusive(D(2024, 1, 1), D(2024, 12, 31)), 12.0);
  EXPECT_DOUBLE_EQ(CalendarMonthsInclusive(D(2024, 2, 1), D(2024, 2, 29)), 1.0);
  // 01-31 + 1 month clamps to 02-29, so one month plus the day 03-01.
  EXPECT_DOUBLE_EQ(CalendarMonthsInclusive(D(2024, 1, 31), D(2024, 2, 29)), 1.0 + 1.0 / 30.0);
  EXPECT_DOUBLE_EQ(CalendarMonthsInclusive(D(2024, 9, 1), D(2025, 3, 15)), 6.5);
}

TEST(DateTest, Formatting) {
  EXPECT_EQ(FormatIso(D(2026, 11, 22)), "2026-11-22");
  EXPECT_EQ(FormatIso(D(1905, 1, 2)), "1905-01-02");
  EXPECT_EQ(FormatYymmdd(D(2026, 11, 22)), "261122");
  EXPECT_EQ(FormatYymmdd(D(1905, 1, 2)), "050102");
  EXPECT_EQ(FormatYymmdd(D(2000, 12, 31)), "001231");
}

TEST(DateTest, PeriodOverlapsIsInclusive) {
  const Period a{D(2024, 1, 1), D(2024, 1, 31)};
  EXPECT_TRUE(a.Overlaps({D(2024, 1, 31), D(2024, 2, 10)}));
  EXPECT_TRUE(a.Overlaps({D(2023, 12, 1), D(2024, 1, 1)}));
  EXPECT_TRUE(a.Overlaps({D(2024, 1, 10), D(2024, 1, 12)}));
  EXPECT_FALSE(a.Overlaps({D(2024, 2, 1), D(2024, 2, 10)}));
  EXPECT_FALSE(a.Overlaps({D(2023, 12, 1), D(2023, 12, 31)}));
}

}  // namespace
}  // namespace stdok
