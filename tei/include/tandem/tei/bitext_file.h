// A bitext file that is edited in place (tandem's TEI, one file or the split layout): read once,
// then saved after every change, never over someone else's changes and never damaging the file.
// The review editor saves after every edit, so that a crash or a killed server loses at most the
// change being made; `tandem align --keep` saves the re-aligned bitext the same way.
//
//   tandem::corpora::Bitext bitext;
//   TANDEM_ASSIGN_OR_RETURN(tandem::tei::BitextFile file,
//                           tandem::tei::BitextFile::Open("pair.tei.xml", &bitext, warn));
//   ... change bitext ...
//   TANDEM_RETURN_IF_ERROR(file.Save(bitext));   // kConflict if the file changed meanwhile
//
// Saving (Save):
//   1. the file must still be what the session read or last wrote (same inode, size and time,
//      or else the same bytes): if someone else changed it, kConflict, and nothing is written;
//   2. the current file is kept as CORPUS.bak (a hard link made under a temporary name and
//      renamed over the old backup, so the backup too is always complete);
//   3. the new version is written to a temporary file beside it, flushed to disk and renamed
//      over the corpus (tandem::AtomicOutput): at every moment the corpus is either the old or
//      the new version, complete.
// A check-then-write window of a few milliseconds remains in which another program's write
// could be overwritten; editors and version control tools write files the same way.
#pragma once

#include <cstdint>
#include <string>

#include "tandem/core/status.h"
#include "tandem/corpora/bitext.h"
#include "tandem/tei/writer.h"

namespace tandem::tei {

class BitextFile {
 public:
  // Reads the bitext at `path` (TEI, tandem's one-file or split layout) into `*bitext` and
  // remembers the file as it is.
  static StatusOr<BitextFile> Open(const std::string& path, corpora::Bitext* bitext,
                                   const corpora::WarningCallback& warn);

  // Ok when the file on disk is still the one this object read or wrote last; kConflict with
  // a message for the reviewer otherwise (or when it is gone).
  Status CheckUnchanged();

  // Writes `bitext` in the file's own layout: checks that the file is unchanged, keeps it as
  // PATH.bak, replaces it atomically (see the top of this file).
  Status Save(const corpora::Bitext& bitext);

  // The file, and where Save keeps the previous version.
  const std::string& path() const { return path_; }
  std::string backup_path() const { return path_ + ".bak"; }

 private:
  struct Identity {
    std::uint64_t device = 0;
    std::uint64_t inode = 0;
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    bool operator==(const Identity&) const = default;
  };
  static StatusOr<Identity> Stat(const std::string& path);
  Status Remember();  // the identity and content hash of the file as it is now
  Status KeepBackup();

  std::string path_;
  TeiLayout layout_ = TeiLayout::kSingleFile;
  Identity identity_;
  std::uint64_t hash_ = 0;
  std::string opened_at_;  // when the session read the file, for messages
};

}  // namespace tandem::tei
