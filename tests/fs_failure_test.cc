// I/O failures while rendering, injected through the FileSystem interface and on the real
// disk: each is reported with the path and the errno text, the other documents are still
// written, the exit code follows ExitCode(), and no partial or temporary file is left.
#include <gtest/gtest.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string_view>
#include <vector>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/render_job.h"
#include "output/file_system.h"
#include "test_support.h"
#include "workbook/xlsx_reader.h"

namespace stdok::testing {
namespace {

namespace fs = std::filesystem;

const char* kRecords =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<stdok-records version=\"1\">\n"
    "  <region id=\"vasternorrland\" name=\"Region Västernorrland\"/>\n"
    "  <unit id=\"med\" name=\"Medicinkliniken, Sundsvalls sjukhus\"/>\n"
    "  <person id=\"anna\" given-name=\"Anna\" family-name=\"Lindqvist\" title=\"Överläkare\" "
    "specialty=\"Internmedicin\" unit=\"med\" supervisor-training=\"2019\"/>\n"
    "  <person id=\"bo\" given-name=\"Bo\" family-name=\"Ek\" title=\"Verksamhetschef\" unit=\"med\"/>\n"
    "  <trainee id=\"T-1\">\n"
    "    <name given=\"Åsa\" family=\"Öberg\"/>\n"
    "    <programme kind=\"ST\" specialty=\"Internmedicin\" start=\"2024-09-01\" home-unit=\"med\"/>\n"
    "    <roles huvudhandledare=\"anna\" verksamhetschef=\"bo\"/>\n"
    "    <contract date=\"2024-10-01\" place=\"Sundsvall\"/>\n"
    "  </trainee>\n"
    "  <trainee id=\"T-2\">\n"
    "    <name given=\"Łukasz\" family=\"Żółkiewski\"/>\n"
    "    <programme kind=\"ST\" specialty=\"Internmedicin\" start=\"2024-09-01\" home-unit=\"med\"/>\n"
    "    <roles huvudhandledare=\"anna\" verksamhetschef=\"bo\"/>\n"
    "    <contract date=\"2024-10-01\" place=\"Sundsvall\"/>\n"
    "  </trainee>\n"
    "</stdok-records>\n";

// What the two trainees make with --pack contracts.
const std::set<std::string> kDocuments = {
    "asa-oberg/huvudhandledarkontrakt.pdf",         "asa-oberg/iup.pdf",
    "asa-oberg/st-kontrakt.pdf",                    "lukasz-zolkiewski/huvudhandledarkontrakt.pdf",
    "lukasz-zolkiewski/iup.pdf",                    "lukasz-zolkiewski/st-kontrakt.pdf",
};

// The real disk, except for the paths told to fail. A write told to fail writes nothing (as
// DiskFileSystem promises); `cut_path` is written for real, but cut off by the file size limit
// after the temporary file has been created.
class FaultyDisk : public FileSystem {
 public:
  std::map<std::string, int> fail_write;  // path -> errno
  std::map<std::string, int> fail_mkdir;  // path -> errno
  std::map<std::string, int> fail_remove;  // path -> errno
  std::string cut_path;
  bool unwritable_spool = false;  // the print pack's unnamed file takes no bytes (EBADF)

  bool MakeDirectories(const std::string& path, std::string* error) override {
    if (auto it = fail_mkdir.find(path); it != fail_mkdir.end()) {
      *error = path + ": " + std::strerror(it->second);
      return false;
    }
    return disk_.MakeDirectories(path, error);
  }
  bool WriteAtomically(const std::string& path, std::string_view bytes, std::string* error) override {
    if (auto it = fail_write.find(path); it != fail_write.end()) {
      *error = path + ": " + std::strerror(it->second);
      return false;
    }
    if (path == cut_path) {
      std::lock_guard<std::mutex> lock(mutex_);  // the limit is per process
      FileSizeLimit limit(512);
      return disk_.WriteAtomically(path, bytes, error);
    }
    return disk_.WriteAtomically(path, bytes, error);
  }
  // Print packs: the real streamed write, cut off the same way at `cut_path`.
  bool WriteAtomicallyInParts(const std::string& path, const PartWriter& write, std::string* error) override {
    if (auto it = fail_write.find(path); it != fail_write.end()) {
      *error = path + ": " + std::strerror(it->second);
      return false;
    }
    if (path != cut_path) return disk_.WriteAtomicallyInParts(path, write, error);
    // The limit holds only while the file system writes a part: the writer's own scratch file
    // is not cut off.
    std::lock_guard<std::mutex> lock(mutex_);
    auto limited = [&](const PartSink& sink) {
      return write([&](std::string_view part) {
        FileSizeLimit limit(512);
        return sink(part);
      });
    };
    return disk_.WriteAtomicallyInParts(path, limited, error);
  }
  bool RemoveFile(const std::string& path, std::string* error) override {
    if (auto it = fail_remove.find(path); it != fail_remove.end()) {
      *error = path + ": " + std::strerror(it->second);
      return false;
    }
    return disk_.RemoveFile(path, error);
  }
  bool ReadFile(const std::string& path, std::string* bytes, std::string* error) override {
    return disk_.ReadFile(path, bytes, error);
  }
  int OpenUnnamedFile(const std::string& folder) override {
    return unwritable_spool ? open("/dev/null", O_RDONLY | O_CLOEXEC) : disk_.OpenUnnamedFile(folder);
  }

