#include "forms/form.h"

#include <gtest/gtest.h>

namespace stdok {
namespace {

const char* kHead =
    "<form id=\"f\" title=\"Intyg\" regulation=\"HSLF-FS 2021:8\" annex=\"9\" one-per=\"placement\"\n"
    "      group=\"kliniska-tjanstgoringar\" footer=\"HSLF-FS 2021:8 - Bilaga 9\">\n";

FormDefinition Load(const std::string& pages, Diagnostics* d) {
  FormDefinition form;
  LoadForm("f.xml", std::string(kHead) + pages + "</form>\n", &form, d);
  return form;
}

TEST(Form, ReadsTextsBoxesChecksTablesAndOfficialLines) {
  Diagnostics d;
  FormDefinition form = Load(
      "<page>\n"
      "  <text at=\"70.9 641.7\" size=\"10\" bold=\"yes\">Sökande <r>(ej)</r></text>\n"
      "  <box rect=\"72.1 598.8 324.6 637.8\" label=\"Delmål\" hint=\"(t.ex. STa1)\" value=\"{item.delmal | join(', ')}\"/>\n"
      "  <box rect=\"72.1 258.3 523.1 443.9\" multiline=\"yes\" id=\"b\">\n"
      "    <label>Rad ett <r>(t.ex.</r></label><label><r>rad två)</r></label>\n"
      "    <value><for each=\"xs\" as=\"x\">{x}<br/></for></value>\n"
      "  </box>\n"
      "  <check rect=\"78 222 90 234\" checked=\"item.signer_role == 'handledare'\"/>\n"
      "  <table id=\"t\" title=\"Tjänster\" each=\"trainee.clinical_service\" as=\"row\" top=\"492.5\" rows=\"3\" row-height=\"22.7\">\n"
      "    <cell x=\"71.9 230.5\" title=\"Ställe\">{row.unit.name}</cell>\n"
      "    <cell x=\"230.5 343.9\" title=\"Period\" align=\"right\">{row.period | period_short}</cell>\n"
      "  </table>\n"
      "</page>\n"
      "<page><rows table=\"t\" top=\"716\" rows=\"20\"/></page>\n"
      "<official><line page=\"1\">Sökande (ej)</line></official>\n",
      &d);
  ASSERT_TRUE(d.empty()) << d[0].ToString();
  EXPECT_EQ(form.id, "f");
  EXPECT_EQ(form.one_per, FormOnePer::kPlacement);
  EXPECT_STREQ(FormItemList(form.one_per), "trainee.clinical_service");
  ASSERT_EQ(form.pages.size(), 2u);
  const FormPage& p = form.pages[0];
  ASSERT_EQ(p.texts.size(), 1u);
  ASSERT_EQ(p.texts[0].line.spans.size(), 2u);
  EXPECT_TRUE(p.texts[0].line.spans[0].bold);
  EXPECT_FALSE(p.texts[0].line.spans[1].bold);
  ASSERT_EQ(p.boxes.size(), 2u);
  EXPECT_DOUBLE_EQ(p.boxes[0].rect.x1, 324.6);
  ASSERT_EQ(p.boxes[0].label.size(), 1u);
  EXPECT_EQ(p.boxes[0].label[0].spans.size(), 2u);
  EXPECT_EQ(p.boxes[1].label.size(), 2u);
  EXPECT_TRUE(p.boxes[1].multiline);
  EXPECT_EQ(p.checks.size(), 1u);
  ASSERT_EQ(form.tables.size(), 1u);
  EXPECT_EQ(form.tables[0].cells.size(), 2u);
  EXPECT_EQ(form.tables[0].cells[1].align, FormAlign::kRight);
  ASSERT_EQ(form.tables[0].areas.size(), 2u);
  EXPECT_EQ(form.tables[0].areas[1].page, 1);
  ASSERT_EQ(form.official.size(), 1u);
  EXPECT_EQ(form.official[0].text, "Sökande (ej)");

  ValueList xs{Value("a"), Value("b")};
  Value root(ValueMap{{"xs", Value(xs)}});
  Scope scope(&root);
  std::string error;
  EXPECT_EQ(p.boxes[1].value.Render(scope, &error), "a\nb");
  EXPECT_TRUE(error.empty());
}

TEST(Form, MistakesAreLocated) {
  Diagnostics d;
  Load("<page>\n"
       "  <box rect=\"72 598 324\" label=\"A\"/>\n"
       "  <box rect=\"72 598 324 637\" colour=\"red\"/>\n"
       "  <text at=\"70 700\">{trainee.name |}</text>\n"
       "  <circle/>\n"
       "  <box rect=\"10 598 324 637\"/>\n"
       "  <rows table=\"nope\" top=\"700\" rows=\"2\"/>\n"
       "</page>\n",
       &d);
  ASSERT_EQ(d.size(), 6u);
  for (const Diagnostic& x : d) {
    EXPECT_EQ(x.location.file, "f.xml");
    EXPECT_EQ(x.rule, "form.invalid");
  }
  EXPECT_EQ(d[0].location.line, 4);  // rect needs 4 numbers
  EXPECT_NE(d[0].message.find("4 numbers"), std::string::npos);
  EXPECT_EQ(d[1].location.line, 5);
  EXPECT_NE(d[1].message.find("colour"), std::string::npos);
  EXPECT_GT(d[1].location.column, 20);
  EXPECT_EQ(d[2].location.line, 6);
  EXPECT_EQ(d[3].location.line, 7);
  EXPECT_NE(d[3].message.find("circle"), std::string::npos);
  EXPECT_EQ(d[4].location.line, 8);
  EXPECT_NE(d[4].message.find("10 mm"), std::string::npos);
  EXPECT_EQ(d[5].location.line, 9);
}

TEST(Form, RootAndReferenceMistakes) {
  Diagnostics d;
  FormDefinition form;
  EXPECT_FALSE(LoadForm("g.xml",
                        "<form id=\"g\" title=\"T\" regulation=\"SOSFS 2008:17\" annex=\"1\" "
                        "one-per=\"side\" attachment-box=\"yes\" footer=\"F\">\n"
                        "<page><box rect=\"72 100 200 200\" continues=\"x\"/></page>\n"
                        "<official><line page=\"3\">A</line></official>\n"
                        "</form>",
                        &form, &d));
  std::string all;
  for (const Diagnostic& x : d) all += x.ToString() + "\n";
  EXPECT_NE(all.find("regulation"), std::string::npos) << all;
  EXPECT_NE(all.find("one-per"), std::string::npos) << all;
  EXPECT_NE(all.find("no earlier box with id 'x'"), std::string::npos) << all;
  EXPECT_NE(all.find("page 3"), std::string::npos) << all;
  EXPECT_NE(all.find("{attachment}"), std::string::npos) << all;
}

TEST(Form, MalformedXmlIsLocated) {
  Diagnostics d;
  FormDefinition form;
  EXPECT_FALSE(LoadForm("h.xml", "<form id=\"h\">\n<page>\n</form>", &form, &d));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].location.line, 3);
  EXPECT_NE(d[0].message.find("malformed"), std::string::npos);
}

}  // namespace
}  // namespace stdok
