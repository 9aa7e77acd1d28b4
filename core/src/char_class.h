// Private: the character classes the segmenter's rules use, from ICU's character properties.
#pragma once

namespace tandem::internal {

bool IsUpper(char32_t c);   // an upper-case or title-case letter
bool IsLower(char32_t c);   // a lower-case letter
bool IsDigit(char32_t c);   // a decimal digit of any script
bool IsLetter(char32_t c);  // any letter
bool IsAlnum(char32_t c);   // a letter or a digit
bool IsDash(char32_t c);    // dash punctuation: - – — ...

// Quotes and brackets that open or close: ASCII quotes count as both.
bool IsOpening(char32_t c);
bool IsClosing(char32_t c);

// A quotation mark of any script (Unicode's Quotation_Mark: " ' “ ” „ « » ‹ › ...).
bool IsQuotationMark(char32_t c);

// "!", "?" and the other sentence terminators of Unicode except the period.
bool IsStrongTerminator(char32_t c);

// List bullets: • ‣ ⁃ ◦ ▪ ● ■ ► ...
bool IsBullet(char32_t c);

}  // namespace tandem::internal
