// Finding translations in a pile of documents: which documents (or which regions of longer
// documents) translate each other. What `tandem discover` runs.
//
//   tandem::corpora::DiscoverOptions options;
//   options.paths = {"a.txt", "b.txt", "c.txt"};
//   TANDEM_ASSIGN_OR_RETURN(tandem::corpora::Discovery found, tandem::corpora::Discover(options));
//   for (const auto& pair : found.pairs) std::cout << pair.source << " " << pair.target << "\n";
//
// How, in three stages, so that thousands of documents are not all aligned with each other:
// 1. Every document is read, its language identified (core/language_id.h: the whole text, and
//    each paragraph of 40 bytes or more) unless declared, and segmented. Exact duplicates
//    (the same text after whitespace is collapsed) are set aside.
// 2. Cheap signatures: each document becomes a set of features (stems of its words, numbers,
//    capitalised words); a document's word stems are mapped through the bilingual
//    dictionaries of each other language into that language's stems. Features are weighted by
//    their rarity (inverse document frequency) and looked up in an inverted index, so the cost
//    grows with the number of shared features, not with the square of the collection. The
//    score of a pair is the weight of what they share over the weight of the smaller one's
//    features (containment, so that a short document inside a long one scores high); each
//    document keeps its best few candidates in each other language.
// 3. Candidates are aligned (align::AlignWithReport, with the dictionaries of the pair). A pair
//    is kept when enough confident two-sided beads fall in one dense region; the region (the
//    paragraphs from the first to the last of them, on each side) is reported. A document may
//    pair with several others as long as their regions on it do not overlap; better pairs
//    win.
//
// The library prints nothing: warnings (a declared language that detection contradicts) and
// progress go to the callbacks of the options.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "tandem/align/aligner.h"
#include "tandem/core/status.h"
#include "tandem/corpora/bitext.h"
#include "tandem/corpora/dictionary.h"

namespace tandem::corpora {

struct DiscoverOptions {
  // The documents (plain text, UTF-8 or with a byte-order mark).
  std::vector<std::string> paths;
  // Declared languages: path (as given in `paths`, or its file name) -> BCP 47 tag. A declared
  // language wins over detection; a contradiction is warned about.
  std::map<std::string, std::string> declared_languages;
  // Documents whose language is detected with less than this share of their letters are
  // still used, with a warning; below it CLD2's "unreliable" verdict also warns.
  int min_language_percent = 50;
  // Stage 2: candidates kept per document and other language, and the least signature score
  // (0-1) and number of shared features of a candidate.
  std::size_t candidates_per_document = 3;
  double min_signature_score = 0.05;
  std::size_t min_shared_features = 3;
  // Features found in more than this share of a language's documents are ignored (function
  // words), once that language has at least 4 documents.
  double max_feature_share = 0.5;
  // Stage 3: a bead is an anchor when it has sentences on both sides and at least this
  // confidence. A pair needs `min_anchors` anchors, and in its region at least
  // `min_density` of the sentences on each side must be in anchors.
  double anchor_confidence = 0.5;
  std::size_t min_anchors = 4;
  double min_density = 0.35;
  // Two-sided beads of at least this confidence that continue the run of anchors extend the
  // region (a short sentence at the edge has little evidence).
  double edge_confidence = 0.2;
  // Where both texts go on without counterparts beyond an edge of the region, a paragraph of a
  // single sentence right at the edge on one side (and not on the other) is taken in: a
  // translation's own opening or closing line. A heuristic, see docs/architecture.md.
  bool edge_sentences = true;
  // The least score (mean anchor confidence times the lower density) of a pair.
  double min_score = 0.4;
  // Bilingual dictionaries, as for `tandem align` (FreeDict between each two languages by default).
  DictionaryRequest dictionaries;
  // The aligner's options for the candidate alignments (its own threads are set to 1: the
  // candidates are aligned in parallel instead).
  align::AlignOptions align;
  // Threads for reading and aligning; 0 = one per core.
  std::size_t threads = 0;
  // The most memory the candidate alignments running at once may take together, in bytes; 0:
  // no limit. Each candidate gets its share (the limit divided by the threads); a candidate
  // whose texts would need more fails the discovery with kResourceExhausted, naming both
  // documents (CheckAlignmentMemory, pipeline.h).
  std::uint64_t memory_limit = 0;
  WarningCallback warn;
  std::function<void(const std::string& message)> progress;
};

// A language found in a document, with the share of its paragraphs.
struct ParagraphLanguage {
  std::string language;  // "" for paragraphs too short to tell
  std::size_t paragraphs = 0;
};

struct DiscoveredDocument {
  std::string path;
  std::string language;           // used for pairing: declared or detected; "" unknown
  std::string detected_language;  // what CLD2 said ("" unknown)
  int percent = 0;                // CLD2's share of the text's letters in that language
  bool reliable = false;
  bool declared = false;  // the language was given, not detected
  std::size_t bytes = 0;
  std::size_t paragraphs = 0;
  std::size_t sentences = 0;
  std::size_t words = 0;
  // The paragraphs' own languages, most frequent first (a mixed document has several), and
  // last the number of paragraphs too short to tell (language "").
  std::vector<ParagraphLanguage> paragraph_languages;
  std::string duplicate_of;  // path of an earlier document with the same text, or ""
};

// Where a pair corresponds on one side: 1-based, inclusive.
struct Region {
  std::size_t first_paragraph = 0;
  std::size_t last_paragraph = 0;
  std::size_t first_line = 0;  // lines of the file
  std::size_t last_line = 0;
  std::size_t first_sentence = 0;
  std::size_t last_sentence = 0;
  // The region is the document, but for at most max(3, 5%) of its sentences at the edges.
  bool whole = false;
};

struct DiscoveredPair {
  std::string source;  // paths; the source is the side whose language tag sorts first
  std::string target;
  std::string source_language;
  std::string target_language;
  double signature = 0;  // stage 2 score, 0-1
  double score = 0;      // stage 3: mean anchor confidence times the lower density, 0-1
  std::size_t anchors = 0;
  double mean_confidence = 0;  // of the anchors
  Region source_region;
  Region target_region;
  bool partial() const { return !source_region.whole || !target_region.whole; }
};

struct Discovery {
  std::vector<DiscoveredDocument> documents;  // in the order of DiscoverOptions::paths
  std::vector<DiscoveredPair> pairs;          // best score first
  std::size_t candidates = 0;                 // pairs aligned in stage 3
};

// The entry point of discovery (the three stages at the top of this file): reads every document
// of `options.paths` and returns the documents with their languages and the pairs found. Errors
// name the document.
StatusOr<Discovery> Discover(const DiscoverOptions& options);

// The regular files in `directory` (not recursive; hidden files, README*, LICENSE*, LICENCE*,
// COPYING* and tandem's metadata sidecar, metadata.json, skipped), sorted by name.
StatusOr<std::vector<std::string>> ListDocuments(const std::string& directory);

// The manifest as TSV: a header line, then one line per pair with the columns id, source,
// target, source_lang, target_lang, score, partial (yes/no), source_paragraphs,
// target_paragraphs, source_lines, target_lines (ranges "6-24"). `tandem batch` reads it.
std::string FormatManifestTsv(const Discovery& discovery);

// Everything as JSON: {"documents": [...], "pairs": [...], "candidates": N}.
std::string FormatDiscoveryJson(const Discovery& discovery);

// An identifier for a pair, from its file names: "003_x__002_y" (the stems of both names).
std::string PairId(const std::string& source, const std::string& target);

}  // namespace tandem::corpora
