// The print pack: one PDF per document type, its documents in Swedish order of family name.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>

#include "test_support.h"
#include "text/collation.h"

namespace stdok::testing {
namespace {

std::string Stdok(const std::string& args) { return Quote(Binary()) + " " + args; }

struct Named {
  std::string id, name;
};

// The trainees of a document id, from a manifest written by the same run.
std::vector<Named> TraineesOf(const std::string& manifest, const std::string& doc_id) {
  std::vector<Named> out;
  std::regex entry("\\{\"trainee_id\": \"([^\"]+)\", \"trainee_name\": \"([^\"]+)\", \"document_id\": \"" +
                   doc_id + "\"");
  for (auto it = std::sregex_iterator(manifest.begin(), manifest.end(), entry); it != std::sregex_iterator(); ++it)
    if (std::none_of(out.begin(), out.end(), [&](const Named& n) { return n.id == (*it)[1]; }))
      out.push_back({(*it)[1], (*it)[2]});
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

  std::string manifest = ReadText(out + "/manifest.json");
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
  EXPECT_NE(manifest.find("\"file\": \"utskriftspaket/st-kontrakt.pdf\""), std::string::npos);
}

}  // namespace
}  // namespace stdok::testing