 private:
  DiskFileSystem disk_;
  std::mutex mutex_;
};

struct Fixture {
  std::string root = MakeTempDir();
  std::string input = root + "/records.xml";
  std::string out = root + "/out";

  Fixture() { WriteText(input, kRecords); }
  ~Fixture() {
    fs::permissions(root, fs::perms::owner_all, fs::perm_options::add);
    if (!::testing::Test::HasFailure()) fs::remove_all(root);
  }

  RenderOptions Options() const {
    RenderOptions o;
    o.input = input;
    o.output_dir = out;
    o.templates_dir = SourceDir() + "/templates";
    o.forms_dir = SourceDir() + "/forms";
    o.fonts_dir = SourceDir() + "/fonts";
    o.pack = Pack::kContracts;
    o.jobs = 2;
    o.today = Date{2026, 11, 22};
    o.creation_time = 1795000000;
    o.quiet = true;
    return o;
  }

  // Every file below OUT, relative; fails on any temporary file left behind.
  std::set<std::string> Files() const {
    std::set<std::string> files;
    if (!fs::exists(out)) return files;
    for (const auto& e : fs::recursive_directory_iterator(out)) {
      if (!e.is_regular_file()) continue;
      std::string relative = fs::relative(e.path(), out).string();
      EXPECT_EQ(relative.find(".tmp-"), std::string::npos) << "temporary file left: " << relative;
      files.insert(relative);
    }
    return files;
  }
};

std::string Dump(const Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) out += d.ToString() + "\n";
  return out;
}

// The error diagnostic about `path`; fails when there is none.
const Diagnostic* ErrorAbout(const Diagnostics& diagnostics, const std::string& path) {
  for (const auto& d : diagnostics)
    if (d.severity == Severity::kError && d.location.file == path) return &d;
  ADD_FAILURE() << "no error about " << path << "\n" << Dump(diagnostics);
  return nullptr;
}

std::set<std::string> Without(std::set<std::string> all, const std::set<std::string>& gone) {
  for (const auto& g : gone) all.erase(g);
  return all;
}

std::optional<ManifestEntry> EntryFor(const RenderSummary& summary, const std::string& trainee,
                                     const std::string& doc) {
  for (const ManifestEntry& e : summary.entries)
    if (e.trainee_id == trainee && e.doc_id == doc) return e;
  return std::nullopt;
}

TEST(FsFailure, DiskFullOnOneDocumentFailsOnlyThatDocument) {
  Fixture f;
  FaultyDisk disk;
  const std::string path = f.out + "/asa-oberg/st-kontrakt.pdf";
  disk.fail_write[path] = ENOSPC;
  Diagnostics diagnostics;
  RenderSummary summary = RunRender(f.Options(), &disk, &diagnostics);
  EXPECT_EQ(summary.written, 5);
  EXPECT_EQ(summary.failed, 1);
  EXPECT_FALSE(summary.io_error);
  EXPECT_EQ(ExitCode(summary), 1);
  if (const Diagnostic* d = ErrorAbout(diagnostics, path)) {
    EXPECT_EQ(d->message, path + ": No space left on device");
    EXPECT_EQ(d->trainee_id, "T-1");
  }
  std::set<std::string> expected = Without(kDocuments, {"asa-oberg/st-kontrakt.pdf"});
  expected.insert({"manifest.json", "manifest.csv", "manifest.xlsx"});
  EXPECT_EQ(f.Files(), expected);
  const std::optional<ManifestEntry> entry = EntryFor(summary, "T-1", "st-kontrakt");
  ASSERT_TRUE(entry.has_value());
  EXPECT_EQ(entry->status, "failed");
  EXPECT_EQ(entry->file, "");
  EXPECT_NE(entry->reason.find("No space left on device"), std::string::npos);
  EXPECT_NE(ReadText(f.out + "/manifest.json").find("No space left on device"), std::string::npos);
}

TEST(FsFailure, PermissionDeniedOnATraineeFolderFailsThatTraineesDocuments) {
  Fixture f;
  FaultyDisk disk;
  const std::string folder = f.out + "/lukasz-zolkiewski";
  disk.fail_mkdir[folder] = EACCES;
  Diagnostics diagnostics;
  RenderSummary summary = RunRender(f.Options(), &disk, &diagnostics);
  EXPECT_EQ(summary.written, 3);
  EXPECT_EQ(summary.failed, 3);
  EXPECT_EQ(ExitCode(summary), 1);
  int reported = 0;
  for (const auto& d : diagnostics) {
    if (d.severity != Severity::kError) continue;
    ++reported;
    EXPECT_EQ(d.location.file.rfind(folder + "/", 0), 0u) << d.ToString();
    EXPECT_EQ(d.message, folder + ": Permission denied") << d.ToString();
    EXPECT_EQ(d.trainee_id, "T-2");
  }
  EXPECT_EQ(reported, 3) << Dump(diagnostics);
  std::set<std::string> expected = {"asa-oberg/huvudhandledarkontrakt.pdf", "asa-oberg/iup.pdf",
                                    "asa-oberg/st-kontrakt.pdf", "manifest.json", "manifest.csv",
                                    "manifest.xlsx"};
  EXPECT_EQ(f.Files(), expected);
}

TEST(FsFailure, OutputFolderThatCannotBeMadeIsAnIoError) {
  Fixture f;
  FaultyDisk disk;
  disk.fail_mkdir[f.out] = EACCES;
  Diagnostics diagnostics;
  RenderSummary summary = RunRender(f.Options(), &disk, &diagnostics);
  EXPECT_TRUE(summary.io_error);
  EXPECT_EQ(summary.written, 0);
  EXPECT_EQ(ExitCode(summary), 2);
  if (const Diagnostic* d = ErrorAbout(diagnostics, f.out)) {
    EXPECT_EQ(d->message, "cannot create the output folder: " + f.out + ": Permission denied");
  }
  EXPECT_FALSE(fs::exists(f.out));
}

// Whichever manifest file fails, none is left (not the new one, nor the previous run's):
// half a manifest, or one that describes other documents, is worse than none.
TEST(FsFailure, ManifestThatCannotBeWrittenIsAnIoErrorAfterTheDocuments) {
  for (const auto& [name, err] : std::vector<std::pair<std::string, int>>{{"manifest.json", ENOSPC},
                                                                          {"manifest.csv", EIO},
                                                                          {"manifest.xlsx", EROFS}}) {
    Fixture f;
    DiskFileSystem disk;
    Diagnostics first_run;
    ASSERT_EQ(ExitCode(RunRender(f.Options(), &disk, &first_run)), 0) << Dump(first_run);
    FaultyDisk faulty;
    faulty.fail_write[f.out + "/" + name] = err;
    Diagnostics diagnostics;
    RenderSummary summary = RunRender(f.Options(), &faulty, &diagnostics);
    EXPECT_EQ(summary.written, 6);
    EXPECT_TRUE(summary.io_error);
    EXPECT_FALSE(summary.manifest_written);
    EXPECT_EQ(ExitCode(summary), 2);
    if (const Diagnostic* d = ErrorAbout(diagnostics, f.out)) {
      EXPECT_EQ(d->message, "cannot write the manifest: " + f.out + "/" + name + ": " + std::strerror(err));
    }
    EXPECT_EQ(f.Files(), kDocuments) << name;
    EXPECT_NE(FormatRenderSummary(summary, f.out, Date{2026, 11, 22}).find("no manifest written"), std::string::npos);
  }
}

TEST(FsFailure, PreviousManifestThatCannotBeRemovedStopsTheRunBeforeAnyDocument) {
  Fixture f;
  DiskFileSystem disk;
  Diagnostics first_run;
  ASSERT_EQ(ExitCode(RunRender(f.Options(), &disk, &first_run)), 0) << Dump(first_run);
  const std::string manifest = ReadText(f.out + "/manifest.json");
  const std::string pdf = ReadText(f.out + "/asa-oberg/st-kontrakt.pdf");

  RenderOptions options = f.Options();
  options.creation_time = 1795086400;  // other bytes, were anything rewritten
  FaultyDisk faulty;
  faulty.fail_remove[f.out + "/manifest.json"] = EACCES;
  Diagnostics diagnostics;
  RenderSummary summary = RunRender(options, &faulty, &diagnostics);
  EXPECT_EQ(summary.written, 0);
  EXPECT_EQ(ExitCode(summary), 2);
  if (const Diagnostic* d = ErrorAbout(diagnostics, f.out)) {
    EXPECT_EQ(d->message,
              "cannot remove the previous run's manifest: " + f.out + "/manifest.json: Permission denied");
  }
  EXPECT_EQ(ReadText(f.out + "/asa-oberg/st-kontrakt.pdf"), pdf) << "a document was rewritten";
  EXPECT_EQ(ReadText(f.out + "/manifest.json"), manifest);
}

// Every file the manifest lists is on disk before the manifest, which is written last; the
// previous run's manifest is gone before the first document is written (a run killed midway
// leaves no manifest that describes other documents).
TEST(FsFailure, ManifestIsWrittenAfterEveryDocument) {
  Fixture f;
  DiskFileSystem plain;
  Diagnostics first_run;
  ASSERT_EQ(ExitCode(RunRender(f.Options(), &plain, &first_run)), 0) << Dump(first_run);
  struct Recording : FaultyDisk {
    std::string out;
    std::mutex mutex;
    std::vector<std::string> writes;
    bool WriteAtomically(const std::string& path, std::string_view bytes, std::string* error) override {
      {
        std::lock_guard<std::mutex> lock(mutex);
        if (writes.empty()) {
          EXPECT_FALSE(fs::exists(out + "/manifest.json")) << "the previous manifest beside new documents";
          EXPECT_FALSE(fs::exists(out + "/manifest.csv")) << "the previous manifest beside new documents";
          EXPECT_FALSE(fs::exists(out + "/manifest.xlsx")) << "the previous manifest beside new documents";
        }
      }
      bool ok = FaultyDisk::WriteAtomically(path, bytes, error);
      std::lock_guard<std::mutex> lock(mutex);
      writes.push_back(path);
      return ok;
    }
    bool WriteAtomicallyInParts(const std::string& path, const PartWriter& write, std::string* error) override {
      bool ok = FaultyDisk::WriteAtomicallyInParts(path, write, error);
      std::lock_guard<std::mutex> lock(mutex);
      writes.push_back(path);
      return ok;
    }
  } disk;
  disk.out = f.out;
  RenderOptions options = f.Options();
  options.print_pack = true;
  Diagnostics diagnostics;
  RenderSummary summary = RunRender(options, &disk, &diagnostics);
  ASSERT_EQ(ExitCode(summary), 0) << Dump(diagnostics);
  ASSERT_GE(disk.writes.size(), kDocuments.size() + 3);
  const size_t n = disk.writes.size();
  EXPECT_EQ(disk.writes[n - 3], f.out + "/manifest.json");
  EXPECT_EQ(disk.writes[n - 2], f.out + "/manifest.csv");
  EXPECT_EQ(disk.writes[n - 1], f.out + "/manifest.xlsx");
  for (size_t i = 0; i + 3 < n; ++i) EXPECT_EQ(disk.writes[i].find("/manifest."), std::string::npos);
}

// Pages that cannot be kept for the print packs (the spool's file takes no bytes) fail the packs,
// each with the reason; every single document is written and listed as before.
TEST(FsFailure, PagesThatCannotBeKeptFailOnlyThePrintPacks) {
  Fixture f;
  FaultyDisk disk;
  disk.unwritable_spool = true;
  RenderOptions options = f.Options();
  options.print_pack = true;
  Diagnostics diagnostics;
  RenderSummary summary = RunRender(options, &disk, &diagnostics);
  EXPECT_EQ(summary.written, static_cast<int>(kDocuments.size()));
  EXPECT_FALSE(summary.io_error);
  EXPECT_EQ(ExitCode(summary), 1);
  std::set<std::string> expected = kDocuments;
  expected.insert({"manifest.json", "manifest.csv", "manifest.xlsx"});
  EXPECT_EQ(f.Files(), expected) << "no pack, and nothing of the spool, in OUT";
  int packs = 0;
  for (const ManifestEntry& e : summary.entries) {
    if (!e.trainee_id.empty()) continue;
    ++packs;
    EXPECT_EQ(e.status, "failed") << e.doc_id;
    EXPECT_EQ(e.reason, "its pages could not be kept: " + f.out + " (unnamed scratch file): " + std::strerror(EBADF))
        << e.doc_id;
  }
  EXPECT_EQ(packs, 3);  // huvudhandledarkontrakt, iup, st-kontrakt
  EXPECT_EQ(summary.failed, packs);
  int reported = 0;
  for (const Diagnostic& d : diagnostics) reported += d.rule == "io.print-pack";
  EXPECT_EQ(reported, packs) << Dump(diagnostics);
}

// A print pack is written part by part straight into its file; a disk that refuses a part
// fails that pack alone, with the reason, and leaves nothing of it in the folder.
TEST(FsFailure, APrintPackCutOffMidwayFailsOnlyThatPack) {
  Fixture f;
  FaultyDisk disk;
  disk.cut_path = f.out + "/utskriftspaket/iup.pdf";
  RenderOptions options = f.Options();
  options.print_pack = true;
  Diagnostics diagnostics;
  RenderSummary summary = RunRender(options, &disk, &diagnostics);
  EXPECT_EQ(ExitCode(summary), 1);
  EXPECT_TRUE(summary.manifest_written);
  EXPECT_EQ(summary.written, static_cast<int>(kDocuments.size()));
  EXPECT_EQ(summary.failed, 1);
  std::set<std::string> expected = kDocuments;
  expected.insert({"utskriftspaket/huvudhandledarkontrakt.pdf", "utskriftspaket/st-kontrakt.pdf", "manifest.json",
                   "manifest.csv", "manifest.xlsx"});
  EXPECT_EQ(f.Files(), expected) << "no iup pack, and no temporary file of it";
  int packs = 0;
  for (const ManifestEntry& e : summary.entries) {
    if (!e.trainee_id.empty()) continue;
    ++packs;
    if (e.doc_id != "iup") {
      EXPECT_EQ(e.status, "written") << e.doc_id;
      continue;
    }
    EXPECT_EQ(e.status, "failed");
    EXPECT_EQ(e.reason, disk.cut_path + ": File too large");
    EXPECT_EQ(e.file, "");
    EXPECT_EQ(e.sha256, "");
  }
  EXPECT_EQ(packs, 3);
  const Diagnostic* d = ErrorAbout(diagnostics, disk.cut_path);
  ASSERT_NE(d, nullptr) << Dump(diagnostics);
  EXPECT_EQ(d->rule, "io.print-pack");
  EXPECT_EQ(d->message, "cannot write the print pack: " + disk.cut_path + ": File too large");
}

// A records file the reader refuses as a whole: exit code 2, nothing written, no manifest.
TEST(FsFailure, RefusedInputWritesNothing) {
  for (const std::string& text : {std::string(), std::string("\xFF\xFE<\0s\0", 6), std::string("not xml"),
                                  std::string("<!DOCTYPE x [<!ENTITY a \"b\">]><stdok-records version=\"1\"/>")}) {
    Fixture f;
    WriteText(f.input, text);
    DiskFileSystem disk;
    Diagnostics diagnostics;
    RenderSummary summary = RunRender(f.Options(), &disk, &diagnostics);
    EXPECT_TRUE(summary.io_error) << Dump(diagnostics);
    EXPECT_EQ(ExitCode(summary), 2) << Dump(diagnostics);
    EXPECT_FALSE(summary.manifest_written);
    EXPECT_FALSE(fs::exists(f.out)) << "the output folder was made for a refused input";
    ErrorAbout(diagnostics, f.input);
  }
}

TEST(FsFailure, OutputFolderInAReadOnlyDirectoryOnDisk) {
  if (geteuid() == 0) GTEST_SKIP() << "running as root: permissions do not apply";
  Fixture f;
  const std::string locked = f.root + "/locked";
  fs::create_directory(locked);
  fs::permissions(locked, fs::perms::owner_read | fs::perms::owner_exec);
  RenderOptions options = f.Options();
  options.output_dir = locked + "/out";
  DiskFileSystem disk;
  Diagnostics diagnostics;
  RenderSummary summary = RunRender(options, &disk, &diagnostics);
  fs::permissions(locked, fs::perms::owner_all);
  EXPECT_EQ(ExitCode(summary), 2);
  if (const Diagnostic* d = ErrorAbout(diagnostics, options.output_dir)) {
    EXPECT_EQ(d->message, "cannot create the output folder: " + options.output_dir + ": Permission denied");
  }
  EXPECT_TRUE(fs::is_empty(locked));
}

TEST(FsFailure, OutputFolderBelowAFileOnDisk) {  // runs as root too
  Fixture f;
  WriteText(f.root + "/plain-file", "x");
  RenderOptions options = f.Options();
  options.output_dir = f.root + "/plain-file/out";
  DiskFileSystem disk;
  Diagnostics diagnostics;
  RenderSummary summary = RunRender(options, &disk, &diagnostics);
  EXPECT_EQ(ExitCode(summary), 2);
  if (const Diagnostic* d = ErrorAbout(diagnostics, options.output_dir)) {
    EXPECT_EQ(d->message, "cannot create the output folder: " + options.output_dir + ": Not a directory");
  }
  EXPECT_EQ(ReadText(f.root + "/plain-file"), "x");
}

TEST(FsFailure, InterruptedRewriteLeavesThePreviousFileIntact) {
  Fixture f;
  DiskFileSystem disk;
  Diagnostics first_run;
  RenderOptions options = f.Options();
  RenderSummary first = RunRender(options, &disk, &first_run);
  ASSERT_EQ(ExitCode(first), 0) << Dump(first_run);
  const std::string path = f.out + "/asa-oberg/st-kontrakt.pdf";
  const std::string previous = ReadText(path);
  ASSERT_GT(previous.size(), 512u);

  // The second run's documents differ (another creation time), and the write of one is cut
  // off after its temporary file has been created and partly written.
  options.creation_time = 1795086400;
  options.jobs = 1;
  FaultyDisk faulty;
  faulty.cut_path = path;
  Diagnostics diagnostics;
  RenderSummary summary = RunRender(options, &faulty, &diagnostics);
  EXPECT_EQ(summary.written, 5);
  EXPECT_EQ(summary.failed, 1);
  EXPECT_EQ(ExitCode(summary), 1);
  if (const Diagnostic* d = ErrorAbout(diagnostics, path)) {
    EXPECT_EQ(d->message, path + ": File too large");
  }
  EXPECT_EQ(ReadText(path), previous) << "the previous version must survive";
  std::set<std::string> expected = kDocuments;
  expected.insert({"manifest.json", "manifest.csv", "manifest.xlsx"});
  EXPECT_EQ(f.Files(), expected);  // no temporary file beside it
  EXPECT_NE(ReadText(f.out + "/asa-oberg/iup.pdf"), std::string()) << "the others were rewritten";
}

// The real disk, recording each sync and each durable write (the manifest's) in order; a sync
// of `fail_path` fails with EIO.
struct SyncRecordingDisk : DiskFileSystem {
  std::string fail_path;
  std::mutex mutex;
  std::vector<std::string> events;  // "sync <path>" or "write <path>"
  bool WriteAtomically(const std::string& path, std::string_view bytes, std::string* error) override {
    {
      std::lock_guard<std::mutex> lock(mutex);
      events.push_back("write " + path);
    }
    return DiskFileSystem::WriteAtomically(path, bytes, error);
  }
  bool WriteAtomicallyInParts(const std::string& path, const PartWriter& write, std::string* error) override {
    {
      std::lock_guard<std::mutex> lock(mutex);
      events.push_back("write " + path);
    }
    return DiskFileSystem::WriteAtomicallyInParts(path, write, error);
  }

