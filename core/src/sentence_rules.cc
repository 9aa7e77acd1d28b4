#include "sentence_rules.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include <unicode/uchar.h>

#include "char_class.h"
#include "tandem/util/utf8.h"

namespace tandem::internal {
namespace {

constexpr std::size_t kNoPosition = std::string_view::npos;

// Code-point navigation over one paragraph of valid UTF-8.
class Text {
 public:
  explicit Text(std::string_view text) : text_(text) {}

  std::size_t size() const { return text_.size(); }
  std::string_view Slice(std::size_t begin, std::size_t end) const {
    return text_.substr(begin, end - begin);
  }
  char32_t At(std::size_t i) const {
    std::size_t length = 0;
    return DecodeAt(text_, i, &length);
  }
  std::size_t Next(std::size_t i) const {
    return i + SequenceLength(static_cast<unsigned char>(text_[i]));
  }
  std::size_t Prev(std::size_t i) const { return PreviousStart(text_, i); }
  // The code point that ends at `i`, or 0 at the start.
  char32_t Before(std::size_t i) const { return i == 0 ? 0 : At(Prev(i)); }
  bool SpaceAt(std::size_t i) const { return i < size() && internal::SpaceAt(text_, i); }

  std::size_t SkipSpaces(std::size_t i) const {
    while (i < size() && SpaceAt(i)) i = Next(i);
    return i;
  }
  std::size_t SkipSpacesBack(std::size_t i) const {
    while (i > 0 && SpaceAt(Prev(i))) i = Prev(i);
    return i;
  }
  // Tokens longer than this are looked at by their ends only, so that no input (a megabyte
  // without a space) makes the rules quadratic.
  static constexpr std::size_t kMaxToken = 256;

  // The end of the whitespace-delimited token that contains or starts at `i`.
  std::size_t TokenEnd(std::size_t i) const {
    const std::size_t limit = std::min(size(), i + kMaxToken);
    while (i < limit && !SpaceAt(i)) i = Next(i);
    return i;
  }
  // The start of the token that contains or ends at `i`.
  std::size_t TokenBegin(std::size_t i) const {
    const std::size_t limit = i > kMaxToken ? i - kMaxToken : 0;
    while (i > limit) {
      const std::size_t previous = Prev(i);
      if (SpaceAt(previous)) break;
      i = previous;
    }
    return i;
  }

