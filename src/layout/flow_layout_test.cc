#include "layout/flow_layout.h"

#include <gtest/gtest.h>

#include "layout/fixed_width_measurer.h"

namespace stdok {
namespace {

Block Paragraph(const std::string& text) {
  Block b;
  b.kind = Block::Kind::kParagraph;
  b.paragraph.text = text;
  return b;
}

Block Signatures(int n) {
  Block b;
  b.kind = Block::Kind::kSignatures;
  for (int i = 0; i < n; ++i)
    b.signatures.signers.push_back({"Roll " + std::to_string(i), "Namn " + std::to_string(i), "F"});
  return b;
}

std::vector<const TextRun*> Find(const LaidOutDocument& doc, const std::string& text, int* page) {
  std::vector<const TextRun*> out;
  for (size_t p = 0; p < doc.pages.size(); ++p)
    for (const auto& t : doc.pages[p].texts)
      if (t.text == text) {
        out.push_back(&t);
        *page = static_cast<int>(p);
      }
  return out;
}

TEST(FlowLayout, SignatureBlockIsNeverSplit) {
  FixedWidthMeasurer m;
  for (int filler = 40; filler < 60; ++filler) {
    Document doc;
    for (int i = 0; i < filler; ++i) doc.blocks.push_back(Paragraph("Rad " + std::to_string(i)));
    doc.blocks.push_back(Signatures(4));
    LaidOutDocument out = LayOutDocument(doc, m);
    int first = -1, last = -1;
    Find(out, "Namn 0", &first);
    Find(out, "Namn 3", &last);
    ASSERT_GE(first, 0);
    EXPECT_EQ(first, last) << "filler " << filler;
    int ort = -1;
    Find(out, "Ort", &ort);
    EXPECT_EQ(ort, first);
    // Signature lines are at least 60 mm and have a widget each.
    const Page& page = out.pages[first];
    ASSERT_EQ(page.widgets.size(), 4u);
    for (const auto& w : page.widgets) EXPECT_GE(w.w, 60 * kPointsPerMm);
    EXPECT_EQ(page.widgets[0].name, "Signatur_F");
    EXPECT_EQ(page.widgets[1].name, "Signatur_F_2");
  }
}

TEST(FlowLayout, TableHeaderRepeatsAndFootersNumberPages) {
  FixedWidthMeasurer m;
  Document doc;
  Block table;
  table.kind = Block::Kind::kTable;
  table.table.columns = {{"Enhet", 2, Align::kLeft}, {"Period", 1, Align::kLeft}};
  for (int i = 0; i < 120; ++i) table.table.rows.push_back({"Enhet " + std::to_string(i), "2025"});
  doc.blocks.push_back(table);
  LaidOutDocument out = LayOutDocument(doc, m);
  ASSERT_GE(out.pages.size(), 2u);
  for (size_t p = 0; p < out.pages.size(); ++p) {
    int count = 0;
    for (const auto& t : out.pages[p].texts) {
      count += t.text == "Enhet";
      EXPECT_GE(t.baseline, 10 * kPointsPerMm) << "text inside the 10 mm margin";
      EXPECT_GE(t.x, 10 * kPointsPerMm);
    }
    EXPECT_EQ(count, 1) << "page " << p;
    std::string footer = "Sid " + std::to_string(p + 1) + " (" + std::to_string(out.pages.size()) + ")";
    int page = -1;
    EXPECT_EQ(Find(out, footer, &page).size(), 1u);
  }
  int page = -1;
  EXPECT_EQ(Find(out, "Enhet 119", &page).size(), 1u);
}

TEST(FlowLayout, VeryLongFieldFlowsAcrossPages) {
  FixedWidthMeasurer m;
  Document doc;
  Block field;
  field.kind = Block::Kind::kField;
  std::string words;
  for (int i = 0; i < 1500; ++i) words += "ord" + std::to_string(i) + " ";
  field.fields.fields.push_back({"Plan", words, 1, 7, true});
  doc.blocks.push_back(field);
  LaidOutDocument out = LayOutDocument(doc, m);
  EXPECT_GE(out.pages.size(), 2u);
  int page = -1;
  std::string last;
  for (const auto& t : out.pages.back().texts)
    if (t.text.find("ord1499") != std::string::npos) last = t.text;
  EXPECT_FALSE(last.empty());
  (void)page;
}

}  // namespace
}  // namespace stdok
