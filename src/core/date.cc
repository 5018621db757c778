#include "core/date.h"

#include <cstdio>

namespace stdok {
namespace {

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

bool ParseDigits(std::string_view text, int* value) {
  int result = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    result = result * 10 + (c - '0');
  }
  *value = result;
  return true;
}

}  // namespace

bool Date::IsValid() const {
  return year >= 1900 && year <= 2199 && month >= 1 && month <= 12 && day >= 1 &&
         day <= DaysInMonth(year, month);
}

std::optional<Date> ParseIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  Date date;
  if (!ParseDigits(text.substr(0, 4), &date.year) || !ParseDigits(text.substr(5, 2), &date.month) ||
      !ParseDigits(text.substr(8, 2), &date.day) || !date.IsValid()) {
    return std::nullopt;
  }
  return date;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

// Howard Hinnant's days_from_civil / civil_from_days (public domain algorithms).
int64_t DaysFromCivil(const Date& date) {
  const int64_t y = date.year - (date.month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = (date.month + 9) % 12;  // March = 0
  const int64_t doy = (153 * mp + 2) / 5 + date.day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date CivilFromDays(int64_t days) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t doe = days - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  Date date;
  date.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  date.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  date.year = static_cast<int>(yoe + era * 400 + (date.month <= 2 ? 1 : 0));
  return date;
}

Date AddDays(const Date& date, int64_t days) { return CivilFromDays(DaysFromCivil(date) + days); }

Date AddMonths(const Date& date, int months) {
  const int64_t total = int64_t{date.year} * 12 + (date.month - 1) + months;
  const int64_t year = total >= 0 ? total / 12 : (total - 11) / 12;
  Date result;
  result.year = static_cast<int>(year);
  result.month = static_cast<int>(total - year * 12 + 1);
  const int last_day = DaysInMonth(result.year, result.month);
  result.day = date.day > last_day ? last_day : date.day;
  return result;
}

double CalendarMonthsInclusive(const Date& first, const Date& last) {
  const Date end = AddDays(last, 1);
  // The month difference is an upper bound; day clamping can make it one too many.
  int months = (end.year - first.year) * 12 + (end.month - first.month);
  while (months > 0 && AddMonths(first, months) > end) --months;
  const int64_t rest = DaysFromCivil(end) - DaysFromCivil(AddMonths(first, months));
  return months + static_cast<double>(rest) / 30.0;
}

std::string FormatIso(const Date& date) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buffer;
}

std::string FormatYymmdd(const Date& date) {
  char buffer[48];
  const int yy = ((date.year % 100) + 100) % 100;
  std::snprintf(buffer, sizeof buffer, "%02d%02d%02d", yy, date.month, date.day);
  return buffer;
}

}  // namespace stdok