 private:
  std::string_view text_;
};

// A whitespace-delimited token, and its core: the token without opening quotes and brackets
// in front and closing ones behind.
struct Token {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t core_begin = 0;
  std::size_t core_end = 0;
  bool empty() const { return core_begin == core_end; }
};

Token MakeToken(const Text& t, std::size_t begin, std::size_t end) {
  Token token{begin, end, begin, end};
  while (token.core_end > token.core_begin && IsClosing(t.Before(token.core_end))) {
    token.core_end = t.Prev(token.core_end);
  }
  while (token.core_begin < token.core_end && IsOpening(t.At(token.core_begin))) {
    token.core_begin = t.Next(token.core_begin);
  }
  return token;
}

// The token that ends at `end` (no whitespace before `end`).
Token TokenEndingAt(const Text& t, std::size_t end) { return MakeToken(t, t.TokenBegin(end), end); }

// The token before the one that starts at `begin`, or an empty token.
Token TokenBefore(const Text& t, std::size_t begin) {
  const std::size_t end = t.SkipSpacesBack(begin);
  if (end == 0) return {};
  return TokenEndingAt(t, end);
}

enum class Shape { kNone, kUpper, kLower, kDigit, kOther };

Shape ShapeOf(char32_t c) {
  if (IsUpper(c)) return Shape::kUpper;
  if (IsLower(c)) return Shape::kLower;
  if (IsDigit(c)) return Shape::kDigit;
  return Shape::kOther;
}

// What follows a candidate boundary: the first word after any dashes (a dialogue dash, or the
// dash of "– mondta") and opening quotes or brackets.
struct Following {
  Shape shape = Shape::kNone;
  bool dash = false;
  bool opener = false;
  bool bracket = false;  // the word follows an opening bracket: "(credit: ...)"
  std::size_t word_begin = 0;
  std::size_t word_end = 0;  // without closers and the punctuation . , ; : ! ? … after it
  std::size_t abbr_end = 0;  // without closers and , ; : (keeps a final period: "Mr.")
};

bool IsWordFinalPunctuation(char32_t c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == 0x2026;
}

// Two commas that open a quotation typed without „ (Dutch and German ",,Wij komen"): at `i`,
// before a letter or a space.
bool IsLowOpeningQuote(const Text& t, std::size_t i) {
  if (i + 2 > t.size() || t.At(i) != ',' || t.At(i + 1) != ',') return false;
  return i + 2 == t.size() || IsLetter(t.At(i + 2)) || t.SpaceAt(i + 2);
}

Following Look(const Text& t, std::size_t p) {
  Following f;
  std::size_t i = t.SkipSpaces(p);
  // A dash or a quote may stand alone: "– mondta". Look at most three tokens ahead.
  for (int tokens = 0; i < t.size() && tokens < 3; ++tokens) {
    const std::size_t end = t.TokenEnd(i);
    std::size_t j = i;
    while (j < end) {
      const char32_t c = t.At(j);
      if (IsDash(c)) {
        f.dash = true;
      } else if (IsLowOpeningQuote(t, j)) {
        f.opener = true;
        j = t.Next(j);  // the first comma of ",,"
      } else if (IsOpening(c)) {
        f.opener = true;
        f.bracket = f.bracket || c == '(' || c == '[';
      } else {
        break;
      }
      j = t.Next(j);
    }
    if (j == end) {
      i = t.SkipSpaces(end);
      continue;
    }
    f.shape = ShapeOf(t.At(j));
    f.word_begin = j;
    std::size_t e = end;
    while (e > j) {
      const char32_t c = t.Before(e);
      if (!IsClosing(c) && c != ',' && c != ';' && c != ':') break;
      e = t.Prev(e);
    }
    f.abbr_end = e;
    while (e > j && IsWordFinalPunctuation(t.Before(e))) e = t.Prev(e);
    f.word_end = e;
    return f;
  }
  return f;
}

// --- Word shapes ---------------------------------------------------------------------------

// A word as the starter lists have it: without an apostrophe ending ("She’s", "I'm", "Isn't"
// look up "She", "I", "Isn").
std::string_view WithoutApostropheEnding(std::string_view word) {
  return word.substr(0, std::min(word.find('\''), word.find("\u2019")));
}

// Roman numerals from I to CCCXCIX written with I, V, X, L and C: the ordinals of kings,
// centuries, months and chapters. ("CD", "MI", "DC" are left out: they are more often words.)
bool IsRoman(std::string_view w) {
  if (w.empty()) return false;
  std::size_t i = 0;
  auto run = [&](char c, std::size_t max) {
    std::size_t n = 0;
    while (i < w.size() && w[i] == c && n < max) ++i, ++n;
    return n;
  };
  auto pair = [&](char a, char b) {
    if (i + 1 < w.size() && w[i] == a && w[i + 1] == b) {
      i += 2;
      return true;
    }
    return false;
  };
  run('C', 3);
  if (!pair('X', 'C') && !pair('X', 'L')) {
    run('L', 1);
    run('X', 3);
  }
  if (!pair('I', 'X') && !pair('I', 'V')) {
    run('V', 1);
    run('I', 3);
  }
  return i == w.size();
}

// Digits, possibly with separators between them: "1929", "58-10", "1026.253.553", "25/2002".
bool IsNumber(const Text& t, std::size_t begin, std::size_t end) {
  if (begin == end || !IsDigit(t.At(begin)) || !IsDigit(t.Before(end))) return false;
  for (std::size_t i = begin; i < end; i = t.Next(i)) {
    const char32_t c = t.At(i);
    if (!IsDigit(c) && c != '.' && c != ',' && c != '/' && c != '-' && c != 0x2013 && c != ':') {
      return false;
    }
  }
  return true;
}

// Single capital letters separated by periods: "E", "L.D", "U.S", "G.P.U", "U.S.S.R".
bool IsInitials(const Text& t, std::size_t begin, std::size_t end) {
  if (begin == end) return false;
  bool want_letter = true;
  for (std::size_t i = begin; i < end; i = t.Next(i)) {
    const char32_t c = t.At(i);
    if (want_letter ? !IsUpper(c) : c != '.') return false;
    want_letter = !want_letter;
  }
  return !want_letter;
}

// Short letter groups separated by periods: "a.m", "e.g", "Ph.D", "B.Sc" (not domain names).
bool IsDottedAbbreviation(const Text& t, std::size_t begin, std::size_t end) {
  std::size_t groups = 0;
  std::size_t group = 0;
  for (std::size_t i = begin; i < end; i = t.Next(i)) {
    const char32_t c = t.At(i);
    if (c == '.') {
      if (group == 0) return false;
      ++groups;
      group = 0;
    } else if (IsLetter(c)) {
      if (++group > 3) return false;
    } else {
      return false;
    }
  }
  return groups >= 1 && group > 0;
}

// --- List markers ----------------------------------------------------------------------------

enum class MarkerStyle {
  kDigitDot,          // 1.
  kDigitParen,        // 1)
  kDigitDotParen,     // 1.)
  kParen,             // (1) (a)
  kLetterDot,         // a.
  kLetterParen,       // a) A)
  kCapitalLetterDot,  // A.  (also an initial: never starts a sequence)
  kRoman,             // IV. (also an ordinal: never starts a sequence)
  kBullet,            // • ⁃ ...
};

struct Marker {
  std::size_t end = 0;  // where the marker (bullet and number) ends
  MarkerStyle style = MarkerStyle::kDigitDot;
  int value = 0;
  char32_t bullet = 0;
  // Inline items of the same list can follow in the same paragraph.
  bool sequence() const {
    return style != MarkerStyle::kCapitalLetterDot && style != MarkerStyle::kRoman;
  }
};

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// A token that is a numbered or lettered list marker: "1.", "12)", "3.)", "(4)", "(b)", "a.",
// "b)", "IV.".
std::optional<Marker> ParseMarker(std::string_view s) {
  Marker m;
  if (s.size() >= 3 && s.front() == '(' && s.back() == ')') {
    const std::string_view inner = s.substr(1, s.size() - 2);
    m.style = MarkerStyle::kParen;
    if (inner.size() == 1 && std::isalpha(static_cast<unsigned char>(inner[0]))) {
      m.value = std::tolower(static_cast<unsigned char>(inner[0])) - 'a' + 1;
      return m;
    }
    if (inner.size() > 3 || !std::all_of(inner.begin(), inner.end(), IsAsciiDigit)) return {};
    m.value = std::stoi(std::string(inner));
    return m;
  }
  std::size_t digits = 0;
  while (digits < s.size() && IsAsciiDigit(s[digits])) ++digits;
  if (digits > 0) {
    // Up to four digits: the numbered articles of a code ("1204. Diritti del creditore.").
    if (digits > 4) return {};
    const std::string_view rest = s.substr(digits);
    if (rest == ".") {
      m.style = MarkerStyle::kDigitDot;
    } else if (rest == ")") {
      m.style = MarkerStyle::kDigitParen;
    } else if (rest == ".)") {
      m.style = MarkerStyle::kDigitDotParen;
    } else {
      return {};
    }
    m.value = std::stoi(std::string(s.substr(0, digits)));
    return m;
  }
  if (s.size() == 2 && (s[1] == '.' || s[1] == ')')) {
    const char c = s[0];
    if (c >= 'a' && c <= 'z') {
      m.style = s[1] == '.' ? MarkerStyle::kLetterDot : MarkerStyle::kLetterParen;
      m.value = c - 'a' + 1;
      return m;
    }
    if (c >= 'A' && c <= 'Z') {
      m.style = s[1] == '.' ? MarkerStyle::kCapitalLetterDot : MarkerStyle::kLetterParen;
      m.value = c - 'A' + 1;
      return m;
    }
  }
  if (s.size() >= 2 && s.back() == '.' && IsRoman(s.substr(0, s.size() - 1))) {
    m.style = MarkerStyle::kRoman;
    return m;
  }
  return {};
}

// The list marker that starts at `pos`, if any: a bullet (alone, or before a number: "• 9.",
// "⁃9.") or a numbered or lettered marker.
std::optional<Marker> MarkerAt(const Text& t, std::size_t pos) {
  if (pos >= t.size()) return {};
  const std::size_t end = t.TokenEnd(pos);
  const char32_t first = t.At(pos);
  if (IsBullet(first)) {
    Marker m;
    m.style = MarkerStyle::kBullet;
    m.bullet = first;
    const std::size_t after = t.Next(pos);
    if (after == end) {
      m.end = end;
      const std::size_t next = t.SkipSpaces(end);
      const std::size_t next_end = t.TokenEnd(next);
      if (next < t.size() && ParseMarker(t.Slice(next, next_end))) m.end = next_end;
    } else {
      m.end = ParseMarker(t.Slice(after, end)) ? end : after;
    }
    return m;
  }
  std::optional<Marker> m = ParseMarker(t.Slice(pos, end));
  if (m) m->end = end;
  return m;
}

// The start of the next item of the list that `marker` began, in [from, limit), or kNoPosition.
std::size_t NextListItem(const Text& t, const Marker& marker, std::size_t from, std::size_t limit) {
  for (std::size_t i = t.SkipSpaces(from); i < limit; i = t.SkipSpaces(t.TokenEnd(i))) {
    if (marker.style == MarkerStyle::kBullet) {
      if (t.At(i) == marker.bullet) return i;
      continue;
    }
    const std::size_t end = t.TokenEnd(i);
    const std::optional<Marker> m = ParseMarker(t.Slice(i, end));
    // "2." may be a number inside the sentence, unless a capital follows; "b)" is a marker.
    const bool dot =
        m && (m->style == MarkerStyle::kDigitDot || m->style == MarkerStyle::kLetterDot);
    if (m && m->style == marker.style && m->value == marker.value + 1 &&
        (!dot || Look(t, end).shape != Shape::kLower)) {
      return i;
    }
  }
  return kNoPosition;
}

// The emoticons that end sentences in informal writing, as tokens of their own.
bool IsEmoticon(std::string_view s) {
  static constexpr std::string_view kEmoticons[] = {
      ":)", ":-)", ";)",  ";-)", ":(", ":-(", ":D",  ":-D",  ";D",  ":P",  ":-P", ":p", ":-p",
      "=)", "^^",  "^_^", ":o)", "xD", "XD",  ":))", ":-))", ";))", ":((", ":/",  ":-/"};
  if (s.size() < 2 || s.size() > 4) return false;
  return std::find(std::begin(kEmoticons), std::end(kEmoticons), s) != std::end(kEmoticons);
}

// . ! ? … and the other terminators of Unicode.
bool IsTerminatorChar(char32_t c) { return c == '.' || c == 0x2026 || IsStrongTerminator(c); }

// Whether the quotation that opens before `from` closes after a sentence or a clause of its own
// within a paragraph's length: its last word before the closing quote ends with . ! ? … or a
// comma ("\"Víš, kde je?\"", "\"Ne,\" řekl"), not a title
// ("\"Babičku\""). A quotation that goes on into the next paragraph is left open at the end of
// this one, after its last sentence.
bool QuotesASentence(const Text& t, std::size_t from) {
  constexpr std::size_t kMaxQuote = 1000;
  const std::size_t limit = std::min(t.size(), from + kMaxQuote);
  for (std::size_t i = from; i < limit; i = t.Next(i)) {
    const char32_t c = t.At(i);
    if (!IsQuotationMark(c) || i == from) continue;
    const char32_t before = t.Before(i);
    return before == ',' || IsTerminatorChar(before);
  }
  if (limit < t.size()) return false;
  const std::size_t end = t.SkipSpacesBack(t.size());
  return end > from && IsTerminatorChar(t.Before(end));
}

// --- Decisions -------------------------------------------------------------------------------

struct Decision {
  bool keep = false;
  std::size_t at = 0;  // where the boundary goes (usually the candidate itself)
};

// The number of tokens in [begin, end), counting no further than `max`.
std::size_t CountTokens(const Text& t, std::size_t begin, std::size_t end, std::size_t max) {
  std::size_t count = 0;
  for (std::size_t i = t.SkipSpaces(begin); i < end && count < max;
       i = t.SkipSpaces(t.TokenEnd(i))) {
    ++count;
  }
  return count;
}

class Decider {
 public:
  Decider(const Text& t, const SegmentRules& rules, bool lower_case_style)
      : t_(t), rules_(rules), lower_case_style_(lower_case_style) {
    for (std::size_t i = t.Slice(0, t.size()).find('"'); i != std::string_view::npos;
         i = t.Slice(0, t.size()).find('"', i + 1)) {
      quotes_.push_back(i);
    }
  }

