// Swedish personnummer and samordningsnummer (Skatteverket): parsing, check digit, masking.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"

namespace stdok {

struct PersonalNumber {
  Date birth_date;               // the real birth date (day - 60 for samordningsnummer)
  bool is_coordination = false;  // samordningsnummer
  std::string canonical;         // "YYYYMMDD-NNNK" (12 digits; day as written, i.e. +60 kept)
};

enum class PersonalNumberError { kNone, kFormat, kDate, kCheckDigit };

// Accepts "YYYYMMDD-NNNK", "YYYYMMDDNNNK", "YYMMDD-NNNK", "YYMMDD+NNNK", "YYMMDDNNNK".
// A 10-digit form takes the century that makes the person at most 99 years old on `today`
// (100 or more with '+'). On failure returns nullopt and sets *error.
std::optional<PersonalNumber> ParsePersonalNumber(std::string_view text, const Date& today,
                                                  PersonalNumberError* error);

// Luhn check digit over the 9 digits YYMMDDNNN (weights 2,1,2,...).
int PersonalNumberCheckDigit(std::string_view nine_digits);

// For logs and messages: keeps the date part, hides the rest. "19850312-1234" -> "19850312-****",
// "850312-1234" -> "850312-****". Anything unrecognizable becomes "****".
std::string MaskPersonalNumber(std::string_view text);

}  // namespace stdok
