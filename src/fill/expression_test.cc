#include "fill/expression.h"

#include <gtest/gtest.h>

namespace stdok {
namespace {

Value Sample() {
  ValueMap person{{"name", "Anna Lind"}, {"rate", 62.5}};
  ValueList codes{Value("STa1"), Value("STb2")};
  ValueMap period{{"start", Date{2024, 9, 1}}, {"end", Date{2025, 2, 28}}};
  ValueMap day{{"start", Date{2025, 3, 14}}, {"end", Date{2025, 3, 14}}};
  return Value(ValueMap{{"person", Value(person)},
                        {"codes", Value(codes)},
                        {"period", Value(period)},
                        {"day", Value(day)},
                        {"start", Date{2026, 11, 22}},
                        {"money", 12500.0},
                        {"empty", ""}});
}

std::string Eval(const std::string& text, std::string* error = nullptr) {
  static const Value root = Sample();
  Scope scope(&root);
  Expression e;
  std::string parse_error, eval_error;
  if (!Expression::Parse(text, &e, &parse_error)) return "PARSE: " + parse_error;
  std::string out = e.Evaluate(scope, &eval_error).ToText();
  if (error) *error = eval_error;
  return out;
}

TEST(Expression, PathsAndFormats) {
  EXPECT_EQ(Eval("person.name"), "Anna Lind");
  EXPECT_EQ(Eval("person.missing"), "");
  EXPECT_EQ(Eval("start | date"), "22 november 2026");
  EXPECT_EQ(Eval("start | iso"), "2026-11-22");
  EXPECT_EQ(Eval("start | yymmdd"), "261122");
  EXPECT_EQ(Eval("period | period"), "2024-09-01 – 2025-02-28");
  EXPECT_EQ(Eval("period | period_short"), "240901 – 250228");
  // Task: a one-day period (a course day, an auskultation) prints as one date.
  EXPECT_EQ(Eval("day | period"), "2025-03-14");
  EXPECT_EQ(Eval("day | period_short"), "250314");
  EXPECT_EQ(Eval("person.rate | percent"), "62,5\u00a0%");
  EXPECT_EQ(Eval("money | money"), "12\u00a0500\u00a0kr");
  EXPECT_EQ(Eval("person.rate | decimal(2)"), "62,50");
  EXPECT_EQ(Eval("person.rate"), "62,5");  // a bare number: at most two decimals, no trailing zeros
  EXPECT_EQ(Eval("person.rate | round"), "63");
  EXPECT_EQ(Eval("person.rate | round(1)"), "62,5");
  EXPECT_EQ(Eval("codes | join(' och ')"), "STa1 och STb2");
  EXPECT_EQ(Eval("empty | default('–')"), "–");
  EXPECT_EQ(Eval("empty | default(person.name)"), "Anna Lind");
  EXPECT_EQ(Eval("codes | count"), "2");
  EXPECT_EQ(Eval("codes | count | words"), "två");
  EXPECT_EQ(Eval("'3' | words"), "tre");
  EXPECT_EQ(Eval("'1' | words('timme', 'timmar')"), "en timme");
  EXPECT_EQ(Eval("'2' | words('timme', 'timmar')"), "två timmar");
  EXPECT_EQ(Eval("'Överläkare' | title_after_comma"), "överläkare");
  EXPECT_EQ(Eval("'Öron' | lower"), "öron");
}

// Years and other whole numbers that name something are printed without digit grouping.
TEST(Expression, IntPrintsPlainDigits) {
  ValueMap person{{"training_year", 2019.0}, {"hours", 1.0}, {"weird", 12345678.0}, {"rounded", 2.6},
                  {"negative", -1500.0}};
  Value root(ValueMap{{"person", Value(person)}, {"profile", Value(ValueMap{{"after", "2008"}, {"text", "ett år"}})}});
  Scope scope(&root);
  auto eval = [&](const std::string& text, std::string* error) {
    Expression e;
    std::string parse_error;
    if (!Expression::Parse(text, &e, &parse_error)) return "PARSE: " + parse_error;
    return e.Evaluate(scope, error).ToText();
  };
  std::string error;
  EXPECT_EQ(eval("person.training_year", &error), "2\u00a0019") << "a number alone is grouped";
  EXPECT_EQ(eval("person.training_year | int", &error), "2019");
  EXPECT_EQ(eval("person.hours | int", &error), "1");
  EXPECT_EQ(eval("person.weird | int", &error), "12345678");
  EXPECT_EQ(eval("person.rounded | int", &error), "3");
  EXPECT_EQ(eval("person.negative | int", &error), "-1500");
  EXPECT_EQ(eval("profile.after | int", &error), "2008");
  EXPECT_EQ(eval("person.missing | int", &error), "");
  EXPECT_TRUE(error.empty()) << error;
  eval("profile.text | int", &error);
  EXPECT_NE(error.find("filter 'int' needs a whole number"), std::string::npos) << error;
}

TEST(Expression, ListFilters) {
  ValueList rows{Value(ValueMap{{"kind", "akut"}, {"months", 3.5}}),
                 Value(ValueMap{{"kind", "primärvård"}, {"months", 4.0}}),
                 Value(ValueMap{{"kind", "akut"}, {"months", 2.25}})};
  Value root(ValueMap{{"rows", Value(rows)}});
  Scope scope(&root);
  Expression e;
  std::string error;
  ASSERT_TRUE(Expression::Parse("rows | where('kind', 'akut') | sum('months') | decimal(2)", &e, &error));
  EXPECT_EQ(e.Evaluate(scope, &error).ToText(), "5,75");
  ASSERT_TRUE(Expression::Parse("rows | where('kind', 'primärvård') | count", &e, &error));
  EXPECT_EQ(e.Evaluate(scope, &error).ToText(), "1");
  EXPECT_TRUE(error.empty()) << error;
}

TEST(Expression, LogicAndComparison) {
  EXPECT_EQ(Eval("person.rate > 50"), "ja");
  EXPECT_EQ(Eval("person.rate == 62.5 and not empty"), "ja");
  EXPECT_EQ(Eval("person.name == 'Bo' or (codes | count) >= 3"), "nej");
  EXPECT_EQ(Eval("'Öberg' > 'Zetterberg'"), "ja");  // Swedish collation: Ö after Z
}

TEST(Expression, ErrorsNameThemselves) {
  EXPECT_NE(Eval("person.").find("PARSE"), std::string::npos);
  EXPECT_NE(Eval("'open").find("unterminated"), std::string::npos);
  EXPECT_NE(Eval("a ==").find("PARSE"), std::string::npos);
  std::string error;
  Eval("person.name | date", &error);
  EXPECT_NE(error.find("needs a date"), std::string::npos);
  Eval("person.name | shout", &error);
  EXPECT_NE(error.find("unknown filter 'shout'"), std::string::npos);
}

}  // namespace
}  // namespace stdok
