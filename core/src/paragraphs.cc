#include "paragraphs.h"

#include <algorithm>

#include "char_class.h"
#include "tandem/util/utf8.h"

namespace tandem::internal {
namespace {

struct Line {
  std::size_t begin = 0;  // trimmed content
  std::size_t end = 0;
  std::size_t indent = 0;  // whitespace characters before the content
  std::size_t width = 0;   // code points of the content
  bool blank() const { return begin == end; }
};

std::size_t CountCodePoints(std::string_view text, std::size_t begin, std::size_t end) {
  return tandem::internal::CountCodePoints(text.substr(begin, end - begin));
}

// Splits [from, text.size()) into lines at "\n", "\r\n" and lone "\r", trimming each.
std::vector<Line> SplitLines(std::string_view text, std::size_t from) {
  std::vector<Line> lines;
  std::size_t start = from;
  const std::size_t n = text.size();
  while (start < n) {
    std::size_t stop = start;
    while (stop < n && text[stop] != '\n' && text[stop] != '\r') ++stop;
    Line line{start, stop, 0, 0};
    TrimSpaces(text, &line.begin, &line.end);
    if (!line.blank()) {
      line.indent = CountCodePoints(text, start, line.begin);
      line.width = CountCodePoints(text, line.begin, line.end);
    }
    lines.push_back(line);
    if (stop < n && text[stop] == '\r' && stop + 1 < n && text[stop + 1] == '\n') ++stop;
    start = stop + 1;
  }
  return lines;
}

// The last code point of the line before any closing quotes and brackets.
char32_t LastBeforeClosers(std::string_view text, const Line& line) {
  std::size_t end = line.end;
  while (end > line.begin) {
    const std::size_t start = PreviousStart(text, end);
    std::size_t length = 0;
    const char32_t c = DecodeAt(text, start, &length);
    if (!IsClosing(c)) return c;
    end = start;
  }
  return 0;
}

// The line ends like a sentence or a clause: . ! ? … : ; (before closing quotes and brackets).
bool EndsWithPunctuation(std::string_view text, const Line& line) {
  const char32_t c = LastBeforeClosers(text, line);
  return c == '.' || c == 0x2026 || c == ':' || c == ';' || IsStrongTerminator(c);
}

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }

// Whether the line starts with a list marker followed by a space: a bullet, "-", "*", "+",
// "1.", "12)", "3.)", "(4)", "(b)", "a.", "b)", "C)".
bool StartsWithListMarker(std::string_view text, const Line& line, const ParagraphStyle& style) {
  const std::string_view s = text.substr(line.begin, line.end - line.begin);
  auto space_at = [&](std::size_t i) {
    if (i >= s.size()) return false;
    std::size_t length = 0;
    return IsSpace(DecodeAt(s, i, &length));
  };
  std::size_t length = 0;
  const char32_t first = DecodeAt(s, 0, &length);
  if (IsBullet(first)) return true;
  if (first == '*' || first == '+') return space_at(1);
  if (first == '-' || first == 0x2013 || first == 0x2014) {
    return !style.dialogue_dash && space_at(length);
  }
  // A numbered or lettered marker is the first token: "1.", "12)", "3.)", "(4)", "(b)", "a.",
  // "b)", "C)".
  std::size_t token_end = 0;
  while (token_end < s.size() && !space_at(token_end)) ++token_end;
  if (token_end == s.size()) return false;  // a marker needs text after it
  const std::string_view token = s.substr(0, token_end);
  const auto digits = [](std::string_view d) {
    return !d.empty() && d.size() <= 3 && std::all_of(d.begin(), d.end(), IsAsciiDigit);
  };
  const auto letter = [](std::string_view l) {
    return l.size() == 1 && (IsAsciiLower(l[0]) || IsAsciiUpper(l[0]));
  };
  if (token.size() >= 3 && token.front() == '(' && token.back() == ')') {
    const std::string_view inner = token.substr(1, token.size() - 2);
    return digits(inner) || letter(inner);
  }
  for (const std::string_view end : {".)", ".", ")"}) {
    if (token.size() > end.size() && token.ends_with(end)) {
      const std::string_view body = token.substr(0, token.size() - end.size());
      if (digits(body)) return true;
      // "a." and "b)" are markers, "C)" too; "C." is more often an initial.
      return letter(body) && (end == ")" || IsAsciiLower(body[0]));
    }
  }
  return false;
}

// A heading: one short line that starts with a capital letter or a digit (after opening
// brackets or quotes) and does not end in punctuation: "Reply to Stalin", "(December 1928)",
// "CHAPTER IV", "2. Methods".
bool LooksLikeHeading(std::string_view text, const Line& line) {
  constexpr std::size_t kMaxHeadingWidth = 100;
  if (line.blank() || line.width > kMaxHeadingWidth) return false;
  const char32_t last = LastBeforeClosers(text, line);
  if (last == ',' || last == 0x2013 || last == 0x2014 || last == '-' ||
      EndsWithPunctuation(text, line)) {
    return false;
  }
  for (std::size_t i = line.begin; i < line.end;) {
    std::size_t length = 0;
    const char32_t c = DecodeAt(text, i, &length);
    if (IsOpening(c)) {
      i += length;
      continue;
    }
    return IsUpper(c) || IsDigit(c);
  }
  return false;
}

ParagraphKind KindOf(std::string_view text, const Line& first, bool single_line,
                     const ParagraphStyle& style) {
  if (StartsWithListMarker(text, first, style)) return ParagraphKind::kListItem;
  if (single_line && LooksLikeHeading(text, first)) return ParagraphKind::kHeading;
  return ParagraphKind::kText;
}

// Whether the lines [first, last) of a block (non-blank lines between blank lines) are one or
// more hard-wrapped paragraphs. Wrapped lines fill a column: the lines before the last are
// of about the same width, at most kMaxWrapWidth, and most of them stop in mid-sentence. Files
// with one paragraph per line have lines of very different widths, most of them long.
bool LooksHardWrapped(std::string_view text, const std::vector<Line>& lines, std::size_t first,
                      std::size_t last) {
  constexpr std::size_t kMaxWrapWidth = 120;
  constexpr std::size_t kMinWrappedWidth = 30;
  if (last - first < 2) return false;
  std::size_t width = 0;
  for (std::size_t i = first; i + 1 < last; ++i) width = std::max(width, lines[i].width);
  if (width > kMaxWrapWidth || lines[last - 1].width > width + width / 5 + 5) return false;
  const std::size_t full = std::max(kMinWrappedWidth, width * 6 / 10);
  std::size_t wrapped = 0;
  for (std::size_t i = first; i + 1 < last; ++i) {
    if (lines[i].width >= full && !EndsWithPunctuation(text, lines[i])) ++wrapped;
  }
  return 2 * wrapped >= last - 1 - first;
}

// Splits a hard-wrapped block into paragraphs: a list item, a short heading line, an indented
// line after a sentence end, and the line after a short line that ends a sentence each start a
// new paragraph.
void JoinWrapped(std::string_view text, const std::vector<Line>& lines, std::size_t first,
                 std::size_t last, const ParagraphStyle& style, std::size_t block,
                 std::vector<ParagraphUnit>* out) {
  std::size_t width = 0;
  for (std::size_t i = first; i + 1 < last; ++i) width = std::max(width, lines[i].width);
  auto emit = [&](std::size_t a, std::size_t b) {
    out->push_back({{lines[a].begin, lines[b - 1].end},
                    b - a > 1,
                    KindOf(text, lines[a], b - a == 1, style),
                    block});
  };
  std::size_t start = first;
  for (std::size_t k = first + 1; k < last; ++k) {
    const Line& previous = lines[k - 1];
    const bool ended = EndsWithPunctuation(text, previous);
    const bool breaks =
        StartsWithListMarker(text, lines[k], style) ||
        (k - 1 == start && previous.width * 2 < width && LooksLikeHeading(text, previous)) ||
        (ended && (previous.width * 10 < width * 6 || lines[k].indent > previous.indent));
    if (breaks) {
      emit(start, k);
      start = k;
    }
  }
  emit(start, last);
}

}  // namespace

