// Metadata of an aligned pair for output headers (TEI, TMX), from a small JSON sidecar file or
// from command-line flags. The bundled pair has one: corpora/samples/reply-to-stalin/metadata.json.
//
//   {
//     "title": "Reply to Stalin (English and Hungarian)",
//     "source": {"title": "Reply to Stalin", "author": "L. D. Trotsky",
//                "date": "16 December 1928", "date_iso": "1928-12-16",
//                "translator": "The Militant", "publisher": "...", "source": "...",
//                "licence": "...", "note": "..."},
//     "target": {"author": "L. D. Trockij", "date": "1928. december 16."}
//   }
//
// Every key is optional; unknown keys are errors (they are typing mistakes more often than not).
//
//   TANDEM_ASSIGN_OR_RETURN(auto metadata, tandem::corpora::ReadMetadataFile("metadata.json"));
//   tandem::corpora::ApplyMetadata(metadata, bitext);
#pragma once

#include <string>
#include <string_view>

#include "tandem/core/status.h"
#include "tandem/corpora/bitext.h"

namespace tandem::corpora {

struct BitextMetadata {
  std::string title;  // of the pair
  TextInfo source;
  TextInfo target;
};

// Parses the JSON above; `name` is used in messages ("meta.json:3:14: ...").
StatusOr<BitextMetadata> ParseMetadata(std::string_view json, std::string_view name);

// Reads and parses the sidecar at `path`.
StatusOr<BitextMetadata> ReadMetadataFile(const std::string& path);

// Copies every non-empty field of `metadata` into `bitext` (fields left empty keep their value).
void ApplyMetadata(const BitextMetadata& metadata, Bitext& bitext);

// `overrides` on top of `base`: non-empty fields of `overrides` win.
BitextMetadata MergeMetadata(BitextMetadata base, const BitextMetadata& overrides);

}  // namespace tandem::corpora
