// The parallel concordance: every hit of a word, a phrase or a regular expression in aligned
// corpora, each with its sentence and the sentences the bead aligns it with on the other side
// (what ParaConc and the concordancers of Sketch Engine and OPUS show). `tandem concord` prints
// these rows; other programs get the same rows from here.
//
//   tandem::corpora::ConcordanceQuery query{.text = "G.P.U.", .ignore_case = true};
//   TANDEM_ASSIGN_OR_RETURN(auto concordancer, tandem::corpora::Concordancer::Create(query));
//   std::vector<tandem::corpora::ConcordanceRow> rows;
//   TANDEM_RETURN_IF_ERROR(concordancer.Search(bitext, "letter.tei.xml", rows));
//   for (const auto& row : rows) {
//     std::string_view hit = std::string_view(row.text).substr(row.hit.begin, row.hit.size());
//     ... row.other_texts: the aligned sentences of the other side (none: no counterpart)
//   }
//
// Invariants: rows come in corpus order, then bead order, source side before target side,
// then sentence order and hit order; hits of one sentence do not overlap; `hit` lies inside
// `text` on code point boundaries. Case and accent folding (ICU, per code point: NFD, Unicode
// full case folding, non-spacing marks dropped) only decide what matches: the rows hold the
// sentences exactly as the corpus has them.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tandem/core/document.h"
#include "tandem/core/status.h"
#include "tandem/corpora/bitext.h"

namespace tandem::corpora {

enum class ConcordanceSide {
  kSource,
  kTarget,
  kBoth,  // queries only: search both sides
};

// "source", "target", "both": the names on the command line and in JSON.
std::string_view ConcordanceSideName(ConcordanceSide side);

struct ConcordanceQuery {
  // A word or a phrase (spaces in it match any run of white space), or with `regex` an ICU
  // regular expression (https://unicode-org.github.io/icu/userguide/strings/regexp.html).
  std::string text;
  bool regex = false;
  bool ignore_case = false;   // "stalin" finds "Stalin" and "STALIN"
  bool fold_accents = false;  // "sztalin" finds "Sztálin", "o" finds "ő"
  // A word or phrase only matches where it starts and ends at word boundaries ("Stalin" does not
  // find "Stalinist"); false matches inside words too. Regular expressions say it with \b.
  bool whole_words = true;
  ConcordanceSide side = ConcordanceSide::kSource;  // where to look for hits
};

// One hit, in its sentence, with the bead around it.
struct ConcordanceRow {
  std::string corpus;                               // the corpus's name as the caller gave it
  std::size_t bead = 0;                             // index of the bead in the ladder
  ConcordanceSide side = ConcordanceSide::kSource;  // kSource or kTarget: the hit's side
  std::size_t sentence = 0;                         // index of the hit's sentence in its document
  Span hit;                                         // [begin, end) in UTF-8 bytes of `text`
  std::string text;                                 // the hit's sentence
  // The bead's sentences of the other side, by index and text; empty when the bead has none
  // (a 1:0 or 0:1 bead: the sentence has no counterpart).
  std::vector<std::size_t> other_sentences;
  std::vector<std::string> other_texts;
  std::string bead_type;  // "1:1", "2:1", "1:0", ...
  double confidence = 0.0;
  ReviewStatus review = ReviewStatus::kAutomatic;
};

// A compiled query. Immutable after Create(); Search may run on several threads at once.
class Concordancer {
 public:
  // kInvalidArgument for an empty query or a regular expression that does not compile, naming
  // the problem and where it is ("invalid regular expression \"(GPU\": unbalanced parenthesis").
  static StatusOr<Concordancer> Create(ConcordanceQuery query);

  Concordancer(Concordancer&&) noexcept;
  Concordancer& operator=(Concordancer&&) noexcept;
  Concordancer(const Concordancer&) = delete;
  Concordancer& operator=(const Concordancer&) = delete;
  ~Concordancer();

  // Appends a row for every hit in `bitext` (a valid bitext: ValidateBitext), naming it
  // `corpus`. kResourceExhausted when a regular expression backtracks beyond ICU's time limit
  // on a sentence (the message names the corpus and the sentence).
  Status Search(const Bitext& bitext, std::string_view corpus,
                std::vector<ConcordanceRow>& rows) const;

  const ConcordanceQuery& query() const;

 private:
  struct Impl;
  explicit Concordancer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Reads one corpus file (tandem::tei::ReadBitext in tandem's CLI; corpora cannot read TEI).
using BitextReader = std::function<StatusOr<Bitext>(const std::string& path)>;

// The concordance of `query` in the corpus files `paths`, each read with `read` and searched in
// turn (one corpus in memory at a time), rows named by the paths as given. Every path is checked
// before any is read, so that a mistyped last name fails at once: kNotFound naming the file
// ("-", standard input, is left to `read`).
StatusOr<std::vector<ConcordanceRow>> Concord(const std::vector<std::string>& paths,
                                              const ConcordanceQuery& query,
                                              const BitextReader& read);

}  // namespace tandem::corpora
