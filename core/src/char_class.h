// Private: the character classes the segmenter's rules use, from ICU's character properties.
// The rules ask them of most characters, so the ASCII answers are inline; the rest is in
// char_class.cc (fast answers for common letters, ICU for everything else).
#pragma once

namespace tandem::internal {

bool IsUpperBeyondAscii(char32_t c);
bool IsLowerBeyondAscii(char32_t c);
bool IsDigitBeyondAscii(char32_t c);
bool IsLetterBeyondAscii(char32_t c);
bool IsDashBeyondAscii(char32_t c);
bool IsOpeningBeyondAscii(char32_t c);
bool IsClosingBeyondAscii(char32_t c);
bool IsQuotationMarkBeyondAscii(char32_t c);
bool IsStrongTerminatorBeyondAscii(char32_t c);

// An upper-case or title-case letter.
inline bool IsUpper(char32_t c) { return c < 0x80 ? c >= 'A' && c <= 'Z' : IsUpperBeyondAscii(c); }
// A lower-case letter.
inline bool IsLower(char32_t c) { return c < 0x80 ? c >= 'a' && c <= 'z' : IsLowerBeyondAscii(c); }
// A decimal digit of any script.
inline bool IsDigit(char32_t c) { return c < 0x80 ? c >= '0' && c <= '9' : IsDigitBeyondAscii(c); }
// Any letter.
inline bool IsLetter(char32_t c) {
  return c < 0x80 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') : IsLetterBeyondAscii(c);
}
// A letter or a digit.
inline bool IsAlnum(char32_t c) { return IsLetter(c) || IsDigit(c); }
// Dash punctuation: - – — ...
inline bool IsDash(char32_t c) { return c < 0x80 ? c == '-' : IsDashBeyondAscii(c); }

// Quotes and brackets that open or close: ASCII quotes count as both.
inline bool IsOpening(char32_t c) {
  return c < 0x80 ? c == '"' || c == '\'' || c == '(' || c == '[' || c == '{'
                  : IsOpeningBeyondAscii(c);
}
inline bool IsClosing(char32_t c) {
  return c < 0x80 ? c == '"' || c == '\'' || c == ')' || c == ']' || c == '}'
                  : IsClosingBeyondAscii(c);
}

// A quotation mark of any script (Unicode's Quotation_Mark: " ' “ ” „ « » ‹ › ...).
inline bool IsQuotationMark(char32_t c) {
  return c < 0x80 ? c == '"' || c == '\'' : IsQuotationMarkBeyondAscii(c);
}

// "!", "?" and the other sentence terminators of Unicode except the period.
inline bool IsStrongTerminator(char32_t c) {
  return c < 0x80 ? c == '!' || c == '?' : IsStrongTerminatorBeyondAscii(c);
}

// List bullets: • ‣ ⁃ ◦ ▪ ● ■ ► ...
bool IsBullet(char32_t c);

}  // namespace tandem::internal
