// Private: the pieces of text search that need ICU (the concordance, corpora/concordance.h):
// a folded view of text that still knows where each of its bytes came from, and regular
// expressions matched on UTF-8 text in place.
//
//   TANDEM_ASSIGN_OR_RETURN(tandem::internal::SearchFolder folder,
//                           tandem::internal::SearchFolder::Create({.case_fold = true}));
//   folder.Fold("Ősz", view);        // view.text == "o\u030Bsz", view.origin: 0 0 0 2 3 (4)
//
//   TANDEM_ASSIGN_OR_RETURN(auto regex, tandem::internal::SearchRegex::Compile("GPU|G\\.P\\.U\\.",
//                                                                               false));
//   tandem::internal::SearchRegex::Matcher matcher = regex.NewMatcher();
//   TANDEM_RETURN_IF_ERROR(matcher.FindAll(text, hits));
//
// The view is a comparison view only (like normalize.h): every code point is decomposed (NFD),
// so that precomposed and decomposed spellings compare equal; then, as asked, case-folded
// (Unicode full case folding, "ß" -> "ss") and stripped of its non-spacing marks (the accents:
// "ő" -> "o"). Folding is per code point: no context-dependent rules (Turkish dotted i, Greek
// final sigma) and no canonical reordering of several marks.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tandem/core/document.h"
#include "tandem/core/status.h"

namespace tandem::internal {

struct FoldOptions {
  bool case_fold = false;      // Unicode full case folding
  bool strip_accents = false;  // drop the non-spacing marks of the decomposition
};

// Text folded for searching, with the way back to the original.
struct FoldedText {
  std::string text;  // the folded view (UTF-8)
  // origin[k]: the byte offset, in the original, of the code point that gave byte k of `text`;
  // one more entry at the end, the original's size. A hit [b, e) of the view is
  // [origin[b], origin[e]) of the original, widened to whole code points.
  std::vector<std::uint32_t> origin;
};

// Immutable after Create(); Fold may be called from several threads at once.
class SearchFolder {
 public:
  static StatusOr<SearchFolder> Create(FoldOptions options);

  // Folds valid UTF-8 `text` (at most 4 GB) into `out`, replacing what it held.
  void Fold(std::string_view text, FoldedText& out) const;
  // The folded view of `text` alone (for queries).
  std::string Fold(std::string_view text) const;

  const FoldOptions& options() const { return options_; }

 private:
  SearchFolder() = default;
  void AppendFolded(char32_t c, std::string& out) const;
  FoldOptions options_;
  // The folded UTF-8 of U+0080..U+07FF (Latin, Greek, Cyrillic, Hebrew, Arabic...), computed
  // once: most non-ASCII text of the corpora is there.
  std::shared_ptr<const std::vector<std::string>> two_byte_;
};

// True for a letter, a digit or a mark (ICU properties): the characters a word is made of, for
// deciding whether a hit starts or ends at a word boundary.
bool IsWordCharacter(char32_t c);

// An ICU regular expression over UTF-8 text. Immutable after Compile(); each thread matches
// with a Matcher of its own.
class SearchRegex {
 public:
  // kInvalidArgument naming the problem and where it is in the pattern:
  // "invalid regular expression \"(ab\": unclosed parenthesis (at character 4)".
  static StatusOr<SearchRegex> Compile(std::string_view pattern, bool ignore_case);

  SearchRegex(SearchRegex&&) noexcept;
  SearchRegex& operator=(SearchRegex&&) noexcept;
  SearchRegex(const SearchRegex&) = delete;
  SearchRegex& operator=(const SearchRegex&) = delete;
  ~SearchRegex();

  class Matcher {
   public:
    Matcher(Matcher&&) noexcept;
    Matcher& operator=(Matcher&&) noexcept;
    Matcher(const Matcher&) = delete;
    Matcher& operator=(const Matcher&) = delete;
    ~Matcher();

    // Replaces `hits` with the non-overlapping, non-empty matches in valid UTF-8 `text`, as
    // byte spans. kResourceExhausted when the expression backtracks beyond ICU's time limit on
    // this text (a pattern such as (a+)+b).
    Status FindAll(std::string_view text, std::vector<Span>& hits);

   private:
    friend class SearchRegex;
    struct Impl;
    explicit Matcher(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
  };

  // A matcher for one thread.
  Matcher NewMatcher() const;

 private:
  struct Impl;
  explicit SearchRegex(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace tandem::internal
