#include "fill/expression.h"

#include <cctype>
#include <charconv>
#include <cmath>

#include "text/swedish_format.h"

namespace stdok {

enum class NodeKind { kPath, kLiteral, kFilter, kCompare, kAnd, kOr, kNot };

struct ExpressionNode {
  NodeKind kind;
  std::vector<std::string> path;        // kPath
  Value literal;                        // kLiteral
  std::string name;                     // kFilter name / kCompare operator
  std::vector<std::shared_ptr<const ExpressionNode>> children;  // operands; filter: input first
};

using NodePtr = std::shared_ptr<const ExpressionNode>;

const Value& Scope::Lookup(std::string_view name) const {
  for (const Scope* s = this; s; s = s->parent_)
    if (s->parent_ && s->name_ == name) return s->value_;
  return root_ ? root_->Get(name) : Value::Null();
}

namespace {

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  NodePtr ParseAll(std::string* error) {
    NodePtr node = ParseOr();
    SkipSpace();
    if (!error_.empty() || pos_ != text_.size()) {
      if (error_.empty()) error_ = "unexpected '" + std::string(text_.substr(pos_, 1)) + "'";
      *error = error_ + " at character " + std::to_string(pos_ + 1) + " of '" + std::string(text_) + "'";
      return nullptr;
    }
    return node;
  }

 private:
  void SkipSpace() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }
  bool Peek(std::string_view token) {
    SkipSpace();
    return text_.substr(pos_, token.size()) == token;
  }
  bool PeekWord(std::string_view word) {
    SkipSpace();
    if (text_.substr(pos_, word.size()) != word) return false;
    size_t after = pos_ + word.size();
    return after >= text_.size() || !IsNameChar(text_[after]);
  }
  static bool IsNameChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
  }
  void Fail(const std::string& message) {
    if (error_.empty()) error_ = message;
  }

  NodePtr Binary(NodeKind kind, NodePtr a, NodePtr b, std::string name = "") {
    auto node = std::make_shared<ExpressionNode>();
    node->kind = kind;
    node->name = std::move(name);
    node->children = {std::move(a), std::move(b)};
    return node;
  }

  NodePtr ParseOr() {
    NodePtr left = ParseAnd();
    while (error_.empty() && PeekWord("or")) {
      pos_ += 2;
      left = Binary(NodeKind::kOr, left, ParseAnd());
    }
    return left;
  }
  NodePtr ParseAnd() {
    NodePtr left = ParseNot();
    while (error_.empty() && PeekWord("and")) {
      pos_ += 3;
      left = Binary(NodeKind::kAnd, left, ParseNot());
    }
    return left;
  }
  NodePtr ParseNot() {
    if (PeekWord("not")) {
      pos_ += 3;
      auto node = std::make_shared<ExpressionNode>();
      node->kind = NodeKind::kNot;
      node->children = {ParseNot()};
      return node;
    }
    return ParseCompare();
  }
  NodePtr ParseCompare() {
    NodePtr left = ParseFiltered();
    for (std::string_view op : {"==", "!=", "<=", ">=", "<", ">"}) {
      if (Peek(op)) {
        pos_ += op.size();
        return Binary(NodeKind::kCompare, left, ParseFiltered(), std::string(op));
      }
    }
    return left;
  }
  NodePtr ParseFiltered() {
    NodePtr node = ParsePrimary();
    while (error_.empty() && Peek("|")) {
      ++pos_;
      auto filter = std::make_shared<ExpressionNode>();
      filter->kind = NodeKind::kFilter;
      filter->name = ParseName();
      if (filter->name.empty()) Fail("a filter name must follow '|'");
      if (Peek("(")) {
        ++pos_;
        while (error_.empty() && !Peek(")")) {
          filter->children.push_back(ParsePrimary());  // literal or path
          if (Peek(",")) ++pos_;
          else if (!Peek(")")) Fail("expected ',' or ')'");
        }
        if (error_.empty()) ++pos_;
      }
      filter->children.insert(filter->children.begin(), node);
      node = filter;
    }
    return node;
  }
  std::string ParseName() {
    SkipSpace();
    size_t start = pos_;
    while (pos_ < text_.size() && IsNameChar(text_[pos_])) ++pos_;
    return std::string(text_.substr(start, pos_ - start));
  }
  NodePtr ParsePrimary() {
    SkipSpace();
    auto node = std::make_shared<ExpressionNode>();
    node->kind = NodeKind::kLiteral;
    if (pos_ >= text_.size()) {
      Fail("expression ends too early");
      return node;
    }
    char c = text_[pos_];
    if (c == '(') {
      ++pos_;
      NodePtr inner = ParseOr();
      if (!Peek(")")) Fail("missing ')'");
      else ++pos_;
      return inner;
    }
    if (c == '\'') {
      size_t end = text_.find('\'', pos_ + 1);
      if (end == std::string_view::npos) {
        Fail("unterminated string");
        pos_ = text_.size();
        return node;
      }
      node->literal = Value(std::string(text_.substr(pos_ + 1, end - pos_ - 1)));
      pos_ = end + 1;
      return node;
    }
    if (std::isdigit(static_cast<unsigned char>(c))) {
      size_t start = pos_;
      while (pos_ < text_.size() &&
             (std::isdigit(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '.'))
        ++pos_;
      double v = 0;
      auto [p, ec] = std::from_chars(text_.data() + start, text_.data() + pos_, v);
      if (ec != std::errc() || p != text_.data() + pos_) Fail("bad number");
      node->literal = Value(v);
      return node;
    }
    if (PeekWord("true") || PeekWord("false")) {
      bool value = PeekWord("true");
      pos_ += value ? 4 : 5;
      node->literal = Value(value);
      return node;
    }
    node->kind = NodeKind::kPath;
    do {
      if (!node->path.empty()) ++pos_;  // the '.'
      std::string name = ParseName();
      if (name.empty()) {
        Fail("expected a name");
        return node;
      }
      node->path.push_back(std::move(name));
    } while (pos_ < text_.size() && text_[pos_] == '.');
    return node;
  }

  std::string_view text_;
  size_t pos_ = 0;
  std::string error_;
};

