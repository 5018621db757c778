#include "layout/flow_layout.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>

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

Block Heading(const std::string& text) {
  Block b;
  b.kind = Block::Kind::kHeading;
  b.heading.text = text;
  b.keep_with_next = true;  // as the filler makes every heading
  return b;
}

Block Field(const std::string& label, const std::string& value, bool boxed) {
  Block b;
  b.kind = Block::Kind::kField;
  b.fields.fields.push_back({label, value, 1, 7, boxed});
  return b;
}

// A table "Enhet | Period | Omfattning" with `rows` short rows.
Block Table(int rows) {
  Block b;
  b.kind = Block::Kind::kTable;
  b.table.columns = {{"Enhet", 2, Align::kLeft}, {"Period", 1, Align::kLeft}, {"Omfattning", 1, Align::kRight}};
  for (int i = 0; i < rows; ++i) b.table.rows.push_back({"Enhet " + std::to_string(i), "2025", "100 %"});
  return b;
}

// "w0 w1 … w{n-1}".
std::string Words(const std::string& stem, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += (i ? " " : "") + stem + std::to_string(i);
  return out;
}

// The words stem0 … stem{n-1} that are not printed exactly once, as text (empty: none).
std::string Missing(const LaidOutDocument& doc, const std::string& stem, int n) {
  std::map<std::string, int> seen;
  for (const Page& page : doc.pages)
    for (const auto& t : page.texts) {
      size_t start = 0;
      while (start < t.text.size()) {
        size_t end = t.text.find(' ', start);
        if (end == std::string::npos) end = t.text.size();
        ++seen[t.text.substr(start, end - start)];
        start = end + 1;
      }
    }
  std::string missing;
  for (int i = 0; i < n; ++i) {
    std::string word = stem + std::to_string(i);
    if (seen[word] != 1) missing += word + "×" + std::to_string(seen[word]) + " ";
  }
  return missing;
}

// Nothing within 10 mm of the page's edge; body text stays above the body's bottom margin
// (only the footer is below it) and below the top margin (only the header is above it).
void ExpectInsidePrintArea(const LaidOutDocument& doc, const TextMeasurer& m, const FlowStyle& style = FlowStyle()) {
  const double edge = 10 * kPointsPerMm;
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    const Page& page = doc.pages[p];
    for (const auto& t : page.texts) {
      double w = m.Width(t.text, t.face, t.size);
      EXPECT_GE(t.x, edge) << "page " << p << ": " << t.text;
      EXPECT_LE(t.x + w, kPageWidth - edge + 0.01) << "page " << p << ": " << t.text;
      EXPECT_GE(t.baseline - 0.25 * t.size, edge) << "page " << p << ": " << t.text;
      EXPECT_LE(t.baseline + t.size, kPageHeight - edge) << "page " << p << ": " << t.text;
      bool footer = std::abs(t.baseline - style.footer_baseline) < 0.01;
      if (!footer) {
        EXPECT_GE(t.baseline, style.margin_bottom - 0.01) << "page " << p << ": " << t.text;
      }
    }
    for (const auto& l : page.lines)
      for (double x : {l.x1, l.x2}) EXPECT_TRUE(x >= edge && x <= kPageWidth - edge) << "page " << p;
    for (const auto& l : page.lines)
      for (double y : {l.y1, l.y2}) EXPECT_TRUE(y >= edge && y <= kPageHeight - edge) << "page " << p;
    for (const auto& r : page.rectangles) {
      EXPECT_GE(r.x, edge);
      EXPECT_LE(r.x + r.w, kPageWidth - edge + 0.01);
      EXPECT_GE(r.y, style.margin_bottom - 0.01) << "page " << p << " box below the body";
      EXPECT_LE(r.y + r.h, style.margin_bottom + (kPageHeight - style.margin_top - style.margin_bottom) + 0.01);
      EXPECT_GT(r.h, 0);
    }
    for (const auto& w : page.widgets) {
      EXPECT_GE(w.x, edge);
      EXPECT_LE(w.x + w.w, kPageWidth - edge + 0.01);
      EXPECT_GE(w.y, style.margin_bottom - 0.01);
    }
  }
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
  doc.blocks.push_back(Field("Plan", Words("ord", 1500), true));
  LaidOutDocument out = LayOutDocument(doc, m);
  EXPECT_GE(out.pages.size(), 2u);
  EXPECT_EQ(Missing(out, "ord", 1500), "");
  ExpectInsidePrintArea(out, m);
}