 protected:
  bool Sync(int fd, const std::string& path) override {
    {
      std::lock_guard<std::mutex> lock(mutex);
      events.push_back("sync " + path);
    }
    if (path == fail_path) {
      errno = EIO;
      return false;
    }
    return DiskFileSystem::Sync(fd, path);
  }
};

// Documents are written without waiting for the disk and made durable together, each file and
// then its folder, before the manifest that lists them is written; print packs, written in
// parts, are synced before their rename.
TEST(FsFailure, EveryDocumentIsDurableBeforeTheManifest) {
  Fixture f;
  SyncRecordingDisk disk;
  RenderOptions options = f.Options();
  options.print_pack = true;
  Diagnostics diagnostics;
  RenderSummary summary = RunRender(options, &disk, &diagnostics);
  ASSERT_EQ(ExitCode(summary), 0) << Dump(diagnostics);
  // The first event from `from` on that is `event`, or starts with it followed by ".tmp-" (a
  // file synced before its rename: a print pack, written in parts).
  auto at = [&](const std::string& event, std::ptrdiff_t from = 0) {
    auto it = std::find_if(disk.events.begin() + from, disk.events.end(), [&](const std::string& e) {
      return e == event || e.rfind(event + ".tmp-", 0) == 0;
    });
    EXPECT_NE(it, disk.events.end()) << "no " << event;
    return it - disk.events.begin();
  };
  const auto manifest = at("write " + f.out + "/manifest.json");
  size_t made = 0, packs = 0;
  for (const ManifestEntry& e : summary.entries) {
    if (e.status != "written") continue;
    ++made;
    packs += e.file.rfind("utskriftspaket/", 0) == 0;
    const std::string path = f.out + "/" + e.file;
    const auto file = at("sync " + path), folder = at("sync " + path.substr(0, path.rfind('/')), file);
    EXPECT_LT(file, folder) << path;
    EXPECT_LT(folder, manifest) << path;
  }
  EXPECT_GE(packs, 1u);
  EXPECT_EQ(made, kDocuments.size() + packs) << "the documents and the print packs";
}

TEST(FsFailure, ADocumentThatCannotBeMadeDurableFailsOnlyThatDocument) {
  Fixture f;
  SyncRecordingDisk disk;
  const std::string path = f.out + "/lukasz-zolkiewski/iup.pdf";
  disk.fail_path = path;
  Diagnostics diagnostics;
  RenderSummary summary = RunRender(f.Options(), &disk, &diagnostics);
  EXPECT_EQ(summary.written, 5);
  EXPECT_EQ(summary.failed, 1);
  EXPECT_TRUE(summary.manifest_written);
  EXPECT_EQ(ExitCode(summary), 1);
  if (const Diagnostic* d = ErrorAbout(diagnostics, path)) {
    EXPECT_EQ(d->message, path + ": Input/output error");
    EXPECT_EQ(d->rule, "io.write");
    EXPECT_EQ(d->trainee_id, "T-2");
  }
  std::set<std::string> expected = Without(kDocuments, {"lukasz-zolkiewski/iup.pdf"});
  expected.insert({"manifest.json", "manifest.csv", "manifest.xlsx"});
  EXPECT_EQ(f.Files(), expected) << "a file that may not survive a power cut stays beside the manifest";
  const std::optional<ManifestEntry> entry = EntryFor(summary, "T-2", "iup");
  ASSERT_TRUE(entry.has_value());
  EXPECT_EQ(entry->status, "failed");
  EXPECT_EQ(entry->file, "");
  EXPECT_EQ(entry->sha256, "");
  EXPECT_EQ(entry->reason, path + ": Input/output error");
  // The workbook, made while the documents were being synced, is made again from the new entry.
  Workbook book;
  std::string error;
  ASSERT_TRUE(ReadXlsx(ReadText(f.out + "/manifest.xlsx"), WorkbookLimits(), &book, &error)) << error;
  ASSERT_EQ(book.sheets.size(), 1u);
  const Sheet& sheet = book.sheets[0];
  int rows = 0;
  for (size_t r = 1; r < sheet.rows.size(); ++r) {
    if (sheet.At(r, 0).text != "T-2" || sheet.At(r, 2).text != "iup") continue;
    ++rows;
    EXPECT_EQ(sheet.At(r, 3).text, "") << "file";
    EXPECT_EQ(sheet.At(r, 7).text, "failed") << "status";
    EXPECT_EQ(sheet.At(r, 8).text, path + ": Input/output error") << "reason";
  }
  EXPECT_EQ(rows, 1);
}

}  // namespace
}  // namespace stdok::testing