Value Eval(const ExpressionNode& node, const Scope& scope, std::string* error) {
  switch (node.kind) {
    case NodeKind::kLiteral: return node.literal;
    case NodeKind::kPath: {
      const Value* v = &scope.Lookup(node.path[0]);
      for (size_t i = 1; i < node.path.size(); ++i) v = &v->Get(node.path[i]);
      return *v;
    }
    case NodeKind::kNot: return Value(!Eval(*node.children[0], scope, error).Truthy());
    case NodeKind::kAnd:
      return Value(Eval(*node.children[0], scope, error).Truthy() &&
                   Eval(*node.children[1], scope, error).Truthy());
    case NodeKind::kOr:
      return Value(Eval(*node.children[0], scope, error).Truthy() ||
                   Eval(*node.children[1], scope, error).Truthy());
    case NodeKind::kCompare: {
      Value a = Eval(*node.children[0], scope, error);
      Value b = Eval(*node.children[1], scope, error);
      if (node.name == "==") return Value(ValuesEqual(a, b));
      if (node.name == "!=") return Value(!ValuesEqual(a, b));
      int c = CompareValues(a, b);
      if (node.name == "<") return Value(c < 0);
      if (node.name == "<=") return Value(c <= 0);
      if (node.name == ">") return Value(c > 0);
      return Value(c >= 0);
    }
    case NodeKind::kFilter: {
      std::vector<Value> args;
      for (size_t i = 1; i < node.children.size(); ++i) args.push_back(Eval(*node.children[i], scope, error));
      return ApplyFilter(node.name, Eval(*node.children[0], scope, error), args, error);
    }
  }
  return Value();
}

std::string PeriodText(const Value& v, std::string (*format)(const Date&)) {
  const Value& first = v.Get("start");
  const Value& last = v.Get("end");
  std::string a = first.IsDate() ? format(first.AsDate()) : "";
  std::string b = last.IsDate() ? format(last.AsDate()) : "";
  if (a.empty() && b.empty()) return "";
  if (a == b) return a;  // a one-day period is one date
  return a + " – " + b;
}

}  // namespace

bool Expression::Parse(std::string_view text, Expression* out, std::string* error) {
  Parser parser(text);
  NodePtr root = parser.ParseAll(error);
  if (!root) return false;
  out->root_ = std::move(root);
  out->source_ = std::string(text);
  return true;
}

Value Expression::Evaluate(const Scope& scope, std::string* error) const {
  if (!root_) return Value();
  return Eval(*root_, scope, error);
}