// Task: a table row taller than the page body flows onto the next pages, under a repeated
// header, and every line of it is printed inside the body.
TEST(FlowLayout, RowTallerThanAPageSplitsUnderRepeatedHeaders) {
  FixedWidthMeasurer m;
  const FlowStyle style;
  for (int filler : {0, 7, 23}) {
    Document doc;
    for (int i = 0; i < filler; ++i) doc.blocks.push_back(Paragraph("Rad " + std::to_string(i)));
    Block table = Table(3);
    table.table.rows[1][1] = Words("cell", 900);  // about 90 lines in a narrow column
    table.table.footer = {"Summa", "", ""};
    doc.blocks.push_back(table);
    LaidOutDocument out = LayOutDocument(doc, m);
    EXPECT_EQ(Missing(out, "cell", 900), "") << "filler " << filler;
    int pages_with_cells = 0;
    for (const Page& page : out.pages) {
      int headers = 0, cells = 0;
      for (const auto& t : page.texts) {
        headers += t.text == "Enhet";
        cells += t.text.rfind("cell", 0) == 0;
      }
      if (cells) {
        ++pages_with_cells;
        EXPECT_EQ(headers, 1) << "each page part of the row has the header above it";
      }
    }
    EXPECT_GE(pages_with_cells, 2);
    int page = -1;
    Find(out, "Rad 2", &page);  // the row after the tall one
    int summa = -1;
    Find(out, "Summa", &summa);
    EXPECT_GE(summa, 0);
    ExpectInsidePrintArea(out, m, style);
  }
}

// Task: a heading (or the sentence before the signatures) is never left at the bottom of a page
// while the signature block it belongs to moves to the next one.
TEST(FlowLayout, HeadingAndParagraphStayWithTheSignatureBlock) {
  FixedWidthMeasurer m;
  for (int filler = 20; filler < 70; ++filler) {
    Document doc;
    for (int i = 0; i < filler; ++i) doc.blocks.push_back(Paragraph("Rad " + std::to_string(i)));
    doc.blocks.push_back(Heading("Underskrifter"));
    doc.blocks.push_back(Paragraph("Vi är överens om ovanstående."));
    doc.blocks.push_back(Signatures(4));
    LaidOutDocument out = LayOutDocument(doc, m);
    int heading = -1, sentence = -1, first = -1, last = -1;
    Find(out, "Underskrifter", &heading);
    Find(out, "Vi är överens om ovanstående.", &sentence);
    Find(out, "Namn 0", &first);
    Find(out, "Namn 3", &last);
    EXPECT_EQ(heading, first) << "filler " << filler;
    EXPECT_EQ(sentence, first) << "filler " << filler;
    EXPECT_EQ(first, last) << "filler " << filler;
    ExpectInsidePrintArea(out, m);
  }
}

// Whether page `p` holds a text that starts with `stem`.
bool PageHas(const LaidOutDocument& doc, size_t p, const std::string& stem) {
  for (const auto& t : doc.pages[p].texts)
    if (t.text.rfind(stem, 0) == 0) return true;
  return false;
}

