// A workbook as read from an .xlsx package or CSV files: sheets of typed cells, nothing more.
// The reader (workbook_reader.h, csv_reader.h) fills it; the records import reads it.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace stdok {

struct Cell {
  enum class Kind { kEmpty, kText, kNumber, kBool, kError };
  Kind kind = Kind::kEmpty;
  std::string text;     // kText (also a formula's cached text), kError ("#N/A" …)
  double number = 0;    // kNumber; kBool: 1 or 0
  bool date = false;    // kNumber whose number format shows a date (a serial day number)
  bool percent = false; // kNumber whose number format shows a percentage
};

struct Sheet {
  std::string name;
  std::vector<std::vector<Cell>> rows;  // rows[0] is row 1; a row may be shorter than others

  // The cell at 0-based row and column, or an empty cell.
  const Cell& At(std::size_t row, std::size_t column) const;
};

struct Workbook {
  std::string path;
  std::vector<Sheet> sheets;
  bool date1904 = false;  // serial day numbers count from 1904-01-01 (old Mac Excel)

  const Sheet* Find(const std::string& name) const;
};

// "A1" style name of a 0-based row and column: CellName(13, 2) == "C14".
std::string CellName(std::size_t row, std::size_t column);
// The 0-based column of a column's letters ("C" -> 2), or -1 when not letters A..XFD.
int ColumnIndex(const std::string& letters);

}  // namespace stdok
