// Reading one cell as a records value, the way Swedish Excel stores things: serial dates,
// dates typed as text, personnummer stored as numbers, percentages as fractions or "80 %",
// decimal commas, stray and non-breaking spaces. Each returns the value as the records format
// writes it, or false with *problem (what is wrong, quoting the cell; never a full
// personnummer).
#pragma once

#include <string>

#include "workbook/workbook.h"

namespace stdok {

// The cell as text: trimmed, non-breaking and other spaces made plain and runs of them one;
// numbers without a needless ".0". kLongText keeps line breaks (one line per line, blank lines
// between paragraphs).
std::string CellText(const Cell& cell, bool keep_lines = false);

// ÅÅÅÅ-MM-DD from a date cell, a serial day number (1900 or 1904 system) or text typed as
// ÅÅÅÅ-MM-DD, ÅÅÅÅMMDD, ÅÅÅÅ-MM-DD 00:00:00 or D/M/ÅÅÅÅ.
bool ReadDateCell(const Cell& cell, bool date1904, std::string* out, std::string* problem);
// 0–100: a number above 1 as it is, 0–1 as a fraction (0.8 is 80), "80 %" or "62,5".
bool ReadPercentCell(const Cell& cell, std::string* out, std::string* problem);
// A finite number, decimal point or comma, spaces as thousands separators.
bool ReadNumberCell(const Cell& cell, std::string* out, std::string* problem);
// A whole number.
bool ReadIntegerCell(const Cell& cell, std::string* out, std::string* problem);
// "yes" or "no" from ja/nej, yes/no, true/false, 1/0, x, or a boolean cell.
bool ReadFlagCell(const Cell& cell, std::string* out, std::string* problem);
// A personnummer as text (kept as typed, spaces removed) or restored from a number: 12 digits
// get the dash after the date, fewer get their leading zeros back to 10 and the dash.
bool ReadPersonnummerCell(const Cell& cell, std::string* out, std::string* problem);

}  // namespace stdok
