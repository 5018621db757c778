// libFuzzer target: the XML layer (xml/document.h) and the forms' use of it and of the inline
// markup must never crash, whatever the bytes. The first byte picks the load options; every
// node, attribute and text value of a loaded document is located, and must lie inside the file.
// The same bytes are loaded through xml/element_stream.h, streaming the root's children named
// as the first child element (or "t"): the outcome, the refusal and every streamed element's
// tree and positions must be the whole-file load's. The same bytes are then loaded as a form
// and every box and cell value rendered.
// Seeds: tests/fuzz/corpus/xml_document/ and forms/ (scripts/fuzz.sh).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>

#include "forms/form.h"
#include "xml/document.h"
#include "xml/element_stream.h"

namespace {

void Check(const stdok::SourceLocation& where, size_t lines) {
  if (where.line < 0 || static_cast<size_t>(where.line) > lines) std::abort();
}

void Walk(const stdok::xml::Document& document, pugi::xml_node node, size_t lines, int depth) {
  if (depth > 10000) return;
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    Check(document.Locate(c), lines);
    for (pugi::xml_attribute a = c.first_attribute(); a; a = a.next_attribute()) {
      Check(document.Locate(a), lines);
      Check(document.LocateValue(a.value()), lines);
    }
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) Check(document.LocateValue(c.value()), lines);
    Walk(document, c, lines, depth + 1);
  }
}

std::string Printed(pugi::xml_node node) {
  std::ostringstream out;
  node.print(out, "", pugi::format_raw | pugi::format_no_escapes);
  return out.str();
}

// Every node and attribute of `a` (in document `da`) is located where its twin in `b` is.
void SamePositions(const stdok::xml::Document& da, pugi::xml_node a, const stdok::xml::Document& db,
                   pugi::xml_node b, int depth) {
  if (depth > 10000) return;
  if (da.Locate(a).ToString() != db.Locate(b).ToString()) std::abort();
  for (pugi::xml_attribute x = a.first_attribute(), y = b.first_attribute(); x || y;
       x = x.next_attribute(), y = y.next_attribute()) {
    if (!x || !y || da.Locate(x).ToString() != db.Locate(y).ToString() ||
        da.LocateValue(x.value()).ToString() != db.LocateValue(y.value()).ToString())
      std::abort();
  }
  for (pugi::xml_node x = a.first_child(), y = b.first_child(); x || y; x = x.next_sibling(), y = y.next_sibling()) {
    if (!x || !y) std::abort();
    if (x.type() == pugi::node_pcdata && da.LocateValue(x.value()).ToString() != db.LocateValue(y.value()).ToString())
      std::abort();
    SamePositions(da, x, db, y, depth + 1);
  }
}

void CompareWithStream(std::string_view text, const stdok::xml::LoadOptions& options, bool loaded,
                       const stdok::xml::Document& whole, const stdok::Diagnostics& refusal) {
  std::string name = "t";
  if (loaded)
    if (pugi::xml_node first = whole.root().find_child([](pugi::xml_node n) { return n.type() == pugi::node_element; }))
      name = first.name();
  stdok::Diagnostics diagnostics;
  stdok::xml::ElementStream stream;
  if (stream.Load("fuzz.xml", text, options, name, &diagnostics) != loaded) std::abort();
  if (!loaded) {
    if (diagnostics.size() != 1 || diagnostics[0].ToString() != refusal[0].ToString()) std::abort();
    return;
  }
  std::vector<pugi::xml_node> expected;
  for (pugi::xml_node n = whole.root().child(name.c_str()); n; n = n.next_sibling(name.c_str())) expected.push_back(n);
  if (stream.size() != expected.size()) std::abort();
  stdok::xml::Document scratch;
  for (size_t i = 0; i < expected.size(); ++i) {
    const stdok::xml::StreamedElement e = stream.Element(i, &scratch);
    if (Printed(e.node) != Printed(expected[i])) std::abort();
    SamePositions(*e.document, e.node, whole, expected[i], 0);
  }
  if (std::string(stream.root().name()) != whole.root().name()) std::abort();
}

stdok::Value Context() {
  using namespace stdok;
  ValueList items{Value(ValueMap{{"name", "Ett"}, {"months", 3.5}}), Value(ValueMap{{"name", "Två"}})};
  ValueMap trainee{{"name", "Łukasz Żółkiewski"}, {"items", Value(items)}, {"start", Date{2024, 9, 1}}};
  return Value(ValueMap{{"trainee", Value(trainee)}, {"item", Value(ValueMap{{"flag", true}})}});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t flags = data[0];
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  size_t lines = 1;
  for (char c : text) lines += c == '\n';

  stdok::xml::LoadOptions options;
  options.refuse_control_characters = flags & 1;
  options.keep_whitespace_text = flags & 2;
  options.keep_line_ends = flags & 4;
  if (flags & 8) options.root = "form";
  if (flags & 16) options.max_bytes = 64;
  stdok::Diagnostics diagnostics;
  stdok::xml::Document document;
  const bool loaded = document.Load("fuzz.xml", text, options, &diagnostics);
  if (loaded) {
    Walk(document, document.root().parent(), lines, 0);
  } else {
    if (diagnostics.size() != 1) std::abort();  // one refusal, located
    Check(diagnostics[0].location, lines);
  }
  CompareWithStream(text, options, loaded, document, diagnostics);

  static const stdok::Value context = Context();
  stdok::FormDefinition form;
  if (stdok::LoadForm("fuzz.xml", text, &form, &diagnostics)) {
    stdok::Scope scope(&context);
    std::string error;
    for (const stdok::FormPage& page : form.pages)
      for (const stdok::FormBox& box : page.boxes) (void)box.value.Render(scope, &error);
    for (const stdok::FormTable& table : form.tables)
      for (const stdok::FormCell& cell : table.cells) (void)cell.value.Render(scope, &error);
  }
  for (const auto& d : diagnostics) (void)d.ToString();
  return 0;
}
