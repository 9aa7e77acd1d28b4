#include "tandem/corpora/concordance.h"

#include <filesystem>
#include <optional>
#include <system_error>
#include <utility>

#include <fmt/format.h>

#include "tandem/util/utf8.h"
#include "text_search.h"

namespace tandem::corpora {
namespace {

using internal::FoldedText;
using internal::SearchFolder;
using internal::SearchRegex;

// The length of the white space character at `pos`, or 0 (words of a phrase are separated by
// any run of them).
std::size_t SpaceLength(std::string_view text, std::size_t pos) {
  return internal::SpaceAt(text, pos)
             ? internal::SequenceLength(static_cast<unsigned char>(text[pos]))
             : 0;
}

std::vector<std::string> SplitWords(std::string_view text) {
  std::vector<std::string> words;
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (const std::size_t space = SpaceLength(text, pos); space > 0) {
      pos += space;
      continue;
    }
    std::size_t end = pos;
    while (end < text.size() && SpaceLength(text, end) == 0) ++end;
    words.emplace_back(text.substr(pos, end - pos));
    pos = end;
  }
  return words;
}

bool IsWordAt(std::string_view text, std::size_t pos) {
  std::size_t length = 1;
  return internal::IsWordCharacter(internal::DecodeAt(text, pos, &length));
}

}  // namespace

std::string_view ConcordanceSideName(ConcordanceSide side) {
  switch (side) {
    case ConcordanceSide::kSource:
      return "source";
    case ConcordanceSide::kTarget:
      return "target";
    case ConcordanceSide::kBoth:
      return "both";
  }
  return "source";
}

struct Concordancer::Impl {
  ConcordanceQuery query;
  // The view searched: folded when the query folds anything (for a regular expression, accents
  // only: its case is ICU's flag, since folding a pattern would turn \W into \w).
  std::optional<SearchFolder> folder;
  std::vector<std::string> words;  // a literal query: its words, folded like the text
  bool starts_with_word = false;   // the query's first character is a word character
  bool ends_with_word = false;
  std::optional<SearchRegex> regex;

  // Per call: the buffers of one search, so that Search stays const and thread-safe.
  struct Scratch {
    FoldedText folded;
    std::vector<Span> hits;
    std::optional<SearchRegex::Matcher> matcher;
  };

  Status FindHits(std::string_view sentence, Scratch& scratch) const;
  void FindLiteral(std::string_view view, std::string_view sentence, const FoldedText* folded,
                   std::vector<Span>& hits) const;
};

Concordancer::Concordancer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Concordancer::Concordancer(Concordancer&&) noexcept = default;
Concordancer& Concordancer::operator=(Concordancer&&) noexcept = default;
Concordancer::~Concordancer() = default;

const ConcordanceQuery& Concordancer::query() const { return impl_->query; }

StatusOr<Concordancer> Concordancer::Create(ConcordanceQuery query) {
  auto impl = std::make_unique<Impl>();
  if (SplitWords(query.text).empty()) {
    return InvalidArgumentError(
        "the query is empty: give a word, a phrase or a regular expression");
  }
  if (query.regex) {
    std::string pattern = query.text;
    if (query.fold_accents) {
      TANDEM_ASSIGN_OR_RETURN(SearchFolder folder,
                              SearchFolder::Create({.case_fold = false, .strip_accents = true}));
      // Accents are never regular-expression syntax, so dropping them from the pattern keeps
      // its meaning.
      pattern = folder.Fold(pattern);
      impl->folder = std::move(folder);
    }
    TANDEM_ASSIGN_OR_RETURN(SearchRegex regex, SearchRegex::Compile(pattern, query.ignore_case));
    impl->regex = std::move(regex);
  } else {
    std::string text = query.text;
    if (query.ignore_case || query.fold_accents) {
      TANDEM_ASSIGN_OR_RETURN(SearchFolder folder,
                              SearchFolder::Create({.case_fold = query.ignore_case,
                                                    .strip_accents = query.fold_accents}));
      text = folder.Fold(text);
      impl->folder = std::move(folder);
    }
    impl->words = SplitWords(text);
    if (impl->words.empty()) {
      return InvalidArgumentError(
          fmt::format("the query \"{}\" is empty once its accents are ignored", query.text));
    }
    const std::vector<std::string> original = SplitWords(query.text);
    impl->starts_with_word = IsWordAt(original.front(), 0);
    const std::string& last = original.back();
    impl->ends_with_word = IsWordAt(last, internal::PreviousStart(last, last.size()));
  }
  impl->query = std::move(query);
  return Concordancer(std::move(impl));
}

