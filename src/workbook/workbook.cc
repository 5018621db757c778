#include "workbook/workbook.h"

namespace stdok {

const Cell& Sheet::At(std::size_t row, std::size_t column) const {
  static const Cell kEmpty;
  if (row >= rows.size() || column >= rows[row].size()) return kEmpty;
  return rows[row][column];
}

const Sheet* Workbook::Find(const std::string& name) const {
  for (const Sheet& sheet : sheets)
    if (sheet.name == name) return &sheet;
  return nullptr;
}

std::string CellName(std::size_t row, std::size_t column) {
  std::string letters;
  for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26) letters.insert(letters.begin(), char('A' + (n - 1) % 26));
  return letters + std::to_string(row + 1);
}

int ColumnIndex(const std::string& letters) {
  if (letters.empty() || letters.size() > 3) return -1;
  int n = 0;
  for (char c : letters) {
    if (c < 'A' || c > 'Z') return -1;
    n = n * 26 + (c - 'A' + 1);
  }
  return n <= 16384 ? n - 1 : -1;
}

}  // namespace stdok
