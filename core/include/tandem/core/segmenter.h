// Sentence segmentation: a decoded text becomes a Document of paragraphs and sentences.
//
//   TANDEM_ASSIGN_OR_RETURN(tandem::DecodedText in, tandem::ReadTextFile("en.txt"));
//   tandem::SegmentOptions options;
//   options.language = "en";
//   TANDEM_ASSIGN_OR_RETURN(tandem::Segmenter segmenter, tandem::Segmenter::Create(options));
//   TANDEM_ASSIGN_OR_RETURN(tandem::Document doc, segmenter.Segment(std::move(in), "en.txt"));
//
// The work happens in three separable stages:
//   1. paragraphs, from the line structure of the text (ParagraphMode);
//   2. candidate sentence boundaries inside each paragraph, from ICU's sentence BreakIterator
//      for the language;
//   3. language rules that keep or drop candidates (abbreviations, initials, ordinals, ...).
// Sentence spans never include the whitespace around a sentence, and every span is a byte range
// of the original text (see document.h).
//
// A Segmenter is immutable after Create() and may be used from several threads at once.
#pragma once

#include <memory>
#include <string>

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
};

class Segmenter {
 public:
  // Fails with kInvalidArgument when ICU knows nothing about the language.
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

// Reads, decodes and segments a file in one call ("-" is standard input).
StatusOr<Document> SegmentFile(const std::string& path, const SegmentOptions& options,
                               const DecodeOptions& decode = {});

}  // namespace tandem