  // Whether the candidate `p` ends the sentence that starts at `start` (its first character).
  // `marker` is the list marker the sentence starts with; `added` marks boundaries the rules
  // themselves proposed (they may have no whitespace after them).
  Decision Decide(std::size_t p, std::size_t start, const std::optional<Marker>& marker,
                  bool added) const {
    const Decision keep{true, p};
    const Decision drop{false, p};
    const std::size_t left_end = t_.SkipSpacesBack(p);
    if (left_end <= start) return drop;
    if (left_end == p && !added) {
      // Inside a token: "„...Hasonló", "\"Ne már!\"-ral", "Jane.Doe". Scripts written without
      // spaces (CJK) keep ICU's decision.
      std::size_t end = left_end;
      for (int k = 0; k < 8 && end > start && IsClosing(t_.Before(end)); ++k) end = t_.Prev(end);
      const char32_t c = t_.Before(end);
      return c == '.' || c == '!' || c == '?' || c == 0x2026 ? drop : keep;
    }
    // The token before the candidate, but not before the sentence ("Tuesday.Mr. Smith").
    Token left = TokenEndingAt(t_, left_end);
    if (left.begin < start) left = MakeToken(t_, start, left_end);
    if (left.empty()) return keep;
    const char32_t last = t_.Before(left.core_end);
    const bool period = last == '.' || last == 0xFF0E;
    const Following next = Look(t_, p);
    if (IsStrongTerminator(last)) {
      // "Yahoo! in the ...", "„Ne már!” után", "– Nézd a! – mondta".
      return next.shape == Shape::kLower && !lower_case_style_ ? drop : keep;
    }
    if (!period && last != 0x2026) return keep;  // ICU's own reasons: paragraph separators

    const std::string_view core = t_.Slice(left.core_begin, left.core_end);
    if (last == 0x2026 || core.ends_with("..")) return Ellipsis(p, left, next);
    if (core == ".") return SpacedEllipsis(p, left, next, start);
    if (marker && marker->end == left.end) return drop;  // "1. The first item"
    // A lower-case word continues the sentence, unless the paragraph is written without
    // capitals or a bracket opens after the period ("properties. (credit: ...)").
    const bool lower_case_starts = lower_case_style_ || (next.bracket && !next.dash);
    const std::size_t w_begin = left.core_begin;
    const std::size_t w_end = t_.Prev(left.core_end);  // without the final period
    if (next.shape == Shape::kLower && !lower_case_starts) {
      // A period before a lower-case word is a slip inside the sentence ("menshevism. have
      // both blessed"), or ends a quotation or a bracket inside it ("engineer.) at the"),
      // unless it follows an ordinary word directly and what comes after it stands as a clause
      // of its own ("kényszerítve. lakóhelyének megváltoztatása is felmerül.").
      const bool ordinary = left.core_end == left.end && !rules_.FindAbbreviation(core) &&
                            !IsInitials(t_, w_begin, w_end) &&
                            !IsDottedAbbreviation(t_, w_begin, w_end) &&
                            t_.Next(w_begin) != w_end && !IsNumber(t_, w_begin, w_end) &&
                            !IsRoman(t_.Slice(w_begin, w_end));
      return {rules_.lower_case_clause && ordinary && CountTokens(t_, start, left.begin, 2) >= 2 &&
                  StandsAlone(next.word_begin),
              p};
    }
    if (const auto c = rules_.FindAbbreviation(core)) {
      switch (*c) {
        case AbbreviationClass::kNeverEnds:
          return drop;
        case AbbreviationClass::kCanEnd:
          return CanEnd(p, left, next, start);
        case AbbreviationClass::kBeforeNumber:
          if (next.shape == Shape::kDigit || NextIsRoman(next)) return drop;
          break;
      }
    }
    if (IsInitials(t_, w_begin, w_end)) {
      // "you and I. Did ..." is the word I; "Albert I. Jones" is an initial.
      if (t_.Next(w_begin) == w_end && rules_.IsSingleLetterWord(t_.Slice(w_begin, w_end))) {
        const Token before = TokenBefore(t_, left.begin);
        if (!before.empty() && IsLower(t_.At(before.core_begin))) return keep;
      }
      // "L. D. Trotsky", "G.P.U. Volinsky", "U.S. Government" / "the U.S. How about you?"; an
      // initial next is the same name, even when the letter is a word ("А. С. Пушкин").
      if (next.shape == Shape::kUpper && t_.Next(next.word_begin) == next.word_end &&
          next.abbr_end > next.word_end && t_.At(next.word_end) == '.') {
        return drop;
      }
      // A quoted sentence after an initial starts a sentence ("řekl doktor O. \"Pokud
      // chcete, ...\""); a quoted nickname does not ("Thomas J. \"Stonewall\" Jackson").
      if (next.shape == Shape::kUpper && next.opener && next.word_begin > p &&
          IsQuotationMark(t_.Before(next.word_begin)) && QuotesASentence(t_, next.word_begin)) {
        return keep;
      }
      return {next.shape == Shape::kUpper && rules_.IsStarter(NextWord(next)), p};
    }
    if (IsDottedAbbreviation(t_, w_begin, w_end)) return CanEnd(p, left, next, start);
    // "p. Luth"; but a one-letter word is a word ("það sem við treystum á. Hann kom"). Before a
    // number a lower-case letter is an abbreviation in every language ("n. 2", "[v. 12]").
    if (t_.Next(w_begin) == w_end && IsLower(t_.At(w_begin)) &&
        (next.shape == Shape::kDigit || (rules_.one_letter_abbreviations &&
                                         !rules_.IsSingleLetterWord(t_.Slice(w_begin, w_end))))) {
      return drop;
    }

    const bool number = IsNumber(t_, w_begin, w_end);
    if (number || IsRoman(t_.Slice(w_begin, w_end))) {
      if (IsReferenceChain(left, next)) return drop;  // "Vol. II. No. 7", "Art. 58-10. §-a"
      if (rules_.ordinal_period && (!number || IsOrdinalNumber(w_begin, w_end))) {
        // "1929. január", "2002. (IV. 25.)", "25. §", "IV. Iván" / "3-0. A másik ..."
        if (next.shape == Shape::kUpper && !NextIsRoman(next)) {
          return {rules_.IsStarter(NextWord(next)), p};
        }
        return drop;
      }
    }
    return keep;
  }

