// Swedish presentation of dates and numbers (ICU "sv" locale).
#pragma once

#include <string>
#include <string_view>

#include "core/date.h"

namespace stdok {

std::string FormatDateProse(const Date& date);  // "22 november 2026"
// Fixed decimals, decimal comma, no-break-space thousands: 1234.5,2 -> "1 234,50".
std::string FormatDecimal(double value, int decimals);
// As a Swedish reader writes a number: at most `max_decimals`, trailing zeros and a bare comma
// dropped: 1.5 -> "1,5", 2.0 -> "2", 12000 -> "12 000", 0.125,2 -> "0,13".
std::string FormatNumber(double value, int max_decimals);
// "100 %", "62,5 %" (at most one decimal, trailing ",0" dropped; U+00A0 before '%').
std::string FormatPercent(double percent);
// Whole kronor: 12500 -> "12 500 kr" (U+00A0 between the groups and before "kr", so an
// amount never breaks across lines).
std::string FormatMoney(double kronor);
// A count in running text: 0 to 12 as a word ("en", "två" … "tolv", as in "två gånger"),
// other numbers as digits with at most one decimal ("13", "1,5").
std::string FormatCount(double count);
// A title as it reads after a name and a comma: the first letter in lower case ("Anna Lind,
// överläkare"), unless the title starts with an abbreviation ("ST-studierektor", "BT-chef").
std::string TitleAfterComma(std::string_view title);
// The text in lower case (Swedish rules, all letters, not only ASCII).
std::string LowerCase(std::string_view text);
std::string UpperCase(std::string_view text);

}  // namespace stdok