// Task: a signature block never stands alone on a page: the last content block before it (a
// paragraph's last lines, a field, a table's last rows) goes with it, also across a heading.
TEST(FlowLayout, LastContentBlockGoesWithTheSignatures) {
  FixedWidthMeasurer m;
  // Each content block and the start of a text its last part prints.
  std::vector<std::pair<std::string, Block>> contents;
  contents.push_back({"text", Paragraph(Words("text", 120))});  // about ten lines
  contents.push_back({"plan", Field("Delmål nr c1 – plan", "plan0", true)});
  contents.push_back({"Enhet 11", Table(12)});
  // The signatures are introduced by a heading or by a short sentence (which is part of them).
  const std::vector<Block> intros = {Heading("Vi är överens om ovanstående"),
                                     Paragraph("Vi är överens om ovanstående")};
  for (size_t k = 0; k < intros.size() * contents.size(); ++k) {
    const Block& intro = intros[k / contents.size()];
    const auto& [stem, content] = contents[k % contents.size()];
    for (int filler = 20; filler < 75; ++filler) {
      Document doc;
      for (int i = 0; i < filler; ++i) doc.blocks.push_back(Paragraph("Rad " + std::to_string(i)));
      doc.blocks.push_back(Heading("Plan"));
      doc.blocks.push_back(content);
      doc.blocks.push_back(intro);
      doc.blocks.push_back(Signatures(2));
      LaidOutDocument out = LayOutDocument(doc, m);
      const std::string where = stem + ", intro " + std::to_string(k / contents.size()) + ", filler " +
                                std::to_string(filler);
      int signatures = -1;
      Find(out, "Namn 0", &signatures);
      ASSERT_GE(signatures, 0);
      EXPECT_TRUE(PageHas(out, signatures, stem)) << where;
      int heading = -1;
      Find(out, "Vi är överens om ovanstående", &heading);
      EXPECT_EQ(heading, signatures) << where;
      for (size_t p = 0; p < out.pages.size(); ++p)
        EXPECT_TRUE(PageHas(out, p, "Rad") || PageHas(out, p, stem.substr(0, 4)) || PageHas(out, p, "Plan"))
            << "page " << p << " holds no content: " << where;
      if (stem == "text") {
        EXPECT_EQ(Missing(out, "text", 120), "") << where;
      }
      ExpectInsidePrintArea(out, m);
    }
  }
}

// Task: a signer's name sits clear of the signature line: the top of its tallest glyph (an
// accented capital, at the font's ascender) stays at least name_clearance below the line.
TEST(FlowLayout, SignerNamesSitClearOfTheSignatureLine) {
  FixedWidthMeasurer m;
  const FlowStyle style;
  Document doc;
  Block sign = Signatures(2);
  sign.signatures.signers[0].name = "Åsa Öberg";
  sign.signatures.signers[1].name = "Ștefan Bălan";
  doc.blocks.push_back(sign);
  LaidOutDocument out = LayOutDocument(doc, m, style);
  ASSERT_EQ(out.pages.size(), 1u);
  const Page& page = out.pages[0];
  for (const char* name : {"Åsa Öberg", "Ștefan Bălan"}) {
    int p = -1;
    auto runs = Find(out, name, &p);
    ASSERT_EQ(runs.size(), 1u) << name;
    const TextRun& run = *runs[0];
    const LineSegment* line = nullptr;  // the signature line above the name
    for (const auto& l : page.lines)
      if (l.y1 == l.y2 && l.x1 == run.x && l.y1 > run.baseline && (!line || l.y1 < line->y1)) line = &l;
    ASSERT_NE(line, nullptr) << name;
    double glyph_top = run.baseline + style.font_ascent * run.size;
    EXPECT_LE(glyph_top, line->y1 - line->width / 2 - style.name_clearance + 1e-6) << name;
    EXPECT_GE(glyph_top, line->y1 - 5) << name << ": the name still belongs to its line";
  }
  ExpectInsidePrintArea(out, m, style);
}

// Task: a table starts on a page only if its header and its first row fit there.
TEST(FlowLayout, TableHeaderIsNeverAloneAtTheBottomOfAPage) {
  FixedWidthMeasurer m;
  for (int filler = 30; filler < 70; ++filler) {
    Document doc;
    for (int i = 0; i < filler; ++i) doc.blocks.push_back(Paragraph("Rad " + std::to_string(i)));
    Block table = Table(2);
    table.table.rows[0][1] = Words("lang", 40);  // a first row of several lines
    doc.blocks.push_back(table);
    LaidOutDocument out = LayOutDocument(doc, m);
    int header = -1, first_row = -1;
    Find(out, "Period", &header);
    Find(out, "Enhet 0", &first_row);
    ASSERT_GE(header, 0);
    // Find reports the last page a text is on; the header's first page is what matters here.
    int first_header = -1;
    for (size_t p = 0; p < out.pages.size() && first_header < 0; ++p)
      for (const auto& t : out.pages[p].texts)
        if (t.text == "Period") first_header = static_cast<int>(p);
    EXPECT_EQ(first_header, first_row) << "filler " << filler;
    ExpectInsidePrintArea(out, m);
  }
}

