#include "app/status_workbook.h"

#include <cmath>

#include "app/xlsx_file.h"
#include "workbook/table_writer.h"

namespace stdok {
namespace {

std::string Joined(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

TableCell DateCell(const std::optional<Date>& date) { return date ? TableCell::On(*date) : TableCell{}; }

bool WriteAtomically(const SheetTable& table, const std::string& path, FileSystem* fs, std::string* error) {
  return WriteXlsxAtomically(
      path, fs, [&](const std::string& temporary, std::string* e) { return WriteTables({table}, temporary, e); }, error);
}

}  // namespace

bool WriteStatusWorkbook(const std::vector<TraineeStatus>& trainees, const Date& as_of, const std::string& path,
                         FileSystem* fs, std::string* error) {
  SheetTable table;
  table.sheet = "Status " + FormatIso(as_of);
  table.headers = {"Risk", "Id", "Namn", "Utbildning", "Specialitet", "Författning", "Start",
                   "Månader gjorda", "Tillgodoräknade månader", "Månader som krävs", "Tidigast klar",
                   "Beräknat slut", "Saknade intyg", "Delmål utan aktivitet", "Ansökan väntar på",
                   "Öppna tidsgränser", "Fel", "Varningar"};
  table.colour_scale_column = 0;
  for (const TraineeStatus& t : trainees) {
    std::vector<std::string> deadlines;
    for (const Deadline& d : t.open_deadlines) deadlines.push_back(d.what + " senast " + FormatIso(d.due));
    table.rows.push_back({TableCell::Number(t.risk), TableCell::Text(t.id), TableCell::Text(t.name),
                          TableCell::Text(t.kind), TableCell::Text(t.specialty), TableCell::Text(t.regulation),
                          DateCell(t.start), TableCell::Number(std::round(t.served_months * 10) / 10),
                          TableCell::Number(std::round(t.credited_months * 10) / 10),
                          TableCell::Number(std::round(t.required_months * 10) / 10), DateCell(t.earliest_completion),
                          DateCell(t.planned_end), TableCell::Text(Joined(t.missing_certificates, "\n")),
                          TableCell::Text(Joined(t.uncovered_delmal, " ")), TableCell::Text(Joined(t.not_ready, "\n")),
                          TableCell::Text(Joined(deadlines, "\n")), TableCell::Number(t.errors),
                          TableCell::Number(t.warnings)});
  }
  return WriteAtomically(table, path, fs, error);
}

bool MakeManifestWorkbook(const ManifestEntries& entries, FileSystem* fs, std::string* bytes, std::string* error) {
  SheetTable table;
  table.sheet = "Manifest";
  table.headers = {"trainee_id", "trainee_name", "document_id", "file", "pages", "bytes", "sha256", "status", "reason"};
  table.row_count = entries.size();
  table.make_row = [&entries](std::size_t r, std::vector<TableCell>* cells) {
    const ManifestEntry e = entries[r];
    *cells = {TableCell::Text(e.trainee_id), TableCell::Text(e.trainee_name), TableCell::Text(e.doc_id),
              TableCell::Text(e.file),       TableCell::Number(e.pages),        TableCell::Number(double(e.bytes)),
              TableCell::Text(e.sha256),     TableCell::Text(e.status),         TableCell::Text(e.reason)};
  };
  return MakeXlsx(
      fs, [&](const std::string& temporary, std::string* e) { return WriteTables({table}, temporary, e); }, bytes,
      error);
}

bool WriteManifestWorkbook(const ManifestEntries& entries, const std::string& path, FileSystem* fs,
                           std::string* error) {
  std::string bytes;
  return MakeManifestWorkbook(entries, fs, &bytes, error) && fs->WriteAtomically(path, bytes, error);
}

}  // namespace stdok
