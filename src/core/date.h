// Calendar dates (proleptic Gregorian, no time zone) and the arithmetic the rules need.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace stdok {

struct Date {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31

  bool IsValid() const;  // a real calendar day between year 1900 and 2199
  auto operator<=>(const Date&) const = default;
};

// Strict "YYYY-MM-DD". Rejects 2025-02-30, "2025-2-3", trailing text.
std::optional<Date> ParseIsoDate(std::string_view text);

int DaysInMonth(int year, int month);
// Days since 1970-01-01 (negative before). REQUIRES: date.IsValid().
int64_t DaysFromCivil(const Date& date);
Date CivilFromDays(int64_t days);

Date AddDays(const Date& date, int64_t days);
// Adds calendar months; a day past the end of the target month is clamped (01-31 + 1 = 02-28).
Date AddMonths(const Date& date, int months);

// Inclusive period length as calendar months: whole months from `first`, then the remaining
// days as a fraction of 30. 2024-09-01..2025-02-28 = 6.0; 2024-01-15..2024-02-14 = 1.0.
// REQUIRES: first <= last.
double CalendarMonthsInclusive(const Date& first, const Date& last);

std::string FormatIso(const Date& date);     // "2026-11-22"
std::string FormatYymmdd(const Date& date);  // "261122" (ååmmdd, as Socialstyrelsen's forms ask)

// An inclusive period of days.
struct Period {
  Date first;
  Date last;
  bool Overlaps(const Period& other) const { return first <= other.last && other.first <= last; }
};

}  // namespace stdok
