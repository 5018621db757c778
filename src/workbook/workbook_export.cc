#include "workbook/workbook_export.h"

#include <xlsxwriter.h>

#include <cmath>
#include <cstdlib>
#include <optional>
#include <map>
#include <vector>

#include "core/date.h"
#include "text/unicode.h"
#include "workbook/record_sheets.h"
#include "xml/document.h"

namespace stdok {
namespace {

// The element's text as the records reader reads it: lines of a paragraph joined, paragraphs
// separated by a blank line.
std::string Paragraphs(pugi::xml_node node) {
  std::string raw;
  for (pugi::xml_node c : node.children())
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) raw += c.value();
  raw = NormalizeNfc(raw);
  std::string out, paragraph;
  std::size_t start = 0;
  auto flush = [&]() {
    if (paragraph.empty()) return;
    out += (out.empty() ? "" : "\n\n") + paragraph;
    paragraph.clear();
  };
  while (start <= raw.size()) {
    std::size_t end = raw.find('\n', start);
    if (end == std::string::npos) end = raw.size();
    const std::string line = CollapseWhitespace(raw.substr(start, end - start));
    if (line.empty()) flush();
    else paragraph += (paragraph.empty() ? "" : " ") + line;
    start = end + 1;
  }
  flush();
  return out;
}

// The value at `path` below `row`; *present tells whether the element or attribute is there.
std::string ValueAt(pugi::xml_node row, const std::string& path, bool* present) {
  std::vector<std::string> parts = SplitPath(path);
  const std::string last = parts.back();
  parts.pop_back();
  pugi::xml_node node = row;
  for (const std::string& part : parts) node = node.child(part.c_str());
  *present = false;
  if (!node) return "";
  if (last[0] == '@') {
    pugi::xml_attribute a = node.attribute(last.c_str() + 1);
    *present = static_cast<bool>(a);
    return CollapseWhitespace(NormalizeNfc(a.value()));
  }
  if (last == ".") {
    *present = true;
    return Paragraphs(node);
  }
  pugi::xml_node child = node.child(last.c_str());
  *present = static_cast<bool>(child);
  return child ? Paragraphs(child) : "";
}

std::vector<pugi::xml_node> Select(pugi::xml_node parent, const std::string& element) {
  std::vector<pugi::xml_node> nodes = {parent};
  for (const std::string& part : SplitPath(element)) {
    std::vector<pugi::xml_node> next;
    for (pugi::xml_node n : nodes)
      for (pugi::xml_node c : n.children(part.c_str())) next.push_back(c);
    nodes = std::move(next);
  }
  return nodes;
}

struct Row {
  pugi::xml_node node;
  std::vector<std::string> keys;  // the values of the key columns (and Nr)
};

std::vector<Row> Rows(pugi::xml_node root, int sheet) {
  const SheetSpec& spec = RecordSheets()[static_cast<std::size_t>(sheet)];
  std::vector<Row> rows;
  if (spec.parent < 0) {
    for (pugi::xml_node n : Select(root, spec.element)) rows.push_back({n, {}});
  } else if (spec.parent == kTraineeSheet || RecordSheets()[static_cast<std::size_t>(spec.parent)].parent < 0) {
    const std::string owner = RecordSheets()[static_cast<std::size_t>(spec.parent)].element;
    for (pugi::xml_node o : root.children(owner.c_str())) {
      int nr = 0;
      for (pugi::xml_node n : Select(o, spec.element)) {
        Row row{n, {CollapseWhitespace(o.attribute("id").value())}};
        if (spec.numbered) row.keys.push_back(std::to_string(++nr));
        rows.push_back(std::move(row));
      }
    }
  } else {  // below a numbered sheet of the trainee
    const SheetSpec& mid = RecordSheets()[static_cast<std::size_t>(spec.parent)];
    for (pugi::xml_node t : root.children("trainee")) {
      int nr = 0;
      for (pugi::xml_node p : Select(t, mid.element)) {
        ++nr;
        for (pugi::xml_node n : Select(p, spec.element))
          rows.push_back({n, {CollapseWhitespace(t.attribute("id").value()), std::to_string(nr)}});
      }
    }
  }
  return rows;
}

std::optional<double> Number(const std::string& text) {
  std::string clean;
  for (char c : text) clean += c == ',' ? '.' : c;
  char* end = nullptr;
  const double v = std::strtod(clean.c_str(), &end);
  if (clean.empty() || *end != '\0' || !std::isfinite(v)) return std::nullopt;
  return v;
}

class Writer {
 public:
  explicit Writer(const std::string& path) {
    lxw_workbook_options options = {};
    options.constant_memory = LXW_FALSE;
    options.tmpdir = nullptr;
    wb_ = workbook_new_opt(path.c_str(), &options);
    if (!wb_) return;
    header_ = workbook_add_format(wb_);
    format_set_bold(header_);
    format_set_bg_color(header_, 0xDDE7F0);
    format_set_text_wrap(header_);
    format_set_align(header_, LXW_ALIGN_VERTICAL_TOP);
    date_ = workbook_add_format(wb_);
    format_set_num_format(date_, "yyyy-mm-dd");
    text_ = workbook_add_format(wb_);
    format_set_num_format(text_, "@");
    wrap_ = workbook_add_format(wb_);
    format_set_text_wrap(wrap_);
    format_set_num_format(wrap_, "@");
    title_ = workbook_add_format(wb_);
    format_set_bold(title_);
    format_set_font_size(title_, 14);
  }

