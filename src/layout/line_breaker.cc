#include "layout/line_breaker.h"

#include <algorithm>
#include <memory>
#include <string>

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <unicode/utext.h>

#include "layout/seen_twice_memo.h"
#include "text/grapheme.h"
#include "text/unicode.h"

namespace stdok {
namespace {

// One line BreakIterator per thread: creating one costs far more than using it.
icu::BreakIterator* ThreadLineIterator() {
  thread_local std::unique_ptr<icu::BreakIterator> iterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createLineInstance(icu::Locale("sv"), status));
    if (U_FAILURE(status)) it.reset();
    return it;
  }();
  return iterator.get();
}

// Whether a break at byte `at` would fall right after the hyphen of a short all-capital
// prefix: "ST-|läkarens", "BT-|chefen", "HSLF-|FS", and inside "(ÅÅÅÅ-|MM-|DD)". A prefix is
// 1 to 4 capital letters after a non-letter (or the start); the hyphen is '-' or U+2010.
bool AfterCapitalPrefixHyphen(std::string_view text, size_t at) {
  size_t hyphen;
  if (at >= 1 && text[at - 1] == '-') hyphen = at - 1;
  else if (at >= 3 && text.substr(at - 3, 3) == "\u2010") hyphen = at - 3;
  else return false;
  int letters = 0;  // the letters right before the hyphen, back to a non-letter
  for (int32_t i = static_cast<int32_t>(hyphen); i > 0;) {
    UChar32 cp;
    U8_PREV(text.data(), 0, i, cp);
    if (cp < 0 || !u_isalpha(cp)) break;
    if (!u_isupper(cp)) return false;
    ++letters;
  }
  return letters >= 1 && letters <= 4;
}

// ICU's break opportunities (UAX #14); spaces alone when ICU is not available.
std::vector<size_t> IcuOpportunities(std::string_view text) {
  std::vector<size_t> breaks;
  icu::BreakIterator* it = ThreadLineIterator();
  if (it) {
    UErrorCode status = U_ZERO_ERROR;
    UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    if (U_SUCCESS(status)) {
      it->setText(ut, status);
      for (int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next())
        breaks.push_back(static_cast<size_t>(b));
      utext_close(ut);
      if (U_SUCCESS(status) && !breaks.empty()) return breaks;
      breaks.clear();
    }
  }
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == ' ') breaks.push_back(i + 1);
  breaks.push_back(text.size());
  return breaks;
}

// Whether byte `at` lies inside a parenthesised token without spaces: "(ÅÅÅÅ-MM-DD)",
// "(ååmmdd-ååmmdd)", a format or code that must be read as one.
bool InsideParenthesisedToken(std::string_view text, size_t at) {
  size_t start = text.rfind(' ', at - 1);
  start = start == std::string_view::npos ? 0 : start + 1;
  size_t end = text.find(' ', at);
  if (end == std::string_view::npos) end = text.size();
  std::string_view token = text.substr(start, end - start);
  while (!token.empty() && (token.back() == ',' || token.back() == '.' || token.back() == ';' || token.back() == ':'))
    token.remove_suffix(1);
  return token.size() > 2 && token.front() == '(' && token.back() == ')' && start < at &&
         at < start + token.size();
}

// Break opportunities (byte offsets, ascending, ending with text.size()) of one hard line.
std::vector<size_t> FindOpportunities(std::string_view text) {
  std::vector<size_t> breaks = IcuOpportunities(text);
  std::erase_if(breaks, [&](size_t at) {
    return at > 0 && at < text.size() &&
           (AfterCapitalPrefixHyphen(text, at) || InsideParenthesisedToken(text, at));
  });
  return breaks;
}

// The opportunities depend on the text alone, and most text of a run is the templates' own,
// the same in every document: each thread remembers what it found for text it has seen twice
// (a name or a date is seen once and costs a hash), up to a bounded size (then it starts
// over), and asks ICU only for text it has no answer for.
constexpr size_t kMemoBytes = 4 << 20;
constexpr size_t kMemoTextBytes = 4096;
constexpr size_t kSeenOnceEntries = 1 << 16;
constexpr size_t kLinesMemoBytes = 2 << 20;  // BreakLines' own memo
std::vector<size_t> Opportunities(std::string_view text) {
  if (text.size() > kMemoTextBytes) return FindOpportunities(text);
  thread_local SeenTwiceMemo<std::vector<size_t>> memo(kMemoBytes, kSeenOnceEntries);
  if (const auto* found = memo.Find(text)) return *found;
  std::vector<size_t> breaks = FindOpportunities(text);
  memo.Offer(text, breaks, text.size());  // the offsets: about one per word
  return breaks;
}

size_t TrimRightEnd(std::string_view text, size_t begin, size_t end) {
  while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  return end;
}

// The letters of the segment text[begin, end) (a word with its punctuation and trailing
// spaces) as [*word_begin, *word_end); false when anything but letters lies between them.
bool WordOfSegment(std::string_view text, size_t begin, size_t end, size_t* word_begin, size_t* word_end) {
  auto letter_at = [&](size_t at, size_t* next) {
    size_t pos = at;
    int32_t cp = NextUtf8(text, &pos);
    *next = pos;
    return cp >= 0 && u_isalpha(cp);
  };
  size_t at = begin, next = begin;
  while (at < end && !letter_at(at, &next)) {  // leading punctuation: "(", "»"
    size_t probe = at;
    int32_t cp = NextUtf8(text, &probe);
    if (cp < 0 || u_isdigit(cp) || !u_ispunct(cp)) return false;
    at = next;
  }
  *word_begin = at;
  while (at < end && letter_at(at, &next)) at = next;
  *word_end = at;
  for (; at < end; at = next) {  // only punctuation and spaces may follow
    int32_t cp = 0;
    next = at;
    cp = NextUtf8(text, &next);
    if (cp < 0 || u_isalnum(cp) || cp == '-' || cp == 0x2010 || cp == 0xA0 || cp == 0x2011) return false;
  }
  return *word_end > *word_begin;
}

