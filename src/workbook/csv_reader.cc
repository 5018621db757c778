#include "workbook/csv_reader.h"

#include <unicode/ucnv.h>

#include "text/unicode.h"

namespace stdok {
namespace {

std::string FromWindows1252(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(bytes.size() * 3 + 1, '\0');
  const int32_t n = ucnv_convert("UTF-8", "windows-1252", out.data(), static_cast<int32_t>(out.size()),
                                 bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return std::string(bytes);
  out.resize(static_cast<std::size_t>(n));
  return out;
}

char DetectSeparator(std::string_view text) {
  std::size_t semicolons = 0, commas = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    else if (!quoted && (c == '\n' || c == '\r')) break;
    else if (!quoted && c == ';') ++semicolons;
    else if (!quoted && c == ',') ++commas;
  }
  return commas > semicolons ? ',' : ';';
}

}  // namespace

bool ReadCsv(std::string_view bytes, const WorkbookLimits& limits, Sheet* sheet, CsvFormat* format,
             std::string* error) {
  std::string text;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3), format->encoding = "UTF-8";
  if (format->encoding.empty() && FirstInvalidUtf8(bytes) != std::string_view::npos) {
    format->encoding = "Windows-1252";
    text = FromWindows1252(bytes);
  } else {
    format->encoding = "UTF-8";
    text.assign(bytes);
  }
  if (FirstInvalidUtf8(text) != std::string_view::npos) {
    *error = "the file is neither UTF-8 nor Windows-1252";
    return false;
  }
  format->separator = DetectSeparator(text);
  sheet->rows.clear();
  std::vector<Cell> row;
  std::string field;
  bool quoted = false, was_quoted = false;
  std::size_t cells = 0, line = 1, quote_line = 0;
  auto end_field = [&]() {
    Cell cell;
    if (!field.empty() || was_quoted) cell.kind = Cell::Kind::kText, cell.text = std::move(field);
    row.push_back(std::move(cell));
    field.clear();
    was_quoted = false;
    return row.size() <= limits.max_columns && ++cells <= limits.max_cells;
  };
  auto end_row = [&]() {
    const bool ok = end_field();
    bool blank = true;
    for (const Cell& c : row) blank = blank && c.kind == Cell::Kind::kEmpty;
    sheet->rows.push_back(blank ? std::vector<Cell>{} : std::move(row));
    row.clear();
    return ok && sheet->rows.size() <= limits.max_rows;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += '"', ++i;
      else if (c == '"') quoted = false;
      else {
        if (c == '\n') ++line;
        field += c;
      }
    } else if (c == '"' && field.empty()) {
      quoted = was_quoted = true;
      quote_line = line;
    } else if (c == format->separator) {
      if (!end_field()) goto over;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      ++line;
      if (!end_row()) goto over;
    } else {
      field += c;
    }
  }
  if (quoted) {
    *error = "the quoted field that begins on line " + std::to_string(quote_line) + " is never closed";
    return false;
  }
  if (!field.empty() || !row.empty())
    if (!end_row()) goto over;
  while (!sheet->rows.empty() && sheet->rows.back().empty()) sheet->rows.pop_back();
  return true;
over:
  *error = "refused: the file is over stdok's limits (" + std::to_string(limits.max_rows) + " rows, " +
           std::to_string(limits.max_columns) + " columns)";
  return false;
}

}  // namespace stdok
