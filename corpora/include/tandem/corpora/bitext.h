// A bitext: two documents, what is known about them, and the ladder that aligns them. This is
// the unit every reader and writer of tandem exchanges (TEI, vecalign, JSONL, ...).
//
//   tandem::corpora::Bitext bitext = ...;            // from AlignFiles() or a reader
//   for (const auto& bead : bitext.ladder) {
//     for (std::size_t i = bead.source_begin; i < bead.source_end(); ++i)
//       std::cout << bitext.source.SentenceText(i) << '\n';
//   }
//
// Invariant (ValidateBitext): both documents are valid, and the ladder is complete and monotone
// over their sentences.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "tandem/align/bead.h"
#include "tandem/core/document.h"
#include "tandem/core/status.h"

namespace tandem::corpora {

// Bibliographic facts about one text of a pair, for output headers. Empty fields are unknown.
struct TextInfo {
  std::string title;
  std::string author;
  std::string date;        // as written ("16 December 1928")
  std::string date_iso;    // ISO 8601 when known ("1928-12-16")
  std::string translator;  // for a translation: who made it
  std::string publisher;   // where it was published ("The Militant, Vol. II. No. 7, 1929")
  std::string source;      // where this copy came from (an archive, a URL)
  std::string licence;
};

// How the alignment was made.
struct AlignmentInfo {
  std::string tool = "tandem";
  std::string version;
  std::string timestamp;  // ISO 8601 UTC, e.g. "2026-11-22T10:00:00Z"
  std::vector<std::pair<std::string, std::string>> parameters;  // name, value
};

struct Bitext {
  std::string title;  // of the aligned pair as a whole; empty: derived from the texts
  Document source;
  Document target;
  TextInfo source_info;
  TextInfo target_info;
  align::Ladder ladder;
  AlignmentInfo alignment;
};

Status ValidateBitext(const Bitext& bitext);

}  // namespace tandem::corpora
