#include "workbook/table_writer.h"

#include <xlsxwriter.h>

#include <algorithm>

namespace stdok {

bool WriteTables(const std::vector<SheetTable>& tables, const std::string& path, std::string* error) {
  lxw_workbook_options options = {};
  options.constant_memory = LXW_TRUE;
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  if (!wb) {
    *error = "cannot create " + path;
    return false;
  }
  lxw_format* header = workbook_add_format(wb);
  format_set_bold(header);
  format_set_bg_color(header, 0xDDE7F0);
  format_set_text_wrap(header);
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "yyyy-mm-dd");
  lxw_format* text = workbook_add_format(wb);
  format_set_num_format(text, "@");
  format_set_text_wrap(text);
  format_set_align(text, LXW_ALIGN_VERTICAL_TOP);
  for (const SheetTable& table : tables) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, table.sheet.c_str());
    for (std::size_t c = 0; c < table.headers.size(); ++c) {
      worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), table.headers[c].c_str(), header);
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                           std::clamp<double>(double(table.headers[c].size()) * 1.1, 10, 40), nullptr);
    }
    worksheet_freeze_panes(ws, 1, 0);
    const std::size_t rows = table.make_row ? table.row_count : table.rows.size();
    std::vector<TableCell> made;
    for (std::size_t r = 0; r < rows; ++r) {
      if (table.make_row) {
        made.clear();
        table.make_row(r, &made);
      }
      const std::vector<TableCell>& cells = table.make_row ? made : table.rows[r];
      for (std::size_t c = 0; c < cells.size(); ++c) {
        const TableCell& cell = cells[c];
        const lxw_row_t row = static_cast<lxw_row_t>(r + 1);
        const lxw_col_t col = static_cast<lxw_col_t>(c);
        switch (cell.kind) {
          case TableCell::Kind::kEmpty: break;
          case TableCell::Kind::kText: worksheet_write_string(ws, row, col, cell.text.c_str(), text); break;
          case TableCell::Kind::kNumber: worksheet_write_number(ws, row, col, cell.number, nullptr); break;
          case TableCell::Kind::kDate: {
            lxw_datetime dt = {cell.date.year, cell.date.month, cell.date.day, 0, 0, 0};
            worksheet_write_datetime(ws, row, col, &dt, date);
            break;
          }
        }
      }
    }
    if (table.colour_scale_column >= 0 && rows > 0) {
      lxw_conditional_format scale = {};
      scale.type = LXW_CONDITIONAL_3_COLOR_SCALE;
      scale.min_color = 0x63BE7B;
      scale.mid_color = 0xFFEB84;
      scale.max_color = 0xF8696B;
      const lxw_col_t col = static_cast<lxw_col_t>(table.colour_scale_column);
      worksheet_conditional_format_range(ws, 1, col, static_cast<lxw_row_t>(rows), col, &scale);
    }
  }
  const lxw_error status = workbook_close(wb);
  if (status != LXW_NO_ERROR) {
    *error = lxw_strerror(status);
    return false;
  }
  return true;
}

}  // namespace stdok
