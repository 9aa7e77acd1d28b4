// Private helpers of the readers and writers of pair formats (JSON Lines, Moses, TSV, hunalign,
// LF Aligner): building the documents of what was read, and lines of text.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "tandem/core/status.h"
#include "tandem/corpora/bitext.h"
#include "tandem/corpora/document_builder.h"

namespace tandem::corpora::internal {

// One side of a pair file, rebuilt.
class PairDocument {
 public:
  PairDocument(std::string name, std::string language)
      : name_(name), builder_(std::move(name), std::move(language)) {}

  DocumentBuilder& builder() { return builder_; }

  // A sentence that is a paragraph of its own (one line of a line-based format).
  void AddLine(std::string_view text) {
    builder_.StartParagraph();
    builder_.AddSentence(text);
  }

  // The document. Its name is the file it was read from when its text is a layout of that
  // file's sentences; when the format kept byte spans into the original text (JSON Lines),
  // that original is unknown and the name is empty.
  StatusOr<Document> Finish(const WarningCallback& warn, bool keep_name) {
    TANDEM_ASSIGN_OR_RETURN(Document doc, builder_.Finish(warn));
    if (!keep_name && !doc.synthetic) doc.name.clear();
    return doc;
  }

 private:
  std::string name_;
  DocumentBuilder builder_;
};

// `text` on one line: line breaks (LF, CR LF, CR) and, with `tabs`, tab characters become
// spaces. Counts what it replaced in `*replaced`.
std::string FlattenLine(std::string_view text, bool tabs, std::size_t* replaced);

// Calls `line(text, number)` for every line of `text` (LF or CR LF ends, 1-based numbers; a
// final line without a line feed counts; a final empty line does not).
Status ForEachLine(std::string_view text,
                   const std::function<Status(std::string_view, std::size_t)>& line);

// Joins the sentences [begin, begin + count) of `doc` with `separator`, each flattened.
std::string JoinSentences(const Document& doc, std::size_t begin, std::size_t count,
                          std::string_view separator, bool tabs, std::size_t* replaced);

// One warning for flattened sentences, when there were any.
void WarnFlattened(const WarningCallback& warn, std::string_view format, std::size_t replaced);

// Splits `text` at `separator`.
std::vector<std::string_view> Split(std::string_view text, std::string_view separator);

// Parses a confidence; values outside [0, 1] (hunalign's scores) are clamped, counted in
// `*clamped`. False when it is not a number.
bool ParseConfidence(std::string_view text, double* value, std::size_t* clamped);

// One bead as a line-based format holds it.
struct Row {
  std::vector<std::string> source;  // the sentences of each side
  std::vector<std::string> target;
  double confidence = 1.0;
  std::size_t line = 0;
};

// The bitext of rows read from files named `source_name` and `target_name` (the same file for
// one-file formats): every sentence a paragraph of its own, one bead per row. Rows empty on
// both sides are skipped.
StatusOr<Bitext> BitextFromRows(std::vector<Row> rows, const std::string& source_name,
                                const std::string& target_name, const std::string& source_language,
                                const std::string& target_language, const WarningCallback& warn);

// `text` with &, <, > and " escaped, for HTML and XML text and attribute values.
std::string EscapeMarkup(std::string_view text);

}  // namespace tandem::corpora::internal