std::vector<ParagraphUnit> FindParagraphs(std::string_view text, std::size_t from,
                                          ParagraphMode mode, const ParagraphStyle& style) {
  const std::vector<Line> lines = SplitLines(text, from);
  std::vector<ParagraphUnit> out;
  std::size_t block = 0;
  std::size_t i = 0;
  while (i < lines.size()) {
    if (lines[i].blank()) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < lines.size() && !lines[j].blank()) ++j;
    if (mode == ParagraphMode::kBlankLines) {
      out.push_back({{lines[i].begin, lines[j - 1].end},
                     j - i > 1,
                     KindOf(text, lines[i], j - i == 1, style),
                     block});
    } else if (mode == ParagraphMode::kAuto && LooksHardWrapped(text, lines, i, j)) {
      JoinWrapped(text, lines, i, j, style, block, &out);
    } else {
      for (std::size_t k = i; k < j; ++k) {
        out.push_back(
            {{lines[k].begin, lines[k].end}, false, KindOf(text, lines[k], true, style), block});
      }
    }
    ++block;
    i = j;
  }
  return out;
}

std::vector<PresegmentedParagraph> FindPresegmentedParagraphs(std::string_view text,
                                                              std::size_t from) {
  const std::vector<Line> lines = SplitLines(text, from);
  std::vector<PresegmentedParagraph> out;
  bool open = false;
  for (const Line& line : lines) {
    if (line.blank()) {
      open = false;
      continue;
    }
    if (!open) out.push_back({{line.begin, line.end}, {}});
    open = true;
    out.back().span.end = line.end;
    out.back().lines.push_back({line.begin, line.end});
  }
  return out;
}

}  // namespace tandem::internal