Value ApplyFilter(const std::string& name, const Value& input, const std::vector<Value>& args,
                  std::string* error) {
  auto wrong = [&](const char* expected) {
    if (error->empty() && !input.IsNull())
      *error = "filter '" + name + "' needs " + expected + ", got '" + input.ToText() + "'";
    return Value();
  };
  auto arg_text = [&](size_t i, const char* fallback) {
    return i < args.size() ? args[i].ToText() : std::string(fallback);
  };
  if (name == "default") return input.Truthy() ? input : (args.empty() ? Value() : args[0]);
  if (input.IsNull()) return Value();
  if (name == "date") return input.IsDate() ? Value(FormatDateProse(input.AsDate())) : wrong("a date");
  if (name == "iso") return input.IsDate() ? Value(FormatIso(input.AsDate())) : wrong("a date");
  if (name == "yymmdd") return input.IsDate() ? Value(FormatYymmdd(input.AsDate())) : wrong("a date");
  if (name == "period") return input.IsMap() ? Value(PeriodText(input, &FormatIso)) : wrong("a period");
  if (name == "period_short")
    return input.IsMap() ? Value(PeriodText(input, &FormatYymmdd)) : wrong("a period");
  if (name == "percent") return input.IsNumber() ? Value(FormatPercent(input.AsNumber())) : wrong("a number");
  if (name == "money") return input.IsNumber() ? Value(FormatMoney(input.AsNumber())) : wrong("a number");
  if (name == "decimal") {
    if (!input.IsNumber()) return wrong("a number");
    int decimals = args.empty() || !args[0].IsNumber() ? 2 : static_cast<int>(args[0].AsNumber());
    return Value(FormatDecimal(input.AsNumber(), decimals));
  }
  if (name == "round") {  // at most n decimals (default 0), trailing zeros dropped
    if (!input.IsNumber()) return wrong("a number");
    int decimals = args.empty() || !args[0].IsNumber() ? 0 : static_cast<int>(args[0].AsNumber());
    return Value(FormatNumber(input.AsNumber(), decimals));
  }
  if (name == "int") {
    // A whole number as plain digits, never grouped: years, counts used as identifiers
    // ("2019", not "2 019"). Text that is already a whole number (a profile value) passes.
    if (input.IsNumber()) {
      double v = std::round(input.AsNumber());
      if (!std::isfinite(v) || std::fabs(v) > 9e15) return wrong("a whole number");
      return Value(std::to_string(static_cast<long long>(v)));
    }
    if (input.IsString()) {
      std::string s = input.AsString();
      size_t digits = s.find_first_not_of("0123456789", s.empty() || s[0] != '-' ? 0 : 1);
      if (s.empty()) return Value(s);
      if (digits == std::string::npos && s != "-") return Value(s);
    }
    return wrong("a whole number");
  }
  if (name == "upper") return Value(UpperCase(input.ToText()));
  if (name == "lower") return Value(LowerCase(input.ToText()));
  if (name == "title_after_comma") return Value(TitleAfterComma(input.ToText()));
  if (name == "words") {  // n | words, or n | words('timme', 'timmar'): "en timme", "två timmar"
    double n = 0;
    if (input.IsNumber()) {
      n = input.AsNumber();
    } else {
      const std::string s = input.ToText();
      auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
      if (ec != std::errc() || end != s.data() + s.size()) return wrong("a number");
    }
    std::string text = FormatCount(n);
    if (args.size() >= 2) text += " " + (n == 1 ? args[0] : args[1]).ToText();
    return Value(text);
  }
  if (name == "join") {
    if (!input.IsList()) return input;
    std::string sep = arg_text(0, ", "), out;
    for (const Value& v : input.AsList()) {
      std::string t = v.ToText();
      if (t.empty()) continue;
      if (!out.empty()) out += sep;
      out += t;
    }
    return Value(out);
  }
  if (name == "count") return input.IsList() ? Value(static_cast<double>(input.AsList().size())) : wrong("a list");
  if (name == "first") return input.IsList() && !input.AsList().empty() ? input.AsList().front() : Value();
  if (name == "where") {  // list | where('member', value): the elements whose member equals value
    if (!input.IsList()) return wrong("a list");
    if (args.empty()) return wrong("a member name");
    std::string member = args[0].ToText();
    Value wanted = args.size() > 1 ? args[1] : Value(true);
    ValueList out;
    for (const Value& v : input.AsList())
      if (args.size() > 1 ? ValuesEqual(v.Get(member), wanted) : v.Get(member).Truthy()) out.push_back(v);
    return Value(std::move(out));
  }
  if (name == "sum") {  // list | sum('member'): the sum of a numeric member
    if (!input.IsList()) return wrong("a list");
    std::string member = arg_text(0, "");
    double total = 0;
    for (const Value& v : input.AsList()) {
      const Value& x = member.empty() ? v : v.Get(member);
      if (x.IsNumber()) total += x.AsNumber();
    }
    return Value(total);
  }
  if (name == "yesno") return Value(input.Truthy() ? arg_text(0, "Ja") : arg_text(1, "Nej"));
  if (error->empty()) *error = "unknown filter '" + name + "'";
  return Value();
}

void AddNameWords(std::string_view source_text, NameSet* names) {
  auto name_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; };
  for (size_t i = 0; i < source_text.size();) {
    if (!name_char(source_text[i])) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < source_text.size() && name_char(source_text[end])) ++end;
    if (!names->contains(source_text.substr(i, end - i))) names->emplace(source_text.substr(i, end - i));
    i = end;
  }
}

}  // namespace stdok
