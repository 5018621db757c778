// Swedish presentation of dates and numbers (ICU "sv" locale).
#pragma once

#include <string>

#include "core/date.h"

namespace stdok {

std::string FormatDateProse(const Date& date);  // "22 november 2026"
// Fixed decimals, decimal comma, no-break-space thousands: 1234.5,2 -> "1 234,50".
std::string FormatDecimal(double value, int decimals);
// "100 %", "62,5 %" (at most one decimal, trailing ",0" dropped; U+00A0 before '%').
std::string FormatPercent(double percent);
// Whole kronor: 12500 -> "12 500 kr".
std::string FormatMoney(double kronor);

}  // namespace stdok
