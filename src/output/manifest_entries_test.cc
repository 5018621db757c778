#include "output/manifest_entries.h"

#include <gtest/gtest.h>

namespace stdok {
namespace {

ManifestEntry Entry(const std::string& id, const std::string& name, const std::string& doc) {
  ManifestEntry e;
  e.trainee_id = id;
  e.trainee_name = name;
  e.doc_id = doc;
  e.file = name + "/" + doc + ".pdf";
  e.pages = 3;
  e.bytes = 5'000'000'123;  // more than 32 bits
  e.sha256 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  e.status = "written";
  return e;
}

void ExpectEqual(const ManifestEntry& a, const ManifestEntry& b) {
  EXPECT_EQ(a.trainee_id, b.trainee_id);
  EXPECT_EQ(a.trainee_name, b.trainee_name);
  EXPECT_EQ(a.doc_id, b.doc_id);
  EXPECT_EQ(a.file, b.file);
  EXPECT_EQ(a.pages, b.pages);
  EXPECT_EQ(a.bytes, b.bytes);
  EXPECT_EQ(a.sha256, b.sha256);
  EXPECT_EQ(a.status, b.status);
  EXPECT_EQ(a.reason, b.reason);
}

TEST(ManifestEntries, GivesBackEveryEntryAsPushed) {
  std::vector<ManifestEntry> pushed;
  pushed.push_back(Entry("T-1", "Åsa Öberg", "st-kontrakt"));
  pushed.push_back(Entry("T-1", "Åsa Öberg", "iup"));          // the same trainee: id and name shared
  pushed.push_back(Entry("T-1", "Åsa Öberg, annan", "iup"));   // the same id, another name
  pushed.push_back(Entry("T-2", "Åsa Öberg, annan", "iup"));   // the same name, another id
  ManifestEntry held = Entry("T-2", "Bo Ek", "intyg");
  held.status = "held-back";
  held.file.clear();
  held.sha256.clear();
  held.reason = std::string("not true as of 2026-12-05:\n\0binary", 34);
  pushed.push_back(held);
  ManifestEntry odd = Entry("", "", "pack");
  odd.sha256 = "ABCDEF";  // not 64 lowercase hex digits: kept as text
  odd.bytes = 0;
  odd.pages = -1;
  pushed.push_back(odd);
  ManifestEntry upper = Entry("T-3", "C D", "x");
  upper.sha256 = std::string(64, 'A');
  pushed.push_back(upper);
  ManifestEntry long_reason = Entry("T-3", "C D", "y");
  long_reason.reason = std::string(3 << 20, 'r');  // longer than a block
  pushed.push_back(long_reason);
  for (int i = 0; i < 20000; ++i) pushed.push_back(Entry("T-" + std::to_string(i / 9), "N " + std::to_string(i / 9), "d"));

  ManifestEntries entries;
  for (const ManifestEntry& e : pushed) entries.push_back(e);
  ASSERT_EQ(entries.size(), pushed.size());
  for (size_t i = 0; i < pushed.size(); ++i) {
    SCOPED_TRACE(i);
    ExpectEqual(entries[i], pushed[i]);
  }
  size_t n = 0;
  for (const ManifestEntry& e : entries) ExpectEqual(e, pushed[n++]);
  EXPECT_EQ(n, pushed.size());
}

TEST(ManifestEntries, ReplaceChangesOnlyThatEntry) {
  ManifestEntries entries = {Entry("T-1", "A B", "a"), Entry("T-1", "A B", "b"), Entry("T-1", "A B", "c")};
  ManifestEntry failed = entries[0];
  failed.status = "failed";
  failed.reason = "io";
  failed.file.clear();
  entries.Replace(0, failed);
  ExpectEqual(entries[0], failed);
  ExpectEqual(entries[1], Entry("T-1", "A B", "b"));  // still shares the first entry's id and name
  entries.push_back(Entry("T-1", "A B", "d"));
  ExpectEqual(entries[3], Entry("T-1", "A B", "d"));
  EXPECT_TRUE(ManifestEntries().empty());
}

}  // namespace
}  // namespace stdok
