// Command-line options of the commands that write corpora (align, convert): output format,
// TEI layout, metadata for headers, export filters, and how warnings are printed.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "tandem/core/status.h"
#include "tandem/corpora/bitext.h"
#include "tandem/corpora/metadata.h"
#include "tandem/tei/formats.h"

namespace tandem::cli {

// -f/--to FORMAT (names from tei::FormatName).
void AddFormatOption(CLI::App& cmd, const std::string& flags, tei::Format& format,
                     const std::string& help);

// --layout single|split
void AddLayoutOption(CLI::App& cmd, tei::TeiLayout& layout);

// How aligned corpora are read (convert, stats): --from FORMAT, -s/--source-lang,
// -t/--target-lang, --source-text, --target-text, --load-sources. `from` takes the format's name;
// ApplyReadOptions puts it into `request`.
void AddReadOptions(CLI::App& cmd, tei::ReadRequest& request, std::string& from);
// The format named by --from (checked by the option already), and the languages as BCP 47; a
// usage error for a language option that is not a language tag.
Status ApplyReadOptions(const std::string& from, tei::ReadRequest& request);

struct MetadataArgs {
  std::string file;  // --metadata FILE (JSON sidecar)
  corpora::BitextMetadata flags;
  std::string source_date;
  std::string target_date;
};
// --metadata FILE, --title, --source-title, --source-author, --source-date, --source-translator,
// --source-publisher and the same for --target-*.
void AddMetadataOptions(CLI::App& cmd, MetadataArgs& args);
// The sidecar's metadata with the flags on top.
StatusOr<corpora::BitextMetadata> ResolveMetadata(const MetadataArgs& args);

struct FilterArgs {
  double min_confidence = 0.0;
  std::string status = "any";
};
// --min-confidence X, --status confirmed|any
void AddFilterOptions(CLI::App& cmd, FilterArgs& args);
corpora::ExportFilter ToFilter(const FilterArgs& args);

// Prints "tandem: warning: MESSAGE" to standard error.
corpora::WarningCallback PrintWarnings();

}  // namespace tandem::cli
