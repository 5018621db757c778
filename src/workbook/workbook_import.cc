#include "workbook/workbook_import.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "workbook/cell_values.h"
#include "workbook/record_sheets.h"
#include "xml/document.h"

namespace stdok {
namespace {

pugi::xml_node FindOrAdd(pugi::xml_node parent, const std::string& name) {
  pugi::xml_node child = parent.child(name.c_str());
  return child ? child : parent.append_child(name.c_str());
}

// Sets the value at `path` below `row` (see ColumnSpec::path).
void SetPath(pugi::xml_node row, const std::string& path, const std::string& value, bool presence) {
  std::vector<std::string> parts = SplitPath(path);
  pugi::xml_node node = row;
  const std::string last = parts.back();
  if (presence) {
    for (const std::string& part : parts) node = FindOrAdd(node, part);
    return;
  }
  parts.pop_back();
  for (const std::string& part : parts) node = FindOrAdd(node, part);
  if (last[0] == '@') node.append_attribute(last.c_str() + 1) = value.c_str();
  else if (last == ".") node.append_child(pugi::node_pcdata).set_value(value.c_str());
  else FindOrAdd(node, last).append_child(pugi::node_pcdata).set_value(value.c_str());
}

std::string Fold(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

class Importer {
 public:
  Importer(const Workbook& workbook, Diagnostics* diagnostics) : wb_(workbook), diagnostics_(diagnostics) {}

  ImportedRecords Run() {
    columns_.assign(RecordSheets().size(), {});
    root_ = doc_.append_child("stdok-records");
    root_.append_attribute("version") = "1";
    std::set<std::string> known = {"instruktioner"};
    for (std::size_t i = 0; i < RecordSheets().size(); ++i) {
      known.insert(Fold(RecordSheets()[i].name));
      if (const Sheet* sheet = FindSheet(RecordSheets()[i].name)) ReadSheet(static_cast<int>(i), *sheet);
    }
    for (const Sheet& sheet : wb_.sheets)
      if (!known.count(Fold(sheet.name)))
        Report(Severity::kWarning, sheet.name, "", "import.unknown-sheet",
               "the sheet '" + sheet.name + "' is not one stdok reads; it is left out");
    return Finish();
  }

 private:
  const Sheet* FindSheet(const std::string& name) const {
    for (const Sheet& sheet : wb_.sheets)
      if (Fold(CellText(Cell{Cell::Kind::kText, sheet.name})) == Fold(name)) return &sheet;
    return nullptr;
  }

  void Report(Severity severity, const std::string& where, const std::string& trainee, const std::string& rule,
              const std::string& message) {
    Diagnostic d;
    d.severity = severity;
    // The location is the sheet and cell; the message also names the column.
    const std::size_t bang = where.find('!');
    const std::size_t space = bang == std::string::npos ? std::string::npos : where.find(' ', bang);
    d.location.file = wb_.path + (where.empty() ? "" : ":" + where.substr(0, space));
    d.trainee_id = trainee;
    d.rule = rule;
    d.message = (where.empty() ? "" : where + ": ") + message;
    diagnostics_->push_back(std::move(d));
  }

  void ReadSheet(int index, const Sheet& sheet) {
    const SheetSpec& spec = RecordSheets()[static_cast<std::size_t>(index)];
    const std::vector<std::string> headers = SheetHeaders(index);
    std::map<std::string, std::size_t> wanted;
    for (std::size_t i = 0; i < headers.size(); ++i) wanted[Fold(headers[i])] = i;
    std::vector<int> column_of(headers.size(), -1);  // header index -> sheet column
    const std::size_t width = sheet.rows.empty() ? 0 : sheet.rows[0].size();
    for (std::size_t c = 0; c < width; ++c) {
      const std::string header = CellText(sheet.At(0, c));
      if (header.empty()) continue;
      auto it = wanted.find(Fold(header));
      if (it == wanted.end()) {
        Report(Severity::kWarning, sheet.name + "!" + CellName(0, c), "", "import.unknown-column",
               "the column '" + header + "' is not one stdok reads on this sheet; it is left out");
      } else if (column_of[it->second] >= 0) {
        Report(Severity::kError, sheet.name + "!" + CellName(0, c), "", "import.duplicate-column",
               "the column '" + header + "' is there twice; the first one, " +
                   CellName(0, static_cast<std::size_t>(column_of[it->second])) + ", is read");
      } else {
        column_of[it->second] = static_cast<int>(c);
      }
    }
    columns_[static_cast<std::size_t>(index)] = column_of;
    const std::size_t keys = headers.size() - spec.columns.size();
    for (std::size_t k = 0; k < keys; ++k)
      if (column_of[k] < 0 && sheet.rows.size() > 1) {
        Report(Severity::kError, sheet.name + "!1", "", "import.missing-column",
               "the sheet has no column '" + headers[k] + "', so its rows cannot be placed; none is read");
        return;
      }
    std::map<std::string, int> numbers;  // rows per trainee, for rows without a Nr
    for (std::size_t r = 1; r < sheet.rows.size(); ++r) {
      bool blank = true;
      for (const Cell& cell : sheet.rows[r]) blank = blank && CellText(cell).empty();
      if (!blank) ReadRow(index, sheet, r, headers, column_of, &numbers);
    }
  }

  void ReadRow(int index, const Sheet& sheet, std::size_t r, const std::vector<std::string>& headers,
               const std::vector<int>& column_of, std::map<std::string, int>* numbers) {
    const SheetSpec& spec = RecordSheets()[static_cast<std::size_t>(index)];
    auto cell_at = [&](std::size_t h) -> const Cell& {
      static const Cell kEmpty;
      return column_of[h] < 0 ? kEmpty : sheet.At(r, static_cast<std::size_t>(column_of[h]));
    };
    auto where = [&](std::size_t h) {
      return sheet.name + "!" + CellName(r, column_of[h] < 0 ? 0 : static_cast<std::size_t>(column_of[h])) + " (" +
             headers[h] + ")";
    };
    std::size_t h = 0;
    std::string trainee;
    pugi::xml_node parent = root_;
    if (!spec.key.empty()) {
      const std::string key = CellText(cell_at(h));
      const int grand = spec.parent >= 0 ? RecordSheets()[static_cast<std::size_t>(spec.parent)].parent : -1;
      const bool of_trainee = spec.parent == kTraineeSheet || grand == kTraineeSheet;
      if (of_trainee) trainee = key;
      const std::map<std::string, pugi::xml_node>& owners = of_trainee ? trainees_ : people_;
      auto owner = owners.find(key);
      if (key.empty() || owner == owners.end()) {
        Report(Severity::kError, where(h), trainee, "import.unknown-parent",
               key.empty() ? "the row names no " + headers[h] + "; it is left out"
                           : "'" + key + "' is not an Id on the sheet " +
                                 RecordSheets()[static_cast<std::size_t>(of_trainee ? kTraineeSheet : 2)].name +
                                 "; the row is left out");
        return;
      }
      parent = owner->second;
      ++h;
      if (grand == kTraineeSheet) {
        std::string nr;
        std::string problem;
        if (!ReadIntegerCell(cell_at(h), &nr, &problem)) {
          Report(Severity::kError, where(h), trainee, "import.unknown-parent",
                 problem + "; the row is left out");
          return;
        }
        auto it = numbered_.find({spec.parent, key + "\n" + nr});
        if (it == numbered_.end()) {
          Report(Severity::kError, where(h), trainee, "import.unknown-parent",
                 "ST-läkaren '" + key + "' has no row Nr " + nr + " on the sheet " +
                     RecordSheets()[static_cast<std::size_t>(spec.parent)].name + "; the row is left out");
          return;
        }
        parent = it->second;
        ++h;
      }
    }
    std::vector<std::string> parts = SplitPath(spec.element);
    const std::string name = parts.back();
    parts.pop_back();
    for (const std::string& part : parts) parent = FindOrAdd(parent, part);
    pugi::xml_node row = parent.append_child(name.c_str());
    origins_[row.internal_object()] = {index, r};
    if (spec.numbered) {
      std::string nr = std::to_string(++(*numbers)[trainee]), problem;
      if (column_of[h] >= 0 && !CellText(cell_at(h)).empty() && !ReadIntegerCell(cell_at(h), &nr, &problem))
        Report(Severity::kError, where(h), trainee, "import.number-invalid", problem);
      if (!numbered_.insert({{index, trainee + "\n" + nr}, row}).second)
        Report(Severity::kError, where(h), trainee, "import.duplicate-number",
               "ST-läkaren '" + trainee + "' has two rows Nr " + nr + " on this sheet");
      ++h;
    }
    for (const ColumnSpec& column : spec.columns) {
      ReadCell(column, cell_at(h), where(h), index == kTraineeSheet ? CellText(cell_at(0)) : trainee, row,
               index);
      ++h;
    }
    if (index == kTraineeSheet) {
      const std::string id = row.attribute("id").value();
      if (!id.empty()) trainees_.insert({id, row});
    } else if (spec.element == "person") {
      const std::string id = row.attribute("id").value();
      if (!id.empty()) people_.insert({id, row});
    }
  }

  void ReadCell(const ColumnSpec& column, const Cell& cell, const std::string& where, std::string trainee,
                pugi::xml_node row, int index) {
    if (index == kTraineeSheet) trainee = row.attribute("id").value();
    const bool long_text = column.type == ColumnType::kLongText;
    if (CellText(cell, long_text).empty()) return;
    std::string value, problem;
    bool ok = true;
    if (cell.kind == Cell::Kind::kError) {
      ok = false;
      problem = "the cell holds the error " + cell.text;
    } else {
      switch (column.type) {
        case ColumnType::kText: value = CellText(cell); break;
        case ColumnType::kLongText: value = CellText(cell, true); break;
        case ColumnType::kDate: ok = ReadDateCell(cell, wb_.date1904, &value, &problem); break;
        case ColumnType::kPercent: ok = ReadPercentCell(cell, &value, &problem); break;
        case ColumnType::kNumber: ok = ReadNumberCell(cell, &value, &problem); break;
        case ColumnType::kYear: ok = ReadIntegerCell(cell, &value, &problem); break;
        case ColumnType::kFlag: ok = ReadFlagCell(cell, &value, &problem); break;
        case ColumnType::kPersonnummer: ok = ReadPersonnummerCell(cell, &value, &problem); break;
        case ColumnType::kPresence:
          ok = ReadFlagCell(cell, &value, &problem);
          if (ok && value == "no") return;
          break;
        case ColumnType::kChoice:
          value = ChoiceValue(column, CellText(cell));
          if (value.empty()) {
            ok = false;
            std::string list;
            for (const std::string& c : ShownChoices(column)) list += (list.empty() ? "" : ", ") + c;
            problem = "'" + CellText(cell) + "' is not one of " + list;
          }
          break;
      }
    }
    if (!ok) {
      const char* rule = column.type == ColumnType::kDate ? "records.date-invalid"
                         : column.type == ColumnType::kPersonnummer ? "records.personnummer-invalid"
                         : column.type == ColumnType::kFlag ? "records.flag-invalid"
                         : column.type == ColumnType::kChoice ? "import.choice-invalid"
                                                               : "records.number-invalid";
      Report(Severity::kError, where, trainee, rule, problem);
      return;
    }
    SetPath(row, column.path, value, column.type == ColumnType::kPresence);
  }

  ImportedRecords Finish() {
    ImportedRecords out;
    out.workbook_path = wb_.path;
    out.columns = columns_;
    std::ostringstream xml;
    doc_.save(xml, "  ", pugi::format_indent, pugi::encoding_utf8);
    out.xml = xml.str();
    // Read the text back to learn each element's line; both trees have the same shape. The
    // text was written just now, so it is well-formed; a cell's control character is left for
    // the records reader to report at its field.
    xml::Document again;
    xml::LoadOptions options;
    options.refuse_control_characters = false;
    Diagnostics unused;
    again.Load(wb_.path, out.xml, options, &unused);
    auto line_of = [&](pugi::xml_node node) { return again.Locate(node).line; };
    Walk(root_, again.root(), nullptr, "", line_of, &out.origins);
    return out;
  }

  template <typename LineOf>
  void Walk(pugi::xml_node built, pugi::xml_node read, const std::pair<int, std::size_t>* row, const std::string& path,
            LineOf& line_of, std::vector<XmlOrigin>* origins) {
    std::string here = path;
    if (auto it = origins_.find(built.internal_object()); it != origins_.end()) {
      row = &it->second;
      here = "";
    }
    if (row) origins->push_back({line_of(read), row->first, row->second, here});
    pugi::xml_node b = built.first_child(), r = read.first_child();
    for (; b && r; b = b.next_sibling(), r = r.next_sibling())
      if (b.type() == pugi::node_element)
        Walk(b, r, row, here.empty() ? std::string(b.name()) : here + "/" + b.name(), line_of, origins);
  }

  const Workbook& wb_;
  Diagnostics* diagnostics_;
  pugi::xml_document doc_;
  pugi::xml_node root_;
  std::map<std::string, pugi::xml_node> trainees_, people_;
  std::map<std::pair<int, std::string>, pugi::xml_node> numbered_;
  std::map<const void*, std::pair<int, std::size_t>> origins_;
  std::vector<std::vector<int>> columns_;
};

}  // namespace

ImportedRecords ImportWorkbook(const Workbook& workbook, Diagnostics* diagnostics) {
  return Importer(workbook, diagnostics).Run();
}

void LocateInWorkbook(const ImportedRecords& records, const std::string& xml_path, Diagnostics* diagnostics) {
  if (records.workbook_path.empty()) return;
  for (Diagnostic& d : *diagnostics) {
    if (d.location.file != xml_path) continue;
    d.location.file = records.workbook_path;
    if (d.location.line <= 0) continue;
    auto it = std::upper_bound(records.origins.begin(), records.origins.end(), d.location.line,
                               [](int line, const XmlOrigin& o) { return line < o.line; });
    if (it == records.origins.begin()) {
      d.location.line = d.location.column = 0;
      continue;
    }
    const XmlOrigin& origin = *std::prev(it);
    const SheetSpec& spec = RecordSheets()[static_cast<std::size_t>(origin.sheet)];
    const std::vector<std::string> headers = SheetHeaders(origin.sheet);
    const std::size_t first = headers.size() - spec.columns.size();
    // The field is "@attr" or a child's name; with the element's path it names the column.
    std::string field = d.field;
    if (const std::size_t slash = field.rfind('/'); slash != std::string::npos) field = field.substr(slash + 1);
    const std::string wanted = origin.path.empty() ? field : origin.path + (field.empty() ? "" : "/" + field);
    int column = -1;
    for (std::size_t c = 0; c < spec.columns.size(); ++c)
      if (spec.columns[c].path == wanted || (field.empty() && spec.columns[c].path == origin.path))
        column = static_cast<int>(c);
    if (column < 0 && origin.path.empty() && field == "description")  // the element's own text
      for (std::size_t c = 0; c < spec.columns.size(); ++c)
        if (spec.columns[c].path == ".") column = static_cast<int>(c);
    std::string where = spec.name + "!";
    const std::vector<int>& columns = records.columns[static_cast<std::size_t>(origin.sheet)];
    const std::size_t h = first + static_cast<std::size_t>(column);
    if (column >= 0 && h < columns.size() && columns[h] >= 0)
      where += CellName(origin.row, static_cast<std::size_t>(columns[h])) + " (" + headers[h] + ")";
    else
      where += std::to_string(origin.row + 1);
    d.location.file = records.workbook_path + ":" + where.substr(0, where.find(' ', where.find('!')));
    d.location.line = d.location.column = 0;
    d.message = where + ": " + d.message;
  }
}

}  // namespace stdok