  // Whether the words from `from` up to the next sentence end (or the end of the paragraph)
  // form a clause of their own: at least three words and no comma, colon, semicolon, dash,
  // bracket or quotation mark among them, which would mean the period interrupted a list, a
  // phrase or a quotation that goes on after it. (Rule S6 of the gold annotation of the bundled
  // pair, tests/data/reply-to-stalin/ANNOTATION.md, made mechanical.)
  bool StandsAlone(std::size_t from) const {
    constexpr std::size_t kMaxWords = 64;
    const std::size_t n = t_.size();
    std::size_t words = 0;
    std::size_t i = from;
    while (i < n && words < kMaxWords) {
      const std::size_t end = t_.TokenEnd(i);
      const Token token = MakeToken(t_, i, end);
      if (token.core_begin != i || token.empty()) return false;  // an opening mark or a lone one
      for (std::size_t k = token.core_begin; k < token.core_end; k = t_.Next(k)) {
        const char32_t c = t_.At(k);
        const bool edge = k == token.core_begin || t_.Next(k) == token.core_end;
        if (c == ',' || c == ';' || c == ':' || (IsDash(c) && edge)) return false;
      }
      ++words;
      const char32_t last = t_.Before(token.core_end);
      if (last == '.' || last == 0x2026 || IsStrongTerminator(last)) return words >= 3;
      if (token.core_end != end) return false;  // a closing mark inside the stretch
      i = t_.SkipSpaces(end);
    }
    return i >= n && words >= 3;
  }

  // Moves a boundary past what still belongs to the sentence before it: a citation
  // ("research. [1 - 3] Sociologists") and a straight quote that closes a quotation opened in
  // that sentence ("a célunk! " Az első").
  std::size_t Attach(std::size_t p) const {
    constexpr std::size_t kMaxCitation = 24;
    const std::size_t n = t_.size();
    while (p < n) {
      const char32_t c = t_.At(p);
      std::size_t after = p;
      if (c == '[') {
        std::size_t i = t_.Next(p);
        bool digit = false;
        for (; i < n && i - p < kMaxCitation; i = t_.Next(i)) {
          const char32_t d = t_.At(i);
          if (IsDigit(d)) {
            digit = true;
          } else if (d != '-' && d != 0x2013 && d != ',' && !IsSpace(d)) {
            break;
          }
        }
        if (!digit || i >= n || t_.At(i) != ']') return p;
        after = t_.Next(i);
      } else if ((c == 0x00BB || c == 0x201D) && t_.Next(p) < n && t_.SpaceAt(t_.Next(p))) {
        // A closing quotation mark standing alone, as French spaces it: "« Viens ici. » Il".
        after = t_.Next(p);
      } else if (c == '\'' && p + 2 <= n && t_.At(p + 1) == '\'' &&
                 (p + 2 == n || t_.SpaceAt(p + 2))) {
        // Two apostrophes standing alone close a quotation typed as ,,...'' or ``...'': "het is
        // voorbij. '' De zaal".
        after = p + 2;
      } else if ((c == ':' || c == ';' || c == '=' || c == '^' || c == 'x' || c == 'X') &&
                 IsEmoticon(t_.Slice(p, t_.TokenEnd(p)))) {
        // An emoticon after the terminator belongs to the sentence: "toll!!! :) Bis bald".
        after = t_.TokenEnd(p);
      } else if (c == '"') {
        // Quotations may span sentences: count the quotes of the paragraph before `p`.
        const auto quotes = std::lower_bound(quotes_.begin(), quotes_.end(), p) - quotes_.begin();
        if (quotes % 2 == 0) return p;
        after = t_.Next(p);
      } else {
        return p;
      }
      if (after < n && !t_.SpaceAt(after)) return p;
      p = t_.SkipSpaces(after);
    }
    return p;
  }

 private:
  // The word after a candidate, for the starter lists: without an apostrophe ending ("She’s",
  // "I'm" look up "She", "I").
  std::string_view NextWord(const Following& next) const {
    return WithoutApostropheEnding(t_.Slice(next.word_begin, next.word_end));
  }

