#include "text/grapheme.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <memory>

namespace stdok {
namespace {

// One character BreakIterator per thread: creating one costs far more than using it.
icu::BreakIterator* ThreadCharacterIterator() {
  thread_local std::unique_ptr<icu::BreakIterator> iterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) it.reset();
    return it;
  }();
  return iterator.get();
}

// The boundary after (forward) or before `at`; one byte on when ICU is not available.
size_t Boundary(std::string_view text, size_t at, bool forward) {
  size_t fallback = forward ? at + 1 : at - 1;
  icu::BreakIterator* it = ThreadCharacterIterator();
  if (!it) return fallback;
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return fallback;
  it->setText(ut, status);
  int32_t b = U_SUCCESS(status) ? (forward ? it->following(static_cast<int32_t>(at))
                                           : it->preceding(static_cast<int32_t>(at)))
                                : icu::BreakIterator::DONE;
  utext_close(ut);
  return b == icu::BreakIterator::DONE ? fallback : static_cast<size_t>(b);
}

}  // namespace

size_t NextGraphemeBoundary(std::string_view text, size_t at) { return Boundary(text, at, true); }

size_t PreviousGraphemeBoundary(std::string_view text, size_t at) { return Boundary(text, at, false); }

}  // namespace stdok
