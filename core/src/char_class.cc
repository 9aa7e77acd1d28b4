#include "char_class.h"

#include <unicode/uchar.h>

namespace tandem::internal {
namespace {

UCharCategory Category(char32_t c) {
  return static_cast<UCharCategory>(u_charType(static_cast<UChar32>(c)));
}

}  // namespace

bool IsUpper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}

bool IsLower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return u_islower(static_cast<UChar32>(c));
}

bool IsDigit(char32_t c) {
  if (c < 0x80) return c >= '0' && c <= '9';
  return u_isdigit(static_cast<UChar32>(c));
}

bool IsLetter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return u_isalpha(static_cast<UChar32>(c));
}

bool IsAlnum(char32_t c) { return IsLetter(c) || IsDigit(c); }

bool IsDash(char32_t c) {
  if (c < 0x80) return c == '-';
  return Category(c) == U_DASH_PUNCTUATION;
}

bool IsOpening(char32_t c) {
  if (c < 0x80) return c == '"' || c == '\'' || c == '(' || c == '[' || c == '{';
  const UCharCategory type = Category(c);
  // » and › open quotations in German and Danish typography.
  return type == U_START_PUNCTUATION || type == U_INITIAL_PUNCTUATION || c == 0x00BB || c == 0x203A;
}

bool IsQuotationMark(char32_t c) {
  if (c < 0x80) return c == '"' || c == '\'';
  return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_QUOTATION_MARK) != 0;
}

bool IsClosing(char32_t c) {
  if (c < 0x80) return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}';
  const UCharCategory type = Category(c);
  // «, ‹ close quotations in German and Danish typography, “ and ‘ in German and Hungarian
  // („...“), so they close as well as open.
  return type == U_END_PUNCTUATION || type == U_FINAL_PUNCTUATION || c == 0x00AB || c == 0x2039 ||
         c == 0x201C || c == 0x2018;
}

bool IsStrongTerminator(char32_t c) {
  if (c < 0x80) return c == '!' || c == '?';
  return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_S_TERM) && c != 0xFF0E && c != 0x2024 &&
         c != 0xFE52;
}

bool IsBullet(char32_t c) {
  switch (c) {
    case 0x2022:  // •
    case 0x2023:  // ‣
    case 0x2043:  // ⁃
    case 0x2219:  // ∙
    case 0x25A0:  // ■
    case 0x25A1:  // □
    case 0x25AA:  // ▪
    case 0x25AB:  // ▫
    case 0x25B8:  // ▸
    case 0x25BA:  // ►
    case 0x25CB:  // ○
    case 0x25CF:  // ●
    case 0x25E6:  // ◦
    case 0x2713:  // ✓
    case 0x2714:  // ✔
    case 0x27A2:  // ➢
      return true;
    default:
      return false;
  }
}

}  // namespace tandem::internal
