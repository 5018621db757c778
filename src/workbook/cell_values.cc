#include "workbook/cell_values.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>

#include "core/date.h"
#include "text/personnummer.h"
#include "text/unicode.h"

namespace stdok {
namespace {

// Non-breaking, narrow and other Unicode spaces become plain spaces.
std::string PlainSpaces(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    const int32_t c = NextUtf8(text, &i);
    if (c == 0xA0 || c == 0x202F || c == 0x2007 || (c >= 0x2000 && c <= 0x200A) || c == 0x3000 || c == '\t')
      out += ' ';
    else if (c == 0xFEFF || c == 0x200B)
      continue;
    else
      out.append(text, start, i - start);
  }
  return out;
}

std::string FormatNumber(double value) {
  if (std::fabs(value) < 1e15 && value == std::floor(value)) return std::to_string(static_cast<long long>(value));
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.15g", value);
  return buffer;
}

std::string Quoted(const Cell& cell) {
  std::string text = CellText(cell);
  if (text.size() > 60) text = text.substr(0, 57) + "…";
  return "'" + text + "'";
}

std::optional<double> ParseDecimal(std::string text) {
  std::string clean;
  for (char c : text)
    if (c != ' ') clean += c == ',' ? '.' : c;
  if (clean.empty()) return std::nullopt;
  char* end = nullptr;
  const double value = std::strtod(clean.c_str(), &end);
  if (*end != '\0' || !std::isfinite(value) || clean.find_first_of("xXpPnNiI") != std::string::npos)
    return std::nullopt;
  return value;
}

std::optional<Date> DateFromSerial(double serial, bool date1904) {
  if (!std::isfinite(serial) || serial < 1 || serial > 200000) return std::nullopt;
  long days = static_cast<long>(std::floor(serial));
  // The 1900 system counts a 29 February 1900 that never was: serial 60. Day 1 is 1900-01-01.
  if (date1904) return AddDays(Date{1904, 1, 1}, days);
  if (days == 60) return std::nullopt;
  if (days > 60) --days;
  return AddDays(Date{1899, 12, 31}, days);
}

std::optional<Date> DateFromText(const std::string& text) {
  if (auto date = ParseIsoDate(text)) return date;
  if (text.size() == 19 && text.substr(10) == " 00:00:00") return ParseIsoDate(text.substr(0, 10));
  if (text.size() == 19 && text[10] == 'T' && text.substr(11) == "00:00:00") return ParseIsoDate(text.substr(0, 10));
  int y, m, d;
  char tail;
  if (text.size() == 8 && std::sscanf(text.c_str(), "%4d%2d%2d%c", &y, &m, &d, &tail) == 3) {
    Date date{y, m, d};
    if (date.IsValid()) return date;
  }
  if (std::sscanf(text.c_str(), "%d/%d/%d%c", &d, &m, &y, &tail) == 3 && y >= 1900) {
    Date date{y, m, d};
    if (date.IsValid()) return date;
  }
  return std::nullopt;
}

}  // namespace

std::string CellText(const Cell& cell, bool keep_lines) {
  switch (cell.kind) {
    case Cell::Kind::kEmpty: return "";
    case Cell::Kind::kNumber: return FormatNumber(cell.number);
    case Cell::Kind::kBool: return cell.number != 0 ? "ja" : "nej";
    case Cell::Kind::kError: return cell.text;
    case Cell::Kind::kText: break;
  }
  const std::string plain = PlainSpaces(cell.text);
  if (!keep_lines) return CollapseWhitespace(plain);
  std::string out, line;
  std::size_t start = 0;
  bool blank_pending = false;
  while (start <= plain.size()) {
    std::size_t end = plain.find('\n', start);
    if (end == std::string::npos) end = plain.size();
    std::string one = plain.substr(start, end - start);
    if (!one.empty() && one.back() == '\r') one.pop_back();
    one = CollapseWhitespace(one);
    if (one.empty()) blank_pending = !out.empty();
    else {
      if (!out.empty()) out += blank_pending ? "\n\n" : "\n";
      out += one;
      blank_pending = false;
    }
    start = end + 1;
  }
  return out;
}

