// Command-line options shared by several commands.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "tandem/core/segmenter.h"
#include "tandem/core/text_io.h"

namespace tandem::cli {

// --paragraphs auto|blank|line
void AddParagraphsOption(CLI::App& cmd, ParagraphMode& mode);

// --encoding NAME and --abbreviations FILE (repeatable) for a command with one input; `prefix`
// ("source-", "target-") names the options of one side of a command with two.
void AddInputOptions(CLI::App& cmd, DecodeOptions& decode, std::vector<std::string>& abbreviations,
                     const std::string& prefix = "");

}  // namespace tandem::cli
