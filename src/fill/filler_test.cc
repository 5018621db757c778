#include "fill/filler.h"

#include <gtest/gtest.h>

namespace stdok {
namespace {

Template Load(const std::string& body, Diagnostics* d) {
  Template t;
  LoadTemplate("t.xml", "<document id=\"t\" title=\"T\">\n" + body + "\n</document>", &t, d);
  return t;
}

Value Root() {
  ValueList items{Value(ValueMap{{"name", "Ett"}}), Value(ValueMap{{"name", "Två"}})};
  return Value(ValueMap{{"who", "Łukasz Żółkiewski"}, {"items", Value(items)}, {"flag", true}});
}

TEST(Filler, FillsFieldsConditionsAndLoops) {
  Diagnostics d;
  Template t = Load(
      "<heading>Parter</heading>\n"
      "<field label=\"ST-läkare\">{who}</field>\n"
      "<if test=\"flag\"><p>Ja</p></if><else><p>Nej</p></else>\n"
      "<list><for each=\"items\" as=\"i\"><item>{i_index}. {i.name}</item></for></list>\n"
      "<p>A <if test=\"not flag\">inte </if>B</p>\n"
      "<signatures place=\"Umeå\"><signer role=\"ST-läkare\" name=\"{who}\"/></signatures>",
      &d);
  ASSERT_TRUE(d.empty()) << d[0].ToString();
  Value root = Root();
  Scope scope(&root);
  Document doc = FillTemplate(t, scope, &d);
  ASSERT_TRUE(d.empty()) << d[0].ToString();
  ASSERT_EQ(doc.blocks.size(), 6u);
  EXPECT_EQ(doc.blocks[1].fields.fields[0].value, "Łukasz Żółkiewski");
  EXPECT_EQ(doc.blocks[2].paragraph.text, "Ja");
  EXPECT_EQ(doc.blocks[3].list.items, (std::vector<std::string>{"1. Ett", "2. Två"}));
  EXPECT_EQ(doc.blocks[4].paragraph.text, "A B");
  EXPECT_EQ(doc.blocks[5].signatures.place, "Umeå");
  EXPECT_EQ(doc.blocks[5].signatures.signers[0].name, "Łukasz Żółkiewski");
}

TEST(Filler, TemplateErrorsCarryFileAndLine) {
  Diagnostics d;
  Load("<p>ok</p>\n<paragraf>x</paragraf>\n<p>{a |}</p>", &d);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].location.file, "t.xml");
  EXPECT_EQ(d[0].location.line, 3);
  EXPECT_NE(d[0].message.find("paragraf"), std::string::npos);
  EXPECT_EQ(d[1].location.line, 4);
}

TEST(Filler, FillTimeErrorsAreReported) {
  Diagnostics d;
  Template t = Load("<p>{who | date}</p>", &d);
  ASSERT_TRUE(d.empty());
  Value root = Root();
  Scope scope(&root);
  FillTemplate(t, scope, &d);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].location.line, 2);
  EXPECT_NE(d[0].message.find("needs a date"), std::string::npos);
}

}  // namespace
}  // namespace stdok
