#include "output/file_system.h"

#include <gtest/gtest.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test_support.h"

namespace stdok {
namespace {

namespace fs = std::filesystem;

std::string TempDir() {
  std::string pattern = (fs::temp_directory_path() / "stdok-fs-XXXXXX").string();
  return mkdtemp(pattern.data());
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> Names(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

using testing::FileSizeLimit;

TEST(DiskFileSystem, MakeDirectoriesCreatesParentsAndAcceptsExisting) {
  DiskFileSystem disk;
  std::string root = TempDir();
  std::string error;
  EXPECT_TRUE(disk.MakeDirectories(root + "/a/b/c", &error)) << error;
  EXPECT_TRUE(fs::is_directory(root + "/a/b/c"));
  EXPECT_TRUE(disk.MakeDirectories(root + "/a/b/c", &error)) << error;
  EXPECT_TRUE(disk.MakeDirectories(root + "/a/b/c/", &error)) << error;
  fs::remove_all(root);
}

TEST(DiskFileSystem, MakeDirectoriesThroughAFileNamesThePathAndTheReason) {
  DiskFileSystem disk;
  std::string root = TempDir();
  std::ofstream(root + "/file") << "x";
  std::string error;
  EXPECT_FALSE(disk.MakeDirectories(root + "/file", &error));
  EXPECT_EQ(error, root + "/file: not a directory");
  EXPECT_FALSE(disk.MakeDirectories(root + "/file/sub", &error));
  EXPECT_EQ(error, root + "/file/sub: Not a directory");
  fs::remove_all(root);
}

TEST(DiskFileSystem, WriteAtomicallyReplacesAndLeavesNoTemporaryFile) {
  DiskFileSystem disk;
  std::string root = TempDir();
  std::string error;
  ASSERT_TRUE(disk.WriteAtomically(root + "/doc.pdf", "first", &error)) << error;
  ASSERT_TRUE(disk.WriteAtomically(root + "/doc.pdf", "second version", &error)) << error;
  EXPECT_EQ(Slurp(root + "/doc.pdf"), "second version");
  EXPECT_EQ(Names(root), std::vector<std::string>{"doc.pdf"});
  std::string bytes;
  ASSERT_TRUE(disk.ReadFile(root + "/doc.pdf", &bytes, &error)) << error;
  EXPECT_EQ(bytes, "second version");
  ASSERT_TRUE(disk.WriteAtomically(root + "/empty.pdf", "", &error)) << error;
  EXPECT_EQ(fs::file_size(root + "/empty.pdf"), 0u);
  fs::remove_all(root);
}

TEST(DiskFileSystem, AWriteCutOffAfterTheTemporaryFileKeepsThePreviousFile) {
  DiskFileSystem disk;
  std::string root = TempDir();
  std::string error;
  const std::string previous(1000, 'a');
  ASSERT_TRUE(disk.WriteAtomically(root + "/doc.pdf", previous, &error)) << error;
  bool ok;
  {
    FileSizeLimit limit(4096);
    ok = disk.WriteAtomically(root + "/doc.pdf", std::string(100000, 'b'), &error);
  }
  EXPECT_FALSE(ok);
  EXPECT_EQ(error, root + "/doc.pdf: File too large");
  EXPECT_EQ(Slurp(root + "/doc.pdf"), previous);
  EXPECT_EQ(Names(root), std::vector<std::string>{"doc.pdf"}) << "the temporary file was left";
  fs::remove_all(root);
}

// A national run's manifest and a print pack are written part by part, never whole in memory.
TEST(DiskFileSystem, WriteAtomicallyInPartsWritesEveryPartInOrder) {
  DiskFileSystem disk;
  std::string root = TempDir();
  std::string error;
  auto parts = [](const FileSystem::PartSink& sink) {
    for (int i = 0; i < 3; ++i)
      if (!sink("part " + std::to_string(i) + ";")) return false;
    return true;
  };
  ASSERT_TRUE(disk.WriteAtomicallyInParts(root + "/manifest.json", parts, &error)) << error;
  EXPECT_EQ(Slurp(root + "/manifest.json"), "part 0;part 1;part 2;");
  EXPECT_EQ(Names(root), std::vector<std::string>{"manifest.json"});
  // The default (a file system that only knows whole files) puts the parts together.
  struct WholeFiles : DiskFileSystem {
    int whole = 0;
    bool WriteAtomically(const std::string& path, std::string_view bytes, std::string* error) override {
      ++whole;
      return DiskFileSystem::WriteAtomically(path, bytes, error);
    }
    bool WriteAtomicallyInParts(const std::string& path, const PartWriter& write, std::string* error) override {
      return FileSystem::WriteAtomicallyInParts(path, write, error);
    }
  } whole;
  ASSERT_TRUE(whole.WriteAtomicallyInParts(root + "/manifest.csv", parts, &error)) << error;
  EXPECT_EQ(whole.whole, 1);
  EXPECT_EQ(Slurp(root + "/manifest.csv"), "part 0;part 1;part 2;");
  fs::remove_all(root);
}

TEST(DiskFileSystem, AWriteInPartsCutOffKeepsThePreviousFile) {
  DiskFileSystem disk;
  std::string root = TempDir();
  std::string error;
  const std::string previous(1000, 'a');
  ASSERT_TRUE(disk.WriteAtomically(root + "/manifest.json", previous, &error)) << error;
  int refused_at = -1;
  auto parts = [&refused_at](const FileSystem::PartSink& sink) {
    for (int i = 0; i < 10; ++i)
      if (!sink(std::string(20000, 'b'))) {
        refused_at = i;
        return false;
      }
    return true;
  };
  bool ok;
  {
    FileSizeLimit limit(65536);
    ok = disk.WriteAtomicallyInParts(root + "/manifest.json", parts, &error);
  }
  EXPECT_FALSE(ok);
  EXPECT_EQ(refused_at, 3) << "the part past 64 KiB is refused and the writer stops there";
  EXPECT_EQ(error, root + "/manifest.json: File too large");
  EXPECT_EQ(Slurp(root + "/manifest.json"), previous);
  EXPECT_EQ(Names(root), std::vector<std::string>{"manifest.json"}) << "the temporary file was left";
  fs::remove_all(root);
}

// A writer that stops on its own (a print pack whose PDF cannot be made) leaves no file and no
// file system error: it says why itself.
TEST(DiskFileSystem, AWriterThatStopsLeavesNoFileAndNoFileSystemError) {
  std::string root = TempDir();
  const std::string previous = "the previous pack";
  auto stops = [](const FileSystem::PartSink& sink) { return sink("%PDF-1.3\n") && false; };
  DiskFileSystem disk;
  struct WholeFiles : DiskFileSystem {
    bool WriteAtomicallyInParts(const std::string& path, const PartWriter& write, std::string* error) override {
      return FileSystem::WriteAtomicallyInParts(path, write, error);
    }
  } whole;
  for (FileSystem* fs : std::vector<FileSystem*>{&disk, &whole}) {
    std::string error = "before";
    ASSERT_TRUE(fs->WriteAtomically(root + "/pack.pdf", previous, &error)) << error;
    EXPECT_FALSE(fs->WriteAtomicallyInParts(root + "/pack.pdf", stops, &error));
    EXPECT_EQ(error, "");
    EXPECT_EQ(Slurp(root + "/pack.pdf"), previous);
    EXPECT_EQ(Names(root), std::vector<std::string>{"pack.pdf"}) << "the temporary file was left";
  }
  fs::remove_all(root);
}

TEST(DiskFileSystem, WriteIntoAMissingFolderFailsWithThePath) {
  DiskFileSystem disk;
  std::string root = TempDir();
  std::string error;
  EXPECT_FALSE(disk.WriteAtomically(root + "/missing/doc.pdf", "x", &error));
  EXPECT_EQ(error, root + "/missing/doc.pdf: No such file or directory");
  fs::remove_all(root);
}

// Read at once into a string of the file's size, or chunk by chunk when the size is not
// known ahead (a pipe, a /proc file that reports 0 bytes): the same bytes either way.
TEST(DiskFileSystem, ReadFileReadsRegularFilesPipesAndSizelessFilesWhole) {
  DiskFileSystem disk;
  std::string root = TempDir(), error, bytes;
  std::string text;
  for (int i = 0; text.size() < 200000; ++i) text += "rad " + std::to_string(i) + " \xC3\xA5\xC3\xA4\xC3\xB6\n";
  ASSERT_TRUE(disk.WriteAtomically(root + "/big.txt", text, &error)) << error;
  ASSERT_TRUE(disk.ReadFile(root + "/big.txt", &bytes, &error)) << error;
  EXPECT_EQ(bytes, text);
  ASSERT_EQ(mkfifo((root + "/pipe").c_str(), 0600), 0);
  pid_t child = fork();
  if (child == 0) {
    std::ofstream(root + "/pipe", std::ios::binary) << text;
    _exit(0);
  }
  ASSERT_TRUE(disk.ReadFile(root + "/pipe", &bytes, &error)) << error;
  EXPECT_EQ(bytes, text);
  waitpid(child, nullptr, 0);
  ASSERT_TRUE(disk.ReadFile("/proc/self/status", &bytes, &error)) << error;
  EXPECT_NE(bytes.find("Name:"), std::string::npos);
  fs::remove_all(root);
}

TEST(DiskFileSystem, ReadFileErrorsNameThePathAndTheReason) {
  DiskFileSystem disk;
  std::string root = TempDir();
  std::string bytes, error;
  EXPECT_FALSE(disk.ReadFile(root + "/none.xml", &bytes, &error));
  EXPECT_EQ(error, root + "/none.xml: No such file or directory");
  EXPECT_FALSE(disk.ReadFile(root, &bytes, &error));
  EXPECT_EQ(error, root + ": Is a directory");
  fs::remove_all(root);
}

TEST(DiskFileSystem, ReadOnlyFolderRefusesWritesAndFolders) {
  if (geteuid() == 0) GTEST_SKIP() << "running as root: permissions do not apply";
  DiskFileSystem disk;
  std::string root = TempDir();
  std::string error;
  ASSERT_EQ(chmod(root.c_str(), 0555), 0);
  EXPECT_FALSE(disk.MakeDirectories(root + "/out", &error));
  EXPECT_EQ(error, root + "/out: Permission denied");
  EXPECT_FALSE(disk.WriteAtomically(root + "/doc.pdf", "x", &error));
  EXPECT_EQ(error, root + "/doc.pdf: Permission denied");
  chmod(root.c_str(), 0755);
  EXPECT_TRUE(Names(root).empty());
  fs::remove_all(root);
}

// The real disk, recording each sync: which file or folder, and what the final path held then.
class SyncRecordingDisk : public DiskFileSystem {
 public:
  explicit SyncRecordingDisk(std::string watched) : watched_(std::move(watched)) {}
  struct SyncEvent {
    std::string path;
    std::string final_content;  // of the watched path, "<none>" when it did not exist
  };
  std::vector<SyncEvent> syncs;
  std::string fail_path;        // a sync of this path fails with EIO
  bool fail_temporary = false;  // so does the sync of every temporary file

 protected:
  bool Sync(int fd, const std::string& path) override {
    {
      std::lock_guard<std::mutex> lock(mutex_);  // SyncFiles syncs on several threads
      syncs.push_back({path, fs::exists(watched_) ? Slurp(watched_) : "<none>"});
    }
    if (path == fail_path || (fail_temporary && path.find(".tmp-") != std::string::npos)) {
      errno = EIO;
      return false;
    }
    return DiskFileSystem::Sync(fd, path);
  }

 private:
  std::string watched_;
  std::mutex mutex_;
};

TEST(DiskFileSystem, WriteAtomicallySyncsTheFileBeforeTheRenameAndTheFolderAfter) {
  std::string root = TempDir();
  const std::string path = root + "/doc.pdf";
  SyncRecordingDisk disk(path);
  std::string error;
  ASSERT_TRUE(disk.WriteAtomically(path, "first", &error)) << error;
  ASSERT_TRUE(disk.WriteAtomically(path, "second", &error)) << error;
  ASSERT_EQ(disk.syncs.size(), 4u);
  // The temporary file, while the final name still holds the previous version.
  EXPECT_EQ(disk.syncs[0].path.rfind(path + ".tmp-", 0), 0u) << disk.syncs[0].path;
  EXPECT_EQ(disk.syncs[0].final_content, "<none>");
  EXPECT_EQ(disk.syncs[2].path.rfind(path + ".tmp-", 0), 0u) << disk.syncs[2].path;
  EXPECT_EQ(disk.syncs[2].final_content, "first");
  // The folder, once the rename is done.
  EXPECT_EQ(disk.syncs[1].path, root);
  EXPECT_EQ(disk.syncs[1].final_content, "first");
  EXPECT_EQ(disk.syncs[3].path, root);
  EXPECT_EQ(disk.syncs[3].final_content, "second");
  fs::remove_all(root);
}

TEST(DiskFileSystem, AFailedSyncOfTheFileKeepsThePreviousVersion) {
  std::string root = TempDir();
  const std::string path = root + "/doc.pdf";
  SyncRecordingDisk disk(path);
  std::string error;
  ASSERT_TRUE(disk.WriteAtomically(path, "previous", &error)) << error;
  disk.fail_temporary = true;
  EXPECT_FALSE(disk.WriteAtomically(path, "new", &error));
  EXPECT_EQ(error, path + ": Input/output error");
  EXPECT_EQ(Slurp(path), "previous");
  EXPECT_EQ(Names(root), std::vector<std::string>{"doc.pdf"}) << "the temporary file was left";
  fs::remove_all(root);
}

TEST(DiskFileSystem, AFailedSyncOfTheFolderIsReported) {
  std::string root = TempDir();
  const std::string path = root + "/doc.pdf";
  SyncRecordingDisk disk(path);
  disk.fail_path = root;
  std::string error;
  EXPECT_FALSE(disk.WriteAtomically(path, "new", &error));
  EXPECT_EQ(error, root + ": Input/output error");
  EXPECT_EQ(Names(root), std::vector<std::string>{"doc.pdf"});
  fs::remove_all(root);
}

TEST(DiskFileSystem, RemoveFileRemovesSyncsAndAcceptsAMissingFile) {
  std::string root = TempDir();
  const std::string path = root + "/manifest.json";
  SyncRecordingDisk disk(path);
  std::string error;
  ASSERT_TRUE(disk.WriteAtomically(path, "{}", &error)) << error;
  disk.syncs.clear();
  EXPECT_TRUE(disk.RemoveFile(path, &error)) << error;
  EXPECT_FALSE(fs::exists(path));
  ASSERT_EQ(disk.syncs.size(), 1u);
  EXPECT_EQ(disk.syncs[0].path, root);
  EXPECT_TRUE(disk.RemoveFile(path, &error)) << error;
  fs::create_directory(root + "/folder");
  EXPECT_FALSE(disk.RemoveFile(root + "/folder", &error));
  EXPECT_EQ(error, root + "/folder: Is a directory");
  fs::remove_all(root);
}

TEST(DiskFileSystem, UnsyncedWritesWaitForNothingUntilSyncFilesSyncsEachFileThenEachFolderOnce) {
  std::string root = TempDir();
  fs::create_directory(root + "/a");
  fs::create_directory(root + "/b");
  SyncRecordingDisk disk(root + "/a/1.pdf");
  std::string error;
  const std::vector<std::string> paths = {root + "/a/1.pdf", root + "/b/2.pdf", root + "/a/3.pdf"};
  for (const std::string& path : paths) ASSERT_TRUE(disk.WriteAtomicallyUnsynced(path, "x" + path, &error)) << error;
  EXPECT_TRUE(disk.syncs.empty()) << "an unsynced write waited for the disk";
  EXPECT_EQ(Slurp(root + "/a/1.pdf"), "x" + root + "/a/1.pdf") << "the whole file is under its name at once";
  EXPECT_EQ(Names(root + "/a"), (std::vector<std::string>{"1.pdf", "3.pdf"})) << "a temporary file was left";
  EXPECT_TRUE(disk.SyncFiles(paths).empty());
  // The files in any order (they are synced together), then each folder once.
  ASSERT_EQ(disk.syncs.size(), 5u);
  std::set<std::string> files, folders;
  for (size_t i = 0; i < 5; ++i) (i < 3 ? files : folders).insert(disk.syncs[i].path);
  EXPECT_EQ(files, std::set<std::string>(paths.begin(), paths.end()));
  EXPECT_EQ(folders, (std::set<std::string>{root + "/a", root + "/b"}));
  fs::remove_all(root);
}

TEST(DiskFileSystem, SyncFilesNamesEachFileThatMayNotBeDurableInOrder) {
  std::string root = TempDir();
  fs::create_directory(root + "/a");
  fs::create_directory(root + "/b");
  const std::vector<std::string> paths = {root + "/a/1.pdf", root + "/b/2.pdf", root + "/a/3.pdf",
                                          root + "/b/missing.pdf"};
  SyncRecordingDisk disk(paths[0]);
  std::string error;
  for (size_t i = 0; i < 3; ++i) ASSERT_TRUE(disk.WriteAtomicallyUnsynced(paths[i], "x", &error)) << error;
  disk.fail_path = root + "/a";  // the folder: both of its files may lose their names
  std::vector<FileSystem::SyncFailure> failures = disk.SyncFiles(paths);
  ASSERT_EQ(failures.size(), 3u);
  EXPECT_EQ(failures[0].path, paths[0]);
  EXPECT_EQ(failures[0].error, root + "/a: Input/output error");
  EXPECT_EQ(failures[1].path, paths[2]);
  EXPECT_EQ(failures[1].error, root + "/a: Input/output error");
  EXPECT_EQ(failures[2].path, paths[3]);
  EXPECT_EQ(failures[2].error, paths[3] + ": No such file or directory");
  disk.fail_path = paths[1];  // a file: only that one
  failures = disk.SyncFiles(paths);
  ASSERT_EQ(failures.size(), 2u);
  EXPECT_EQ(failures[0].path, paths[1]);
  EXPECT_EQ(failures[0].error, paths[1] + ": Input/output error");
  EXPECT_EQ(failures[1].path, paths[3]);
  fs::remove_all(root);
}

}  // namespace
}  // namespace stdok