// Task: a field taller than what is left of the page flows over the next pages, and each
// part keeps its box; the label is repeated on the continuation.
TEST(FlowLayout, LongFieldKeepsItsBoxOnEveryPagePart) {
  FixedWidthMeasurer m;
  for (int filler : {0, 12, 40, 55}) {
    Document doc;
    for (int i = 0; i < filler; ++i) doc.blocks.push_back(Paragraph("Rad " + std::to_string(i)));
    doc.blocks.push_back(Field("Handlingsplan", Words("plan", 800), true));
    doc.blocks.push_back(Paragraph("Efter fältet"));
    LaidOutDocument out = LayOutDocument(doc, m);
    EXPECT_EQ(Missing(out, "plan", 800), "") << "filler " << filler;
    int pages_with_text = 0;
    for (const Page& page : out.pages) {
      for (const auto& t : page.texts) {
        if (t.text.rfind("plan", 0) != 0) continue;
        bool boxed = false;
        for (const auto& r : page.rectangles)
          boxed |= t.x >= r.x && t.x + m.Width(t.text, t.face, t.size) <= r.x + r.w + 0.01 &&
                   t.baseline > r.y && t.baseline < r.y + r.h;
        EXPECT_TRUE(boxed) << "'" << t.text << "' outside its box";
      }
      bool has_text = false;
      for (const auto& t : page.texts) has_text |= t.text.rfind("plan", 0) == 0;
      pages_with_text += has_text;
    }
    EXPECT_GE(pages_with_text, 2);
    int continued = -1;
    EXPECT_FALSE(Find(out, "Handlingsplan (forts.)", &continued).empty());
    ExpectInsidePrintArea(out, m);
  }
}

// An empty box to write in that is taller than a page is split into boxes on each page; a
// small one that does not fit moves whole to the next page; a row of two fields splits both.
TEST(FlowLayout, BlankBoxesSplitOnlyWhenTallerThanAThirdOfAPage) {
  FixedWidthMeasurer m;
  {
    Document doc;
    Block field = Field("Anteckningar", "", true);
    field.fields.fields[0].blank_height = 400;
    doc.blocks.push_back(field);
    LaidOutDocument out = LayOutDocument(doc, m);
    ASSERT_GE(out.pages.size(), 2u);
    for (const Page& page : out.pages) EXPECT_EQ(page.rectangles.size(), 1u);
    ExpectInsidePrintArea(out, m);
  }
  for (int filler = 40; filler < 60; ++filler) {
    Document doc;
    for (int i = 0; i < filler; ++i) doc.blocks.push_back(Paragraph("Rad " + std::to_string(i)));
    Block field = Field("Omdöme", "", true);
    field.fields.fields[0].blank_height = 40;
    doc.blocks.push_back(field);
    LaidOutDocument out = LayOutDocument(doc, m);
    int rectangles = 0;
    for (const Page& page : out.pages) rectangles += static_cast<int>(page.rectangles.size());
    EXPECT_EQ(rectangles, 1) << "filler " << filler;
    int label = -1;
    Find(out, "Omdöme", &label);
    for (size_t p = 0; p < out.pages.size(); ++p)
      if (!out.pages[p].rectangles.empty()) {
        EXPECT_EQ(static_cast<int>(p), label);
        EXPECT_NEAR(out.pages[p].rectangles[0].h, 40 * kPointsPerMm, 0.01);
      }
    ExpectInsidePrintArea(out, m);
  }
  {
    Document doc;
    for (int i = 0; i < 30; ++i) doc.blocks.push_back(Paragraph("Rad " + std::to_string(i)));
    Block row = Field("Datum", "2026-01-01", false);
    row.kind = Block::Kind::kFieldRow;
    row.fields.fields.push_back({"Resultat", Words("res", 500), 3, 16, true});
    doc.blocks.push_back(row);
    LaidOutDocument out = LayOutDocument(doc, m);
    EXPECT_EQ(Missing(out, "res", 500), "");
    int boxes_pages = 0;
    for (const Page& page : out.pages) boxes_pages += !page.rectangles.empty();
    EXPECT_GE(boxes_pages, 2);
    int date = -1;
    Find(out, "2026-01-01", &date);
    EXPECT_EQ(date, 0);
    ExpectInsidePrintArea(out, m);
  }
}

