#include "output/scratch_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "test_support.h"

namespace stdok {
namespace {

namespace fs = std::filesystem;

// On disk (an unnamed file) and in memory (a file system without one) alike: what is appended,
// from several threads at once, reads back exactly, and nothing appears in the folder.
TEST(ScratchFile, KeepsBytesFromSeveralThreadsOnDiskAndInMemory) {
  const std::string folder = testing::MakeTempDir();
  DiskFileSystem disk;
  struct NoUnnamedFiles : DiskFileSystem {
    int OpenUnnamedFile(const std::string&) override { return -1; }
  } memory;
  for (FileSystem* fs : std::vector<FileSystem*>{&disk, &memory}) {
    ScratchFile scratch(fs, folder);
    EXPECT_EQ(scratch.on_disk(), fs == &disk);
    std::vector<std::vector<ScratchFile::Span>> spans(2, std::vector<ScratchFile::Span>(200));
    auto append = [&](int t) {
      for (int i = 0; i < 200; ++i) {
        std::string error;
        EXPECT_TRUE(scratch.Append(std::string(i + 1, static_cast<char>('a' + t)) + std::to_string(i), &spans[t][i],
                                   &error))
            << error;
      }
    };
    std::thread other(append, 1);
    append(0);
    other.join();
    for (int t = 0; t < 2; ++t)
      for (int i = 0; i < 200; ++i) {
        std::string bytes, error;
        ASSERT_TRUE(scratch.Read(spans[t][i], &bytes, &error)) << error;
        EXPECT_EQ(bytes, std::string(i + 1, static_cast<char>('a' + t)) + std::to_string(i));
      }
    std::string bytes, error;
    EXPECT_FALSE(scratch.Read({1u << 30, 10}, &bytes, &error)) << "past the end";
    EXPECT_EQ(error.rfind(folder + " (", 0), 0u) << error;
    EXPECT_TRUE(fs::is_empty(folder)) << "the scratch file is never seen in the folder";
  }
  fs::remove_all(folder);
}

}  // namespace
}  // namespace stdok