  // Whether the number in [begin, end) can be an ordinal of the language: any number, or,
  // under ordinal-digits, plain digits no longer than that ("5", "19"; not "2007", "16:25").
  bool IsOrdinalNumber(std::size_t begin, std::size_t end) const {
    if (rules_.ordinal_digits == 0) return true;
    const std::string_view digits = t_.Slice(begin, end);
    return digits.size() <= rules_.ordinal_digits &&
           std::all_of(digits.begin(), digits.end(), IsAsciiDigit);
  }

  bool NextIsRoman(const Following& next) const {
    return next.shape == Shape::kUpper && IsRoman(NextWord(next));
  }

  // After an abbreviation that can end a sentence ("etc.", "Co.", "a.m.", "stb."): a new
  // sentence starts before a sentence starter ("Co. It closed"), or, where the language says
  // so, any capitalised word ("stb. Új mondat"). A title ("Mr.") starts one too, unless the
  // sentence so far would be a fragment of three words or fewer ("At 5 a.m. Mr. Smith went").
  Decision CanEnd(std::size_t p, const Token& left, const Following& next,
                  std::size_t start) const {
    if (next.shape != Shape::kUpper) return {false, p};
    if (rules_.after_abbreviation == AfterAbbreviation::kCapital) return {true, p};
    if (rules_.IsStarter(NextWord(next))) return {true, p};
    const auto title = rules_.FindAbbreviation(t_.Slice(next.word_begin, next.abbr_end));
    if (title == AbbreviationClass::kNeverEnds) {
      return {CountTokens(t_, start, left.begin, 3) + 1 > 3, p};
    }
    return {false, p};
  }

  // "mean... Then", "that.... She", "…"; "[...]" and "(…)" mark an omission inside a sentence.
  Decision Ellipsis(std::size_t p, const Token& left, const Following& next) const {
    const bool bracketed =
        left.core_begin > left.begin && left.core_end < left.end &&
        t_.Slice(left.core_begin, left.core_end).find_first_not_of('.') == std::string_view::npos;
    const bool bracketed_char = left.core_begin > left.begin && left.core_end < left.end &&
                                t_.Next(left.core_begin) == left.core_end;
    if (bracketed || bracketed_char) return {false, p};
    return {next.shape != Shape::kLower, p};
  }

  // Periods standing alone between spaces: ". . ." is an omission inside a sentence ("the thing
  // is . . . I didn't"); four of them end one ("with a period . . . . Next"); a period attached
  // to a word before three spaced ones ends the sentence there, and the ". . ." begins the next
  // ("compounds. . . . The practice").
  Decision SpacedEllipsis(std::size_t p, const Token& left, const Following& next,
                          std::size_t start) const {
    std::size_t dots = 1;
    std::size_t first_dot = left.begin;
    Token before = TokenBefore(t_, left.begin);
    while (dots < 16 && before.end > start && t_.Slice(before.core_begin, before.core_end) == ".") {
      ++dots;
      first_dot = before.begin;
      before = TokenBefore(t_, before.begin);
    }
    const bool attached = before.end > start && before.core_end > before.core_begin &&
                          t_.Before(before.core_end) == '.';
    if (attached && dots >= 3 && next.shape != Shape::kLower) return {true, first_dot};
    if (dots == 3 && !attached) return {false, p};
    return {next.shape != Shape::kLower, p};
  }

  // A number after an abbreviation of the [abbreviations before numbers], followed by another
  // such abbreviation or by "§": the parts of one reference.
  bool IsReferenceChain(const Token& left, const Following& next) const {
    const Token before = TokenBefore(t_, left.begin);
    if (before.empty() || rules_.FindAbbreviation(t_.Slice(before.core_begin, before.core_end)) !=
                              AbbreviationClass::kBeforeNumber) {
      return false;
    }
    if (next.shape == Shape::kNone) return false;
    if (t_.At(next.word_begin) == 0x00A7) return true;  // §
    return rules_.FindAbbreviation(t_.Slice(next.word_begin, next.abbr_end)) ==
           AbbreviationClass::kBeforeNumber;
  }

