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
  cmd.add_option("--paragraphs", mode,
                 "how paragraphs are found: auto (blank lines; hard-wrapped lines are joined), "
                 "blank (blank lines only), line (every line)")
      ->transform(CLI::CheckedTransformer(kModes, CLI::ignore_case))
      ->default_str("auto");
}

}  // namespace tandem::cli
