#include "exchange_options.h"

#include <iostream>
#include <map>
#include <mutex>

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
  std::map<std::string, tei::Format> formats;
  std::string names;
  for (const tei::Format f : tei::AllFormats()) {
    formats.emplace(std::string(tei::FormatName(f)), f);
    names += (names.empty() ? "" : ", ") + std::string(tei::FormatName(f));
  }
  cmd.add_option(flags, format, help + " (" + names + ")")
      ->transform(CLI::CheckedTransformer(formats, CLI::ignore_case))
      ->default_str(std::string(tei::FormatName(format)));
}

void AddLayoutOption(CLI::App& cmd, tei::TeiLayout& layout) {
  static const std::map<std::string, tei::TeiLayout> kLayouts = {
      {"single", tei::TeiLayout::kSingleFile}, {"split", tei::TeiLayout::kSplit}};
  cmd.add_option("--layout", layout,
                 "TEI output: single (one teiCorpus file, the default) or split (the two texts "
                 "and the stand-off alignment in three files)")
      ->transform(CLI::CheckedTransformer(kLayouts, CLI::ignore_case))
      ->default_str("single");
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
  cmd.add_option("--status", args.status,
                 "export only beads a person confirmed or edited (confirmed), or all (any)")
      ->check(CLI::IsMember({"confirmed", "any"}))
      ->default_str("any");
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
