// Print as people print: every sample's contracts rendered once, then read back as text page by
// page: no page holds only the signatures, no line ends after the hyphen of "ST-"/"BT-" or
// inside "(ÅÅÅÅ-MM-DD)", and running text follows Swedish style.
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>

#include "test_support.h"

namespace stdok::testing {
namespace {

// Renders every sample's contracts below `out`; returns the PDFs' paths.
std::vector<std::string> RenderSampleContracts(const std::string& out) {
  for (const char* sample : {"am-asa-oberg", "bt-lukasz-zolkiewski", "handlingsplan-nguyen",
                             "kohort-vasternorrland", "st-stefan-balan", "st-tredjeland"}) {
    auto r = RunCommand("SOURCE_DATE_EPOCH=1700000000 " + Quote(Binary()) + " render " +
                        Quote(SourceDir() + "/samples/" + sample + ".xml") + " -o " +
                        Quote(out + "/" + sample) + " --pack contracts -q --as-of 2026-11-22");
    EXPECT_NE(r.exit_code, 2) << sample << ": " << r.output;
  }
  std::vector<std::string> pdfs;
  for (const std::string& pdf : PdfsBelow(out)) pdfs.push_back(out + "/" + pdf);
  return pdfs;
}

// The non-empty lines of each page of `text` (pdftotext ends every page with a form feed).
std::vector<std::vector<std::string>> Pages(const std::string& text) {
  std::vector<std::vector<std::string>> pages(1);
  std::string line;
  for (char c : text) {
    if (c == '\n' || c == '\f') {
      size_t first = line.find_first_not_of(' ');
      if (first != std::string::npos) pages.back().push_back(line.substr(first));
      line.clear();
      if (c == '\f') pages.emplace_back();
    } else {
      line += c;
    }
  }
  if (pages.back().empty()) pages.pop_back();
  return pages;
}

// The sentence or heading that introduces a signature block in the templates: it belongs to
// the signatures, not to the content that must stand with them.
bool IntroducesSignatures(const std::string& line) {
  for (const char* intro : {"Vi är överens om ovanstående", "Parterna åtar sig", "Programmet är upprättat",
                            "Vi har tagit del av", "Undertecknade åtar sig", "Lämnas till studierektorn",
                            "Skickas eller lämnas till ST-läkaren", "Underskrifter"})
    if (line.rfind(intro, 0) == 0) return true;
  return false;
}

// Task: a signature block never stands alone on a page. On each page with a signature block
// (its "Ort" and "Datum" labels), some content other than the running header and footer and the
// sentence introducing the signatures comes before it. A page the template starts with an
// "Underskrifter" heading after an explicit page break (Östergötland's four-party signature
// page) is a signature page by design.
void ExpectNoPageHoldsOnlyTheSignatures(const std::vector<std::string>& pdfs) {
  int documents = 0, signature_pages = 0;
  std::vector<std::string> alone;
  for (const std::string& pdf : pdfs) {
    auto pages = Pages(RunCommand("pdftotext -enc UTF-8 " + Quote(pdf) + " - 2>/dev/null").output);
    ++documents;
    if (pages.size() < 2) continue;
    std::map<std::string, size_t> on_pages;  // lines on every page: header and footer
    for (const auto& page : pages)
      for (const std::string& line : std::set<std::string>(page.begin(), page.end())) ++on_pages[line];
    const std::regex page_number("Sid \\d+ \\(\\d+\\)");
    for (size_t p = 0; p < pages.size(); ++p) {
      std::vector<std::string> body;
      for (const std::string& line : pages[p])
        if (on_pages[line] < pages.size() && !std::regex_match(line, page_number)) body.push_back(line);
      auto ort = std::find(body.begin(), body.end(), "Ort");
      if (ort == body.end() || std::find(ort, body.end(), "Datum") == body.end()) continue;
      ++signature_pages;
      if (!body.empty() && body.front() == "Underskrifter") continue;
      auto intro = std::find_if(body.begin(), ort, IntroducesSignatures);
      if (intro == body.begin())
        alone.push_back(pdf.substr(pdf.rfind('/', pdf.rfind('/') - 1) + 1) + " page " + std::to_string(p + 1));
    }
  }
  EXPECT_GT(documents, 100);
  EXPECT_GT(signature_pages, 100);
  std::string list;
  for (const std::string& a : alone) list += "\n  " + a;
  EXPECT_TRUE(alone.empty()) << alone.size() << " pages hold only signatures:" << list;
}

// Task: no line ends right after the hyphen of a short capital prefix or inside "(ÅÅÅÅ-MM-DD)".
void ExpectNoLineEndsAfterACapitalPrefixHyphen(const std::vector<std::string>& pdfs, size_t root) {
  const std::regex columns(" {3,}");
  const std::regex bad("(^|[ (/])([A-Z]|Å|Ä|Ö){1,4}-$");  // UTF-8: Å is two bytes
  std::vector<std::string> found;
  for (const std::string& pdf : pdfs) {
    auto text = RunCommand("pdftotext -layout -enc UTF-8 " + Quote(pdf) + " - 2>/dev/null").output;
    size_t start = 0;
    while (start < text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      std::string line = text.substr(start, end - start);
      // -layout puts columns side by side: look at each column's text (runs of 3+ spaces split).
      std::sregex_token_iterator it(line.begin(), line.end(), columns, -1), done;
      for (; it != done; ++it)
        if (std::regex_search(it->str(), bad)) found.push_back(pdf.substr(root) + ": " + it->str());
      start = end + 1;
    }
  }
  std::string list;
  for (size_t i = 0; i < found.size() && i < 20; ++i) list += "\n  " + found[i];
  EXPECT_TRUE(found.empty()) << found.size() << " lines end after a capital prefix's hyphen:" << list;
}

// Task: Swedish style in running text: counts up to twelve as words ("två gånger", "minst
// fyra strukturerade bedömningar", "en timme per vecka"), a title
// after a name and a comma in lower case ("Anna Lind, överläkare"), and the ST-kontrakt under
// HSLF-FS 2021:8 says how BT months count.
void ExpectRunningTextInSwedishStyle(const std::vector<std::string>& pdfs, size_t root) {
  // A count, not a range ("1–4 timmar") nor a measure given in digits by a region's own text.
  const std::regex digit_times("(^|[^0-9,–-])(([1-9]|1[0-2]) (gånger|strukturerade|dokumenterade|per år)|"
                               "1 timmar|([2-9]|1[0-2]) timme\\b)");
  const std::regex capital_title(", (Överläkare|Specialistläkare|Verksamhetschef|Distriktsläkare|Studierektor)");
  int kontrakt_2021 = 0, bt_sentence = 0, titles = 0;
  for (const std::string& pdf : pdfs) {
    std::string text = PdfText(pdf);
    for (char& c : text)
      if (c == '\n' || c == '\f') c = ' ';  // a sentence may wrap
    std::string name = pdf.substr(root);
    EXPECT_FALSE(std::regex_search(text, digit_times)) << name;
    EXPECT_FALSE(std::regex_search(text, capital_title)) << name;
    titles += std::regex_search(text, std::regex(", (överläkare|specialistläkare|distriktsläkare)"));
    if (name.find("/st-kontrakt") != std::string::npos && text.find("heltid enligt HSLF-FS 2021:8") != std::string::npos) {
      ++kontrakt_2021;
      bt_sentence += text.find("Enligt HSLF-FS 2021:8 ingår bastjänstgöringen i de minst 66 månaderna") != std::string::npos;
    }
  }
  EXPECT_GT(titles, 10);
  EXPECT_GT(kontrakt_2021, 3);
  EXPECT_EQ(bt_sentence, kontrakt_2021);
}

// One rendering of every sample's contracts (it takes half a minute), three checks.
TEST(PrintLayout, SampleContractsPrintAsPeoplePrint) {
  const std::string out = MakeTempDir();
  const std::vector<std::string> pdfs = RenderSampleContracts(out);
  ExpectNoPageHoldsOnlyTheSignatures(pdfs);
  ExpectNoLineEndsAfterACapitalPrefixHyphen(pdfs, out.size());
  ExpectRunningTextInSwedishStyle(pdfs, out.size());
}

}  // namespace
}  // namespace stdok::testing
