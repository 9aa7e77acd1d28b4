#include "test_util.h"

#include <algorithm>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <iterator>
#include <mutex>
#include <random>
#include <spawn.h>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>
#include <unordered_map>

#include <gtest/gtest.h>

extern char** environ;

namespace tandem::testing {

TempDir::TempDir() {
  std::random_device rd;
  const auto base = std::filesystem::temp_directory_path();
  for (int attempt = 0; attempt < 100; ++attempt) {
    const auto candidate = base / ("tandem-test-" + std::to_string(rd()));
    if (std::filesystem::create_directory(candidate)) {
      path_ = candidate;
      return;
    }
  }
  throw std::runtime_error("cannot create a temporary directory");
}

namespace {

// Files the tests wrote themselves (WriteFile), with a hash of what they wrote: inputs, among
// them deliberately broken TEI, are not tandem's output.
std::mutex& TestFilesMutex() {
  static std::mutex mutex;
  return mutex;
}
std::unordered_map<std::string, std::size_t>& TestFiles() {
  static std::unordered_map<std::string, std::size_t> files;
  return files;
}
std::string Normal(const std::string& path) {
  return std::filesystem::path(path).lexically_normal().string();
}

bool WrittenByTheTest(const std::filesystem::path& file) {
  std::lock_guard<std::mutex> lock(TestFilesMutex());
  const auto it = TestFiles().find(Normal(file.string()));
  if (it == TestFiles().end()) return false;
  std::ifstream in(file, std::ios::binary);
  const std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return std::hash<std::string>()(content) == it->second;
}

// The kind of schema check for a file tandem may have written, or nullptr.
const char* SchemaKind(const std::filesystem::path& file) {
  const std::string name = file.filename().string();
  if (name.ends_with(".tei.xml")) return "tei";
  if (name.ends_with(".tmx")) return "tmx";
  return nullptr;
}

}  // namespace

TempDir::~TempDir() {
  std::error_code ec;
  try {
    for (auto it = std::filesystem::recursive_directory_iterator(path_, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      const char* kind = SchemaKind(it->path());
      if (kind == nullptr || !it->is_regular_file(ec) || WrittenByTheTest(it->path())) continue;
      KeepForSchemaCheck(it->path().string(), kind,
                         it->path().lexically_relative(path_).generic_string());
    }
  } catch (const std::exception& e) {
    ADD_FAILURE() << "cannot keep the files of " << path_ << " for the schema checks: " << e.what();
  }
  std::filesystem::remove_all(path_, ec);
}

std::string TempDir::File(const std::string& name) const { return (path_ / name).string(); }

void WriteFile(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  if (!out) throw std::runtime_error("cannot write " + path);
  std::lock_guard<std::mutex> lock(TestFilesMutex());
  TestFiles()[Normal(path)] = std::hash<std::string>()(content);
}

std::string ReadFile(const std::string& path) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    throw std::runtime_error("cannot read " + path + ": it is a directory");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path + ": no such file or no access");
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw std::runtime_error("cannot read " + path + ": read error");
  return content;
}

bool FileExists(const std::string& path) {
  std::error_code error;
  return std::filesystem::exists(path, error);
}

std::vector<std::string> ListDir(const std::filesystem::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

CommandResult Run(const std::vector<std::string>& argv, const std::string& input,
                  const std::string& working_dir) {
  TempDir dir;
  const std::string in_path = dir.File("stdin");
  const std::string out_path = dir.File("stdout");
  const std::string err_path = dir.File("stderr");
  WriteFile(in_path, input);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, in_path.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  if (!working_dir.empty()) posix_spawn_file_actions_addchdir_np(&actions, working_dir.c_str());
  std::vector<char*> args;
  args.reserve(argv.size() + 1);
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  CommandResult result;
  if (spawned != 0) {
    result.err = "cannot start " + argv[0];
    return result;
  }
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = ReadFile(out_path);
  result.err = ReadFile(err_path);
  return result;
}

bool MatchesReferenceFile(const std::string& actual, const std::string& path) {
  const char* update = std::getenv("TANDEM_UPDATE_TEST_DATA");
  if (update != nullptr && std::string(update) == "1") {
    WriteFile(path, actual);
    return true;
  }
  return ReadFile(path) == actual;  // a missing reference file throws: it is an error
}

void KeepForSchemaCheck(const std::string& path, const std::string& kind) {
  KeepForSchemaCheck(path, kind, std::filesystem::path(path).filename().string());
}

void KeepForSchemaCheck(const std::string& path, const std::string& kind, const std::string& name) {
  const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string copy = test == nullptr ? std::string("outside-a-test")
                                     : std::string(test->test_suite_name()) + "." + test->name();
  copy += "." + name;
  for (char& c : copy) {
    if (c == '/') c = '_';
  }
  const std::filesystem::path dir = std::filesystem::path(TANDEM_SCHEMA_CHECK_DIR) / kind;
  std::filesystem::create_directories(dir);
  std::filesystem::copy_file(path, dir / copy, std::filesystem::copy_options::overwrite_existing);
}

std::string SourceDir() { return TANDEM_SOURCE_DIR; }
std::string TestDataDir() { return std::string(TANDEM_SOURCE_DIR) + "/tests/data"; }
std::string SamplePath(const std::string& name) {
  return std::string(TANDEM_SOURCE_DIR) + "/corpora/samples/reply-to-stalin/" + name;
}

std::string SharedDir() { return TANDEM_SHARED_DIR; }

bool SharedDirPresent() {
  std::error_code error;
  return std::filesystem::is_directory(TANDEM_SHARED_DIR, error);
}

std::string SharedDirMissing() {
  return std::string("tandem-skip: needs the shared third-party data in ") + TANDEM_SHARED_DIR +
         " (CMake variable TANDEM_SHARED), which is absent";
}

std::string SharedPath(const std::string& relative) { return SharedDir() + "/" + relative; }

}  // namespace tandem::testing
