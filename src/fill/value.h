// Value: what template expressions see. A record is turned into a tree of these (context.h);
// templates navigate it with paths like `trainee.huvudhandledare.name`.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "core/date.h"

namespace stdok {

class Value;
using ValueList = std::vector<Value>;
using ValueMap = std::map<std::string, Value, std::less<>>;

class Value {
 public:
  Value() = default;
  Value(bool b) : data_(b) {}
  Value(double d) : data_(d) {}
  Value(int i) : data_(static_cast<double>(i)) {}
  Value(std::string s) : data_(std::move(s)) {}
  Value(const char* s) : data_(std::string(s)) {}
  Value(const Date& d) : data_(d) {}
  Value(ValueList list) : data_(std::make_shared<const ValueList>(std::move(list))) {}
  Value(ValueMap map) : data_(std::make_shared<const ValueMap>(std::move(map))) {}

  bool IsNull() const { return data_.index() == 0; }
  bool IsBool() const { return data_.index() == 1; }
  bool IsNumber() const { return data_.index() == 2; }
  bool IsString() const { return data_.index() == 3; }
  bool IsDate() const { return data_.index() == 4; }
  bool IsList() const { return data_.index() == 5; }
  bool IsMap() const { return data_.index() == 6; }

  bool AsBool() const { return std::get<1>(data_); }
  double AsNumber() const { return std::get<2>(data_); }
  const std::string& AsString() const { return std::get<3>(data_); }
  const Date& AsDate() const { return std::get<4>(data_); }
  const ValueList& AsList() const { return *std::get<5>(data_); }
  const ValueMap& AsMap() const { return *std::get<6>(data_); }

  // Member of a map; null for anything else or a missing key.
  const Value& Get(std::string_view key) const;
  // false for null, false, 0, "", empty list or map; true otherwise.
  bool Truthy() const;
  // Default text form: numbers with decimal comma, dates as ÅÅÅÅ-MM-DD, lists joined by ", ",
  // a map by its "name" member if it has one.
  std::string ToText() const;

  static const Value& Null();

 private:
  std::variant<std::monostate, bool, double, std::string, Date, std::shared_ptr<const ValueList>,
               std::shared_ptr<const ValueMap>>
      data_;
};

// Equality across kinds as templates expect: numbers by value, text by text, dates by day.
bool ValuesEqual(const Value& a, const Value& b);
// <0, 0, >0; texts compare by Swedish collation. Mixed kinds compare by text form.
int CompareValues(const Value& a, const Value& b);

}  // namespace stdok
