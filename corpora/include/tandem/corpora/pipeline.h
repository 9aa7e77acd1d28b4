// The alignment pipeline: two text files in, a Bitext out (read, decode, segment, align).
//
//   tandem::corpora::AlignFilesRequest request;
//   request.source_path = "en.txt";
//   request.target_path = "hu.txt";
//   request.source_language = "en";
//   request.target_language = "hu";
//   TANDEM_ASSIGN_OR_RETURN(tandem::corpora::Bitext bitext, tandem::corpora::AlignFiles(request));
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tandem/align/aligner.h"
#include "tandem/core/segmenter.h"
#include "tandem/core/text_io.h"
#include "tandem/corpora/bitext.h"
#include "tandem/corpora/dictionary.h"

namespace tandem::corpora {

// Reads an input that is not plain text (a TEI file, say) into a Document that keeps the file's
// own segmentation and ids. Returns std::nullopt for a plain text file, which the pipeline then
// decodes and segments itself; an error when the file is of its kind but cannot be read.
// tandem::tei::AlignInputLoader() is the one `tandem align` uses (corpora cannot depend on tei;
// this is how tei's readers get into the pipeline).
using InputLoader = std::function<StatusOr<std::optional<Document>>(const std::string& path,
                                                                    const std::string& language)>;

struct AlignFilesRequest {
  std::string source_path;  // "-" reads standard input (only one side may)
  std::string target_path;
  std::string source_language;  // BCP 47, required
  std::string target_language;
  // The inputs hold one sentence per line, a blank line between paragraphs.
  bool presegmented = false;
  // How paragraphs are found when the inputs are not presegmented.
  ParagraphMode paragraphs = ParagraphMode::kAuto;
  DecodeOptions source_decode;
  DecodeOptions target_decode;
  // Abbreviation files added to each language's own (SegmentOptions::abbreviation_files).
  std::vector<std::string> source_abbreviations;
  std::vector<std::string> target_abbreviations;
  align::AlignOptions align;
  // The dictionaries to use: FreeDict for the two languages by default (dictionary.h).
  DictionaryRequest dictionaries;
  // An aligner already made for these two languages (MakeAligner): used instead of `align` and
  // `dictionaries`, so that a batch of many pairs prepares each dictionary and language once.
  std::shared_ptr<const align::Aligner> aligner;
  // Recorded in the bitext's AlignmentInfo; the caller decides the clock (see docs/cli.md on
  // SOURCE_DATE_EPOCH).
  std::string timestamp;
  // Empty: both inputs are plain text.
  InputLoader load_input;
  // The most memory the alignment may take, in bytes; 0: no limit. Before aligning, the peak is
  // estimated from the sizes of the texts (EstimateAlignmentMemory); above the limit the request
  // fails with kResourceExhausted and a message saying how to proceed, instead of running until
  // the system kills it. `tandem align` sets the machine's memory (docs/robustness.md).
  std::uint64_t memory_limit = 0;
  // Warnings that do not stop the alignment: a text whose language (identified with CLD2,
  // reliably and for most of its letters) is not the one given for it.
  WarningCallback warn;
  // Where each language came from, named in that warning ("--source-lang", "the manifest");
  // empty: "the language given for it".
  std::string source_language_origin;
  std::string target_language_origin;
};

// An upper estimate of the peak memory, in bytes, of aligning two segmented texts: linear in
// their bytes and sentences (the search's memory is; docs/architecture.md), plus a few times the
// size of the dictionary files to be loaded (DictionaryFileBytes), with coefficients fitted
// above the worst of a grid of input shapes measured with bench/memory_grid.py
// (docs/robustness.md).
std::uint64_t EstimateAlignmentMemory(const Document& source, const Document& target,
                                      std::uint64_t dictionary_bytes = 0);

// Ok when `limit` is 0 or the estimate stays within it; otherwise kResourceExhausted with a
// message that names both texts, the estimate and the limit, and says how to proceed.
Status CheckAlignmentMemory(const Document& source, const Document& target, std::uint64_t limit,
                            std::uint64_t dictionary_bytes = 0);

// Ok unless one text is so much longer than the other that the aligner cannot help: beads hold
// at most `max_bead` sentences of a side, so at most max_bead times the shorter text's sentences
// of the longer one can have a counterpart; a longer text of more than 100,000 sentences and over
// 10,000 times that is refused (kInvalidData, saying why) instead of being ground through for
// minutes to leave nearly all of it unaligned. (A translation inside a collection 10,000 times
// longer than it can hold is still aligned.)
Status CheckAlignable(const Document& source, const Document& target, std::size_t max_bead);

// The entry point of alignment from files: reads the two inputs (plain text in any encoding
// ReadTextFile takes, or what request.load_input reads), segments them, loads the dictionaries,
// checks the memory the alignment would take, aligns (align::AlignWithReport) and returns the
// bitext with its alignment record. Errors name the input.
StatusOr<Bitext> AlignFiles(const AlignFilesRequest& request);

// A bitext and the aligner's account of it (estimated parameters; with
// `request.align.explain`, the evidence for every bead and the scorers, report.model, which are
// otherwise released as soon as the alignment is done).
struct AlignedFiles {
  Bitext bitext;
  align::AlignReport report;
  std::vector<std::string> dictionaries;  // names of the lexicons used
};

// AlignFiles, with the aligner's report and the dictionaries used.
StatusOr<AlignedFiles> AlignFilesWithReport(const AlignFilesRequest& request);

// An aligner for a language pair with the dictionaries of `dictionaries`, prepared once and kept
// in the cache (LoadPreparedDictionaries; what went wrong with the cache goes to `warn`), and
// `options`. Made once, it aligns any number of pairs of that language pair
// (AlignFilesRequest::aligner).
StatusOr<std::shared_ptr<const align::Aligner>> MakeAligner(const DictionaryRequest& dictionaries,
                                                            const std::string& source_language,
                                                            const std::string& target_language,
                                                            const align::AlignOptions& options,
                                                            const WarningCallback& warn = {});

}  // namespace tandem::corpora
