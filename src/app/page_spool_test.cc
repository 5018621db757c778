#include "app/page_spool.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <thread>

namespace stdok {
namespace {

namespace fs = std::filesystem;

std::vector<Page> PagesOf(int n) {
  std::vector<Page> pages(static_cast<size_t>(n % 3 + 1));
  for (Page& page : pages) page.texts.push_back({1.0 * n, 2.0, FontFace::kRegular, 10, "dokument " + std::to_string(n)});
  return pages;
}

// Documents kept from several threads come back each as it was; on disk, nothing can be seen
// in the folder, and where the folder is not on disk the pages stay in memory.
void KeepAndReadBack(PageSpool* spool) {
  constexpr int kDocuments = 200;
  std::vector<PageSpool::Handle> handles(kDocuments);
  auto keep = [&](int from) {
    std::string error;
    for (int n = from; n < kDocuments; n += 2) ASSERT_TRUE(spool->Add(PagesOf(n), &handles[n], &error)) << error;
  };
  std::thread other(keep, 1);
  keep(0);
  other.join();
  for (int n = kDocuments - 1; n >= 0; --n) {
    std::vector<Page> pages;
    std::string error;
    ASSERT_TRUE(spool->Load(handles[n], &pages, &error)) << error;
    ASSERT_EQ(static_cast<int>(pages.size()), handles[n].pages);
    ASSERT_EQ(pages.size(), PagesOf(n).size());
    EXPECT_EQ(pages[0].texts[0].text, "dokument " + std::to_string(n));
    EXPECT_EQ(pages[0].texts[0].x, 1.0 * n);
  }
}

TEST(PageSpool, KeepsPagesInAnUnnamedFileInTheFolder) {
  std::string pattern = (fs::temp_directory_path() / "stdok-spool-XXXXXX").string();
  const std::string folder = mkdtemp(pattern.data());
  {
    DiskFileSystem disk;
    PageSpool spool(&disk, folder);
    EXPECT_TRUE(spool.on_disk());
    KeepAndReadBack(&spool);
    EXPECT_TRUE(fs::is_empty(folder)) << "the spool must not be seen in the output folder";
  }
  EXPECT_TRUE(fs::is_empty(folder));
  fs::remove_all(folder);
}

// A file system without unnamed files (a test's or serve's in memory): FileSystem's default.
class NoUnnamedFiles : public DiskFileSystem {
 public:
  int OpenUnnamedFile(const std::string& folder) override { return FileSystem::OpenUnnamedFile(folder); }
};

TEST(PageSpool, KeepsPagesInMemoryWhereTheFileSystemHasNoUnnamedFiles) {
  NoUnnamedFiles no_files;
  PageSpool spool(&no_files, fs::temp_directory_path().string());
  EXPECT_FALSE(spool.on_disk());
  KeepAndReadBack(&spool);
}

}  // namespace
}  // namespace stdok
