// Reports as workbooks: plain tables (one sheet each) written with libxlsxwriter, headers
// bold and frozen, dates as date cells, every text as text (never a formula), and optionally a
// colour scale on one numeric column (green low, red high: risk).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "core/date.h"

namespace stdok {

struct TableCell {
  enum class Kind { kEmpty, kText, kNumber, kDate };
  Kind kind = Kind::kEmpty;
  std::string text;
  double number = 0;
  Date date;

  static TableCell Text(std::string t) { return {Kind::kText, std::move(t), 0, {}}; }
  static TableCell Number(double n) { return {Kind::kNumber, "", n, {}}; }
  static TableCell On(const Date& d) { return {Kind::kDate, "", 0, d}; }
};

struct SheetTable {
  std::string sheet;  // at most 31 characters, no []:*?/\ (Excel's rule)
  std::vector<std::string> headers;
  std::vector<std::vector<TableCell>> rows;
  // Instead of `rows`, for a long table: row_count rows, each made when it is written, so that
  // the table is never held as cells (a national run's manifest has ~150,000 rows).
  std::size_t row_count = 0;
  std::function<void(std::size_t row, std::vector<TableCell>* cells)> make_row;
  int colour_scale_column = -1;  // green (low) to red (high), or -1
};

// Writes `tables` to `path` row by row in libxlsxwriter's constant-memory mode (strings are
// written inline, not shared), so memory does not grow with the rows. False with *error when
// the file cannot be written.
bool WriteTables(const std::vector<SheetTable>& tables, const std::string& path, std::string* error);

}  // namespace stdok
