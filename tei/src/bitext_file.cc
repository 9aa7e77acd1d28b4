#include "tandem/tei/bitext_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "tandem/core/text_io.h"
#include "tandem/tei/reader.h"

namespace tandem::tei {
namespace {

// FNV-1a, 64 bits: to tell whether a file's bytes changed, not against an adversary (the
// server's own token and the file system's permissions are the protection there).
std::uint64_t Hash(const std::string& bytes) {
  std::uint64_t h = 14695981039346656037ULL;
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h;
}

// A tandem corpus in one file is a teiCorpus; the alignment file of the split layout is a TEI
// with a standOff whose pointers name the two text files.
TeiLayout LayoutOf(const std::string& bytes) {
  const std::size_t root = bytes.find("<teiCorpus");
  const std::size_t tei = bytes.find("<TEI");
  if (root != std::string::npos && (tei == std::string::npos || root < tei)) {
    return TeiLayout::kSingleFile;
  }
  return TeiLayout::kSplit;
}

}  // namespace

StatusOr<BitextFile::Identity> BitextFile::Stat(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    const int error = errno;
    if (error == ENOENT) return NotFoundError(fmt::format("{}: the file is gone", path));
    return IoError(fmt::format("{}: {}", path, std::strerror(error)));
  }
  return Identity{.device = static_cast<std::uint64_t>(st.st_dev),
                  .inode = static_cast<std::uint64_t>(st.st_ino),
                  .size = static_cast<std::uint64_t>(st.st_size),
                  .mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 +
                              st.st_mtim.tv_nsec};
}

StatusOr<BitextFile> BitextFile::Open(const std::string& path, corpora::Bitext* bitext,
                                      const corpora::WarningCallback& warn) {
  BitextFile file;
  file.path_ = path;
  TANDEM_ASSIGN_OR_RETURN(std::string bytes, ReadFileBytes(path));
  TANDEM_ASSIGN_OR_RETURN(file.identity_, Stat(path));
  file.hash_ = Hash(bytes);
  file.layout_ = LayoutOf(bytes);
  TeiReadOptions options;
  options.warn = warn;
  TANDEM_ASSIGN_OR_RETURN(*bitext, ReadTei(std::move(bytes), path, options));
  return file;
}

Status BitextFile::Remember() {
  TANDEM_ASSIGN_OR_RETURN(const std::string bytes, ReadFileBytes(path_));
  TANDEM_ASSIGN_OR_RETURN(identity_, Stat(path_));
  hash_ = Hash(bytes);
  return Status::Ok();
}

Status BitextFile::CheckUnchanged() {
  StatusOr<Identity> now = Stat(path_);
  const std::string what = fmt::format(
      "{} was changed on disk by another program since tandem last read or wrote it; tandem "
      "will not overwrite it (reload it in the editor to go on from the file as it is now)",
      path_);
  if (!now.ok()) return ConflictError(fmt::format("{} ({})", what, now.status().message()));
  if (*now == identity_) return Status::Ok();
  // Touched, or rewritten with the same content: not a change that matters.
  StatusOr<std::string> bytes = ReadFileBytes(path_);
  if (bytes.ok() && Hash(*bytes) == hash_) {
    identity_ = *now;
    return Status::Ok();
  }
  return ConflictError(what);
}

Status BitextFile::KeepBackup() {
  const std::string backup = backup_path();
  const std::string temp = backup + ".tmp";
  std::remove(temp.c_str());
  // The file itself, not a symbolic link to it (which would show the new version once the
  // file behind it is replaced).
  if (::linkat(AT_FDCWD, path_.c_str(), AT_FDCWD, temp.c_str(), AT_SYMLINK_FOLLOW) == 0) {
    if (std::rename(temp.c_str(), backup.c_str()) == 0) return Status::Ok();
    const int error = errno;
    std::remove(temp.c_str());
    return IoError(fmt::format("{}: cannot keep the backup: {}", backup, std::strerror(error)));
  }
  // File systems without hard links: copy (atomically as well).
  TANDEM_ASSIGN_OR_RETURN(const std::string bytes, ReadFileBytes(path_));
  return WriteFileAtomically(backup, bytes);
}

Status BitextFile::Save(const corpora::Bitext& bitext) {
  TANDEM_RETURN_IF_ERROR(CheckUnchanged());
  TANDEM_RETURN_IF_ERROR(KeepBackup());
  TeiWriteOptions options;
  options.output_path = path_;
  options.layout = layout_;
  TANDEM_RETURN_IF_ERROR(WriteTeiFile(bitext, options));
  return Remember();
}

}  // namespace tandem::tei
