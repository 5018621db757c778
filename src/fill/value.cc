#include "fill/value.h"

#include <cmath>

#include "text/collation.h"
#include "text/swedish_format.h"

namespace stdok {

const Value& Value::Null() {
  static const Value kNull;
  return kNull;
}

const Value& Value::Get(std::string_view key) const {
  if (!IsMap()) return Null();
  const ValueMap& map = AsMap();
  auto it = map.find(key);
  return it == map.end() ? Null() : it->second;
}

bool Value::Truthy() const {
  switch (data_.index()) {
    case 0: return false;
    case 1: return AsBool();
    case 2: return AsNumber() != 0;
    case 3: return !AsString().empty();
    case 4: return true;
    case 5: return !AsList().empty();
    case 6: return !AsMap().empty();
  }
  return false;
}

std::string Value::ToText() const {
  switch (data_.index()) {
    case 0: return "";
    case 1: return AsBool() ? "ja" : "nej";
    case 2: return FormatNumber(AsNumber(), 2);
    case 3: return AsString();
    case 4: return FormatIso(AsDate());
    case 5: {
      std::string out;
      for (const Value& v : AsList()) {
        std::string text = v.ToText();
        if (text.empty()) continue;
        if (!out.empty()) out += ", ";
        out += text;
      }
      return out;
    }
    case 6: return Get("name").ToText();
  }
  return "";
}

bool ValuesEqual(const Value& a, const Value& b) {
  if (a.IsNull() || b.IsNull()) return a.Truthy() == b.Truthy() && a.ToText() == b.ToText();
  if (a.IsNumber() && b.IsNumber()) return a.AsNumber() == b.AsNumber();
  if (a.IsBool() && b.IsBool()) return a.AsBool() == b.AsBool();
  return a.ToText() == b.ToText();
}

int CompareValues(const Value& a, const Value& b) {
  if (a.IsNumber() && b.IsNumber())
    return a.AsNumber() < b.AsNumber() ? -1 : a.AsNumber() > b.AsNumber() ? 1 : 0;
  if (a.IsDate() && b.IsDate()) return a.AsDate() < b.AsDate() ? -1 : a.AsDate() > b.AsDate() ? 1 : 0;
  return SwedishCompare(a.ToText(), b.ToText());
}

}  // namespace stdok
