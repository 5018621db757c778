// The template expression language (docs/templates.md):
//   path            trainee.huvudhandledare.name      (names: letters, digits, '_', '-')
//   literals        'text'  12  12.5  true  false
//   filters         value | date   | period | percent | money | decimal(2) | int | default('–') …
//                   list | where('kind', 'primärvård') | sum('months') …
//   comparison      a == b   a != b   a < b   a <= b   a > b   a >= b
//   logic           not a    a and b    a or b    ( … )
#pragma once

#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "fill/value.h"

namespace stdok {

struct ExpressionNode;

// Variables visible to an expression: innermost scope first.
class Scope {
 public:
  explicit Scope(const Value* root) : root_(root) {}
  Scope(const Scope* parent, std::string name, Value value)
      : parent_(parent), root_(parent->root_), name_(std::move(name)), value_(std::move(value)) {}
  // A name bound by an enclosing <for>, else a member of the root.
  const Value& Lookup(std::string_view name) const;

 private:
  const Scope* parent_ = nullptr;
  const Value* root_ = nullptr;
  std::string name_;
  Value value_;
};

class Expression {
 public:
  // Parses `text`; on failure returns false with *error saying what and at which character.
  static bool Parse(std::string_view text, Expression* out, std::string* error);
  // Evaluates; an unknown filter or a filter applied to the wrong kind is reported in *error
  // (and yields null) so that a template mistake names itself instead of printing nonsense.
  Value Evaluate(const Scope& scope, std::string* error) const;
  bool Empty() const { return root_ == nullptr; }
  const std::string& source() const { return source_; }

 private:
  std::shared_ptr<const ExpressionNode> root_;
  std::string source_;
};

// The words of a template's or form's source text that could be names in its expressions
// (runs of letters, digits, '_' and '-'). A superset of what its expressions can reach: a
// member of the context none of them names is never read.
using NameSet = std::set<std::string, std::less<>>;
void AddNameWords(std::string_view source_text, NameSet* names);

// Applies a named filter (exposed for tests and for the form filler).
Value ApplyFilter(const std::string& name, const Value& input, const std::vector<Value>& args,
                  std::string* error);

}  // namespace stdok
