// (Helpers for the workbook tests; the file name ends in _test.cc so that only the test binary
// links it.)
#include <unistd.h>
#include <zip.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "workbook/workbook_testing.h"

namespace stdok::testing {

std::string ZipBytes(const std::map<std::string, std::string>& parts, bool store) {
  char path[] = "/tmp/stdok-zip-XXXXXX";
  const int fd = mkstemp(path);
  close(fd);
  int err = 0;
  zip_t* z = zip_open(path, ZIP_TRUNCATE | ZIP_CREATE, &err);
  for (const auto& [name, content] : parts) {
    zip_source_t* s = zip_source_buffer(z, content.data(), content.size(), 0);
    const zip_int64_t index = zip_file_add(z, name.c_str(), s, ZIP_FL_OVERWRITE);
    if (store) zip_set_file_compression(z, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
  }
  zip_close(z);
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  std::remove(path);
  return bytes.str();
}

std::string MiniXlsx(const std::string& sheet_name, const std::string& sheet_data, const std::string& shared_strings,
                     const std::string& extra, const std::string& workbook_pr) {
  const std::string ns = R"( xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main")";
  const std::string rns = R"( xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships")";
  std::map<std::string, std::string> parts;
  parts["_rels/.rels"] =
      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
      R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)";
  parts["xl/workbook.xml"] = "<workbook" + ns + rns + ">" + workbook_pr + "<sheets><sheet name=\"" + sheet_name +
                             "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
  parts["xl/_rels/workbook.xml.rels"] =
      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
      R"(<Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="worksheet"/>)"
      R"(<Relationship Id="rId2" Target="sharedStrings.xml" Type="sharedStrings"/>)"
      R"(<Relationship Id="rId3" Target="styles.xml" Type="styles"/></Relationships>)";
  parts["xl/worksheets/sheet1.xml"] = "<worksheet" + ns + "><sheetData>" + sheet_data + "</sheetData>" + extra + "</worksheet>";
  if (!shared_strings.empty()) parts["xl/sharedStrings.xml"] = "<sst" + ns + ">" + shared_strings + "</sst>";
  // Styles: 0 general, 1 built-in date (14), 2 custom date "yyyy-mm-dd", 3 percent (9),
  // 4 custom "0.00 \"kr\"" (not a date though it has letters in quotes).
  parts["xl/styles.xml"] = "<styleSheet" + ns +
                           R"(><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/>)"
                           R"(<numFmt numFmtId="165" formatCode="0.00 &quot;kr d&quot;"/></numFmts>)"
                           R"(<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/>)"
                           R"(<xf numFmtId="9"/><xf numFmtId="165"/></cellXfs></styleSheet>)";
  return ZipBytes(parts);
}

}  // namespace stdok::testing
