// The inline markup of templates and forms, parsed and evaluated here only (docs/templates.md,
// docs/forms.md): text with {expressions}, <if test>/<else>, <for each as>, the inline elements
// each user allows (<b>, <br/> …) and one set of white-space rules.
//
// Semantics, the same for both users:
// - White space in text runs becomes one space; a run holding a blank line a paragraph break.
//   Rendered content is tidied: no space at either end or beside a line break, no double space.
// - <else> must directly follow an <if> (white space between them is fine); anywhere else it is
//   a parse error.
// - <for each> over an absent value (null) repeats nothing; over anything else that is not a
//   list it is an error. Inside, `as` names the element and `as_index` counts from 1.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "fill/expression.h"
#include "xml/document.h"

namespace stdok {

// Text with embedded {expressions}; "{{" and "}}" stand for literal braces.
class TemplateText {
 public:
  static bool Parse(std::string_view text, TemplateText* out, std::string* error);
  std::string Render(const Scope& scope, std::string* error) const;
  bool Empty() const { return pieces_.empty(); }
  // When the whole text is a single {expression}, its value (keeps lists and dates intact).
  const Expression* SoleExpression() const;

 private:
  struct Piece {
    std::string literal;
    Expression expression;  // empty for literal pieces
  };
  std::vector<Piece> pieces_;
};

// One element or text piece of a template or of a form's value.
struct TemplateNode {
  std::string tag;       // element name, or "#text"
  SourceLocation where;
  std::map<std::string, TemplateText, std::less<>> attributes;
  Expression condition;  // <if test>, <for each>, <box checked>
  std::string loop_name; // <for as>
  TemplateText content;  // "#text" nodes: the text piece
  // Block elements: child elements. Inline content: "#text" nodes and inline elements.
  std::vector<TemplateNode> children;
};

// What a user allows in inline content besides text and <if>/<else>/<for>.
struct InlineSyntax {
  std::map<std::string, std::set<std::string>, std::less<>> elements;  // tag -> its attributes
  std::set<std::string, std::less<>> empty;                           // tags that hold nothing
  std::map<std::string, std::string, std::less<>> hints;              // tag -> what to write instead
  std::string described;  // what inline content may hold, for messages
};

// Parses markup out of a loaded XML document; every problem goes to `error` with the byte
// offset it is at (the caller adds file, rule and, for templates, the include chain).
class MarkupParser {
 public:
  using Error = std::function<void(std::ptrdiff_t offset, const std::string& message)>;
  MarkupParser(const xml::Document* document, Error error) : document_(document), error_(std::move(error)) {}

  // Text with {expressions}, NFC-normalized, into *out.
  void Text(std::string_view text, std::ptrdiff_t offset, TemplateText* out) const;
  // An <if>'s or <for>'s attributes (test; each and as) into node, reporting what is missing.
  // REQUIRES: n is <if>, <else> or <for>.
  void Control(pugi::xml_node n, TemplateNode* node) const;
  // Reports `n` (an <else>) unless the last of `before`, its preceding siblings, is an <if>.
  void CheckElse(pugi::xml_node n, const std::vector<TemplateNode>& before) const;
  // The inline content of `parent`: text pieces, <if>/<else>/<for> and the syntax's elements
  // (their attributes as text with {expressions}), recursively.
  std::vector<TemplateNode> Inline(pugi::xml_node parent, const InlineSyntax& syntax) const;

  std::ptrdiff_t Offset(pugi::xml_attribute a, pugi::xml_node n) const {
    return a ? document_->OffsetOf(a.value()) : n.offset_debug();
  }

 private:
  const xml::Document* document_;
  Error error_;
};

// Runs of white space become one space; a run holding a blank line becomes "\n\n" (a paragraph
// break). Ends are kept so that inline pieces join with their spaces. NFC-normalizes.
std::string CollapseInlineSpace(std::string_view raw);

// Where evaluation errors go, with the node they are about.
using MarkupReport = std::function<void(const TemplateNode& node, const std::string& error)>;
using MarkupVisit = std::function<void(const TemplateNode& node, const Scope& scope)>;

// Walks `nodes`, expanding <if>/<else>/<for> (block or inline alike); calls visit for every
// other node with the scope it is in.
void WalkMarkup(const std::vector<TemplateNode>& nodes, const Scope& scope, const MarkupReport& report,
                const MarkupVisit& visit);

// Bold and italic starts and ends in rendered inline content. XML text cannot hold these
// bytes, and they are removed from expression values, so they mark only <b>, <run-in> and <i>.
inline constexpr char kBoldOn = '\x01';
inline constexpr char kBoldOff = '\x02';
inline constexpr char kItalicOn = '\x03';
inline constexpr char kItalicOff = '\x04';
inline bool IsStyleMark(char c) { return c >= kBoldOn && c <= kItalicOff; }

// Inline content rendered and tidied, with bold marks around <b> and <run-in> and italic marks
// around <i>; <br/> is "\n", <nbsp/> U+00A0, an empty <a href> shows its href.
std::string RenderMarked(const std::vector<TemplateNode>& nodes, const Scope& scope, const MarkupReport& report);
// The same without the style marks.
std::string RenderPlain(const std::vector<TemplateNode>& nodes, const Scope& scope, const MarkupReport& report);

}  // namespace stdok