  const Text& t_;
  const SegmentRules& rules_;
  // The paragraph does not capitalise the words after sentence ends (see AddOwnCandidates).
  bool lower_case_style_;
  std::vector<std::size_t> quotes_;  // offsets of the straight double quotes
};

struct Candidate {
  std::size_t position = 0;
  bool added = false;  // proposed by the rules, not by ICU
};

// Whether the period or "!"/"?" at `i` ends a sentence that is glued to the next one
// ("world.Today", "1,000.That"): the word before is a word of letters ending in two lower-case
// letters (not an abbreviation) or a number, the word after a capitalised word, and the token
// is not an address (URL, e-mail, file name).
bool IsGluedSentenceEnd(const Text& t, const SegmentRules& rules, std::size_t i) {
  constexpr std::size_t kMaxWord = 64;
  const std::size_t n = t.size();
  const std::size_t after = i + 1;
  if (after >= n || !IsUpper(t.At(after)) || t.Next(after) >= n || !IsLower(t.At(t.Next(after)))) {
    return false;
  }
  // The word before: letters, or digits with separators; it must start the token (after
  // opening brackets or quotes), so that "Jane.Doe", "U.S.Army" and "www.example.Com" do not
  // count.
  std::size_t word = i;
  bool letters = true;
  bool digits = true;
  std::size_t count = 0;
  while (word > 0 && count < kMaxWord) {
    const char32_t c = t.Before(word);
    if (!IsLetter(c) && !IsDigit(c) && c != ',') break;
    if (!IsLetter(c)) letters = false;
    if (!IsDigit(c) && c != ',') digits = false;
    word = t.Prev(word);
    ++count;
  }
  if (count == 0 || count == kMaxWord || t.Slice(word, i) == "www") return false;
  if (word > 0 && !IsSpace(t.Before(word)) && !IsOpening(t.Before(word))) return false;
  // Nor an address: no '@', '/', '\\' or ':' in the rest of the token.
  for (std::size_t k = after, steps = 0; k < n && steps < kMaxWord && !t.SpaceAt(k);
       k = t.Next(k), ++steps) {
    const char32_t c = t.At(k);
    if (c == '@' || c == '/' || c == '\\' || c == ':') return false;
  }
  if (digits) return IsDigit(t.Before(i));
  if (!letters || count < 2) return false;
  const std::size_t last = t.Prev(i);
  return IsLower(t.At(last)) && IsLower(t.Before(last)) &&
         (t.At(i) != '.' || !rules.FindAbbreviation(t.Slice(word, i + 1)));
}

// The first position at or after `from` whose byte may begin a sentence terminator: '.', '!',
// '?' or the lead byte 0xE2 ("…", "‼"); no continuation byte of UTF-8 equals any of them. Eight
// bytes at a time: a sentence has one terminator in some seventy bytes.
std::size_t NextTerminatorByte(std::string_view s, std::size_t from) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  // Non-zero when a byte of `v` is zero (exact for "any", which is all that is asked).
  auto has_zero = [](std::uint64_t v) { return (v - kOnes) & ~v & kHigh; };
  std::size_t i = from;
  while (i + 8 <= s.size()) {
    std::uint64_t w = 0;
    std::memcpy(&w, s.data() + i, 8);
    if ((has_zero(w ^ (kOnes * '.')) | has_zero(w ^ (kOnes * '!')) | has_zero(w ^ (kOnes * '?')) |
         has_zero(w ^ (kOnes * 0xE2))) != 0) {
      break;
    }
    i += 8;
  }
  for (; i < s.size(); ++i) {
    const char b = s[i];
    if (b == '.' || b == '!' || b == '?' || b == '\xE2') return i;
  }
  return s.size();
}

// Boundaries ICU's rules never propose, found after each sentence terminator (. ! ? …) and the
// closing quotes and brackets after it:
//   - before a dash: a dialogue dash ("... koszorú. — A karácsonyfák ...") or the dash of
//     "– mondta" (the rules decide by the word after the dash);
//   - before a number ("... mérkőzést. 1981-ben ...");
//   - after "…" (ICU does not treat it as a terminator);
//   - without a space ("world.Today");
//   - before a lower-case word, when the text is written without capitals after sentence ends
//     (`lower_case_style`: chat and e-mail, "i will let you know later. what are you doing").
// `visit_word`, when given, is called with each position where a word follows a terminator.
template <typename Visit>
void ScanTerminators(const Text& t, const SegmentRules& rules, Visit visit) {
  const std::size_t n = t.size();
  const std::string_view bytes = t.Slice(0, n);
  for (std::size_t i = NextTerminatorByte(bytes, 0); i < n; i = NextTerminatorByte(bytes, i + 1)) {
    const char32_t c = t.At(i);
    if (!IsTerminatorChar(c)) continue;
    std::size_t j = t.Next(i);
    if (j < n && IsTerminatorChar(t.At(j))) continue;  // the end of "...", "?!" decides
    if (c != 0x2026 && IsGluedSentenceEnd(t, rules, i)) {
      visit(j, true, c);
      continue;
    }
    while (j < n && IsClosing(t.At(j))) j = t.Next(j);
    if (j >= n || !t.SpaceAt(j)) continue;
    const std::size_t next = t.SkipSpaces(j);
    if (next < n) visit(next, false, c);
  }
}

std::size_t FirstLetter(const Text& t, std::size_t i) {
  while (i < t.size() && IsOpening(t.At(i))) i = t.Next(i);
  return i;
}

// --- Boundaries without a terminator --------------------------------------------------------

// Whether the token ends a sentence by its punctuation: its last character before closing
// quotes and brackets is . ! ? or …
bool EndsWithTerminator(const Text& t, const Token& token) {
  return !token.empty() && IsTerminatorChar(t.Before(token.core_end));
}

// A word in capitals: upper-case letters, with apostrophes and hyphens inside and a comma at
// the end ("EEGIMAA,", "AFRICAN-AMERICAN"). `letters` receives the number of letters.
bool IsCapitalWord(const Text& t, std::size_t begin, std::size_t end, std::size_t* letters) {
  if (begin < end && t.Before(end) == ',') end = t.Prev(end);
  *letters = 0;
  for (std::size_t i = begin; i < end; i = t.Next(i)) {
    const char32_t c = t.At(i);
    if (IsUpper(c)) {
      ++*letters;
    } else if ((c != '\'' && c != 0x2019 && c != '-') || i == begin || t.Next(i) == end) {
      return false;
    }
  }
  return *letters > 0;
}

// A capitalised word with lower-case letters: "From", "Copper(II)", "McDonald".
bool IsTitleWord(const Text& t, std::size_t begin, std::size_t end) {
  if (begin >= end || !IsUpper(t.At(begin))) return false;
  for (std::size_t i = t.Next(begin); i < end; i = t.Next(i)) {
    if (IsLower(t.At(i))) return true;
  }
  return false;
}

// A caption number: digits with periods between them ("2", "2.2", "15.16").
bool IsCaptionNumber(std::string_view s) {
  if (s.empty() || !IsAsciiDigit(s.front()) || !IsAsciiDigit(s.back())) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return IsAsciiDigit(c) || c == '.'; });
}

// A token of dashes alone: "—", "–", "―", "--" (not a lone hyphen, which joins list items and
// signature lines).
bool IsDashToken(const Text& t, std::size_t begin, std::size_t end) {
  const std::string_view s = t.Slice(begin, end);
  if (s.size() >= 2 && s.find_first_not_of('-') == std::string_view::npos) return true;
  return t.Next(begin) == end && IsDash(t.At(begin)) && t.At(begin) != '-';
}

// A word of letters that ends in a lower-case letter, without punctuation, quotes or brackets
// around it: the last word of a sentence that ends without punctuation ("zahlen mehr"), not a
// number, a handle ("@name"), an abbreviation in capitals ("PS") or a quotation.
bool IsPlainWord(const Text& t, const Token& token) {
  if (token.empty() || token.core_begin != token.begin || token.core_end != token.end) {
    return false;
  }
  if (!IsLower(t.Before(token.end))) return false;
  for (std::size_t i = token.begin; i < token.end; i = t.Next(i)) {
    const char32_t c = t.At(i);
    if (!IsLetter(c) && c != '-' && c != '\'' && c != 0x2019) return false;
  }
  return true;
}

// Whether the newest of `recent` is a semicolon after a lower-case word: attached ("parar;")
// or standing alone, as French spaces it ("pas ;").
bool AfterSemicolon(const Text& t, const std::vector<Token>& recent) {
  const Token& last = recent.back();
  if (last.core_end != last.end || t.Before(last.end) != ';') return false;
  const std::size_t semicolon = t.Prev(last.end);
  // After a word, a number or a bracket ("parar;", "A-320;", "(en 1990);"), not after an
  // abbreviation in capitals.
  auto before_ends = [&](char32_t c) { return IsLower(c) || IsDigit(c) || c == ')'; };
  if (semicolon > last.begin) return before_ends(t.Before(semicolon));
  return recent.size() >= 2 && before_ends(t.Before(recent[recent.size() - 2].end));
}

// A letter with a period: an initial ("A. Costa"), not the word it spells.
bool IsInitialToken(const Text& t, const Token& token) {
  const std::size_t after = t.Next(token.core_begin);
  return after < token.core_end && t.At(after) == '.';
}

// `token` with a capital first letter, in `scratch`: a sentence does not end with a word that
// the language capitalises only at sentence starts when it is written in lower case, such as a
// conjunction or an article ("Frankfurt an der Oder").
std::string_view Capitalised(const Text& t, const Token& token, std::string* scratch) {
  scratch->clear();
  AppendUtf8(static_cast<char32_t>(u_toupper(static_cast<UChar32>(t.At(token.core_begin)))),
             scratch);
  scratch->append(t.Slice(t.Next(token.core_begin), token.core_end));
  return *scratch;
}

