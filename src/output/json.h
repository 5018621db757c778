// JSON output (manifest.json, `check` and `status` with --format json), built with nlohmann::json.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace stdok {

// `value` as JSON text, two-space indented, ending in a newline, keys in insertion order when
// `value` is an ordered_json. Bytes in strings that are not well-formed UTF-8 (a file name from
// a foreign system) are written as U+FFFD, so the text is always valid JSON.
std::string DumpJson(const nlohmann::ordered_json& value);

}  // namespace stdok
