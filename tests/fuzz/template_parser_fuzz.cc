// libFuzzer target: the template loader, and the filler on whatever loads, must never crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fill/filler.h"
#include "fill/template.h"

namespace {

stdok::Value Context() {
  using namespace stdok;
  ValueList items{Value(ValueMap{{"name", "Ett"}, {"months", 3.5}}), Value(ValueMap{{"name", "Två"}})};
  ValueMap trainee{{"name", "Łukasz Żółkiewski"}, {"items", Value(items)}, {"start", Date{2024, 9, 1}},
                   {"rate", 62.5}, {"flag", true}};
  return Value(ValueMap{{"trainee", Value(trainee)}});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const stdok::Value context = Context();
  stdok::Diagnostics diagnostics;
  stdok::Template tmpl;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (stdok::LoadTemplate("fuzz.xml", text, &tmpl, &diagnostics)) {
    stdok::Scope scope(&context);
    stdok::TemplateApplies(tmpl, scope, &diagnostics);
    stdok::FillTemplate(tmpl, scope, &diagnostics);
  }
  return 0;
}