// The word of `token` as the lists have it: without the punctuation after it and without an
// apostrophe ending.
std::string_view WordOf(const Text& t, const Token& token) {
  std::size_t end = token.core_end;
  while (end > token.core_begin && IsWordFinalPunctuation(t.Before(end))) end = t.Prev(end);
  return WithoutApostropheEnding(t.Slice(token.core_begin, end));
}

// Boundaries of sentences that end without punctuation, found token by token (each rule is a
// setting or a list of the language's rules, segment_rules.h):
//   - a caption label and its number at a sentence start, before a capitalised word
//     ("properties. Figure 2.2 A pre-1982 penny");
//   - a heading in capitals at a sentence start, before a capitalised word with lower-case
//     letters ("morale. THE RELATIONSHIP WITH EUROPE From the beginning");
//   - a spaced dash that breaks off a sentence, before an opening quote and a capital or before
//     a capitalised sentence starter ("if they — Maybe Harold"), but not after a closing quote
//     before a word, which is an attribution ("street\" — The Canadian Press"), nor in the
//     first sentence of a paragraph, where it is the dash of a term and its explanation
//     ("• Lenin's police state – The Great Terror was carried out by the NKVD."); and a dash
//     before a closing quote ("Watch —” She’s swept past");
//   - a closing bracket before a capitalised sentence starter ("(Javanbakht) By Arash"), unless
//     the bracket is a list marker ("(b) The").
void AddUnpunctuatedCandidates(const Text& t, const SegmentRules& rules,
                               std::vector<Candidate>* out) {
  const bool captions = !rules.caption_labels.empty();
  const bool unpunctuated = !rules.unpunctuated_starters.empty() ||
                            !rules.unpunctuated_articles.empty() || rules.semicolon_starter;
  if (!captions && !rules.capital_headings && !rules.interrupted_dash && !unpunctuated &&
      !rules.title_before_quote) {
    return;
  }
  constexpr std::size_t kWindow = 4;
  // The last tokens, newest last: enough for "Figure 2.2 A" and the heading's run.
  std::vector<Token> recent;
  bool starts_sentence = true;    // the token at `i` starts a sentence by its punctuation
  bool first_sentence = true;     // no sentence of the paragraph has ended before `i`
  std::size_t heading_words = 0;  // capital words in a row since a sentence start
  std::size_t heading_longest = 0;
  // Plain words since the last sentence end, the first one capitalised ("Návrat domů"); 0
  // when the stretch has anything else in it.
  std::size_t title_words = 0;
  std::string scratch;
  for (std::size_t i = t.SkipSpaces(0); i < t.size();) {
    const std::size_t end = t.TokenEnd(i);
    const Token token = MakeToken(t, i, end);
    const Token* previous = recent.empty() ? nullptr : &recent.back();

    // A title before a quotation: "a odešel.\" Návrat domů \"Kde jsi byl?\"" where the language
    // introduces speech with a colon.
    if (rules.title_before_quote && title_words > 0 && title_words <= 4 && token.core_begin > i &&
        IsQuotationMark(t.At(i)) && token.core_begin < token.core_end &&
        IsUpper(t.At(token.core_begin)) && QuotesASentence(t, token.core_begin)) {
      out->push_back({i, false});
    }
    // (Each word is looked at only while it can still be part of a title.)
    if (!rules.title_before_quote) {
      title_words = 0;
    } else if (starts_sentence) {
      title_words = IsUpper(t.At(token.begin)) && IsPlainWord(t, token) ? 1 : 0;
    } else if (title_words > 0) {
      title_words = title_words < 4 && IsPlainWord(t, token) ? title_words + 1 : 0;
    }
    const bool title = token.core_begin == i && IsTitleWord(t, token.core_begin, token.core_end);

    // A heading ends before this word.
    if (title && heading_words >= 3 && heading_longest >= 5) out->push_back({i, false});
    std::size_t letters = 0;
    if ((starts_sentence || heading_words > 0) && token.core_begin == i &&
        IsCapitalWord(t, token.core_begin, token.core_end, &letters) && rules.capital_headings) {
      ++heading_words;
      heading_longest = std::max(heading_longest, letters);
    } else {
      heading_words = 0;
      heading_longest = 0;
    }

    // A caption: "Figure 2.2" after a sentence end, then a capital.
    if (captions && recent.size() >= 2 && !token.empty() && IsUpper(t.At(token.core_begin))) {
      const Token& label = recent[recent.size() - 2];
      const Token& number = recent.back();
      const bool label_starts =
          recent.size() == 2 || EndsWithTerminator(t, recent[recent.size() - 3]);
      if (label_starts && label.begin == label.core_begin &&
          rules.IsCaptionLabel(t.Slice(label.begin, label.end)) &&
          IsCaptionNumber(t.Slice(number.begin, number.end))) {
        out->push_back({i, false});
      }
    }

    // After a dash or a closing bracket, a capitalised sentence starter ("Maybe", "She’s"; not
    // "I") or an opening quote before a capital ("“Each") may start a sentence.
    const char32_t previous_last = previous == nullptr ? 0 : t.Before(previous->end);
    if (previous != nullptr && !EndsWithTerminator(t, *previous) &&
        (IsDash(previous_last) || IsQuotationMark(previous_last) || previous_last == ')')) {
      const bool quote_opens = token.core_begin > i && IsQuotationMark(t.At(i)) &&
                               token.core_begin < token.core_end && IsUpper(t.At(token.core_begin));
      const Following next = Look(t, i);
      const std::string_view word =
          WithoutApostropheEnding(t.Slice(next.word_begin, next.word_end));
      const bool starter = next.word_begin == i && next.shape == Shape::kUpper &&
                           rules.IsStarter(word) && !rules.IsSingleLetterWord(word);
      const bool closed = previous->core_end < previous->end;  // quotes or brackets after it
      const char32_t last_core = previous->empty() ? 0 : t.Before(previous->core_end);
      // A broken-off sentence: "they — Maybe", "statistics — “Each"; not after a closing
      // quote ("street\" — The Canadian Press") nor in a paragraph's first sentence.
      const Token* before = recent.size() >= 2 ? &recent[recent.size() - 2] : nullptr;
      const bool dash_alone =
          rules.interrupted_dash && !first_sentence && before != nullptr &&
          IsDashToken(t, previous->begin, previous->end) && (starter || quote_opens) &&
          (quote_opens ||
           !(before->core_end < before->end && IsQuotationMark(t.Before(before->end))));
      // Speech broken off inside a quotation: "Watch —” She’s", "“I was going to—” He".
      const bool dash_quoted = rules.interrupted_dash && (starter || quote_opens) && closed &&
                               IsQuotationMark(previous_last) && last_core != '-' &&
                               IsDash(last_core);
      // A bracket that closes a sentence without a terminator: "(Javanbakht) By Arash",
      // "(R-Texas) Other items"; not a list marker ("(b) The").
      const bool bracket = starter && previous_last == ')' &&
                           !ParseMarker(t.Slice(previous->begin, previous->end)) &&
                           !IsTerminatorChar(last_core);
      if (dash_alone || dash_quoted || bracket) {
        out->push_back({i, false});
        first_sentence = false;
      }
    }

    // A sentence that ends without punctuation: after a word, one of the words the language
    // capitalises only at sentence starts ("Mieter zahlen mehr Der Bundestag"), or, after an
    // emoticon, any capitalised word ("war super :) Nächstes Mal").
    if (previous != nullptr && token.core_begin == i && IsUpper(t.At(i))) {
      if (IsEmoticon(t.Slice(previous->begin, previous->end))) {
        out->push_back({i, false});
      } else if (rules.semicolon_starter && AfterSemicolon(t, recent) &&
                 rules.IsStarter(WordOf(t, token))) {
        // "llovía sin parar; En casa nadie dormía", "il pleuvait ; Selon la radio": the
        // language writes lower case after a semicolon.
        out->push_back({i, false});
      } else if (unpunctuated && IsPlainWord(t, *previous) && !IsInitialToken(t, token) &&
                 !rules.IsUnpunctuatedStarter(Capitalised(t, *previous, &scratch))) {
        const std::string_view word = WordOf(t, token);
        if (rules.IsUnpunctuatedStarter(word) ||
            (rules.IsUnpunctuatedArticle(word) && token.core_end == end &&
             Look(t, end).shape == Shape::kLower)) {
          out->push_back({i, false});
        }
      }
    }

    starts_sentence = EndsWithTerminator(t, token);
    first_sentence = first_sentence && !starts_sentence;
    if (recent.size() == kWindow) recent.erase(recent.begin());
    recent.push_back(token);
    i = t.SkipSpaces(end);
  }
}

