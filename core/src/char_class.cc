#include "char_class.h"

#include <unicode/uchar.h>

namespace tandem::internal {
namespace {

UCharCategory Category(char32_t c) {
  return static_cast<UCharCategory>(u_charType(static_cast<UChar32>(c)));
}

// Fast answers for the letters of the Latin-1 Supplement, Latin Extended-A and -B and basic
// Cyrillic, which make up most non-ASCII text of the European languages: they are letters,
// never spaces, dashes, quotes, brackets or terminators. Asking ICU for each of them cost the
// segmenter a tenth of its time.
bool IsCommonLetter(char32_t c) {
  return (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x400 && c <= 0x481) ||
         (c >= 0x48A && c <= 0x52F);
}

// The case of Latin-1 letters and of the basic Cyrillic alphabet (А-я, Ѐ-Џ, ѐ-џ); 0 elsewhere.
// Latin-1's ß and ÿ are lower case and have no capital there.
int CommonCase(char32_t c) {
  if (c >= 0xC0 && c <= 0xDE) return c == 0xD7 ? 0 : 1;
  if (c >= 0xDF && c <= 0xFF) return c == 0xF7 ? 0 : -1;
  if (c >= 0x400 && c <= 0x42F) return 1;
  if (c >= 0x430 && c <= 0x45F) return -1;
  return 0;
}

}  // namespace

bool IsUpperBeyondAscii(char32_t c) {
  if (const int known = CommonCase(c); known != 0) return known > 0;
  return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}

bool IsLowerBeyondAscii(char32_t c) {
  if (const int known = CommonCase(c); known != 0) return known < 0;
  return u_islower(static_cast<UChar32>(c));
}

bool IsDigitBeyondAscii(char32_t c) {
  if (IsCommonLetter(c)) return false;
  return u_isdigit(static_cast<UChar32>(c));
}

bool IsLetterBeyondAscii(char32_t c) {
  if (IsCommonLetter(c)) return true;
  return u_isalpha(static_cast<UChar32>(c));
}

bool IsDashBeyondAscii(char32_t c) {
  if (IsCommonLetter(c)) return false;
  return Category(c) == U_DASH_PUNCTUATION;
}

bool IsOpeningBeyondAscii(char32_t c) {
  if (IsCommonLetter(c)) return false;
  const UCharCategory type = Category(c);
  // » and › open quotations in German and Danish typography.
  return type == U_START_PUNCTUATION || type == U_INITIAL_PUNCTUATION || c == 0x00BB || c == 0x203A;
}

bool IsQuotationMarkBeyondAscii(char32_t c) {
  if (IsCommonLetter(c)) return false;
  return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_QUOTATION_MARK) != 0;
}

bool IsClosingBeyondAscii(char32_t c) {
  if (IsCommonLetter(c)) return false;
  const UCharCategory type = Category(c);
  // «, ‹ close quotations in German and Danish typography, “ and ‘ in German and Hungarian
  // („...“), so they close as well as open.
  return type == U_END_PUNCTUATION || type == U_FINAL_PUNCTUATION || c == 0x00AB || c == 0x2039 ||
         c == 0x201C || c == 0x2018;
}

bool IsStrongTerminatorBeyondAscii(char32_t c) {
  if (IsCommonLetter(c)) return false;
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
