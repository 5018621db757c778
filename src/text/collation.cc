#include "text/collation.h"

#include <unicode/coll.h>
#include <unicode/locid.h>

#include <memory>

namespace stdok {
namespace {

// icu::Collator::compare is not documented as thread-safe, so each thread gets its own.
// Returns nullptr if ICU has no usable collator (then we fall back to byte order).
icu::Collator* ThreadCollator() {
  thread_local std::unique_ptr<icu::Collator> collator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> created(icu::Collator::createInstance(icu::Locale("sv"), status));
    if (U_FAILURE(status)) created.reset();
    return created;
  }();
  return collator.get();
}

int ByteCompare(std::string_view a, std::string_view b) {
  const int c = a.compare(b);
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

}  // namespace

int SwedishCompare(std::string_view a, std::string_view b) {
  icu::Collator* collator = ThreadCollator();
  if (collator == nullptr) return ByteCompare(a, b);
  UErrorCode status = U_ZERO_ERROR;
  const UCollationResult result = collator->compareUTF8(
      icu::StringPiece(a.data(), static_cast<int32_t>(a.size())),
      icu::StringPiece(b.data(), static_cast<int32_t>(b.size())), status);
  if (U_FAILURE(status)) return ByteCompare(a, b);
  return static_cast<int>(result);
}

}  // namespace stdok
