// The print pack: one PDF per document type, its documents in Swedish order of family name.
#include <gtest/gtest.h>

#include <regex>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "test_support.h"
#include "text/collation.h"

namespace stdok::testing {
namespace {

std::string Stdok(const std::string& args) { return Quote(Binary()) + " " + args; }

struct Named {
  std::string id, name;
};

// The trainees of a document id, from a manifest written by the same run.
std::vector<Named> TraineesOf(const nlohmann::json& manifest, const std::string& doc_id) {
  std::vector<Named> out;
  for (const nlohmann::json& entry : manifest.at("documents")) {
    const std::string id = entry.at("trainee_id");
    if (entry.at("document_id") == doc_id &&
        std::none_of(out.begin(), out.end(), [&](const Named& n) { return n.id == id; }))
      out.push_back({id, entry.at("trainee_name")});
  }
  return out;
}

TEST(PrintPack, OneFilePerDocumentTypeInSwedishOrderOfFamilyName) {
  std::string out = MakeTempDir();
  auto r = RunCommand("SOURCE_DATE_EPOCH=1700000000 " +
                      Stdok("render " + Quote(SourceDir() + "/samples/kohort-vasternorrland.xml") + " -o " +
                            Quote(out) + " --print-pack --pack contracts -q --as-of 2026-11-22"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::vector<std::string> packs;
  for (const std::string& pdf : PdfsBelow(out))
    if (pdf.rfind("utskriftspaket/", 0) == 0) packs.push_back(pdf);
  EXPECT_EQ(packs, (std::vector<std::string>{
                       "utskriftspaket/handlingsplan.pdf", "utskriftspaket/huvudhandledarkontrakt.pdf",
                       "utskriftspaket/iup.pdf", "utskriftspaket/sidotjanstgoring-utvardering.pdf",
                       "utskriftspaket/sidotjanstgoringskontrakt.pdf", "utskriftspaket/st-kontrakt.pdf",
                       "utskriftspaket/studierektorskontrakt.pdf"}));

  const nlohmann::json manifest = nlohmann::json::parse(ReadText(out + "/manifest.json"));
  for (const std::string doc : {"handlingsplan", "st-kontrakt"}) {
    std::vector<Named> trainees = TraineesOf(manifest, doc);
    ASSERT_GT(trainees.size(), 3u) << doc;
    // Expected order: family name, then given name, Swedish collation (Å, Ä, Ö after Z).
    auto sort_key = [](const Named& n) {
      size_t space = n.name.rfind(' ');
      return n.name.substr(space + 1) + " " + n.name.substr(0, space);
    };
    std::vector<Named> expected = trainees;
    std::stable_sort(expected.begin(), expected.end(),
                     [&](const Named& a, const Named& b) { return SwedishLess(sort_key(a), sort_key(b)); });
    std::string text = PdfText(out + "/utskriftspaket/" + doc + ".pdf");
    size_t previous = 0;
    for (const Named& n : expected) {
      size_t at = text.find(n.name, previous);
      ASSERT_NE(at, std::string::npos) << doc << ": " << n.name << " missing or out of order";
      previous = at;
    }
    auto check = RunCommand("qpdf --check " + Quote(out + "/utskriftspaket/" + doc + ".pdf"));
    EXPECT_EQ(check.exit_code, 0) << check.output;
  }
  const nlohmann::json& documents = manifest.at("documents");
  EXPECT_TRUE(std::any_of(documents.begin(), documents.end(), [](const nlohmann::json& d) {
    return d.at("file") == "utskriftspaket/st-kontrakt.pdf" && d.at("status") == "written";
  })) << "the print pack is not in the manifest";

  // Task: duplex printing never puts the next trainee on the back of a sheet: each document
  // starts on an odd page (its "Sid 1 (N)" page), and its last sheet's back is blank.
  for (const std::string& pack : packs) {
    std::string text = PdfText(out + "/" + pack);
    std::vector<std::string> pages;
    for (size_t start = 0, end; start < text.size(); start = end + 1) {
      end = text.find('\f', start);
      if (end == std::string::npos) end = text.size();
      pages.push_back(text.substr(start, end - start));
    }
    int documents = 0;
    for (size_t i = 0; i < pages.size(); ++i) {
      std::smatch m;
      if (!std::regex_search(pages[i], m, std::regex("Sid 1 \\((\\d+)\\)"))) continue;
      ++documents;
      EXPECT_EQ(i % 2, 0u) << pack << ": a document starts on page " << i + 1;
      size_t length = std::stoul(m[1]);
      if (length % 2 == 1 && i + length < pages.size())
        EXPECT_EQ(pages[i + length].find_first_not_of(" \n"), std::string::npos)
            << pack << ": page " << i + length + 1 << " should be blank";
    }
    EXPECT_GT(documents, 1) << pack;
  }
}

}  // namespace
}  // namespace stdok::testing
