#include "forms/form_filler.h"

#include <gtest/gtest.h>

#include <sstream>

#include "layout/fixed_width_measurer.h"

namespace stdok {
namespace {

FormDefinition Load(const std::string& pages, Diagnostics* d) {
  FormDefinition form;
  LoadForm("f.xml",
           "<form id=\"f\" title=\"Intyg\" regulation=\"HSLF-FS 2021:8\" annex=\"9\" "
           "footer=\"HSLF-FS 2021:8 - Bilaga 9\">\n" + pages + "</form>\n",
           &form, d);
  return form;
}

Value Row(const char* unit, double months) {
  return Value(ValueMap{{"unit", Value(ValueMap{{"name", unit}})}, {"months", months},
                        {"period", Value(ValueMap{{"start", Date{2024, 9, 1}},
                                                  {"end", Date{2025, 2, 28}}})}});
}

std::string LongText() {
  std::string text;
  for (int i = 1; i <= 120; ++i) text += "ord" + std::to_string(i) + (i % 40 == 0 ? "\n\n" : " ");
  return text;
}

Value Root(int rows = 3) {
  ValueList service;
  for (int i = 0; i < rows; ++i) service.push_back(Row(("Enhet " + std::to_string(i + 1)).c_str(), 1.5));
  ValueMap trainee{{"name", "Anna Öberg"}, {"family", "Öberg"}, {"given", "Anna"},
                   {"personnummer", "19850312-2384"}, {"clinical_service", Value(service)}};
  ValueMap item{{"description", LongText()}, {"short", "Kort text"}, {"role", "handledare"}};
  return Value(ValueMap{{"trainee", Value(trainee)}, {"item", Value(item)}, {"attachment", "4"}});
}

const TextRun* Find(const Page& page, const std::string& text) {
  for (const TextRun& run : page.texts)
    if (run.text == text) return &run;
  return nullptr;
}

std::vector<std::string> Words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

TEST(FormFiller, BoxValueLandsInsideItsRect) {
  Diagnostics d;
  FormDefinition form = Load(
      "<page><box rect=\"72.1 598.8 324.6 637.8\" label=\"Efternamn\" value=\"{trainee.family}\"/></page>",
      &d);
  ASSERT_TRUE(d.empty()) << d[0].ToString();
  Value root = Root();
  Scope scope(&root);
  FixedWidthMeasurer m;
  LaidOutDocument doc = FillForm(form, scope, m, &d);
  ASSERT_TRUE(d.empty()) << d[0].ToString();
  ASSERT_EQ(doc.pages.size(), 1u);
  const Page& page = doc.pages[0];
  ASSERT_EQ(page.rectangles.size(), 1u);
  EXPECT_DOUBLE_EQ(page.rectangles[0].x, 72.1);
  EXPECT_DOUBLE_EQ(page.rectangles[0].h, 39.0);
  const TextRun* label = Find(page, "Efternamn");
  const TextRun* value = Find(page, "Öberg");
  ASSERT_TRUE(label && value);
  EXPECT_EQ(label->face, FontFace::kBold);
  EXPECT_DOUBLE_EQ(label->size, 7);
  for (const TextRun* run : {label, value}) {
    EXPECT_GT(run->x, 72.1);
    EXPECT_LT(run->x + m.Width(run->text, run->face, run->size), 324.6);
    EXPECT_GT(run->baseline - 0.212 * run->size, 598.8);
    EXPECT_LT(run->baseline + 0.905 * run->size, 637.8);
  }
  EXPECT_LT(value->baseline, label->baseline - 7);
  EXPECT_EQ(doc.info.title, "Intyg – Anna Öberg");
  EXPECT_EQ(doc.info.doc_id, "f");
  EXPECT_FALSE(doc.info.signature_fields);
}

// Task: a value sits clear of its box's borders and below every line of a label of several
// lines, its accents and descenders included (Liberation Sans: ascender 0.905, descender 0.212).
TEST(FormFiller, ValuesSitClearOfBordersAndOfLabelsOfSeveralLines) {
  struct Case {
    const char* box;
    const char* label;  // text of the label's first run, to find its lines
  };
  const Case cases[] = {
      {"<box rect=\"72.4 300 523.3 536.9\" multiline=\"yes\" value=\"{item.description}\">"
       "<label>Utbildningsaktiviteter som sökanden genomfört <r>(t.ex. kliniska tjänstgöringar)</r></label>"
       "<label><r>tidigare tjänstgöring)</r>. Om intyget avser flera delmål, beskriv dem.</label>"
       "<label>intyget avser flera delmål, beskriv vilka kontroller som avser vilka delmål.</label></box>",
       "Utbildningsaktiviteter"},
      {"<box rect=\"72.1 598.8 325.6 637.8\" label=\"Efternamn\" value=\"ÅSA ÖBERG Ågren\"/>", "Efternamn"},
      {"<box rect=\"495.9 778.2 566.9 796.7\" align=\"center\" value=\"Å 19\"/>", nullptr},
  };
  for (const Case& c : cases) {
    Diagnostics d;
    FormDefinition form = Load(std::string("<page>") + c.box + "</page>", &d);
    ASSERT_TRUE(d.empty()) << d[0].ToString();
    const FormRect r = form.pages[0].boxes[0].rect;
    Value root = Root();
    Scope scope(&root);
    FixedWidthMeasurer m;
    LaidOutDocument doc = FillForm(form, scope, m, &d);
    const Page& page = doc.pages[0];
    double label_bottom = r.y1;  // the lowest point of any label line
    int label_lines = 0;
    for (const TextRun& run : page.texts)
      if (run.size == 7 && run.baseline > r.y0 && run.baseline < r.y1) {
        label_bottom = std::min(label_bottom, run.baseline - 0.212 * run.size);
        ++label_lines;
      }
    if (c.label) {
      EXPECT_GE(label_lines, 1) << c.label;
    }
    int values = 0;
    for (const TextRun& run : page.texts) {
      if (run.size == 7 || run.baseline < r.y0 || run.baseline > r.y1) continue;
      ++values;
      const double width = m.Width(run.text, run.face, run.size);
      EXPECT_GE(run.x, r.x0 + 2.9) << run.text;
      EXPECT_LE(run.x + width, r.x1 - 2.9) << run.text;
      EXPECT_GE(run.baseline - 0.212 * run.size, r.y0 + 2.4) << run.text;
      EXPECT_LE(run.baseline + 0.905 * run.size, label_bottom - 2.4) << run.text << " touches the label";
      EXPECT_LE(run.baseline + 0.905 * run.size, r.y1 - 2.4) << run.text << " touches the top border";
    }
    EXPECT_GE(values, 1) << c.box;
  }
}

TEST(FormFiller, OverflowContinuesOnAnExtraPageWithNothingLost) {
  Diagnostics d;
  FormDefinition form = Load(
      "<page><box rect=\"72 400 523 500\" label=\"Beskrivning\" multiline=\"yes\" "
      "value=\"{item.description}\"/></page>",
      &d);
  ASSERT_TRUE(d.empty()) << d[0].ToString();
  Value root = Root();
  Scope scope(&root);
  FixedWidthMeasurer m;
  LaidOutDocument doc = FillForm(form, scope, m, &d);
  ASSERT_TRUE(d.empty()) << d[0].ToString();
  ASSERT_EQ(doc.pages.size(), 2u);
  EXPECT_NE(Find(doc.pages[0], "(forts. på sidan 2)"), nullptr);
  EXPECT_NE(Find(doc.pages[1], "Fortsättning – Intyg – Anna Öberg"), nullptr);
  EXPECT_NE(Find(doc.pages[1], "Beskrivning (forts. från sidan 1)"), nullptr);
  // Task: a continuation page names the applicant, the personnummer and the Bilaga nr.
  EXPECT_NE(Find(doc.pages[1], "Sökande: Anna Öberg · Personnummer: 19850312-2384 · Bilaga nr 4 "
                               "(HSLF-FS 2021:8, bilaga 9)"),
            nullptr);
  std::string printed;
  for (const Page& page : doc.pages)
    for (const TextRun& run : page.texts)
      if (run.text.rfind("ord", 0) == 0) printed += run.text + " ";
  EXPECT_EQ(Words(printed), Words(LongText()));
  for (const TextRun& run : doc.pages[0].texts) {
    if (run.text.rfind("ord", 0) != 0 && run.text.rfind("(forts", 0) != 0) continue;
    EXPECT_GT(run.baseline - 0.212 * run.size, 400);
    EXPECT_LT(run.x + m.Width(run.text, run.face, run.size), 523);
  }
}

TEST(FormFiller, ContinuingBoxTakesTheRestFirst) {
  Diagnostics d;
  FormDefinition form = Load(
      "<page><box id=\"a\" rect=\"72 400 523 500\" label=\"A\" multiline=\"yes\" "
      "value=\"{item.description}\"/></page>\n"
      "<page><box continues=\"a\" rect=\"72 100 523 800\" label=\"Forts.\" multiline=\"yes\"/></page>",
      &d);
  ASSERT_TRUE(d.empty()) << d[0].ToString();
  Value root = Root();
  Scope scope(&root);
  FixedWidthMeasurer m;
  LaidOutDocument doc = FillForm(form, scope, m, &d);
  ASSERT_EQ(doc.pages.size(), 2u);  // no continuation page: the second box holds the rest
  std::string printed;
  for (const Page& page : doc.pages)
    for (const TextRun& run : page.texts)
      if (run.text.rfind("ord", 0) == 0) printed += run.text + " ";
  EXPECT_EQ(Words(printed), Words(LongText()));
  EXPECT_EQ(Find(doc.pages[0], "(forts. på sidan 2)"), nullptr);
}

TEST(FormFiller, FootersNumberAllPagesAboveTheMargin) {
  Diagnostics d;
  FormDefinition form = Load(
      "<page><box rect=\"72 400 523 500\" label=\"B\" multiline=\"yes\" value=\"{item.description}\"/></page>\n"
      "<page><text at=\"70.9 700\">Sida två</text></page>",
      &d);
  Value root = Root();
  Scope scope(&root);
  FixedWidthMeasurer m;
  LaidOutDocument doc = FillForm(form, scope, m, &d);
  ASSERT_EQ(doc.pages.size(), 3u);
  EXPECT_NE(Find(doc.pages[0], "(forts. på sidan 3)"), nullptr);
  for (size_t i = 0; i < 3; ++i) {
    const TextRun* number = Find(doc.pages[i], std::to_string(i + 1) + " (3)");
    const TextRun* footer = Find(doc.pages[i], "HSLF-FS 2021:8 - Bilaga 9");
    ASSERT_TRUE(number && footer) << i;
    for (const TextRun& run : doc.pages[i].texts) {
      EXPECT_GE(run.baseline - 0.212 * run.size, kFormMargin) << run.text;
      EXPECT_GE(run.x, kFormMargin) << run.text;
    }
  }
}

TEST(FormFiller, CheckBoxesAreDrawnAndTicked) {
  Diagnostics d;
  FormDefinition form = Load(
      "<page><check rect=\"78 222 90 234\" checked=\"item.role == 'handledare'\"/>"
      "<check rect=\"170 222 182 234\" checked=\"item.role == 'kursledare'\"/></page>",
      &d);
  Value root = Root();
  Scope scope(&root);
  FixedWidthMeasurer m;
  LaidOutDocument doc = FillForm(form, scope, m, &d);
  ASSERT_TRUE(d.empty()) << d[0].ToString();
  const Page& page = doc.pages[0];
  ASSERT_EQ(page.rectangles.size(), 2u);
  ASSERT_EQ(page.lines.size(), 2u);  // one cross, in the first box
  for (const LineSegment& line : page.lines) {
    EXPECT_GT(std::min(line.x1, line.x2), 78);
    EXPECT_LT(std::max(line.x1, line.x2), 90);
  }
}

const char* kTable =
    "<page><table id=\"t\" title=\"Tjänsteförteckning\" each=\"trainee.clinical_service\" as=\"row\" "
    "top=\"500\" rows=\"4\" row-height=\"20\" size=\"9\">"
    "<cell x=\"72 250\" title=\"Ställe\">{row.unit.name}</cell>"
    "<cell x=\"250 350\" title=\"Period\">{row.period | period_short}</cell>"
    "<cell x=\"350 450\" title=\"Månader\" align=\"right\">{row.months | decimal(2)}</cell></table>"
    "<box rect=\"350 100 450 120\" align=\"right\" value=\"{trainee.clinical_service | sum('months') | decimal(2)}\"/>"
    "</page>";

TEST(FormFiller, TableRowsAndSumma) {
  Diagnostics d;
  FormDefinition form = Load(kTable, &d);
  ASSERT_TRUE(d.empty()) << d[0].ToString();
  Value root = Root(3);
  Scope scope(&root);
  FixedWidthMeasurer m;
  LaidOutDocument doc = FillForm(form, scope, m, &d);
  ASSERT_TRUE(d.empty()) << d[0].ToString();
  ASSERT_EQ(doc.pages.size(), 1u);
  const Page& page = doc.pages[0];
  EXPECT_EQ(page.rectangles.size(), 4u * 3 + 1);
  const TextRun* third = Find(page, "Enhet 3");
  ASSERT_TRUE(third);
  EXPECT_GT(third->baseline, 440);  // third row: 440..460
  EXPECT_LT(third->baseline, 460);
  const TextRun* months = Find(page, "1,50");
  ASSERT_TRUE(months);
  EXPECT_NEAR(months->x + m.Width("1,50", FontFace::kRegular, months->size), 448, 0.01);
  EXPECT_NE(Find(page, "240901 – 250228"), nullptr);
  EXPECT_NE(Find(page, "4,50"), nullptr);
}

TEST(FormFiller, TableRowsBeyondTheFormContinue) {
  Diagnostics d;
  FormDefinition form = Load(kTable, &d);
  Value root = Root(7);
  Scope scope(&root);
  FixedWidthMeasurer m;
  LaidOutDocument doc = FillForm(form, scope, m, &d);
  ASSERT_TRUE(d.empty()) << d[0].ToString();
  ASSERT_EQ(doc.pages.size(), 2u);
  EXPECT_NE(Find(doc.pages[0], "Enhet 3"), nullptr);
  EXPECT_EQ(Find(doc.pages[0], "Enhet 4"), nullptr);
  EXPECT_NE(Find(doc.pages[0], "(forts. på sidan 2)"), nullptr);
  EXPECT_NE(Find(doc.pages[0], "10,50"), nullptr);  // Summa counts every row
  EXPECT_NE(Find(doc.pages[1], "Tjänsteförteckning (forts. från sidan 1)"), nullptr);
  EXPECT_NE(Find(doc.pages[1], "Sökande: Anna Öberg · Personnummer: 19850312-2384 · Bilaga nr 4 "
                               "(HSLF-FS 2021:8, bilaga 9)"),
            nullptr);
  EXPECT_NE(Find(doc.pages[1], "Månader"), nullptr);
  for (int i = 4; i <= 7; ++i)
    EXPECT_NE(Find(doc.pages[1], "Enhet " + std::to_string(i)), nullptr) << i;
}

TEST(FormFiller, SingleLineBoxesShrinkToFit) {
  Diagnostics d;
  FormDefinition form = Load(
      "<page><box rect=\"72 100 180 128\" label=\"Ställe\" value=\"{item.short} och lite till\"/></page>", &d);
  Value root = Root();
  Scope scope(&root);
  FixedWidthMeasurer m;
  LaidOutDocument doc = FillForm(form, scope, m, &d);
  ASSERT_EQ(doc.pages.size(), 1u);
  const TextRun* run = Find(doc.pages[0], "Kort text och lite till");
  ASSERT_TRUE(run);
  EXPECT_LT(run->size, 10);
}

TEST(FormFiller, ExpressionMistakesAreReportedAtTheBox) {
  Diagnostics d;
  FormDefinition form = Load("<page>\n<box rect=\"72 100 180 128\" value=\"{item.short | date}\"/></page>", &d);
  ASSERT_TRUE(d.empty());
  Value root = Root();
  Scope scope(&root);
  FixedWidthMeasurer m;
  FillForm(form, scope, m, &d);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].location.line, 3);
  EXPECT_EQ(d[0].rule, "form.fill");
}

}  // namespace
}  // namespace stdok
