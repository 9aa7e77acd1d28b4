// Helpers shared by the test executables: temporary directories, files, running commands.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace tandem::testing {

// A fresh directory under the system's temporary directory, removed with everything in it
// when the object goes away.
class TempDir {
 public:
  TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir();

  const std::filesystem::path& path() const { return path_; }
  // path() / name, as a string.
  std::string File(const std::string& name) const;

 private:
  std::filesystem::path path_;
};

// Writes `content` to `path` as is (binary).
void WriteFile(const std::string& path, const std::string& content);

// Reads a whole file (binary); empty when it cannot be read.
std::string ReadFile(const std::string& path);

// The names of the files in `dir` (not recursive), sorted.
std::vector<std::string> ListDir(const std::filesystem::path& dir);

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs a program with arguments (no shell), optionally feeding `input` on stdin, in the
// directory `working_dir` (empty: this process's), and captures its exit code and output.
CommandResult Run(const std::vector<std::string>& argv, const std::string& input = "",
                  const std::string& working_dir = "");

// Compares `actual` with the reviewed reference file `path` (byte for byte). With the environment
// variable TANDEM_UPDATE_TEST_DATA=1 the reference is rewritten instead (then review the diff).
// Returns true when they match (or the file was rewritten).
bool MatchesReferenceFile(const std::string& actual, const std::string& path);

// Keeps a copy of an output file that a schema must accept: `kind` "tei" (checked with jing
// against tei_all.rng) or "tmx" (xmllint against the TMX 1.4 DTD). The ctest entries
// schema_check.* validate every kept file in one call each, after all other tests ran. The copy
// is named after the running test, so reruns replace it.
void KeepForSchemaCheck(const std::string& path, const std::string& kind);

// Paths of the project's data, set by CMake.
std::string SourceDir();                          // the repository root
std::string TestDataDir();                        // tests/data
std::string SharedDir();                          // ../shared beside the repository
std::string SamplePath(const std::string& name);  // corpora/samples/reply-to-stalin/<name>

}  // namespace tandem::testing