  bool ok() const { return wb_ != nullptr; }

  void Instructions() {
    lxw_worksheet* ws = workbook_add_worksheet(wb_, "Instruktioner");
    worksheet_set_column(ws, 0, 0, 26, nullptr);
    worksheet_set_column(ws, 1, 1, 100, wrap_);
    lxw_row_t r = 0;
    worksheet_write_string(ws, r++, 0, "stdok: ST-läkarnas uppgifter", title_);
    const char* lines[] = {
        "Fyll i ett blad per slags uppgift. Första raden är rubriker: ändra inte dem.",
        "Id:n binder ihop bladen: en ST-läkares rader på andra blad börjar med ST-läkarens Id; handledare och "
        "chefer anges med sitt Id från bladet Personer, enheter med sitt Id från bladet Enheter.",
        "Datum skrivs ÅÅÅÅ-MM-DD (eller som Excel-datum). Procent som 80, 80 % eller 0,8. Ja/nej-kolumner: ja "
        "eller nej. Delmål skrivs med mellanslag emellan: STc1 STc2.",
        "Personnummer skrivs ÅÅÅÅMMDD-NNNN; ett personnummer som Excel har gjort till ett tal läses ändå rätt.",
        "Kontrollera: stdok check arbetsbok.xlsx   Skapa dokumenten: stdok render arbetsbok.xlsx -o utdata",
    };
    for (const char* line : lines) worksheet_write_string(ws, r++, 1, line, wrap_);
    ++r;
    worksheet_write_string(ws, r, 0, "Blad", header_);
    worksheet_write_string(ws, r++, 1, "Innehåll", header_);
    for (const SheetSpec& spec : RecordSheets()) {
      worksheet_write_string(ws, r, 0, spec.name.c_str(), nullptr);
      worksheet_write_string(ws, r++, 1, spec.about.c_str(), wrap_);
    }
    ++r;
    worksheet_write_string(ws, r, 0, "Blad: kolumn", header_);
    worksheet_write_string(ws, r++, 1, "Förklaring", header_);
    for (const SheetSpec& spec : RecordSheets())
      for (const ColumnSpec& column : spec.columns)
        if (!column.note.empty()) {
          worksheet_write_string(ws, r, 0, (spec.name + ": " + column.header).c_str(), nullptr);
          worksheet_write_string(ws, r++, 1, column.note.c_str(), wrap_);
        }
  }

  void Sheet(int index, pugi::xml_node root, bool empty) {
    const SheetSpec& spec = RecordSheets()[static_cast<std::size_t>(index)];
    lxw_worksheet* ws = workbook_add_worksheet(wb_, spec.name.c_str());
    const std::vector<std::string> headers = SheetHeaders(index);
    const std::size_t keys = headers.size() - spec.columns.size();
    for (std::size_t c = 0; c < headers.size(); ++c) {
      const lxw_col_t col = static_cast<lxw_col_t>(c);
      worksheet_write_string(ws, 0, col, headers[c].c_str(), header_);
      if (c < keys) {
        worksheet_set_column(ws, col, col, 14, text_);
        continue;
      }
      const ColumnSpec& column = spec.columns[c - keys];
      switch (column.type) {
        case ColumnType::kDate: worksheet_set_column(ws, col, col, 12, date_); break;
        case ColumnType::kLongText: worksheet_set_column(ws, col, col, 40, wrap_); break;
        case ColumnType::kPercent: case ColumnType::kNumber: case ColumnType::kYear:
          worksheet_set_column(ws, col, col, 12, nullptr);
          break;
        default: worksheet_set_column(ws, col, col, std::max<double>(12, double(column.header.size()) * 0.9), text_);
      }
      if (column.type == ColumnType::kFlag || column.type == ColumnType::kPresence)
        List(ws, col, {"ja", "nej"});
      else if (column.type == ColumnType::kChoice)
        List(ws, col, ShownChoices(column));
    }
    const bool id_first = keys == 0 && !spec.columns.empty() && spec.columns[0].header == "Id";
    worksheet_freeze_panes(ws, 1, static_cast<lxw_col_t>(keys + (id_first ? 1 : 0)));
    worksheet_set_row(ws, 0, 30, nullptr);
    if (empty) return;
    lxw_row_t r = 1;
    for (const Row& row : Rows(root, index)) {
      for (std::size_t k = 0; k < row.keys.size(); ++k)
        if (k < keys) WriteText(ws, r, static_cast<lxw_col_t>(k), row.keys[k], text_);
      for (std::size_t c = 0; c < spec.columns.size(); ++c)
        WriteValue(ws, r, static_cast<lxw_col_t>(keys + c), spec.columns[c], row.node);
      ++r;
    }
  }

