// Internal (not installed): the UTF-8 helpers every layer shares, for code that walks byte
// offsets of UTF-8 text. Validation of untrusted bytes is core/text_io.h's business; these
// functions assume text that was checked, and stay inside the string when it was not.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tandem::internal {

// True for the bytes 0x80-0xBF, which continue a code point and never start one.
constexpr bool IsContinuationByte(char byte) {
  return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}

// Decodes the code point at `pos` of UTF-8 `text` and returns it; `length` receives the number
// of bytes it takes. A sequence cut short by the end of `text` reads the missing bytes as zero
// bits (no read past the end).
inline char32_t DecodeAt(std::string_view text, std::size_t pos, std::size_t* length) {
  const auto c = static_cast<unsigned char>(text[pos]);
  auto cont = [&](std::size_t i) {
    return pos + i < text.size()
               ? static_cast<char32_t>(static_cast<unsigned char>(text[pos + i]) & 0x3F)
               : char32_t{0};
  };
  if (c < 0x80) {
    *length = 1;
    return c;
  }
  if (c < 0xE0) {
    *length = 2;
    return (static_cast<char32_t>(c & 0x1F) << 6) | cont(1);
  }
  if (c < 0xF0) {
    *length = 3;
    return (static_cast<char32_t>(c & 0x0F) << 12) | (cont(1) << 6) | cont(2);
  }
  *length = 4;
  return (static_cast<char32_t>(c & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3);
}

// The number of bytes of the code point whose valid UTF-8 starts with `lead`.
inline std::size_t SequenceLength(unsigned char lead) {
  return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

// The start of the code point that ends just before `pos`.
inline std::size_t PreviousStart(std::string_view text, std::size_t pos) {
  std::size_t i = pos;
  while (i > 0) {
    --i;
    if (!IsContinuationByte(text[i])) break;
  }
  return i;
}

// `pos` moved back to the start of the code point it falls in (`pos` itself when it is a
// boundary, `text.size()` included), but not below `floor`: where to cut text at most `pos`
// bytes long without cutting a character in half.
inline std::size_t BoundaryAtOrBefore(std::string_view text, std::size_t pos,
                                      std::size_t floor = 0) {
  while (pos > floor && pos < text.size() && IsContinuationByte(text[pos])) --pos;
  return pos;
}

// True when `pos` is a code point boundary of `text` (the end included).
inline bool IsBoundary(std::string_view text, std::size_t pos) {
  return pos >= text.size() || !IsContinuationByte(text[pos]);
}

// The number of code points of UTF-8 `text`.
inline std::size_t CountCodePoints(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) count += IsContinuationByte(c) ? 0 : 1;
  return count;
}

// The first `count` code points of UTF-8 `text` (all of it when it has fewer).
inline std::string_view CodePointPrefix(std::string_view text, std::size_t count) {
  std::size_t k = 0;
  for (std::size_t seen = 0; k < text.size(); ++k) {
    if (!IsContinuationByte(text[k])) {
      if (seen == count) break;
      ++seen;
    }
  }
  return text.substr(0, k);
}

// Appends code point `c` to `out` as UTF-8.
void AppendUtf8(char32_t c, std::string* out);

// Unicode White_Space (which includes the no-break spaces), plus U+FEFF. The property is
// stable (Unicode never adds to it), so it is spelled out here: the segmenter asks it of every
// character, and a call into ICU for each non-ASCII one cost a tenth of its time.
inline bool IsSpace(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  if (c < 0x1680) return c == 0x85 || c == 0xA0;
  return c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
         c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

// Whether the code point of valid UTF-8 `text` at `pos` is white space (IsSpace), decoding it
// only when its first byte can start one: the scanners ask this of every character.
inline bool SpaceAt(std::string_view text, std::size_t pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) return lead == ' ' || (lead >= '\t' && lead <= '\r');
  if (lead != 0xC2 && lead != 0xE1 && lead != 0xE2 && lead != 0xE3 && lead != 0xEF) return false;
  std::size_t length = 0;
  return IsSpace(DecodeAt(text, pos, &length));
}

// [begin, end) of `text` without the whitespace at either end (as offsets into `text`).
void TrimSpaces(std::string_view text, std::size_t* begin, std::size_t* end);

}  // namespace tandem::internal
