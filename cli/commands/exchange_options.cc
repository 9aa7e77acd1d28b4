#include "exchange_options.h"

#include <cctype>
#include <iostream>
#include <map>
#include <mutex>

#include "common.h"
#include "options.h"

namespace tandem::cli {
namespace {

// "1928", "1928-12", "1928-12-16": a date TEI can take as @when.
bool LooksIso(const std::string& date) {
  auto digits = [&](std::size_t from, std::size_t count) {
    if (date.size() < from + count) return false;
    for (std::size_t i = from; i < from + count; ++i) {
      if (date[i] < '0' || date[i] > '9') return false;
    }
    return true;
  };
  if (date.size() == 4) return digits(0, 4);
  if (date.size() == 7) return digits(0, 4) && date[4] == '-' && digits(5, 2);
  if (date.size() == 10) {
    return digits(0, 4) && date[4] == '-' && digits(5, 2) && date[7] == '-' && digits(8, 2);
  }
  return false;
}

void SetDate(corpora::TextInfo& info, const std::string& date) {
  if (date.empty()) return;
  info.date = date;
  if (LooksIso(date)) info.date_iso = date;
}

}  // namespace

void AddFormatOption(CLI::App& cmd, const std::string& flags, tei::Format& format,
                     const std::string& help) {
  std::vector<std::pair<std::string, tei::Format>> formats;
  for (const tei::Format f : tei::AllFormats()) {
    formats.emplace_back(std::string(tei::FormatName(f)), f);
  }
  AddNamedOption<tei::Format>(cmd, flags, format, formats, help);
}

void AddReadOptions(CLI::App& cmd, tei::ReadRequest& request, std::string& from) {
  std::vector<std::string> names;
  for (const tei::Format f : tei::AllFormats()) names.emplace_back(tei::FormatName(f));
  AddNamedOption(cmd, "--from", from, names,
                 "the input format (default: from the content; needed for standard input, moses, "
                 "hunalign-text, lfaligner and hunalign ladders)");
  cmd.add_option("-s,--source-lang", request.source_language,
                 "language of the source text, for formats that do not record it (and to choose "
                 "in a TMX)");
  cmd.add_option("-t,--target-lang", request.target_language,
                 "language of the target text (in a TMX of several languages: which is the "
                 "target)");
  cmd.add_option("--source-text", request.source_text,
                 "for hunalign and vecalign input: the source text, one sentence per line");
  cmd.add_option("--target-text", request.target_text,
                 "for hunalign and vecalign input: the target text, one sentence per line");
  cmd.add_flag("--load-sources", request.load_sources,
               "TEI input: take each text from the source file its header names, when it still "
               "matches");
}

Status ApplyReadOptions(const std::string& from, tei::ReadRequest& request) {
  if (!from.empty()) request.format = tei::FormatFromName(from);
  TANDEM_RETURN_IF_ERROR(CanonicalLanguageOption(request.source_language, "--source-lang"));
  return CanonicalLanguageOption(request.target_language, "--target-lang");
}

void AddLayoutOption(CLI::App& cmd, tei::TeiLayout& layout) {
  AddNamedOption<tei::TeiLayout>(
      cmd, "--layout", layout,
      {{"single", tei::TeiLayout::kSingleFile}, {"split", tei::TeiLayout::kSplit}},
      "TEI output: single (one teiCorpus file, the default) or split (the two texts and the "
      "stand-off alignment in three files)");
}

void AddMetadataOptions(CLI::App& cmd, MetadataArgs& args) {
  cmd.add_option("--metadata", args.file,
                 "a JSON file with the pair's title and each text's title, author, date, "
                 "translator, publisher, source, licence (docs/formats.md)");
  cmd.add_option("--title", args.flags.title, "title of the aligned pair");
  for (const auto& [side, info, date] :
       {std::tuple{"source", &args.flags.source, &args.source_date},
        std::tuple{"target", &args.flags.target, &args.target_date}}) {
    const std::string prefix = std::string("--") + side + "-";
    cmd.add_option(prefix + "title", info->title, std::string("title of the ") + side + " text");
    cmd.add_option(prefix + "author", info->author, std::string("its author"));
    cmd.add_option(prefix + "date", *date, "its date, as written or ISO 8601 (1928-12-16)");
    cmd.add_option(prefix + "translator", info->translator, "who translated it");
    cmd.add_option(prefix + "publisher", info->publisher, "where it was published");
  }
}

StatusOr<corpora::BitextMetadata> ResolveMetadata(const MetadataArgs& args) {
  corpora::BitextMetadata metadata;
  if (!args.file.empty()) {
    TANDEM_ASSIGN_OR_RETURN(metadata, corpora::ReadMetadataFile(args.file));
  }
  corpora::BitextMetadata flags = args.flags;
  SetDate(flags.source, args.source_date);
  SetDate(flags.target, args.target_date);
  return corpora::MergeMetadata(std::move(metadata), flags);
}

void AddFilterOptions(CLI::App& cmd, FilterArgs& args) {
  cmd.add_option("--min-confidence", args.min_confidence,
                 "export only beads whose confidence is at least this")
      ->check(CLI::Range(0.0, 1.0));
  AddNamedOption(cmd, "--status", args.status, {"confirmed", "any"},
                 "export only beads a person confirmed or edited (confirmed), or all (any, the "
                 "default)");
}

corpora::ExportFilter ToFilter(const FilterArgs& args) {
  return {.min_confidence = args.min_confidence, .reviewed_only = args.status == "confirmed"};
}

corpora::WarningCallback PrintWarnings() {
  // One write per warning under a lock: batch workers warn from several threads at once.
  return [](const std::string& message) {
    static std::mutex mutex;
    const std::lock_guard<std::mutex> lock(mutex);
    std::cerr << ("tandem: warning: " + message + '\n') << std::flush;
  };
}

}  // namespace tandem::cli
