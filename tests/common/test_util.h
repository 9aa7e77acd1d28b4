// Helpers shared by the test executables: temporary directories, files, running commands.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace tandem::testing {

// A fresh directory under the system's temporary directory, removed with everything in it
// when the object goes away. Before that, every TEI (*.tei.xml) and TMX (*.tmx) file in it that
// tandem wrote (not one the test wrote itself with WriteFile, unless tandem rewrote it) is kept
// for the schema checks (KeepForSchemaCheck), so that every corpus a test makes tandem write is
// validated against the schemas.
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

// Writes `content` to `path` as is (binary). The file counts as the test's own, not tandem's
// output, for the schema checks (TempDir) while its content stays the same.
void WriteFile(const std::string& path, const std::string& content);

// Reads a whole file (binary). A file that cannot be read is an error, never an empty string:
// it throws std::runtime_error naming the file, which fails the running test (a test whose input
// is missing must not pass). FileExists() asks first where absence is expected.
std::string ReadFile(const std::string& path);
bool FileExists(const std::string& path);

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

// Keeps a copy of an output file that a schema must accept: `kind` "tei" (checked against
// tandem's own schema, tei/schema/tandem-tei.rng, and against TEI's tei_all.rng when the shared
// data are there) or "tmx" (against tei/schema/tmx14.rng, and the TMX 1.4 DTD when the shared
// data are there). The ctest entries schema_check.* (tests/schema_check.sh) validate every kept
// file after all other tests ran. The copy is named after the running test, so reruns replace it.
void KeepForSchemaCheck(const std::string& path, const std::string& kind);
// The same, with the copy named after `name` (a path relative to a TempDir) instead of the file.
void KeepForSchemaCheck(const std::string& path, const std::string& kind, const std::string& name);

// Paths of the project's data, set by CMake.
std::string SourceDir();                          // the repository root
std::string TestDataDir();                        // tests/data
std::string SamplePath(const std::string& name);  // corpora/samples/reply-to-stalin/<name>

// Third-party test data (gold alignments, public segmentation sets, other tools' samples,
// tei_all.rng) are not part of the project: they live in the directory the CMake variable
// TANDEM_SHARED names (by default ../shared beside the repository). A test that needs them
// starts with TANDEM_SKIP_WITHOUT_SHARED(), which skips it, with the reason, when that
// directory is absent. When it is there, every file a test asks for must be there too.
std::string SharedDir();
bool SharedDirPresent();
// The reason a test that needs the shared data gives when it skips.
std::string SharedDirMissing();
// SharedDir() + "/" + relative.
std::string SharedPath(const std::string& relative);

}  // namespace tandem::testing

// Skips the running test (GTEST_SKIP, so ctest reports it skipped, never passed) when the shared
// third-party data are absent. Use it first in a test body or in SetUp().
#define TANDEM_SKIP_WITHOUT_SHARED()                         \
  do {                                                       \
    if (!::tandem::testing::SharedDirPresent()) {            \
      GTEST_SKIP() << ::tandem::testing::SharedDirMissing(); \
    }                                                        \
  } while (false)
