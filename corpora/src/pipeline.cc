#include "tandem/corpora/pipeline.h"

#include <utility>

#include "tandem/core/version.h"

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

}  // namespace

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
  align::AlignInput input;
  input.source = bitext.source.SentenceTexts();
  input.target = bitext.target.SentenceTexts();
  input.source_language = request.source_language;
  input.target_language = request.target_language;
  TANDEM_ASSIGN_OR_RETURN(
      input.lexicons,
      LoadDictionaries(request.dictionaries, request.source_language, request.target_language));
  for (const align::Lexicon& lexicon : input.lexicons) aligned.dictionaries.push_back(lexicon.name);
  TANDEM_ASSIGN_OR_RETURN(aligned.report, align::AlignWithReport(input, request.align));
  bitext.ladder = aligned.report.ladder;
  // The scorers hold all the evidence (hundreds of megabytes for long texts); without
  // --explain nobody asks them anything more.
  if (!request.align.explain) aligned.report.model.reset();

  bitext.alignment.version = kVersion;
  bitext.alignment.timestamp = request.timestamp;
  bitext.alignment.parameters = align::DescribeOptions(request.align);
  bitext.alignment.parameters.emplace_back("presegmented", request.presegmented ? "yes" : "no");
  std::string dictionaries;
  for (const std::string& name : aligned.dictionaries) {
    dictionaries += (dictionaries.empty() ? "" : ", ") + name;
  }
  bitext.alignment.parameters.emplace_back("dictionaries",
                                           dictionaries.empty() ? "none" : dictionaries);
  return aligned;
}

}  // namespace tandem::corpora
