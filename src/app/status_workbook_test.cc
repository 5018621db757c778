#include "app/status_workbook.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>

namespace stdok {
namespace {

TEST(ManifestWorkbook, OpenpyxlReadsItAndFormulaLikeTextStaysText) {
  ManifestEntry e;
  e.trainee_id = "=1+1";
  e.trainee_name = "Åsa Öberg";
  e.doc_id = "st-kontrakt";
  e.file = "asa-oberg/st-kontrakt.pdf";
  e.pages = 3;
  e.bytes = 41234;
  e.status = "written";
  const std::string dir = std::filesystem::temp_directory_path() / ("stdok-manifest-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  DiskFileSystem fs;
  std::string error;
  ASSERT_TRUE(WriteManifestWorkbook({e}, dir + "/manifest.xlsx", &fs, &error)) << error;
  FILE* p = popen(("/usr/bin/python3 -c \"import openpyxl; ws=openpyxl.load_workbook('" + dir +
                   "/manifest.xlsx').active; print([c.value for c in ws[2]][:6], ws.cell(2,1).data_type)\"")
                      .c_str(),
                  "r");
  char buffer[512] = {};
  const std::size_t n = fread(buffer, 1, sizeof buffer - 1, p);
  pclose(p);
  EXPECT_EQ(std::string(buffer, n), "['=1+1', 'Åsa Öberg', 'st-kontrakt', 'asa-oberg/st-kontrakt.pdf', 3, 41234] s\n");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace stdok
