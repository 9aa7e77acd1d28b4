// Command-line options shared by several commands.
#pragma once

#include <CLI/CLI.hpp>

#include "tandem/core/segmenter.h"

namespace tandem::cli {

// --paragraphs auto|blank|line
void AddParagraphsOption(CLI::App& cmd, ParagraphMode& mode);

}  // namespace tandem::cli