// The hyphenation point of the segment text[begin, end) for a line from `line_start`, or 0.
size_t HyphenationPoint(std::string_view text, size_t line_start, size_t begin, size_t end, double max_width,
                        const LineWidth& width, const Hyphenation& hyphenation) {
  size_t word_begin, word_end;
  if (!WordOfSegment(text, begin, end, &word_begin, &word_end)) return 0;
  std::vector<size_t> points = hyphenation.points(text.substr(word_begin, word_end - word_begin));
  for (auto it = points.rbegin(); it != points.rend(); ++it) {
    size_t at = word_begin + *it;
    if (width(line_start, at) + hyphenation.hyphen_width(at) <= max_width) return at;
  }
  return 0;
}

// Whether the line text[line_start, end) would have to stretch its spaces by more than the
// hyphenation allows to fill `max_width`.
bool BadlyStretched(std::string_view text, size_t line_start, size_t end, double max_width,
                    const LineWidth& width, const Hyphenation& hyphenation) {
  size_t spaces = std::count(text.begin() + line_start, text.begin() + end, ' ');
  return spaces == 0 || (max_width - width(line_start, end)) / spaces > hyphenation.max_stretch;
}

// Breaks the hard line text[start, stop) into `out` (byte ranges of `text`).
void BreakHardLine(std::string_view text, size_t start, size_t stop, double max_width,
                   const LineWidth& width, const Hyphenation* hyphenation, std::vector<LineRange>* out) {
  if (TrimRightEnd(text, start, stop) == start) {
    out->push_back({start, start});
    return;
  }
  std::vector<size_t> breaks = Opportunities(text.substr(start, stop - start));
  for (size_t& b : breaks) b += start;
  size_t line_start = start;
  size_t fitted_end = start;  // last opportunity that fits on the current line
  for (size_t i = 0; i < breaks.size(); ++i) {
    size_t candidate = breaks[i];
    if (width(line_start, TrimRightEnd(text, line_start, candidate)) <= max_width) {
      fitted_end = candidate;
      continue;
    }
    if (fitted_end > line_start) {
      size_t line_end = TrimRightEnd(text, line_start, fitted_end);
      if (hyphenation && BadlyStretched(text, line_start, line_end, max_width, width, *hyphenation)) {
        if (size_t at = HyphenationPoint(text, line_start, fitted_end, candidate, max_width, width, *hyphenation)) {
          out->push_back({line_start, at, true});
          line_start = fitted_end = at;
          --i;
          continue;
        }
      }
      out->push_back({line_start, line_end});
      line_start = fitted_end;
      --i;  // retry this opportunity on the new line
      continue;
    }
    // A single segment wider than the line: break between user-perceived characters, never
    // between a letter and its combining marks.
    size_t pos = line_start, last_fit = line_start;
    while (pos < candidate) {
      size_t next = NextGraphemeBoundary(text, pos);
      if (width(line_start, next) > max_width) break;
      last_fit = next;
      pos = next;
    }
    if (last_fit == line_start) last_fit = NextGraphemeBoundary(text, line_start);  // at least one char
    out->push_back({line_start, last_fit});
    line_start = fitted_end = last_fit;
    --i;
  }
  size_t rest_end = TrimRightEnd(text, line_start, stop);
  if (rest_end > line_start) out->push_back({line_start, rest_end});
}

}  // namespace

std::vector<LineRange> BreakLineRanges(std::string_view text, double max_width,
                                       const LineWidth& width, const Hyphenation* hyphenation) {
  std::vector<LineRange> lines;
  if (text.empty()) return lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    BreakHardLine(text, start, end, max_width, width, hyphenation, &lines);
    start = end + 1;
  }
  return lines;
}

namespace {

std::vector<std::string> BreakPlainLines(std::string_view text, double max_width, FontFace face,
                                         double size, const TextMeasurer& measurer) {
  std::vector<std::string> lines;
  auto width = [&](size_t begin, size_t end) {
    return measurer.Width(text.substr(begin, end - begin), face, size);
  };
  for (const LineRange& r : BreakLineRanges(text, max_width, width))
    lines.emplace_back(text.substr(r.begin, r.end - r.begin));
  return lines;
}

}  // namespace

// The lines of a heading, a field, a list item or a table cell depend on the text, the width,
// the face, the size and the measurer alone: each thread remembers them for what it saw twice.
std::vector<std::string> BreakLines(std::string_view text, double max_width, FontFace face,
                                    double size, const TextMeasurer& measurer) {
  if (text.empty() || text.size() > kMemoTextBytes) return BreakPlainLines(text, max_width, face, size, measurer);
  thread_local SeenTwiceMemo<std::vector<std::string>> memo(kLinesMemoBytes, kSeenOnceEntries);
  thread_local std::string key;
  key.clear();
  AppendKey(&key, measurer.identity());
  AppendKey(&key, max_width);
  AppendKey(&key, face);
  AppendKey(&key, size);
  key.append(text);
  if (const auto* lines = memo.Find(key)) return *lines;
  std::vector<std::string> lines = BreakPlainLines(text, max_width, face, size, measurer);
  memo.Offer(key, lines, text.size() + 32 * lines.size());
  return lines;
}

}  // namespace stdok
