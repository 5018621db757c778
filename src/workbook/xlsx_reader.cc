#include "workbook/xlsx_reader.h"

#include <zip.h>

#include <cctype>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <set>

#include "xml/document.h"

namespace stdok {
namespace {

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};

class Package {
 public:
  Package(const WorkbookLimits& limits) : limits_(limits) {}

  bool Open(std::string_view bytes, std::string* error) {
    zip_error_t zerr;
    zip_error_init(&zerr);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &zerr);
    if (!source) {
      *error = "not a workbook: " + std::string(zip_error_strerror(&zerr));
      zip_error_fini(&zerr);
      return false;
    }
    zip_t* z = zip_open_from_source(source, ZIP_RDONLY, &zerr);
    if (!z) {
      zip_source_free(source);
      *error = "not an .xlsx workbook (not a zip package: " + std::string(zip_error_strerror(&zerr)) + ")";
      zip_error_fini(&zerr);
      return false;
    }
    zip_error_fini(&zerr);
    zip_.reset(z);
    return true;
  }

  bool Has(const std::string& name) { return zip_name_locate(zip_.get(), name.c_str(), 0) >= 0; }

  // Reads one part; false with *error when it is missing, damaged or over the limits.
  bool Read(const std::string& name, std::string* out, std::string* error) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(zip_.get(), name.c_str(), 0, &st) != 0) {
      *error = "the workbook has no part " + name;
      return false;
    }
    const std::uint64_t size = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
    const std::uint64_t comp = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
    if (size > (1u << 20) && (comp == 0 || size / comp > limits_.max_ratio)) {
      *error = "refused: the part " + name + " expands " + std::to_string(comp ? size / comp : size) +
               " times (a zip bomb?); the limit is " + std::to_string(limits_.max_ratio);
      return false;
    }
    if (total_ + size > limits_.max_uncompressed_bytes) {
      *error = "refused: the workbook's parts are larger than " +
               std::to_string(limits_.max_uncompressed_bytes >> 20) + " MiB uncompressed";
      return false;
    }
    zip_file_t* file = zip_fopen(zip_.get(), name.c_str(), 0);
    if (!file) {
      *error = "cannot read the part " + name + ": " + zip_strerror(zip_.get());
      return false;
    }
    out->assign(size, '\0');
    std::uint64_t got = 0;
    while (got < size) {
      const zip_int64_t n = zip_fread(file, out->data() + got, size - got);
      if (n <= 0) break;
      got += static_cast<std::uint64_t>(n);
    }
    char extra;
    const bool longer = got == size && zip_fread(file, &extra, 1) > 0;
    zip_fclose(file);
    if (got != size || longer) {
      *error = "the part " + name + " is damaged (its size is not the stated one)";
      return false;
    }
    total_ += size;
    return true;
  }

 private:
  const WorkbookLimits& limits_;
  std::unique_ptr<zip_t, ZipCloser> zip_;
  std::uint64_t total_ = 0;
};

// Loads one part through the XML layer (its refusals and positions, e.g.
// "xl/worksheets/sheet1.xml:3:17"); line ends inside cells are kept as written.
bool ParseXml(const std::string& part, const std::string& text, xml::Document* doc, std::string* error) {
  xml::LoadOptions options;
  options.kind = "workbook part";
  options.keep_line_ends = true;
  Diagnostics diagnostics;
  if (doc->Load(part, text, options, &diagnostics)) return true;
  *error = "the part " + part + " is not well-formed XML (" + diagnostics.back().location.ToString() + ": " +
           diagnostics.back().message + ")";
  return false;
}

// Names are compared without their namespace prefix ("x:row" and "row" alike).
std::string_view Local(const char* name) {
  std::string_view n(name);
  const std::size_t colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

pugi::xml_node Child(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_node c : node.children())
    if (Local(c.name()) == name) return c;
  return {};
}

const char* Attr(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_attribute a : node.attributes())
    if (Local(a.name()) == name) return a.value();
  return "";
}

// The text of a string item (<si>, <is>): its <t>, or the <t> of each run; phonetic runs left out.
std::string StringItem(pugi::xml_node item) {
  std::string text;
  for (pugi::xml_node c : item.children()) {
    const std::string_view name = Local(c.name());
    if (name == "t") text += c.text().get();
    else if (name == "r") text += Child(c, "t").text().get();
  }
  return text;
}