void AddOwnCandidates(const Text& t, const SegmentRules& rules, bool lower_case_style,
                      std::vector<Candidate>* out) {
  ScanTerminators(t, rules, [&](std::size_t next, bool glued, char32_t terminator) {
    if (glued) {
      out->push_back({next, true});
      return;
    }
    const char32_t first = t.At(next);
    if (terminator == 0x2026 || IsDash(first) || IsDigit(first) || first == '(' || first == '[' ||
        IsLowOpeningQuote(t, next)) {
      out->push_back({next, false});
      return;
    }
    const std::size_t letter = FirstLetter(t, next);
    if (letter < t.size() && IsLower(t.At(letter)) && (lower_case_style || terminator == '.')) {
      out->push_back({next, false});
    }
  });
  AddUnpunctuatedCandidates(t, rules, out);
}

bool HasAlnum(const Text& t, std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end; i = t.Next(i)) {
    if (IsAlnum(t.At(i))) return true;
  }
  return false;
}

}  // namespace

SentenceStarts SentenceRules::CountSentenceStarts(std::string_view text,
                                                  bool exact_capitals) const {
  const Text t(text);
  SentenceStarts starts;
  ScanTerminators(t, rules_, [&](std::size_t next, bool glued, char32_t terminator) {
    if (glued) return;
    const std::size_t letter = FirstLetter(t, next);
    if (letter >= t.size()) return;
    const char32_t first = t.At(letter);
    const bool lower = IsLower(first);
    if (!lower && !IsUpper(first)) return;
    if (terminator == '.' && (lower || exact_capitals)) {
      // Periods of abbreviations, initials and numbers are no evidence ("etc. and", "U.S. and").
      const Token left = TokenEndingAt(t, t.SkipSpacesBack(next));
      if (left.empty()) return;
      const std::size_t w_end = t.Prev(left.core_end);
      if (left.core_begin == w_end || t.Next(left.core_begin) == w_end ||
          rules_.FindAbbreviation(t.Slice(left.core_begin, left.core_end)) ||
          IsDottedAbbreviation(t, left.core_begin, w_end) || IsNumber(t, left.core_begin, w_end)) {
        return;
      }
    }
    if (lower) {
      ++starts.lower_case;
    } else {
      ++starts.capitalised;
    }
  });
  return starts;
}

std::vector<std::size_t> SentenceRules::Boundaries(std::string_view text,
                                                   const std::vector<std::size_t>& candidates,
                                                   bool lower_case_style) const {
  const Text t(text);
  std::vector<Candidate> all;
  all.reserve(candidates.size() + 4);
  for (std::size_t c : candidates) all.push_back({c, false});
  AddOwnCandidates(t, rules_, lower_case_style, &all);
  std::sort(all.begin(), all.end(),
            [](const Candidate& a, const Candidate& b) { return a.position < b.position; });
  // One candidate per position; the rules' own reasons win over ICU's ("1,000.That": ICU breaks
  // there too, but only the rules know that no space is needed).
  std::size_t kept = 0;
  for (std::size_t k = 0; k < all.size(); ++k) {
    if (kept > 0 && all[kept - 1].position == all[k].position) {
      all[kept - 1].added = all[kept - 1].added || all[k].added;
    } else {
      all[kept++] = all[k];
    }
  }
  all.resize(kept);

  const Decider decider(t, rules_, lower_case_style);
  std::vector<std::size_t> out{0};
  std::size_t start = t.SkipSpaces(0);
  std::optional<Marker> marker = MarkerAt(t, start);
  std::size_t list_scanned = 0;  // how far the current sentence was searched for list items
  auto open_sentence = [&](std::size_t boundary) {
    out.push_back(boundary);
    start = t.SkipSpaces(boundary);
    marker = MarkerAt(t, start);
    list_scanned = marker ? marker->end : 0;
  };
  list_scanned = marker ? marker->end : 0;
  // "1) The first item 2) The second item": items of a list that starts a sentence.
  auto split_list_items = [&](std::size_t limit) {
    while (marker && marker->sequence() && list_scanned < limit) {
      const std::size_t item = NextListItem(t, *marker, list_scanned, limit);
      if (item == kNoPosition) {
        list_scanned = limit;
        break;
      }
      open_sentence(item);
    }
  };
  for (const Candidate& c : all) {
    if (c.position <= start) continue;
    split_list_items(c.position);
    if (c.position <= start) continue;
    const Decision d = decider.Decide(c.position, start, marker, c.added);
    if (!d.keep) continue;
    const std::size_t at = decider.Attach(d.at);
    if (at > start && at < t.size()) open_sentence(at);
  }
  split_list_items(t.size());
  out.push_back(t.size());

  // A sentence needs a letter or a digit: punctuation alone (". . .", "!") joins the sentence
  // after it, or the one before it at the end of the paragraph.
  for (std::size_t k = 0; k + 1 < out.size() && out.size() > 2;) {
    if (HasAlnum(t, out[k], out[k + 1])) {
      ++k;
    } else if (k + 2 < out.size()) {
      out.erase(out.begin() + static_cast<std::ptrdiff_t>(k + 1));
    } else {
      out.erase(out.begin() + static_cast<std::ptrdiff_t>(k));
      break;
    }
  }
  return out;
}

}  // namespace tandem::internal
