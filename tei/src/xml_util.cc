#include "xml_util.h"

#include <charconv>
#include <ostream>

#include <fmt/format.h>

#include "tandem/core/text_io.h"
#include "tandem/util/utf8.h"

namespace tandem::tei::internal {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
constexpr std::size_t kFlushSize = 1u << 20;
constexpr std::size_t kMaxWarnings = 10;

// The length of a forbidden character at `i` (1 or 3 bytes), or 0 when the character is fine.
std::size_t ForbiddenAt(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x20) return (c == '\t' || c == '\n' || c == '\r') ? 0 : 1;
  if (c == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBF &&
      (static_cast<unsigned char>(text[i + 2]) & 0xFE) == 0xBE) {
    return 3;
  }
  return 0;
}

unsigned CodeOf(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x20) return c;
  return static_cast<unsigned char>(text[i + 2]) == 0xBE ? 0xFFFE : 0xFFFF;
}

bool IsDigits(std::string_view text, std::size_t pos, std::size_t count) {
  if (pos + count > text.size()) return false;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

}  // namespace

XmlOut::XmlOut(std::ostream& out) : out_(out) { buffer_.reserve(kFlushSize + 4096); }

void XmlOut::MaybeFlush() {
  if (buffer_.size() >= kFlushSize) {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }
}

XmlOut& XmlOut::Raw(std::string_view text) {
  buffer_ += text;
  MaybeFlush();
  return *this;
}

XmlOut& XmlOut::Text(std::string_view text) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const char* escape = nullptr;
    switch (c) {
      case '&':
        escape = "&amp;";
        break;
      case '<':
        escape = "&lt;";
        break;
      case '>':
        escape = "&gt;";
        break;
      case '\r':
        escape = "&#13;";
        break;
      default:
        continue;
    }
    buffer_.append(text.data() + start, i - start);
    buffer_ += escape;
    start = i + 1;
  }
  buffer_.append(text.data() + start, text.size() - start);
  MaybeFlush();
  return *this;
}

XmlOut& XmlOut::AttrValue(std::string_view value) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    const char* escape = nullptr;
    switch (c) {
      case '&':
        escape = "&amp;";
        break;
      case '<':
        escape = "&lt;";
        break;
      case '>':
        escape = "&gt;";
        break;
      case '"':
        escape = "&quot;";
        break;
      case '\t':
        escape = "&#9;";
        break;
      case '\n':
        escape = "&#10;";
        break;
      case '\r':
        escape = "&#13;";
        break;
      default:
        continue;
    }
    buffer_.append(value.data() + start, i - start);
    buffer_ += escape;
    start = i + 1;
  }
  buffer_.append(value.data() + start, value.size() - start);
  return *this;
}

XmlOut& XmlOut::Attr(std::string_view name, std::string_view value) {
  buffer_ += ' ';
  buffer_ += name;
  buffer_ += "=\"";
  AttrValue(value);
  buffer_ += '"';
  return *this;
}

XmlOut& XmlOut::Line(int depth) {
  buffer_ += '\n';
  buffer_.append(static_cast<std::size_t>(2 * depth), ' ');
  return *this;
}

XmlOut& XmlOut::Element(int depth, std::string_view name, std::string_view text) {
  Line(depth);
  buffer_ += '<';
  buffer_ += name;
  buffer_ += '>';
  Text(text);
  buffer_ += "</";
  buffer_ += name;
  buffer_ += '>';
  return *this;
}

Status XmlOut::Finish() {
  out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  buffer_.clear();
  out_.flush();
  if (!out_) return IoError("write error while writing XML");
  return Status::Ok();
}

bool IsXmlSafe(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (ForbiddenAt(text, i) > 0) return false;
  }
  return true;
}

std::string XmlSafe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::size_t bad = ForbiddenAt(text, i);
    if (bad > 0) {
      out += kReplacement;
      i += bad - 1;
    } else {
      out += text[i];
    }
  }
  return out;
}

Sanitizer::~Sanitizer() {
  if (count_ > kMaxWarnings && warn_) {
    warn_(fmt::format("{}: {} more characters that XML cannot hold were written as U+FFFD",
                      doc_.name, count_ - kMaxWarnings));
  }
}