// Resolves a relationship target against the folder of the part that names it.
std::string ResolveTarget(const std::string& base_folder, const std::string& target) {
  if (!target.empty() && target[0] == '/') return target.substr(1);
  std::string path = base_folder + target;
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    const std::string part = path.substr(start, slash - start);
    if (part == "..") { if (!parts.empty()) parts.pop_back(); }
    else if (!part.empty() && part != ".") parts.push_back(part);
    start = slash + 1;
  }
  std::string joined;
  for (const std::string& p : parts) joined += (joined.empty() ? "" : "/") + p;
  return joined;
}

std::map<std::string, std::string> Relationships(Package& package, const std::string& rels_part,
                                                 const std::string& base_folder, std::string* error) {
  std::map<std::string, std::string> targets;
  if (!package.Has(rels_part)) return targets;
  std::string text;
  xml::Document doc;
  if (!package.Read(rels_part, &text, error) || !ParseXml(rels_part, text, &doc, error)) return targets;
  for (pugi::xml_node rel : doc.root().children())
    if (Local(rel.name()) == "Relationship")
      targets[Attr(rel, "Id")] = ResolveTarget(base_folder, Attr(rel, "Target"));
  return targets;
}

// Built-in number formats that show a date or time (ECMA-376 18.8.30), and custom codes with
// y, m, d, h or s outside quotes, escapes and [colour]/[condition] brackets.
bool IsDateFormat(int id, const std::string& code) {
  if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47)) return true;
  if (code.empty()) return false;
  bool quoted = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c == '\\' || c == '_' || c == '*') ++i;
    else if (c == '[') {
      const std::size_t close = code.find(']', i);
      if (close == std::string::npos) return false;
      i = close;
    } else if (std::strchr("ymdhsYMDHS", c)) return true;
  }
  return false;
}

bool IsPercentFormat(int id, const std::string& code) {
  return id == 9 || id == 10 || code.find('%') != std::string::npos;
}

struct Styles {
  std::vector<char> date;     // per cellXfs index
  std::vector<char> percent;
};

bool ReadStyles(Package& package, const std::string& part, Styles* styles, std::string* error) {
  if (part.empty() || !package.Has(part)) return true;
  std::string text;
  xml::Document doc;
  if (!package.Read(part, &text, error) || !ParseXml(part, text, &doc, error)) return false;
  std::map<int, std::string> codes;
  const pugi::xml_node root = doc.root();
  for (pugi::xml_node f : Child(root, "numFmts").children())
    codes[std::atoi(Attr(f, "numFmtId"))] = Attr(f, "formatCode");
  for (pugi::xml_node xf : Child(root, "cellXfs").children()) {
    if (Local(xf.name()) != "xf") continue;
    const int id = std::atoi(Attr(xf, "numFmtId"));
    const std::string code = codes.count(id) ? codes[id] : "";
    styles->date.push_back(IsDateFormat(id, code));
    styles->percent.push_back(IsPercentFormat(id, code));
  }
  return true;
}

// Splits "C14" into a 0-based row and column; false when it is not a cell reference.
bool ParseRef(std::string_view ref, std::size_t* row, std::size_t* column) {
  std::size_t i = 0;
  while (i < ref.size() && std::isupper(static_cast<unsigned char>(ref[i]))) ++i;
  const int c = ColumnIndex(std::string(ref.substr(0, i)));
  if (c < 0 || i == ref.size() || i + 8 < ref.size()) return false;
  std::size_t r = 0;
  for (std::size_t j = i; j < ref.size(); ++j) {
    if (!std::isdigit(static_cast<unsigned char>(ref[j]))) return false;
    r = r * 10 + static_cast<std::size_t>(ref[j] - '0');
  }
  if (r == 0) return false;
  *row = r - 1;
  *column = static_cast<std::size_t>(c);
  return true;
}

bool ParseNumber(const char* text, double* out) {
  char* end = nullptr;
  *out = std::strtod(text, &end);
  return end != text && *end == '\0';
}

class SheetReader {
 public:
  SheetReader(const WorkbookLimits& limits, const std::vector<std::string>& shared, const Styles& styles,
              std::size_t* cells)
      : limits_(limits), shared_(shared), styles_(styles), cells_(cells) {}

