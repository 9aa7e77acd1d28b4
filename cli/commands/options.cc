#include "options.h"

#include <map>
#include <string>

namespace tandem::cli {

void AddParagraphsOption(CLI::App& cmd, ParagraphMode& mode) {
  static const std::map<std::string, ParagraphMode> kModes = {
      {"auto", ParagraphMode::kAuto},
      {"blank", ParagraphMode::kBlankLines},
      {"line", ParagraphMode::kLines},
  };
  cmd.add_option(
         "--paragraphs", mode,
         "how paragraphs are found: auto (blank lines; hard-wrapped lines are joined; headings "
         "and list items stay apart), "
         "blank (blank lines only), line (every line)")
      ->transform(CLI::CheckedTransformer(kModes, CLI::ignore_case))
      ->default_str("auto");
}

void AddInputOptions(CLI::App& cmd, DecodeOptions& decode, std::vector<std::string>& abbreviations,
                     const std::string& prefix) {
  const std::string whose =
      prefix.empty() ? "the input" : "the " + prefix.substr(0, prefix.size() - 1) + " text";
  cmd.add_option(
      "--" + prefix + "encoding", decode.encoding,
      "character encoding of " + whose +
          " when it is not UTF-8 (ISO-8859-2, windows-1250, windows-1252, UTF-16LE, ...; "
          "any name ICU knows); UTF-8 and UTF-16 with a byte-order mark are recognised "
          "without it");
  cmd.add_option("--" + prefix + "abbreviations", abbreviations,
                 "a file of abbreviations to add to the language's own for " + whose +
                     ": one per line with its final period (see docs/formats.md); may be repeated")
      ->check(CLI::ExistingFile)
      // One file per occurrence, so that the option never takes the input files that follow
      // it (tandem align's positionals are optional because of --keep).
      ->allow_extra_args(false);
}

}  // namespace tandem::cli
