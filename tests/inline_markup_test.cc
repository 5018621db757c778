// The inline markup (fill/markup.h) has one set of semantics: every case here runs through a
// template (a <field>'s content) and through a form (a <box>'s <value>) and must give the same
// text or the same error in both.
#include <gtest/gtest.h>

#include <ostream>
#include <string>

#include "fill/filler.h"
#include "forms/form.h"

namespace stdok {
namespace {

Value Root() {
  return Value(ValueMap{{"who", "Ada"},
                        {"list", Value(ValueList{Value("a"), Value("b")})},
                        {"empty_list", Value(ValueList{})},
                        {"none", Value()},
                        {"yes", true},
                        {"no", false}});
}

// What one user made of the markup: the rendered text, or every error joined.
struct Outcome {
  std::string text;
  std::string errors;
};

std::string Joined(const Diagnostics& d) {
  std::string all;
  for (const Diagnostic& x : d) all += x.message + "\n";
  return all;
}

Outcome ThroughTemplate(const std::string& markup) {
  Outcome out;
  Diagnostics d;
  Template t;
  if (!LoadTemplate("t.xml", "<document id=\"t\" title=\"T\">\n<field label=\"F\">" + markup + "</field>\n</document>",
                    &t, &d)) {
    out.errors = Joined(d);
    return out;
  }
  const Value root = Root();
  Scope scope(&root);
  Document doc = FillTemplate(t, scope, &d);
  out.errors = Joined(d);
  if (d.empty()) out.text = doc.blocks.at(0).fields.fields.at(0).value;
  return out;
}

Outcome ThroughForm(const std::string& markup) {
  Outcome out;
  Diagnostics d;
  FormDefinition form;
  if (!LoadForm("f.xml",
                "<form id=\"f\" title=\"Intyg\" regulation=\"HSLF-FS 2021:8\" annex=\"9\" footer=\"Bilaga 9\">\n"
                "<page><box rect=\"72 598 324 637\"><value>" + markup + "</value></box></page>\n</form>\n",
                &form, &d)) {
    out.errors = Joined(d);
    return out;
  }
  const Value root = Root();
  Scope scope(&root);
  std::string error;
  out.text = form.pages.at(0).boxes.at(0).value.Render(scope, &error);
  out.errors = error.empty() ? "" : error + "\n";
  if (!error.empty()) out.text.clear();
  return out;
}

struct Case {
  const char* name;  // the test's name
  const char* markup;
  const char* text;   // expected text when no error is expected
  const char* error;  // a part of the expected error; "" when none
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.markup; }

class InlineMarkup : public ::testing::TestWithParam<Case> {};

TEST_P(InlineMarkup, TemplatesAndFormsAgree) {
  const Case& c = GetParam();
  for (const auto& [user, outcome] : {std::pair{"template", ThroughTemplate(c.markup)},
                                      std::pair{"form", ThroughForm(c.markup)}}) {
    if (*c.error) {
      EXPECT_NE(outcome.errors.find(c.error), std::string::npos)
          << user << " gave no error '" << c.error << "' for " << c.markup << "; it said: " << outcome.errors
          << " and rendered '" << outcome.text << "'";
    } else {
      EXPECT_EQ(outcome.errors, "") << user << ": " << c.markup;
      EXPECT_EQ(outcome.text, c.text) << user << ": " << c.markup;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, InlineMarkup,
    ::testing::Values(
        Case{"Expression", "Hej {who}!", "Hej Ada!", ""},
        Case{"Braces", "{{literal}} {who}", "{literal} Ada", ""},
        // White space: runs are one space, ends trimmed, a blank line a paragraph break.
        Case{"WhiteSpace", "  a \n   b\n\n  c  ", "a b\n\nc", ""},
        Case{"Break", "rad ett <br/> rad två<br/>", "rad ett\nrad två", ""},
        Case{"IfTrue", "a <if test=\"yes\"> b </if> c", "a b c", ""},
        Case{"IfFalse", "A<if test=\"no\">B</if>C", "AC", ""},
        Case{"Else", "<if test=\"yes\">ja</if><else>nej</else>", "ja", ""},
        Case{"ElseAfterWhiteSpace", "<if test=\"no\">ja</if>\n  <else>nej</else>", "nej", ""},
        Case{"TwoIfElse", "<if test=\"no\">ja</if><else>nej</else><if test=\"yes\">!</if><else>?</else>", "nej!", ""},
        Case{"ForWithIndex", "<for each=\"list\" as=\"x\">{x_index}:{x} </for>", "1:a 2:b", ""},
        Case{"ForWithBreak", "<for each=\"list\" as=\"x\">{x}<br/></for>", "a\nb", ""},
        Case{"IfInsideFor", "<for each=\"list\" as=\"x\"><if test=\"x == 'b'\">{x}</if></for>", "b", ""},
        Case{"ForOverEmptyList", "[<for each=\"empty_list\" as=\"x\">{x}</for>]", "[]", ""},
        Case{"ForOverAbsentValue", "[<for each=\"none\" as=\"x\">{x}</for>]", "[]", ""},  // an absent value repeats nothing
        // Errors, the same wherever the markup is.
        Case{"ElseWithoutIf", "<else>nej</else>", "", "<else> must follow an <if>"},
        Case{"ElseAfterText", "<if test=\"no\">ja</if> då <else>nej</else>", "", "<else> must follow an <if>"},
        Case{"ForOverNonList", "<for each=\"who\" as=\"x\">{x}</for>", "", "<for each> needs a list, got 'Ada'"},
        Case{"IfWithoutTest", "<if>x</if>", "", "<if> needs test"},
        Case{"ForWithoutAs", "<for each=\"list\">x</for>", "", "<for> needs each and as"},
        Case{"UnknownAttribute", "<if test=\"yes\" tset=\"no\">x</if>", "", "<if> has no attribute 'tset'"},
        Case{"BreakNotEmpty", "<br>x</br>", "", "<br/> is empty"},
        Case{"UnknownElement", "<u>x</u>", "", "may hold text, <b"},
        Case{"UnclosedBrace", "{who", "", "'{' without a closing '}'"},
        Case{"UnopenedBrace", "who}", "", "'}' without an opening '{'"}),
    [](const ::testing::TestParamInfo<Case>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace stdok