  bool Close(std::string* error) {
    const lxw_error status = workbook_close(wb_);
    wb_ = nullptr;
    if (status != LXW_NO_ERROR) {
      *error = lxw_strerror(status);
      return false;
    }
    return true;
  }

  ~Writer() {
    if (wb_) workbook_close(wb_);
  }

 private:
  void List(lxw_worksheet* ws, lxw_col_t col, const std::vector<std::string>& values) {
    std::vector<char*> list;  // libxlsxwriter's list type is not const; it only reads the strings
    for (const std::string& v : values) list.push_back(const_cast<char*>(v.c_str()));
    list.push_back(nullptr);
    lxw_data_validation validation = {};
    validation.validate = LXW_VALIDATION_TYPE_LIST;
    validation.value_list = list.data();
    validation.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
    worksheet_data_validation_range(ws, 1, col, 1048575, col, &validation);
  }

  static void WriteText(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::string& text, lxw_format* format) {
    if (!text.empty()) worksheet_write_string(ws, r, c, text.c_str(), format);
  }

  void WriteValue(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const ColumnSpec& column, pugi::xml_node row) {
    bool present = false;
    if (column.type == ColumnType::kPresence) {
      pugi::xml_node node = row;
      for (const std::string& part : SplitPath(column.path)) node = node.child(part.c_str());
      if (node) WriteText(ws, r, c, "ja", text_);
      return;
    }
    const std::string value = ValueAt(row, column.path, &present);
    if (value.empty()) return;
    switch (column.type) {
      case ColumnType::kDate:
        if (auto date = ParseIsoDate(value)) {
          lxw_datetime dt = {date->year, date->month, date->day, 0, 0, 0};
          worksheet_write_datetime(ws, r, c, &dt, date_);
          return;
        }
        break;
      case ColumnType::kPercent: case ColumnType::kNumber: case ColumnType::kYear:
        if (auto number = Number(value)) {
          worksheet_write_number(ws, r, c, *number, nullptr);
          return;
        }
        break;
      case ColumnType::kFlag:
        if (value == "yes" || value == "true" || value == "ja") return WriteText(ws, r, c, "ja", text_);
        if (value == "no" || value == "false" || value == "nej") return WriteText(ws, r, c, "nej", text_);
        break;
      case ColumnType::kChoice: return WriteText(ws, r, c, ShownChoice(column, value), text_);
      case ColumnType::kLongText: return WriteText(ws, r, c, value, wrap_);
      default: break;
    }
    WriteText(ws, r, c, value, text_);
  }

  lxw_workbook* wb_ = nullptr;
  lxw_format *header_ = nullptr, *date_ = nullptr, *text_ = nullptr, *wrap_ = nullptr, *title_ = nullptr;
};

}  // namespace

bool ExportWorkbook(std::string_view records_xml, const std::string& path, const ExportOptions& options,
                    std::string* error) {
  xml::Document doc;
  pugi::xml_node root;
  if (!options.empty) {
    xml::LoadOptions load;
    load.kind = "records file";
    load.root = "stdok-records";
    load.refuse_control_characters = false;  // the records reader reports them per field
    Diagnostics diagnostics;
    if (!doc.Load("records", records_xml, load, &diagnostics)) {
      *error = "not a records file (" + diagnostics.back().message + ")";
      return false;
    }
    root = doc.root();
  }
  Writer writer(path);
  if (!writer.ok()) {
    *error = "cannot create " + path;
    return false;
  }
  writer.Instructions();
  for (std::size_t i = 0; i < RecordSheets().size(); ++i) writer.Sheet(static_cast<int>(i), root, options.empty);
  return writer.Close(error);
}

}  // namespace stdok
