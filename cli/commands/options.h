// Command-line options shared by several commands.
#pragma once

#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

#include "tandem/core/segmenter.h"
#include "tandem/core/text_io.h"

namespace tandem::cli {

// "a|b|c".
std::string JoinNames(const std::vector<std::string>& names);

// An option that takes one of a few names (-f tei|tmx|..., --paragraphs auto|blank|line): the
// help shows the names, and only the names are accepted (in any case), never the numbers of an
// enumeration behind them. `names` pairs each name with its value.
template <typename E>
CLI::Option* AddNamedOption(CLI::App& cmd, const std::string& flags, E& value,
                            const std::vector<std::pair<std::string, E>>& names,
                            const std::string& help) {
  std::vector<std::string> list;
  for (const auto& entry : names) list.push_back(entry.first);
  const std::string shown = JoinNames(list);
  CLI::Validator to_value(
      [names, shown](std::string& input) -> std::string {
        std::string lower = input;
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        for (const auto& [name, e] : names) {
          if (name == lower) {
            input = std::to_string(static_cast<long long>(e));
            return {};
          }
        }
        return "'" + input + "' is not one of " + shown;
      },
      "");
  return cmd.add_option(flags, value, help)->transform(to_value)->type_name(shown);
}

// The same for an option kept as a string: the value becomes the name as listed.
CLI::Option* AddNamedOption(CLI::App& cmd, const std::string& flags, std::string& value,
                            const std::vector<std::string>& names, const std::string& help);

// --paragraphs auto|blank|line
void AddParagraphsOption(CLI::App& cmd, ParagraphMode& mode);

// --encoding NAME and --abbreviations FILE (repeatable) for a command with one input; `prefix`
// ("source-", "target-") names the options of one side of a command with two.
void AddInputOptions(CLI::App& cmd, DecodeOptions& decode, std::vector<std::string>& abbreviations,
                     const std::string& prefix = "");

}  // namespace tandem::cli
