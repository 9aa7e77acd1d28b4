#include "tandem/util/utf8.h"

namespace tandem::internal {

void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

void TrimSpaces(std::string_view text, std::size_t* begin, std::size_t* end) {
  std::size_t b = *begin;
  std::size_t e = *end;
  while (b < e) {
    std::size_t length = 0;
    if (!IsSpace(DecodeAt(text, b, &length))) break;
    b += length;
  }
  while (e > b) {
    const std::size_t start = PreviousStart(text, e);
    std::size_t length = 0;
    if (!IsSpace(DecodeAt(text, start, &length))) break;
    e = start;
  }
  *begin = b;
  *end = e;
}

}  // namespace tandem::internal
