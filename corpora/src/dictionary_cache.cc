// Prepared dictionaries kept in a cache directory (dictionary.h).
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <functional>
#include <sys/mman.h>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

#include <fmt/format.h>

#include "dictionary_sources.h"
#include "tandem/core/text_io.h"
#include "tandem/core/version.h"
#include "tandem/corpora/dictionary.h"

namespace tandem::corpora {
namespace {

namespace fs = std::filesystem;

using internal::DictionarySource;

std::uint64_t Fnv1a(std::string_view text) {
  std::uint64_t hash = 0xCBF29CE484222325ull;
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001B3ull;
  }
  return hash;
}

// What a prepared dictionary is made from, as one string; empty when a file cannot be
// examined (it is then read as usual, and its error reported from there).
std::string Identity(const DictionarySource& source, const std::string& source_language,
                     const std::string& target_language) {
  std::string identity = fmt::format("tandem {} prepared-lexicon {} {} {} -> {}", kVersion,
                                     align::PreparedLexicon::kFormatVersion, source.how,
                                     source_language, target_language);
  for (const std::string& file : source.files) {
    struct stat status {};
    std::error_code error;
    const fs::path absolute = fs::absolute(file, error);
    if (error || ::stat(file.c_str(), &status) != 0) return "";
    identity += fmt::format("\n{} {} {}.{:09}", absolute.lexically_normal().string(),
                            status.st_size, status.st_mtim.tv_sec, status.st_mtim.tv_nsec);
  }
  return identity;
}

// Letters, digits, '.', '-' and '_' of a name, others as '_'.
std::string FileNamePart(std::string_view name) {
  std::string part;
  for (const char c : name) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '.' || c == '-' || c == '_';
    part += plain ? c : '_';
  }
  return part;
}

// A file mapped into memory, read-only; unmapped when the last reference goes.
struct Mapping {
  void* data = MAP_FAILED;
  std::size_t size = 0;
  Mapping() = default;
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;
  ~Mapping() {
    if (data != MAP_FAILED) ::munmap(data, size);
  }
};

// The prepared lexicon in `path`, or why it cannot be used; kNotFound when there is none.
StatusOr<align::PreparedLexicon> MapPrepared(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT || errno == ENOTDIR) return NotFoundError(path);
    return IoError(fmt::format("cannot open it: {}", std::strerror(errno)));
  }
  struct stat status {};
  if (::fstat(fd, &status) != 0 || status.st_size <= 0) {
    ::close(fd);
    return InvalidDataError("it is empty");
  }
  auto mapping = std::make_shared<Mapping>();
  mapping->size = static_cast<std::size_t>(status.st_size);
  mapping->data = ::mmap(nullptr, mapping->size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (mapping->data == MAP_FAILED) {
    return IoError(fmt::format("cannot map it into memory: {}", std::strerror(errno)));
  }
  const std::string_view bytes(static_cast<const char*>(mapping->data), mapping->size);
  return align::PreparedLexicon::FromBytes(std::move(mapping), bytes);
}

Status WritePrepared(const std::string& path, const align::PreparedLexicon& prepared) {
  TANDEM_ASSIGN_OR_RETURN(AtomicOutput out, AtomicOutput::Open(path));
  out.stream().write(prepared.bytes().data(),
                     static_cast<std::streamsize>(prepared.bytes().size()));
  return out.Commit();
}

// Removes the files of the same dictionary and languages other than `keep`.
void RemoveOlder(const fs::path& directory, const std::string& prefix, const std::string& keep) {
  std::error_code error;
  for (const fs::directory_entry& entry : fs::directory_iterator(directory, error)) {
    const std::string name = entry.path().filename().string();
    if (name != keep && name.starts_with(prefix) && name.ends_with(".tlex")) {
      fs::remove(entry.path(), error);
    }
  }
}

}  // namespace

std::string DefaultDictionaryCache() {
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  if (xdg != nullptr && *xdg == '/') return (fs::path(xdg) / "tandem").string();
  const char* home = std::getenv("HOME");
  if (home != nullptr && *home != '\0') return (fs::path(home) / ".cache" / "tandem").string();
  return "";
}

StatusOr<PreparedDictionaries> LoadPreparedDictionaries(const DictionaryRequest& request,
                                                        const std::string& source_language,
                                                        const std::string& target_language) {
  PreparedDictionaries result;
  TANDEM_ASSIGN_OR_RETURN(const std::vector<DictionarySource> sources,
                          internal::DictionarySources(request, source_language, target_language));
  const std::string directory = request.cache_directory.empty()     ? DefaultDictionaryCache()
                                : request.cache_directory == "none" ? ""
                                                                    : request.cache_directory;
  bool writable = !directory.empty();
  for (const DictionarySource& source : sources) {
    const std::string identity = Identity(source, source_language, target_language);
    const std::string prefix =
        fmt::format("{}.{}-{}.", FileNamePart(source.name), FileNamePart(source_language),
                    FileNamePart(target_language));
    const std::string file_name = fmt::format("{}{:016x}.tlex", prefix, Fnv1a(identity));
    const std::string path = (fs::path(directory) / file_name).string();
    const bool cacheable = !directory.empty() && !identity.empty();
    if (cacheable) {
      StatusOr<align::PreparedLexicon> cached = MapPrepared(path);
      if (cached.ok() && cached->name() != source.name) {
        cached = InvalidDataError(fmt::format("it holds {}", cached->name()));
      } else if (cached.ok() && !cached->Fits(source_language, target_language)) {
        cached = InvalidDataError("it was prepared for other languages");
      }
      if (cached.ok()) {
        result.lexicons.push_back(
            std::make_shared<const align::PreparedLexicon>(std::move(*cached)));
        ++result.from_cache;
        continue;
      }
      if (cached.status().code() != StatusCode::kNotFound) {
        result.notes.push_back(
            fmt::format("the prepared dictionary {} could not be used ({}); "
                        "it is prepared again",
                        path, cached.status().message()));
      }
    }
    TANDEM_ASSIGN_OR_RETURN(const align::Lexicon lexicon, source.read());
    TANDEM_ASSIGN_OR_RETURN(
        align::PreparedLexicon prepared,
        align::PreparedLexicon::Prepare(lexicon, source_language, target_language));
    if (cacheable && writable) {
      std::error_code error;
      fs::create_directories(directory, error);
      Status written = error ? IoError(fmt::format("{}: {}", directory, error.message()))
                             : WritePrepared(path, prepared);
      if (written.ok()) {
        RemoveOlder(directory, prefix, file_name);
      } else {
        writable = false;
        result.notes.push_back(fmt::format(
            "cannot keep prepared dictionaries in {} ({}); they are prepared at every run",
            directory, written.message()));
      }
    }
    result.lexicons.push_back(std::make_shared<const align::PreparedLexicon>(std::move(prepared)));
  }
  return result;
}

}  // namespace tandem::corpora
