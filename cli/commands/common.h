// Shared pieces of the tandem commands: exit codes, error printing, output files, the clock.
// No algorithm lives here (or anywhere in cli/): commands fill a library options struct, call
// one library entry point and turn its Status into a message and an exit code.
#pragma once

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "tandem/core/status.h"

namespace tandem::cli {

// Exit codes (docs/cli.md).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  // the input could not be processed
inline constexpr int kExitUsage = 2;    // the command line is wrong

// Where a command's exit code goes once CLI11 has run its callback.
struct Context {
  int exit_code = kExitOk;
};

// Prints "tandem: error: <message>" to stderr and returns the exit code for `status`.
int ReportError(const Status& status);

// Writes an output file atomically: `write` fills the stream; on any error the destination is
// left untouched and no temporary file remains. "-" is standard output.
Status WriteOutput(const std::string& path, const std::function<Status(std::ostream&)>& write);

// True when `a` and `b` name the same existing file: the same device and inode, whatever the
// names (a symbolic link, "./a.txt" and a hard link all name one file). "-" is no file.
bool SameFile(const std::string& a, const std::string& b);

// Checks, before a command does any work, the files it will read and write
// (docs/robustness.md): an output that is one of the inputs is a usage error (kInvalidArgument,
// exit 2), since writing it would destroy the input; then every output must be creatable
// (AtomicOutput::CheckCreatable: its directory exists and takes new files). "-" (standard input
// or output) is skipped.
Status CheckOutputs(const std::vector<std::string>& inputs,
                    const std::vector<std::string>& outputs);
// The first half of CheckOutputs alone, for outputs whose directory is made later.
Status CheckNotAnInput(const std::vector<std::string>& inputs,
                       const std::vector<std::string>& outputs);

// For an output directory that is created when missing (batch -o, stats --svg): Ok when it is a
// directory that takes new files, or when its nearest existing ancestor is one (tried by making
// and removing a directory there). The error names `dir`.
Status CheckOutputDirectory(const std::string& dir);

// The files of a corpus argument (stats, concord): the file itself, or the aligned files of a
// directory, sorted (what `tandem batch` writes: its .json and summary files are not corpora).
// kNotFound for a directory without any.
StatusOr<std::vector<std::string>> CorpusFiles(const std::string& path);

// The files among --dictionary values (all but auto and none).
std::vector<std::string> DictionaryFiles(const std::vector<std::string>& specs);

// Makes a language option's value its canonical BCP 47 tag (en_US -> en-US); a usage error
// naming the option when it is not a language tag at all. An empty value stays empty.
Status CanonicalLanguageOption(std::string& value, const std::string& option);

// The current time as ISO 8601 UTC ("2026-11-22T10:00:00Z"), or the time given by the
// SOURCE_DATE_EPOCH environment variable, so that builds of a corpus can be reproduced.
std::string Timestamp();

// The memory this process may use: the machine's physical memory, or the cgroup's limit when a
// container sets a lower one (cgroup v2 memory.max, v1 memory.limit_in_bytes). 0 when unknown.
std::uint64_t MachineMemory();

// Parses a size such as "512M", "8G", "1.5G" or "123456" (bytes); suffixes K, M, G, T are powers
// of 1024, an optional "B" after them is allowed. False when `text` is not a size.
bool ParseSize(const std::string& text, std::uint64_t& bytes);

// The --memory-limit option of the commands that align (align, align --keep, batch): "auto"
// (the default, MachineMemory()), a size (ParseSize), or 0 for no limit.
void AddMemoryLimitOption(CLI::App* cmd, std::string* limit);
// The limit in bytes for the option's value; an error naming the option when it is not a size.
StatusOr<std::uint64_t> ResolveMemoryLimit(const std::string& limit);

// For a language pair without an installed FreeDict dictionary, what would give one: "apt-get
// install dict-freedict-eng-deu dict-freedict-deu-eng gives one (...)", or that Debian has none.
// Empty when the pair has a dictionary (or the languages are unknown or the same).
std::string MissingDictionaryHint(const std::string& source_language,
                                  const std::string& target_language);

// The subcommands.
void AddSegmentCommand(CLI::App& app, Context& context);
void AddAlignCommand(CLI::App& app, Context& context);
void AddEvalCommand(CLI::App& app, Context& context);
void AddConvertCommand(CLI::App& app, Context& context);
void AddValidateCommand(CLI::App& app, Context& context);
void AddDiscoverCommand(CLI::App& app, Context& context);
void AddBatchCommand(CLI::App& app, Context& context);
void AddStatsCommand(CLI::App& app, Context& context);
void AddConcordCommand(CLI::App& app, Context& context);
void AddReportCommand(CLI::App& app, Context& context);
void AddReviewCommand(CLI::App& app, Context& context);
void AddDictionariesCommand(CLI::App& app, Context& context);

}  // namespace tandem::cli
