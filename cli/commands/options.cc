#include "options.h"

#include <string>

namespace tandem::cli {

std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : "|") + name;
  return out;
}

CLI::Option* AddNamedOption(CLI::App& cmd, const std::string& flags, std::string& value,
                            const std::vector<std::string>& names, const std::string& help) {
  const std::string shown = JoinNames(names);
  CLI::Validator to_name(
      [names, shown](std::string& input) -> std::string {
        std::string lower = input;
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        for (const std::string& name : names) {
          if (name == lower) {
            input = name;
            return {};
          }
        }
        return "'" + input + "' is not one of " + shown;
      },
      "");
  return cmd.add_option(flags, value, help)->transform(to_name)->type_name(shown);
}

void AddParagraphsOption(CLI::App& cmd, ParagraphMode& mode) {
  AddNamedOption<ParagraphMode>(
      cmd, "--paragraphs", mode,
      {{"auto", ParagraphMode::kAuto},
       {"blank", ParagraphMode::kBlankLines},
       {"line", ParagraphMode::kLines}},
      "how paragraphs are found: auto (the default: blank lines; hard-wrapped lines are joined; "
      "headings and list items stay apart), blank (blank lines only), line (every line)");
}

void AddInputOptions(CLI::App& cmd, DecodeOptions& decode, std::vector<std::string>& abbreviations,
                     const std::string& prefix) {
  const std::string whose =
      prefix.empty() ? "the input" : "the " + prefix.substr(0, prefix.size() - 1) + " text";
  decode.encoding_option = "--" + prefix + "encoding";
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
