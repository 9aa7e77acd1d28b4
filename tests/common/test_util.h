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

// Runs a program with arguments (no shell), optionally feeding `input` on stdin, and
// captures its exit code and output.
CommandResult Run(const std::vector<std::string>& argv, const std::string& input = "");

// Paths of the project's data, set by CMake.
std::string SourceDir();                          // the repository root
std::string TestDataDir();                        // tests/data
std::string SharedDir();                          // ../shared beside the repository
std::string SamplePath(const std::string& name);  // corpora/samples/reply-to-stalin/<name>

}  // namespace tandem::testing
