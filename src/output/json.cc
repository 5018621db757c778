#include "output/json.h"

namespace stdok {

std::string DumpJson(const nlohmann::ordered_json& value) {
  return value.dump(2, ' ', /*ensure_ascii=*/false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace stdok
