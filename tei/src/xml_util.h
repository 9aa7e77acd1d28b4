// Private helpers for writing XML: a buffered writer with escaping, the replacement of
// characters XML 1.0 cannot hold (with warnings that name file and position), and checks of
// the lexical forms that typed XML attributes require.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>

#include "tandem/core/document.h"
#include "tandem/core/status.h"
#include "tandem/corpora/bitext.h"

namespace tandem::tei::internal {

// Writes XML to a stream through a buffer of about a megabyte. Escaping follows what a parser
// needs to give the exact text back: in text `&`, `<`, `>` and carriage returns (as `&#13;`,
// which parsers would otherwise turn into line feeds); in attribute values also `"`, tab, line
// feed and carriage return (which attribute-value normalisation would turn into spaces).
class XmlOut {
 public:
  explicit XmlOut(std::ostream& out);
  XmlOut(const XmlOut&) = delete;
  XmlOut& operator=(const XmlOut&) = delete;

  XmlOut& Raw(std::string_view text);
  XmlOut& Text(std::string_view text);
  XmlOut& AttrValue(std::string_view value);
  // ` name="value"`.
  XmlOut& Attr(std::string_view name, std::string_view value);
  // A line break and `depth` levels of two-space indentation.
  XmlOut& Line(int depth);
  // `<name>text</name>` on a line of its own at `depth`.
  XmlOut& Element(int depth, std::string_view name, std::string_view text);
  // Flushes the buffer; fails when the stream failed at any point.
  Status Finish();

 private:
  void MaybeFlush();
  std::ostream& out_;
  std::string buffer_;
};

// True when `text` holds no character that XML 1.0 forbids (C0 controls other than tab, line
// feed and carriage return; U+FFFE; U+FFFF). `text` is UTF-8.
bool IsXmlSafe(std::string_view text);

// `text` with every forbidden character replaced by U+FFFD.
std::string XmlSafe(std::string_view text);

// Makes the texts of one document safe for XML and warns about each replacement, naming the
// document and the line and column of the character in it (at most 10 warnings per document,
// then one that counts the rest).
class Sanitizer {
 public:
  Sanitizer(const Document& doc, const corpora::WarningCallback& warn) : doc_(doc), warn_(warn) {}
  Sanitizer(const Sanitizer&) = delete;
  Sanitizer& operator=(const Sanitizer&) = delete;
  ~Sanitizer();

  // `text` (which starts at byte `offset` of the document's text) made safe; a view of `text`
  // itself when nothing had to change, else of `storage`.
  std::string_view Safe(std::string_view text, std::size_t offset, std::string& storage);

 private:
  const Document& doc_;
  const corpora::WarningCallback& warn_;
  std::size_t count_ = 0;
};

// Metadata (titles, names, notes) made safe, warning about replacements in `what`.
std::string SafeField(std::string_view text, std::string_view what,
                      const corpora::WarningCallback& warn);

// True when `text` (valid UTF-8) can be an xml:id: an XML 1.0 name without ':' (an NCName).
bool IsNcName(std::string_view text);

// True for the lexical forms of xsd:date / xsd:dateTime / xsd:gYear(Month) that TEI's @when
// accepts: "1928", "1928-12", "1928-12-16", "2026-01-02T03:04:05Z" (seconds may have a
// fraction, the zone may be Z or +hh:mm, or absent).
bool IsIsoDateOrTime(std::string_view text);

// Shortest decimal form of `value` that reads back as the same double ("0.75", "1", "0.9876").
std::string FormatDouble(double value);

// Parses what FormatDouble writes (and any xsd:double); false on anything else.
bool ParseDouble(std::string_view text, double* value);

// Percent-escapes characters that may not appear in a URI reference (spaces, '%', '#', ...).
std::string EscapeUriPath(std::string_view path);
// The inverse (invalid escapes stay as they are).
std::string UnescapeUriPath(std::string_view uri);

}  // namespace tandem::tei::internal
