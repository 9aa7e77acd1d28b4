#include "fuzz_util.h"

#include <fstream>
#include <unistd.h>

namespace tandem::fuzz {

std::vector<std::string_view> SplitFiles(std::string_view input, std::size_t parts) {
  std::vector<std::string_view> files;
  while (files.size() + 1 < parts) {
    const std::size_t at = input.find(kFileSeparator);
    if (at == std::string_view::npos) break;
    files.push_back(input.substr(0, at));
    input.remove_prefix(at + kFileSeparator.size());
  }
  files.push_back(input);
  while (files.size() < parts) files.emplace_back();
  return files;
}

const std::string& ScratchDirectory() {
  static const std::string directory = [] {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern =
        std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/tandem-fuzz-XXXXXX";
    if (::mkdtemp(pattern.data()) == nullptr) {
      std::perror("tandem fuzz: mkdtemp");
      std::abort();
    }
    return pattern;
  }();
  return directory;
}

std::string WriteScratchFile(std::string_view name, std::string_view content) {
  std::string path = ScratchDirectory() + "/" + std::string(name);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.close();
  if (!out) {
    std::perror(("tandem fuzz: writing " + path).c_str());
    std::abort();
  }
  return path;
}

void CheckInvariant(const Status& status, std::string_view what) {
  if (status.ok()) return;
  std::fprintf(stderr, "tandem fuzz: %.*s: %s\n", static_cast<int>(what.size()), what.data(),
               status.ToString().c_str());
  std::abort();
}

bool NamesSpecialFile(std::string_view input) {
  for (const std::string_view prefix : {"/dev", "/proc", "/sys", "/run"}) {
    if (input.find(prefix) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace tandem::fuzz
