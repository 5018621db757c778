#include "text/swedish_format.h"

#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <charconv>
#include <cmath>
#include <memory>
#include <system_error>

namespace stdok {
namespace {

constexpr char kNoBreakSpace[] = "\xC2\xA0";  // U+00A0, also ICU's "sv" grouping separator

// One formatter per thread: icu::SimpleDateFormat::format is not safe to share.
icu::SimpleDateFormat* ThreadDateFormat() {
  thread_local std::unique_ptr<icu::SimpleDateFormat> format = [] {
    UErrorCode status = U_ZERO_ERROR;
    auto created = std::make_unique<icu::SimpleDateFormat>(icu::UnicodeString(u"d MMMM y"),
                                                           icu::Locale("sv"), status);
    if (U_FAILURE(status)) return std::unique_ptr<icu::SimpleDateFormat>();
    created->setTimeZone(*icu::TimeZone::getGMT());
    return created;
  }();
  return format.get();
}

// Rounds a decimal digit string (digits only, `fraction` of them after the point) to
// `decimals` fraction digits, half away from zero. Returns the digits with the point inserted.
std::string RoundDigits(std::string digits, size_t fraction, size_t decimals) {
  while (fraction < decimals) {
    digits += '0';
    ++fraction;
  }
  const size_t keep = digits.size() - (fraction - decimals);
  const bool round_up = keep < digits.size() && digits[keep] >= '5';
  digits.resize(keep);
  for (size_t i = digits.size(); round_up && i-- > 0;) {
    if (digits[i] == '9') {
      digits[i] = '0';
      if (i == 0) digits.insert(digits.begin(), '1');
    } else {
      ++digits[i];
      break;
    }
  }
  if (decimals > 0) digits.insert(digits.size() - decimals, ".");  // >= 1 integer digit remains
  return digits;
}

}  // namespace

std::string FormatDateProse(const Date& date) {
  icu::SimpleDateFormat* format = ThreadDateFormat();
  if (!date.IsValid() || format == nullptr) return FormatIso(date);
  const UDate millis = static_cast<double>(DaysFromCivil(date)) * 86400000.0;
  icu::UnicodeString text;
  format->format(millis, text);
  std::string out;
  return text.toUTF8String(out);
}

// Hand-made rather than ICU's: ICU "sv" writes negatives with U+2212 MINUS SIGN, which has no
// WinAnsi code; here the sign is ASCII '-'. Rounding is half away from zero on the shortest
// decimal form of the double (so 2.675 -> "2,68", as a reader expects).
std::string FormatDecimal(double value, int decimals) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value < 0 ? "-inf" : "inf";
  if (decimals < 0) decimals = 0;
  if (decimals > 20) decimals = 20;

  char buffer[400];  // fixed notation of DBL_MAX has 309 digits
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, std::fabs(value),
                                    std::chars_format::fixed);
  if (result.ec != std::errc()) return "NaN";
  std::string plain(buffer, result.ptr);
  const size_t point = plain.find('.');
  size_t fraction = 0;
  if (point != std::string::npos) {
    fraction = plain.size() - point - 1;
    plain.erase(point, 1);
  }
  const std::string rounded = RoundDigits(plain, fraction, static_cast<size_t>(decimals));

  const size_t int_end = rounded.find('.') == std::string::npos ? rounded.size() : rounded.find('.');
  std::string out;
  for (size_t i = 0; i < int_end; ++i) {
    if (i > 0 && (int_end - i) % 3 == 0) out += kNoBreakSpace;
    out += rounded[i];
  }
  if (int_end < rounded.size()) out += "," + rounded.substr(int_end + 1);
  const bool is_zero = rounded.find_first_not_of("0.") == std::string::npos;
  return value < 0 && !is_zero ? "-" + out : out;
}

std::string FormatNumber(double value, int max_decimals) {
  std::string number = FormatDecimal(value, max_decimals);
  const size_t comma = number.find(',');
  if (comma == std::string::npos || !std::isfinite(value)) return number;
  size_t end = number.find_last_not_of('0');
  if (end == comma) --end;
  number.resize(end + 1);
  if (number == "-0") return "0";
  return number;
}

std::string FormatPercent(double percent) {
  return FormatNumber(percent, 1) + kNoBreakSpace + "%";
}

std::string FormatMoney(double kronor) { return FormatDecimal(kronor, 0) + kNoBreakSpace + "kr"; }

std::string FormatCount(double count) {
  static const char* const kWords[] = {"noll", "en",  "två", "tre", "fyra", "fem", "sex",
                                       "sju",  "åtta", "nio", "tio", "elva", "tolv"};
  if (count >= 0 && count <= 12 && count == std::floor(count)) return kWords[static_cast<int>(count)];
  return FormatNumber(count, 1);
}

std::string TitleAfterComma(std::string_view title) {
  const int32_t length = static_cast<int32_t>(title.size());
  int32_t i = 0;
  UChar32 first;
  U8_NEXT(title.data(), i, length, first);
  if (first < 0 || !u_isupper(first)) return std::string(title);
  const int32_t rest = i;
  if (i < length) {
    UChar32 second;
    U8_NEXT(title.data(), i, length, second);
    if (second >= 0 && u_isupper(second)) return std::string(title);  // "ST-…", "BT-…"
  }
  std::string out;
  icu::UnicodeString(static_cast<UChar32>(u_tolower(first))).toUTF8String(out);
  out.append(title.substr(static_cast<size_t>(rest)));
  return out;
}

std::string LowerCase(std::string_view text) {
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())))
      .toLower(icu::Locale("sv"))
      .toUTF8String(out);
  return out;
}

std::string UpperCase(std::string_view text) {
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())))
      .toUpper(icu::Locale("sv"))
      .toUTF8String(out);
  return out;
}

}  // namespace stdok
