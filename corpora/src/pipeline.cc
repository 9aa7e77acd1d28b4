#include "tandem/corpora/pipeline.h"

#include <algorithm>
#include <cctype>
#include <utility>

#include <fmt/format.h>

#include "tandem/core/language.h"
#include "tandem/core/language_id.h"
#include "tandem/core/version.h"
#include "tandem/corpora/dictionary.h"
#include "tandem/corpora/summary.h"
#include "tandem/util/utf8.h"

namespace tandem::corpora {
namespace {

StatusOr<Document> ReadSide(const std::string& path, const std::string& language,
                            const AlignFilesRequest& request, const DecodeOptions& decode,
                            const std::vector<std::string>& abbreviations) {
  if (language.empty()) {
    return InvalidArgumentError("the language of " + path + " is not given");
  }
  if (request.load_input) {
    TANDEM_ASSIGN_OR_RETURN(std::optional<Document> loaded, request.load_input(path, language));
    if (loaded) {
      if (loaded->sentences.empty()) {
        return InvalidDataError(loaded->name + ": the file has no sentences to align");
      }
      return std::move(*loaded);
    }
  }
  SegmentOptions options;
  options.language = language;
  options.presegmented = request.presegmented;
  options.paragraphs = request.paragraphs;
  options.abbreviation_files = abbreviations;
  TANDEM_ASSIGN_OR_RETURN(Document doc, SegmentFile(path, options, decode));
  if (doc.sentences.empty()) {
    return InvalidDataError(doc.name + ": the file has no text to align");
  }
  return doc;
}

// The primary subtag of a BCP 47 tag, in lower case ("zh-Hant" -> "zh").
std::string PrimarySubtag(std::string_view tag) {
  std::string primary(tag.substr(0, tag.find_first_of("-_")));
  for (char& c : primary) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return primary;
}

// Warns when the text is, by CLD2's reliable verdict on most of its letters, in another language
// than the one given: a swapped -s/-t or a wrong file is the usual cause, and the alignment
// would still run, with the wrong segmentation rules and dictionaries. The first 16 kB (a few
// thousand words) suffice.
void CheckLanguage(const Document& doc, const std::string& language, const std::string& origin,
                   const WarningCallback& warn) {
  if (!warn) return;
  const std::size_t end = tandem::internal::BoundaryAtOrBefore(
      doc.text, std::min<std::size_t>(doc.text.size(), 16u << 10));
  const LanguageGuess guess = IdentifyLanguage(std::string_view(doc.text).substr(0, end));
  if (guess.language.empty() || !guess.reliable || guess.percent < 80) return;
  if (PrimarySubtag(guess.language) == PrimarySubtag(language)) return;
  warn(fmt::format(
      "{}: the text looks like {} ({}, {}% of its letters), not {}; check the languages and the "
      "order of the files",
      doc.name, LanguageName(guess.language), guess.language, guess.percent,
      origin.empty() ? fmt::format("{}, the language given for it", language)
                     : fmt::format("{} as {} says", language, origin)));
}

// A pair that comes out with almost nothing aligned (two-sided beads for under a tenth of the
// shorter text's sentences) is worth a word: the texts may not translate each other, or the
// aligner lacked the evidence to see it. The message says what evidence there was.
void CheckAligned(const Bitext& bitext, const align::AlignReport& report,
                  const std::vector<std::string>& dictionaries, const WarningCallback& warn) {
  if (!warn) return;
  const std::size_t smaller =
      std::min(bitext.source.sentences.size(), bitext.target.sentences.size());
  std::size_t aligned = 0;
  for (const align::Bead& bead : bitext.ladder) aligned += bead.two_sided() ? 1 : 0;
  if (smaller < 5 || aligned * 10 >= smaller) return;
  const std::string dictionary =
      dictionaries.empty()
          ? fmt::format("no dictionary for {}-{}", bitext.source.language, bitext.target.language)
          : fmt::format("the dictionaries cover {:.0f}% of the sentences",
                        100 * report.dictionary_coverage);
  warn(fmt::format(
      "{} / {}: almost nothing aligned ({} pairs of sentences, for texts of {} and {}): the texts "
      "may not translate each other, or there was too little evidence that they do ({}; {} "
      "numbers and {} names found in both)",
      bitext.source.name, bitext.target.name, aligned, bitext.source.sentences.size(),
      bitext.target.sentences.size(), dictionary, report.shared_numbers, report.name_matches));
}

std::string Gigabytes(std::uint64_t bytes) {
  if (bytes < 1000000000) return fmt::format("{:.0f} MB", static_cast<double>(bytes) / 1e6);
  return fmt::format("{:.1f} GB", static_cast<double>(bytes) / 1e9);
}

}  // namespace

std::uint64_t EstimateAlignmentMemory(const Document& source, const Document& target,
                                      std::uint64_t dictionary_bytes) {
  // Fitted above the grid of bench/memory_grid.py (docs/robustness.md): the peak grows by about
  // 4.3 kB per sentence where sentences are many and short (one-word sentences, each a
  // paragraph) and by about 40 bytes per byte of text where they are long (one sentence of
  // megabytes); a real parallel text (the Text+Berg synthetic pairs) costs both, about 1.8 kB
  // per sentence and 40 bytes per byte; loading FreeDict's en-hu pair (11.8 MB of files) about
  // 70 MB. With a margin of a fifth or more on the worst shape: 64 MB, 50 bytes per byte of
  // text, 5 kB per sentence, 8 bytes per byte of dictionary files.
  const std::uint64_t bytes = source.text.size() + target.text.size();
  const std::uint64_t sentences = source.sentences.size() + target.sentences.size();
  return (std::uint64_t{64} << 20) + 50 * bytes + 5120 * sentences + 8 * dictionary_bytes;
}

Status CheckAlignmentMemory(const Document& source, const Document& target, std::uint64_t limit,
                            std::uint64_t dictionary_bytes) {
  if (limit == 0) return Status::Ok();
  const std::uint64_t needed = EstimateAlignmentMemory(source, target, dictionary_bytes);
  if (needed <= limit) return Status::Ok();
  return ResourceExhaustedError(fmt::format(
      "{} and {}: aligning {} and {} sentences ({:.0f} MB of text) needs about {} of "
      "memory, more than the limit of {}: split both texts at the same places (chapters, "
      "sections) and align the parts, or raise the limit (--memory-limit) on a machine with "
      "more memory",
      source.name, target.name, source.sentences.size(), target.sentences.size(),
      static_cast<double>(source.text.size() + target.text.size()) / 1e6, Gigabytes(needed),
      Gigabytes(limit)));
}

Status CheckAlignable(const Document& source, const Document& target, std::size_t max_bead) {
  const bool source_longer = source.sentences.size() >= target.sentences.size();
  const Document& longer = source_longer ? source : target;
  const Document& shorter = source_longer ? target : source;
  const std::uint64_t reachable =
      static_cast<std::uint64_t>(std::max<std::size_t>(1, max_bead)) * shorter.sentences.size();
  if (longer.sentences.size() <= 100000 || longer.sentences.size() <= 10000 * reachable) {
    return Status::Ok();
  }
  return InvalidDataError(fmt::format(
      "{} and {}: {} has {} sentences and {} {}: a bead holds at most {} sentences of a side, so "
      "at most {} of {} can have a counterpart, and aligning would take minutes and about {} of "
      "memory to leave {:.2f}% of it unaligned. Give the part of {} that {} corresponds to "
      "(tandem discover finds translations inside a collection), or check that these are the "
      "files you meant",
      source.name, target.name, longer.name, longer.sentences.size(), shorter.name,
      CountOf(shorter.sentences.size(), "sentence"), max_bead, reachable, longer.name,
      Gigabytes(EstimateAlignmentMemory(source, target)),
      100.0 * (1.0 - static_cast<double>(reachable) / static_cast<double>(longer.sentences.size())),
      longer.name, shorter.name));
}

StatusOr<Bitext> AlignFiles(const AlignFilesRequest& request) {
  TANDEM_ASSIGN_OR_RETURN(AlignedFiles aligned, AlignFilesWithReport(request));
  return std::move(aligned.bitext);
}

StatusOr<AlignedFiles> AlignFilesWithReport(const AlignFilesRequest& request) {
  if (request.source_path == "-" && request.target_path == "-") {
    return InvalidArgumentError("only one of the two inputs can be standard input");
  }
  AlignedFiles aligned;
  Bitext& bitext = aligned.bitext;
  TANDEM_ASSIGN_OR_RETURN(bitext.source,
                          ReadSide(request.source_path, request.source_language, request,
                                   request.source_decode, request.source_abbreviations));
  TANDEM_ASSIGN_OR_RETURN(bitext.target,
                          ReadSide(request.target_path, request.target_language, request,
                                   request.target_decode, request.target_abbreviations));
  TANDEM_RETURN_IF_ERROR(CheckAlignable(bitext.source, bitext.target, request.align.max_bead));
  // Dictionaries already loaded (a batch's) are in memory already; others are counted.
  const std::uint64_t dictionary_bytes =
      request.aligner ? 0
                      : DictionaryFileBytes(request.dictionaries, request.source_language,
                                            request.target_language);
  TANDEM_RETURN_IF_ERROR(
      CheckAlignmentMemory(bitext.source, bitext.target, request.memory_limit, dictionary_bytes));
  CheckLanguage(bitext.source, request.source_language, request.source_language_origin,
                request.warn);
  CheckLanguage(bitext.target, request.target_language, request.target_language_origin,
                request.warn);
  align::AlignInput input = align::InputFromDocuments(bitext.source, bitext.target);
  input.source_language = request.source_language;
  input.target_language = request.target_language;
  std::shared_ptr<const align::Aligner> aligner = request.aligner;
  if (!aligner) {
    TANDEM_ASSIGN_OR_RETURN(
        aligner, MakeAligner(request.dictionaries, request.source_language, request.target_language,
                             request.align, request.warn));
  }
  for (const auto& lexicon : aligner->lexicons()) aligned.dictionaries.push_back(lexicon->name());
  TANDEM_ASSIGN_OR_RETURN(aligned.report, aligner->AlignWithReport(input));
  bitext.ladder = aligned.report.ladder;
  CheckAligned(bitext, aligned.report, aligned.dictionaries, request.warn);
  // The scorers hold all the evidence (hundreds of megabytes for long texts); without
  // --explain nobody asks them anything more.
  if (!aligner->options().explain) aligned.report.model.reset();

  bitext.alignment.version = kVersion;
  bitext.alignment.timestamp = request.timestamp;
  bitext.alignment.parameters = align::DescribeOptions(aligner->options());
  bitext.alignment.parameters.emplace_back("presegmented", request.presegmented ? "yes" : "no");
  std::string dictionaries;
  for (const std::string& name : aligned.dictionaries) {
    dictionaries += (dictionaries.empty() ? "" : ", ") + name;
  }
  bitext.alignment.parameters.emplace_back("dictionaries",
                                           dictionaries.empty() ? "none" : dictionaries);
  return aligned;
}

StatusOr<std::shared_ptr<const align::Aligner>> MakeAligner(const DictionaryRequest& dictionaries,
                                                            const std::string& source_language,
                                                            const std::string& target_language,
                                                            const align::AlignOptions& options,
                                                            const WarningCallback& warn) {
  // Before the dictionaries are prepared (which can take seconds), as Aligner::Create would.
  TANDEM_RETURN_IF_ERROR(align::ValidateOptions(options));
  TANDEM_ASSIGN_OR_RETURN(PreparedDictionaries prepared,
                          LoadPreparedDictionaries(dictionaries, source_language, target_language));
  if (warn) {
    for (const std::string& note : prepared.notes) warn(note);
  }
  TANDEM_ASSIGN_OR_RETURN(align::Aligner aligner,
                          align::Aligner::Create(source_language, target_language,
                                                 std::move(prepared.lexicons), options));
  return std::make_shared<const align::Aligner>(std::move(aligner));
}

}  // namespace tandem::corpora