// Task: signature blocks are never split and carry a printed name and role under each line;
// names too long for the line wrap instead of running into the next column or off the page.
TEST(FlowLayout, SignatureNamesWrapAndNothingIsPrintedNearTheEdge) {
  FixedWidthMeasurer m;
  for (int filler = 30; filler < 70; filler += 3) {
    Document doc;
    for (int i = 0; i < filler; ++i) doc.blocks.push_back(Paragraph("Rad " + std::to_string(i)));
    Block sig = Signatures(4);
    sig.signatures.signers[1].name = "Maria-Josefina Åkerlund-Öhrström von Württemberg-Hohenzollern";
    sig.signatures.signers[2].name = "";
    sig.signatures.place = "Sundsvall";
    sig.signatures.date = "2026-11-22";
    doc.blocks.push_back(sig);
    LaidOutDocument out = LayOutDocument(doc, m);
    int ort = -1, role0 = -1, role3 = -1, blank = -1;
    Find(out, "Sundsvall", &ort);
    Find(out, "Roll 0", &role0);
    Find(out, "Roll 3", &role3);
    Find(out, "Namnförtydligande:", &blank);
    EXPECT_EQ(ort, role0);
    EXPECT_EQ(role0, role3) << "filler " << filler;
    EXPECT_EQ(blank, role0);
    const Page& page = out.pages[role0];
    double column = (kPageWidth - 40 * kPointsPerMm - 12 * kPointsPerMm) / 2;
    for (const auto& t : page.texts) {
      if (t.baseline < 25 * kPointsPerMm || t.text.rfind("Rad", 0) == 0) continue;  // footer, filler
      double right = t.x > kPageWidth / 2 ? kPageWidth - 20 * kPointsPerMm : 20 * kPointsPerMm + column;
      EXPECT_LE(t.x + m.Width(t.text, t.face, t.size), right + 0.01) << t.text;
    }
    ExpectInsidePrintArea(out, m);
  }
}

// Every kind of block together, at many starting positions: nothing within 10 mm of an edge,
// no body text in the footer, no rule or box outside the page's print area.
TEST(FlowLayout, EverythingStaysInsideThePrintArea) {
  FixedWidthMeasurer m;
  for (int filler = 0; filler < 60; filler += 4) {
    Document doc;
    doc.info.header = "Region Västernorrland";
    doc.info.footer = Words("sidfot", 40);
    for (int i = 0; i < filler; ++i) doc.blocks.push_back(Paragraph("Rad " + std::to_string(i)));
    doc.blocks.push_back(Heading(Words("rubrik", 30)));
    doc.blocks.push_back(Paragraph(std::string(400, 'x')));  // one unbreakable word
    Block boxes;
    boxes.kind = Block::Kind::kCheckboxes;
    boxes.checkboxes.label = "Enligt";
    for (int i = 0; i < 8; ++i) boxes.checkboxes.options.push_back({"Alternativ nummer " + std::to_string(i), i % 2 == 0});
    doc.blocks.push_back(boxes);
    Block list;
    list.kind = Block::Kind::kList;
    for (int i = 0; i < 5; ++i) list.list.items.push_back(Words("punkt" + std::to_string(i) + "x", 60));
    doc.blocks.push_back(list);
    Block table = Table(30);
    table.table.columns[1].align = Align::kRight;
    doc.blocks.push_back(table);
    Block spacer;
    spacer.kind = Block::Kind::kSpacer;
    spacer.spacer.height_mm = 300;
    doc.blocks.push_back(spacer);
    doc.blocks.push_back(Field("Fält", Words("falt", 300), false));
    doc.blocks.push_back(Signatures(6));
    LaidOutDocument out = LayOutDocument(doc, m);
    ExpectInsidePrintArea(out, m);
    EXPECT_EQ(Missing(out, "falt", 300), "");
  }
}

}  // namespace
}  // namespace stdok
