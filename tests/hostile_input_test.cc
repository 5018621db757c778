// Hostile and broken records files through the real binary: every case ends with the
// documented exit code (0 all written, 1 some record failed, 2 usage, I/O or a file refused as a
// whole), a located diagnostic where the input has a place, no crash, no PDF for a record that
// failed, the other records still written, and nothing written outside OUT.
// Large inputs are generated here, never committed.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <tuple>

#include "test_support.h"
#include "text/unicode.h"

namespace stdok::testing {
namespace {

namespace fs = std::filesystem;

// Time limits are for an optimized build; sanitizer and debug builds get ten times as long.
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define STDOK_TEST_SANITIZED 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(STDOK_TEST_SANITIZED) || !defined(NDEBUG)
constexpr double kTimeScale = 10;
#else
constexpr double kTimeScale = 1;
#endif

std::string Stdok(const std::string& args) {
  return "SOURCE_DATE_EPOCH=1795000000 " + Quote(Binary()) + " " + args;
}

const char* kHead =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<stdok-records version=\"1\">\n"
    "  <region id=\"vasternorrland\" name=\"Region Västernorrland\"/>\n"
    "  <unit id=\"med\" name=\"Medicinkliniken, Sundsvalls sjukhus\"/>\n"
    "  <person id=\"anna\" given-name=\"Anna\" family-name=\"Lindqvist\" title=\"Överläkare\" "
    "specialty=\"Internmedicin\" unit=\"med\" supervisor-training=\"2019\"/>\n"
    "  <person id=\"bo\" given-name=\"Bo\" family-name=\"Ek\" title=\"Verksamhetschef\" unit=\"med\"/>\n";

const char* kRoles = "<roles huvudhandledare=\"anna\" verksamhetschef=\"bo\"/>";

// A trainee that renders without errors unless `extra` (more lines inside <trainee>) or the
// other fields make it fail.
std::string Trainee(const std::string& id, const std::string& given, const std::string& family,
                    const std::string& extra = "", const std::string& roles = kRoles,
                    const std::string& start = "2024-09-01") {
  return "  <trainee id=\"" + id + "\">\n" +
         "    <name given=\"" + given + "\" family=\"" + family + "\"/>\n" +
         "    <programme kind=\"ST\" specialty=\"Internmedicin\" start=\"" + start +
         "\" regulation=\"HSLF-FS 2021:8\" home-unit=\"med\"/>\n" +
         "    " + roles + "\n" +
         "    <contract date=\"2024-10-01\" place=\"Sundsvall\"/>\n" + extra + "  </trainee>\n";
}

std::string Good() { return Trainee("T-GOOD", "Bo", "Ok"); }

std::string Records(const std::string& body, const std::string& head = kHead) {
  return head + body + "</stdok-records>\n";
}

// "line:column" of the n-th occurrence of `needle` (columns count code points).
std::string Where(const std::string& text, const std::string& needle, int nth = 0) {
  size_t at = text.find(needle);
  for (int i = 0; i < nth && at != std::string::npos; ++i) at = text.find(needle, at + 1);
  EXPECT_NE(at, std::string::npos) << needle;
  if (at == std::string::npos) return "?";
  int line = 1, column = 1;
  for (size_t i = 0; i < at; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

struct Result {
  int exit_code = -1;
  std::string output;
  std::string root;                // a fresh folder holding in/ and out/
  std::string out;                 // OUT
  std::vector<std::string> files;  // every file below OUT, relative, sorted
  double seconds = 0;

  std::set<std::string> Folders() const {
    std::set<std::string> folders;
    for (const std::string& f : files)
      if (f.find('/') != std::string::npos) folders.insert(f.substr(0, f.find('/')));
    return folders;
  }
  std::vector<std::string> Pdfs() const {
    std::vector<std::string> pdfs;
    for (const std::string& f : files)
      if (f.size() > 4 && f.substr(f.size() - 4) == ".pdf") pdfs.push_back(f);
    return pdfs;
  }
};

// Everything below `root` must be the input under in/ or a plain file or folder under out/:
// no symbolic link, nothing beside them, no temporary file left, no path that leaves OUT.
void ExpectContained(const Result& r, const std::string& input_name) {
  const fs::path root = fs::canonical(r.root);
  const fs::path out = fs::canonical(r.out);
  std::set<std::string> top;
  for (const auto& e : fs::directory_iterator(root)) top.insert(e.path().filename().string());
  EXPECT_EQ(top, (std::set<std::string>{"in", "out"}));
  std::vector<std::string> inputs;
  for (const auto& e : fs::directory_iterator(root / "in")) inputs.push_back(e.path().filename().string());
  EXPECT_EQ(inputs, std::vector<std::string>{input_name});
  for (const auto& e : fs::recursive_directory_iterator(out)) {
    const fs::path p = e.path();
    EXPECT_FALSE(e.is_symlink()) << p;
    EXPECT_TRUE(e.is_regular_file() || e.is_directory()) << p;
    const std::string canonical = fs::weakly_canonical(p).string();
    EXPECT_EQ(canonical.rfind(out.string() + "/", 0), 0u) << p << " is outside " << out;
    EXPECT_EQ(p.filename().string().find(".tmp-"), std::string::npos) << "temporary file left: " << p;
    const std::string relative = fs::relative(p, out).string();
    EXPECT_LE(std::count(relative.begin(), relative.end(), '/'), 1) << "too deep: " << relative;
    if (e.is_directory()) {
      EXPECT_TRUE(std::regex_match(relative, std::regex("[a-z0-9]+(-[a-z0-9]+)*"))) << relative;
    }
  }
}

// Writes `bytes` as in/<name>, runs `stdok <command> in/<name> [-o out/] args`.
Result RunStdok(const std::string& name, const std::string& bytes, const std::string& args = "--pack contracts",
           const std::string& command = "render") {
  Result r;
  r.root = MakeTempDir();
  r.out = r.root + "/out";
  const std::string input = r.root + "/in/" + name;
  WriteText(input, bytes);
  std::string line = command + " " + Quote(input) + " --as-of 2026-11-22 " + args;
  if (command == "render") line += " -o " + Quote(r.out) + " -q -j 2";
  auto started = std::chrono::steady_clock::now();
  CommandResult c = RunCommand(Stdok(line));
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  r.exit_code = c.exit_code;
  r.output = c.output;
  // Diagnostics name the file as it was given; make them relative for the expectations.
  for (size_t at; (at = r.output.find(r.root + "/in/")) != std::string::npos;)
    r.output.erase(at, r.root.size() + 4);
  if (command == "render" && fs::exists(r.out)) {
    for (const auto& e : fs::recursive_directory_iterator(r.out))
      if (e.is_regular_file()) r.files.push_back(fs::relative(e.path(), r.out).string());
    std::sort(r.files.begin(), r.files.end());
    ExpectContained(r, name);
  }
  return r;
}

void CleanUp(const Result& r) {
  if (!::testing::Test::HasFailure()) fs::remove_all(r.root);
}

// No crash: the process exited by itself with a documented code.
void ExpectExit(const Result& r, int code) {
  EXPECT_EQ(r.exit_code, code) << r.output.substr(0, 4000);
  EXPECT_EQ(r.output.find("AddressSanitizer"), std::string::npos);
  EXPECT_EQ(r.output.find("terminate called"), std::string::npos);
}

void ExpectSays(const Result& r, const std::string& text) {
  EXPECT_NE(r.output.find(text), std::string::npos) << "expected: " << text << "\nin:\n"
                                                    << r.output.substr(0, 4000);
}

// A full personnummer (10 or 12 digits) never appears in what stdok prints.
void ExpectNoPersonnummer(const Result& r) {
  std::smatch m;
  EXPECT_FALSE(std::regex_search(r.output, m, std::regex("(19|20)?[0-9]{6}[-+]?[0-9]{4}")))
      << "leaked: " << m.str();
}

TEST(HostileInput, MalformedXmlIsLocatedAndWritesNothing) {
  std::string text = Records(Trainee("T-1", "Åsa", "Öberg") + Good());
  std::string unclosed = text;
  unclosed.replace(unclosed.find("verksamhetschef=\"bo\"/>"), 22, "verksamhetschef=\"bo\">");
  // Not XML at all: exit code 2 and nothing written, not even a manifest. A quote in a name
  // makes well-formed XML with an unknown attribute: that record fails (1).
  const std::vector<std::tuple<std::string, std::string, int>> cases = {
      {"unclosed.xml", unclosed, 2},
      {"truncated.xml", text.substr(0, text.size() / 2), 2},
      {"empty.xml", "", 2},
      {"garbage.xml", std::string("\x89PNG\r\n\x1a\n\x01\x02\xff\xfe garbage <<<>>> &&&", 30), 2},
      {"attribute-quote.xml", Records(Trainee("T-1", "Åsa\" evil=\"1", "Öberg")), 1},
  };
  for (const auto& [name, bytes, code] : cases) {
    Result r = RunStdok(name, bytes);
    ExpectExit(r, code);
    if (code == 2) {
      EXPECT_TRUE(r.files.empty()) << name << " wrote a manifest";
    }
    EXPECT_TRUE(std::regex_search(r.output, std::regex(std::regex_replace(name, std::regex("\\."), "\\.") +
                                                       ":[1-9][0-9]*:[1-9][0-9]*: error: ")))
        << name << ": " << r.output;
    EXPECT_TRUE(r.Pdfs().empty()) << name;
    CleanUp(r);
  }
  Result r = RunStdok("unclosed.xml", unclosed);
  ExpectSays(r, "unclosed.xml:" + Where(unclosed, "trainee>") + ": error: malformed XML");  // at the end tag's name
  CleanUp(r);
}

std::string Utf16(const std::string& utf8, bool little_endian) {
  std::string out = little_endian ? "\xFF\xFE" : "\xFE\xFF";
  auto unit = [&](char16_t u) {
    char lo = static_cast<char>(u & 0xFF), hi = static_cast<char>(u >> 8);
    out += little_endian ? std::string{lo, hi} : std::string{hi, lo};
  };
  for (char32_t c : ToCodepoints(utf8)) {
    if (c < 0x10000) {
      unit(static_cast<char16_t>(c));
    } else {
      unit(static_cast<char16_t>(0xD800 + ((c - 0x10000) >> 10)));
      unit(static_cast<char16_t>(0xDC00 + ((c - 0x10000) & 0x3FF)));
    }
  }
  return out;
}

TEST(HostileInput, Utf16IsRefusedAtLineOneColumnOne) {
  std::string text = Records(Trainee("T-1", "Åsa", "Öberg"));
  text.replace(text.find("UTF-8"), 5, "UTF-16");
  for (bool le : {true, false}) {
    const std::string name = le ? "utf16le.xml" : "utf16be.xml";
    Result r = RunStdok(name, Utf16(text, le));
    ExpectExit(r, 2);
    EXPECT_TRUE(r.files.empty()) << name << " wrote a manifest";
    ExpectSays(r, name + ":1:1: error: the file is UTF-16; save it as UTF-8");
    EXPECT_TRUE(r.Pdfs().empty());
    CleanUp(r);
  }
}

TEST(HostileInput, Utf8ByteOrderMarkIsAcceptedAndNotCountedAsAColumn) {
  std::string text = Records(Trainee("T-1", "Åsa", "Öberg") + Good());
  Result ok = RunStdok("bom.xml", "\xEF\xBB\xBF" + text);
  ExpectExit(ok, 0);
  EXPECT_EQ(ok.Folders(), (std::set<std::string>{"asa-oberg", "bo-ok"}));
  CleanUp(ok);

  std::string bad = Records(Trainee("T-1", "Åsa", "Öberg", "", "<roles huvudhandledare=\"anna\" verksamhetschef=\"bo\"/>",
                                     "2025-02-30") +
                            Good());
  Result r = RunStdok("bom-bad.xml", "\xEF\xBB\xBF" + bad);
  ExpectExit(r, 1);
  ExpectSays(r, "bom-bad.xml:" + Where(bad, "start=\"2025-02-30\"") +
                    ": error: [trainee T-1, programme/@start] '2025-02-30' is not a valid date");
  EXPECT_EQ(r.Folders(), (std::set<std::string>{"bo-ok"}));
  CleanUp(r);
}

TEST(HostileInput, DecomposedNamesArePrintedComposed) {
  // Å = A + U+030A, Ö = O + U+0308, ễ = e + U+0302 + U+0303 (as macOS and some exports write them).
  const std::string nfd_given = "A\xCC\x8Asa";
  const std::string nfd_family = "O\xCC\x88" "berg Nguye\xCC\x82\xCC\x83n";
  Result r = RunStdok("nfd.xml", Records(Trainee("T-1", nfd_given, nfd_family) + Good()));
  ExpectExit(r, 0);
  EXPECT_EQ(r.Folders(), (std::set<std::string>{"asa-oberg-nguyen", "bo-ok"}));
  const std::string nfc = "Åsa Öberg Nguyễn";
  const nlohmann::json manifest = nlohmann::json::parse(ReadText(r.out + "/manifest.json"));
  int entries = 0;
  for (const nlohmann::json& entry : manifest.at("documents"))
    if (entry.at("trainee_id") == "T-1") {
      EXPECT_EQ(entry.at("trainee_name"), nfc) << entry;
      ++entries;
    }
  EXPECT_GT(entries, 0) << manifest;
  const std::string text = PdfText(r.out + "/asa-oberg-nguyen/st-kontrakt.pdf");
  EXPECT_NE(text.find(nfc), std::string::npos) << text.substr(0, 1500);
  for (const char* mark : {"\xCC\x8A", "\xCC\x88", "\xCC\x82", "\xCC\x83"})
    EXPECT_EQ(text.find(mark), std::string::npos) << "a combining mark in the PDF text";
  CleanUp(r);
}

TEST(HostileInput, MegabyteOfFreeTextIsPrintedToTheLastWord) {
  std::string description;
  const std::string sentence = "Patientarbete på vårdavdelning med rond, journalföring och överrapportering. ";
  while (description.size() < (1u << 20)) description += sentence;
  description += "Sista meningen står här.";
  std::string extra =
                "    <placement unit=\"med\" start=\"2024-09-01\" end=\"2025-08-31\" supervisor=\"anna\" "
                "delmal=\"STc1\">" +
                    description + "</placement>\n";
  std::string text = Records(Trainee("T-1", "Åsa", "Öberg", extra) + Good());
  ASSERT_GT(text.size(), 1u << 20);
  Result r = RunStdok("big.xml", text, "--doc hslf-2021-bilaga-9 --doc st-kontrakt");
  ExpectExit(r, 0);
  EXPECT_LT(r.seconds, 20 * kTimeScale) << "1 MB of text should not take long";
  ASSERT_NE(std::find(r.files.begin(), r.files.end(), "asa-oberg/hslf-2021-bilaga-9.pdf"), r.files.end());
  EXPECT_NE(std::find(r.files.begin(), r.files.end(), "bo-ok/st-kontrakt.pdf"), r.files.end());
  const std::string pdf = PdfText(r.out + "/asa-oberg/hslf-2021-bilaga-9.pdf");
  EXPECT_NE(pdf.find("Sista meningen står här."), std::string::npos);
  CleanUp(r);
}

TEST(HostileInput, TenThousandPlacementsOnOneTrainee) {
  // One-day placements on consecutive days from 1990, so that none overlap.
  std::string placements;
  int year = 1990, day_of_year = 0;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  auto date = [&](int offset) {
    int y = year, d = day_of_year + offset;
    auto leap = [](int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; };
    while (d >= (leap(y) ? 366 : 365)) d -= leap(y) ? 366 : 365, ++y;
    int m = 0;
    while (d >= kDays[m] + (m == 1 && leap(y))) d -= kDays[m] + (m == 1 && leap(y)), ++m;
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", y, m + 1, d + 1);
    return std::string(buffer);
  };
  std::string last_start;
  for (int i = 0; i < 10000; ++i) {
    last_start = date(i);
    placements += "    <placement unit=\"med\" start=\"" + last_start + "\" end=\"" + last_start +
                  "\" supervisor=\"anna\" delmal=\"STc1\"/>\n";
  }
  std::string text = Records(Trainee("T-1", "Åsa", "Öberg", placements, kRoles, "1990-01-01") + Good());
  // --drafts: the application is held back (the one-day placements are far from 66 months)
  // but is made all the same, so the 10,000 rows go through the forms too.
  Result r = RunStdok("many.xml", text, "--doc iup --doc hslf-2021-bilaga-5 --drafts");
  ExpectExit(r, 0);
  EXPECT_LT(r.seconds, 20 * kTimeScale);
  EXPECT_EQ(r.Pdfs(), (std::vector<std::string>{"asa-oberg/hslf-2021-bilaga-5.pdf", "asa-oberg/iup.pdf",
                                                "bo-ok/hslf-2021-bilaga-5.pdf", "bo-ok/iup.pdf"}));
  // The last placement is on the last pages (pdftotext of all 700 pages would take seconds).
  const std::string iup = r.out + "/asa-oberg/iup.pdf";
  std::smatch pages;
  const std::string info = RunCommand("pdfinfo " + Quote(iup)).output;
  ASSERT_TRUE(std::regex_search(info, pages, std::regex("Pages:\\s+([0-9]+)"))) << info;
  const int last_page = std::stoi(pages[1].str());
  EXPECT_GT(last_page, 100);
  const std::string tail = RunCommand("pdftotext -enc UTF-8 -f " + std::to_string(last_page - 3) + " -l " +
                                      std::to_string(last_page) + " " + Quote(iup) + " -").output;
  EXPECT_NE(tail.find(last_start), std::string::npos) << "the last placement";
  CleanUp(r);

  // The same exported on one line (minified), with the last placement's date impossible:
  // the column is still exact, and finding it stays fast.
  std::string one_line;
  for (char c : text) one_line += c == '\n' ? ' ' : c;
  size_t last = one_line.rfind("start=\"" + last_start + "\"");
  one_line.replace(last + 7 + 8, 2, "32");  // day 32
  Result c = RunStdok("minified.xml", one_line, "", "check");
  ExpectExit(c, 1);
  ExpectSays(c, "minified.xml:" + Where(one_line, "start=\"" + last_start.substr(0, 8) + "32\"") +
                    ": error: [trainee T-1, placement/@start]");
  EXPECT_LT(c.seconds, 10 * kTimeScale);
  CleanUp(c);
}

TEST(HostileInput, UndefinedReferencesFailOnlyTheirRecord) {
  std::string head = std::string(kHead) +
                     "  <person id=\"cia\" given-name=\"Cecilia\" family-name=\"Åström\" unit=\"no-such-unit\"/>\n";
  std::string body =
      Trainee("T-1", "Åsa", "Öberg", "", "<roles huvudhandledare=\"nobody\" verksamhetschef=\"bo\"/>") +
      Trainee("T-2", "Eva", "Ek",
               "    <placement unit=\"nowhere\" supervisor=\"ghost\" start=\"2024-09-01\" end=\"2024-12-31\"/>\n") +
      Good() +
      "  <director-contract person=\"ghost-director\" head-of-unit=\"bo\" start=\"2025-01-01\" "
      "end=\"2027-12-31\" units=\"med nowhere\"/>\n";
  std::string text = Records(body, head);
  Result r = RunStdok("undefined.xml", text);
  ExpectExit(r, 1);
  ExpectSays(r, "undefined.xml:" + Where(text, "unit=\"no-such-unit\"") +
                    ": error: [person/@unit] 'no-such-unit' is not a defined <unit>");
  ExpectSays(r, "undefined.xml:" + Where(text, "roles huvudhandledare=\"nobody\"") +
                    ": error: [trainee T-1, roles/@huvudhandledare] 'nobody' is not a defined <person>");
  ExpectSays(r, "undefined.xml:" + Where(text, "placement unit=\"nowhere\"") +
                    ": error: [trainee T-2, placement/@unit] 'nowhere' is not a defined <unit>");
  ExpectSays(r, "undefined.xml:" + Where(text, "placement unit=\"nowhere\"") +
                    ": error: [trainee T-2, placement/@supervisor] 'ghost' is not a defined <person>");
  ExpectSays(r, "undefined.xml:" + Where(text, "director-contract person") +
                    ": error: [trainee ghost-director, director-contract/@person] 'ghost-director' is not a defined <person>");
  ExpectSays(r, "'nowhere' is not a defined <unit> (records.undefined-unit)");
  // Only the good record is made; no studierektorskontrakt for the broken contract.
  EXPECT_EQ(r.Folders(), (std::set<std::string>{"bo-ok"}));
  CleanUp(r);
}

TEST(HostileInput, DuplicateIdsSkipBothRecordsAndNameTheFirst) {
  std::string head = std::string(kHead) +
                     "  <unit id=\"med\" name=\"Medicinkliniken igen\"/>\n"
                     "  <person id=\"med\" given-name=\"Med\" family-name=\"Person\"/>\n";
  std::string text = Records(Trainee("T-1", "Åsa", "Öberg", "    <personnummer>19811218-9876</personnummer>\n") +
                                 Trainee("T-1", "Eva", "Ek", "    <personnummer>19850312-2384</personnummer>\n") + Good(),
                             head);
  Result r = RunStdok("duplicates.xml", text);
  ExpectExit(r, 1);
  const std::string first_line = Where(text, "<trainee id=\"T-1\"").substr(0, Where(text, "<trainee id=\"T-1\"").find(':'));
  ExpectSays(r, "duplicates.xml:" + Where(text, "id=\"T-1\"", 1) +
                    ": error: [trainee T-1, trainee/@id] trainee id 'T-1' is already used by the record on line " +
                    first_line + "; trainee ids must be unique, so neither record is made");
  ExpectSays(r, "duplicates.xml:" + Where(text, "id=\"med\"", 1) + ": error: [unit/@id] unit id 'med' is defined twice");
  ExpectSays(r, "duplicates.xml:" + Where(text, "id=\"med\"", 2) + ": error: [person/@id] id 'med' is already a unit's id");
  EXPECT_EQ(r.Folders(), (std::set<std::string>{"bo-ok"}));
  ExpectNoPersonnummer(r);
  CleanUp(r);
}

TEST(HostileInput, ImpossibleDatesAreLocatedAndStopOnlyTheirRecord) {
  std::string body =
      Trainee("T-1", "Åsa", "Öberg", "", "<roles huvudhandledare=\"anna\" verksamhetschef=\"bo\"/>", "2025-02-30") +
      Trainee("T-2", "Eva", "Ek", "    <placement unit=\"med\" start=\"2024-09-01\" end=\"2023-02-29\"/>\n") +
      Trainee("T-3", "Ida", "Berg", "    <absence kind=\"semester\" start=\"2025-04-31\" end=\"2025-13-01\"/>\n") +
      Trainee("T-4", "Per", "Lund", "    <placement unit=\"med\" start=\"2024-09-01\" end=\"2024-02-29x\"/>\n") +
      Trainee("T-LEAP", "Bo", "Ok", "    <placement unit=\"med\" start=\"2024-09-01\" end=\"2028-02-29\"/>\n");
  std::string text = Records(body);
  Result r = RunStdok("dates.xml", text);
  ExpectExit(r, 1);
  ExpectSays(r, "dates.xml:" + Where(text, "start=\"2025-02-30\"") +
                    ": error: [trainee T-1, programme/@start] '2025-02-30' is not a valid date (expected ÅÅÅÅ-MM-DD)");
  ExpectSays(r, "dates.xml:" + Where(text, "end=\"2023-02-29\"") + ": error: [trainee T-2, placement/@end] '2023-02-29'");
  ExpectSays(r, "dates.xml:" + Where(text, "start=\"2025-04-31\"") + ": error: [trainee T-3, absence/@start] '2025-04-31'");
  ExpectSays(r, "dates.xml:" + Where(text, "end=\"2025-13-01\"") + ": error: [trainee T-3, absence/@end] '2025-13-01'");
  ExpectSays(r, "dates.xml:" + Where(text, "end=\"2024-02-29x\"") + ": error: [trainee T-4, placement/@end] '2024-02-29x'");
  EXPECT_EQ(r.Folders(), (std::set<std::string>{"bo-ok"}));  // 2028-02-29 is a real day
  CleanUp(r);
}

TEST(HostileInput, DoctypeEntitiesAreNeverExpanded) {
  const std::string body = Records(Trainee("T-1", "Åsa", "&lol9;") + Good());
  std::string laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE stdok-records [\n  <!ENTITY lol \"lol\">\n";
  for (int i = 1; i <= 9; ++i) {
    std::string previous = i == 1 ? "&lol;" : "&lol" + std::to_string(i - 1) + ";";
    std::string value;
    for (int k = 0; k < 10; ++k) value += previous;
    laughs += "  <!ENTITY lol" + std::to_string(i) + " \"" + value + "\">\n";
  }
  laughs += "]>\n" + body.substr(body.find('\n') + 1);
  std::string external = "<?xml version=\"1.0\"?>\n<!DOCTYPE stdok-records [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n" +
                         body.substr(body.find('\n') + 1);
  external.replace(external.find("&lol9;"), 6, "&xxe;");
  std::string parameter =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE stdok-records [ <!ENTITY % p SYSTEM \"http://127.0.0.1:9/x.dtd\"> %p; ]>\n" +
      body.substr(body.find('\n') + 1);
  parameter.replace(parameter.find("&lol9;"), 6, "Öberg");
  std::string external_subset = "<?xml version=\"1.0\"?>\n<!DOCTYPE stdok-records SYSTEM \"/etc/passwd\">\n" +
                                body.substr(body.find('\n') + 1);
  external_subset.replace(external_subset.find("&lol9;"), 6, "Öberg");
  for (const auto& [name, text] : std::vector<std::pair<std::string, std::string>>{
           {"laughs.xml", laughs}, {"external.xml", external}, {"parameter.xml", parameter},
           {"subset.xml", external_subset}}) {
    Result r = RunStdok(name, text);
    ExpectExit(r, 2);
    EXPECT_TRUE(r.files.empty()) << name << " wrote a manifest";
    ExpectSays(r, name + ":2:1: error: a DOCTYPE is not allowed in a records file (entities are not expanded)");
    EXPECT_LT(r.output.size(), 2000u) << name;
    EXPECT_EQ(r.output.find("root:"), std::string::npos) << name;
    EXPECT_EQ(r.output.find("lollol"), std::string::npos) << name;
    EXPECT_LT(r.seconds, 10 * kTimeScale) << name;
    EXPECT_TRUE(r.Pdfs().empty()) << name;
    CleanUp(r);
  }
}

TEST(HostileInput, NamesAndIdsCannotLeaveTheOutputFolder) {
  std::string body = Trainee("T-1", "../../etc", "passwd") + Trainee("T-2", "/tmp/stdok-escape", "a/b") +
                     Trainee("T-3", "..", "..") + Trainee("T-4", ".", "/") +
                     Trainee("../../T-5", "..\\..\\Windows", "C:\\x") +
                     Trainee("T-CTRL-1", "Eva\x1B[2J", "Ek") + Trainee("T-CTRL-2", "Ida", "Berg&#7;") +
                     Trainee("T-CTRL-3", "Per", "Lund\r\nX-Header: 1") + Good();
  std::string text = Records(body);
  Result r = RunStdok("paths.xml", text);
  ExpectExit(r, 1);
  ExpectSays(r, "paths.xml:" + Where(text, "given=\"Eva\x1B") +
                    ": error: [trainee T-CTRL-1, name/@given] attribute 'given' holds the control character U+001B");
  ExpectSays(r, "paths.xml:" + Where(text, "family=\"Berg&#7;") +
                    ": error: [trainee T-CTRL-2, name/@family] attribute 'family' holds the control character U+0007");
  EXPECT_EQ(r.output.find('\x1B'), std::string::npos) << "a control character reached the terminal";
  // The line break in an attribute is only white space (XML), so that record is fine.
  const std::set<std::string> folders = r.Folders();
  EXPECT_EQ(folders, (std::set<std::string>{"etc-passwd", "tmp-stdok-escape-a-b", "namnlos", "namnlos-t-4",
                                            "windows-c-x", "per-lund-x-header-1", "bo-ok"}))
      << ::testing::PrintToString(folders);
  EXPECT_FALSE(fs::exists("/tmp/stdok-escape"));
  EXPECT_FALSE(fs::exists(r.root + "/etc"));
  CleanUp(r);
}

// A trainee's folder depends only on the records before it, not on whether they have errors:
// fixing one namesake's record must not move the other namesake's documents into the folder
// the first one now gets (where the other's documents of the last run still lie).
TEST(HostileInput, ANamesakesFolderDoesNotDependOnAnotherRecordsErrors) {
  auto folders_by_trainee = [](const Result& r) {
    std::map<std::string, std::set<std::string>> folders;
    const nlohmann::json manifest = nlohmann::json::parse(ReadText(r.out + "/manifest.json"));
    for (const nlohmann::json& d : manifest.at("documents")) {
      const std::string file = d.at("file");
      if (!file.empty()) folders[d.at("trainee_id")].insert(file.substr(0, file.find('/')));
    }
    return folders;
  };
  // The first Anna's start date is no date (a finding of the reader, which stops her documents).
  Result bad = RunStdok("namesakes.xml", Records(Trainee("T-1", "Anna", "Berg", "", kRoles, "2025-02-30") +
                                                 Trainee("T-2", "Anna", "Berg") + Good()));
  ExpectExit(bad, 1);
  Result fixed = RunStdok("namesakes.xml", Records(Trainee("T-1", "Anna", "Berg") + Trainee("T-2", "Anna", "Berg") + Good()));
  ExpectExit(fixed, 0);
  using Folders = std::map<std::string, std::set<std::string>>;
  EXPECT_EQ(folders_by_trainee(bad), (Folders{{"T-2", {"anna-berg-t-2"}}, {"T-GOOD", {"bo-ok"}}}));
  EXPECT_EQ(folders_by_trainee(fixed),
            (Folders{{"T-1", {"anna-berg"}}, {"T-2", {"anna-berg-t-2"}}, {"T-GOOD", {"bo-ok"}}}));
  CleanUp(bad);
  CleanUp(fixed);
}

// The small hostile files kept in tests/data/hostile (see its README): check and render.
TEST(HostileInput, EveryStoredHostileFile) {
  const std::string dir = SourceDir() + "/tests/data/hostile";
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".xml") names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  ASSERT_GE(names.size(), 10u);
  const std::regex located("^ *" + std::string("[a-z0-9-]+\\.xml") + ":[1-9][0-9]*:[1-9][0-9]*: error: ");
  for (const std::string& name : names) {
    const std::string bytes = ReadText(dir + "/" + name);
    // Files the reader refuses as a whole exit with 2 (README, "Exit codes").
    static const std::set<std::string> kRefused = {
        "doctype-billion-laughs.xml", "doctype-external-entity.xml", "latin1.xml", "malformed-attribute.xml",
        "nul-byte.xml", "two-roots.xml", "utf16be-bom.xml", "utf16le-bom.xml"};
    const int expected = name == "paths.xml" ? 0 : kRefused.count(name) ? 2 : 1;
    for (const char* command : {"check", "render"}) {
      Result r = RunStdok(name, bytes, std::string(command) == "render" ? "--pack contracts" : "", command);
      EXPECT_EQ(r.exit_code, expected) << name << " " << command << "\n" << r.output;
      if (expected == 2) {
        EXPECT_TRUE(r.files.empty()) << name << " wrote a manifest";
      }
      int errors = 0;
      size_t start = 0;
      while (start < r.output.size()) {
        size_t end = r.output.find('\n', start);
        if (end == std::string::npos) end = r.output.size();
        const std::string line = r.output.substr(start, end - start);
        if (line.find(": error: ") != std::string::npos) {
          ++errors;
          EXPECT_TRUE(std::regex_search(line, located)) << name << ": not located: " << line;
        }
        start = end + 1;
      }
      EXPECT_EQ(errors > 0, expected != 0) << name << " " << command << "\n" << r.output;
      EXPECT_LT(r.output.size(), 20000u) << name;
      ExpectNoPersonnummer(r);
      CleanUp(r);
    }
  }
}

}  // namespace
}  // namespace stdok::testing