void Concordancer::Impl::FindLiteral(std::string_view view, std::string_view sentence,
                                     const FoldedText* folded, std::vector<Span>& hits) const {
  const std::string& first = words.front();
  std::size_t from = 0;
  while (from < view.size()) {
    const std::size_t begin = view.find(first, from);
    if (begin == std::string_view::npos) return;
    std::size_t end = begin + first.size();
    bool matched = true;
    for (std::size_t w = 1; w < words.size() && matched; ++w) {
      std::size_t spaces = 0;
      while (end < view.size()) {
        const std::size_t space = SpaceLength(view, end);
        if (space == 0) break;
        end += space;
        spaces += space;
      }
      matched = spaces > 0 && view.compare(end, words[w].size(), words[w]) == 0;
      end += words[w].size();
    }
    if (!matched) {
      from = begin + 1;
      continue;
    }
    // Back to the sentence's bytes, widened to whole code points.
    Span hit{begin, end};
    if (folded != nullptr) {
      hit.begin = folded->origin[begin];
      const std::size_t last = folded->origin[end - 1];
      hit.end = last + internal::SequenceLength(static_cast<unsigned char>(sentence[last]));
    }
    const bool starts_ok =
        query.whole_words && starts_with_word
            ? hit.begin == 0 || !IsWordAt(sentence, internal::PreviousStart(sentence, hit.begin))
            : true;
    const bool ends_ok = query.whole_words && ends_with_word
                             ? hit.end >= sentence.size() || !IsWordAt(sentence, hit.end)
                             : true;
    if (starts_ok && ends_ok) {
      hits.push_back(hit);
      from = end;
    } else {
      from = begin + 1;
    }
  }
}

Status Concordancer::Impl::FindHits(std::string_view sentence, Scratch& scratch) const {
  scratch.hits.clear();
  std::string_view view = sentence;
  const FoldedText* folded = nullptr;
  if (folder.has_value()) {
    folder->Fold(sentence, scratch.folded);
    view = scratch.folded.text;
    folded = &scratch.folded;
  }
  if (!regex.has_value()) {
    FindLiteral(view, sentence, folded, scratch.hits);
    return Status::Ok();
  }
  TANDEM_RETURN_IF_ERROR(scratch.matcher->FindAll(view, scratch.hits));
  if (folded != nullptr) {
    for (Span& hit : scratch.hits) {
      const std::size_t last = folded->origin[hit.end - 1];
      hit.begin = folded->origin[hit.begin];
      hit.end = last + internal::SequenceLength(static_cast<unsigned char>(sentence[last]));
    }
  }
  return Status::Ok();
}

Status Concordancer::Search(const Bitext& bitext, std::string_view corpus,
                            std::vector<ConcordanceRow>& rows) const {
  Impl::Scratch scratch;
  if (impl_->regex.has_value()) scratch.matcher.emplace(impl_->regex->NewMatcher());
  const ConcordanceSide wanted = impl_->query.side;
  const bool source = wanted != ConcordanceSide::kTarget;
  const bool target = wanted != ConcordanceSide::kSource;
  for (std::size_t k = 0; k < bitext.ladder.size(); ++k) {
    const align::Bead& bead = bitext.ladder[k];
    for (const ConcordanceSide side : {ConcordanceSide::kSource, ConcordanceSide::kTarget}) {
      const bool is_source = side == ConcordanceSide::kSource;
      if (is_source ? !source : !target) continue;
      const Document& document = is_source ? bitext.source : bitext.target;
      const Document& other = is_source ? bitext.target : bitext.source;
      const std::size_t begin = is_source ? bead.source_begin : bead.target_begin;
      const std::size_t end = is_source ? bead.source_end() : bead.target_end();
      const std::size_t other_begin = is_source ? bead.target_begin : bead.source_begin;
      const std::size_t other_end = is_source ? bead.target_end() : bead.source_end();
      for (std::size_t i = begin; i < end; ++i) {
        const std::string_view sentence = document.SentenceText(i);
        if (const Status found = impl_->FindHits(sentence, scratch); !found.ok()) {
          return found.WithContext(
              fmt::format("{}: {} sentence {}", corpus, ConcordanceSideName(side), i + 1));
        }
        for (const Span& hit : scratch.hits) {
          ConcordanceRow row;
          row.corpus = std::string(corpus);
          row.bead = k;
          row.side = side;
          row.sentence = i;
          row.hit = hit;
          row.text = std::string(sentence);
          for (std::size_t j = other_begin; j < other_end; ++j) {
            row.other_sentences.push_back(j);
            row.other_texts.emplace_back(other.SentenceText(j));
          }
          row.bead_type = align::BeadTypeName(bead);
          row.confidence = bead.confidence;
          row.review = ReviewOf(bitext, k).status;
          rows.push_back(std::move(row));
        }
      }
    }
  }
  return Status::Ok();
}

StatusOr<std::vector<ConcordanceRow>> Concord(const std::vector<std::string>& paths,
                                              const ConcordanceQuery& query,
                                              const BitextReader& read) {
  TANDEM_ASSIGN_OR_RETURN(Concordancer concordancer, Concordancer::Create(query));
  for (const std::string& path : paths) {
    std::error_code error;
    if (path != "-" && !std::filesystem::exists(path, error)) {
      return NotFoundError(fmt::format("{}: no such corpus file", path));
    }
  }
  std::vector<ConcordanceRow> rows;
  for (const std::string& path : paths) {
    TANDEM_ASSIGN_OR_RETURN(Bitext bitext, read(path));
    TANDEM_RETURN_IF_ERROR(concordancer.Search(bitext, path, rows));
  }
  return rows;
}

}  // namespace tandem::corpora
