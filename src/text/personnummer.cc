#include "text/personnummer.h"

namespace stdok {
namespace {

bool AllDigits(std::string_view text) {
  for (char c : text)
    if (c < '0' || c > '9') return false;
  return !text.empty();
}

int TwoDigits(std::string_view text, size_t pos) { return (text[pos] - '0') * 10 + (text[pos + 1] - '0'); }

std::string_view TrimAscii(std::string_view text) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

// The recognized shapes, split into the date part, the separator and the last four digits.
struct Parts {
  std::string_view date;  // YYYYMMDD or YYMMDD
  char separator = '-';
  std::string_view tail;  // NNNK
};

std::optional<Parts> Split(std::string_view text) {
  Parts parts;
  if (text.size() == 13 && text[8] == '-') {
    parts = {text.substr(0, 8), '-', text.substr(9)};
  } else if (text.size() == 12) {
    parts = {text.substr(0, 8), '-', text.substr(8)};
  } else if (text.size() == 11 && (text[6] == '-' || text[6] == '+')) {
    parts = {text.substr(0, 6), text[6], text.substr(7)};
  } else if (text.size() == 10) {
    parts = {text.substr(0, 6), '-', text.substr(6)};
  } else {
    return std::nullopt;
  }
  if (!AllDigits(parts.date) || !AllDigits(parts.tail)) return std::nullopt;
  return parts;
}

std::optional<PersonalNumber> Fail(PersonalNumberError reason, PersonalNumberError* error) {
  if (error != nullptr) *error = reason;
  return std::nullopt;
}

}  // namespace

int PersonalNumberCheckDigit(std::string_view nine_digits) {
  if (nine_digits.size() != 9 || !AllDigits(nine_digits)) return -1;
  int sum = 0;
  for (size_t i = 0; i < 9; ++i) {
    int product = (nine_digits[i] - '0') * (i % 2 == 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - sum % 10) % 10;
}

std::optional<PersonalNumber> ParsePersonalNumber(std::string_view text, const Date& today,
                                                  PersonalNumberError* error) {
  const std::optional<Parts> parts = Split(TrimAscii(text));
  if (!parts) return Fail(PersonalNumberError::kFormat, error);

  const std::string_view yymmdd = parts->date.substr(parts->date.size() - 6);
  const int written_day = TwoDigits(yymmdd, 4);
  PersonalNumber result;
  result.is_coordination = written_day >= 61 && written_day <= 91;
  result.birth_date.month = TwoDigits(yymmdd, 2);
  result.birth_date.day = result.is_coordination ? written_day - 60 : written_day;
  if (parts->date.size() == 8) {
    result.birth_date.year = TwoDigits(parts->date, 0) * 100 + TwoDigits(yymmdd, 0);
  } else {
    // The latest year ending in YY whose birthday is not after today: age 0..99 ('-').
    const int yy = TwoDigits(yymmdd, 0);
    Date& birth = result.birth_date;
    birth.year = today.year - (((today.year - yy) % 100) + 100) % 100;
    if (birth > today) birth.year -= 100;
    if (parts->separator == '+') birth.year -= 100;  // 100 years or older
  }
  // A birth date after today cannot be right either.
  if (!result.birth_date.IsValid() || result.birth_date > today) {
    return Fail(PersonalNumberError::kDate, error);
  }

  const std::string nine = std::string(yymmdd) + std::string(parts->tail.substr(0, 3));
  if (PersonalNumberCheckDigit(nine) != parts->tail[3] - '0') {
    return Fail(PersonalNumberError::kCheckDigit, error);
  }

  result.canonical = std::to_string(result.birth_date.year / 100) + std::string(yymmdd) + "-" +
                     std::string(parts->tail);
  if (error != nullptr) *error = PersonalNumberError::kNone;
  return result;
}

std::string MaskPersonalNumber(std::string_view text) {
  const std::optional<Parts> parts = Split(TrimAscii(text));
  if (!parts) return "****";
  return std::string(parts->date) + parts->separator + "****";
}

}  // namespace stdok
