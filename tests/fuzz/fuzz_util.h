// Private helpers of the libFuzzer targets: a scratch directory for the readers that take paths,
// splitting one input into several files, and checks that stop the fuzzer when a reader accepts
// an input but returns something that breaks its own invariants.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "tandem/core/status.h"

namespace tandem::fuzz {

// The bytes libFuzzer hands a target, as a string view.
inline std::string_view Bytes(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Splits `input` at every occurrence of kFileSeparator (at most `parts` pieces; the last one takes
// the rest). The seeds (bench/fuzz.sh) join the files of a multi-file format with it.
inline constexpr std::string_view kFileSeparator = "\n@@@FILE@@@\n";
std::vector<std::string_view> SplitFiles(std::string_view input, std::size_t parts);

// A directory of this process under $TMPDIR (or /tmp), made once and reused by every run.
const std::string& ScratchDirectory();

// Writes `content` to ScratchDirectory()/name and returns the path; aborts when it cannot.
std::string WriteScratchFile(std::string_view name, std::string_view content);

// Stops the run (a finding) with the status's message, when `status` is not ok.
void CheckInvariant(const Status& status, std::string_view what);

// True when the input would make a path-taking reader read something other than the scratch
// files (device files, /proc): those inputs are skipped, since reading /dev/zero never ends by
// design (the command line refuses non-regular files separately; docs/robustness.md).
bool NamesSpecialFile(std::string_view input);

}  // namespace tandem::fuzz