std::string_view Sanitizer::Safe(std::string_view text, std::size_t offset, std::string& storage) {
  if (IsXmlSafe(text)) return text;
  storage.clear();
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::size_t bad = ForbiddenAt(text, i);
    if (bad == 0) {
      storage += text[i];
      continue;
    }
    ++count_;
    if (count_ <= kMaxWarnings && warn_) {
      warn_(fmt::format("{}: character U+{:04X} cannot be written in XML; written as U+FFFD",
                        DescribePosition(doc_.name, doc_.text, offset + i), CodeOf(text, i)));
    }
    storage += kReplacement;
    i += bad - 1;
  }
  return storage;
}

std::string SafeField(std::string_view text, std::string_view what,
                      const corpora::WarningCallback& warn) {
  if (IsXmlSafe(text)) return std::string(text);
  if (warn) {
    warn(fmt::format("{}: characters that XML cannot hold were written as U+FFFD", what));
  }
  return XmlSafe(text);
}

namespace {

// XML 1.0 (fifth edition) NameStartChar, without ':'.
bool IsNameStart(char32_t c) {
  return (c >= 'A' && c <= 'Z') || c == '_' || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0xD6) ||
         (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF) || (c >= 0x370 && c <= 0x37D) ||
         (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D) ||
         (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) ||
         (c >= 0x3001 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) ||
         (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
}

bool IsNameChar(char32_t c) {
  return IsNameStart(c) || c == '-' || c == '.' || (c >= '0' && c <= '9') || c == 0xB7 ||
         (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040);
}

}  // namespace

bool IsNcName(std::string_view text) {
  if (text.empty()) return false;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = 1;
    const char32_t c = tandem::internal::DecodeAt(text, i, &length);
    if (i == 0 ? !IsNameStart(c) : !IsNameChar(c)) return false;
    i += length;
  }
  return true;
}

bool IsIsoDateOrTime(std::string_view t) {
  // Year (four digits), then optionally -MM, -DD, Thh:mm:ss(.fff)(zone), each in range.
  auto number = [&](std::size_t pos, std::size_t count, int low, int high) {
    if (!IsDigits(t, pos, count)) return false;
    int value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) value = value * 10 + (t[i] - '0');
    return value >= low && value <= high;
  };
  if (!IsDigits(t, 0, 4)) return false;
  std::size_t i = 4;
  if (i == t.size()) return true;
  if (t[i] != '-' || !number(i + 1, 2, 1, 12)) return false;
  i += 3;
  if (i == t.size()) return true;
  if (t[i] != '-' || !number(i + 1, 2, 1, 31)) return false;
  i += 3;
  if (i == t.size()) return true;
  if (t[i] != 'T' || !number(i + 1, 2, 0, 24) || i + 3 >= t.size() || t[i + 3] != ':' ||
      !number(i + 4, 2, 0, 59) || i + 6 >= t.size() || t[i + 6] != ':' ||
      !number(i + 7, 2, 0, 60)) {
    return false;
  }
  i += 9;
  if (i < t.size() && t[i] == '.') {
    ++i;
    const std::size_t digits = i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    if (i == digits) return false;
  }
  if (i == t.size()) return true;
  if (t[i] == 'Z') return i + 1 == t.size();
  if ((t[i] == '+' || t[i] == '-') && number(i + 1, 2, 0, 14) && i + 3 < t.size() &&
      t[i + 3] == ':' && number(i + 4, 2, 0, 59)) {
    return i + 6 == t.size();
  }
  return false;
}

std::string FormatDouble(double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

bool ParseDouble(std::string_view text, double* value) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\n' ||
                           text.front() == '\r')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n' ||
                           text.back() == '\r')) {
    text.remove_suffix(1);
  }
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty()) return false;
  const auto result = std::from_chars(text.data(), text.data() + text.size(), *value);
  return result.ec == std::errc() && result.ptr == text.data() + text.size();
}

std::string EscapeUriPath(std::string_view path) {
  std::string out;
  for (const char c : path) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || c == '%' || c == '#' || c == '?' || c == '"' || c == '<' || c == '>' ||
        c == '\\' || c == '^' || c == '`' || c == '{' || c == '|' || c == '}' || u == 0x7F) {
      out += fmt::format("%{:02X}", u);
    } else {
      out += c;
    }
  }
  return out;
}

std::string UnescapeUriPath(std::string_view uri) {
  std::string out;
  for (std::size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size()) {
      unsigned value = 0;
      const auto result = std::from_chars(uri.data() + i + 1, uri.data() + i + 3, value, 16);
      if (result.ec == std::errc() && result.ptr == uri.data() + i + 3) {
        out += static_cast<char>(value);
        i += 2;
        continue;
      }
    }
    out += uri[i];
  }
  return out;
}

}  // namespace tandem::tei::internal
