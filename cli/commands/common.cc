#include "common.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "tandem/core/language.h"
#include "tandem/core/text_io.h"
#include "tandem/tei/formats.h"

namespace tandem::cli {

StatusOr<std::vector<std::string>> CorpusFiles(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::is_directory(path, error)) return std::vector<std::string>{path};
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(path, error)) {
    const std::string name = entry.path().filename().string();
    if (!entry.is_regular_file(error) || name.empty() || name[0] == '.') continue;
    if (entry.path().extension() == ".json" || name.rfind("summary", 0) == 0) continue;
    if (!tei::DetectFormat(entry.path().string()).ok()) continue;
    files.push_back(entry.path().string());
  }
  if (error)
    return IoError(fmt::format("{}: cannot list the directory: {}", path, error.message()));
  std::sort(files.begin(), files.end());
  if (files.empty()) return NotFoundError(path + ": no aligned corpus files in the directory");
  return files;
}

int ReportError(const Status& status) {
  std::cerr << "tandem: error: " << status.message() << '\n';
  return status.code() == StatusCode::kInvalidArgument ? kExitUsage : kExitFailure;
}

Status WriteOutput(const std::string& path, const std::function<Status(std::ostream&)>& write) {
  TANDEM_ASSIGN_OR_RETURN(AtomicOutput out, AtomicOutput::Open(path));
  if (const Status written = write(out.stream()); !written.ok()) {
    // A writer that stopped because the stream failed (a full disk): the message names the file.
    if (!out.stream()) {
      return IoError(path == "-" ? std::string("<stdout>: write error")
                                 : fmt::format("{}: write error (disk full?); the file was not "
                                               "changed",
                                               path));
    }
    return written.WithContext(path == "-" ? "<stdout>" : path);
  }
  return out.Commit();
}

bool SameFile(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty() || a == "-" || b == "-") return false;
  struct stat first {};
  struct stat second {};
  if (::stat(a.c_str(), &first) != 0 || ::stat(b.c_str(), &second) != 0) return false;
  return first.st_dev == second.st_dev && first.st_ino == second.st_ino;
}

Status CheckNotAnInput(const std::vector<std::string>& inputs,
                       const std::vector<std::string>& outputs) {
  for (const std::string& output : outputs) {
    for (const std::string& input : inputs) {
      if (!SameFile(output, input)) continue;
      const std::string which =
          output == input ? std::string("the output is also an input")
                          : fmt::format("the output is the same file as the input {}", input);
      return InvalidArgumentError(fmt::format(
          "{}: {}; tandem never writes over its inputs: give another output name", output, which));
    }
  }
  return Status::Ok();
}

Status CheckOutputs(const std::vector<std::string>& inputs,
                    const std::vector<std::string>& outputs) {
  TANDEM_RETURN_IF_ERROR(CheckNotAnInput(inputs, outputs));
  for (const std::string& output : outputs) {
    TANDEM_RETURN_IF_ERROR(AtomicOutput::CheckCreatable(output));
  }
  return Status::Ok();
}

Status CheckOutputDirectory(const std::string& dir) {
  std::error_code error;
  std::filesystem::path existing = std::filesystem::absolute(dir, error);
  if (error) existing = dir;
  // The nearest part of the path that exists: the directory itself, or where it will be made.
  while (!std::filesystem::exists(existing, error) && existing.has_relative_path()) {
    existing = existing.parent_path();
  }
  if (!std::filesystem::is_directory(existing, error)) {
    return IoError(fmt::format("{}: cannot make the output directory: {} is not a directory", dir,
                               existing.string()));
  }
  std::string probe = (existing / ".tandem-check-XXXXXX").string();
  if (::mkdtemp(probe.data()) == nullptr) {
    const int code = errno;
    return IoError(fmt::format("{}: cannot write: {} in {}", dir,
                               code == EACCES || code == EPERM ? "no permission to create files"
                               : code == EROFS                 ? "a read-only file system"
                                                               : std::strerror(code),
                               existing.string()));
  }
  ::rmdir(probe.c_str());
  return Status::Ok();
}

std::vector<std::string> DictionaryFiles(const std::vector<std::string>& specs) {
  std::vector<std::string> files;
  for (const std::string& spec : specs) {
    if (spec != "auto" && spec != "none") files.push_back(spec);
  }
  return files;
}

Status CanonicalLanguageOption(std::string& value, const std::string& option) {
  if (value.empty()) return Status::Ok();
  std::string canonical = CanonicalLanguageTag(value);
  if (canonical.empty()) {
    return InvalidArgumentError(
        fmt::format("{} '{}': not a language tag (give a BCP 47 code such as en, hu, de, en-US)",
                    option, value));
  }
  value = std::move(canonical);
  return Status::Ok();
}

std::string Timestamp() {
  std::time_t seconds = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch != nullptr && *epoch != '\0') {
    char* end = nullptr;
    const long long value = std::strtoll(epoch, &end, 10);
    if (end != nullptr && *end == '\0' && value >= 0) seconds = static_cast<std::time_t>(value);
  }
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", utc.tm_year + 1900, utc.tm_mon + 1,
                     utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec);
}

std::uint64_t MachineMemory() {
  const long pages = ::sysconf(_SC_PHYS_PAGES);
  const long page_size = ::sysconf(_SC_PAGE_SIZE);
  std::uint64_t memory = pages > 0 && page_size > 0 ? static_cast<std::uint64_t>(pages) *
                                                          static_cast<std::uint64_t>(page_size)
                                                    : 0;
  for (const char* path :
       {"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"}) {
    std::ifstream in(path);
    std::uint64_t limit = 0;
    if (in >> limit && limit > 0 && (memory == 0 || limit < memory)) memory = limit;
  }
  return memory;
}

bool ParseSize(const std::string& text, std::uint64_t& bytes) {
  std::size_t used = 0;
  double value = 0;
  try {
    value = std::stod(text, &used);
  } catch (const std::exception&) {
    return false;
  }
  std::string suffix = text.substr(used);
  for (char& c : suffix) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (suffix.size() == 2 && suffix[1] == 'B') suffix.pop_back();
  double scale = 1;
  if (suffix == "K") {
    scale = 1024.0;
  } else if (suffix == "M") {
    scale = 1024.0 * 1024;
  } else if (suffix == "G") {
    scale = 1024.0 * 1024 * 1024;
  } else if (suffix == "T") {
    scale = 1024.0 * 1024 * 1024 * 1024;
  } else if (!suffix.empty() && suffix != "B") {
    return false;
  }
  const double result = value * scale;
  if (!(result >= 0) || result > 1.8e19) return false;
  bytes = static_cast<std::uint64_t>(result);
  return true;
}

void AddMemoryLimitOption(CLI::App* cmd, std::string* limit) {
  cmd->add_option("--memory-limit", *limit,
                  "refuse inputs whose alignment would need more memory than this (8G, 512M; 0: "
                  "no limit; default auto: the machine's memory)")
      ->default_val(*limit);
}

StatusOr<std::uint64_t> ResolveMemoryLimit(const std::string& limit) {
  if (limit == "auto") return MachineMemory();
  std::uint64_t bytes = 0;
  if (!ParseSize(limit, bytes)) {
    return InvalidArgumentError(
        fmt::format("--memory-limit {}: not a size (examples: 8G, 512M, 0 for no limit)", limit));
  }
  return bytes;
}

}  // namespace tandem::cli