bool ReadDateCell(const Cell& cell, bool date1904, std::string* out, std::string* problem) {
  std::optional<Date> date;
  if (cell.kind == Cell::Kind::kNumber) date = DateFromSerial(cell.number, date1904);
  else if (cell.kind == Cell::Kind::kText) date = DateFromText(CellText(cell));
  if (!date || !date->IsValid()) {
    *problem = Quoted(cell) + " is not a date (write ÅÅÅÅ-MM-DD)";
    return false;
  }
  *out = FormatIso(*date);
  return true;
}

bool ReadPercentCell(const Cell& cell, std::string* out, std::string* problem) {
  std::optional<double> value;
  bool fraction = false;
  if (cell.kind == Cell::Kind::kNumber) {
    value = cell.number;
    fraction = cell.percent || cell.number <= 1;
  } else if (cell.kind == Cell::Kind::kText) {
    std::string text = CellText(cell);
    if (!text.empty() && text.back() == '%') text.pop_back();
    else if (auto v = ParseDecimal(text); v && *v <= 1) fraction = true;
    value = ParseDecimal(text);
  }
  if (value && fraction) value = *value * 100;
  if (!value || *value < 0 || *value > 100) {
    *problem = Quoted(cell) + " is not a percentage (0–100, 80 % or 0,8)";
    return false;
  }
  *out = FormatNumber(std::round(*value * 1e9) / 1e9);
  return true;
}

bool ReadNumberCell(const Cell& cell, std::string* out, std::string* problem) {
  std::optional<double> value;
  if (cell.kind == Cell::Kind::kNumber) value = cell.number;
  else if (cell.kind == Cell::Kind::kText) value = ParseDecimal(CellText(cell));
  if (!value) {
    *problem = Quoted(cell) + " is not a number";
    return false;
  }
  *out = FormatNumber(*value);
  return true;
}

bool ReadIntegerCell(const Cell& cell, std::string* out, std::string* problem) {
  std::string number;
  if (!ReadNumberCell(cell, &number, problem) || number.find('.') != std::string::npos) {
    *problem = Quoted(cell) + " is not a whole number";
    return false;
  }
  *out = number;
  return true;
}

bool ReadFlagCell(const Cell& cell, std::string* out, std::string* problem) {
  if (cell.kind == Cell::Kind::kBool || cell.kind == Cell::Kind::kNumber) {
    if (cell.number == 1 || cell.number == 0) {
      *out = cell.number != 0 ? "yes" : "no";
      return true;
    }
  } else if (cell.kind == Cell::Kind::kText) {
    std::string text = CellText(cell);
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (text == "ja" || text == "yes" || text == "true" || text == "sant" || text == "1" || text == "x") {
      *out = "yes";
      return true;
    }
    if (text == "nej" || text == "no" || text == "false" || text == "falskt" || text == "0") {
      *out = "no";
      return true;
    }
  }
  *problem = Quoted(cell) + " is not ja or nej";
  return false;
}

bool ReadPersonnummerCell(const Cell& cell, std::string* out, std::string* problem) {
  if (cell.kind == Cell::Kind::kNumber) {
    if (cell.number < 0 || cell.number >= 1e12 || cell.number != std::floor(cell.number)) {
      *problem = "the number is not a personnummer";
      return false;
    }
    std::string digits = std::to_string(static_cast<long long>(cell.number));
    if (digits.size() == 12) {
      *out = digits.substr(0, 8) + "-" + digits.substr(8);
    } else if (digits.size() <= 10) {
      digits.insert(0, 10 - digits.size(), '0');
      *out = digits.substr(0, 6) + "-" + digits.substr(6);
    } else {
      *problem = "a number of " + std::to_string(digits.size()) + " digits is not a personnummer";
      return false;
    }
    return true;
  }
  if (cell.kind != Cell::Kind::kText) {
    *problem = "the cell is not a personnummer";
    return false;
  }
  std::string text;
  for (char c : CellText(cell))
    if (c != ' ') text += c;
  *out = text;
  return true;
}

}  // namespace stdok