  bool Read(pugi::xml_node root, Sheet* sheet, std::string* error) {
    std::size_t next_row = 0;
    for (pugi::xml_node row : Child(root, "sheetData").children()) {
      if (Local(row.name()) != "row") continue;
      std::size_t r = next_row;
      if (const char* attr = Attr(row, "r"); *attr) {
        const long n = std::atol(attr);
        if (n < 1 || n > 1048576) return Fail(sheet, "has a row numbered '" + std::string(attr) + "'", error);
        r = static_cast<std::size_t>(n - 1);
      }
      if (r >= limits_.max_rows)
        return Fail(sheet, "has a row " + std::to_string(r + 1) + "; stdok reads at most " +
                               std::to_string(limits_.max_rows) + " rows per sheet", error);
      next_row = r + 1;
      std::size_t next_column = 0;
      for (pugi::xml_node c : row.children()) {
        if (Local(c.name()) != "c") continue;
        std::size_t cr = r, cc = next_column;
        if (const char* ref = Attr(c, "r"); *ref && !ParseRef(ref, &cr, &cc))
          return Fail(sheet, "has a cell named '" + std::string(ref) + "'", error);
        if (cc >= limits_.max_columns)
          return Fail(sheet, "has a cell in column " + CellName(0, cc).substr(0, CellName(0, cc).size() - 1) +
                                 "; stdok reads at most " + std::to_string(limits_.max_columns) + " columns",
                      error);
        next_column = cc + 1;
        Cell cell;
        if (!ReadCell(c, &cell, sheet, CellName(cr, cc), error)) return false;
        if (cell.kind == Cell::Kind::kEmpty) continue;
        if (++*cells_ > limits_.max_cells)
          return Fail(sheet, "takes the workbook over " + std::to_string(limits_.max_cells) + " cells", error);
        Put(sheet, cr, cc, std::move(cell));
      }
    }
    for (pugi::xml_node merge : Child(root, "mergeCells").children()) {
      const std::string ref = Attr(merge, "ref");
      const std::size_t colon = ref.find(':');
      std::size_t r0, c0, r1, c1;
      if (colon == std::string::npos || !ParseRef(std::string_view(ref).substr(0, colon), &r0, &c0) ||
          !ParseRef(std::string_view(ref).substr(colon + 1), &r1, &c1) || r1 < r0 || c1 < c0)
        continue;
      if (r1 >= limits_.max_rows || c1 >= limits_.max_columns ||
          (r1 - r0 + 1) * (c1 - c0 + 1) > limits_.max_cells - std::min(*cells_, limits_.max_cells))
        return Fail(sheet, "merges the range " + ref + ", beyond the limits", error);
      const Cell top = sheet->At(r0, c0);
      if (top.kind == Cell::Kind::kEmpty) continue;
      for (std::size_t r = r0; r <= r1; ++r)
        for (std::size_t c = c0; c <= c1; ++c)
          if (r != r0 || c != c0) {
            ++*cells_;
            Put(sheet, r, c, top);
          }
    }
    return true;
  }

 private:
  static bool Fail(const Sheet* sheet, const std::string& what, std::string* error) {
    *error = "refused: the sheet '" + sheet->name + "' " + what;
    return false;
  }

  static void Put(Sheet* sheet, std::size_t r, std::size_t c, Cell cell) {
    if (sheet->rows.size() <= r) sheet->rows.resize(r + 1);
    std::vector<Cell>& row = sheet->rows[r];
    if (row.size() <= c) row.resize(c + 1);
    row[c] = std::move(cell);
  }

  bool ReadCell(pugi::xml_node c, Cell* cell, const Sheet* sheet, const std::string& name, std::string* error) {
    const std::string type = Attr(c, "t");
    const char* value = Child(c, "v").text().get();
    if (type == "inlineStr") {
      cell->kind = Cell::Kind::kText;
      cell->text = StringItem(Child(c, "is"));
    } else if (type == "s") {
      const long index = std::atol(value);
      if (*value == '\0') return true;
      if (index < 0 || static_cast<std::size_t>(index) >= shared_.size())
        return Fail(sheet, "cell " + name + " names shared string " + value + ", which does not exist", error);
      cell->kind = Cell::Kind::kText;
      cell->text = shared_[static_cast<std::size_t>(index)];
    } else if (type == "str" || type == "d") {  // a formula's cached text; an ISO 8601 date
      cell->kind = Cell::Kind::kText;
      cell->text = value;
    } else if (type == "b") {
      if (*value == '\0') return true;
      cell->kind = Cell::Kind::kBool;
      cell->number = std::atoi(value) != 0;
    } else if (type == "e") {
      cell->kind = Cell::Kind::kError;
      cell->text = value;
    } else {
      if (*value == '\0') return true;  // no value (an uncalculated formula) is empty
      if (!ParseNumber(value, &cell->number))
        return Fail(sheet, "cell " + name + " holds '" + std::string(value).substr(0, 40) + "', not a number", error);
      cell->kind = Cell::Kind::kNumber;
      const long style = std::atol(Attr(c, "s"));
      if (style >= 0 && static_cast<std::size_t>(style) < styles_.date.size()) {
        cell->date = styles_.date[static_cast<std::size_t>(style)];
        cell->percent = styles_.percent[static_cast<std::size_t>(style)];
      }
    }
    return true;
  }

