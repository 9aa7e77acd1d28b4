// Sentence segmentation: a decoded text becomes a Document of paragraphs and sentences.
//
//   TANDEM_ASSIGN_OR_RETURN(tandem::DecodedText in, tandem::ReadTextFile("en.txt"));
//   tandem::SegmentOptions options;
//   options.language = "en";
//   TANDEM_ASSIGN_OR_RETURN(tandem::Segmenter segmenter, tandem::Segmenter::Create(options));
//   TANDEM_ASSIGN_OR_RETURN(tandem::Document doc, segmenter.Segment(std::move(in), "en.txt"));
//
// The work happens in three separable stages:
//   1. paragraphs, from the line structure of the text (ParagraphMode): blank lines, one
//      paragraph per line, or hard-wrapped lines joined back; headings and list items stay
//      paragraphs of their own and are marked as such (Paragraph::kind);
//   2. candidate sentence boundaries inside each paragraph, from ICU's sentence BreakIterator
//      for the language;
//   3. language rules that keep or drop candidates, and add the few ICU cannot see: whole-word
//      abbreviations (which may or may not end a sentence), initials, ordinal numbers written
//      with a period, numbered references, ellipses, quotations, list items, dialogue dashes.
//      Everything language-specific in them is data: tandem's own rule files for the languages
//      SegmentationRuleLanguages() lists (compiled into the library), and default rules for
//      every other language ICU knows. Users add abbreviations with
//      SegmentOptions::abbreviation_files. docs/formats.md describes the rule files.
// Sentence spans never include the whitespace around a sentence (Unicode spaces, no-break
// spaces included), and every span is a byte range of the original text (see document.h).
//
// A Segmenter is immutable after Create() and may be used from several threads at once.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "tandem/core/document.h"
#include "tandem/core/status.h"
#include "tandem/core/text_io.h"

namespace tandem {

// How the line structure of a text becomes paragraphs.
enum class ParagraphMode {
  // Blocks separated by blank lines; inside a block, lines that look hard-wrapped (long lines
  // that stop in mid-sentence) are joined into one paragraph, other lines stay paragraphs of
  // their own. Right for both "one paragraph per line" and hard-wrapped files.
  kAuto,
  // Every block of lines between blank lines is one paragraph.
  kBlankLines,
  // Every non-blank line is one paragraph.
  kLines,
};

struct SegmentOptions {
  // BCP 47 language of the text ("en", "hu", ...): selects ICU's break rules and tandem's rules.
  std::string language = "en";
  // How paragraphs are found.
  ParagraphMode paragraphs = ParagraphMode::kAuto;
  // The input is already segmented: every non-blank line is one sentence and a blank line ends
  // a paragraph (the format of the public gold sets). `paragraphs` is then ignored.
  bool presegmented = false;
  // Files of abbreviations to add to the language's own (UTF-8, one per line, with the final
  // period; the full rule-file format of docs/formats.md is accepted too). Create() reads them
  // and reports a bad line as "file:line: ...".
  std::vector<std::string> abbreviation_files = {};
};

class Segmenter {
 public:
  // Fails with kInvalidArgument when ICU knows nothing about the language, and with the
  // reading or parsing error of an abbreviation file.
  static StatusOr<Segmenter> Create(const SegmentOptions& options);

  Segmenter(Segmenter&&) noexcept;
  Segmenter& operator=(Segmenter&&) noexcept;
  // Not copyable: it owns ICU's compiled break rules; share it by reference instead.
  Segmenter(const Segmenter&) = delete;
  Segmenter& operator=(const Segmenter&) = delete;
  ~Segmenter();

  const SegmentOptions& options() const;

  // Segments `input` (see text_io.h); `name` names the text in messages and in the document.
  StatusOr<Document> Segment(DecodedText input, std::string name) const;

 private:
  struct Impl;
  explicit Segmenter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The languages (BCP 47 primary subtags, sorted) that have segmentation rules of their own.
// Every other language ICU knows is segmented with the default rules.
std::vector<std::string> SegmentationRuleLanguages();

// Reads, decodes and segments a file in one call ("-" is standard input).
StatusOr<Document> SegmentFile(const std::string& path, const SegmentOptions& options,
                               const DecodeOptions& decode = {});

}  // namespace tandem