  const WorkbookLimits& limits_;
  const std::vector<std::string>& shared_;
  const Styles& styles_;
  std::size_t* cells_;
};

}  // namespace

bool ReadXlsx(std::string_view bytes, const WorkbookLimits& limits, Workbook* out, std::string* error) {
  Package package(limits);
  if (!package.Open(bytes, error)) return false;
  std::string workbook_part = "xl/workbook.xml";
  for (const auto& [id, target] : Relationships(package, "_rels/.rels", "", error))
    if (target.size() > 4 && target.substr(target.size() - 4) == ".xml" &&
        target.find("workbook") != std::string::npos)
      workbook_part = target;
  if (!error->empty()) return false;
  if (!package.Has(workbook_part)) {
    *error = "not an .xlsx workbook (the package has no " + workbook_part + ")";
    return false;
  }
  const std::size_t slash = workbook_part.rfind('/');
  const std::string folder = slash == std::string::npos ? "" : workbook_part.substr(0, slash + 1);
  const std::string rels_part = folder + "_rels/" + workbook_part.substr(folder.size()) + ".rels";
  const std::map<std::string, std::string> rels = Relationships(package, rels_part, folder, error);
  if (!error->empty()) return false;

  std::string text;
  xml::Document workbook;
  if (!package.Read(workbook_part, &text, error) || !ParseXml(workbook_part, text, &workbook, error)) return false;
  const pugi::xml_node root = workbook.root();
  const std::string date1904 = Attr(Child(root, "workbookPr"), "date1904");
  out->date1904 = date1904 == "1" || date1904 == "true";

  // Shared strings and styles: by relationship type, else by their usual names.
  std::string shared_part = folder + "sharedStrings.xml", styles_part = folder + "styles.xml";
  for (const auto& [id, target] : rels) {
    if (target.find("sharedStrings") != std::string::npos) shared_part = target;
    if (target.find("styles") != std::string::npos) styles_part = target;
  }
  std::vector<std::string> shared;
  if (package.Has(shared_part)) {
    std::string shared_text;
    xml::Document doc;
    if (!package.Read(shared_part, &shared_text, error) || !ParseXml(shared_part, shared_text, &doc, error))
      return false;
    for (pugi::xml_node si : doc.root().children())
      if (Local(si.name()) == "si") shared.push_back(StringItem(si));
  }
  Styles styles;
  if (!ReadStyles(package, styles_part, &styles, error)) return false;

  std::size_t cells = 0;
  std::set<std::string> names;
  for (pugi::xml_node entry : Child(root, "sheets").children()) {
    if (Local(entry.name()) != "sheet") continue;
    Sheet sheet;
    sheet.name = Attr(entry, "name");
    auto target = rels.find(Attr(entry, "id"));
    if (target == rels.end() || !package.Has(target->second)) {
      *error = "the sheet '" + sheet.name + "' has no part in the package";
      return false;
    }
    if (!names.insert(sheet.name).second) {
      *error = "two sheets are named '" + sheet.name + "'";
      return false;
    }
    std::string sheet_text;
    xml::Document doc;
    if (!package.Read(target->second, &sheet_text, error) || !ParseXml(target->second, sheet_text, &doc, error))
      return false;
    SheetReader reader(limits, shared, styles, &cells);
    if (!reader.Read(doc.root(), &sheet, error)) return false;
    out->sheets.push_back(std::move(sheet));
  }
  if (out->sheets.empty()) {
    *error = "the workbook has no sheets";
    return false;
  }
  return true;
}

}  // namespace stdok
